import Foundation
import SRS
import TestSupport
import Testing

@testable import Store

@Suite struct CardStoreTests {
  let now = TestClock.reference

  func learned(at time: Date) throws -> CardState {
    try Scheduler().review(.new, rating: .good, at: time).card
  }

  @Test func addCards_addsOnlyTheMissingOnesAsNew() throws {
    let store = try ProgressStore.inMemory()
    #expect(try store.addCards(["a", "b"], kind: .flashcard, at: now) == 2)
    #expect(try store.addCards(["b", "c"], kind: .flashcard, at: now) == 1)
    #expect(try store.cards().map(\.id) == ["a", "b", "c"])
    #expect(try store.cards().allSatisfy { $0.state == .new })
  }

  @Test func recordReview_savesTheRowAndTheNewStateTogether() throws {
    let store = try ProgressStore.inMemory()
    try store.addCards(["a"], kind: .flashcard, at: now)
    let after = try learned(at: now)
    try store.recordReview(
      cardId: "a", rating: .good, at: now, elapsedMs: 3200, mode: .review, before: .new, after: after, sessionId: nil)
    let card = try #require(try store.card("a"))
    #expect(card.state == after)
    #expect(card.reps == 1)
    let reviews = try store.reviews()
    #expect(reviews.count == 1)
    #expect(reviews[0].stateBefore == .new && reviews[0].stateAfter == after && reviews[0].elapsedMs == 3200)
  }

  @Test func undo_restoresTheStateBeforeAndDeletesTheRow() throws {
    let store = try ProgressStore.inMemory()
    try store.addCards(["a"], kind: .flashcard, at: now)
    let after = try learned(at: now)
    let id = try store.recordReview(
      cardId: "a", rating: .good, at: now, elapsedMs: nil, mode: .review, before: .new, after: after, sessionId: nil)
    #expect(try store.undoReview(id: id)?.cardId == "a")
    #expect(try store.card("a")?.state == .new)
    #expect(try store.card("a")?.reps == 0)
    #expect(try store.reviews().isEmpty)
    #expect(try store.undoReview(id: id) == nil, "undoing twice does nothing")
  }

  @Test func cramAnswers_areLoggedWithoutChangingTheSchedule() throws {
    let store = try ProgressStore.inMemory()
    try store.addCards(["a"], kind: .flashcard, at: now)
    let after = try learned(at: now)
    try store.recordReview(
      cardId: "a", rating: .good, at: now, elapsedMs: nil, mode: .cram, before: .new, after: after, sessionId: nil)
    #expect(try store.card("a")?.state == .new)
    #expect(try store.reviews().map(\.mode) == [.cram])
  }

  @Test func aLapseInReview_countsAsALapse() throws {
    let store = try ProgressStore.inMemory()
    try store.addCards(["a"], kind: .flashcard, at: now)
    let scheduler = try Scheduler()
    let graduated = scheduler.review(.new, rating: .easy, at: now).card
    #expect(graduated.kind == .review)
    let later = now.addingTimeInterval(10 * 86400)
    let lapsed = scheduler.review(graduated, rating: .again, at: later).card
    try store.recordReview(
      cardId: "a", rating: .easy, at: now, elapsedMs: nil, mode: .review, before: .new, after: graduated, sessionId: nil
    )
    try store.recordReview(
      cardId: "a", rating: .again, at: later, elapsedMs: nil, mode: .review, before: graduated, after: lapsed,
      sessionId: nil)
    #expect(try store.card("a")?.lapses == 1)
  }

  @Test func reviewsOfUnknownCards_areRefusedByTheSchema() throws {
    let store = try ProgressStore.inMemory()
    #expect(throws: StoreError.self) {
      try store.recordReview(
        cardId: "ghost", rating: .good, at: now, elapsedMs: nil, mode: .review, before: .new, after: .new,
        sessionId: nil)
    }
    #expect(try store.reviews().isEmpty, "the failed answer left nothing behind")
  }

  @Test func todayCounts_countNewCardsIntroducedAndReviewsSinceTheDayStarted() throws {
    let store = try ProgressStore.inMemory()
    try store.addCards(["a", "b"], kind: .flashcard, at: now)
    let after = try learned(at: now)
    try store.recordReview(
      cardId: "a", rating: .good, at: now, elapsedMs: nil, mode: .review, before: .new, after: after, sessionId: nil)
    try store.recordReview(
      cardId: "a", rating: .good, at: now.addingTimeInterval(600), elapsedMs: nil, mode: .review, before: after,
      after: after, sessionId: nil)
    let counts = try store.todayCounts(since: now.addingTimeInterval(-3600))
    #expect(counts.newIntroduced == 1)
    #expect(counts.reviews == 2)
    #expect(try store.todayCounts(since: now.addingTimeInterval(3600)).reviews == 0)
  }

  @Test func parameters_newestSetIsActive() throws {
    let store = try ProgressStore.inMemory()
    #expect(try store.activeParameters() == nil)
    let fitted = try Parameters(Parameters.defaultValues.enumerated().map { $0.offset == 0 ? 0.5 : $0.element })
    try store.saveParameters(StoredParameterSet(parameters: fitted, createdAt: now, source: "test", reviewCount: 10))
    #expect(try store.activeParameters() == fitted)
  }
}

@Suite struct StudyCandidateTests {
  let now = TestClock.reference

  @Test func candidatesComeFromTheIndexesInStudyOrder() throws {
    let store = try ProgressStore.inMemory()
    let scheduler = try Scheduler()
    try store.addCards(["n1", "n2", "n3", "learn", "old", "older", "later"], kind: .flashcard, at: now)
    func answer(_ id: String, _ rating: Rating, daysAgo: Double) throws {
      let at = now.addingTimeInterval(-daysAgo * 86400)
      let after = scheduler.review(.new, rating: rating, at: at).card
      try store.recordReview(
        cardId: id, rating: rating, at: at, elapsedMs: nil, mode: .review, before: .new, after: after, sessionId: nil)
    }
    try answer("learn", .again, daysAgo: 0.001)
    try answer("old", .easy, daysAgo: 20)
    try answer("older", .easy, daysAgo: 60)
    try answer("later", .easy, daysAgo: 0)
    let candidates = try store.studyCandidates(now: now, learnAhead: 1200, reviewLimit: 10, newLimit: 2)
    #expect(candidates.map(\.id) == ["learn", "older", "old", "n1", "n2"])
    #expect(
      try store.studyCandidates(now: now, learnAhead: 1200, reviewLimit: 1, newLimit: 0).map(\.id) == [
        "learn", "older",
      ])
  }
}
