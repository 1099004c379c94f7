import Core
import GRDB

/// Why the progress store cannot do what was asked. Every case names the file and says
/// what to do; none of them is ever resolved by deleting or overwriting the learner's data.
public enum StoreError: Error, Equatable, Sendable {
  case dataDirIsNotADirectory(path: String)
  case cannotCreateDataDir(path: String, reason: String)
  case notWritable(path: String)
  /// The data directory's filesystem is mounted read-only.
  case readOnlyFileSystem(path: String)
  case notADatabase(path: String)
  case corrupt(path: String, detail: String)
  case tooNew(path: String, unknownMigrations: [String], writtenBy: String?)
  case locked(path: String, seconds: Double)
  case diskFull(path: String)
  case ioFailure(path: String, detail: String)
  /// An undo refused: the card was answered again since (in another fmlab process).
  case answeredSince(cardId: String)

  public var exitStatus: ExitStatus {
    switch self {
    case .dataDirIsNotADirectory, .cannotCreateDataDir: .dataDirInvalid
    case .notWritable, .readOnlyFileSystem: .dataDirNotWritable
    case .notADatabase: .notADatabase
    case .corrupt: .databaseCorrupt
    case .tooNew: .databaseTooNew
    case .locked: .databaseLocked
    case .diskFull, .ioFailure: .storageFailure
    case .answeredSince: .failure
    }
  }

  /// The message shown to the learner: what is wrong, with which file, and what to do.
  public var message: String {
    switch self {
    case .dataDirIsNotADirectory(let path):
      return "the data directory \(path) is not a directory. Point --data-dir (or FMLAB_DATA_DIR) at a folder."
    case .cannotCreateDataDir(let path, let reason):
      return
        "cannot create the data directory \(path): \(reason). Create it yourself or choose another with --data-dir."
    case .notWritable(let path):
      return "\(path) is read-only, so fmlab cannot save progress there. Make it writable "
        + "(chmod u+w) or choose another data directory with --data-dir. Nothing was changed."
    case .readOnlyFileSystem(let path):
      return "\(path) is on a read-only filesystem, so fmlab cannot save progress there. Remount it read-write "
        + "or choose another data directory with --data-dir. Nothing was changed."
    case .notADatabase(let path):
      return "\(path) is not an SQLite database, so fmlab will not touch it. Move that file aside "
        + "(fmlab then starts a new database there) or choose another data directory with --data-dir."
    case .corrupt(let path, let detail):
      return "the progress database \(path) is damaged (\(detail)). fmlab has not changed it. "
        + "Keep a copy of the file, then try `sqlite3 \(path) .recover | sqlite3 recovered.sqlite` "
        + "and point fmlab at the recovered file; `fmlab doctor` shows the details."
    case .tooNew(let path, let unknown, let writtenBy):
      let who = writtenBy.map { "fmlab \($0)" } ?? "a newer fmlab"
      return "the progress database \(path) was written by \(who), which added schema changes this fmlab "
        + "does not know (\(unknown.joined(separator: ", "))). Update fmlab to use it; the file was not changed."
    case .locked(let path, let seconds):
      let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
      return "the progress database \(path) stayed locked by another process for \(shown) s. "
        + "Finish the other fmlab session (or raise FMLAB_BUSY_TIMEOUT) and try again; nothing was lost."
    case .diskFull(let path):
      return "the disk holding \(path) is full; the last change was not saved (everything before it is). "
        + "Free some space and try again."
    case .ioFailure(let path, let detail):
      return "cannot read or write \(path): \(detail). Nothing already saved was lost."
    case .answeredSince(let cardId):
      return "\(cardId) was answered again in another fmlab session after this answer, so undoing it here "
        + "would overwrite that later review; nothing was undone."
    }
  }

  /// Maps an SQLite failure to the learner-facing case for the database at `path`.
  static func from(_ error: any Error, path: String, busyTimeout: Double) -> StoreError {
    if let storeError = error as? StoreError { return storeError }
    guard let dbError = error as? DatabaseError else {
      return .ioFailure(path: path, detail: String(describing: error))
    }
    let detail = dbError.message ?? "\(dbError.resultCode)"
    switch dbError.resultCode.primaryResultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path, seconds: busyTimeout)
    case .SQLITE_CORRUPT: return .corrupt(path: path, detail: detail)
    case .SQLITE_NOTADB: return .notADatabase(path: path)
    case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
      return DatabaseFile.isOnReadOnlyFileSystem(path) ? .readOnlyFileSystem(path: path) : .notWritable(path: path)
    case .SQLITE_FULL: return .diskFull(path: path)
    case .SQLITE_IOERR where DatabaseFile.isOnReadOnlyFileSystem(path): return .readOnlyFileSystem(path: path)
    default: return .ioFailure(path: path, detail: detail)
    }
  }
}
