import Foundation
import TestSupport

@testable import Content

/// Content files for tests, and a loader that builds a temporary content root around them.
enum ContentSamples {
  /// A valid page; every line is known so tests can name exact positions.
  ///
  ///     1 ---
  ///     2 id: <id>
  ///     3 title: <title>
  ///     4 objectives: [3.3.1]
  ///     5 summary: A page used by tests.
  ///     6 sources: [https://docs.aws.amazon.com/bedrock/]
  ///     7 verified: 2026-11-26
  ///     8 ---
  ///     9 Body text.
  static func page(id: String, title: String = "Sample page") -> String {
    """
    ---
    id: \(id)
    title: \(title)
    objectives: [3.3.1]
    summary: A page used by tests.
    sources: [https://docs.aws.amazon.com/bedrock/]
    verified: 2026-11-26
    ---
    Body text.

    """
  }

  /// A quiz file with one valid multiple-choice item.
  ///
  ///     1 items:
  ///     2   - id: <id>
  ///     3     type: multiple-choice
  ///     4     objective: 3.3.1
  ///     5     stem: Which option is right?
  ///     6     options:
  ///     7       - text: A
  ///     8         correct: true
  ///     9         why: It is right.
  ///    10       - text: B
  ///    11         why: It is wrong.
  ///    12       - text: C
  ///    13         why: It is wrong.
  ///    14       - text: D
  ///    15         why: It is wrong.
  ///    16     sources: [https://docs.aws.amazon.com/bedrock/]
  ///    17     verified: 2026-11-26
  static func quiz(id: String) -> String {
    """
    items:
      - id: \(id)
        type: multiple-choice
        objective: 3.3.1
        stem: Which option is right?
        options:
          - text: A
            correct: true
            why: It is right.
          - text: B
            why: It is wrong.
          - text: C
            why: It is wrong.
          - text: D
            why: It is wrong.
        sources: [https://docs.aws.amazon.com/bedrock/]
        verified: 2026-11-26

    """
  }

  /// Loads a temporary content root holding the repository's exam guide and `files`.
  static func load(_ files: [String: String], includeGuide: Bool = true) throws -> ContentSet {
    let root = Fixtures.contentRoot(files, includeGuide: includeGuide)
    defer { Fixtures.remove(root) }
    return try ContentLoader(root: root).load()
  }

  /// The findings of `files`, one `path:line:col: severity: message` string each.
  static func findings(_ files: [String: String]) throws -> [String] {
    try load(files).findings.map(\.summaryLine)
  }
}

extension Finding {
  /// `path:line:col: severity: message`, for compact exact assertions.
  var summaryLine: String { "\(location): \(severity.rawValue): \(message)" }
}
