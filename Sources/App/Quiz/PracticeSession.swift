import Content
import Core
import Foundation
import Quiz
import SRS
import Store
import Terminal

/// One practice sitting (`quiz`, `drill`): each item shown, answered in a forgiving form, explained
/// option by option, and fed to FSRS (the learner may change the suggested rating). Each answer is
/// saved at once, in one transaction.
struct PracticeSession {
  let session: Session
  let store: ProgressStore
  let scheduler: Scheduler
  let mode: StoredAttempt.Mode
  /// (item to ask, the case study's scenario when it is a case-study question)
  var queue: [(item: QuizItem, scenario: String?)]
  let topicTitles: [String: String]

  struct Summary: Encodable, Sendable, Equatable {
    var mode: String
    var answered: Int
    var correct: Int
    var skipped: Int
    var remaining: Int
    var stoppedEarly: Bool
  }

  struct ItemEvent: Encodable {
    var id: String
    var type: String
    var objective: String
    var position: Int
    var of: Int
    var stem: String
    var scenario: String?
    var choices: [String]
    var steps: [String]
    var prompts: [String]
    var responses: [String]
    var form: String
  }

  struct ResultEvent: Encodable {
    var id: String
    var correct: Bool
    var key: String
    var rating: String
  }

  mutating func run() throws -> Summary {
    var answered = 0
    var correctCount = 0
    var skipped = 0
    var stoppedEarly = false
    let total = queue.count
    if queue.isEmpty {
      session.say("No items match; try other filters.", event: "empty", data: ["mode": mode.rawValue])
    }
    items: while !queue.isEmpty {
      let (item, scenario) = queue.removeFirst()
      var random = session.random
      let seed = random.next()
      session.random = random
      let presentation = Presentation(item: item, seed: seed)
      let position = answered + skipped + 1
      session.say(
        QuizView.item(
          item, presentation, header: "[\(position)/\(total)] \(item.type.rawValue) · objective \(item.objective)",
          scenario: scenario, width: session.configuration.columns, styler: session.styler),
        event: "item", data: Self.event(item, presentation, scenario: scenario, position: position, of: total))
      let shownAt = session.now
      var usedHint = false
      var hintsGiven = 0
      answer: while true {
        guard
          let reply = session.ask(
            "Answer (\(AnswerParser.expectedForm(item, presentation))); or hint, explain, skip, quit:", id: "answer")
        else {
          stoppedEarly = true
          break items
        }
        switch AnswerParser.parse(reply, item: item, presentation: presentation) {
        case .invalid(let message):
          session.say(message, event: "notice", data: ["message": message])
        case .command(.quit):
          stoppedEarly = true
          break items
        case .command(.skip), .command(.next):
          skipped += 1
          continue items
        case .command(.hint):
          usedHint = true
          let hint = Self.hint(item, presentation, number: hintsGiven)
          hintsGiven += 1
          session.say(wrapped("Hint: " + hint), event: "hint", data: ["hint": hint])
        case .command(.explain):
          let text =
            item.topics.compactMap { id in topicTitles[id].map { "\($0) (topic \(id))" } }.joined(separator: "; ")
          let message =
            text.isEmpty
            ? "This item tests objective \(item.objective)."
            : "This item is about: \(text). Answer first; every option is explained afterwards."
          session.say(wrapped(message), event: "notice", data: ["message": message])
        case .command(.help):
          let message = "Type \(AnswerParser.expectedForm(item, presentation)); or hint, explain, skip, quit."
          session.say(message, event: "notice", data: ["message": message])
        case .command:
          let message = "flag, back and goto work in 'exam'; here: hint, explain, skip, quit."
          session.say(message, event: "notice", data: ["message": message])
        case .answer(let response):
          let now = session.now
          let elapsed = now.timeIntervalSince(shownAt)
          let correct = response.isCorrect(for: item)
          let suggested = PracticeRating.rating(
            correct: correct, usedHint: usedHint, seconds: elapsed > 0 ? elapsed : nil, type: item.type.rawValue)
          session.say(
            QuizView.feedback(
              item, presentation, response: response, width: session.configuration.columns, styler: session.styler),
            event: "result",
            data: ResultEvent(
              id: item.id, correct: correct, key: QuizView.key(item, presentation), rating: suggested.description))
          var rating = suggested
          if let reply = session.ask(
            "Rated \(suggested.description) for review — Enter keeps it, or 1-4 (again/hard/good/easy):", id: "rate"),
            let chosen = ReviewReply.rating(from: reply)
          {
            rating = chosen
          }
          try record(
            item, response: response, correct: correct, rating: rating, at: now, elapsed: elapsed, usedHint: usedHint)
          answered += 1
          if correct { correctCount += 1 }
          break answer
        }
      }
    }
    return Summary(
      mode: mode.rawValue, answered: answered, correct: correctCount, skipped: skipped, remaining: queue.count,
      stoppedEarly: stoppedEarly)
  }

  func record(
    _ item: QuizItem, response: Response, correct: Bool, rating: Rating, at now: Date, elapsed: Double, usedHint: Bool
  ) throws {
    let json = String(decoding: try JSONEncoder().encode(response), as: UTF8.self)
    // Scheduled from the card as stored when the answer is saved (another fmlab may have reviewed it meanwhile).
    var label = ""
    let scheduler = scheduler
    let session = session
    try store.recordAttempt(
      itemId: item.id, mode: mode, at: now, correct: correct, elapsedMs: max(0, Int(elapsed * 1000)),
      usedHint: usedHint, response: json, itemHash: QuizBank.fingerprint(item),
      review: (
        rating,
        { before in
          var random = session.random
          let outcome = scheduler.nextStates(for: before, at: now, fuzz: &random)[rating]
          session.random = random
          label = outcome.label
          return outcome.card
        }
      ))
    session.say(
      "Saved · next review \(label).", event: "answered",
      data: ["id": item.id, "rating": rating.description, "interval": label])
  }

  /// A nudge that gives part of the answer away (and makes the rating 'hard' at best).
  /// A message wrapped to the terminal's width (no final newline: `say` adds it).
  func wrapped(_ text: String) -> String {
    TextTable.wrap(text, width: max(20, session.configuration.columns)).joined(separator: "\n")
  }

  static func hint(_ item: QuizItem, _ p: Presentation, number: Int) -> String {
    let letters = Presentation.letters
    switch item.type {
    case .multipleChoice, .multipleResponse:
      let wrong = p.order.indices.filter { !item.options[p.order[$0]].correct }
      guard !wrong.isEmpty else { return "no more hints" }
      let position = wrong[number % wrong.count]
      return "\(letters[position])) is not right: " + item.options[p.order[position]].why
    case .ordering:
      let step = min(number, item.steps.count - 1)
      let shown = (p.order.firstIndex(of: step) ?? 0) + 1
      return "step \(shown) comes in place \(step + 1)."
    case .matching:
      let index = p.promptOrder[min(number, p.promptOrder.count - 1)]
      let number = (p.promptOrder.firstIndex(of: index) ?? 0) + 1
      return "prompt \(number) matches \(letters[p.responseOrder.firstIndex(of: index) ?? 0])."
    case .caseStudy:
      return "answer each question on its own."
    }
  }

  static func event(_ item: QuizItem, _ p: Presentation, scenario: String?, position: Int, of total: Int) -> ItemEvent {
    ItemEvent(
      id: item.id, type: item.type.rawValue, objective: item.objective, position: position, of: total, stem: item.stem,
      scenario: scenario,
      choices: p.order.map { item.type == .ordering ? item.steps[$0].text : item.options[$0].text },
      steps: [], prompts: p.promptOrder.map { item.pairs[$0].prompt },
      responses: p.responseOrder.map { Presentation.response($0, of: item) },
      form: AnswerParser.expectedForm(item, p))
  }
}
