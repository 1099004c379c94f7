import GRDB

/// The progress database's schema as a list of named, append-only migrations.
///
/// Rules live in the schema (NOT NULL, CHECK, UNIQUE, FOREIGN KEY), not only in Swift.
/// A migration is never edited once released; a change is a new migration. A database
/// holding a migration this list does not name was written by a newer fmlab.
public enum Schema {
  /// The migration identifiers this build knows, oldest first.
  public static var knownMigrations: [String] { migrator.migrations }

  public static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-meta-and-settings") { db in
      try db.create(table: "meta") { t in
        t.primaryKey("key", .text).check { length($0) > 0 }
        t.column("value", .text).notNull()
      }
      try db.create(table: "setting") { t in
        t.primaryKey("key", .text).check { length($0) > 0 && length($0) <= 64 }
        t.column("value", .text).notNull().check { length($0) <= 4096 }
        t.column("updatedAt", .datetime).notNull()
      }
      try db.create(table: "settingChange") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("key", .text).notNull().check { length($0) > 0 && length($0) <= 64 }
        t.column("value", .text).check { $0 == nil || length($0) <= 4096 }  // NULL: reset to the default
        t.column("changedAt", .datetime).notNull()
      }
      try db.create(index: "settingChange_on_key", on: "settingChange", columns: ["key", "changedAt"])
    }
    return migrator
  }
}
