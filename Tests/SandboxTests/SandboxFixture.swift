import Content
import Core
import Datasets
import Foundation
import Knowledge
import Sandbox
import Simulation
import Testing

/// The shipped model catalog and simulation profiles, loaded once from the repository, and a
/// ready-made account (a bucket with valid data, a fit service role) for the tests to start from.
enum SandboxFixture {
  /// What the repository ships: the catalog from `Resources/models` and `Resources/sandbox/profiles.yaml`.
  struct Shipped: Sendable {
    var catalog: ModelCatalog
    var profiles: SandboxProfiles
  }

  /// Why the shipped data could not be read.
  struct LoadError: Error, Sendable, CustomStringConvertible {
    var description: String
  }

  /// The repository root: three levels up from this file (`Tests/SandboxTests/…`).
  static let root: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static let shipped: Result<Shipped, LoadError> = {
    do {
      let content = try ContentLoader(root: root.path, cache: nil, folders: [.resources]).load()
      guard !content.models.isEmpty else { return .failure(LoadError(description: "no models under \(root.path)")) }
      let yaml = try String(
        contentsOf: root.appendingPathComponent("Resources/sandbox/profiles.yaml"), encoding: .utf8)
      let profiles = try SandboxProfiles.parse(yaml: yaml)
      return .success(Shipped(catalog: ModelCatalog(models: content.models), profiles: profiles))
    } catch {
      return .failure(LoadError(description: "loading the shipped data from \(root.path) failed: \(error)"))
    }
  }()

  /// An empty sandbox over the shipped catalog and profiles.
  static func emptySandbox() throws -> Sandbox {
    let data = try shipped.get()
    return Sandbox(state: SandboxState(), catalog: data.catalog, profiles: data.profiles)
  }

  /// The fixed moment every test starts at (2027-01-15, after the 2025-07-16 deployment cutoff).
  static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

  static let novaMicro = "amazon.nova-micro-v1:0"
  static let novaLite = "amazon.nova-lite-v1:0"
  static let novaPro = "amazon.nova-pro-v1:0"
  static let novaReel = "amazon.nova-reel-v1:1"
  static let novaSonic = "amazon.nova-sonic-v1:0"
  static let claude35Sonnet = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  static let titanExpress = "amazon.titan-text-express-v1"

  static let bucket = "fmlab-data"
  static let outputBucket = "fmlab-output"
  static let roleName = "BedrockCustomizationRole"
  static let trainingURI = "s3://fmlab-data/nova/train.jsonl"
  static let validationURI = "s3://fmlab-data/nova/validation.jsonl"
  static let titanTrainingURI = "s3://fmlab-data/titan/train.jsonl"
  static let titanValidationURI = "s3://fmlab-data/titan/validation.jsonl"
  static let cptURI = "s3://fmlab-data/titan/cpt.jsonl"
  static let distillURI = "s3://fmlab-data/nova/prompts.jsonl"
  static let outputURI = "s3://fmlab-output/jobs/"
}

/// A sandbox account with its object store, generator and clock: what one test works on.
struct SandboxWorld {
  var sandbox: Sandbox
  let objects = InMemoryObjectStore()
  var random = SeededGenerator(seed: 7)
  let t0 = SandboxFixture.t0

  /// An empty account (no buckets, no roles).
  init() throws {
    sandbox = try SandboxFixture.emptySandbox()
  }

  /// An account ready for customization: buckets with valid Nova and Titan data and a role that
  /// trusts Bedrock with read on the data bucket and write on the output bucket.
  static func ready(trainingRecords: Int = 200, validationRecords: Int = 20) throws -> SandboxWorld {
    var world = try SandboxWorld()
    try world.objects.makeBucket(SandboxFixture.bucket)
    try world.objects.makeBucket(SandboxFixture.outputBucket)
    try world.put(DatasetSample.valid(.conversation, records: trainingRecords), at: SandboxFixture.trainingURI)
    try world.put(DatasetSample.valid(.conversation, records: validationRecords), at: SandboxFixture.validationURI)
    try world.put(DatasetSample.valid(.promptCompletion, records: trainingRecords), at: SandboxFixture.titanTrainingURI)
    try world.put(
      DatasetSample.valid(.promptCompletion, records: validationRecords), at: SandboxFixture.titanValidationURI)
    try world.put(DatasetSample.valid(.continuedPreTraining, records: trainingRecords), at: SandboxFixture.cptURI)
    try world.put(DatasetSample.valid(.distillationPrompts, records: trainingRecords), at: SandboxFixture.distillURI)
    _ = try world.sandbox.createRole(
      name: SandboxFixture.roleName, trustedService: "bedrock.amazonaws.com", now: world.t0)
    _ = try world.sandbox.allow(
      role: SandboxFixture.roleName, actions: ["s3:GetObject", "s3:ListBucket"], bucketAndPrefix: SandboxFixture.bucket)
    _ = try world.sandbox.allow(
      role: SandboxFixture.roleName, actions: ["s3:PutObject", "s3:ListBucket"],
      bucketAndPrefix: SandboxFixture.outputBucket)
    return world
  }

  /// Writes text to an `s3://` address.
  func put(_ text: String, at uri: String) throws {
    try objects.write(text: text, to: S3Location.parse(uri))
  }

  /// The text at an `s3://` address, nil when there is no object.
  func text(at location: S3Location) throws -> String? {
    try objects.read(location).map { String(decoding: $0, as: UTF8.self) }
  }

  /// A Nova Micro fine-tuning request on the fixture data; callers change what they test.
  static func novaRequest(
    job: String = "nova-ft-1", model: String = "nova-micro-custom-1", validation: Bool = true,
    hyperParameters: [String: String] = [:]
  ) -> JobRequest {
    JobRequest(
      customizationType: .fineTuning, baseModelIdentifier: SandboxFixture.novaMicro, customModelName: model,
      jobName: job, trainingDataURI: SandboxFixture.trainingURI,
      validationDataURI: validation ? SandboxFixture.validationURI : nil, hyperParameters: hyperParameters,
      outputDataURI: SandboxFixture.outputURI, roleIdentifier: SandboxFixture.roleName)
  }

  /// A Titan Text Express fine-tuning request on the fixture data.
  static func titanRequest(
    job: String = "titan-ft-1", model: String = "titan-custom-1", validation: Bool = true,
    hyperParameters: [String: String] = [:]
  ) -> JobRequest {
    JobRequest(
      customizationType: .fineTuning, baseModelIdentifier: SandboxFixture.titanExpress, customModelName: model,
      jobName: job, trainingDataURI: SandboxFixture.titanTrainingURI,
      validationDataURI: validation ? SandboxFixture.titanValidationURI : nil, hyperParameters: hyperParameters,
      outputDataURI: SandboxFixture.outputURI, roleIdentifier: SandboxFixture.roleName)
  }

  /// Creates a job at `t0`.
  mutating func createJob(_ request: JobRequest, at time: Date? = nil) throws(SandboxError) -> CustomizationJob {
    try sandbox.createJob(request, now: time ?? t0, objects: objects, random: &random)
  }

  /// The error a job request is refused with, or nil when it is accepted.
  mutating func refusal(_ request: JobRequest) -> SandboxError? {
    do {
      _ = try createJob(request)
      return nil
    } catch {
      return error
    }
  }

  /// Creates a job, moves past its end and settles: the custom model is Active.
  mutating func completedJob(_ request: JobRequest) throws -> CustomizationJob {
    let job = try createJob(request)
    _ = sandbox.settle(now: job.trainingEnd.addingTimeInterval(1), objects: objects)
    return job
  }
}

/// Runs `body` and returns the `SandboxError` it throws; records an issue when it throws none or another error.
func sandboxError<T>(
  _ body: () throws -> T, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> SandboxError? {
  do {
    _ = try body()
    Issue.record("expected a SandboxError, but the call succeeded", sourceLocation: sourceLocation)
    return nil
  } catch let error as SandboxError {
    return error
  } catch {
    Issue.record("expected a SandboxError, got \(error)", sourceLocation: sourceLocation)
    return nil
  }
}
