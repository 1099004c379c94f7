import Foundation

/// A study day: the calendar day in local time whose start is the rollover hour (Anki's "next day starts at").
///
/// The index counts days since 1970-01-01 in that shifted local time:
/// `floor((unixSeconds + utcOffsetSeconds − rolloverHour·3600) / 86400)`.
public struct StudyDay: Sendable, Hashable, Comparable, Codable, Strideable {
  /// Days since the epoch, in the shifted local time.
  public let index: Int

  /// Creates a day from its index.
  public init(index: Int) {
    self.index = index
  }

  /// The study day containing `date`.
  ///
  /// - Parameters:
  ///   - rolloverHour: The hour (0–23, local time) at which a new study day starts. Anki's default is 4.
  ///   - utcOffsetSeconds: The local time zone's offset from UTC at that date (e.g. 3600 for UTC+1).
  public init(containing date: Date, rolloverHour: Int = 4, utcOffsetSeconds: Int = 0) {
    let shifted = date.timeIntervalSince1970 + Double(utcOffsetSeconds - rolloverHour * 3600)
    self.index = Int((shifted / 86_400).rounded(.down))
  }

  /// The instant this study day starts.
  public func start(rolloverHour: Int = 4, utcOffsetSeconds: Int = 0) -> Date {
    Date(timeIntervalSince1970: Double(index * 86_400 + rolloverHour * 3600 - utcOffsetSeconds))
  }

  /// Whole days from `other` to `self` (positive when `self` is later).
  public func days(since other: StudyDay) -> Int { index - other.index }

  /// Earlier days compare less.
  public static func < (lhs: StudyDay, rhs: StudyDay) -> Bool { lhs.index < rhs.index }
  /// Days from `self` to `other`.
  public func distance(to other: StudyDay) -> Int { other.index - index }
  /// The day `n` days later.
  public func advanced(by n: Int) -> StudyDay { StudyDay(index: index + n) }
}
