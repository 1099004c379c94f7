import Foundation

/// Formats a duration as a short button label: `"30s"`, `"10m"`, `"1.5h"`, `"1d"`, `"3.2mo"`, `"1.1y"`.
///
/// Seconds and minutes are whole numbers; hours, days, months (30 days) and years (365 days) have at most one
/// decimal, and a trailing `.0` is dropped.
public enum IntervalLabel {
  /// Formats `seconds` (negative values are treated as 0).
  public static func format(_ seconds: TimeInterval) -> String {
    let s = max(seconds, 0)
    let minute = 60.0
    let hour = 3_600.0
    let day = 86_400.0
    switch s {
    case ..<minute: return "\(Int(s.rounded()))s"
    case ..<hour: return "\(Int((s / minute).rounded()))m"
    case ..<day: return oneDecimal(s / hour) + "h"
    case ..<(30 * day): return oneDecimal(s / day) + "d"
    case ..<(365 * day): return oneDecimal(s / (30 * day)) + "mo"
    default: return oneDecimal(s / (365 * day)) + "y"
    }
  }

  private static func oneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
  }
}
