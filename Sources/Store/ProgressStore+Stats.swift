import Foundation
import GRDB

/// A review as the statistics read it: flat columns, no JSON decoding per row (a million reviews
/// must load in well under a second).
public struct StatsReviewRow: Sendable, Equatable {
  public var cardId: String
  public var reviewedAt: Date
  public var rating: Int
  public var elapsedMs: Int?
  /// The card's state kind before the review: new, learning, review, relearning.
  public var kindBefore: String
  /// The interval the card had before the review, in days (0 for a new card).
  public var intervalBefore: Double
}

extension ProgressStore {
  /// Every review (not imports), oldest first, for the statistics.
  public func statsReviews() throws(StoreError) -> [StatsReviewRow] {
    try read { db in
      var rows: [StatsReviewRow] = []
      let cursor = try Row.fetchCursor(
        db,
        sql: """
          SELECT cardId, (julianday(reviewedAt) - 2440587.5) * 86400.0 AS epoch, rating, elapsedMs,
            json_extract(stateBefore, '$.kind') AS kind, COALESCE(json_extract(stateBefore, '$.scheduledInterval'), 0)
          FROM review WHERE mode <> 'import' ORDER BY reviewedAt, id
          """)
      while let row = try cursor.next() {
        rows.append(
          StatsReviewRow(
            cardId: row[0], reviewedAt: Date(timeIntervalSince1970: row[1]), rating: row[2], elapsedMs: row[3],
            kindBefore: row[4] ?? "new", intervalBefore: row[5]))
      }
      return rows
    }
  }
}
