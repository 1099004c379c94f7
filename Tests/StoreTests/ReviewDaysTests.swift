import Foundation
import GRDB
import SRS
import TestSupport
import Testing

@testable import Store

/// The per-day summary of the review log that the statistics read, kept by triggers.
@Suite struct ReviewDaysTests {
  /// 2026-11-26 00:00 UTC, day 20,783 since 1970.
  let dayStart = Date(timeIntervalSince1970: 1_795_651_200)
  var day: Int { Int(dayStart.timeIntervalSince1970 / 86_400) }

  func inReview(intervalDays: Double, at time: Date) -> CardState {
    .review(
      CardSchedule(
        memory: MemoryState(stability: intervalDays, difficulty: 5), due: time, lastReview: time.addingTimeInterval(-1),
        scheduledInterval: intervalDays * 86_400))
  }

  func learning(at time: Date) -> CardState {
    .learning(
      step: 0,
      CardSchedule(
        memory: MemoryState(stability: 1, difficulty: 5), due: time, lastReview: time, scheduledInterval: 600))
  }

  @discardableResult
  func answer(
    _ store: ProgressStore, _ card: String, _ rating: Rating, hour: Double, before: CardState,
    mode: StoredReview.Mode = .review
  ) throws -> Int64 {
    let time = dayStart.addingTimeInterval(hour * 3600)
    return try store.recordReview(
      cardId: card, rating: rating, at: time, elapsedMs: nil, mode: mode, before: before, after: before,
      sessionId: nil)
  }

  /// Day D: a (mature, 30 d) Good at 09:00, a Again at 10:00 (not its first that day), b (learning) Again at
  /// 11:00. Day D+1: a (young, 5 d) Again. Hand count: D = 3 reviews, 2 again, mature 1 of 1; D+1 = 1 review,
  /// 1 again, young 0 of 1.
  func fixture() throws -> (ProgressStore, first: Int64) {
    let store = try ProgressStore.inMemory()
    try store.addCards(["a", "b"], kind: .flashcard, at: dayStart)
    let first = try answer(store, "a", .good, hour: 9, before: inReview(intervalDays: 30, at: dayStart))
    try answer(store, "a", .again, hour: 10, before: inReview(intervalDays: 30, at: dayStart))
    try answer(store, "b", .again, hour: 11, before: learning(at: dayStart))
    try answer(store, "a", .again, hour: 24 + 8, before: inReview(intervalDays: 5, at: dayStart))
    return (store, first)
  }

  @Test("each day counts reviews, Again answers and the first-of-day review-state cells, young and mature")
  func handCountedDays() throws {
    let (store, _) = try fixture()
    let days = try store.reviewDays()
    #expect(
      days == [
        StoredReviewDay(
          day: day, reviews: 3, again: 2, youngTotal: 0, youngPassed: 0, matureTotal: 1, maturePassed: 1),
        StoredReviewDay(
          day: day + 1, reviews: 1, again: 1, youngTotal: 1, youngPassed: 0, matureTotal: 0, maturePassed: 0),
      ])
    #expect(try store.reviewDayMismatches().isEmpty)
  }

  @Test("undoing a card's first review of the day makes its next review that day the first")
  func undoRecountsTheDay() throws {
    let (store, first) = try fixture()
    _ = try store.undoReview(id: first)
    let today = try #require(try store.reviewDays().first)
    #expect(
      today
        == StoredReviewDay(
          day: day, reviews: 2, again: 2, youngTotal: 0, youngPassed: 0, matureTotal: 1, maturePassed: 0))
    #expect(try store.reviewDayMismatches().isEmpty)
  }

  @Test("imported history and an interval of 21 days in seconds are counted as the statistics define them")
  func importsAreLeftOutAndIntervalsAreInDays() throws {
    let store = try ProgressStore.inMemory()
    try store.addCards(["a", "b"], kind: .flashcard, at: dayStart)
    try answer(store, "a", .good, hour: 1, before: inReview(intervalDays: 20.9, at: dayStart))
    try answer(store, "b", .good, hour: 2, before: inReview(intervalDays: 21, at: dayStart))
    _ = try store.importReviews(
      [
        ImportedReview(
          cardId: "revlog:x", rating: .good, at: dayStart, elapsedMs: nil, before: .new,
          after: learning(at: dayStart))
      ], at: dayStart)
    #expect(
      try store.reviewDays()
        == [
          StoredReviewDay(
            day: day, reviews: 2, again: 0, youngTotal: 1, youngPassed: 1, matureTotal: 1, maturePassed: 1)
        ])
  }

  @Test("migrating a database with history counts the existing reviews")
  func migrationBackfills() throws {
    let queue = try DatabaseQueue()
    try Schema.migrator.migrate(queue, upTo: "v5-labs")
    try queue.write { db in
      try db.execute(
        sql: "INSERT INTO card(id, kind, stateKind, addedAt) VALUES ('a', 'flashcard', 'new', ?)", arguments: [dayStart]
      )
      let state = String(decoding: try JSONEncoder().encode(inReview(intervalDays: 40, at: dayStart)), as: UTF8.self)
      for (hour, rating) in [(1.0, 3), (2, 1), (30, 1)] {
        try db.execute(
          sql: """
            INSERT INTO review(cardId, reviewedAt, rating, mode, stateBefore, stateAfter)
            VALUES ('a', ?, ?, 'review', ?, ?)
            """, arguments: [dayStart.addingTimeInterval(hour * 3600), rating, state, state])
      }
    }
    try queue.write { db in
      for (minute, correct) in [(7.0, true), (3, false), (9, true)] {
        try db.execute(
          sql: "INSERT INTO attempt(itemId, mode, answeredAt, correct, response) VALUES ('q', 'quiz', ?, ?, '[0]')",
          arguments: [dayStart.addingTimeInterval(minute * 60), correct])
      }
    }
    try Schema.migrator.migrate(queue)
    let folded = try queue.read { db in
      try Row.fetchOne(db, sql: "SELECT itemId, total, correct, firstCorrect FROM attemptItem")
    }
    #expect(folded == ["itemId": "q", "total": 3, "correct": 2, "firstCorrect": false])
    let rows = try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT \(ReviewDays.columns) FROM reviewDay ORDER BY day").map { row in
        (0..<7).map { row[$0] as Int }
      }
    }
    #expect(rows == [[day, 2, 1, 0, 0, 1, 1], [day + 1, 1, 1, 0, 0, 1, 0]])
  }
}

/// What the statistics read besides the review days: attempts folded per item and cards' schedules.
@Suite struct StatsReadTests {
  let start = Date(timeIntervalSince1970: 1_795_651_200)

  @Test("attempts fold per item: counts, right answers, and whether the earliest answer was right")
  func attemptSummariesFoldPerItem() throws {
    let store = try ProgressStore.inMemory()
    // Recorded out of time order on purpose: item "a" was first answered (wrongly) at minute 1.
    for (item, minute, correct) in [("a", 5, true), ("b", 2, true), ("a", 1, false), ("a", 9, true), ("b", 3, false)] {
      try store.recordAttempt(
        itemId: item, mode: .quiz, at: start.addingTimeInterval(Double(minute) * 60), correct: correct,
        elapsedMs: nil, usedHint: false, response: "[0]", itemHash: nil, review: nil)
    }
    #expect(
      try store.attemptSummaries() == [
        StoredAttemptSummary(itemId: "a", total: 3, correct: 2, firstCorrect: false),
        StoredAttemptSummary(itemId: "b", total: 2, correct: 1, firstCorrect: true),
      ])
  }

  @Test("cards are read with their schedule times as seconds since 1970")
  func statsCardsCarryEpochs() throws {
    let store = try ProgressStore.inMemory()
    try store.addCards(["n", "r"], kind: .flashcard, at: start)
    let schedule = CardSchedule(
      memory: MemoryState(stability: 12, difficulty: 4), due: start.addingTimeInterval(86_400 * 12),
      lastReview: start, scheduledInterval: 86_400 * 12)
    try store.recordReview(
      cardId: "r", rating: .good, at: start, elapsedMs: nil, mode: .review, before: .new, after: .review(schedule),
      sessionId: nil)
    let rows = try store.statsCards()
    #expect(rows.map(\.id) == ["n", "r"])
    #expect(rows[0].stateKind == "new" && rows[0].dueEpoch == nil && rows[0].stability == nil)
    #expect(rows[1].stateKind == "review" && rows[1].stability == 12 && rows[1].difficulty == 4)
    #expect(abs((rows[1].dueEpoch ?? 0) - (start.timeIntervalSince1970 + 86_400 * 12)) < 0.01)
    #expect(abs((rows[1].lastReviewEpoch ?? 0) - start.timeIntervalSince1970) < 0.01)
    #expect(rows[1].scheduledInterval == 86_400 * 12)
  }
}
