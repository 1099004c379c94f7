import Foundation

/// Everything in the simulated account, saved in the store after every command.
public struct SandboxState: Sendable, Codable, Equatable {
  /// Bumped when the layout changes; older states are migrated or reset with a message.
  public static let formatVersion = 1

  public var formatVersion: Int
  /// Seconds `advance` has moved the sandbox clock ahead of the real (or pinned) clock.
  public var clockOffset: TimeInterval
  public var roles: [IAMRole]
  public var jobs: [CustomizationJob]
  public var customModels: [CustomModel]
  public var provisioned: [ProvisionedThroughput]
  public var deployments: [CustomModelDeployment]
  public var asyncInvocations: [AsyncInvocation]
  public var invocations: [InvocationRecord]
  /// Resources created so far; mixed into new resource ids so a fixed `--seed` never repeats one.
  public var resourcesCreated: Int
  /// What the learner did that leaves no resource (for guided labs), newest last.
  public var activity: [ActivityEvent]

  public init() {
    resourcesCreated = 0
    activity = []
    formatVersion = Self.formatVersion
    clockOffset = 0
    roles = []
    jobs = []
    customModels = []
    provisioned = []
    deployments = []
    asyncInvocations = []
    invocations = []
  }

  enum CodingKeys: String, CodingKey {
    case formatVersion, clockOffset, roles, jobs, customModels, provisioned, deployments, asyncInvocations, invocations
    case resourcesCreated, activity
  }

  /// Reads a saved state; fields added after format 1 was first saved default when absent.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    formatVersion = try container.decode(Int.self, forKey: .formatVersion)
    clockOffset = try container.decode(TimeInterval.self, forKey: .clockOffset)
    roles = try container.decode([IAMRole].self, forKey: .roles)
    jobs = try container.decode([CustomizationJob].self, forKey: .jobs)
    customModels = try container.decode([CustomModel].self, forKey: .customModels)
    provisioned = try container.decode([ProvisionedThroughput].self, forKey: .provisioned)
    deployments = try container.decode([CustomModelDeployment].self, forKey: .deployments)
    asyncInvocations = try container.decode([AsyncInvocation].self, forKey: .asyncInvocations)
    invocations = try container.decode([InvocationRecord].self, forKey: .invocations)
    resourcesCreated = try container.decodeIfPresent(Int.self, forKey: .resourcesCreated) ?? 0
    activity = try container.decodeIfPresent([ActivityEvent].self, forKey: .activity) ?? []
  }

  /// The sandbox's time for a real (or pinned) `now`.
  public func time(at now: Date) -> Date { now.addingTimeInterval(clockOffset) }

  public var isEmpty: Bool {
    roles.isEmpty && jobs.isEmpty && customModels.isEmpty && provisioned.isEmpty && deployments.isEmpty
      && asyncInvocations.isEmpty && invocations.isEmpty && clockOffset == 0 && activity.isEmpty
  }
}
