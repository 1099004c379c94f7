import Foundation

/// Why a content root could not be read at all (problems inside files are findings instead).
public enum ContentError: Error, Equatable, Sendable {
  case rootMissing(path: String)
  case rootNotADirectory(path: String)
  case rootHasNoContent(path: String)

  public var message: String {
    switch self {
    case .rootMissing(let path): "the content directory \(path) does not exist"
    case .rootNotADirectory(let path): "the content directory \(path) is not a directory"
    case .rootHasNoContent(let path):
      "\(path) holds none of content/, quizzes/ or Resources/, so it is not an fmlab content directory"
    }
  }
}

/// Loads a content root: `content/**/*.md` pages, `quizzes/**/*.yaml` items,
/// `Resources/models/*.yaml` and `Resources/exam-guide.yaml`.
///
/// A broken file becomes findings and the rest still loads. With a cache, unchanged files
/// (same size and modification time, or same bytes) are not parsed again.
public struct ContentLoader: Sendable {
  public var root: String
  public var cache: ContentCache?
  /// The folders to read; commands that need only the model catalog read `Resources` alone.
  public var folders: [Folder]

  /// The three content folders.
  public enum Folder: String, Sendable, CaseIterable {
    case content, quizzes
    case resources = "Resources"
  }

  public init(root: String, cache: ContentCache? = nil, folders: [Folder] = Folder.allCases) {
    self.root = root
    self.cache = cache
    self.folders = folders
  }

  public func load() throws(ContentError) -> ContentSet {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
      throw .rootMissing(path: root)
    }
    guard isDirectory.boolValue else { throw .rootNotADirectory(path: root) }
    let folders = ["content", "quizzes", "Resources"]
    guard folders.contains(where: { FileManager.default.fileExists(atPath: root + "/" + $0) }) else {
      throw .rootHasNoContent(path: root)
    }
    let files = discover()
    var snapshot = cache?.read() ?? ContentCache.Snapshot()
    var changed = false
    var parsed: [ParsedFile] = []
    for (relativePath, kind) in files {
      let path = root + "/" + relativePath
      let stat = FileStat(path: path)
      if let entry = snapshot.files[relativePath], let stat, entry.size == stat.size,
        entry.modified == stat.modified
      {
        parsed.append(entry.result)
        continue
      }
      guard let bytes = FileManager.default.contents(atPath: path) else {
        var unreadable = ParsedFile(kind: kind)
        unreadable.findings = [
          Finding(.error, at: SourceLocation(file: relativePath, line: 1, column: 1), "cannot read the file")
        ]
        parsed.append(unreadable)
        continue
      }
      let hash = FNV1a.hash(bytes)
      if var entry = snapshot.files[relativePath], entry.hash == hash {
        entry.size = stat?.size ?? 0
        entry.modified = stat?.modified ?? 0
        snapshot.files[relativePath] = entry
        parsed.append(entry.result)
        changed = true
        continue
      }
      let result = ParsedFile.parse(relativePath: relativePath, kind: kind, bytes: bytes)
      snapshot.files[relativePath] = ContentCache.Entry(
        size: stat?.size ?? 0, modified: stat?.modified ?? 0, hash: hash, result: result)
      parsed.append(result)
      changed = true
    }
    let present = Set(files.map(\.0))
    if snapshot.files.keys.contains(where: { !present.contains($0) }) {
      snapshot.files = snapshot.files.filter { present.contains($0.key) }
      changed = true
    }
    if changed { cache?.write(snapshot) }
    return assemble(parsed, fileCount: files.count)
  }

  /// Every readable content file below the root, as (relative path, kind), in a stable order.
  func discover() -> [(String, ParsedFile.Kind)] {
    var found: [(String, ParsedFile.Kind)] = []
    for folder in folders.map(\.rawValue) {
      var visited: Set<String> = []
      Self.walk(root + "/" + folder, shownAs: folder, visited: &visited, into: &found)
    }
    return found.sorted { $0.0 < $1.0 }
  }

  /// Adds the content files below `directory` (named `shownAs` in paths). Symbolic links to folders are followed — a
  /// content folder may itself be a link — but each real folder is read once, so a loop of links ends and a folder
  /// linked twice does not load twice. Dangling links are skipped.
  static func walk(
    _ directory: String, shownAs relative: String, visited: inout Set<String>,
    into found: inout [(String, ParsedFile.Kind)]
  ) {
    let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    guard visited.insert(real).inserted,
      let names = try? FileManager.default.contentsOfDirectory(atPath: real)
    else { return }
    for name in names.sorted() {
      let path = relative + "/" + name
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: real + "/" + name, isDirectory: &isDirectory) else { continue }
      if isDirectory.boolValue {
        walk(real + "/" + name, shownAs: path, visited: &visited, into: &found)
      } else if let kind = ParsedFile.kind(of: path) {
        found.append((path, kind))
      }
    }
  }

  func assemble(_ files: [ParsedFile], fileCount: Int) -> ContentSet {
    var guide: ExamGuide? = nil
    var set = ContentSet(
      root: root, guide: .empty, topics: [], items: [], models: [], findings: [], fileCount: fileCount)
    for file in files {
      set.topics += file.topics
      set.items += file.items
      set.models += file.models
      set.findings += file.findings
      set.references += file.references
      if let parsedGuide = file.guide { guide = parsedGuide }
    }
    if let guide {
      set.guide = guide
    } else if !set.topics.isEmpty || !set.items.isEmpty {
      set.findings.append(
        Finding(
          .error, at: SourceLocation(file: "Resources/exam-guide.yaml", line: 1, column: 1),
          "the exam guide is missing, so objective ids cannot be checked"))
    }
    set.findings += set.crossFileFindings()
    set.findings.sort { ($0.location, $0.message) < ($1.location, $1.message) }
    return set
  }
}

/// A file's size and modification time (nanoseconds), the cache's fast validity check.
struct FileStat: Equatable {
  var size: Int64
  var modified: Int64

  init?(path: String) {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let size = (attributes[.size] as? NSNumber)?.int64Value, let date = attributes[.modificationDate] as? Date
    else { return nil }
    self.size = size
    self.modified = Int64((date.timeIntervalSince1970 * 1_000_000_000).rounded())
  }
}

/// 64-bit FNV-1a: a fast, stable content hash for cache invalidation (not for security).
public enum FNV1a {
  public static func hash(_ data: Data) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }
}
