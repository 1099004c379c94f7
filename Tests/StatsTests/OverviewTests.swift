import Core
import Foundation
import Testing

@testable import Stats

@Suite("Overview")
struct OverviewTests {
  typealias F = StatsFixtures

  static func streak(_ days: [String]) -> Int {
    let reviews = days.sorted().map { F.review("A", $0, 9, rating: 3) }
    return Overview.compute(StatsInput(reviews: reviews, context: F.context())).streak
  }

  @Test("streak counts consecutive days ending today, and stops at a gap")
  func streakEndingToday() {
    #expect(Self.streak(["2026-11-22", "2026-11-24", "2026-11-25", "2026-11-26"]) == 3)
    #expect(Self.streak(["2026-11-26"]) == 1)
  }

  @Test("with nothing yet today the streak ends yesterday; older than that it is broken")
  func streakEndingYesterday() {
    #expect(Self.streak(["2026-11-23", "2026-11-24", "2026-11-25"]) == 3)
    #expect(Self.streak(["2026-11-23", "2026-11-24"]) == 0)
    #expect(Self.streak([]) == 0)
  }

  @Test("today's block, the last 30 days and the due count")
  func todayAndLast30() {
    let reviews = [
      F.review("A", "2026-10-20", 9, rating: 3),  // outside the 30-day window
      F.review("A", "2026-10-28", 9, rating: 3),  // first day of the window
      F.review("A", "2026-11-26", 9, rating: 1),
      F.review("B", "2026-11-26", 10, rating: 3),
    ]
    let now = F.at("2026-11-26", 20)
    let cards = [
      F.reviewedCard("A", stability: 0.1, last: F.at("2026-11-26", 9)),  // due 2.4 h later: due now
      F.reviewedCard("B", stability: 5, last: F.at("2026-11-26", 10)),
      CardSnapshot(id: "N", stateKind: "new"),
    ]
    let overview = Overview.compute(StatsInput(reviews: reviews, cards: cards, context: F.context(now: now)))
    #expect(overview.today.reviews == 2)
    #expect(overview.today.again == 1)
    #expect(overview.today.dueNow == 1)
    #expect(overview.today.newAvailable == 1)
    #expect(overview.last30Days.count == 30)
    #expect(overview.last30Days.first == .init(day: CalendarDay(year: 2026, month: 10, day: 28), count: 1))
    #expect(overview.last30Days.last == .init(day: CalendarDay(year: 2026, month: 11, day: 26), count: 2))
    #expect(overview.last30Days.reduce(0) { $0 + $1.count } == 3)
    #expect(overview.totalReviews == 4)
    #expect(overview.nextStep.contains("'review'"))
  }

  @Test("empty input is safe: zeros, nil rates and a first step")
  func emptyInput() {
    let overview = Overview.compute(StatsInput(context: F.context()))
    #expect(overview.streak == 0)
    #expect(overview.today.reviews == 0)
    #expect(overview.trueRetention.rows.allSatisfy { $0.total.rate == nil })
    #expect(overview.domains.count == 5)
    #expect(overview.domains.allSatisfy { $0.accuracy == nil && $0.meanRetrievability == nil })
    #expect(overview.lastExam == nil)
    #expect(overview.readiness == nil)
    #expect(overview.nextStep.hasPrefix("Start with 'review'"))
  }

  @Test("per-domain mastery averages R now of the domain's cards and its attempt accuracy")
  func domainMastery() {
    let now = F.at("2026-11-26", 12)
    let items = [
      ItemInfo(id: "x", domain: 2, objective: "2.1.1", cardID: "cx"),
      ItemInfo(id: "y", domain: 2, objective: "2.1.1", cardID: "cy"),
    ]
    // R(S, S) = 0.9 and R(0, S) = 1, so the mean is 0.95.
    let cards = [
      F.reviewedCard("cx", stability: 10, last: now.addingTimeInterval(-10 * 86_400)),
      F.reviewedCard("cy", stability: 10, last: now),
    ]
    let attempts = [
      AttemptRecord(itemID: "x", time: now, correct: true, mode: .quiz),
      AttemptRecord(itemID: "y", time: now, correct: false, mode: .exam),
      AttemptRecord(itemID: "unknown", time: now, correct: true, mode: .quiz),
    ]
    let input = StatsInput(cards: cards, attempts: attempts, items: items, context: F.context(now: now))
    let domain = Overview.compute(input).domains[1]
    #expect(domain.domain == 2)
    #expect(domain.items == 2)
    #expect(domain.reviewedCards == 2)
    #expect(abs(domain.meanRetrievability! - 0.95) < 1e-12)
    #expect(domain.attempts == 2)
    #expect(domain.accuracy == 0.5)
  }
}
