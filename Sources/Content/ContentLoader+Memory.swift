import Foundation

extension ContentLoader {
  /// A content file held in memory: its path relative to a content root and its bytes.
  public struct MemoryFile: Sendable {
    /// The path relative to the root (`content/concepts/x.md`, `quizzes/d1/1-1.yaml`,
    /// `Resources/models/amazon.yaml`, `Resources/exam-guide.yaml`); it decides how the bytes are read.
    public var relativePath: String
    /// The file's bytes, exactly as they would be read from disk.
    public var bytes: Data

    /// A file at `relativePath` holding `bytes`.
    public init(relativePath: String, bytes: Data) {
      self.relativePath = relativePath
      self.bytes = bytes
    }
  }

  /// A content file held in memory, parsed once so that it can be loaded with other files again and again
  /// (`load(files:prepared:)`) without parsing it each time, as the content cache does for unchanged files.
  public struct PreparedFile: Sendable {
    let relativePath: String
    let parsed: ParsedFile
  }

  /// Parses `file` as `load(files:)` would; nil when the loader does not read files at its path.
  public func prepare(_ file: MemoryFile) -> PreparedFile? {
    guard let kind = ParsedFile.kind(of: file.relativePath) else { return nil }
    return PreparedFile(
      relativePath: file.relativePath,
      parsed: ParsedFile.parse(relativePath: file.relativePath, kind: kind, bytes: file.bytes))
  }

  /// Loads content files held in memory, parsing each exactly as `load()` parses a file read from disk
  /// (no file system, no cache): a page, a quiz file, a model catalog file or the exam guide, chosen by
  /// its path. Files whose path the loader does not read (see `load()`) are ignored. `prepared` files, parsed
  /// earlier, join them unparsed. Problems become findings, including the cross-file checks; this never throws.
  public func load(files: [MemoryFile], prepared: [PreparedFile] = []) -> ContentSet {
    var parsed: [(path: String, file: ParsedFile)] = prepared.map { ($0.relativePath, $0.parsed) }
    for file in files {
      guard let kind = ParsedFile.kind(of: file.relativePath) else { continue }
      parsed.append(
        (file.relativePath, ParsedFile.parse(relativePath: file.relativePath, kind: kind, bytes: file.bytes)))
    }
    parsed.sort { $0.path < $1.path }
    return assemble(parsed.map(\.file), fileCount: parsed.count)
  }
}
