import Foundation

/// Why a ``SchedulerConfig`` was rejected by ``Scheduler/init(config:)``.
public enum SchedulerError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The parameters are out of range (py-fsrs raises here; clip them first for fsrs-rs behaviour).
  case invalidParameters(ParameterError)
  /// Desired retention outside (0, 1].
  case invalidDesiredRetention(Double)
  /// Maximum interval below 1 day.
  case invalidMaximumInterval(Int)
  /// A learning or relearning step that is not a positive, finite number of seconds.
  case invalidStep(TimeInterval)

  /// A readable message.
  public var description: String {
    switch self {
    case .invalidParameters(let error): "\(error)"
    case .invalidDesiredRetention(let r): "desired retention \(r) is not in (0, 1]"
    case .invalidMaximumInterval(let days): "maximum interval \(days) is below 1 day"
    case .invalidStep(let seconds): "step \(seconds)s is not a positive duration"
    }
  }
}
