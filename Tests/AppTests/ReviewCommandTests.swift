import Content
import Core
import Foundation
import SRS
import Store
import TestSupport
import Testing

@testable import App

@Suite struct ReviewCommandTests {
  @Test func reviewServesNewCardsShowsIntervalsAndSavesEachAnswer() throws {
    let reader = ScriptedLineReader(lines: ["", "good", "4", "quit"])
    let t = try TestSession(contentRoot: Fixtures.studyContentRoot, reader: reader)
    #expect(t.run("review")[0].status == .success)
    #expect(t.sink.output.contains("Q: What kind of data does continued pre-training use?"))
    #expect(t.sink.output.contains("A: Unlabeled text from the domain"))
    #expect(t.sink.output.contains("again 1m · hard 6m · good 10m · easy"))
    #expect(t.sink.output.contains("2 answered (good 1 · easy 1)"))
    let store = try t.session.store()
    #expect(try store.reviews().map(\.rating) == [.good, .easy])
    #expect(try store.card("continued-pre-training#1")?.state.kind == .learning)
    // New cards take turns between pages: the second is the other page's first card.
    #expect(try store.card("fine-tuning#1")?.state.kind == .review)
    #expect(try store.card("continued-pre-training#2")?.state.kind == .new)
  }

  @Test func aDaysNewCardsComeFromAsManyPagesInTheExamGuidesOrder() throws {
    let content = try TestSession.repositoryContent.get()
    let deck = FlashcardDeck(content: content)
    let order = deck.newCardOrder(guide: content.guide)
    #expect(Set(order.keys) == Set(deck.ids))
    #expect(Set(order.values) == Set(0..<deck.ids.count))
    let ranked = deck.ids.sorted { order[$0]! < order[$1]! }
    let pageOf = Dictionary(uniqueKeysWithValues: deck.cards.map { ($0.card.id, $0.topic) })
    let pages = Set(deck.cards.map(\.topic.id))
    // The first round is every page's first card, once each.
    let firstRound = ranked.prefix(pages.count).map { pageOf[$0]!.id }
    #expect(Set(firstRound) == pages)
    #expect(
      ranked.prefix(pages.count).allSatisfy { id in
        deck.cards.first { $0.topic.id == pageOf[id]!.id }?.card.id == id
      })
    // Pages of domain 1 come before those of domain 5.
    let firstDomain = firstRound.map { id in
      content.topics.first { $0.id == id }!.objectives.compactMap { Int($0.prefix(1)) }.min() ?? 9
    }
    #expect(firstDomain.first == 1)
    #expect(firstDomain == firstDomain.sorted())
  }

  @Test func importedCardsKeepTheirOrderAndAreMixedInEvenly() throws {
    let content = try TestSession.repositoryContent.get()
    let deck = Topic(
      id: "anki", title: "Anki · Mine", kind: .concept, objectives: [], summary: "", body: "", flashcards: [],
      sources: [], verified: nil, location: SourceLocation(file: "mine.apkg", line: 0, column: 0))
    let mine = (0..<100).map { index in
      (
        card: Flashcard(
          id: "anki:note\(index):0", prompt: "Q\(index)", answer: "A",
          location: SourceLocation(file: "mine.apkg", line: 0, column: 0)), topic: deck
      )
    }
    let flashcards = FlashcardDeck(content: content, extra: mine)
    let order = flashcards.newCardOrder(guide: content.guide)
    let positions = mine.map { order[$0.card.id]! }
    #expect(positions == positions.sorted(), "imported cards keep their own order")
    let spacing = Double(flashcards.ids.count) / Double(mine.count)
    for (index, position) in positions.enumerated() {
      #expect(abs(Double(position) - Double(index + 1) * spacing) <= spacing + 1, "card \(index) at \(position)")
    }
  }

  @Test func reviewServesTheFirstNewCardsFromDifferentPages() throws {
    let reader = ScriptedLineReader(lines: Array(repeating: ["", "3"], count: 5).flatMap { $0 } + ["quit"])
    let t = try TestSession(reader: reader)
    t.run("review")
    let reviewed = try t.session.store().reviews().map(\.cardId)
    #expect(reviewed.count == 5)
    #expect(Set(reviewed.map { $0.split(separator: "#").first! }).count == 5)
  }

  @Test func anUnparseableReplyIsAskedAgainAndNeverCounts() throws {
    let reader = ScriptedLineReader(lines: ["maybe", "7", "3", "quit"])
    let t = try TestSession(contentRoot: Fixtures.studyContentRoot, reader: reader)
    t.run("review")
    #expect(t.sink.output.components(separatedBy: "Please answer 1, 2, 3 or 4").count == 3)
    #expect(try t.session.store().reviews().map(\.rating) == [.good])
  }

  @Test func undoTakesBackTheLastAnswerAndShowsTheCardAgain() throws {
    let reader = ScriptedLineReader(lines: ["1", "undo", "3", "quit"])
    let t = try TestSession(contentRoot: Fixtures.studyContentRoot, reader: reader)
    t.run("review")
    let store = try t.session.store()
    #expect(try store.reviews().map(\.rating) == [.good])
    #expect(try store.reviews().first?.cardId == "continued-pre-training#1")
    #expect(t.sink.output.contains("Undid the last answer (again on continued-pre-training#1)."))
  }

  @Test func theEndOfInputStopsTheSittingAndKeepsEveryAnswer() throws {
    let t = try TestSession(contentRoot: Fixtures.studyContentRoot, reader: ScriptedLineReader(lines: ["3"]))
    #expect(t.run("review")[0].status == .success)
    #expect(try t.session.store().reviews().count == 1)
    #expect(t.sink.output.contains("1 answered"))
  }

  @Test func theDailyNewLimitCapsNewCards() throws {
    let reader = ScriptedLineReader(lines: Array(repeating: "4", count: 10))
    let t = try TestSession(contentRoot: Fixtures.studyContentRoot, reader: reader)
    t.run("set daily-new-limit 2", "review")
    #expect(try t.session.store().reviews().count == 2)
    t.run("review")
    #expect(t.sink.output.contains("Nothing is due now."))
  }

  @Test func cramStudiesATopicWithoutChangingTheSchedule() throws {
    let reader = ScriptedLineReader(lines: ["4", "4", "4"])
    let t = try TestSession(contentRoot: Fixtures.studyContentRoot, reader: reader)
    t.run("review --cram fine-tuning")
    let store = try t.session.store()
    #expect(try store.reviews().map(\.mode) == [.cram, .cram, .cram])
    #expect(try store.reviews().allSatisfy { $0.cardId.hasPrefix("fine-tuning#") })
    #expect(try store.cards().allSatisfy { $0.state == .new })
  }

  @Test func cramOfAnUnknownTopicSuggests() throws {
    let t = try TestSession(contentRoot: Fixtures.studyContentRoot)
    #expect(t.run("review --cram fine-tunin")[0].status == .usage)
    #expect(t.sink.errors.contains("did you mean 'fine-tuning'?"))
  }

  @Test func jsonModeDescribesEveryStepAsAnObject() throws {
    let reader = ScriptedLineReader(lines: ["", "3", "quit"])
    let t = try TestSession(json: true, contentRoot: Fixtures.studyContentRoot, reader: reader)
    t.run("review")
    let types = t.jsonLines().compactMap { $0["type"] as? String }
    #expect(types == ["card", "prompt", "answer", "prompt", "answered", "card", "prompt", "result"])
    let card = try #require(t.jsonLines().first?["data"] as? [String: Any])
    #expect((card["intervals"] as? [String: String])?["good"] == "10m")
  }

  @Test func theSameSeedGivesTheSameSchedule() throws {
    func dueDates() throws -> [Date?] {
      let t = try TestSession(
        contentRoot: Fixtures.studyContentRoot, reader: ScriptedLineReader(lines: ["4", "4", "4", "quit"]))
      t.run("review")
      return try t.session.store().cards().map(\.state.due)
    }
    #expect(try dueDates() == dueDates())
  }
}

@Suite struct ReviewQueueTests {
  let now = TestClock.reference

  @Test func learningComesFirstThenDueReviewsWeakestFirstThenNewCards() throws {
    let scheduler = try Scheduler()
    let learning = scheduler.review(.new, rating: .again, at: now.addingTimeInterval(-120)).card
    let easy = scheduler.review(.new, rating: .easy, at: now.addingTimeInterval(-30 * 86400)).card
    let good = scheduler.review(.new, rating: .easy, at: now.addingTimeInterval(-60 * 86400)).card
    let notDue = scheduler.review(.new, rating: .easy, at: now).card
    let cards = [
      StoredCard(id: "new-1", kind: .flashcard, state: .new),
      StoredCard(id: "rev-30", kind: .flashcard, state: easy),
      StoredCard(id: "learn", kind: .flashcard, state: learning),
      StoredCard(id: "rev-60", kind: .flashcard, state: good),
      StoredCard(id: "later", kind: .flashcard, state: notDue),
      StoredCard(id: "new-2", kind: .flashcard, state: .new),
    ]
    let queue = ReviewQueue.build(cards: cards, now: now, scheduler: scheduler, newRemaining: 1, reviewRemaining: 10)
    #expect(queue.map(\.id) == ["learn", "rev-60", "rev-30", "new-1"])
  }

  @Test func limitsOfZeroOrLessServeNoNewOrReviewCards() throws {
    let scheduler = try Scheduler()
    let due = scheduler.review(.new, rating: .easy, at: now.addingTimeInterval(-30 * 86400)).card
    let cards = [StoredCard(id: "n", kind: .flashcard, state: .new), StoredCard(id: "r", kind: .flashcard, state: due)]
    #expect(
      ReviewQueue.build(cards: cards, now: now, scheduler: scheduler, newRemaining: -3, reviewRemaining: 0).isEmpty)
  }

  @Test(arguments: [
    ("", ReviewReply.reveal), ("1", .rating(.again)), ("again", .rating(.again)), ("HARD", .rating(.hard)),
    ("3", .rating(.good)), ("easy", .rating(.easy)), ("undo", .undo), ("q", .quit), ("5", .unknown), ("x", .unknown),
  ])
  func repliesAreParsedForgivingly(text: String, reply: ReviewReply) {
    #expect(ReviewReply(text) == reply)
  }
}
