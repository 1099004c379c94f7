import ArgumentParser
import Content
import Core
import Foundation
import Quiz
import Store

extension QuizItem.ItemType: ExpressibleByArgument {}

struct QuizCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "quiz",
    abstract: "Practise exam items: feedback and an explanation for every option after each answer.",
    discussion: """
      Items due for review come first, then new ones. Answer with a letter (b), letters (a c or a,c), \
      an order (3 1 2) or pairs (1b 2a 3c); 'hint' gives part away (rated hard at best), 'explain' names \
      the topic, 'skip', 'quit'. Each answer feeds spaced repetition: wrong → again, right → good, \
      right and fast → easy, right after a hint or slowly → hard; you may change the rating.
      """)

  @Option(help: "Only this exam domain (1–5).") var domain: Int?
  @Option(help: "Only this objective (e.g. 3.3.1).") var objective: String?
  @Option(help: "Only items about this knowledge-base page.") var topic: String?
  @Option(help: "Only this item type.") var type: QuizItem.ItemType?
  @Option(help: "How many items (1–200).") var n = 10

  func validate() throws {
    guard (1...200).contains(n) else { throw ValidationError("--n must be from 1 to 200") }
    if let domain, !(1...5).contains(domain) { throw ValidationError("--domain must be from 1 to 5") }
  }

  func execute(in session: Session) throws -> CommandOutput {
    let content = try session.content()
    if let objective, content.guide.objective(objective) == nil {
      throw CommandFailure.unknown("objective", objective, in: content.guide.objectives.map(\.id))
    }
    if let topic, content.topic(topic) == nil {
      throw CommandFailure.unknown("topic", topic, in: content.topics.map(\.id))
    }
    let bank = QuizBank(content: content)
    let items = bank.items(.init(domain: domain, objective: objective, topic: topic, type: type))
    let store = try session.store()
    let changed = try bank.resetChangedItems(in: store)
    if !changed.isEmpty {
      session.say(
        "\(changed.count) item(s) changed since you last answered them; their review schedule starts again "
          + "(your history is kept): \(changed.prefix(5).joined(separator: ", "))", event: "itemsChanged",
        data: ["ids": changed])
    }
    let cards = Dictionary(uniqueKeysWithValues: try store.cards().filter { $0.kind == .quiz }.map { ($0.id, $0) })
    var random = session.random
    let ordered = QuizBank.order(items, cards: cards, now: session.now, random: &random)
    session.random = random
    var practice = PracticeSession(
      session: session, store: store, scheduler: try session.scheduler(), mode: .quiz,
      queue: Array(ordered.prefix(n)),
      topicTitles: Dictionary(content.topics.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a }))
    let summary = try practice.run()
    var text = "\(summary.answered) answered, \(summary.correct) correct"
    if summary.skipped > 0 { text += ", \(summary.skipped) skipped" }
    if summary.stoppedEarly { text += "; stopped early — every answer so far is saved" }
    return CommandOutput(text: text + ".\n", json: summary)
  }
}
