import Foundation
import GRDB

/// What `doctor` found when it examined the database.
public struct DatabaseHealth: Equatable, Sendable, Codable {
  public var path: String
  public var sizeBytes: Int64
  public var journalMode: String
  public var appliedMigrations: [String]
  public var knownMigrations: [String]
  /// `["ok"]` when SQLite's integrity check passes; otherwise each problem it reported.
  public var integrity: [String]
  /// Rows that break a foreign key, as `table(rowid) -> parent`.
  public var foreignKeyViolations: [String]
  public var createdBy: String?
  public var lastOpenedBy: String?
  /// Where the statistics' summaries (kept by triggers) differ from a recount of the logs: `reviewDay 20786`,
  /// `attemptItem q-1`. Empty when they agree. Not damage: `doctor --repair` recounts them.
  public var summaryMismatches: [String] = []

  public var isHealthy: Bool { integrity == ["ok"] && foreignKeyViolations.isEmpty }
}

extension ProgressStore {
  /// Runs SQLite's full integrity check and foreign-key check; reads only.
  public func health() throws(StoreError) -> DatabaseHealth {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
    return try read { db in
      let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
      let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row -> String in
        "\(row[0] as String? ?? "?")(\(row[1] as Int64? ?? 0)) -> \(row[2] as String? ?? "?")"
      }
      return DatabaseHealth(
        path: path, sizeBytes: size,
        journalMode: try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?",
        appliedMigrations: try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid"),
        knownMigrations: Schema.knownMigrations,
        integrity: integrity, foreignKeyViolations: fk,
        createdBy: try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'createdBy'"),
        lastOpenedBy: try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'lastOpenedBy'"),
        summaryMismatches: integrity == ["ok"] ? try Self.summaryMismatches(db) : [])
    }
  }

  /// Days and items whose summaries differ from a recount of the logs.
  static func summaryMismatches(_ db: Database) throws -> [String] {
    let days = try ReviewDays.dayMismatches(db).map { "reviewDay \($0)" }
    let items = try String.fetchAll(
      db,
      sql: """
        SELECT COALESCE(s.itemId, r.itemId) FROM attemptItem s
        FULL OUTER JOIN (
          SELECT itemId, COUNT(*) AS total, SUM(correct) AS correct FROM attempt GROUP BY itemId
        ) r ON r.itemId = s.itemId
        WHERE s.total IS NOT r.total OR s.correct IS NOT r.correct
        ORDER BY 1 LIMIT 100
        """
    ).map { "attemptItem \($0)" }
    return days + items
  }

  /// Recounts the statistics' summaries from the review and attempt logs, in one transaction (`doctor --repair`).
  public func rebuildSummaries() throws(StoreError) {
    try write { db in
      try db.execute(sql: "DELETE FROM reviewDay")
      try db.execute(sql: "INSERT INTO reviewDay(\(ReviewDays.columns)) \(ReviewDays.recountSQL(filter: "1"))")
      try db.execute(sql: "DELETE FROM attemptItem")
      try db.execute(sql: ReviewDays.attemptRecountSQL + " GROUP BY itemId")
    }
  }
}

extension ProgressStore {
  /// SQLite's integrity check on a database fmlab refuses to open, through a read-only
  /// connection, so `doctor` can show what is damaged without changing the file.
  public static func integrityReport(at path: String) -> [String] {
    var configuration = Configuration()
    configuration.readonly = true
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      return try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(50)") }
    } catch let error as DatabaseError {
      return ["SQLite cannot check the file: \(error.message ?? "\(error.resultCode)")"]
    } catch {
      return ["SQLite cannot check the file: \(error)"]
    }
  }
}
