import Foundation

/// Checks made on the data directory and the database file before SQLite opens them,
/// so each problem gets its own message instead of a generic SQLite error.
enum DatabaseFile {
  static let sqliteHeader = Array("SQLite format 3\0".utf8)

  /// Ensures `directory` exists (creating it, 0700) and is a writable directory.
  static func prepareDirectory(_ directory: String) throws(StoreError) {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw .dataDirIsNotADirectory(path: directory) }
    } else {
      do {
        try manager.createDirectory(
          atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      } catch {
        if let blocking = firstExistingAncestor(of: directory), !isDirectoryPath(blocking) {
          throw .dataDirIsNotADirectory(path: blocking)
        }
        if let ancestor = firstExistingAncestor(of: directory), !manager.isWritableFile(atPath: ancestor) {
          throw .notWritable(path: ancestor)
        }
        throw .cannotCreateDataDir(path: directory, reason: (error as NSError).localizedDescription)
      }
    }
    guard manager.isWritableFile(atPath: directory) else {
      if isOnReadOnlyFileSystem(directory) { throw .readOnlyFileSystem(path: directory) }
      throw .notWritable(path: directory)
    }
  }

  /// Whether `path` (or, when it does not exist, its directory) is on a filesystem mounted read-only.
  static func isOnReadOnlyFileSystem(_ path: String) -> Bool {
    var info = statvfs()
    let target = FileManager.default.fileExists(atPath: path) ? path : (path as NSString).deletingLastPathComponent
    guard statvfs(target, &info) == 0 else { return false }
    return info.f_flag & UInt(ST_RDONLY) != 0
  }

  /// Refuses files that are not SQLite databases and read-only database files.
  static func checkExistingFile(_ path: String) throws(StoreError) {
    let manager = FileManager.default
    guard manager.fileExists(atPath: path) else { return }
    guard let handle = FileHandle(forReadingAtPath: path) else { throw .notWritable(path: path) }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    if !header.isEmpty && Array(header) != sqliteHeader { throw .notADatabase(path: path) }
    guard manager.isWritableFile(atPath: path) else {
      if isOnReadOnlyFileSystem(path) { throw .readOnlyFileSystem(path: path) }
      throw .notWritable(path: path)
    }
  }

  static func isDirectoryPath(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  static func firstExistingAncestor(of path: String) -> String? {
    var current = (path as NSString).deletingLastPathComponent
    while !current.isEmpty {
      if FileManager.default.fileExists(atPath: current) { return current }
      if current == "/" { return nil }
      current = (current as NSString).deletingLastPathComponent
    }
    return nil
  }
}
