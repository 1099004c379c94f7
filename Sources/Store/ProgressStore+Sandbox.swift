import Foundation
import GRDB

extension ProgressStore {
  /// The saved sandbox state (a JSON document), or nil before the sandbox was first used.
  public func sandboxState() throws(StoreError) -> Data? {
    try read { db in
      try String.fetchOne(db, sql: "SELECT state FROM sandbox WHERE id = 1").map { Data($0.utf8) }
    }
  }

  /// Reads the sandbox state, lets `body` decide, and saves what it returns — all in one
  /// immediate transaction, so two processes never interleave and a kill saves all or nothing.
  /// `body` returns nil for `save` when nothing changed.
  public func updateSandbox<T>(now: Date, _ body: (Data?) -> (save: Data?, value: T)) throws(StoreError) -> T {
    do {
      return try writer.writeWithoutTransaction { db in
        var value: T?
        try db.inTransaction(.immediate) {
          let current = try String.fetchOne(db, sql: "SELECT state FROM sandbox WHERE id = 1").map { Data($0.utf8) }
          let (save, result) = body(current)
          value = result
          if let save {
            try db.execute(
              sql: """
                INSERT INTO sandbox (id, state, updatedAt) VALUES (1, ?, ?)
                ON CONFLICT(id) DO UPDATE SET state = excluded.state, updatedAt = excluded.updatedAt
                """,
              arguments: [String(decoding: save, as: UTF8.self), now])
          }
          return .commit
        }
        return value!
      }
    } catch {
      throw StoreError.from(error, path: path, busyTimeout: busyTimeout)
    }
  }

  /// Forgets the sandbox (the `sandbox reset` command).
  public func resetSandbox() throws(StoreError) {
    try write { db in try db.execute(sql: "DELETE FROM sandbox") }
  }
}
