import Core
import Foundation
import Yams

/// One exam-style question with an explanation for every option.
///
/// Scoring is all-or-nothing, as on the exam. The domain and task statement follow from
/// the objective id (3.3.1 → domain 3, task 3.3).
public struct QuizItem: Sendable, Codable, Equatable, Identifiable {
  public var id: String
  public var type: ItemType
  public var objective: String
  public var difficulty: Int
  public var stem: String
  public var options: [Option]
  public var topics: [String]
  public var sources: [String]
  /// When the facts were last checked; nil when missing or invalid (a finding).
  public var verified: CalendarDay?
  /// Where the item's id is written, and that line's text.
  public var location: SourceLocation
  public var sourceLine: String?
  /// The objective and topic ids this item points at, with positions.
  public var references: [Reference]

  public enum ItemType: String, Sendable, Codable, CaseIterable {
    case multipleChoice = "multiple-choice"
    case multipleResponse = "multiple-response"
  }

  public struct Option: Sendable, Codable, Equatable {
    public var text: String
    public var correct: Bool
    /// Why this option is right, or why it is wrong.
    public var why: String
  }

  public var domain: Int { Int(objective.prefix { $0 != "." }) ?? 0 }
  public var task: String { objective.split(separator: ".").prefix(2).joined(separator: ".") }
  public var correctCount: Int { options.count { $0.correct } }
}

extension QuizItem {
  nonisolated(unsafe) static let idPattern = /[a-z0-9]+(-[a-z0-9]+)*/
  static let numberWords = ["two": 2, "three": 3, "four": 4, "five": 5]

  /// Parses one item mapping from a `quizzes/*.yaml` file.
  static func parse(_ node: Node, collector: FindingCollector) -> QuizItem? {
    guard let r = MappingReader(node, what: "quiz item", collector: collector, lineOffset: 0) else { return nil }
    let id = r.string("id", required: true) ?? ""
    if !id.isEmpty && id.wholeMatch(of: idPattern) == nil {
      r.error(at: r.value("id")!, "id '\(id)' must be lower-case words and digits joined by hyphens")
    }
    var type: ItemType? = nil
    if let typeText = r.string("type", required: true) {
      type = ItemType(rawValue: typeText)
      if type == nil {
        let names = ItemType.allCases.map(\.rawValue)
        let hint = Suggestion.closest(to: typeText, in: names).first.map { "; did you mean '\($0)'?" } ?? ""
        r.error(at: r.value("type")!, "type '\(typeText)' is not one of \(names.joined(separator: ", "))\(hint)")
      }
    }
    let objective = r.string("objective", required: true) ?? ""
    let difficulty = r.int("difficulty", range: 1...3) ?? 2
    let stem = r.string("stem", required: true, maxLength: 4000) ?? ""
    var options: [Option] = []
    let optionNodes = r.list("options", required: true)
    for optionNode in optionNodes {
      guard let o = MappingReader(optionNode, what: "option", collector: collector, lineOffset: 0) else { continue }
      let option = Option(
        text: o.string("text", required: true) ?? "", correct: o.bool("correct") ?? false,
        why: o.string("why") ?? "")
      if option.why.isEmpty { o.error(at: optionNode, "every option needs a 'why' that explains it") }
      o.finish()
      options.append(option)
    }
    let topics = r.strings("topics")
    let sources = r.strings("sources", required: true)
    let verified = r.day("verified", required: true)
    let references = r.references("objective", target: .objective) + r.references("topics", target: .topic)
    r.finish()
    guard !id.isEmpty, let type, !options.isEmpty else { return nil }
    let anchor = r.anchor("id")
    let item = QuizItem(
      id: id, type: type, objective: objective, difficulty: difficulty, stem: stem, options: options, topics: topics,
      sources: sources, verified: verified, location: anchor.location, sourceLine: anchor.sourceLine,
      references: references)
    item.checkShape(reader: r, optionsNode: r.value("options") ?? node)
    return item
  }

  /// The rules of each item type: how many keys, how many options, a stem that says how many to choose.
  func checkShape(reader r: MappingReader, optionsNode: Node) {
    let keys = correctCount
    switch type {
    case .multipleChoice:
      if options.count != 4 {
        r.error(at: optionsNode, "a multiple-choice item has 4 options; this one has \(options.count)")
      }
      if keys != 1 {
        r.error(at: optionsNode, "a multiple-choice item has exactly one correct option; this one has \(keys)")
      }
    case .multipleResponse:
      if options.count < 5 {
        r.error(at: optionsNode, "a multiple-response item has at least 5 options; this one has \(options.count)")
      }
      if keys < 2 {
        r.error(at: optionsNode, "a multiple-response item has at least 2 correct options; this one has \(keys)")
      }
      if let stated = QuizItem.statedChoiceCount(in: stem), stated != keys {
        r.error(
          at: r.value("stem") ?? optionsNode, "the stem asks for \(stated) choices but \(keys) options are correct")
      } else if QuizItem.statedChoiceCount(in: stem) == nil {
        r.error(
          at: r.value("stem") ?? optionsNode,
          "a multiple-response stem must say how many to choose, e.g. '(Choose two.)'")
      }
    }
  }

  /// The number in "(Choose two.)" or "Select 3", if the stem states one.
  static func statedChoiceCount(in stem: String) -> Int? {
    let pattern = /(?i)\b(?:choose|select)\s+(two|three|four|five|[2-5])\b/
    guard let match = stem.firstMatch(of: pattern) else { return nil }
    let word = String(match.1).lowercased()
    return numberWords[word] ?? Int(word)
  }
}
