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

  public init() {
    resourcesCreated = 0
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

  /// The sandbox's time for a real (or pinned) `now`.
  public func time(at now: Date) -> Date { now.addingTimeInterval(clockOffset) }

  public var isEmpty: Bool {
    roles.isEmpty && jobs.isEmpty && customModels.isEmpty && provisioned.isEmpty && deployments.isEmpty
      && asyncInvocations.isEmpty && invocations.isEmpty && clockOffset == 0
  }
}
