import Content
import Core
import Datasets
import Foundation
import Simulation

extension Sandbox {
  /// CreateModelCustomizationJob: checks the request as the service does, then plans the job.
  /// Request problems throw (ValidationException, ConflictException, …); problems in the data or
  /// the role's S3 permissions make the job fail in its validation stage, as on Bedrock.
  public mutating func createJob(
    _ request: JobRequest, now: Date, objects: some ObjectStore, random: inout SeededGenerator
  ) throws(SandboxError) -> CustomizationJob {
    var shape: [String] = []
    if !NamePattern.isValidJobName(request.jobName) {
      shape.append(
        "Value '\(S3Location.clip(request.jobName))' at 'jobName' failed to satisfy constraint: 1–63 letters, digits, "
          + "hyphens, plus signs or dots, starting with a letter or digit")
    }
    if !NamePattern.isValidModelName(request.customModelName) {
      shape.append(
        "Value '\(S3Location.clip(request.customModelName))' at 'customModelName' failed to satisfy constraint: 1–63 "
          + "letters and digits, each optionally followed by one '_' or '-'")
    }
    if let vpc = request.vpcConfig {
      if !(1...16).contains(vpc.subnetIds.count) { shape.append("'vpcConfig.subnetIds' needs 1–16 subnet ids") }
      if !(1...5).contains(vpc.securityGroupIds.count) {
        shape.append("'vpcConfig.securityGroupIds' needs 1–5 security group ids")
      }
    }
    let training = Result { () throws(SandboxError) in try S3Location.parse(request.trainingDataURI) }
    let output = Result { () throws(SandboxError) in try S3Location.parse(request.outputDataURI) }
    let validation = request.validationDataURI.map { uri in
      Result { () throws(SandboxError) in try S3Location.parse(uri) }
    }
    for (field, result) in [("trainingDataConfig.s3Uri", training), ("outputDataConfig.s3Uri", output)]
      + (validation.map { [("validationDataConfig.validators[0].s3Uri", $0)] } ?? [])
    {
      if case .failure(let error) = result { shape.append("'\(field)': \(error.message)") }
    }
    if !shape.isEmpty {
      let count = shape.count
      throw SandboxError.validation(
        "\(count) validation error\(count == 1 ? "" : "s") detected: " + shape.joined(separator: "; "))
    }
    let trainingURI = try training.get()
    let outputURI = try output.get()
    let validationURI = try validation?.get()

    // The base model and the method.
    let base = try foundationModel(request.baseModelIdentifier)
    let method: ModelEntry.CustomizationMethod =
      switch request.customizationType {
      case .fineTuning: .fineTuning
      case .continuedPreTraining: .continuedPreTraining
      case .distillation: .distillationStudent
      }
    guard base.customization.supports(method) else {
      let supporting = catalog.models.filter { $0.customization.supports(method) }.map(\.slug)
      throw SandboxError.validation(
        "\(base.name) (\(base.id)) does not support \(request.customizationType.rawValue). Models that do: "
          + supporting.prefix(8).joined(separator: ", ") + (supporting.count > 8 ? ", …" : ""))
    }
    guard let trainingProfile = profiles.model(base.id)?.training,
      let spec = trainingProfile.datasets.first(where: { $0.type == method.datasetType })
    else {
      throw SandboxError.validation(
        "the sandbox has no training profile for \(base.id) \(request.customizationType.rawValue); see Resources/sandbox"
      )
    }

    // Names are unique in the account.
    if state.jobs.contains(where: { $0.jobName == request.jobName }) {
      throw SandboxError(
        .conflict, "A model customization job named \(request.jobName) already exists; choose another job name")
    }
    if customModels(at: now).contains(where: { $0.modelName == request.customModelName }) {
      throw SandboxError(
        .conflict, "A custom model named \(request.customModelName) already exists; choose another custom model name")
    }

    // Distillation's teacher.
    var teacher: ModelEntry?
    if request.customizationType == .distillation {
      guard let identifier = request.teacherModelIdentifier else {
        let teachers = catalog.models.filter { $0.customization.teacherFor.contains(base.slug) }.map(\.slug)
        throw SandboxError.validation(
          "distillation needs a teacher model (customizationConfig.distillationConfig.teacherModelConfig); "
            + "teachers for \(base.name): \(teachers.isEmpty ? "none" : teachers.joined(separator: ", "))")
      }
      let candidate = try foundationModel(identifier)
      guard candidate.customization.teacherFor.contains(base.slug) else {
        let teachers = catalog.models.filter { $0.customization.teacherFor.contains(base.slug) }.map(\.slug)
        throw SandboxError.validation(
          "\(candidate.name) can't teach \(base.name); teachers for it: "
            + (teachers.isEmpty ? "none" : teachers.joined(separator: ", ")))
      }
      teacher = candidate
    } else if request.teacherModelIdentifier != nil {
      throw SandboxError.validation("a teacher model is only for DISTILLATION jobs")
    }

    // Hyperparameters, as strings, within the model's ranges.
    let hyperParameters: [String: String]
    switch HyperparameterCheck.resolve(request.hyperParameters, for: base) {
    case .success(let values): hyperParameters = values
    case .failure(let error): throw error
    }

    // The role Bedrock assumes.
    let role = try role(request.roleIdentifier)
    let rolePrefix = "arn:aws:iam::\(SandboxAccount.id):role/"
    if request.roleIdentifier.hasPrefix("arn:"), request.roleIdentifier != rolePrefix + role.name {
      throw SandboxError.validation("roleArn must be \(rolePrefix)NAME in the sandbox account")
    }
    let trustProblems = RoleRequirements.problems(role: role, reads: [], writes: outputURI).filter {
      $0.contains("can't assume")
    }
    if let first = trustProblems.first { throw SandboxError(.accessDenied, first) }

    // The data must exist.
    guard objects.bucketExists(trainingURI.bucket) else {
      throw SandboxError.validation("training data bucket '\(trainingURI.bucket)' does not exist (s3 mb, then s3 cp)")
    }
    guard let trainingBytes = try objects.read(trainingURI) else {
      throw SandboxError.validation(
        "no training data at \(trainingURI): upload it with 's3 cp FILE \(trainingURI)'")
    }
    var validationBytes: [UInt8]?
    if let validationURI {
      guard objects.bucketExists(validationURI.bucket), let bytes = try objects.read(validationURI) else {
        throw SandboxError.validation("no validation data at \(validationURI)")
      }
      validationBytes = bytes
    }
    guard objects.bucketExists(outputURI.bucket) else {
      throw SandboxError.validation(
        "output bucket '\(outputURI.bucket)' does not exist: create it with 's3 mb s3://\(outputURI.bucket)'")
    }

    // Plan the job.
    let jobID = newResourceID(&random)
    let modelID = newResourceID(&random)
    let curveSeed = random.next()
    let trainingReport = DatasetValidator(format: spec.format, limits: spec.limits, role: .training).validate(
      trainingBytes)
    let validationReport = validationBytes.map {
      DatasetValidator(format: spec.format, limits: spec.limits, role: .validation).validate($0)
    }
    let s3Problems = RoleRequirements.problems(
      role: role, reads: [trainingURI] + (validationURI.map { [$0] } ?? []), writes: outputURI)
    let records = max(trainingReport.records, 1)
    let tokensPerRecord = Double(trainingReport.estimatedTokens) / Double(records)
    let setup = Self.trainingSetup(
      values: hyperParameters, model: base, type: request.customizationType, records: trainingReport.records,
      validationRecords: validationReport?.records ?? 0, tokensPerRecord: tokensPerRecord)
    let curve = LossCurveModel.simulate(setup, seed: curveSeed)

    let validationMinutes = 3 + Double(trainingReport.records + (validationReport?.records ?? 0)) / 2_000
    let validationEnd = now.addingTimeInterval(validationMinutes * 60)
    let processingEnd = validationEnd.addingTimeInterval((5 + Double(trainingReport.estimatedTokens) / 2_000_000) * 60)
    var epochs = Double(setup.epochs)
    var failure: CustomizationJob.PlannedFailure?
    switch curve.outcome {
    case .earlyStopped(let epoch): epochs = Double(epoch)
    case .diverged(let step): epochs = Double(step) / Double(setup.stepsPerEpoch)
    default: break
    }
    let trainingMinutes = max(
      10, Double(trainingReport.estimatedTokens) * Double(setup.epochs) / max(trainingProfile.tokensPerMinute, 1))
    let trainingEnd = processingEnd.addingTimeInterval(trainingMinutes * 60 * epochs / Double(max(setup.epochs, 1)))

    var datasetProblems = trainingReport.problems.map {
      "training data line \($0.line.map(String.init) ?? "-"): \($0.message)"
    }
    if let validationReport {
      datasetProblems += validationReport.problems.map {
        "validation data line \($0.line.map(String.init) ?? "-"): \($0.message)"
      }
    }
    if !s3Problems.isEmpty {
      failure = .init(
        stage: .validation, at: now.addingTimeInterval(60),
        message: "AccessDenied: " + s3Problems.joined(separator: " "))
    } else if !datasetProblems.isEmpty {
      let omitted = trainingReport.omittedProblems + (validationReport?.omittedProblems ?? 0)
      let shown = datasetProblems.prefix(5).joined(separator: "; ")
      let more = datasetProblems.count - min(5, datasetProblems.count) + omitted
      failure = .init(
        stage: .validation, at: validationEnd,
        message: "Data validation failed: \(shown)" + (more > 0 ? "; and \(more) more" : "")
          + ". Check the file with 'validate-dataset FILE --model \(base.slug)'.")
    } else if case .diverged(let step) = curve.outcome {
      failure = .init(
        stage: .training, at: trainingEnd,
        message:
          "Training failed at step \(step): the loss diverged (learning rate \(hyperParameters.learningRateText) "
          + "is too high for \(base.name)). Lower learningRate and start a new job.")
    }

    var teacherCost = 0.0
    if let teacher, let pricing = teacher.pricing {
      let response = Double(request.maxResponseLengthForInference ?? 1_000)
      let promptTokens = tokensPerRecord
      teacherCost =
        Double(trainingReport.records)
        * (promptTokens * (pricing.inputPer1K ?? 0) + response * (pricing.outputPer1K ?? 0))
        / 1000
    }
    let job = CustomizationJob(
      jobName: request.jobName,
      jobArn: SandboxAccount.jobARN(baseModelID: base.id, resourceID: jobID),
      customModelName: request.customModelName,
      outputModelArn: SandboxAccount.customModelARN(baseModelID: base.id, resourceID: modelID),
      roleArn: role.arn, baseModelId: base.id, customizationType: request.customizationType,
      trainingDataConfig: trainingURI, validationDataConfig: validationURI, outputDataConfig: outputURI,
      hyperParameters: hyperParameters, vpcConfig: request.vpcConfig, teacherModelIdentifier: teacher?.id,
      creationTime: now, validationEnd: validationEnd, dataProcessingEnd: processingEnd, trainingEnd: trainingEnd,
      failure: failure, stopRequestedAt: nil, setup: setup, curveSeed: curveSeed,
      records: trainingReport.records, validationRecords: validationReport?.records ?? 0,
      trainingTokens: trainingReport.estimatedTokens, plannedEpochs: epochs,
      pricePer1KTokens: trainingProfile.pricePer1KTokens, teacherCost: teacherCost,
      priceIllustrative: trainingProfile.basis.illustrative,
      trainingLoss: curve.finalTrainingLoss, validationLoss: curve.finalValidationLoss, curveNotes: curve.notes,
      outputsWritten: false)
    state.jobs.append(job)
    state.customModels.append(
      CustomModel(
        modelName: request.customModelName, modelArn: job.outputModelArn, baseModelId: base.id,
        jobName: request.jobName, customizationType: request.customizationType, creationTime: now,
        storagePerMonth: trainingProfile.storagePerMonth, trainingLoss: nil, validationLoss: nil, deletedAt: nil))
    return job
  }

  /// The loss-curve setup a job's hyperparameters describe.
  static func trainingSetup(
    values: [String: String], model: ModelEntry, type: CustomizationType, records: Int, validationRecords: Int,
    tokensPerRecord: Double
  ) -> TrainingSetup {
    let specs = model.customization.hyperparameters
    let rateSpec = specs.first { $0.name.hasPrefix("learningRate") && !$0.name.contains("Warmup") }
    let rateDefault = rateSpec?.defaultValue.flatMap(Double.init) ?? 1e-5
    let rateMax = rateSpec?.max.flatMap(Double.init) ?? rateDefault * 10
    let rate = rateSpec.flatMap { HyperparameterCheck.number($0.name, in: values) } ?? rateDefault
    var earlyStopping: TrainingSetup.EarlyStopping?
    if let threshold = HyperparameterCheck.number("earlyStoppingThreshold", in: values),
      let patience = HyperparameterCheck.number("earlyStoppingPatience", in: values), validationRecords > 0
    {
      earlyStopping = .init(threshold: threshold, patience: Int(patience))
    }
    let kind: TrainingSetup.Kind =
      switch type {
      case .fineTuning: .fineTuning
      case .continuedPreTraining: .continuedPreTraining
      case .distillation: .distillation
      }
    return TrainingSetup(
      records: records, validationRecords: validationRecords, tokensPerRecord: tokensPerRecord,
      epochs: Int(HyperparameterCheck.number("epochCount", in: values) ?? 1),
      batchSize: Int(HyperparameterCheck.number("batchSize", in: values) ?? 1),
      learningRate: rate, defaultLearningRate: rateDefault, maxLearningRate: rateMax,
      warmupSteps: Int(HyperparameterCheck.number("learningRateWarmupSteps", in: values) ?? 0),
      earlyStopping: earlyStopping, kind: kind)
  }

  /// A job by name or ARN.
  public func job(_ identifier: String) throws(SandboxError) -> CustomizationJob {
    guard let job = state.jobs.first(where: { $0.jobName == identifier || $0.jobArn == identifier }) else {
      let names = state.jobs.map(\.jobName)
      let hint = Suggestion.closest(to: identifier, in: names).first.map { " — did you mean '\($0)'?" } ?? ""
      throw SandboxError.notFound(
        "Could not find a model customization job named \(S3Location.clip(identifier))\(hint)")
    }
    return job
  }

  /// StopModelCustomizationJob.
  public mutating func stopJob(_ identifier: String, now: Date) throws(SandboxError) -> CustomizationJob {
    let found = try job(identifier)
    let status = found.snapshot(at: now).status
    guard status == .inProgress else {
      throw SandboxError(.conflict, "job \(found.jobName) is \(status.rawValue); only an InProgress job can be stopped")
    }
    guard let index = state.jobs.firstIndex(where: { $0.jobArn == found.jobArn }) else { return found }
    state.jobs[index].stopRequestedAt = now
    return state.jobs[index]
  }

  /// The loss curve of a job (recomputed from its setup and seed: the same every time).
  public func lossCurve(of job: CustomizationJob) -> LossCurve {
    LossCurveModel.simulate(job.setup, seed: job.curveSeed)
  }

  /// A custom model's status, which follows its job.
  public func status(of model: CustomModel, at now: Date) -> CustomModelStatus {
    guard let job = state.jobs.first(where: { $0.outputModelArn == model.modelArn }) else { return .active }
    switch job.snapshot(at: now).status {
    case .completed: return .active
    case .inProgress, .stopping: return .creating
    case .failed, .stopped: return .failed
    }
  }

  /// Custom models as ListCustomModels shows them (Active and Creating; failed ones are not listed).
  public func customModels(at now: Date) -> [CustomModel] {
    state.customModels.filter { $0.deletedAt == nil && status(of: $0, at: now) != .failed }
  }

  /// A custom model by name or ARN.
  public func customModel(_ identifier: String, now: Date) -> CustomModel? {
    customModels(at: now).first { $0.modelName == identifier || $0.modelArn == identifier }
  }

  /// Brings the account up to `now`: completed jobs write their metrics to the output location,
  /// finished asynchronous invocations write their output. Returns what happened, for the user.
  public mutating func settle(now: Date, objects: some ObjectStore) -> [String] {
    var events: [String] = []
    for index in state.jobs.indices where !state.jobs[index].outputsWritten {
      let job = state.jobs[index]
      let snapshot = job.snapshot(at: now)
      guard snapshot.status == .completed else { continue }
      let curve = lossCurve(of: job)
      let prefix = job.outputPrefix
      do {
        try objects.write(
          text: curve.trainingMetricsCSV,
          to: prefix.appending("training_artifacts/step_wise_training_metrics.csv"))
        if job.validationRecords > 0 {
          try objects.write(
            text: curve.validationMetricsCSV,
            to: prefix.appending("validation_artifacts/post_fine_tuning_validation/validation_metrics.csv"))
        }
        events.append("job \(job.jobName) Completed: metrics written to \(prefix)")
      } catch {
        events.append(
          "job \(job.jobName) Completed, but its metrics could not be written to \(prefix): \(error.message)")
      }
      state.jobs[index].outputsWritten = true
      if let modelIndex = state.customModels.firstIndex(where: { $0.modelArn == job.outputModelArn }) {
        state.customModels[modelIndex].creationTime = snapshot.endTime ?? now
        state.customModels[modelIndex].trainingLoss = curve.finalTrainingLoss
        state.customModels[modelIndex].validationLoss = curve.finalValidationLoss
      }
      events.append("custom model \(job.customModelName) is Active")
    }
    for index in state.asyncInvocations.indices where !state.asyncInvocations[index].outputWritten {
      let invocation = state.asyncInvocations[index]
      guard invocation.status(at: now) == .completed else { continue }
      let id = String(invocation.invocationArn.split(separator: "/").last ?? "")
      let target = invocation.outputDataConfig.appending("\(id)/output.mp4.txt")
      let text = """
        SIMULATED OUTPUT — fmlab's sandbox does not generate video.
        A real StartAsyncInvoke with \(invocation.modelId) writes output.mp4 here: a \(invocation.durationSeconds)-second \
        video (\(invocation.output ?? "an MP4")) for the prompt:
        \(invocation.prompt)

        """
      do {
        try objects.write(text: text, to: target)
        events.append("async invocation \(id) Completed: output described at \(target)")
      } catch {
        events.append("async invocation \(id) Completed, but \(target) could not be written: \(error.message)")
      }
      state.asyncInvocations[index].outputWritten = true
    }
    return events
  }
}

extension ModelEntry.CustomizationMethod {
  /// The `type` a dataset spec in the profiles uses for this method.
  var datasetType: String {
    switch self {
    case .distillationStudent, .distillationTeacher: "distillation"
    default: rawValue
    }
  }
}

extension [String: String] {
  var learningRateText: String {
    first { $0.key.hasPrefix("learningRate") && !$0.key.contains("Warmup") }?.value ?? "?"
  }
}
