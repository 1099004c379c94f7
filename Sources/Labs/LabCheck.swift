import Foundation
import Sandbox
import Simulation

/// What in the sandbox completes a step. Checks look at resources (buckets, roles, jobs, models,
/// Provisioned Throughput, deployments) and at the activity log since the lab started (comparisons,
/// invocations, errors met, simulations).
public indirect enum LabCheck: Sendable, Equatable {
  case bucket(name: String?)
  case object(bucket: String?, prefix: String?, suffix: String?)
  case datasetValidated(model: String?, valid: Bool?)
  case role(name: String?, trusts: String?, actions: [String])
  case job(JobCriteria)
  case customModel(status: String?, type: String?, base: String?)
  case provisioned(status: String?, custom: Bool?, commitment: String?, model: String?, deleted: Bool?)
  case deployment(status: String?)
  case invoked(via: String?, custom: Bool?, model: String?)
  case compared(models: [String], image: Bool?, count: Int?)
  case errorSeen(name: String, contains: String?)
  case throughputSimulated(model: String?, fits: Bool?, throttled: Bool?)
  case billViewed
  case cleanedUp
  case all([LabCheck])

  public struct JobCriteria: Sendable, Equatable {
    public var name: String?
    public var type: String?
    public var base: String?
    public var status: String?
    public var hasValidation: Bool?
    public var failedStage: String?
    public var failureContains: String?
    public var outcome: String?
    public var teacher: String?
    public var minEpochs: Int?
    public var maxEpochs: Int?
  }

  /// The kinds and the fields each takes (the parser checks files against this).
  public static let fields: [String: Set<String>] = [
    "bucket": ["name"],
    "object": ["bucket", "prefix", "suffix"],
    "dataset-validated": ["model", "valid"],
    "role": ["name", "trusts", "actions"],
    "job": [
      "name", "type", "base", "status", "hasValidation", "failedStage", "failureContains", "outcome", "teacher",
      "minEpochs", "maxEpochs",
    ],
    "custom-model": ["status", "type", "base"],
    "provisioned": ["status", "custom", "commitment", "model", "deleted"],
    "deployment": ["status"],
    "invoked": ["via", "custom", "model"],
    "compared": ["models", "image", "count"],
    "error-seen": ["name", "contains"],
    "throughput-simulated": ["model", "fits", "throttled"],
    "bill-viewed": [],
    "cleaned-up": [],
    "all": ["checks"],
  ]

  /// Whether the sandbox, at `now`, satisfies the check; activity counts from `since` (the lab's start).
  public func holds(in sandbox: Sandbox, now: Date, since: Date, objects: some ObjectStore) -> Bool {
    let state = sandbox.state
    let activity = state.activity.filter { $0.time >= since }
    switch self {
    case .bucket(let name):
      return name.map(objects.bucketExists) ?? !objects.buckets().isEmpty
    case .object(let bucket, let prefix, let suffix):
      let buckets = bucket.map { [$0] } ?? objects.buckets()
      return buckets.contains { bucket in
        let listed = (try? objects.list(bucket: bucket, prefix: prefix ?? "")) ?? []
        return listed.contains { suffix == nil || $0.key.hasSuffix(suffix!) }
      }
    case .datasetValidated(let model, let valid):
      return activity.contains {
        $0.kind == .datasetValidated && (model == nil || $0.models.contains(model!))
          && (valid == nil || $0.valid == valid)
      }
    case .role(let name, let trusts, let actions):
      return state.roles.contains { role in
        (name == nil || role.name == name) && (trusts == nil || role.trust.service == trusts)
          && actions.allSatisfy { action in
            role.allStatements.contains { statement in
              statement.actions.contains { Wildcard.matches(pattern: $0, text: action, caseSensitive: false) }
            }
          }
      }
    case .job(let criteria):
      return state.jobs.contains { job in
        criteria.matches(job, snapshot: job.snapshot(at: now), sandbox: sandbox)
      }
    case .customModel(let status, let type, let base):
      return sandbox.customModels(at: now).contains { model in
        (status == nil || sandbox.status(of: model, at: now).rawValue == status)
          && (type == nil || model.customizationType.rawValue == type) && (base == nil || model.baseModelId == base)
      }
    case .provisioned(let status, let custom, let commitment, let model, let deleted):
      return state.provisioned.contains { purchase in
        (deleted == true ? purchase.deletedAt != nil : purchase.deletedAt == nil)
          && (status == nil || purchase.status(at: now).rawValue == status)
          && (custom == nil || purchase.modelArn.contains(":custom-model/") == custom)
          && (commitment == nil || (purchase.commitmentDuration?.rawValue ?? "none") == commitment)
          && (model == nil || purchase.foundationModelId == model)
      }
    case .deployment(let status):
      return state.deployments.contains {
        $0.deletedAt == nil && (status == nil || $0.status(at: now).rawValue == status)
      }
    case .invoked(let via, let custom, let model):
      return activity.contains {
        $0.kind == .invoked && (via == nil || $0.via == via) && (custom == nil || $0.custom == custom)
          && (model == nil || $0.models.contains(model!))
      }
    case .compared(let models, let image, let count):
      return activity.contains { event in
        event.kind == .compared && models.allSatisfy(event.models.contains)
          && (image == nil || event.image == image) && (count == nil || event.models.count == count)
      }
    case .errorSeen(let name, let contains):
      return activity.contains {
        $0.kind == .error && $0.errorName == name
          && (contains == nil || ($0.message ?? "").localizedCaseInsensitiveContains(contains!))
      }
    case .throughputSimulated(let model, let fits, let throttled):
      return activity.contains {
        $0.kind == .throughputSimulated && (model == nil || $0.models.contains(model!))
          && (fits == nil || $0.fits == fits) && (throttled == nil || $0.throttled == throttled)
      }
    case .billViewed:
      return activity.contains { $0.kind == .billViewed }
    case .cleanedUp:
      return !state.provisioned.contains { $0.deletedAt == nil } && !state.deployments.contains { $0.deletedAt == nil }
    case .all(let checks):
      return checks.allSatisfy { $0.holds(in: sandbox, now: now, since: since, objects: objects) }
    }
  }
}

extension LabCheck.JobCriteria {
  func matches(_ job: CustomizationJob, snapshot: CustomizationJob.Snapshot, sandbox: Sandbox) -> Bool {
    if let name, job.jobName != name { return false }
    if let type, job.customizationType.rawValue != type { return false }
    if let base, job.baseModelId != base { return false }
    if let status, status != "started", snapshot.status.rawValue != status { return false }
    if let hasValidation, (job.validationDataConfig != nil) != hasValidation { return false }
    if let teacher, job.teacherModelIdentifier != teacher { return false }
    let epochs = Int(job.hyperParameters["epochCount"] ?? "") ?? job.setup.epochs
    if let minEpochs, epochs < minEpochs { return false }
    if let maxEpochs, epochs > maxEpochs { return false }
    if failedStage != nil || failureContains != nil {
      guard snapshot.status == .failed, let failure = job.failure else { return false }
      if let failedStage, failure.stage.rawValue != failedStage { return false }
      if let failureContains, !failure.message.localizedCaseInsensitiveContains(failureContains) { return false }
    }
    if let outcome {
      guard snapshot.status == .completed || snapshot.status == .failed else { return false }
      if LabCheck.outcomeName(sandbox.lossCurve(of: job).outcome) != outcome { return false }
    }
    return true
  }
}

extension LabCheck {
  /// The outcome's name as lab files write it.
  static func outcomeName(_ outcome: LossCurve.Outcome) -> String {
    switch outcome {
    case .converged: "converged"
    case .overfitting: "overfitting"
    case .underfitting: "underfitting"
    case .diverged: "diverged"
    case .earlyStopped: "earlyStopped"
    }
  }
}
