import Content
import Core
import Foundation
import Quiz
import Store

/// The quiz bank as practice sees it: scored items (case studies as their questions), filters,
/// and the order items are served in.
struct QuizBank {
  let content: ContentSet

  /// A fingerprint of what an item asks and accepts, so an edited item can be told apart.
  static func fingerprint(_ item: QuizItem) -> String {
    var text = item.stem + "|" + item.type.rawValue
    text += item.options.map { "\($0.text)=\($0.correct)" }.joined(separator: "|")
    text += item.steps.map(\.text).joined(separator: ">")
    text += item.pairs.map { "\($0.prompt)->\($0.answer)" }.joined(separator: "|")
    return String(FNV1a.hash(Data(text.utf8)), radix: 16)
  }

  struct Filter {
    var domain: Int?
    var objective: String?
    var topic: String?
    var type: QuizItem.ItemType?
  }

  /// Every answerable question by id (a case study's questions with its scenario).
  var questionsByID: [String: (item: QuizItem, scenario: String?)] {
    var result: [String: (item: QuizItem, scenario: String?)] = [:]
    for entry in items(Filter()) { result[entry.item.id] = entry }
    return result
  }

  /// Every answerable item matching the filter, with its case study's scenario for questions.
  func items(_ filter: Filter) -> [(item: QuizItem, scenario: String?)] {
    var result: [(QuizItem, String?)] = []
    for item in content.items {
      if let type = filter.type, item.type != type { continue }
      let units: [(QuizItem, String?)] =
        item.type == .caseStudy ? item.questions.map { ($0, item.scenario) } : [(item, nil)]
      for (unit, scenario) in units {
        if let domain = filter.domain, unit.domain != domain && item.domain != domain { continue }
        if let objective = filter.objective, unit.objective != objective { continue }
        if let topic = filter.topic, !unit.topics.contains(topic) && !item.topics.contains(topic) { continue }
        result.append((unit, scenario))
      }
    }
    return result
  }

  /// Practice order: items due for review first (most overdue first), then items never seen
  /// (shuffled with the session's seed, case-study questions kept together), then the rest by
  /// how soon they fall due.
  static func order(
    _ items: [(item: QuizItem, scenario: String?)], cards: [String: StoredCard], now: Date,
    random: inout SeededGenerator
  ) -> [(item: QuizItem, scenario: String?)] {
    var due: [(Date, (QuizItem, String?))] = []
    var fresh: [(QuizItem, String?)] = []
    var later: [(Date, (QuizItem, String?))] = []
    for entry in items {
      if let card = cards[entry.item.id], card.state.kind != .new, let when = card.state.due {
        if when <= now { due.append((when, entry)) } else { later.append((when, entry)) }
      } else {
        fresh.append(entry)
      }
    }
    // Shuffle new items by group (a case study's questions stay in order, together).
    var groups: [[(QuizItem, String?)]] = []
    for entry in fresh {
      if let scenario = entry.1, let last = groups.last?.last, last.1 == scenario {
        groups[groups.count - 1].append(entry)
      } else {
        groups.append([entry])
      }
    }
    groups.shuffle(using: &random)
    return due.sorted { $0.0 < $1.0 }.map(\.1) + groups.flatMap { $0 } + later.sorted { $0.0 < $1.0 }.map(\.1)
  }

  /// Items edited since they were last answered: their schedules start again (history is kept).
  /// Returns the ids reset.
  @discardableResult
  func resetChangedItems(in store: ProgressStore) throws -> [String] {
    let hashes = try store.latestItemHashes()
    var current: [String: String] = [:]
    for item in content.items.flatMap(\.scoredItems) { current[item.id] = Self.fingerprint(item) }
    var reset: [String] = []
    for (id, stored) in hashes.sorted(by: { $0.key < $1.key }) {
      guard let now = current[id], now != stored, let card = try store.card(id), card.state.kind != .new else {
        continue
      }
      try store.resetCard(id)
      reset.append(id)
    }
    return reset
  }
}
