import Content
import SRS
import Store
import Terminal

enum ReviewView {
  struct CardEvent: Encodable, Sendable {
    var id: String
    var topic: String
    var prompt: String
    var position: Int
    var remaining: Int
    var intervals: [String: String]
  }

  struct AnsweredEvent: Encodable, Sendable {
    var id: String
    var rating: String
    var interval: String
    var due: String?
  }

  static func intervals(_ outcomes: SchedulingOutcomes) -> [String: String] {
    Dictionary(uniqueKeysWithValues: outcomes.all.map { ($0.rating.description, $0.label) })
  }

  static func question(
    _ entry: (card: Flashcard, topic: Topic), position: Int, remaining: Int, styler: Styler
  )
    -> String
  {
    styler.dim("[\(position) · \(remaining) left] \(entry.topic.title)") + "\n" + styler.bold("Q: ")
      + entry.card.prompt.sanitizedForTerminal + "\n"
  }

  static func answer(_ entry: (card: Flashcard, topic: Topic), styler: Styler) -> String {
    styler.bold("A: ") + entry.card.answer.sanitizedForTerminal + "\n"
  }

  static func recorded(rating: Rating, outcome: SchedulingOutcome, cram: Bool, styler: Styler) -> String {
    if cram { return styler.dim("\(rating) — cram answer logged; the schedule is unchanged") + "\n\n" }
    return styler.success("\(rating)") + styler.dim(" — next in \(outcome.label)") + "\n\n"
  }

  static func nothingDue(mode: StoredReview.Mode) -> String {
    mode == .cram
      ? "Nothing to cram there.\n"
      : "Nothing is due now. New cards wait for tomorrow's limit; 'review --cram TOPIC' studies ahead.\n"
  }

  static func summary(_ summary: ReviewSession.Summary, styler: Styler) -> String {
    guard summary.answered > 0 || summary.undone > 0 else { return "" }
    let order = ["again", "hard", "good", "easy"]
    let counts = order.compactMap { key in summary.ratings[key].map { "\(key) \($0)" } }.joined(separator: " · ")
    var text = styler.bold("\(summary.answered) answered") + (counts.isEmpty ? "" : " (\(counts))")
    if summary.remaining > 0 { text += ", \(summary.remaining) left for later" }
    return text + ". Everything is saved.\n"
  }
}
