import Foundation
import GRDB

/// The review log summarised per UTC day in table `reviewDay`, kept exact by SQLite triggers on `review`, so the
/// statistics read a few hundred rows instead of every review (a million reviews would take seconds to read).
///
/// Per day: reviews, Again answers, and true retention's cells — the first review of a card that day made in
/// review state, young (interval before under 21 days; states store it in seconds) or mature, and how many of those
/// passed (rating ≥ 2). Imported history (`mode = 'import'`) is left out, as in the statistics. An answer recorded
/// in time order adds to its day; one recorded out of order, and an undo, recount their day from the log, so the
/// first-of-day rule stays exact.
enum ReviewDays {
  /// The day of a `reviewedAt` value (days since 1970-01-01, UTC).
  static func day(_ column: String) -> String { "CAST(julianday(\(column)) - 2440587.5 AS INTEGER)" }

  /// Counts per day over the reviews matching `filter` (a condition on `review`), first-of-day by a window
  /// over each card's reviews in time order.
  static func recountSQL(filter: String) -> String {
    """
    SELECT d, COUNT(*), SUM(rating = 1),
      SUM(first AND NOT mature), SUM(first AND NOT mature AND rating >= 2),
      SUM(first AND mature), SUM(first AND mature AND rating >= 2)
    FROM (
      SELECT d, rating, mature,
        kind = 'review' AND (LAG(d) OVER (PARTITION BY cardId ORDER BY reviewedAt, id) IS NOT d) AS first
      FROM (
        SELECT \(day("reviewedAt")) AS d, rating, cardId, reviewedAt, id,
          json_extract(stateBefore, '$.kind') AS kind,
          COALESCE(json_extract(stateBefore, '$.scheduledInterval'), 0) >= 21 * 86400 AS mature
        FROM review WHERE mode <> 'import' AND \(filter)
      )
    )
    GROUP BY d
    """
  }

  static let columns = "day, reviews, again, youngTotal, youngPassed, matureTotal, maturePassed"

  /// Creates the table and its triggers and counts the existing log.
  static func migrate(_ db: Database) throws {
    try db.create(table: "reviewDay") { t in
      t.primaryKey("day", .integer)
      for column in ["reviews", "again", "youngTotal", "youngPassed", "matureTotal", "maturePassed"] {
        t.column(column, .integer).notNull().defaults(to: 0).check { $0 >= 0 }
      }
    }
    try db.execute(sql: "INSERT INTO reviewDay(\(columns)) \(recountSQL(filter: "1"))")
    // An answer recorded after every other answer to its card that day (the usual case) adds to its day; it is
    // the card's first of the day unless an earlier one exists. One recorded out of time order (a clock set
    // back, two processes) may change which answer is first, so its day is recounted from the log.
    let laterSameDay = """
      EXISTS (
        SELECT 1 FROM review r
        WHERE r.cardId = NEW.cardId AND r.mode <> 'import' AND r.id <> NEW.id
          AND r.reviewedAt > NEW.reviewedAt AND r.reviewedAt < date(NEW.reviewedAt, '+1 day'))
      """
    try db.execute(
      sql: """
        CREATE TRIGGER reviewDay_afterInsert AFTER INSERT ON review
        WHEN NEW.mode <> 'import' AND NOT \(laterSameDay)
        BEGIN
          INSERT INTO reviewDay(\(columns))
          SELECT d, 1, NEW.rating = 1, first AND NOT mature, first AND NOT mature AND NEW.rating >= 2,
            first AND mature, first AND mature AND NEW.rating >= 2
          FROM (
            SELECT \(day("NEW.reviewedAt")) AS d,
              COALESCE(json_extract(NEW.stateBefore, '$.scheduledInterval'), 0) >= 21 * 86400 AS mature,
              json_extract(NEW.stateBefore, '$.kind') = 'review' AND NOT EXISTS (
                SELECT 1 FROM review r
                WHERE r.cardId = NEW.cardId AND r.mode <> 'import' AND r.id <> NEW.id
                  AND r.reviewedAt >= date(NEW.reviewedAt)
                  AND (r.reviewedAt < NEW.reviewedAt OR (r.reviewedAt = NEW.reviewedAt AND r.id < NEW.id))
              ) AS first
          ) WHERE 1
          ON CONFLICT(day) DO UPDATE SET
            reviews = reviews + excluded.reviews, again = again + excluded.again,
            youngTotal = youngTotal + excluded.youngTotal, youngPassed = youngPassed + excluded.youngPassed,
            matureTotal = matureTotal + excluded.matureTotal, maturePassed = maturePassed + excluded.maturePassed;
        END
        """)
    try db.execute(
      sql: """
        CREATE TRIGGER reviewDay_afterInsertOutOfOrder AFTER INSERT ON review
        WHEN NEW.mode <> 'import' AND \(laterSameDay)
        BEGIN
          DELETE FROM reviewDay WHERE day = \(day("NEW.reviewedAt"));
          INSERT INTO reviewDay(\(columns))
          \(recountSQL(filter: "reviewedAt >= date(NEW.reviewedAt) AND reviewedAt < date(NEW.reviewedAt, '+1 day')"));
        END
        """)
    // An undone answer: its day is counted again from the log.
    try db.execute(
      sql: """
        CREATE TRIGGER reviewDay_afterDelete AFTER DELETE ON review WHEN OLD.mode <> 'import'
        BEGIN
          DELETE FROM reviewDay WHERE day = \(day("OLD.reviewedAt"));
          INSERT INTO reviewDay(\(columns))
          \(recountSQL(filter: "reviewedAt >= date(OLD.reviewedAt) AND reviewedAt < date(OLD.reviewedAt, '+1 day')"));
        END
        """)
  }
}

extension ReviewDays {
  /// The days whose stored row differs from a recount of the log.
  static func dayMismatches(_ db: Database) throws -> [Int] {
    let stored = try Row.fetchAll(db, sql: "SELECT \(columns) FROM reviewDay WHERE reviews > 0")
    let recount = try Row.fetchAll(db, sql: recountSQL(filter: "1"))
    let key: (Row) -> [Int] = { row in (0..<7).map { row[$0] ?? 0 } }
    let a = Dictionary(stored.map { (key($0)[0], key($0)) }, uniquingKeysWith: { x, _ in x })
    let b = Dictionary(recount.map { (key($0)[0], key($0)) }, uniquingKeysWith: { x, _ in x })
    return Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
  }

  /// Creates `attemptItem` — every item's answers folded (count, right answers, whether the earliest was right) —
  /// with the triggers that keep it exact, and counts the existing attempts. An insert folds into its item; a
  /// delete or update (none happen today) recounts the item.
  /// Recounts items' attempts (append a filter and `GROUP BY itemId`); the first answer's `correct` is SQLite's
  /// bare column of the row holding `MIN(answeredAt)` (sqlite.org/lang_select.html#bare_columns_in_an_aggregate_query).
  static let attemptRecountSQL = """
    INSERT INTO attemptItem(itemId, total, correct, firstCorrect, firstAt)
    SELECT itemId, COUNT(*), SUM(correct), correct, MIN(answeredAt) FROM attempt
    """

  static func migrateAttempts(_ db: Database) throws {
    try db.create(table: "attemptItem") { t in
      t.primaryKey("itemId", .text)
      t.column("total", .integer).notNull().check { $0 > 0 }
      t.column("correct", .integer).notNull().check { $0 >= 0 }
      t.column("firstCorrect", .boolean).notNull()
      t.column("firstAt", .datetime).notNull()
    }
    let recount = attemptRecountSQL
    try db.execute(sql: recount + " GROUP BY itemId")
    // The earliest answer wins; of two at the same instant, the one recorded first.
    try db.execute(
      sql: """
        CREATE TRIGGER attemptItem_afterInsert AFTER INSERT ON attempt
        BEGIN
          INSERT INTO attemptItem(itemId, total, correct, firstCorrect, firstAt)
          VALUES (NEW.itemId, 1, NEW.correct, NEW.correct, NEW.answeredAt)
          ON CONFLICT(itemId) DO UPDATE SET
            total = total + 1, correct = correct + excluded.correct,
            firstCorrect = CASE WHEN excluded.firstAt < firstAt THEN excluded.firstCorrect ELSE firstCorrect END,
            firstAt = MIN(firstAt, excluded.firstAt);
        END
        """)
    for (event, row) in [("DELETE", "OLD"), ("UPDATE", "OLD")] {
      try db.execute(
        sql: """
          CREATE TRIGGER attemptItem_after\(event.capitalized) AFTER \(event) ON attempt
          BEGIN
            DELETE FROM attemptItem WHERE itemId IN (\(row).itemId\(event == "UPDATE" ? ", NEW.itemId" : ""));
            \(recount) WHERE itemId IN (\(row).itemId\(event == "UPDATE" ? ", NEW.itemId" : "")) GROUP BY itemId;
          END
          """)
    }
  }
}

/// One UTC day of the review log, as the store keeps it (see `ReviewDays`).
public struct StoredReviewDay: Sendable, Equatable {
  /// Days since 1970-01-01 (UTC).
  public var day: Int
  /// Reviews that day.
  public var reviews: Int
  /// Again answers that day.
  public var again: Int
  /// True retention's counted reviews with an interval under 21 days, and how many passed.
  public var youngTotal: Int
  public var youngPassed: Int
  /// True retention's counted reviews with an interval of 21 days or more, and how many passed.
  public var matureTotal: Int
  public var maturePassed: Int
}

extension ProgressStore {
  /// The review log per UTC day, oldest first (imports left out).
  public func reviewDays() throws(StoreError) -> [StoredReviewDay] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT \(ReviewDays.columns) FROM reviewDay WHERE reviews > 0 ORDER BY day").map {
        StoredReviewDay(
          day: $0[0], reviews: $0[1], again: $0[2], youngTotal: $0[3], youngPassed: $0[4], matureTotal: $0[5],
          maturePassed: $0[6])
      }
    }
  }

  /// Whether the per-day summary matches a recount of the log (for `doctor`): the days that differ.
  public func reviewDayMismatches() throws(StoreError) -> [Int] {
    try read { db in try ReviewDays.dayMismatches(db) }
  }
}
