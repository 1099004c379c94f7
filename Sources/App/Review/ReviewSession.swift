import Core
import Foundation
import SRS
import Store

/// One sitting of `review`: shows each card, takes the learner's rating, saves it at once
/// (one transaction per answer), and supports undo. Interactive I/O goes through the session.
struct ReviewSession {
  let session: Session
  let store: ProgressStore
  let scheduler: Scheduler
  let deck: FlashcardDeck
  let mode: StoredReview.Mode
  var queue: [StoredCard]
  /// With an exam date set: no interval runs past the exam when recall there would fall below target.
  let planner: ExamPlanner?

  struct Summary: Encodable, Sendable, Equatable {
    var mode: String
    var answered: Int
    var ratings: [String: Int]
    var undone: Int
    var remaining: Int
    var stoppedEarly: Bool
  }

  private var answered: [(reviewId: Int64, card: StoredCard, rating: Rating)] = []
  private var undone = 0

  init(
    session: Session, store: ProgressStore, scheduler: Scheduler, deck: FlashcardDeck, mode: StoredReview.Mode,
    queue: [StoredCard], planner: ExamPlanner? = nil
  ) {
    self.planner = planner
    self.session = session
    self.store = store
    self.scheduler = scheduler
    self.deck = deck
    self.mode = mode
    self.queue = queue
  }

  mutating func run() throws -> Summary {
    var stoppedEarly = false
    if queue.isEmpty {
      session.say(ReviewView.nothingDue(mode: mode), event: "empty", data: ["mode": mode.rawValue])
    }
    cards: while let card = queue.first {
      guard let entry = deck.byId[card.id] else {
        queue.removeFirst()
        continue
      }
      let shownAt = session.now
      var random = session.random
      let outcomes = scheduler.nextStates(for: card.state, at: shownAt, fuzz: &random).adjusted(by: planner)
      session.random = random
      let position = answered.count + 1
      session.say(
        ReviewView.question(entry, position: position, remaining: queue.count, styler: session.styler),
        event: "card",
        data: ReviewView.CardEvent(
          id: card.id, topic: entry.topic.id, prompt: entry.card.prompt, position: position,
          remaining: queue.count, intervals: ReviewView.intervals(outcomes)))
      var revealed = false
      while true {
        let question =
          revealed
          ? "\(outcomes.summary) — rate 1-4 (again/hard/good/easy), or undo, quit:"
          : "Enter shows the answer (or rate 1-4 now; undo, quit):"
        guard let reply = session.ask(question, id: revealed ? "rate" : "reveal") else {
          stoppedEarly = true
          break cards
        }
        switch ReviewReply(reply) {
        case .quit:
          stoppedEarly = true
          break cards
        case .undo:
          do {
            if try undoLast() { continue cards }
          } catch let error as StoreError {
            session.emitError(error.message, status: error.exitStatus, command: "review")
            continue
          }
          session.say("Nothing to undo yet.", event: "notice", data: ["message": "nothing to undo"])
        case .reveal where !revealed:
          revealed = true
          session.say(
            ReviewView.answer(entry, styler: session.styler), event: "answer", data: ["answer": entry.card.answer])
        case .rating(let rating):
          if !revealed {
            session.say(
              ReviewView.answer(entry, styler: session.styler), event: "answer", data: ["answer": entry.card.answer])
          }
          do {
            try record(card, rating: rating, outcome: outcomes[rating], shownAt: shownAt)
          } catch let error as StoreError {
            // Not saved (disk full, read-only, locked…): say so and ask again; the sitting goes on.
            session.emitError(
              error.message + " Answer again to retry, or 'quit'.", status: error.exitStatus, command: "review")
            revealed = true
            continue
          }
          continue cards
        case .reveal, .unknown:
          session.say(
            "Please answer 1, 2, 3 or 4 (or again, hard, good, easy); 'undo' or 'quit'.", event: "notice",
            data: ["message": "expected a rating"])
        }
      }
    }
    var ratings: [String: Int] = [:]
    for answer in answered { ratings[answer.rating.description, default: 0] += 1 }
    return Summary(
      mode: mode.rawValue, answered: answered.count, ratings: ratings, undone: undone, remaining: queue.count,
      stoppedEarly: stoppedEarly)
  }

  private mutating func record(_ card: StoredCard, rating: Rating, outcome: SchedulingOutcome, shownAt: Date) throws {
    let now = session.now
    let elapsed = max(0, Int(now.timeIntervalSince(shownAt) * 1000))
    // The state is read inside the write: when another fmlab answered this card since it was shown, the
    // answer is scheduled from that newer state (and the message says what was actually saved).
    var saved = outcome
    let recorded = try store.recordReview(
      cardId: card.id, rating: rating, at: now, elapsedMs: elapsed, mode: mode, sessionId: nil
    ) { stored in
      if Self.sameState(stored, card.state) { return outcome.card }
      var random = session.random
      saved = scheduler.nextStates(for: stored, at: now, fuzz: &random).adjusted(by: planner)[rating]
      session.random = random
      return saved.card
    }
    var shown = card
    shown.state = recorded.before
    let after = mode == .cram ? recorded.before : recorded.after
    answered.append((recorded.id, shown, rating))
    queue.removeFirst()
    // A card still in learning comes back in this sitting when its step is due.
    if mode == .review, after.kind == .learning || after.kind == .relearning, let due = after.due,
      due.timeIntervalSince(now) <= ReviewQueue.learnAhead
    {
      var again = shown
      again.state = after
      queue.append(again)
    }
    session.say(
      ReviewView.recorded(rating: rating, outcome: saved, cram: mode == .cram, styler: session.styler),
      event: "answered",
      data: ReviewView.AnsweredEvent(
        id: card.id, rating: rating.description, interval: saved.label,
        due: mode == .cram ? nil : after.due.map(Timestamp.format)))
  }

  /// Whether two states are the same schedule, allowing for the store keeping times to the millisecond.
  static func sameState(_ a: CardState, _ b: CardState) -> Bool {
    func close(_ x: Date?, _ y: Date?) -> Bool {
      switch (x, y) {
      case (nil, nil): true
      case (let x?, let y?): abs(x.timeIntervalSince(y)) < 0.002
      default: false
      }
    }
    return a.kind == b.kind && a.step == b.step && a.memory == b.memory && close(a.due, b.due)
      && close(a.lastReview, b.lastReview) && abs(a.scheduledInterval - b.scheduledInterval) < 0.002
  }

  /// Takes back the last answer of this sitting; the card comes up again next.
  private mutating func undoLast() throws -> Bool {
    guard let last = answered.last else { return false }
    let error: StoreError?
    do {
      try store.undoReview(id: last.reviewId, onlyIfLatest: true)
      error = nil
    } catch let caught {
      error = caught
    }
    if let error {
      // Answered again elsewhere since: that answer can no longer be taken back here. (Other failures, such as
      // a full disk, keep it on the stack so 'undo' can be tried again.)
      if error == .answeredSince(cardId: last.card.id) { answered.removeLast() }
      throw error
    }
    answered.removeLast()
    queue.removeAll { $0.id == last.card.id }
    queue.insert(last.card, at: 0)
    undone += 1
    session.say(
      "Undid the last answer (\(last.rating) on \(last.card.id)).", event: "undone", data: ["id": last.card.id])
    return true
  }
}

/// What the learner typed at a review prompt.
enum ReviewReply: Equatable {
  case reveal, rating(Rating), undo, quit, unknown

  init(_ text: String) {
    let word = text.trimmingCharacters(in: .whitespaces).lowercased()
    switch word {
    case "": self = .reveal
    case "undo", "u": self = .undo
    case "quit", "q", "exit": self = .quit
    default: self = Rating(parsing: word).map(ReviewReply.rating) ?? .unknown
    }
  }
}

extension ReviewReply {
  /// A rating typed as a number or word; nil for anything else (Enter keeps a suggestion).
  static func rating(from text: String) -> Rating? {
    if case .rating(let rating) = ReviewReply(text) { rating } else { nil }
  }
}
