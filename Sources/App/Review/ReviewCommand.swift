import ArgumentParser
import Content
import Core
import Foundation
import SRS
import Store

struct ReviewCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Review what is due: learning cards, then due reviews (weakest first), then new cards.",
    discussion: """
      For each card: press Enter to see the answer (or rate at once), then rate it 1–4 \
      (again, hard, good, easy); the next intervals are shown before you choose. 'undo' takes back \
      the last answer, 'quit' stops — every answer is saved as you give it. New cards take turns between \
      pages, in the exam guide's order, so a day's new cards cover many topics. \
      --cram TOPIC|DOMAIN studies ahead without changing the schedule.
      """)

  @Option(help: "Study a topic id or a domain number (1–5) ahead, without changing the schedule.")
  var cram: String?

  @Option(help: "Stop after this many cards.")
  var limit: Int?

  func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
  }

  func execute(in session: Session) throws -> CommandOutput {
    let content = try session.content()
    // Finished labs' debrief cards and the learner's imported (Anki) cards join the pages' own.
    let deck = FlashcardDeck(content: content, extra: session.finishedLabFlashcards() + session.userFlashcards())
    let store = try session.store()
    try store.addCards(deck.ids, kind: .flashcard, at: session.now)
    let scheduler = try session.scheduler()
    let queue: [StoredCard]
    let mode: StoredReview.Mode
    if let cram {
      let ids = try deck.ids(forCram: cram, guide: content.guide)
      let byId = Dictionary(uniqueKeysWithValues: try store.cards().map { ($0.id, $0) })
      queue = ids.compactMap { byId[$0] }
      mode = .cram
    } else {
      mode = .review
      let today = try store.todayCounts(since: session.studyDayStart())
      let newLimit = Int(try session.setting("daily-new-limit")) ?? 20
      let reviewLimit = Int(try session.setting("daily-review-limit")) ?? 200
      let known = Set(deck.ids)
      let newRemaining = newLimit - today.newIntroduced
      let reviewRemaining = reviewLimit - today.reviews
      // Every new card is a candidate, so that the deck's order — not the order they were stored in — picks them.
      let candidates = try store.studyCandidates(
        now: session.now, learnAhead: ReviewQueue.learnAhead, reviewLimit: reviewRemaining,
        newLimit: newRemaining > 0 ? Int.max : 0)
      queue = ReviewQueue.build(
        cards: candidates.filter { $0.kind == .flashcard && known.contains($0.id) }, now: session.now,
        scheduler: scheduler, newRemaining: newRemaining, reviewRemaining: reviewRemaining,
        newOrder: deck.newCardOrder(guide: content.guide))
    }
    var run = ReviewSession(
      session: session, store: store, scheduler: scheduler, deck: deck, mode: mode,
      queue: Array(queue.prefix(limit ?? Int.max)), planner: try session.examPlanner(scheduler: scheduler))
    let summary = try run.run()
    var text = ReviewView.summary(summary, styler: session.styler)
    // Quiz items due for review come in the same sitting, after the flashcards.
    if cram == nil && !summary.stoppedEarly {
      let now = session.now
      let items = QuizBank(content: content).questionsByID
      let due = try store.cards()
        .filter {
          $0.kind == .quiz && $0.state.kind != .new
            && ($0.state.due ?? .distantFuture) <= now.addingTimeInterval(ReviewQueue.learnAhead)
        }
        .sorted { ($0.state.due ?? now) < ($1.state.due ?? now) }
        .compactMap { items[$0.id] }
      let left = (limit ?? Int.max) - summary.answered
      if !due.isEmpty && left > 0 {
        session.say(
          "\(due.count) quiz item\(due.count == 1 ? " is" : "s are") due too.", event: "quizDue",
          data: ["count": due.count])
        var practice = PracticeSession(
          session: session, store: store, scheduler: scheduler, mode: .quiz, queue: Array(due.prefix(left)),
          topicTitles: Dictionary(content.topics.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a }))
        let quiz = try practice.run()
        text += "Quiz items: \(quiz.answered) answered, \(quiz.correct) correct.\n"
      }
    }
    return CommandOutput(text: text, json: summary)
  }
}

/// The flashcards of the loaded content, by id, in content order.
struct FlashcardDeck {
  let cards: [(card: Flashcard, topic: Topic)]
  let byId: [String: (card: Flashcard, topic: Topic)]

  /// `extra`: flashcards from elsewhere (finished labs' debriefs), after the pages' own.
  init(content: ContentSet, extra: [(card: Flashcard, topic: Topic)] = []) {
    var cards: [(card: Flashcard, topic: Topic)] = []
    var seen: Set<String> = []
    for topic in content.topics {
      for card in topic.flashcards where seen.insert(card.id).inserted { cards.append((card, topic)) }
    }
    for entry in extra where seen.insert(entry.card.id).inserted { cards.append(entry) }
    self.cards = cards
    byId = Dictionary(uniqueKeysWithValues: cards.map { ($0.card.id, $0) })
  }

  var ids: [String] { cards.map(\.card.id) }

  /// The order new cards are introduced in. The pages' cards take turns — every page's first card, then every
  /// page's second — with pages in the exam guide's order (by their first objective), so a day's new cards cover
  /// many pages instead of exhausting one, as Anki keeps a note's sibling cards apart. Cards of pages without an
  /// objective (the learner's imported decks) keep their own order and are mixed in evenly, so they neither wait
  /// behind the whole bank nor crowd it out.
  func newCardOrder(guide: ExamGuide) -> [String: Int] {
    let objectivePosition = Dictionary(
      guide.objectives.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    var pages: [(id: String, rank: Int)] = []
    var cardsByPage: [String: [String]] = [:]
    var unplaced: [String] = []
    for entry in cards {
      guard !entry.topic.objectives.isEmpty else {
        unplaced.append(entry.card.id)
        continue
      }
      let rank = entry.topic.objectives.compactMap { objectivePosition[$0] }.min() ?? Int.max
      if cardsByPage[entry.topic.id] == nil { pages.append((entry.topic.id, rank)) }
      cardsByPage[entry.topic.id, default: []].append(entry.card.id)
    }
    let ordered = pages.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
      .map(\.element.id)
    var turns: [String] = []
    let rounds = cardsByPage.values.map(\.count).max() ?? 0
    for round in 0..<rounds {
      for page in ordered {
        if let ids = cardsByPage[page], round < ids.count { turns.append(ids[round]) }
      }
    }
    // The even mix: the next card comes from whichever list is further behind its share.
    var order: [String: Int] = [:]
    var (fromTurns, fromUnplaced) = (0, 0)
    while fromTurns < turns.count || fromUnplaced < unplaced.count {
      let turnsShare = Double(fromTurns + 1) / Double(max(turns.count, 1))
      let unplacedShare = Double(fromUnplaced + 1) / Double(max(unplaced.count, 1))
      if fromUnplaced >= unplaced.count || (fromTurns < turns.count && turnsShare <= unplacedShare) {
        order[turns[fromTurns]] = order.count
        fromTurns += 1
      } else {
        order[unplaced[fromUnplaced]] = order.count
        fromUnplaced += 1
      }
    }
    return order
  }

  /// The cards of a topic, or of every topic in a domain.
  func ids(forCram subject: String, guide: ExamGuide) throws -> [String] {
    if let domain = Int(subject) {
      guard guide.domain(domain) != nil else {
        throw CommandFailure.usage("there is no domain \(domain); the exam has domains 1 to \(guide.domains.count)")
      }
      return cards.filter { $0.topic.objectives.contains { $0.hasPrefix("\(domain).") } }.map(\.card.id)
    }
    let matching = cards.filter { $0.topic.id == subject }.map(\.card.id)
    if matching.isEmpty {
      let topics = Set(cards.map(\.topic.id))
      let hint = Suggestion.closest(to: subject, in: topics).first.map { " — did you mean '\($0)'?" } ?? ""
      throw CommandFailure.usage("no topic '\(subject)' with flashcards\(hint)")
    }
    return matching
  }
}
