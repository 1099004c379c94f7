import Foundation
import TestSupport
import Testing

@testable import Content

/// `ContentLoader.load(files:)`, the in-memory entry point Fuzz/ContentLoader reads with, and inputs found by
/// fuzzing (scripts/fuzz), kept so they stay fixed.
@Suite struct FuzzContentRegressionTests {
  static let guidePath = "Resources/exam-guide.yaml"

  /// The repository's exam guide and `files`, as in-memory files.
  static func memoryFiles(_ files: [String: String]) throws -> [ContentLoader.MemoryFile] {
    let guide = try Data(contentsOf: URL(fileURLWithPath: Fixtures.repositoryRoot + "/" + guidePath))
    return [ContentLoader.MemoryFile(relativePath: guidePath, bytes: guide)]
      + files.map { ContentLoader.MemoryFile(relativePath: $0.key, bytes: Data($0.value.utf8)) }
  }

  @Test("files in memory load exactly as the same files on disk: values, findings and file count")
  func memoryMatchesDisk() throws {
    let files = [
      "content/concepts/a.md": ContentSamples.page(id: "a"),
      "content/concepts/b.md": ContentSamples.page(id: "a").replacingOccurrences(of: "objectives: [3.3.1]", with: ""),
      "quizzes/d3/q.yaml": ContentSamples.quiz(id: "q-1") + "  - id: q-1\n",
      "Resources/models/bad.yaml": "provider: [\n",
    ]
    let disk = try ContentSamples.load(files)
    let memory = ContentLoader(root: "/unused").load(files: try Self.memoryFiles(files))
    #expect(memory.fileCount == disk.fileCount)
    #expect(memory.topics.map(\.id) == disk.topics.map(\.id))
    #expect(memory.items.map(\.id) == disk.items.map(\.id))
    #expect(memory.findings.map(\.summaryLine) == disk.findings.map(\.summaryLine))
    #expect(!memory.findings.isEmpty)
  }

  @Test("files prepared once load with others exactly as if they were parsed with them")
  func preparedFilesLoadAsParsedOnes() throws {
    let files = try Self.memoryFiles([
      "content/concepts/a.md": ContentSamples.page(id: "a"),
      "content/concepts/b.md": ContentSamples.page(id: "a").replacingOccurrences(of: "objectives: [3.3.1]", with: ""),
      "quizzes/d3/q.yaml": ContentSamples.quiz(id: "q-1") + "  - id: q-1\n",
    ])
    let loader = ContentLoader(root: "/unused")
    let whole = loader.load(files: files)
    let prepared = try #require(loader.prepare(files[0]))
    let mixed = loader.load(files: Array(files.dropFirst()), prepared: [prepared])
    #expect(mixed.fileCount == whole.fileCount)
    #expect(mixed.topics.map(\.id) == whole.topics.map(\.id))
    #expect(mixed.items.map(\.id) == whole.items.map(\.id))
    #expect(mixed.findings.map(\.summaryLine) == whole.findings.map(\.summaryLine))
    #expect(!whole.findings.isEmpty)
    #expect(loader.prepare(ContentLoader.MemoryFile(relativePath: "notes/x.md", bytes: Data("x".utf8))) == nil)
  }

  @Test("paths the loader does not read are ignored, and bytes that are not UTF-8 are one finding")
  func unreadPathsAndInvalidUTF8() throws {
    let loader = ContentLoader(root: "/unused")
    let ignored = loader.load(files: [
      ContentLoader.MemoryFile(relativePath: "content/README.md", bytes: Data("x".utf8)),
      ContentLoader.MemoryFile(relativePath: "notes/x.md", bytes: Data("x".utf8)),
    ])
    #expect(ignored.fileCount == 0 && ignored.findings.isEmpty)

    let invalid = loader.load(files: [
      ContentLoader.MemoryFile(relativePath: "content/concepts/x.md", bytes: Data([0x2D, 0xFF, 0xFE]))
    ])
    #expect(
      invalid.findings.map(\.summaryLine).contains("content/concepts/x.md:1:1: error: the file is not valid UTF-8 text")
    )
  }
}
