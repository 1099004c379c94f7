import Content
import Terminal

enum FindingsView {
  struct JSONFinding: Encodable, Sendable {
    var severity: String
    var file: String
    var line: Int
    var column: Int
    var message: String
    var notes: [String]

    init(_ finding: Finding) {
      severity = finding.severity.rawValue
      file = finding.location.file
      line = finding.location.line
      column = finding.location.column
      message = finding.message
      notes = finding.notes.map { "\($0.location): \($0.message)" }
    }
  }

  struct Report: Encodable, Sendable {
    var root: String
    var findings: [JSONFinding]
    var errors: Int
    var warnings: Int
    var files: Int
    var statistics: ContentSet.Statistics?
  }

  static func render(_ finding: Finding, styler: Styler) -> String {
    FindingRenderer.render(finding) { text, style in
      switch style {
      case "error": styler.error(text)
      case "warning": styler.warning(text)
      case "note": styler.accent(text)
      case "bold": styler.bold(text)
      default: text
      }
    }
  }

  static func render(_ s: ContentSet.Statistics) -> String {
    var out = "pages \(s.topics) (objective pages \(s.objectivePages), service and feature pages \(s.servicePages)), "
    out += "flashcards \(s.flashcards), quiz items \(s.items), models \(s.models) from \(s.providers) providers\n"
    out += "objectives with a page: \(s.objectivesWithTopic) of \(s.objectives)\n"
    if !s.itemsByDomain.isEmpty {
      let total = s.itemsByDomain.values.reduce(0, +)
      out +=
        "items by domain: "
        + s.itemsByDomain.sorted { $0.key < $1.key }.map {
          "\($0.key): \($0.value) (\(String(format: "%.1f", Double($0.value) * 100 / Double(max(1, total))))%)"
        }.joined(separator: ", ") + "\n"
      out +=
        "items by type: "
        + s.itemsByType.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        .joined(separator: ", ") + "\n"
      out +=
        "items by difficulty: "
        + s.itemsByDifficulty.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "\n"
      let counts = s.questionsByObjective.values
      let thin = s.questionsByObjective.filter { $0.value < 5 }.keys.sorted()
      out +=
        "questions by objective: \(s.questionsByObjective.count) objectives, min \(counts.min() ?? 0), max \(counts.max() ?? 0)"
      out += thin.isEmpty ? "\n" : "; under 5: \(thin.joined(separator: ", "))\n"
      out +=
        "questions about Bedrock models, customization or Provisioned Throughput: \(s.bedrockQuestions) of \(s.questions)"
      out += " (\(String(format: "%.1f", Double(s.bedrockQuestions) * 100 / Double(max(1, s.questions))))%)\n"
    }
    return out
  }
}
