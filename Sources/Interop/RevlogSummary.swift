/// What a successful ``RevlogReader`` parse read: row counts, skipped rows by reason, and cards.
public struct RevlogSummary: Sendable, Hashable, Codable {
  /// Why a row was left out without being an error.
  public enum SkipReason: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// `review_state` 4: a manual entry in Anki (for example "set due date"); not a review.
    case manual
    /// `review_state` 5: a rescheduling entry in Anki; not a review.
    case rescheduled
  }

  /// Data rows in the file (the header and blank lines excluded).
  public var rows: Int
  /// Rows turned into entries.
  public var imported: Int
  /// Rows left out, by reason.
  public var skipped: [SkipReason: Int]
  /// Distinct cards among the entries.
  public var cards: Int

  /// Creates a summary.
  public init(rows: Int, imported: Int, skipped: [SkipReason: Int], cards: Int) {
    self.rows = rows
    self.imported = imported
    self.skipped = skipped
    self.cards = cards
  }

  /// All skipped rows.
  public var skippedCount: Int { skipped.values.reduce(0, +) }
}
