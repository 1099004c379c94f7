import GRDB

/// One item's answers folded together, as the statistics read them (one row per item, not per answer).
public struct StoredAttemptSummary: Sendable, Equatable {
  /// The item.
  public var itemId: String
  /// Answers given.
  public var total: Int
  /// Right answers.
  public var correct: Int
  /// Whether the first answer (the earliest `answeredAt`) was right.
  public var firstCorrect: Bool
}

extension ProgressStore {
  /// Every item's answers folded together, by item id (table `attemptItem`, kept by triggers: one row per item
  /// however long the history).
  public func attemptSummaries() throws(StoreError) -> [StoredAttemptSummary] {
    try read { db in
      var summaries: [StoredAttemptSummary] = []
      let cursor = try Row.fetchCursor(
        db,
        sql: "SELECT itemId, total, correct, firstCorrect FROM attemptItem ORDER BY itemId")
      while let row = try cursor.next() {
        summaries.append(
          StoredAttemptSummary(itemId: row[0], total: row[1], correct: row[2], firstCorrect: row[3]))
      }
      return summaries
    }
  }

  /// Every card's schedule as the statistics read it: positional columns, times as seconds since 1970 computed by
  /// SQLite (no per-row date parsing), ordered by id.
  public func statsCards() throws(StoreError) -> [StatsCardRow] {
    try read { db in
      var rows: [StatsCardRow] = []
      let cursor = try Row.fetchCursor(
        db,
        sql: """
          SELECT id, kind, stateKind, stability, difficulty, (julianday(due) - 2440587.5) * 86400.0, lastReviewEpoch,
            scheduledInterval
          FROM card ORDER BY id
          """)
      while let row = try cursor.next() {
        rows.append(
          StatsCardRow(
            id: row[0], kind: row[1], stateKind: row[2], stability: row[3], difficulty: row[4], dueEpoch: row[5],
            lastReviewEpoch: row[6], scheduledInterval: row[7]))
      }
      return rows
    }
  }
}

/// A card's schedule as the statistics read it.
public struct StatsCardRow: Sendable, Equatable {
  /// The card id.
  public var id: String
  /// flashcard, quiz or imported.
  public var kind: String
  /// new, learning, review or relearning.
  public var stateKind: String
  /// FSRS stability (days) and difficulty, nil for a new card.
  public var stability: Double?
  public var difficulty: Double?
  /// When due and when last reviewed, in seconds since 1970; nil for a new card.
  public var dueEpoch: Double?
  public var lastReviewEpoch: Double?
  /// The last scheduled interval in seconds.
  public var scheduledInterval: Double
}
