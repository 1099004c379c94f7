import Foundation
import Sandbox
import Testing

/// CreateModelCustomizationJob's checks: each refusal names the API's exception and says what is wrong.
@Suite("Customization job requests")
struct JobCreationTests {
  @Test("a good Nova Micro request is accepted with its defaults filled in and a Creating custom model")
  func acceptsAGoodRequest() throws {
    var world = try SandboxWorld.ready()
    let job = try world.createJob(SandboxWorld.novaRequest())
    #expect(job.baseModelId == SandboxFixture.novaMicro)
    #expect(job.jobArn.hasPrefix("arn:aws:bedrock:us-east-1:\(SandboxAccount.id):model-customization-job/"))
    #expect(job.outputModelArn.hasPrefix("arn:aws:bedrock:us-east-1:\(SandboxAccount.id):custom-model/"))
    #expect(job.roleArn == SandboxAccount.roleARN(SandboxFixture.roleName))
    #expect(job.hyperParameters["epochCount"] == "2")
    #expect(job.hyperParameters["learningRateWarmupSteps"] == "10")
    #expect(job.hyperParameters["learningRate"].flatMap(Double.init) == 0.00001)
    #expect(job.records == 200 && job.validationRecords == 20)
    #expect(job.failure == nil)
    #expect(world.sandbox.state.jobs == [job])
    let model = try #require(world.sandbox.customModel("nova-micro-custom-1", now: world.t0))
    #expect(world.sandbox.status(of: model, at: world.t0) == .creating)
    #expect(model.modelArn == job.outputModelArn)
  }

  @Test("the base model may be named by slug, customizable variant or ARN")
  func baseModelIdentifiers() throws {
    var world = try SandboxWorld.ready()
    for (index, identifier) in [
      "nova-micro", "amazon.nova-micro-v1:0:128k", "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0",
    ].enumerated() {
      var request = SandboxWorld.novaRequest(job: "job-\(index)", model: "model-\(index)")
      request.baseModelIdentifier = identifier
      #expect(try world.createJob(request).baseModelId == SandboxFixture.novaMicro, "\(identifier)")
    }
  }

  @Test("a job name outside the API pattern is a ValidationException naming jobName")
  func badJobName() throws {
    var world = try SandboxWorld.ready()
    for name in ["-starts-with-hyphen", "has space", "under_score", "", String(repeating: "j", count: 64)] {
      let error = world.refusal(SandboxWorld.novaRequest(job: name))
      #expect(error?.name == .validation, "\(name)")
      #expect(error?.message.contains("'jobName' failed to satisfy constraint") == true, "\(name)")
    }
    #expect(world.sandbox.state.jobs.isEmpty)
  }

  @Test("a custom model name outside the API pattern is a ValidationException naming customModelName")
  func badCustomModelName() throws {
    var world = try SandboxWorld.ready()
    for name in ["double--hyphen", "_leading", "dots.not.allowed", "", String(repeating: "m", count: 64)] {
      let error = world.refusal(SandboxWorld.novaRequest(model: name))
      #expect(error?.name == .validation, "\(name)")
      #expect(error?.message.contains("'customModelName' failed to satisfy constraint") == true, "\(name)")
    }
  }

  @Test("several shape problems come back together, counted")
  func shapeProblemsTogether() throws {
    var world = try SandboxWorld.ready()
    var request = SandboxWorld.novaRequest(job: "bad job", model: "bad..model")
    request.trainingDataURI = "s3://fmlab-data/../secrets.jsonl"
    let error = world.refusal(request)
    #expect(error?.name == .validation)
    #expect(error?.message.hasPrefix("3 validation errors detected") == true)
    #expect(error?.message.contains("trainingDataConfig.s3Uri") == true)
  }

  @Test("an unknown base model is a ValidationException")
  func unknownBaseModel() throws {
    var world = try SandboxWorld.ready()
    var request = SandboxWorld.novaRequest()
    request.baseModelIdentifier = "amazon.nova-nano-v9:0"
    let error = world.refusal(request)
    #expect(error?.name == .validation)
    #expect(error?.message.contains("invalid") == true)
  }

  @Test("continued pre-training on Nova Micro is refused: it doesn't support the method")
  func novaMicroHasNoContinuedPreTraining() throws {
    var world = try SandboxWorld.ready()
    var request = SandboxWorld.novaRequest()
    request.customizationType = .continuedPreTraining
    request.trainingDataURI = SandboxFixture.cptURI
    let error = world.refusal(request)
    #expect(error?.name == .validation)
    #expect(error?.message.contains("does not support CONTINUED_PRE_TRAINING") == true)
    #expect(error?.message.contains("titan-text-express") == true)
  }

  @Test("fine-tuning Claude 3.5 Sonnet is refused: it is only a distillation teacher")
  func claudeSonnetHasNoFineTuning() throws {
    var world = try SandboxWorld.ready()
    var request = SandboxWorld.novaRequest()
    request.baseModelIdentifier = SandboxFixture.claude35Sonnet
    let error = world.refusal(request)
    #expect(error?.name == .validation)
    #expect(error?.message.contains("does not support FINE_TUNING") == true)
  }

  @Test("continued pre-training on Titan Text Express is accepted")
  func titanContinuedPreTraining() throws {
    var world = try SandboxWorld.ready()
    let request = JobRequest(
      customizationType: .continuedPreTraining, baseModelIdentifier: "titan-text-express", customModelName: "cpt",
      jobName: "cpt-1", trainingDataURI: SandboxFixture.cptURI, outputDataURI: SandboxFixture.outputURI,
      roleIdentifier: SandboxFixture.roleName)
    let job = try world.createJob(request)
    #expect(job.customizationType == .continuedPreTraining)
    #expect(job.failure == nil)
  }

  @Test("a job name already used is a ConflictException")
  func duplicateJobName() throws {
    var world = try SandboxWorld.ready()
    _ = try world.createJob(SandboxWorld.novaRequest(job: "same", model: "first"))
    let error = world.refusal(SandboxWorld.novaRequest(job: "same", model: "second"))
    #expect(error?.name == .conflict)
    #expect(error?.message.contains("same") == true)
    #expect(world.sandbox.state.jobs.count == 1)
  }

  @Test("a custom model name in use by a Creating or Active model is a ConflictException")
  func duplicateCustomModelName() throws {
    var world = try SandboxWorld.ready()
    let first = try world.createJob(SandboxWorld.novaRequest(job: "first", model: "shared-name"))
    let whileCreating = world.refusal(SandboxWorld.novaRequest(job: "second", model: "shared-name"))
    #expect(whileCreating?.name == .conflict)
    #expect(whileCreating?.message.contains("shared-name") == true)
    let later = first.trainingEnd.addingTimeInterval(60)
    _ = world.sandbox.settle(now: later, objects: world.objects)
    let model = try #require(world.sandbox.customModel("shared-name", now: later))
    #expect(world.sandbox.status(of: model, at: later) == .active)
    var random = world.random
    let whileActive = sandboxError {
      try world.sandbox.createJob(
        SandboxWorld.novaRequest(job: "third", model: "shared-name"), now: later, objects: world.objects,
        random: &random)
    }
    #expect(whileActive?.name == .conflict)
  }

  @Test("the custom model name is free again once the first job FAILED")
  func nameReusableAfterFailure() throws {
    var world = try SandboxWorld.ready()
    try world.put("{\"schemaVersion\": \"bedrock-conversation-2024\"\nnot json\n", at: "s3://fmlab-data/broken.jsonl")
    var broken = SandboxWorld.novaRequest(job: "first", model: "shared-name", validation: false)
    broken.trainingDataURI = "s3://fmlab-data/broken.jsonl"
    let failing = try world.createJob(broken)
    let failure = try #require(failing.failure)
    let afterFailure = failure.at.addingTimeInterval(1)
    #expect(failing.snapshot(at: afterFailure).status == .failed)
    #expect(world.sandbox.customModel("shared-name", now: afterFailure) == nil)
    let second = try world.sandbox.createJob(
      SandboxWorld.novaRequest(job: "second", model: "shared-name"), now: afterFailure, objects: world.objects,
      random: &world.random)
    #expect(second.customModelName == "shared-name")
    #expect(world.sandbox.customModel("shared-name", now: afterFailure)?.jobName == "second")
  }

  @Test("every hyperparameter problem is reported in one ValidationException")
  func hyperparameterProblemsTogether() throws {
    var world = try SandboxWorld.ready()
    let request = SandboxWorld.novaRequest(hyperParameters: [
      "epochCount": "2.5", "learningRate": "0.5", "learningRateWarmupSteps": "ten", "batchSize": "8",
    ])
    let refusal = world.refusal(request)
    let error = try #require(refusal)
    #expect(error.name == .validation)
    #expect(error.message.hasPrefix("Invalid hyperparameters: "))
    #expect(error.message.contains("'batchSize' is not a hyperparameter of Amazon Nova Micro"))
    #expect(error.message.contains("epochCount must be a whole number, not 2.5"))
    #expect(error.message.contains("learningRate must be between"))
    #expect(error.message.contains("got 0.5"))
    #expect(error.message.contains("learningRateWarmupSteps must be a number, not 'ten'"))
    #expect(world.sandbox.state.jobs.isEmpty)
  }

  @Test("values below the minimum, non-finite values and the edges of the range")
  func hyperparameterEdges() throws {
    var world = try SandboxWorld.ready()
    let low = world.refusal(SandboxWorld.novaRequest(hyperParameters: ["epochCount": "0"]))
    #expect(low?.message.contains("epochCount must be between 1 and 5") == true)
    let high = world.refusal(SandboxWorld.novaRequest(hyperParameters: ["epochCount": "6"]))
    #expect(high?.message.contains("epochCount must be between 1 and 5") == true)
    let infinite = world.refusal(SandboxWorld.novaRequest(hyperParameters: ["learningRate": "inf"]))
    #expect(infinite?.message.contains("learningRate must be a number") == true)
    let edges = try world.createJob(
      SandboxWorld.novaRequest(hyperParameters: ["epochCount": "5", "learningRate": "0.0001"]))
    #expect(edges.hyperParameters["epochCount"] == "5")
    #expect(edges.setup.epochs == 5)
    #expect(edges.setup.learningRate == 0.0001)
  }

  @Test("a role that doesn't exist is NoSuchEntity")
  func missingRole() throws {
    var world = try SandboxWorld.ready()
    var request = SandboxWorld.novaRequest()
    request.roleIdentifier = "NoSuchRole"
    let error = world.refusal(request)
    #expect(error?.name == .noSuchEntity)
    #expect(error?.message.contains("NoSuchRole") == true)
  }

  @Test("a role ARN in another account is a ValidationException; the right ARN works")
  func roleByARN() throws {
    var world = try SandboxWorld.ready()
    var request = SandboxWorld.novaRequest()
    request.roleIdentifier = "arn:aws:iam::210987654321:role/\(SandboxFixture.roleName)"
    #expect(world.refusal(request)?.name == .validation)
    request.roleIdentifier = SandboxAccount.roleARN(SandboxFixture.roleName)
    #expect(try world.createJob(request).roleArn == request.roleIdentifier)
  }

  @Test("a role trusting another service is AccessDeniedException")
  func roleTrustingAnotherService() throws {
    var world = try SandboxWorld.ready()
    _ = try world.sandbox.createRole(name: "SageMakerRole", trustedService: "sagemaker.amazonaws.com", now: world.t0)
    _ = try world.sandbox.attachPolicy(role: "SageMakerRole", policy: "AmazonS3FullAccess")
    var request = SandboxWorld.novaRequest()
    request.roleIdentifier = "SageMakerRole"
    let error = world.refusal(request)
    #expect(error?.name == .accessDenied)
    #expect(error?.name.httpStatus == 403)
    #expect(error?.message.contains("can't assume role 'SageMakerRole'") == true)
  }

  @Test("missing training data, bucket or validation data is a ValidationException")
  func missingData() throws {
    var world = try SandboxWorld.ready()
    var noObject = SandboxWorld.novaRequest()
    noObject.trainingDataURI = "s3://fmlab-data/nova/missing.jsonl"
    let object = world.refusal(noObject)
    #expect(object?.name == .validation)
    #expect(object?.message.contains("no training data at s3://fmlab-data/nova/missing.jsonl") == true)
    var noBucket = SandboxWorld.novaRequest()
    noBucket.trainingDataURI = "s3://no-such-bucket/train.jsonl"
    let bucket = world.refusal(noBucket)
    #expect(bucket?.name == .validation)
    #expect(bucket?.message.contains("'no-such-bucket' does not exist") == true)
    var noValidation = SandboxWorld.novaRequest()
    noValidation.validationDataURI = "s3://fmlab-data/nova/nothing.jsonl"
    #expect(world.refusal(noValidation)?.message.contains("no validation data") == true)
    #expect(world.sandbox.state.jobs.isEmpty)
  }

  @Test("an output bucket that doesn't exist is a ValidationException")
  func missingOutputBucket() throws {
    var world = try SandboxWorld.ready()
    var request = SandboxWorld.novaRequest()
    request.outputDataURI = "s3://no-output-bucket/jobs/"
    let error = world.refusal(request)
    #expect(error?.name == .validation)
    #expect(error?.message.contains("output bucket 'no-output-bucket' does not exist") == true)
  }

  static func distillation(teacher: String?) -> JobRequest {
    JobRequest(
      customizationType: .distillation, baseModelIdentifier: "nova-micro", customModelName: "distilled-micro",
      jobName: "distill-1", trainingDataURI: SandboxFixture.distillURI, outputDataURI: SandboxFixture.outputURI,
      roleIdentifier: SandboxFixture.roleName, teacherModelIdentifier: teacher, maxResponseLengthForInference: 500)
  }

  @Test("distillation without a teacher is a ValidationException listing the teachers")
  func distillationNeedsATeacher() throws {
    var world = try SandboxWorld.ready()
    let error = world.refusal(Self.distillation(teacher: nil))
    #expect(error?.name == .validation)
    #expect(error?.message.contains("needs a teacher model") == true)
    #expect(error?.message.contains("nova-pro") == true)
  }

  @Test("a teacher that can't teach the student is a ValidationException")
  func teacherMustTeachTheStudent() throws {
    var world = try SandboxWorld.ready()
    let error = world.refusal(Self.distillation(teacher: SandboxFixture.claude35Sonnet))
    #expect(error?.name == .validation)
    #expect(error?.message.contains("can't teach Amazon Nova Micro") == true)
  }

  @Test("a teacher on a fine-tuning job is a ValidationException")
  func teacherOnlyForDistillation() throws {
    var world = try SandboxWorld.ready()
    var request = SandboxWorld.novaRequest()
    request.teacherModelIdentifier = SandboxFixture.novaPro
    #expect(world.refusal(request)?.message.contains("only for DISTILLATION") == true)
  }

  @Test("Nova Pro teaching Nova Micro is accepted, and the teacher's inference is costed")
  func novaProTeachesNovaMicro() throws {
    var world = try SandboxWorld.ready()
    let job = try world.createJob(Self.distillation(teacher: "nova-pro"))
    #expect(job.customizationType == .distillation)
    #expect(job.teacherModelIdentifier == SandboxFixture.novaPro)
    #expect(job.failure == nil)
    #expect(job.teacherCost > 0)
    #expect(job.trainingCost(at: world.t0) == 0)
    #expect(job.trainingCost(at: job.dataProcessingEnd) >= job.teacherCost)
  }
}
