import GRDB

/// Small SQLite files for tests.
enum GRDBHelpers {
  /// An SQLite database with one unrelated table.
  static func makeDatabase(at path: String) throws -> Int {
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(
        sql: "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO recipes VALUES (1, 'x')")
    }
    try queue.close()
    return 1
  }
}
