import Foundation
import Yams

/// What one content file holds once parsed: its values and its own findings. This is the
/// unit the cache stores, so a file is parsed again only when its bytes change.
struct ParsedFile: Sendable, Codable, Equatable {
  enum Kind: String, Codable, Sendable {
    case topic, quizzes, models, examGuide
  }

  var kind: Kind
  var topics: [Topic] = []
  var items: [QuizItem] = []
  var models: [ModelEntry] = []
  var guide: ExamGuide? = nil
  var findings: [Finding] = []
  var references: [Reference] = []

  /// The kind of file at `relativePath`, or nil for files the loader does not read.
  static func kind(of relativePath: String) -> Kind? {
    let name = (relativePath as NSString).lastPathComponent
    if name.hasPrefix(".") || name.hasPrefix("_") || name.uppercased() == "README.MD" { return nil }
    let ext = (name as NSString).pathExtension.lowercased()
    let isYAML = ext == "yaml" || ext == "yml"
    if relativePath.hasPrefix("content/") && ext == "md" { return .topic }
    if relativePath.hasPrefix("quizzes/") && isYAML { return .quizzes }
    if relativePath.hasPrefix("Resources/models/") && isYAML { return .models }
    if relativePath == "Resources/exam-guide.yaml" { return .examGuide }
    return nil
  }

  /// Parses the bytes of one file.
  static func parse(relativePath: String, kind: Kind, bytes: Data) -> ParsedFile {
    var result = ParsedFile(kind: kind)
    guard let text = String(data: bytes, encoding: .utf8) else {
      let collector = FindingCollector(file: relativePath, text: "")
      collector.error(line: 1, column: 1, "the file is not valid UTF-8 text")
      result.findings = collector.findings
      return result
    }
    let collector = FindingCollector(file: relativePath, text: text)
    switch kind {
    case .topic:
      if let topic = Topic.parse(text: text, collector: collector) { result.topics = [topic] }
    case .quizzes:
      result.items = parseList(text, key: "items", what: "quiz file", collector: collector) {
        QuizItem.parse($0, collector: collector)
      }
    case .models:
      result.models = parseModels(text, collector: collector)
    case .examGuide:
      if let root = YAMLSource.parse(text, into: collector) {
        result.guide = ExamGuide.parse(root, collector: collector)
      }
    }
    result.findings = collector.findings
    result.references = collector.references
    return result
  }

  private static func parseModels(_ text: String, collector: FindingCollector) -> [ModelEntry] {
    guard let root = YAMLSource.parse(text, into: collector) else { return [] }
    guard let reader = MappingReader(root, what: "model catalog file", collector: collector, lineOffset: 0) else {
      return []
    }
    let provider = reader.string("provider")
    let nodes = reader.list("models", required: true)
    reader.finish()
    return nodes.compactMap { ModelEntry.parse($0, fileProvider: provider, collector: collector) }
  }

  private static func parseList<T>(
    _ text: String, key: String, what: String, collector: FindingCollector, element: (Node) -> T?
  ) -> [T] {
    guard let root = YAMLSource.parse(text, into: collector) else { return [] }
    guard let reader = MappingReader(root, what: what, collector: collector, lineOffset: 0) else { return [] }
    let nodes = reader.list(key, required: true)
    reader.finish()
    return nodes.compactMap(element)
  }
}
