import GRDB

/// Per-day review counts kept by SQLite triggers (being written).
enum ReviewDays {
  static func migrate(_ db: Database) throws {}
}
