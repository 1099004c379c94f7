import Core
import Foundation
import GRDB
import SRS

/// The learner's progress: one SQLite database (WAL, through GRDB) in the data directory.
///
/// Every change is one short write transaction, so a killed process loses nothing it
/// had committed, and two fmlab processes can share a data directory. Every SQLite
/// failure reaches callers as a `StoreError` with a message and an exit status.
public final class ProgressStore: Sendable {
  let writer: any DatabaseWriter
  /// The database file, or `:memory:`.
  public let path: String
  let busyTimeout: Double

  init(writer: any DatabaseWriter, path: String, busyTimeout: Double) {
    self.writer = writer
    self.path = path
    self.busyTimeout = busyTimeout
  }

  /// Opens (creating if needed) the database at `path`, migrating it to this build's schema.
  ///
  /// Before migrating a database that already holds data, a copy is saved beside it
  /// (`progress.sqlite.before-<migration>`), so an upgrade can always be undone.
  public static func open(
    at path: String, busyTimeout: Double = 5, appVersion: String, now: Date
  ) throws(StoreError) -> ProgressStore {
    try open(at: path, busyTimeout: busyTimeout, appVersion: appVersion, now: now, migrator: Schema.migrator)
  }

  /// Opens with a given list of migrations (tests use it to play an older or newer fmlab).
  static func open(
    at path: String, busyTimeout: Double = 5, appVersion: String, now: Date, migrator: DatabaseMigrator
  ) throws(StoreError) -> ProgressStore {
    let directory = (path as NSString).deletingLastPathComponent
    try DatabaseFile.prepareDirectory(directory)
    try DatabaseFile.checkExistingFile(path)
    if FileManager.default.fileExists(atPath: path) {
      try preflight(path: path, busyTimeout: busyTimeout, migrator: migrator)
    }
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    do {
      let pool = try DatabasePool(path: path, configuration: configuration)
      let store = ProgressStore(writer: pool, path: path, busyTimeout: busyTimeout)
      try store.migrate(appVersion: appVersion, now: now, migrator: migrator)
      return store
    } catch {
      throw StoreError.from(error, path: path, busyTimeout: busyTimeout)
    }
  }

  /// Reads an existing database through a read-only connection before anything may write
  /// to it: a damaged file, a foreign file or a newer schema is refused without a single write.
  static func preflight(path: String, busyTimeout: Double, migrator: DatabaseMigrator) throws(StoreError) {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(busyTimeout)
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      try queue.read { db in
        _ = try Row.fetchAll(db, sql: "SELECT type, name, rootpage FROM sqlite_master")
        if try db.tableExists("grdb_migrations") {
          let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
          let unknown = applied.filter { !migrator.migrations.contains($0) }
          if !unknown.isEmpty {
            let writtenBy =
              try db.tableExists("meta")
              ? try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'lastOpenedBy'") : nil
            throw StoreError.tooNew(path: path, unknownMigrations: unknown.sorted(), writtenBy: writtenBy)
          }
        }
        for table in ["meta", "setting"] where try db.tableExists(table) {
          _ = try Row.fetchAll(db, sql: "SELECT * FROM \(table) LIMIT 1000")
        }
      }
      try queue.close()
    } catch {
      throw StoreError.from(error, path: path, busyTimeout: busyTimeout)
    }
  }

  /// A private in-memory database with the current schema, for tests and `--data-dir :memory:`.
  public static func inMemory(
    appVersion: String = "test", now: Date = Date(timeIntervalSince1970: 0)
  ) throws
    -> ProgressStore
  {
    let store = ProgressStore(writer: try DatabaseQueue(), path: ":memory:", busyTimeout: 0)
    try store.migrate(appVersion: appVersion, now: now, migrator: Schema.migrator)
    return store
  }

  private func migrate(appVersion: String, now: Date, migrator: DatabaseMigrator) throws {
    let (superseded, applied) = try writer.read { db in
      (try migrator.hasBeenSuperseded(db), try migrator.appliedIdentifiers(db))
    }
    if superseded {
      let known = Set(migrator.migrations)
      let unknown = try writer.read { db in
        try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").filter { !known.contains($0) }
      }
      let writtenBy = try? writer.read { db in
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'lastOpenedBy'")
      }
      throw StoreError.tooNew(path: path, unknownMigrations: unknown.sorted(), writtenBy: writtenBy ?? nil)
    }
    let pending = migrator.migrations.filter { !applied.contains($0) }
    if !applied.isEmpty, let next = pending.first, path != ":memory:" {
      let backup = try DatabaseQueue(path: path + ".before-" + next)
      try writer.backup(to: backup)
    }
    if !pending.isEmpty { try migrator.migrate(writer) }
    let lastOpenedBy = try writer.read { db in
      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'lastOpenedBy'")
    }
    guard lastOpenedBy != appVersion else { return }
    try writer.write { db in
      try db.execute(
        sql: "INSERT INTO meta(key, value) VALUES ('createdBy', ?) ON CONFLICT(key) DO NOTHING", arguments: [appVersion]
      )
      try db.execute(
        sql:
          "INSERT INTO meta(key, value) VALUES ('lastOpenedBy', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        arguments: [appVersion])
    }
  }

  /// Writes everything in the write-ahead log into the database file and closes it.
  public func close() throws(StoreError) {
    do {
      try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
      try writer.close()
    } catch {
      throw StoreError.from(error, path: path, busyTimeout: busyTimeout)
    }
  }

  /// Runs a read, mapping SQLite failures to `StoreError`.
  func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do { return try writer.read(body) } catch { throw StoreError.from(error, path: path, busyTimeout: busyTimeout) }
  }

  /// Runs one write transaction, mapping SQLite failures to `StoreError`.
  ///
  /// The transaction is `BEGIN IMMEDIATE`: it takes the write lock (waiting up to the busy timeout) before its
  /// first read, so a body that reads and then writes never works from a snapshot another process has since
  /// changed. (A deferred transaction that read first would fail at once with SQLITE_BUSY_SNAPSHOT, without
  /// waiting, when another fmlab committed in between.)
  func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try writer.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(db)
          return .commit
        }
        guard let result else { throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "no result") }
        return result
      }
    } catch {
      throw StoreError.from(error, path: path, busyTimeout: busyTimeout)
    }
  }

  /// The migrations applied to this database, oldest first.
  public func appliedMigrations() throws(StoreError) -> [String] {
    try read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
  }
}
