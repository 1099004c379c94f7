import Foundation

/// The customization types the sandbox runs (the API's `CustomizationType`).
public enum CustomizationType: String, Sendable, Codable, CaseIterable {
  case fineTuning = "FINE_TUNING"
  case continuedPreTraining = "CONTINUED_PRE_TRAINING"
  case distillation = "DISTILLATION"

  /// The spelling commands use (`customize fine-tuning …`).
  public var commandName: String {
    switch self {
    case .fineTuning: "fine-tuning"
    case .continuedPreTraining: "continued-pre-training"
    case .distillation: "distillation"
    }
  }

  public init?(commandName: String) {
    guard let match = Self.allCases.first(where: { $0.commandName == commandName || $0.rawValue == commandName })
    else { return nil }
    self = match
  }
}

/// `ModelCustomizationJobStatus`.
public enum JobStatus: String, Sendable, Codable, CaseIterable {
  case inProgress = "InProgress"
  case completed = "Completed"
  case failed = "Failed"
  case stopping = "Stopping"
  case stopped = "Stopped"
}

/// `JobStatusDetails` — the status of one stage (validation, data processing, training).
public enum StageStatus: String, Sendable, Codable, CaseIterable {
  case notStarted = "NotStarted"
  case inProgress = "InProgress"
  case completed = "Completed"
  case stopping = "Stopping"
  case stopped = "Stopped"
  case failed = "Failed"
}

/// `ModelStatus` of a custom model.
public enum CustomModelStatus: String, Sendable, Codable {
  case creating = "Creating"
  case active = "Active"
  case failed = "Failed"
}

/// `CommitmentDuration`; `nil` in the API (field omitted) means no commitment.
public enum CommitmentDuration: String, Sendable, Codable, CaseIterable {
  case oneMonth = "OneMonth"
  case sixMonths = "SixMonths"

  public var months: Int { self == .oneMonth ? 1 : 6 }
}

/// `ProvisionedModelStatus`.
public enum ProvisionedModelStatus: String, Sendable, Codable {
  case creating = "Creating"
  case inService = "InService"
  case updating = "Updating"
  case failed = "Failed"
}

/// `CustomModelDeploymentStatus`.
public enum DeploymentStatus: String, Sendable, Codable {
  case creating = "Creating"
  case active = "Active"
  case failed = "Failed"
}

/// `AsyncInvokeStatus` (runtime GetAsyncInvoke).
public enum AsyncInvokeStatus: String, Sendable, Codable {
  case inProgress = "InProgress"
  case completed = "Completed"
  case failed = "Failed"
}

/// A custom model a job produced.
public struct CustomModel: Sendable, Codable, Equatable {
  public var modelName: String
  public var modelArn: String
  public var baseModelId: String
  public var jobName: String
  public var customizationType: CustomizationType
  public var creationTime: Date
  /// Storage price per month from the base model's training profile (for the bill).
  public var storagePerMonth: Double
  public var trainingLoss: Double?
  public var validationLoss: Double?
  public var deletedAt: Date?
}

/// A Provisioned Throughput purchase.
public struct ProvisionedThroughput: Sendable, Codable, Equatable {
  public var provisionedModelName: String
  public var provisionedModelArn: String
  /// The model it serves: a foundation model id or a custom model ARN.
  public var modelArn: String
  /// The foundation model it was bought for (the custom model's base for custom models).
  public var foundationModelId: String
  public var modelUnits: Int
  public var commitmentDuration: CommitmentDuration?
  public var creationTime: Date
  public var inServiceTime: Date
  public var commitmentExpirationTime: Date?
  /// Hourly price per model unit for the chosen term.
  public var hourlyPricePerUnit: Double
  public var priceIllustrative: Bool
  /// An UpdateProvisionedModelThroughput in progress ends here (status Updating until then).
  public var updatingUntil: Date?
  public var deletedAt: Date?

  public func status(at now: Date) -> ProvisionedModelStatus {
    if now < inServiceTime { return .creating }
    if let updatingUntil, now < updatingUntil { return .updating }
    return .inService
  }

  /// Hours billed from purchase to `now` (or deletion), in fractions of an hour.
  public func billedHours(at now: Date) -> Double {
    let end = min(now, deletedAt ?? now)
    return max(0, end.timeIntervalSince(creationTime)) / 3600
  }

  public func cost(at now: Date) -> Double { billedHours(at: now) * hourlyPricePerUnit * Double(modelUnits) }
}

/// A custom model deployment for on-demand inference (CreateCustomModelDeployment).
public struct CustomModelDeployment: Sendable, Codable, Equatable {
  public var modelDeploymentName: String
  public var customModelDeploymentArn: String
  public var modelArn: String
  public var baseModelId: String
  public var createdAt: Date
  public var activeAt: Date
  public var deletedAt: Date?

  public func status(at now: Date) -> DeploymentStatus { now < activeAt ? .creating : .active }
}

/// A StartAsyncInvoke request (video generation), its output written to sandbox S3 when done.
public struct AsyncInvocation: Sendable, Codable, Equatable {
  public var invocationArn: String
  public var modelId: String
  public var prompt: String
  public var outputDataConfig: S3Location
  public var submitTime: Date
  public var endTime: Date
  public var durationSeconds: Int
  /// US dollars; nil when the catalog has no per-second price for the model.
  public var cost: Double?
  public var outputWritten: Bool
  /// What the real output file is ("a 1280×720 MP4 at 24 fps"); nil in sandboxes saved before it was kept.
  public var output: String?

  public func status(at now: Date) -> AsyncInvokeStatus { now < endTime ? .inProgress : .completed }

  /// Every key always written (`"cost": null` when there is no price), as `invoke --json` promises scripts.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(invocationArn, forKey: .invocationArn)
    try container.encode(modelId, forKey: .modelId)
    try container.encode(prompt, forKey: .prompt)
    try container.encode(outputDataConfig, forKey: .outputDataConfig)
    try container.encode(submitTime, forKey: .submitTime)
    try container.encode(endTime, forKey: .endTime)
    try container.encode(durationSeconds, forKey: .durationSeconds)
    try container.encode(cost, forKey: .cost)
    try container.encode(outputWritten, forKey: .outputWritten)
    try container.encode(output, forKey: .output)
  }
}

/// One on-demand (or deployment) invocation, kept for the bill.
public struct InvocationRecord: Sendable, Codable, Equatable {
  public var modelId: String
  /// "on-demand", "deployment" or "provisioned" (provisioned calls cost nothing extra).
  public var throughput: String
  public var inputTokens: Int
  public var outputTokens: Int
  /// US dollars; nil when the catalog has no on-demand price for the model.
  public var cost: Double?
  public var time: Date
}
