import Content

/// A learner's answer to one item, in the item's own indices (independent of the shuffle).
public enum Response: Sendable, Equatable, Codable {
  /// Multiple choice / multiple response: the chosen option indices.
  case choice(Set<Int>)
  /// Ordering: step indices in the order the learner put them.
  case order([Int])
  /// Matching: pair index → response index (pair answers first, then distractors).
  case match([Int: Int])

  /// All-or-nothing, as on the exam: every key and nothing else; every step in place; every pair right.
  public func isCorrect(for item: QuizItem) -> Bool {
    switch (self, item.type) {
    case (.choice(let chosen), .multipleChoice), (.choice(let chosen), .multipleResponse):
      return chosen == Set(item.options.indices.filter { item.options[$0].correct })
    case (.order(let steps), .ordering):
      return steps == Array(item.steps.indices)
    case (.match(let pairs), .matching):
      return item.pairs.indices.allSatisfy { pairs[$0] == $0 }
    default:
      return false
    }
  }
}
