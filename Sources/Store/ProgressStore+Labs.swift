import Foundation
import GRDB

extension ProgressStore {
  /// A lab's saved progress (a JSON document) and when it last changed.
  public struct StoredLabProgress: Sendable, Equatable {
    public var labID: String
    public var progress: Data
    public var updatedAt: Date
  }

  /// Every lab's saved progress, most recently changed first.
  public func labProgress() throws(StoreError) -> [StoredLabProgress] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT id, progress, updatedAt FROM lab ORDER BY updatedAt DESC, id").map {
        StoredLabProgress(labID: $0["id"], progress: Data(($0["progress"] as String).utf8), updatedAt: $0["updatedAt"])
      }
    }
  }

  /// Saves one lab's progress (one transaction).
  public func saveLabProgress(_ labID: String, progress: Data, at now: Date) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO lab (id, progress, updatedAt) VALUES (?, ?, ?)
          ON CONFLICT(id) DO UPDATE SET progress = excluded.progress, updatedAt = excluded.updatedAt
          """,
        arguments: [labID, String(decoding: progress, as: UTF8.self), now])
    }
  }

  /// Forgets a lab's progress.
  public func deleteLabProgress(_ labID: String) throws(StoreError) {
    try write { db in try db.execute(sql: "DELETE FROM lab WHERE id = ?", arguments: [labID]) }
  }
}
