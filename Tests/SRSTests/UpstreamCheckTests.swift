import Foundation
import SRS
import Testing

/// The three cross-checks against expectations hard-coded in upstream test suites.
@Suite("Upstream cross-checks")
struct UpstreamCheckTests {
  @Test func pyFSRSTestReviewCard_intervalDaysMatchUpstream() throws {
    let scheduler = try Scheduler()
    var card = CardState.new
    var now = try #require(GoldenDates.parse("2022-11-29T12:30:00+00:00"))
    let ratings: [Rating] = [
      .good, .good, .good, .good, .good, .good, .again, .again, .good, .good, .good, .good, .good,
    ]
    var intervals: [Int] = []
    for rating in ratings {
      card = scheduler.review(card, rating: rating, at: now).card
      let schedule = try #require(card.schedule)
      intervals.append(Int((schedule.scheduledInterval / 86_400).rounded(.down)))
      now = schedule.due
    }
    #expect(intervals == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21])
  }

  @Test func memoStateAfterAgainThenGoodFiveTimes_matchesFsrsRsAndPyFSRS() throws {
    let scheduler = try Scheduler()
    var card = CardState.new
    var now = try #require(GoldenDates.parse("2024-01-01T09:00:00+00:00"))
    for (offset, rating) in zip([0, 0, 1, 3, 8, 21], [Rating.again, .good, .good, .good, .good, .good]) {
      now = now.addingTimeInterval(Double(offset) * 86_400)
      card = scheduler.review(card, rating: rating, at: now).card
    }
    let memory = try #require(card.memory)
    #expect(abs(memory.stability - 53.62691) < 1e-4)
    #expect(abs(memory.difficulty - 6.3574867) < 1e-4)
  }

  @Test func fsrsRsNextIntervalTableForStabilityOne_matchesWithinF32Tolerance() {
    let fsrs = FSRS()
    let expected = [3_116_766, 34793, 2508, 387, 90, 27, 9, 3, 1, 1]
    for (i, want) in expected.enumerated() {
      let r = Double(i + 1) / 10
      let got = max(1, Int(fsrs.rawInterval(stability: 1, desiredRetention: r).rounded(.toNearestOrEven)))
      #expect(Double(abs(got - want)) <= max(1, 1e-5 * Double(want)), "r = \(r): \(got) vs \(want)")
    }
  }

  @Test func fixtureRecordsAllThreeUpstreamChecksAsPassing() throws {
    let checks = try GoldenFixture.shared().upstreamChecks
    #expect(checks.count == 3)
    #expect(checks.allSatisfy { $0.pass })
  }
}
