import Foundation
import Testing

@testable import Datasets

/// Where a problem is and what kind it is: what most tests assert exactly.
struct Spot: Equatable, CustomStringConvertible {
  var code: DatasetProblem.Code
  var line: Int?
  var field: String?

  init(_ code: DatasetProblem.Code, _ line: Int?, _ field: String? = nil) {
    self.code = code
    self.line = line
    self.field = field
  }

  init(_ problem: DatasetProblem) {
    self.init(problem.code, problem.line, problem.field)
  }

  var description: String { "\(code)@\(line.map(String.init) ?? "-"):\(field ?? "-")" }
}

enum Check {
  /// Validates JSONL text (lines joined with "\n", final newline added).
  static func report(
    _ lines: [String], _ format: DatasetFormat, limits: DatasetLimits = DatasetLimits(),
    role: DatasetRole = .training, cap: Int = 100
  ) -> DatasetReport {
    let text = lines.map { $0 + "\n" }.joined()
    return DatasetValidator(format: format, limits: limits, role: role, problemCap: cap).validate(Array(text.utf8))
  }

  /// The spots of the problems found in `lines`.
  static func spots(
    _ lines: [String], _ format: DatasetFormat, limits: DatasetLimits = DatasetLimits(), role: DatasetRole = .training
  ) -> [Spot] {
    report(lines, format, limits: limits, role: role).problems.map(Spot.init)
  }

  /// The single problem found in `lines` (records an issue when there is not exactly one).
  static func only(
    _ lines: [String], _ format: DatasetFormat, limits: DatasetLimits = DatasetLimits(),
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> DatasetProblem? {
    let problems = report(lines, format, limits: limits).problems
    #expect(problems.count == 1, "expected one problem, got \(problems.map(Spot.init))", sourceLocation: sourceLocation)
    return problems.count == 1 ? problems[0] : nil
  }

  /// A bedrock-conversation-2024 record with the given message JSON fragments.
  static func conversation(
    _ messages: [String], system: String? = #"[{"text": "You are a helpful tutor."}]"#
  )
    -> String
  {
    let systemPart = system.map { #""system": \#($0), "# } ?? ""
    let turns = messages.joined(separator: ", ")
    return #"{"schemaVersion": "bedrock-conversation-2024", \#(systemPart)"messages": [\#(turns)]}"#
  }

  /// A conversation turn with text blocks.
  static func turn(_ role: String, _ texts: String...) -> String {
    let blocks = texts.map { #"{"text": \#(DatasetSample.string($0))}"# }.joined(separator: ", ")
    return #"{"role": "\#(role)", "content": [\#(blocks)]}"#
  }

  /// A user turn with a text block and one media block (`key` "image" or "video").
  static func mediaTurn(
    _ role: String = "user", key: String = "image", format: String = "png",
    uri: String = "s3://amzn-s3-demo-bucket/images/diagram.png", owner: String? = "111122223333"
  ) -> String {
    let ownerPart = owner.map { #", "bucketOwner": "\#($0)""# } ?? ""
    let location = #"{"uri": "\#(uri)"\#(ownerPart)}"#
    let media = #"{"\#(key)": {"format": "\#(format)", "source": {"s3Location": \#(location)}}}"#
    return #"{"role": "\#(role)", "content": [{"text": "What does this show?"}, \#(media)]}"#
  }

  /// A Claude 3 Haiku record with plain-string turns given as (role, content).
  static func claude(_ turns: [(String, String)], system: String? = "You are a helpful tutor.") -> String {
    let messages = turns.map { #"{"role": "\#($0.0)", "content": \#(DatasetSample.string($0.1))}"# }
    let systemPart = system.map { #""system": \#(DatasetSample.string($0)), "# } ?? ""
    return #"{\#(systemPart)"messages": [\#(messages.joined(separator: ", "))]}"#
  }
}
