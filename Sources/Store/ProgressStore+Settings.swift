import Foundation
import GRDB

/// A stored setting value (the app validates keys and values before they get here).
public struct StoredSetting: Equatable, Sendable {
  public var key: String
  public var value: String
  public var updatedAt: Date
}

extension ProgressStore {
  /// Every setting the learner has changed from its default.
  public func storedSettings() throws(StoreError) -> [StoredSetting] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT key, value, updatedAt FROM setting ORDER BY key").map {
        StoredSetting(key: $0["key"], value: $0["value"], updatedAt: $0["updatedAt"])
      }
    }
  }

  public func storedSetting(_ key: String) throws(StoreError) -> String? {
    try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
  }

  /// Saves a setting and logs the change, in one transaction.
  public func setSetting(_ key: String, to value: String, at now: Date) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO setting(key, value, updatedAt) VALUES (?, ?, ?)
          ON CONFLICT(key) DO UPDATE SET value = excluded.value, updatedAt = excluded.updatedAt
          """, arguments: [key, value, now])
      try db.execute(
        sql: "INSERT INTO settingChange(key, value, changedAt) VALUES (?, ?, ?)", arguments: [key, value, now])
    }
  }

  /// Returns a setting to its default, and logs the change, in one transaction.
  public func resetSetting(_ key: String, at now: Date) throws(StoreError) {
    try write { db in
      try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
      try db.execute(
        sql: "INSERT INTO settingChange(key, value, changedAt) VALUES (?, NULL, ?)", arguments: [key, now])
    }
  }

  /// The logged changes of one setting, or of all, oldest first.
  public func settingChanges(key: String? = nil) throws(StoreError) -> [(key: String, value: String?, at: Date)] {
    try read { db in
      let rows =
        if let key {
          try Row.fetchAll(
            db, sql: "SELECT key, value, changedAt FROM settingChange WHERE key = ? ORDER BY id", arguments: [key])
        } else {
          try Row.fetchAll(db, sql: "SELECT key, value, changedAt FROM settingChange ORDER BY id")
        }
      return rows.map { (key: $0["key"], value: $0["value"], at: $0["changedAt"]) }
    }
  }
}
