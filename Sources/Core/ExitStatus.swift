/// The process exit codes fmlab uses, each with one meaning (see `help exit-codes`).
public enum ExitStatus: Int32, Sendable, CaseIterable, Codable {
  /// Everything asked for was done.
  case success = 0
  /// The command ran and failed (for example, content with errors, a failed check).
  case failure = 1
  /// The command line was wrong: an unknown command or option, a missing or bad argument.
  case usage = 2
  /// The content directory does not exist or cannot be read.
  case contentUnavailable = 3
  /// The data directory path is not a directory, or cannot be created.
  case dataDirInvalid = 10
  /// The data directory or the database file is read-only.
  case dataDirNotWritable = 11
  /// The database file is not an SQLite database.
  case notADatabase = 12
  /// The database is damaged.
  case databaseCorrupt = 13
  /// The database was written by a newer fmlab.
  case databaseTooNew = 14
  /// Another process held the database lock past the busy timeout.
  case databaseLocked = 15
  /// Any other storage failure (disk full, I/O error).
  case storageFailure = 16
  /// Interrupted by Ctrl-C (128 + SIGINT).
  case interrupted = 130

  /// A one-line description for `help exit-codes`.
  public var summary: String {
    switch self {
    case .success: "success"
    case .failure: "the command ran and reported a failure"
    case .usage: "usage error: unknown command or option, missing or bad argument"
    case .contentUnavailable: "the content directory is missing or unreadable"
    case .dataDirInvalid: "the data directory is not a directory or cannot be created"
    case .dataDirNotWritable: "the data directory or database is read-only"
    case .notADatabase: "the database file is not an SQLite database"
    case .databaseCorrupt: "the database is damaged"
    case .databaseTooNew: "the database was written by a newer fmlab"
    case .databaseLocked: "another process held the database lock too long"
    case .storageFailure: "another storage failure (disk full, I/O error)"
    case .interrupted: "interrupted by Ctrl-C"
    }
  }
}
