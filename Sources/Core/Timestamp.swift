import Foundation

/// Parsing of the ISO 8601 instants fmlab accepts on its command line (`--now`, dates).
public enum Timestamp {
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    public var input: String
    public var description: String {
      "'\(input.prefix(40))' is not an ISO 8601 date or time; use 2026-11-26 (midnight UTC), "
        + "2026-11-26T09:30:00Z or 2026-11-26T09:30:00+01:00"
    }
  }

  /// Parses a calendar date (midnight UTC) or a date and time with `Z` or a UTC offset,
  /// optionally with fractional seconds.
  public static func parse(_ text: String) throws(Failure) -> Date {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.count == 10, let day = try? CalendarDay(parsing: trimmed) {
      return day.startInUTC
    }
    guard fieldsAreInRange(trimmed) else { throw Failure(input: text) }
    let plain = Date.ISO8601FormatStyle()
    if let date = try? plain.parse(trimmed) { return date }
    let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    if let date = try? fractional.parse(trimmed) { return date }
    throw Failure(input: text)
  }

  /// Foundation's parser rolls impossible fields over (2026-02-30T09:00:00Z becomes 2 March,
  /// 24:00 the next day), so the date and the time of day are checked first: the text must start with
  /// `YYYY-MM-DDTHH:MM:SS` (ASCII digits) naming a real day and a time of day below 24:00:00. Checked by hand,
  /// not with a regex literal, which Swift compiles again on every call (a quarter of a revlog import's time).
  static func fieldsAreInRange(_ text: String) -> Bool {
    var characters: [Character] = []
    characters.reserveCapacity(19)
    for character in text.prefix(19) { characters.append(character) }
    guard characters.count == 19 else { return false }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        guard let digit = characters[index].asciiValue, digit >= 0x30, digit <= 0x39 else { return nil }
        value = value * 10 + Int(digit - 0x30)
      }
      return value
    }
    guard characters[10] == "T", characters[13] == ":", characters[16] == ":",
      (try? CalendarDay(parsing: String(characters[0..<10]))) != nil,
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
    else { return false }
    return hour < 24 && minute < 60 && second < 60
  }

  /// The canonical text of an instant: `2026-11-26T09:30:00Z`.
  public static func format(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle())
  }
}

/// A calendar date without a time (an exam date, a day on a heatmap).
public struct CalendarDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`, rejecting dates that do not exist (2026-02-30).
  public init(parsing text: String) throws(Timestamp.Failure) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1,
      d <= CalendarDay.daysIn(month: m, year: y)
    else { throw Timestamp.Failure(input: text) }
    self.init(year: y, month: m, day: d)
  }

  /// The day containing `date` in the given UTC offset.
  public init(containing date: Date, utcOffsetSeconds: Int = 0) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: utcOffsetSeconds) ?? TimeZone(identifier: "UTC")!
    let c = calendar.dateComponents([.year, .month, .day], from: date)
    self.init(year: c.year!, month: c.month!, day: c.day!)
  }

  public var startInUTC: Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(from: DateComponents(year: year, month: month, day: day))!
  }

  public var description: String {
    let m = month < 10 ? "0\(month)" : "\(month)"
    let d = day < 10 ? "0\(day)" : "\(day)"
    return "\(year)-\(m)-\(d)"
  }

  public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
