import Core
import Foundation

/// Progress statistics and exam readiness: pure functions of the learner's history (``StatsInput``) and a seed.
///
/// Outputs (each a `Codable` value the app renders): ``Overview`` (`stats`), ``ObjectiveStats``, ``Forecast``,
/// ``Heatmap``, ``MemoryStats``, ``ExamHistory``, ``Readiness`` and, for validating readiness on simulated
/// learners, ``ReadinessCalibration`` → ``CalibrationReport``.
///
/// Days are **local calendar days**: midnight to midnight at the learner's UTC offset
/// (``StatsContext/utcOffsetSeconds``). A day is handled as an integer index, the number of days since
/// 1970-01-01 in local time, so no `Calendar` is needed in the hot loops.
public enum Stats {
  /// Seconds in a day.
  public static let secondsPerDay = 86_400.0

  /// The local day index of `date`: `floor((unixSeconds + utcOffsetSeconds) / 86400)`.
  @inline(__always)
  public static func dayIndex(_ date: Date, utcOffsetSeconds: Int) -> Int {
    Int(((date.timeIntervalSince1970 + Double(utcOffsetSeconds)) / secondsPerDay).rounded(.down))
  }

  /// The local day index of a calendar day (days since 1970-01-01), by Howard Hinnant's `days_from_civil`.
  public static func dayIndex(of day: CalendarDay) -> Int {
    let y = day.month <= 2 ? day.year - 1 : day.year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (day.month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day.day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The calendar day of a local day index (Hinnant's `civil_from_days`).
  public static func calendarDay(ofIndex index: Int) -> CalendarDay {
    let z = index + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return CalendarDay(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
  }

  /// ISO weekday of a local day index: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
  public static func isoWeekday(ofIndex index: Int) -> Int {
    let r = ((index % 7) + 7) % 7  // 0 = Thursday
    return (r + 3) % 7 + 1
  }

  /// fmlab's estimated scaled score for a fraction of scored items correct, the same linear map as the quiz
  /// module's `ExamScore`: 0 → 100, `cut` → 700, 1 → 1000 (AWS does not publish its raw-to-scaled mapping).
  public static func estimatedScaledScore(fraction: Double, cut: Double = 0.72) -> Int {
    let p = min(1, max(0, fraction))
    let value = p <= cut ? 100 + p / cut * 600 : 700 + (p - cut) / (1 - cut) * 300
    return Int(value.rounded())
  }

  /// `x / y`, or `nil` when `y` is zero.
  static func ratio(_ x: Int, _ y: Int) -> Double? {
    y == 0 ? nil : Double(x) / Double(y)
  }
}
