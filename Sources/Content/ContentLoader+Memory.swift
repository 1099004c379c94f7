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

  /// Loads content files held in memory, parsing each exactly as `load()` parses a file read from disk
  /// (no file system, no cache): a page, a quiz file, a model catalog file or the exam guide, chosen by
  /// its path. Files whose path the loader does not read (see `load()`) are ignored. Problems become
  /// findings, including the cross-file checks; this never throws.
  public func load(files: [MemoryFile]) -> ContentSet {
    var parsed: [ParsedFile] = []
    var count = 0
    for file in files.sorted(by: { $0.relativePath < $1.relativePath }) {
      guard let kind = ParsedFile.kind(of: file.relativePath) else { continue }
      count += 1
      parsed.append(ParsedFile.parse(relativePath: file.relativePath, kind: kind, bytes: file.bytes))
    }
    return assemble(parsed, fileCount: count)
  }
}
