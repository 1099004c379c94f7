import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

@Suite struct MigrationTests {
  let now = TestClock.reference

  @Test func inMemoryStore_appliesEveryKnownMigration() throws {
    let store = try ProgressStore.inMemory()
    #expect(try store.appliedMigrations() == Schema.knownMigrations)
  }

  @Test func onDiskStore_isCreatedInWALModeWithEveryMigration() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { Fixtures.remove(directory) }
    let store = try ProgressStore.open(at: directory + "/progress.sqlite", appVersion: "1.0", now: now)
    let health = try store.health()
    #expect(health.journalMode == "wal")
    #expect(health.appliedMigrations == Schema.knownMigrations)
    #expect(health.isHealthy)
    #expect(health.createdBy == "1.0")
  }

  @Test func reopeningAStore_keepsItsDataAndRecordsTheNewVersion() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { Fixtures.remove(directory) }
    let path = directory + "/progress.sqlite"
    try ProgressStore.open(at: path, appVersion: "1.0", now: now).setSetting("daily-new-limit", to: "5", at: now)
    let reopened = try ProgressStore.open(at: path, appVersion: "1.1", now: now)
    #expect(try reopened.storedSetting("daily-new-limit") == "5")
    let health = try reopened.health()
    #expect(health.createdBy == "1.0")
    #expect(health.lastOpenedBy == "1.1")
  }

  @Test func schemaRejectsRowsThatBreakItsRules() throws {
    let store = try ProgressStore.inMemory()
    #expect(throws: DatabaseError.self) {
      try store.writer.write { db in
        try db.execute(sql: "INSERT INTO setting(key, value, updatedAt) VALUES ('', 'x', '2026-01-01')")
      }
    }
    #expect(throws: DatabaseError.self) {
      try store.writer.write { db in
        try db.execute(sql: "INSERT INTO setting(key, value, updatedAt) VALUES ('k', NULL, '2026-01-01')")
      }
    }
  }

  @Test func migratingAnExistingDatabase_savesACopyBeforeChangingIt() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { Fixtures.remove(directory) }
    let path = directory + "/progress.sqlite"
    let current = try ProgressStore.open(at: path, appVersion: "1.0", now: now)
    try current.setSetting("daily-new-limit", to: "7", at: now)
    try current.close()

    var newer = Schema.migrator
    newer.registerMigration("v99-next") { db in try db.execute(sql: "CREATE TABLE next(x INTEGER NOT NULL)") }
    let upgraded = try ProgressStore.open(at: path, appVersion: "2.0", now: now, migrator: newer)
    #expect(try upgraded.appliedMigrations().last == "v99-next")
    #expect(try upgraded.storedSetting("daily-new-limit") == "7")

    let backupPath = path + ".before-v99-next"
    let backup = try DatabaseQueue(path: backupPath)
    let backupMigrations = try backup.read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
    }
    #expect(backupMigrations == Schema.knownMigrations)
    #expect(try backup.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting") } == "7")
  }

  @Test func aFreshDatabase_needsNoBackup() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { Fixtures.remove(directory) }
    _ = try ProgressStore.open(at: directory + "/progress.sqlite", appVersion: "1.0", now: now)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory)
    #expect(!files.contains { $0.contains(".before-") })
  }
}
