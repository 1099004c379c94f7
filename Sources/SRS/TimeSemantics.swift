import Foundation

/// How elapsed days between two reviews are counted; it decides same-day reviews and the `t` in `R(t, S)`.
public enum TimeSemantics: Sendable, Hashable, Codable {
  /// py-fsrs: the floor of elapsed 24-hour periods (`timedelta.days`). 23 h 59 m is 0 (same day), 47 h 59 m is 1.
  /// The golden vectors use this.
  case elapsedDays
  /// Anki / fsrs-rs: the difference of ``StudyDay`` indices with the given rollover hour and UTC offset.
  /// A difference of 0 is a same-day review. Use this to prepare optimizer data.
  case calendarDays(rolloverHour: Int, utcOffsetSeconds: Int)

  /// Anki's default: days roll over at 04:00 UTC.
  public static let ankiDefault = TimeSemantics.calendarDays(rolloverHour: 4, utcOffsetSeconds: 0)

  /// Elapsed days from `start` to `end` under these semantics (negative if `end` is earlier).
  public func elapsedDays(from start: Date, to end: Date) -> Int {
    switch self {
    case .elapsedDays:
      return Int((end.timeIntervalSince(start) / 86_400).rounded(.down))
    case .calendarDays(let hour, let offset):
      let a = StudyDay(containing: start, rolloverHour: hour, utcOffsetSeconds: offset)
      let b = StudyDay(containing: end, rolloverHour: hour, utcOffsetSeconds: offset)
      return b.days(since: a)
    }
  }
}
