import Foundation

/// Something the learner did in the sandbox that leaves no resource behind — a comparison, an
/// invocation, a service error met, a load simulated, a dataset checked — kept so guided labs can
/// check steps against what happened, not only against what exists.
public struct ActivityEvent: Sendable, Codable, Equatable {
  public enum Kind: String, Sendable, Codable {
    case compared, invoked, error
    case throughputSimulated = "throughput-simulated"
    case datasetValidated = "dataset-validated"
    case billViewed = "bill-viewed"
  }

  public var kind: Kind
  public var time: Date
  /// Foundation model ids involved.
  public var models: [String]
  /// invoked: on-demand, provisioned or deployment.
  public var via: String?
  /// invoked: whether a custom model answered.
  public var custom: Bool?
  /// compared: whether an image was attached.
  public var image: Bool?
  /// error: the exception name and its message.
  public var errorName: String?
  public var message: String?
  /// dataset-validated: the verdict; throughput-simulated: whether the load fit.
  public var valid: Bool?
  public var fits: Bool?
  public var throttled: Bool?

  public init(
    kind: Kind, time: Date, models: [String] = [], via: String? = nil, custom: Bool? = nil, image: Bool? = nil,
    errorName: String? = nil, message: String? = nil, valid: Bool? = nil, fits: Bool? = nil, throttled: Bool? = nil
  ) {
    self.kind = kind
    self.time = time
    self.models = models
    self.via = via
    self.custom = custom
    self.image = image
    self.errorName = errorName
    self.message = message
    self.valid = valid
    self.fits = fits
    self.throttled = throttled
  }
}

extension SandboxState {
  /// The most events kept (the oldest are dropped).
  public static let activityLimit = 500

  /// Records an event, keeping the log bounded.
  public mutating func record(_ event: ActivityEvent) {
    activity.append(event)
    if activity.count > Self.activityLimit { activity.removeFirst(activity.count - Self.activityLimit) }
  }
}
