import Core
import Foundation
import Yams

/// A knowledge-base page: front matter (id, title, objectives, flashcards, sources…) and a Markdown body.
public struct Topic: Sendable, Codable, Equatable, Identifiable {
  public var id: String
  public var title: String
  public var kind: Kind
  public var objectives: [String]
  public var summary: String
  public var body: String
  public var related: [String]
  public var confuseWith: [String]
  public var flashcards: [Flashcard]
  public var sources: [String]
  /// When the facts were last checked; nil when the page's date is missing or invalid (a finding).
  public var verified: CalendarDay?
  /// Where the page's id is written, and that line's text.
  public var location: SourceLocation
  public var sourceLine: String?

  public init(
    id: String, title: String, kind: Kind, objectives: [String], summary: String, body: String,
    related: [String] = [], confuseWith: [String] = [], flashcards: [Flashcard], sources: [String],
    verified: CalendarDay?, location: SourceLocation, sourceLine: String? = nil
  ) {
    self.id = id
    self.title = title
    self.kind = kind
    self.objectives = objectives
    self.summary = summary
    self.body = body
    self.related = related
    self.confuseWith = confuseWith
    self.flashcards = flashcards
    self.sources = sources
    self.verified = verified
    self.location = location
    self.sourceLine = sourceLine
  }

  /// What a page describes.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case concept, service, feature
  }
}

/// A recall prompt and its answer; the review loop schedules it.
public struct Flashcard: Sendable, Codable, Equatable, Identifiable {
  /// Stable id: `<topic id>#<n>` unless the author gives one.
  public var id: String
  public var prompt: String
  public var answer: String
  public var location: SourceLocation
  public var sourceLine: String?

  public init(id: String, prompt: String, answer: String, location: SourceLocation, sourceLine: String? = nil) {
    self.id = id
    self.prompt = prompt
    self.answer = answer
    self.location = location
    self.sourceLine = sourceLine
  }
}

extension Topic {
  nonisolated(unsafe) static let idPattern = /[a-z0-9]+(-[a-z0-9]+)*/
  nonisolated(unsafe) static let linkPattern = /\[[^\]]*\]\(([^)\s]*)\)/
  /// An inline code span, blanked out before links are looked for (a literal in a function body is compiled on
  /// every call: this one ran once per body line).
  nonisolated(unsafe) static let codeSpanPattern = /`[^`]*`/
  /// Every page teaches with at least this many recall cards.
  public static let minimumFlashcards = 3

  /// Links in the body that point at another page or a model (`[text](id)`), with positions.
  /// URLs and in-page anchors are not references; code blocks and code spans are skipped.
  static func bodyLinks(_ body: String, firstLine: Int, collector: FindingCollector) -> [Reference] {
    var found: [Reference] = []
    var inFence = false
    for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.drop { $0 == " " }
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        inFence.toggle()
        continue
      }
      // A link needs "](", which blanking code spans can only remove.
      if inFence || !line.contains("](") { continue }
      let withoutCode =
        line.contains("`") ? line.replacing(codeSpanPattern) { String(repeating: " ", count: $0.output.count) } : line
      for match in withoutCode.matches(of: linkPattern) {
        let target = String(match.output.1)
        if target.isEmpty || target.contains(":") || target.hasPrefix("#") || target.hasPrefix("/") { continue }
        let column = withoutCode.distance(from: withoutCode.startIndex, to: match.output.1.startIndex) + 1
        let lineNumber = firstLine + index
        found.append(
          Reference(
            target: .topicOrModel, id: target, location: collector.location(line: lineNumber, column: column),
            sourceLine: collector.lineText(lineNumber).map(String.init), key: "link"))
      }
    }
    return found
  }

  /// Parses one Markdown page with YAML front matter.
  static func parse(text: String, collector: FindingCollector) -> Topic? {
    let (yaml, yamlStartLine, body): (String, Int, String)
    switch FrontMatter.split(text) {
    case .missing:
      collector.error(
        line: 1, column: 1, "a page must start with YAML front matter between '---' lines (id, title, objectives, …)")
      return nil
    case .unterminated:
      collector.error(line: 1, column: 1, "the front matter that starts here is never closed by a '---' line")
      return nil
    case .found(let y, let line, let b):
      (yaml, yamlStartLine, body) = (y, line, b)
    }
    let lineOffset = yamlStartLine - 1
    guard let root = YAMLSource.parse(yaml, lineOffset: lineOffset, into: collector) else { return nil }
    guard let r = MappingReader(root, what: "page's front matter", collector: collector, lineOffset: lineOffset)
    else { return nil }
    let id = r.string("id", required: true) ?? ""
    if !id.isEmpty && id.wholeMatch(of: idPattern) == nil {
      r.error(at: r.value("id")!, "id '\(id)' must be lower-case words joined by hyphens, like 'fine-tuning'")
    }
    let title = r.string("title", required: true, maxLength: 120) ?? ""
    var kind = Kind.concept
    if let kindText = r.string("kind") {
      if let parsed = Kind(rawValue: kindText) {
        kind = parsed
      } else {
        r.error(
          at: r.value("kind")!,
          "kind '\(kindText)' is not one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
      }
    }
    let objectives = r.strings("objectives")
    let summary = r.string("summary", required: true, maxLength: 600) ?? ""
    let related = r.strings("related")
    let confuseWith = r.strings("confuseWith")
    var flashcards: [Flashcard] = []
    for (index, node) in r.list("flashcards").enumerated() {
      guard let f = MappingReader(node, what: "flashcard", collector: collector, lineOffset: lineOffset) else {
        continue
      }
      let anchor = f.anchor(f.keyNode("id") != nil ? "id" : "q")
      let card = Flashcard(
        id: f.string("id") ?? "\(id)#\(index + 1)", prompt: f.string("q", required: true) ?? "",
        answer: f.string("a", required: true) ?? "", location: anchor.location, sourceLine: anchor.sourceLine)
      f.finish()
      flashcards.append(card)
    }
    let sources = r.strings("sources", required: true)
    for (index, source) in sources.enumerated() where !source.hasPrefix("https://") {
      let node = r.value("sources").flatMap { $0.sequence?[index] } ?? root
      r.error(at: node, "source '\(source.prefix(60))' must be an https:// URL")
    }
    let verified = r.day("verified", required: true)
    let bodyFirstLine = yamlStartLine + yaml.count { $0 == "\n" } + 2
    let links = bodyLinks(body, firstLine: bodyFirstLine, collector: collector)
    collector.references += links
    // References are recorded by the collector (the file's list), which cross-file checks read.
    _ =
      r.references("objectives", target: .objective) + r.references("related", target: .topicOrModel)
      + r.references("confuseWith", target: .topicOrModel) + links
    r.finish()
    if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      collector.warning(line: yamlStartLine + yaml.count { $0 == "\n" } + 1, column: 1, "the page has no body text")
    }
    guard !id.isEmpty else { return nil }
    let anchor = r.anchor("id")
    return Topic(
      id: id, title: title, kind: kind, objectives: objectives, summary: summary, body: body, related: related,
      confuseWith: confuseWith, flashcards: flashcards, sources: sources, verified: verified,
      location: anchor.location, sourceLine: anchor.sourceLine)
  }
}

/// Splits a Markdown file into its YAML front matter and its body.
enum FrontMatter {
  enum Split: Equatable {
    case missing
    case unterminated
    /// The YAML text, the file line its first line is on, and the body.
    case found(yaml: String, firstLine: Int, body: String)
  }

  static func split(_ text: String) -> Split {
    var lines = text.fileLines.map { $0.trimmingSuffixCR }
    if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0] = lines[0].dropFirst() }
    guard lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == "---" }) == true else { return .missing }
    lines.removeFirst()
    guard let end = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
      return .unterminated
    }
    let yaml = lines[..<end].joined(separator: "\n")
    let body = lines[(end + 1)...].joined(separator: "\n")
    return .found(yaml: yaml, firstLine: 2, body: body)
  }
}
