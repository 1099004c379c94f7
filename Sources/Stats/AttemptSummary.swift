/// One item's answers folded together: what the statistics need from the attempt log (counts and whether the
/// first answer was right), so a long history is read as one row per item. The store computes these with one
/// grouped query; ``summarize(_:)`` computes the same from raw attempts.
public struct AttemptSummary: Sendable, Hashable, Codable {
  /// The item.
  public var itemID: String
  /// Answers given.
  public var total: Int
  /// Answers that were right.
  public var correct: Int
  /// Whether the first answer (in time order) was right.
  public var firstCorrect: Bool

  /// Creates a summary.
  public init(itemID: String, total: Int, correct: Int, firstCorrect: Bool) {
    self.itemID = itemID
    self.total = total
    self.correct = correct
    self.firstCorrect = firstCorrect
  }

  /// The summaries of `attempts` (in time order: the first answer follows it), in order of each item's first
  /// answer.
  public static func summarize(_ attempts: [AttemptRecord]) -> [AttemptSummary] {
    var order: [String] = []
    var byItem: [String: AttemptSummary] = [:]
    for attempt in attempts {
      if var summary = byItem[attempt.itemID] {
        summary.total += 1
        summary.correct += attempt.correct ? 1 : 0
        byItem[attempt.itemID] = summary
      } else {
        order.append(attempt.itemID)
        byItem[attempt.itemID] = AttemptSummary(
          itemID: attempt.itemID, total: 1, correct: attempt.correct ? 1 : 0, firstCorrect: attempt.correct)
      }
    }
    return order.map { byItem[$0]! }
  }
}
