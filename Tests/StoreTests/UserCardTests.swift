import Foundation
import GRDB
import SRS
import Testing

@testable import Store

@Suite struct UserCardTests {
  static let now = Date(timeIntervalSince1970: 1_795_683_600)

  static func card(_ guid: String, ord: Int = 0, front: String = "Q", back: String = "A") -> UserCard {
    UserCard(
      id: "anki:\(guid):\(ord)", noteGuid: guid, ord: ord, noteKind: .basic, front: front, back: back,
      tags: ["t1", "t2"], deck: "Deck", source: "deck.apkg")
  }

  static func review(_ id: String, at time: Date, rating: Rating = .good) -> ImportedReview {
    let after = CardState.review(
      CardSchedule(
        memory: MemoryState(stability: 3, difficulty: 5), due: time.addingTimeInterval(3 * 86_400), lastReview: time,
        scheduledInterval: 3 * 86_400))
    return ImportedReview(cardId: id, rating: rating, at: time, elapsedMs: 4000, before: .new, after: after)
  }

  @Test("imported cards are stored with their text, tags and deck, and as flashcards the queue can serve")
  func storesCards() throws {
    let store = try ProgressStore.inMemory()
    let summary = try store.importUserCards(
      [UserCardImport(card: Self.card("g1"), reviews: [Self.review("anki:g1:0", at: Self.now)])], at: Self.now)
    #expect(summary == UserCardImportSummary(added: 1, updated: 0, reviews: 1, knownReviews: 0))
    #expect(try store.userCards() == [Self.card("g1")])
    let stored = try #require(try store.card("anki:g1:0"))
    #expect(stored.kind == .flashcard)
    #expect(stored.state.kind == .review)
    #expect(stored.reps == 1)
    #expect(try store.reviews(cardId: "anki:g1:0").map(\.mode) == [.import])
  }

  @Test("importing again updates the text and adds only new reviews: nothing is duplicated")
  func reimportUpdates() throws {
    let store = try ProgressStore.inMemory()
    let first = Self.review("anki:g1:0", at: Self.now)
    _ = try store.importUserCards([UserCardImport(card: Self.card("g1"), reviews: [first])], at: Self.now)
    let later = Self.review("anki:g1:0", at: Self.now.addingTimeInterval(86_400), rating: .easy)
    let summary = try store.importUserCards(
      [UserCardImport(card: Self.card("g1", back: "A, edited"), reviews: [first, later])],
      at: Self.now.addingTimeInterval(2 * 86_400))
    #expect(summary == UserCardImportSummary(added: 0, updated: 1, reviews: 1, knownReviews: 1))
    #expect(try store.userCards().map(\.back) == ["A, edited"])
    #expect(try store.reviews(cardId: "anki:g1:0").count == 2)
    #expect(try store.cards().count == 1)
    #expect(try store.card("anki:g1:0")?.reps == 2)
  }

  @Test("one bad card imports nothing at all (one transaction)")
  func allOrNothing() throws {
    let store = try ProgressStore.inMemory()
    let bad = UserCard(
      id: String(repeating: "x", count: 300), noteGuid: "g2", ord: 0, noteKind: .basic, front: "Q", back: "A",
      tags: [], deck: "", source: "x.apkg")
    #expect(throws: StoreError.self) {
      try store.importUserCards(
        [
          UserCardImport(card: Self.card("g1"), reviews: [Self.review("anki:g1:0", at: Self.now)]),
          UserCardImport(card: bad, reviews: []),
        ], at: Self.now)
    }
    #expect(try store.userCards().isEmpty)
    #expect(try store.cards().isEmpty)
    #expect(try store.reviews().isEmpty)
  }

  @Test("a review older than the card's last review in fmlab is logged but does not move the schedule back")
  func olderReviewKeepsState() throws {
    let store = try ProgressStore.inMemory()
    let late = Self.review("anki:g1:0", at: Self.now.addingTimeInterval(10 * 86_400))
    _ = try store.importUserCards([UserCardImport(card: Self.card("g1"), reviews: [late])], at: Self.now)
    let early = Self.review("anki:g1:0", at: Self.now)
    _ = try store.importUserCards([UserCardImport(card: Self.card("g1"), reviews: [early, late])], at: Self.now)
    #expect(try store.card("anki:g1:0")?.state.lastReview == late.at)
    #expect(try store.reviews(cardId: "anki:g1:0").count == 2)
  }
}

@Suite struct UserCardStorageDateTests {
  @Test(
    "review times are written exactly as GRDB writes dates",
    arguments: [
      0.0, 1_795_683_600.0, 1_795_683_600.123, 951_782_400.999, 4_102_444_799.5, 1_234_567_890.001, 1_795_683_600.1234,
    ])
  func sameAsGRDB(seconds: Double) throws {
    let date = Date(timeIntervalSince1970: seconds)
    #expect(ProgressStore.storageString(date) == String.fromDatabaseValue(date.databaseValue))
    let store = try ProgressStore.inMemory()
    let card = UserCardTests.card("g")
    let summary = try store.importUserCards(
      [UserCardImport(card: card, reviews: [UserCardTests.review(card.id, at: date)])], at: date)
    #expect(summary.reviews == 1)
    let stored = try #require(try store.reviews(cardId: card.id).first)
    #expect(abs(stored.reviewedAt.timeIntervalSince1970 - seconds) < 0.001)
    // Importing again recognises the review by its stored text: nothing is added twice.
    let again = try store.importUserCards(
      [UserCardImport(card: card, reviews: [UserCardTests.review(card.id, at: date)])], at: date)
    #expect(again.knownReviews == 1 && again.reviews == 0)
  }

  @Test("any instant from 1970 to 2255 formats like GRDB's DateFormatter")
  func manyDates() {
    var value: Int64 = 0
    for _ in 0..<2000 {
      value = (value &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407)
      let microseconds = Double(abs(value % 9_000_000_000_000_000))
      let date = Date(timeIntervalSince1970: microseconds / 1_000_000)
      #expect(ProgressStore.storageString(date) == String.fromDatabaseValue(date.databaseValue))
    }
  }

  @Test("card states are written as the same JSON the encoder writes")
  func stateJSON() throws {
    var value: UInt64 = 7
    func next() -> Double {
      value = value &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(value >> 11) / Double(1 << 53)
    }
    #expect(ProgressStore.fastJSON(.new) == (try ProgressStore.json(.new)))
    for index in 0..<2000 {
      let schedule = CardSchedule(
        memory: MemoryState(stability: 0.01 + next() * 400, difficulty: 1 + next() * 9),
        due: Date(timeIntervalSince1970: 1_700_000_000 + (next() * 1e8).rounded() / 1000),
        lastReview: Date(timeIntervalSince1970: 1_700_000_000 + (next() * 1e8).rounded() / 1000),
        scheduledInterval: index % 3 == 0 ? 600 : (next() * 1e7).rounded())
      let states: [CardState] = [
        .review(schedule), .learning(step: index % 3, schedule), .relearning(step: 0, schedule),
      ]
      for state in states {
        let fast = ProgressStore.fastJSON(state)
        #expect(fast != nil, "typical values take the fast path")
        if let fast { #expect(fast == (try ProgressStore.json(state))) }
        #expect(try ProgressStore.state(fromJSON: fast ?? ProgressStore.json(state)) == state)
      }
    }
  }
}
