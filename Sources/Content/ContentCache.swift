import Foundation

/// A per-file cache of parsed content, stored as one JSON file.
///
/// Parsing YAML costs about 135 ms per MB in release builds; decoding this cache costs a
/// fraction of that. Entries are reused while a file's size and modification time are
/// unchanged, or while its bytes hash the same. A cache that cannot be read (missing,
/// damaged, from another fmlab build) is ignored and rebuilt; it never holds the only copy
/// of anything.
public struct ContentCache: Sendable {
  /// Bump when the parsed types or the parser's rules change.
  public static let formatVersion = 5

  public var path: String
  /// Identifies the build, so a new fmlab never reuses another build's parse results.
  public var buildID: String

  public init(path: String, buildID: String) {
    self.path = path
    self.buildID = buildID
  }

  /// The cache file's name for a content root, so each root has its own cache.
  public static func fileName(forRoot root: String) -> String {
    "content-" + String(FNV1a.hash(Data(root.utf8)), radix: 16) + ".json"
  }

  struct Entry: Codable, Sendable {
    var size: Int64
    var modified: Int64
    var hash: UInt64
    var result: ParsedFile
  }

  struct Snapshot: Codable, Sendable {
    var format = ContentCache.formatVersion
    var buildID = ""
    var files: [String: Entry] = [:]
  }

  func read() -> Snapshot? {
    guard let data = FileManager.default.contents(atPath: path),
      let snapshot = try? JSONDecoder().decode(Snapshot.self, from: data),
      snapshot.format == ContentCache.formatVersion, snapshot.buildID == buildID
    else { return nil }
    return snapshot
  }

  /// Writes atomically (a temporary file renamed over the old one); failures are ignored.
  func write(_ snapshot: Snapshot) {
    var copy = snapshot
    copy.format = ContentCache.formatVersion
    copy.buildID = buildID
    guard let data = try? JSONEncoder().encode(copy) else { return }
    let directory = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}
