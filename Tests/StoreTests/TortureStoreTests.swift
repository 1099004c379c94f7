import Core
import Foundation
import GRDB
import SRS
import TestSupport
import Testing

@testable import Store

/// What the torture suite (`scripts/torture`) found in the store, pinned down: two processes answering the same
/// card, an undo across processes, a kill while submitting an exam, and a full disk.
@Suite struct TortureStoreTests {
  let now = TestClock.reference

  /// Two stores on one file: two fmlab processes sharing a data directory.
  func twoStores() throws -> (directory: String, a: ProgressStore, b: ProgressStore) {
    let directory = Fixtures.temporaryDirectory("torture-store")
    let path = directory + "/progress.sqlite"
    let a = try ProgressStore.open(at: path, appVersion: "test", now: now)
    let b = try ProgressStore.open(at: path, appVersion: "test", now: now)
    return (directory, a, b)
  }

  @Test("an answer is scheduled from the state stored when it is written, not the one the session showed")
  func twoProcessesAnsweringOneCard_chainTheirAnswers() throws {
    let (directory, a, b) = try twoStores()
    defer { Fixtures.remove(directory) }
    try a.addCards(["x"], kind: .flashcard, at: now)
    let scheduler = try Scheduler()
    // Both sessions show card x as new; B answers first.
    let shownToA = try #require(try a.card("x")).state
    let first = try b.recordReview(
      cardId: "x", rating: .good, at: now, elapsedMs: nil, mode: .review, sessionId: nil
    ) { scheduler.nextStates(for: $0, at: now)[.good].card }
    #expect(first.before == .new)
    var seenByA: CardState?
    let second = try a.recordReview(
      cardId: "x", rating: .again, at: now.addingTimeInterval(5), elapsedMs: nil, mode: .review, sessionId: nil
    ) { stored in
      seenByA = stored
      return scheduler.nextStates(for: stored, at: now.addingTimeInterval(5))[.again].card
    }
    #expect(shownToA == .new)
    #expect(seenByA?.kind == .learning, "A's answer starts from B's result, not from the new card it showed")
    #expect(second.before.kind == first.after.kind && second.before.memory == first.after.memory)
    let reviews = try a.reviews(cardId: "x")
    #expect(reviews.count == 2)
    #expect(reviews[1].stateBefore.memory == reviews[0].stateAfter.memory, "the log chains")
    let card = try #require(try a.card("x"))
    #expect(card.reps == 2)
    #expect(card.state.memory == second.after.memory)
  }

  @Test("a quiz answer is scheduled from the item's card as stored when it is written")
  func twoProcessesAnsweringOneItem_chainTheirAnswers() throws {
    let (directory, a, b) = try twoStores()
    defer { Fixtures.remove(directory) }
    let scheduler = try Scheduler()
    let first = try b.recordAttempt(
      itemId: "q", mode: .quiz, at: now, correct: true, elapsedMs: nil, usedHint: false, response: "[0]",
      itemHash: nil, review: (.good, { scheduler.nextStates(for: $0, at: now)[.good].card }))
    var seenByA: CardState?
    let second = try a.recordAttempt(
      itemId: "q", mode: .drill, at: now.addingTimeInterval(5), correct: false, elapsedMs: nil, usedHint: false,
      response: "[1]", itemHash: nil,
      review: (
        .again,
        { stored in
          seenByA = stored
          return scheduler.nextStates(for: stored, at: now.addingTimeInterval(5))[.again].card
        }
      ))
    #expect(seenByA?.memory == first.after?.memory && seenByA?.kind == first.after?.kind)
    let reviews = try a.reviews(cardId: "q")
    #expect(reviews.count == 2)
    #expect(reviews[1].stateBefore == reviews[0].stateAfter, "the log chains")
    #expect(try a.card("q")?.state == second.after)
    #expect(try a.attempts(itemId: "q").map(\.correct) == [true, false])
  }

  @Test("the old API, given a stale state, overwrites the other process's schedule (why sessions use the new one)")
  func theStaleStateAPI_breaksTheChain() throws {
    let (directory, a, b) = try twoStores()
    defer { Fixtures.remove(directory) }
    try a.addCards(["x"], kind: .flashcard, at: now)
    let scheduler = try Scheduler()
    let learned = scheduler.nextStates(for: .new, at: now)[.good].card
    try b.recordReview(
      cardId: "x", rating: .good, at: now, elapsedMs: nil, mode: .review, before: .new, after: learned, sessionId: nil)
    let staleAfter = scheduler.nextStates(for: .new, at: now)[.again].card
    try a.recordReview(
      cardId: "x", rating: .again, at: now, elapsedMs: nil, mode: .review, before: .new, after: staleAfter,
      sessionId: nil)
    let reviews = try a.reviews(cardId: "x")
    #expect(reviews[1].stateBefore == .new)
    #expect(reviews[1].stateBefore != reviews[0].stateAfter)
  }

  @Test("undo refuses when another process answered the card since, and changes nothing")
  func undoAfterAnotherProcessAnswered_isRefused() throws {
    let (directory, a, b) = try twoStores()
    defer { Fixtures.remove(directory) }
    try a.addCards(["x"], kind: .flashcard, at: now)
    let scheduler = try Scheduler()
    let mine = try a.recordReview(
      cardId: "x", rating: .good, at: now, elapsedMs: nil, mode: .review, sessionId: nil
    ) { scheduler.nextStates(for: $0, at: now)[.good].card }
    let theirs = try b.recordReview(
      cardId: "x", rating: .easy, at: now, elapsedMs: nil, mode: .review, sessionId: nil
    ) { scheduler.nextStates(for: $0, at: now)[.easy].card }
    let error = #expect(throws: StoreError.self) { try a.undoReview(id: mine.id, onlyIfLatest: true) }
    #expect(error == .answeredSince(cardId: "x"))
    #expect(error?.message.contains("another fmlab session") == true)
    #expect(try a.reviews(cardId: "x").count == 2)
    #expect(try a.card("x")?.state.memory == theirs.after.memory)
    // With no later answer, undo still works.
    #expect(try a.undoReview(id: theirs.id, onlyIfLatest: true)?.cardId == "x")
  }

  @Test("a read-only filesystem gets its own message: remount, not chmod")
  func aReadOnlyFileSystem_isNamedAsSuch() {
    let error = StoreError.readOnlyFileSystem(path: "/mnt/usb/fmlab")
    #expect(error.message.contains("/mnt/usb/fmlab is on a read-only filesystem"))
    #expect(error.message.contains("Remount it read-write") && !error.message.contains("chmod"))
    #expect(error.exitStatus == .dataDirNotWritable)
    // Not on a read-only filesystem: the ordinary read-only file message.
    #expect(!DatabaseFile.isOnReadOnlyFileSystem(NSTemporaryDirectory()))
  }

  func openExam(_ store: ProgressStore) throws -> Int64 {
    try store.createExam(seed: 1, at: now, timeLimitSeconds: 5400, slots: "[]")
  }

  func answers(_ ids: [String]) -> [ExamAnswerRecord] {
    ids.enumerated().map { index, id in
      ExamAnswerRecord(
        itemId: id, correct: index.isMultiple(of: 2), response: "null", itemHash: nil,
        rating: index.isMultiple(of: 2) ? .good : .again)
    }
  }

  @Test("submitting records every answer and closes the exam at once; a second submit records nothing")
  func submitExam_isOneTransactionAndHappensOnce() throws {
    let store = try ProgressStore.inMemory(now: now)
    let id = try openExam(store)
    let scheduler = try Scheduler()
    let schedule: (CardState, Rating) -> CardState = { scheduler.nextStates(for: $0, at: now)[$1].card }
    #expect(
      try store.submitExam(
        examId: id, status: .submitted, at: now, usedSeconds: 60, result: "{}", answers: answers(["p", "q", "r"]),
        schedule: schedule))
    #expect(try store.exam(id)?.status == .submitted)
    #expect(try store.attempts(examId: id).count == 3)
    #expect(try store.reviews().count == 3)
    #expect(try store.card("q")?.state.kind == .learning)
    let again = try store.submitExam(
      examId: id, status: .submitted, at: now, usedSeconds: 60, result: "{}", answers: answers(["p", "q", "r"]),
      schedule: schedule)
    #expect(!again)
    #expect(try store.attempts(examId: id).count == 3, "nothing recorded twice")
    #expect(try store.reviews().count == 3)
  }

  @Test("a submit that fails half way records none of the exam and leaves it open")
  func aFailedSubmit_leavesNothingHalfRecorded() throws {
    let store = try ProgressStore.inMemory(now: now)
    let id = try openExam(store)
    // The third answer fails inside the transaction (as a kill or a full disk would stop it there).
    try store.writer.writeWithoutTransaction { db in
      try db.execute(
        sql: """
          CREATE TEMP TRIGGER failOnBad BEFORE INSERT ON attempt WHEN NEW.itemId = 'bad'
          BEGIN SELECT RAISE(ABORT, 'simulated failure'); END
          """)
    }
    let scheduler = try Scheduler()
    #expect(throws: StoreError.self) {
      try store.submitExam(
        examId: id, status: .submitted, at: now, usedSeconds: 60, result: "{}",
        answers: answers(["p", "q", "bad", "r"])
      ) { scheduler.nextStates(for: $0, at: now)[$1].card }
    }
    #expect(try store.exam(id)?.status == .open)
    #expect(try store.attempts(examId: id).isEmpty)
    #expect(try store.reviews().isEmpty)
  }

  @Test("a full disk is a clear message; what was saved stays; after space is freed answers are saved again")
  func aFullDisk_losesNothingAndRecovers() throws {
    let directory = Fixtures.temporaryDirectory("torture-full")
    defer { Fixtures.remove(directory) }
    let store = try ProgressStore.open(at: directory + "/progress.sqlite", appVersion: "test", now: now)
    let ids = (0..<400).map { "card-\($0)" }
    try store.addCards(ids, kind: .flashcard, at: now)
    let scheduler = try Scheduler()
    func answer(_ id: String) throws(StoreError) {
      try store.recordReview(cardId: id, rating: .good, at: now, elapsedMs: nil, mode: .review, sessionId: nil) {
        scheduler.nextStates(for: $0, at: now)[.good].card
      }
    }
    for id in ids.prefix(5) { try answer(id) }
    // SQLite's page limit plays the full disk: the file may not grow by a single page.
    try store.writer.writeWithoutTransaction { db in
      let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
      _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
    }
    var failure: StoreError?
    var savedWhileFull = 0
    for id in ids.dropFirst(5) {
      do {
        try answer(id)
        savedWhileFull += 1
      } catch {
        failure = error
        break
      }
    }
    let error = try #require(failure)
    #expect(error == .diskFull(path: directory + "/progress.sqlite"))
    #expect(error.message.contains("is full") && !error.message.contains("SQLITE"))
    #expect(error.exitStatus == .storageFailure)
    #expect(try store.reviews().count == 5 + savedWhileFull, "everything saved before stays; nothing half-saved")
    try store.writer.writeWithoutTransaction { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = 1000000") }
    try answer(ids[399])
    #expect(try store.reviews().count == 6 + savedWhileFull)
    #expect(try store.health().isHealthy)
  }
}
