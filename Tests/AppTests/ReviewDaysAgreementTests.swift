import Foundation
import PropertyBased
import SRS
import Stats
import Store
import TestSupport
import Testing

/// The statistics read the review log as per-day rows that SQLite triggers keep; the same rows computed in Swift
/// from the raw events (``ReviewDay/summarize(_:utcOffsetSeconds:)``) must agree, answers and undos alike.
@Suite struct ReviewDaysAgreementTests {
  static let start = Date(timeIntervalSince1970: 1_795_651_200)  // 2026-11-26 00:00 UTC

  static func state(_ kind: Int, intervalDays: Double, at time: Date) -> CardState {
    let schedule = CardSchedule(
      memory: MemoryState(stability: max(intervalDays, 0.1), difficulty: 5), due: time, lastReview: time,
      scheduledInterval: intervalDays * 86_400)
    switch kind {
    case 0: return .new
    case 1: return .learning(step: 0, schedule)
    case 2: return .relearning(step: 0, schedule)
    default: return .review(schedule)
    }
  }

  /// One answer: (card 0…3, minutes since the start, rating 1…4, state kind 0…5, interval days 0…40, undo it?).
  static let answer = zip(
    Gen.int(in: 0...3), Gen.int(in: 0...(4 * 1440)), Gen.int(in: 1...4), Gen.int(in: 0...5), Gen.int(in: 0...40),
    Gen.int(in: 0...9))

  @Test("the store's per-day rows equal the days summarised from the raw reviews, after answers and undos")
  func storeDaysMatchTheSwiftSummary() async throws {
    await propertyCheck(count: 60, input: Self.answer.array(of: 0...40)) { answers in
      let store = try ProgressStore.inMemory()
      try store.addCards((0...3).map { "c\($0)" }, kind: .flashcard, at: Self.start)
      for (card, minute, rating, kind, interval, undo) in answers {
        let time = Self.start.addingTimeInterval(Double(minute) * 60)
        let before = Self.state(kind, intervalDays: Double(interval), at: time)
        let id = try store.recordReview(
          cardId: "c\(card)", rating: Rating(rawValue: rating)!, at: time, elapsedMs: nil,
          mode: kind == 5 ? .cram : .review, before: before, after: before, sessionId: nil)
        if undo == 0 { _ = try store.undoReview(id: id) }
      }
      let events = try store.reviews().sorted { ($0.reviewedAt, $0.id) < ($1.reviewedAt, $1.id) }.map {
        ReviewEvent(
          cardID: $0.cardId, time: $0.reviewedAt, rating: $0.rating.rawValue, stateBefore: $0.stateBefore.kind.rawValue,
          scheduledDaysBefore: $0.stateBefore.scheduledInterval / 86_400)
      }
      let expected = ReviewDay.summarize(events, utcOffsetSeconds: 0)
      let stored = try store.reviewDays().map {
        ReviewDay(
          day: $0.day, reviews: $0.reviews, again: $0.again,
          young: TrueRetention.Cell(passed: $0.youngPassed, total: $0.youngTotal),
          mature: TrueRetention.Cell(passed: $0.maturePassed, total: $0.matureTotal))
      }
      #expect(stored == expected)
      #expect(try store.reviewDayMismatches().isEmpty)
    }
  }
}
