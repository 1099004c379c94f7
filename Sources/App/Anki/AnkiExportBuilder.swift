import Anki
import Content
import Foundation
import SRS
import Store

/// Chooses what `export anki` writes and turns fmlab's content (and, with the schedule, the store's card states)
/// into Anki notes.
struct AnkiExportBuilder {
  let content: ContentSet
  var domain: Int?
  var objective: String?
  var flashcards = true
  var items = true
  /// Card id → stored state, when the schedule is exported.
  var schedules: [String: StoredCard]?
  /// The FSRS decay the states were computed with.
  var decay: Double?

  func build() -> AnkiExport {
    AnkiExport(flashcards: flashcards ? flashcardNotes() : [], examItems: items ? itemNotes() : [])
  }

  func matches(objectives: [String]) -> Bool {
    if let domain, !objectives.contains(where: { $0.hasPrefix("\(domain).") }) { return false }
    if let objective, !objectives.contains(where: { $0 == objective || $0.hasPrefix(objective + ".") }) {
      return false
    }
    return true
  }

  static func tags(objectives: [String], topics: [String]) -> [String] {
    var tags: [String] = []
    for domain in objectives.compactMap({ $0.split(separator: ".").first }) {
      let tag = "fmlab::domain::\(domain)"
      if !tags.contains(tag) { tags.append(tag) }
    }
    for objective in objectives where !tags.contains("fmlab::objective::\(objective)") {
      tags.append("fmlab::objective::\(objective)")
    }
    for topic in topics where !tags.contains("fmlab::topic::\(topic)") { tags.append("fmlab::topic::\(topic)") }
    return tags
  }

  func schedule(for id: String) -> AnkiCardSchedule? {
    guard let schedules else { return nil }
    guard let stored = schedules[id] else { return AnkiCardSchedule(state: .new, reps: 0, lapses: 0) }
    return AnkiCardSchedule(state: stored.state, reps: stored.reps, lapses: stored.lapses, decay: decay)
  }

  func flashcardNotes() -> [AnkiFlashcardNote] {
    var seen: Set<String> = []
    var notes: [AnkiFlashcardNote] = []
    for topic in content.topics where matches(objectives: topic.objectives) {
      for card in topic.flashcards where seen.insert(card.id).inserted {
        notes.append(
          AnkiFlashcardNote(
            id: card.id, front: card.prompt, back: card.answer, topic: topic.title,
            source: topic.sources.joined(separator: "\n"),
            tags: Self.tags(objectives: topic.objectives, topics: [topic.id]), schedule: schedule(for: card.id)))
      }
    }
    return notes
  }

  func itemNotes() -> [AnkiExamItemNote] {
    var notes: [AnkiExamItemNote] = []
    for parent in content.items {
      let units = parent.type == .caseStudy ? parent.questions : [parent]
      for item in units where matches(objectives: [item.objective]) {
        var note = Self.note(for: item, scenario: parent.type == .caseStudy ? parent.scenario : nil)
        note.tags = Self.tags(objectives: [item.objective], topics: item.topics.isEmpty ? parent.topics : item.topics)
        note.source = (item.sources.isEmpty ? parent.sources : item.sources).joined(separator: "\n")
        note.schedule = schedule(for: item.id)
        notes.append(note)
      }
    }
    return notes
  }

  static let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

  static func letter(_ index: Int) -> String { index < letters.count ? String(letters[index]) : "\(index + 1)" }

  /// The note's question, options, answer and explanations for each item type.
  static func note(for item: QuizItem, scenario: String?) -> AnkiExamItemNote {
    var stem = scenario.map { $0 + "\n\n" + item.stem } ?? item.stem
    var options: [String] = []
    var answer = ""
    var explanations: [String] = []
    switch item.type {
    case .multipleChoice, .multipleResponse, .caseStudy:
      options = item.options.map(\.text)
      let correct = item.options.indices.filter { item.options[$0].correct }
      answer = correct.map { "\(letter($0)) — \(item.options[$0].text)" }.joined(separator: "\n")
      explanations = item.options.map { ($0.correct ? "Correct. " : "Incorrect. ") + $0.why }
    case .ordering:
      // Shown in a fixed order that is not the answer (alphabetical), as the exam shuffles them.
      let shown = item.steps.indices.sorted { item.steps[$0].text < item.steps[$1].text }
      options = shown.map { item.steps[$0].text }
      answer = item.steps.enumerated().map { "\($0.offset + 1). \($0.element.text)" }.joined(separator: "\n")
      explanations = shown.map { "Step \($0 + 1): \(item.steps[$0].why)" }
      stem += "\n\nPut the steps in order."
    case .matching:
      options = item.pairs.map(\.prompt)
      let responses = (item.pairs.map(\.answer) + item.distractors.map(\.answer)).sorted()
      stem += "\n\nMatch each prompt with one of: " + responses.joined(separator: "; ") + "."
      answer = item.pairs.map { "\($0.prompt) → \($0.answer)" }.joined(separator: "\n")
      explanations = item.pairs.map(\.why) + item.distractors.map { "\($0.answer) fits none: \($0.why)" }
    }
    return AnkiExamItemNote(
      id: item.id, stem: stem, options: options, answer: answer, explanations: explanations,
      objective: item.objective, itemType: item.type.rawValue, source: item.sources.joined(separator: "\n"), tags: [])
  }
}
