import Foundation
import PropertyBased
import Testing

@testable import Core

@Suite struct TimestampTests {
  /// 2026-11-26T00:00:00Z.
  static let midnight: TimeInterval = 1_795_651_200

  @Test func aDateAloneMeansMidnightUTC() throws {
    #expect(try Timestamp.parse("2026-11-26") == Date(timeIntervalSince1970: Self.midnight))
  }

  @Test(
    arguments: [
      ("2026-11-26T09:30:00Z", 1_795_685_400),
      ("2026-11-26T09:30:00+01:00", 1_795_681_800),
      ("2026-11-26T09:30:00-05:30", 1_795_705_200),
      ("2026-11-26T00:30:00+01:00", 1_795_649_400),
      ("2026-11-26T09:30:00.250Z", 1_795_685_400.25),
      ("2026-11-26T09:30:00.5+02:00", 1_795_678_200.5),
      ("  2026-11-26T09:30:00Z  ", 1_795_685_400),
      (" 2026-11-26 ", 1_795_651_200),
      ("2024-02-29", 1_709_164_800),
    ] as [(String, TimeInterval)])
  func parsesInstantsWithZuluOrAnOffset(text: String, seconds: TimeInterval) throws {
    let date = try Timestamp.parse(text)
    #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_5)
  }

  @Test(arguments: [
    "", "yesterday", "now", "2026-02-30", "2025-02-29", "2026-13-01", "2026-11-26T09:30:00",
    "2026-11-26T25:00:00Z", "2026-11-26T24:00:00Z", "2026-11-26T09:60:00Z", "2026-11-26T09:30:60Z",
    "2026-02-30T09:00:00Z", "2026-11-26T9:30:00Z", "2026-11-26T09:30Z", "+026-11-26T09:30:00Z", "26-11-2026",
    "2026/11/26", "2026-11-26 09:30", "2026-1-5",
  ])
  func rejectsTextThatIsNotAnAcceptedInstant(text: String) {
    #expect(throws: Timestamp.Failure(input: text)) { try Timestamp.parse(text) }
  }

  @Test func failureExplainsTheAcceptedForms() {
    let failure = Timestamp.Failure(input: "yesterday")
    #expect(
      failure.description
        == "'yesterday' is not an ISO 8601 date or time; use 2026-11-26 (midnight UTC), "
        + "2026-11-26T09:30:00Z or 2026-11-26T09:30:00+01:00")
  }

  @Test func failureQuotesAtMost40Characters() {
    let failure = Timestamp.Failure(input: String(repeating: "x", count: 100))
    #expect(failure.description.hasPrefix("'" + String(repeating: "x", count: 40) + "' is not"))
  }

  @Test func formatWritesCanonicalUTC() throws {
    #expect(Timestamp.format(Date(timeIntervalSince1970: Self.midnight + 9.5 * 3600)) == "2026-11-26T09:30:00Z")
    let parsed = try Timestamp.parse("2026-11-26T10:30:00+01:00")
    #expect(Timestamp.format(parsed) == "2026-11-26T09:30:00Z")
  }
}

@Suite struct CalendarDayTests {
  @Test(arguments: [
    ("2026-11-26", CalendarDay(year: 2026, month: 11, day: 26)),
    ("2024-02-29", CalendarDay(year: 2024, month: 2, day: 29)),
    ("2000-02-29", CalendarDay(year: 2000, month: 2, day: 29)),
    ("2026-12-31", CalendarDay(year: 2026, month: 12, day: 31)),
    ("0001-01-01", CalendarDay(year: 1, month: 1, day: 1)),
  ])
  func parsesValidDates(text: String, expected: CalendarDay) throws {
    #expect(try CalendarDay(parsing: text) == expected)
  }

  @Test(arguments: [
    "2026-02-30", "2026-02-29", "1900-02-29", "2026-04-31", "2026-00-10", "2026-13-01", "2026-01-00",
    "2026-1-05", "26-01-05", "2026-01-5", "2026-01-05-", "2026--01", "", "yesterday", "2026-01-05T00:00:00Z",
    "+026-01-05", " 2026-01-05",
  ])
  func rejectsDatesThatDoNotExistOrAreMisformatted(text: String) {
    #expect(throws: Timestamp.Failure(input: text)) { try CalendarDay(parsing: text) }
  }

  @Test(arguments: [(2026, 2, 28), (2024, 2, 29), (2000, 2, 29), (1900, 2, 28), (2026, 4, 30), (2026, 1, 31)])
  func daysInMonthFollowsTheGregorianRules(year: Int, month: Int, days: Int) {
    #expect(CalendarDay.daysIn(month: month, year: year) == days)
  }

  @Test func orderingIsChronological() {
    let days = ["2026-11-26", "2025-12-31", "2026-01-01", "2026-11-03", "2026-02-28"].map {
      try! CalendarDay(parsing: $0)
    }
    #expect(days.sorted().map(\.description) == ["2025-12-31", "2026-01-01", "2026-02-28", "2026-11-03", "2026-11-26"])
    #expect(CalendarDay(year: 2026, month: 1, day: 31) < CalendarDay(year: 2026, month: 2, day: 1))
    #expect(!(CalendarDay(year: 2026, month: 2, day: 1) < CalendarDay(year: 2026, month: 2, day: 1)))
  }

  @Test(arguments: [(2026, 3, 5, "2026-03-05"), (2026, 11, 26, "2026-11-26"), (999, 1, 1, "999-01-01")])
  func descriptionPadsMonthAndDay(year: Int, month: Int, day: Int, text: String) {
    #expect(CalendarDay(year: year, month: month, day: day).description == text)
  }

  @Test func startInUTCIsMidnight() {
    #expect(CalendarDay(year: 2026, month: 11, day: 26).startInUTC == Date(timeIntervalSince1970: 1_795_651_200))
  }

  @Test(arguments: [
    (0, "2026-11-26"), (9 * 3600, "2026-11-26"), (15 * 3600, "2026-11-27"), (-10 * 3600, "2026-11-25"),
  ])
  func theDayContainingAnInstantDependsOnTheOffset(offset: Int, expected: String) {
    // 2026-11-26T09:00:00Z
    let instant = Date(timeIntervalSince1970: 1_795_683_600)
    #expect(CalendarDay(containing: instant, utcOffsetSeconds: offset).description == expected)
  }

  @Test func codableRoundTrips() throws {
    let day = CalendarDay(year: 2026, month: 11, day: 26)
    let data = try JSONEncoder().encode(day)
    #expect(try JSONDecoder().decode(CalendarDay.self, from: data) == day)
  }
}

/// The hand-written field check agrees with the regex it replaced, on texts made of the characters that matter.
@Suite struct TimestampFieldCheckPropertyTests {
  /// The regex `fieldsAreInRange` used before: `(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})` as a prefix.
  static func byRegex(_ text: String) -> Bool {
    guard let match = text.prefixMatch(of: /(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})/),
      (try? CalendarDay(parsing: String(match.1))) != nil,
      let hour = Int(match.2), let minute = Int(match.3), let second = Int(match.4)
    else { return false }
    return hour < 24 && minute < 60 && second < 60
  }

  /// Digits (ASCII and Arabic-Indic), the separators, a combining mark, a space and a letter.
  static let character = Gen<Character?>.element(
    of: ["0", "1", "2", "3", "5", "9", "\u{0663}", "-", "T", ":", "\u{0301}", " ", "Z"] as [Character]
  ).map { $0! }

  @Test func theFieldCheckAgreesWithTheRegexItReplaced() async {
    await propertyCheck(count: 2_000, input: Self.character.string(of: 15...22), Gen.int(in: 0...7)) { noise, seed in
      // Mostly well-formed instants with a little noise, so both answers occur often.
      var characters = Array("2026-02-28T23:59:59Z")
      for (offset, character) in noise.enumerated().prefix(seed) {
        characters[(offset * 7 + seed) % characters.count] = character
      }
      for text in [String(characters), noise] {
        #expect(Timestamp.fieldsAreInRange(text) == Self.byRegex(text), Comment(rawValue: text.debugDescription))
      }
    }
  }

  @Test func realDaysAndTimesPassAndImpossibleOnesFail() {
    #expect(Timestamp.fieldsAreInRange("2024-02-29T23:59:59Z"))
    #expect(Timestamp.fieldsAreInRange("2026-11-26T09:30:00.123+01:00"))
    #expect(!Timestamp.fieldsAreInRange("2026-02-29T09:00:00Z"))
    #expect(!Timestamp.fieldsAreInRange("2026-11-26T24:00:00Z"))
    #expect(!Timestamp.fieldsAreInRange("2026-11-26T09:60:00Z"))
    #expect(!Timestamp.fieldsAreInRange("2026-11-26 09:30:00Z"))
    #expect(!Timestamp.fieldsAreInRange("2026-11-26T\u{0663}9:30:00Z"))
    #expect(!Timestamp.fieldsAreInRange("2026-11-26T09:30"))
  }
}
