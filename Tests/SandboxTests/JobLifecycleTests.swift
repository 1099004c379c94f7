import Datasets
import Foundation
import Sandbox
import Simulation
import Testing

/// A job's course on the sandbox clock: stages, failures, stopping, cost and the files it writes.
@Suite("Customization job lifecycle")
struct JobLifecycleTests {
  /// The three stage statuses of a snapshot, in order.
  static func stages(_ snapshot: CustomizationJob.Snapshot) -> [StageStatus] {
    [snapshot.validationDetails, snapshot.dataProcessingDetails, snapshot.trainingDetails]
  }

  @Test("a good job runs InProgress through validation, data processing and training, then Completed")
  func stagesOnTheClock() throws {
    var world = try SandboxWorld.ready()
    let job = try world.createJob(SandboxWorld.novaRequest())
    #expect(job.creationTime < job.validationEnd)
    #expect(job.validationEnd < job.dataProcessingEnd)
    #expect(job.dataProcessingEnd < job.trainingEnd)

    let start = job.snapshot(at: world.t0)
    #expect(start.status == .inProgress)
    #expect(Self.stages(start) == [.inProgress, .notStarted, .notStarted])
    #expect(start.endTime == nil && start.failureMessage == nil)
    #expect(start.trainingProgress == 0)

    let processing = job.snapshot(at: job.validationEnd)
    #expect(processing.status == .inProgress)
    #expect(Self.stages(processing) == [.completed, .inProgress, .notStarted])

    let midTraining = job.dataProcessingEnd.addingTimeInterval(
      job.trainingEnd.timeIntervalSince(job.dataProcessingEnd) / 2)
    let training = job.snapshot(at: midTraining)
    #expect(training.status == .inProgress)
    #expect(Self.stages(training) == [.completed, .completed, .inProgress])
    #expect(abs(training.trainingProgress - 0.5) < 1e-9)

    let done = job.snapshot(at: job.trainingEnd)
    #expect(done.status == .completed)
    #expect(Self.stages(done) == [.completed, .completed, .completed])
    #expect(done.endTime == job.trainingEnd)
    #expect(done.trainingProgress == 1)
    #expect(job.snapshot(at: job.trainingEnd.addingTimeInterval(86_400)) == done)
  }

  @Test("the custom model is Creating while its job runs and Active once it completed")
  func customModelFollowsItsJob() throws {
    var world = try SandboxWorld.ready()
    let job = try world.createJob(SandboxWorld.novaRequest())
    let model = try #require(world.sandbox.state.customModels.first)
    #expect(world.sandbox.status(of: model, at: world.t0) == .creating)
    #expect(world.sandbox.status(of: model, at: job.trainingEnd.addingTimeInterval(-1)) == .creating)
    #expect(world.sandbox.status(of: model, at: job.trainingEnd) == .active)
    #expect(world.sandbox.customModels(at: job.trainingEnd).map(\.modelName) == ["nova-micro-custom-1"])
  }

  @Test("broken lines fail the job in its validation stage, and the message names the line")
  func brokenDataFailsValidation() throws {
    var world = try SandboxWorld.ready()
    let lines = DatasetLines.valid(count: 6)
    try world.put(
      lines[0] + "\n" + lines[1] + "\n{\"schemaVersion\": oops}\n" + lines[3] + "\n", at: SandboxFixture.trainingURI)
    let job = try world.createJob(SandboxWorld.novaRequest(validation: false))
    let failure = try #require(job.failure)
    #expect(failure.stage == .validation)
    #expect(failure.at == job.validationEnd)
    #expect(failure.message.hasPrefix("Data validation failed: training data line 3"))
    #expect(job.snapshot(at: world.t0).status == .inProgress)
    let failed = job.snapshot(at: job.validationEnd)
    #expect(failed.status == .failed)
    #expect(Self.stages(failed) == [.failed, .notStarted, .notStarted])
    #expect(failed.endTime == job.validationEnd)
    #expect(failed.failureMessage == failure.message)
    #expect(job.trainingCost(at: job.trainingEnd.addingTimeInterval(3_600)) == 0)
    let model = try #require(world.sandbox.state.customModels.first)
    #expect(world.sandbox.status(of: model, at: job.validationEnd) == .failed)
    #expect(world.sandbox.customModels(at: job.validationEnd).isEmpty)
  }

  @Test("a role without S3 read fails the job with AccessDenied a minute in")
  func missingPermissionFailsWithAccessDenied() throws {
    var world = try SandboxWorld.ready()
    _ = try world.sandbox.createRole(name: "NoRead", trustedService: "bedrock.amazonaws.com", now: world.t0)
    _ = try world.sandbox.allow(role: "NoRead", actions: ["s3:PutObject"], bucketAndPrefix: SandboxFixture.outputBucket)
    var request = SandboxWorld.novaRequest()
    request.roleIdentifier = "NoRead"
    let job = try world.createJob(request)
    let failure = try #require(job.failure)
    #expect(failure.stage == .validation)
    #expect(failure.message.hasPrefix("AccessDenied: "))
    #expect(failure.message.contains("lacks s3:GetObject"))
    #expect(failure.message.contains("lacks s3:ListBucket"))
    #expect(!failure.message.contains("lacks s3:PutObject"))
    #expect(job.snapshot(at: world.t0.addingTimeInterval(59)).status == .inProgress)
    let failed = job.snapshot(at: world.t0.addingTimeInterval(60))
    #expect(failed.status == .failed)
    #expect(Self.stages(failed) == [.failed, .notStarted, .notStarted])
    #expect(job.trainingCost(at: job.trainingEnd) == 0)
  }

  @Test("stop: Stopping, then Stopped after stoppingSeconds; later stages never start")
  func stopDuringValidation() throws {
    var world = try SandboxWorld.ready()
    let job = try world.createJob(SandboxWorld.novaRequest())
    let stopAt = world.t0.addingTimeInterval(60)
    let stopped = try world.sandbox.stopJob(job.jobName, now: stopAt)
    #expect(stopped.stopRequestedAt == stopAt)
    let stopping = stopped.snapshot(at: stopAt.addingTimeInterval(1))
    #expect(stopping.status == .stopping)
    #expect(Self.stages(stopping) == [.stopping, .notStarted, .notStarted])
    #expect(stopping.endTime == nil)
    let end = stopAt.addingTimeInterval(CustomizationJob.stoppingSeconds)
    #expect(stopped.snapshot(at: end.addingTimeInterval(-1)).status == .stopping)
    let final = stopped.snapshot(at: end)
    #expect(final.status == .stopped)
    #expect(Self.stages(final) == [.stopped, .notStarted, .notStarted])
    #expect(final.endTime == end)
    #expect(stopped.snapshot(at: job.trainingEnd.addingTimeInterval(3_600)).status == .stopped)
    let model = try #require(world.sandbox.state.customModels.first)
    #expect(world.sandbox.status(of: model, at: end) == .failed)
  }

  @Test("stopping during training keeps the finished stages Completed and bills only the part trained")
  func stopDuringTraining() throws {
    var world = try SandboxWorld.ready()
    let job = try world.createJob(SandboxWorld.novaRequest())
    let span = job.trainingEnd.timeIntervalSince(job.dataProcessingEnd)
    let stopAt = job.dataProcessingEnd.addingTimeInterval(span / 4)
    let stopped = try world.sandbox.stopJob(job.jobArn, now: stopAt)
    let later = stopped.snapshot(at: job.trainingEnd.addingTimeInterval(3_600))
    #expect(later.status == .stopped)
    #expect(Self.stages(later) == [.completed, .completed, .stopped])
    #expect(abs(later.trainingProgress - 0.25) < 1e-9)
    let full = job.trainingCost(at: job.trainingEnd)
    #expect(abs(stopped.trainingCost(at: job.trainingEnd) - full / 4) < full * 1e-9)
  }

  @Test("a stop at the very moment a stage ends shows the next stage Stopping, then Stopped")
  func stopAtAStageBoundary() throws {
    var world = try SandboxWorld.ready(trainingRecords: 2_000)
    let job = try world.createJob(SandboxWorld.novaRequest())
    let stopped = try world.sandbox.stopJob(job.jobName, now: job.validationEnd)
    let stopping = stopped.snapshot(at: job.validationEnd)
    #expect(stopping.status == .stopping)
    #expect(Self.stages(stopping) == [.completed, .stopping, .notStarted])
    let final = stopped.snapshot(at: job.validationEnd.addingTimeInterval(CustomizationJob.stoppingSeconds))
    #expect(final.status == .stopped)
    #expect(Self.stages(final) == [.completed, .stopped, .notStarted])
  }

  @Test("a stop requested before a planned failure wins: the job ends Stopped, not Failed")
  func stopBeforePlannedFailure() throws {
    var world = try SandboxWorld.ready()
    _ = try world.sandbox.createRole(name: "NoRead", trustedService: "bedrock.amazonaws.com", now: world.t0)
    var request = SandboxWorld.novaRequest()
    request.roleIdentifier = "NoRead"
    let job = try world.createJob(request)
    #expect(job.failure?.at == world.t0.addingTimeInterval(60))
    let stopped = try world.sandbox.stopJob(job.jobName, now: world.t0.addingTimeInterval(30))
    let later = stopped.snapshot(at: world.t0.addingTimeInterval(3_600))
    #expect(later.status == .stopped)
    #expect(later.failureMessage == nil)
    #expect(Self.stages(later) == [.stopped, .notStarted, .notStarted])
  }

  @Test("only an InProgress job can be stopped: Completed and Stopped jobs are a ConflictException")
  func stopFinishedJobIsConflict() throws {
    var world = try SandboxWorld.ready()
    let job = try world.createJob(SandboxWorld.novaRequest())
    let completed = sandboxError { try world.sandbox.stopJob(job.jobName, now: job.trainingEnd) }
    #expect(completed?.name == .conflict)
    #expect(completed?.message.contains("Completed") == true)
    _ = try world.sandbox.stopJob(job.jobName, now: world.t0)
    let again = sandboxError { try world.sandbox.stopJob(job.jobName, now: world.t0.addingTimeInterval(1)) }
    #expect(again?.name == .conflict)
    let missing = sandboxError { try world.sandbox.stopJob("no-such-job", now: world.t0) }
    #expect(missing?.name == .resourceNotFound)
  }

  @Test("training cost is tokens × epochs × price and grows with epochCount")
  func costGrowsWithEpochs() throws {
    var world = try SandboxWorld.ready(trainingRecords: 2_000)
    let one = try world.createJob(
      SandboxWorld.novaRequest(job: "one", model: "one", validation: false, hyperParameters: ["epochCount": "1"]))
    let three = try world.createJob(
      SandboxWorld.novaRequest(job: "three", model: "three", validation: false, hyperParameters: ["epochCount": "3"]))
    let costOne = one.trainingCost(at: one.trainingEnd)
    let costThree = three.trainingCost(at: three.trainingEnd)
    #expect(costOne > 0)
    #expect(costOne == Double(one.trainingTokens) * 1 * one.pricePer1KTokens / 1_000)
    #expect(one.pricePer1KTokens == 0.001)
    #expect(abs(costThree - 3 * costOne) < costOne * 1e-9)
    #expect(one.trainingCost(at: world.t0) == 0)
  }

  @Test("settle writes the metrics files under <output>/model-customization-job-<id>/ exactly once")
  func settleWritesMetricsOnce() throws {
    var world = try SandboxWorld.ready()
    let job = try world.createJob(SandboxWorld.novaRequest())
    let prefix = "jobs/model-customization-job-\(job.resourceID)/"
    #expect(job.outputPrefix == S3Location(bucket: SandboxFixture.outputBucket, key: prefix))
    let training = job.outputPrefix.appending("training_artifacts/step_wise_training_metrics.csv")
    let validation = job.outputPrefix.appending(
      "validation_artifacts/post_fine_tuning_validation/validation_metrics.csv")

    #expect(world.sandbox.settle(now: job.trainingEnd.addingTimeInterval(-1), objects: world.objects).isEmpty)
    #expect(try world.text(at: training) == nil)

    let events = world.sandbox.settle(now: job.trainingEnd, objects: world.objects)
    #expect(events.contains { $0.contains("job nova-ft-1 Completed") })
    #expect(events.contains { $0.contains("custom model nova-micro-custom-1 is Active") })
    let csv = try #require(try world.text(at: training))
    let rows = csv.split(separator: "\n")
    #expect(rows.first == "step_number,epoch_number,training_loss,perplexity")
    #expect(rows.count == world.sandbox.lossCurve(of: job).steps.count + 1)
    #expect(rows.dropFirst().first?.hasPrefix("0,1,") == true)
    let validationCSV = try #require(try world.text(at: validation))
    #expect(validationCSV.hasPrefix("step_number,epoch_number,validation_loss,perplexity\n"))
    #expect(validationCSV.split(separator: "\n").count == 1 + 2)
    #expect(try world.objects.list(bucket: SandboxFixture.outputBucket, prefix: prefix).count == 2)
    #expect(world.sandbox.state.jobs.first?.outputsWritten == true)
    let model = try #require(world.sandbox.state.customModels.first)
    #expect(model.trainingLoss == job.trainingLoss)
    #expect(model.validationLoss == job.validationLoss)

    try world.objects.write(text: "kept", to: training)
    #expect(world.sandbox.settle(now: job.trainingEnd.addingTimeInterval(3_600), objects: world.objects).isEmpty)
    #expect(try world.text(at: training) == "kept")
  }

  @Test("without a validation set only the training metrics are written")
  func noValidationFileWithoutValidationSet() throws {
    var world = try SandboxWorld.ready()
    let job = try world.createJob(SandboxWorld.novaRequest(validation: false))
    _ = world.sandbox.settle(now: job.trainingEnd, objects: world.objects)
    let files = try world.objects.list(bucket: SandboxFixture.outputBucket, prefix: job.outputPrefix.key).map(\.key)
    #expect(files == [job.outputPrefix.key + "training_artifacts/step_wise_training_metrics.csv"])
    #expect(job.validationLoss == nil)
  }

  @Test("settle writes nothing for failed or stopped jobs")
  func settleSkipsUnfinishedJobs() throws {
    var world = try SandboxWorld.ready()
    _ = try world.sandbox.createRole(name: "NoRead", trustedService: "bedrock.amazonaws.com", now: world.t0)
    var request = SandboxWorld.novaRequest(job: "denied", model: "denied")
    request.roleIdentifier = "NoRead"
    let denied = try world.createJob(request)
    let stopped = try world.createJob(SandboxWorld.novaRequest(job: "stopped", model: "stopped"))
    _ = try world.sandbox.stopJob(stopped.jobName, now: world.t0)
    let events = world.sandbox.settle(now: denied.trainingEnd.addingTimeInterval(86_400), objects: world.objects)
    #expect(events.isEmpty)
    #expect(try world.objects.list(bucket: SandboxFixture.outputBucket, prefix: "").isEmpty)
  }

  @Test("Nova Micro's largest learning rate doesn't diverge: 10× the default is under the divergence factor")
  func novaMicroMaximumRateDoesNotDiverge() throws {
    var world = try SandboxWorld.ready(trainingRecords: 10, validationRecords: 5)
    let job = try world.createJob(
      SandboxWorld.novaRequest(hyperParameters: ["learningRate": "0.0001", "epochCount": "5"]))
    #expect(job.failure == nil)
    #expect(!world.sandbox.lossCurve(of: job).failed)
  }

  @Test("a far too high learning rate (Titan Text Express) fails the job in training, blaming the learning rate")
  func highLearningRateDiverges() throws {
    var world = try SandboxWorld.ready(trainingRecords: 10, validationRecords: 5)
    let job = try world.createJob(SandboxWorld.titanRequest(hyperParameters: ["learningRate": "0.001"]))
    let failure = try #require(job.failure)
    #expect(failure.stage == .training)
    #expect(failure.message.contains("learning rate 0.001 is too high"))
    #expect(failure.message.contains("Lower learningRate"))
    guard case .diverged = world.sandbox.lossCurve(of: job).outcome else {
      Issue.record("expected a diverged curve, got \(world.sandbox.lossCurve(of: job).outcome)")
      return
    }
    let failed = job.snapshot(at: failure.at)
    #expect(failed.status == .failed)
    #expect(Self.stages(failed) == [.completed, .completed, .failed])
    #expect(job.snapshot(at: failure.at.addingTimeInterval(-1)).status == .inProgress)
    #expect(job.plannedEpochs < Double(job.setup.epochs))
    #expect(job.trainingCost(at: failure.at) > 0)
    _ = world.sandbox.settle(now: failure.at.addingTimeInterval(60), objects: world.objects)
    #expect(try world.objects.list(bucket: SandboxFixture.outputBucket, prefix: "").isEmpty)
  }

  @Test("small data, many epochs and a validation set: the curve reads as overfitting")
  func smallDataManyEpochsOverfits() throws {
    var world = try SandboxWorld.ready(trainingRecords: 10, validationRecords: 5)
    let job = try world.createJob(SandboxWorld.novaRequest(hyperParameters: ["epochCount": "5"]))
    let curve = world.sandbox.lossCurve(of: job)
    guard case .overfitting(let best) = curve.outcome else {
      Issue.record("expected overfitting, got \(curve.outcome)")
      return
    }
    #expect(best < 5)
    #expect(curve.validation.count == 5)
    let lastValidation = try #require(curve.validation.last?.validationLoss)
    #expect(lastValidation > curve.validation[best - 1].validationLoss)
    #expect(job.validationLoss == curve.finalValidationLoss)
    #expect(world.sandbox.lossCurve(of: job) == curve)
  }
  /// A Claude 3 Haiku fine-tuning request on `records` training and 10 validation records.
  static func haikuRequest(_ world: SandboxWorld, records: Int, hyperParameters: [String: String]) throws -> JobRequest
  {
    try world.put(DatasetSample.valid(.claudeMessages, records: records), at: "s3://fmlab-data/claude/train.jsonl")
    try world.put(DatasetSample.valid(.claudeMessages, records: 10), at: "s3://fmlab-data/claude/validation.jsonl")
    return JobRequest(
      customizationType: .fineTuning, baseModelIdentifier: "claude-3-haiku", customModelName: "haiku-custom",
      jobName: "haiku-ft", trainingDataURI: "s3://fmlab-data/claude/train.jsonl",
      validationDataURI: "s3://fmlab-data/claude/validation.jsonl", hyperParameters: hyperParameters,
      outputDataURI: SandboxFixture.outputURI, roleIdentifier: SandboxFixture.roleName)
  }

  @Test("fewer records than the model's minimum (32 for Claude 3 Haiku) fail the validation stage")
  func tooFewRecordsFailValidation() throws {
    var world = try SandboxWorld.ready()
    let job = try world.createJob(Self.haikuRequest(world, records: 10, hyperParameters: [:]))
    let failure = try #require(job.failure)
    #expect(failure.stage == .validation)
    #expect(failure.message.hasPrefix("Data validation failed: "))
    #expect(failure.message.contains("32"))
    #expect(job.snapshot(at: failure.at).status == .failed)
  }

  @Test("early stopping ends a Claude 3 Haiku job before its planned epochs, and it bills only those")
  func earlyStoppingShortensTheJob() throws {
    var world = try SandboxWorld.ready()
    let request = try Self.haikuRequest(
      world, records: 40,
      hyperParameters: [
        "epochCount": "10", "batchSize": "4", "earlyStoppingPatience": "1",
        "earlyStoppingThreshold": "0.1",
      ])
    let job = try world.createJob(request)
    #expect(job.setup.earlyStopping == TrainingSetup.EarlyStopping(threshold: 0.1, patience: 1))
    guard case .earlyStopped(let epoch) = world.sandbox.lossCurve(of: job).outcome else {
      Issue.record("expected early stopping, got \(world.sandbox.lossCurve(of: job).outcome)")
      return
    }
    #expect(epoch < 10)
    #expect(job.plannedEpochs == Double(epoch))
    #expect(job.failure == nil)
    #expect(job.snapshot(at: job.trainingEnd).status == .completed)
    let cost = job.trainingCost(at: job.trainingEnd)
    #expect(abs(cost - Double(job.trainingTokens) * Double(epoch) * 0.004 / 1_000) < 1e-12)
  }

  @Test("a validation set for distillation, which takes none, fails the validation stage")
  func distillationRejectsValidationData() throws {
    var world = try SandboxWorld.ready()
    var request = JobCreationTests.distillation(teacher: "nova-pro")
    request.validationDataURI = SandboxFixture.distillURI
    let job = try world.createJob(request)
    let failure = try #require(job.failure)
    #expect(failure.stage == .validation)
    #expect(failure.message.contains("validation data"))
  }
}

/// Valid conversation records, one per element, for files with a broken line spliced in.
enum DatasetLines {
  static func valid(count: Int) -> [String] {
    DatasetSample.valid(.conversation, records: count).split(separator: "\n").map(String.init)
  }
}
