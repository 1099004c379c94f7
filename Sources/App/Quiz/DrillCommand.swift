import ArgumentParser
import Content
import Foundation
import Quiz
import Store

struct DrillCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "drill",
    abstract: "Practise your weakest items, or the ones you got wrong last time.",
    discussion: """
      drill weak — items you are least likely to recall now (lowest FSRS retrievability; on ties, most \
      lapses, then least stability). drill wrong — items whose latest answer (quiz or exam) was wrong. Answers feed spaced \
      repetition as in 'quiz'.
      """)

  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case weak, wrong
  }

  @Argument(help: "weak or wrong.") var kind: Kind
  @Option(help: "How many items (1–200).") var n = 10

  func validate() throws {
    guard (1...200).contains(n) else { throw ValidationError("--n must be from 1 to 200") }
  }

  func execute(in session: Session) throws -> CommandOutput {
    let content = try session.content()
    let store = try session.store()
    let scheduler = try session.scheduler()
    let changed = try QuizBank(content: content).resetChangedItems(in: store)
    if !changed.isEmpty {
      session.say(
        "\(changed.count) item(s) changed since you last answered them; their review schedule starts again "
          + "(your history is kept): \(changed.prefix(5).joined(separator: ", "))", event: "itemsChanged",
        data: ["ids": changed])
    }
    let byID = QuizBank(content: content).questionsByID
    var chosen: [String]
    switch kind {
    case .weak:
      let now = session.now
      let cards = try store.cards().filter { $0.kind == .quiz && $0.state.kind != .new && byID[$0.id] != nil }
      struct Weakness {
        var id: String
        var recall: Double
        var lapses: Int
        var stability: Double
      }
      let ranked: [Weakness] = cards.map {
        Weakness(
          id: $0.id, recall: scheduler.retrievability(of: $0.state, at: now), lapses: $0.lapses,
          stability: $0.state.memory?.stability ?? 0)
      }
      chosen = ranked.sorted { a, b in
        if a.recall != b.recall { return a.recall < b.recall }
        if a.lapses != b.lapses { return a.lapses > b.lapses }
        if a.stability != b.stability { return a.stability < b.stability }
        return a.id < b.id
      }.map(\.id)
    case .wrong:
      var latest: [String: StoredAttempt] = [:]
      for attempt in try store.attempts() { latest[attempt.itemId] = attempt }
      chosen = latest.values.filter { !$0.correct && byID[$0.itemId] != nil }.sorted { $0.answeredAt > $1.answeredAt }
        .map(\.itemId)
    }
    guard !chosen.isEmpty else {
      let message =
        kind == .weak
        ? "Nothing to drill yet: answer some items with 'quiz' or 'exam' first."
        : "No item's latest answer was wrong — nothing to drill."
      return CommandOutput(text: message + "\n", json: ["items": 0])
    }
    var practice = PracticeSession(
      session: session, store: store, scheduler: scheduler, mode: .drill,
      queue: chosen.prefix(n).compactMap { byID[$0] },
      topicTitles: Dictionary(content.topics.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a }))
    let summary = try practice.run()
    return CommandOutput(text: "\(summary.answered) answered, \(summary.correct) correct.\n", json: summary)
  }
}
