import Foundation
import Testing

@testable import Stats

@Suite("True retention (Anki's table)")
struct TrueRetentionTests {
  typealias F = StatsFixtures

  /// A hand-made log; now is 2026-11-26 20:00 UTC.
  static let log: [ReviewEvent] = [
    F.review("E", "2026-10-01", 9, rating: 2, interval: 5),  // young pass, all time only
    F.review("D", "2026-11-10", 9, rating: 4, interval: 21),  // mature pass (exactly 21 d is mature), 30 d
    F.review("C", "2026-11-22", 10, rating: 1, interval: 25),  // mature fail, 7 d
    F.review("C", "2026-11-22", 11, rating: 3, state: "relearning", interval: 0),  // not review state
    F.review("B", "2026-11-26", 7, rating: 3, state: "learning", interval: 0),  // not review state
    F.review("A", "2026-11-26", 8, rating: 3, interval: 10),  // young pass today
    F.review("A", "2026-11-26", 9, rating: 1, interval: 10),  // second review of A today: ignored
    F.review("B", "2026-11-26", 10, rating: 1, interval: 30),  // B's second review today: ignored
  ]

  @Test("only the first review of a card per day, in review state, counts; young < 21 d ≤ mature")
  func handMadeLog() {
    let table = TrueRetention.compute(reviews: Self.log, context: F.context())
    let today = table.row(.today)
    #expect(today.young == .init(passed: 1, total: 1))
    #expect(today.mature == .init(passed: 0, total: 0))
    #expect(today.mature.rate == nil)
    let week = table.row(.last7Days)
    #expect(week.young == .init(passed: 1, total: 1))
    #expect(week.mature == .init(passed: 0, total: 1))
    let month = table.row(.last30Days)
    #expect(month.mature == .init(passed: 1, total: 2))
    #expect(month.mature.rate == 0.5)
    let all = table.row(.allTime)
    #expect(all.young == .init(passed: 2, total: 2))
    #expect(all.mature == .init(passed: 1, total: 2))
    #expect(all.total == .init(passed: 3, total: 4))
    #expect(table.desiredRetention == 0.9)
  }

  @Test("the overview's single pass gives the same table")
  func overviewAgrees() {
    let input = StatsInput(reviews: Self.log, context: F.context())
    #expect(Overview.compute(input).trueRetention == TrueRetention.compute(reviews: Self.log, context: F.context()))
  }

  @Test("the day boundary is local: with UTC+3 a 22:00 UTC review is already the next day")
  func localDays() {
    // 2026-11-25 22:00 UTC is 2026-11-26 01:00 at UTC+3, so it is today's first review of A and the 08:00 UTC
    // one is a second review that day.
    let log = [
      F.review("A", "2026-11-25", 22, rating: 1, interval: 10),
      F.review("A", "2026-11-26", 8, rating: 3, interval: 10),
    ]
    let table = TrueRetention.compute(reviews: log, context: F.context(offset: 3 * 3600))
    #expect(table.row(.today).young == .init(passed: 0, total: 1))
    let utc = TrueRetention.compute(reviews: log, context: F.context())
    #expect(utc.row(.today).young == .init(passed: 1, total: 1))
    #expect(utc.row(.allTime).young == .init(passed: 1, total: 2))
  }
}
