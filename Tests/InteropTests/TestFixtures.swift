import Foundation
import Testing

@testable import Interop

/// Fixture files next to this source file, and helpers shared by the Interop tests.
enum TestFixtures {
  static let directory = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

  static func url(_ name: String) -> URL { directory.appending(path: name) }

  /// The errors of parsing `csv`, or a recorded issue when it parses.
  static func errors(
    _ csv: String, reader: RevlogReader = RevlogReader(), sourceLocation: SourceLocation = #_sourceLocation
  ) -> RevlogErrors? {
    switch reader.parse(string: csv) {
    case .success(let result):
      Issue.record("expected errors, parsed \(result.entries.count) entries", sourceLocation: sourceLocation)
      return nil
    case .failure(let errors): return errors
    }
  }

  /// The entries and summary of `csv`, or a recorded issue listing the errors.
  static func parsed(
    _ result: Result<RevlogImport, RevlogErrors>, sourceLocation: SourceLocation = #_sourceLocation
  )
    -> RevlogImport?
  {
    switch result {
    case .success(let result): return result
    case .failure(let errors):
      Issue.record("unexpected errors:\n\(errors)", sourceLocation: sourceLocation)
      return nil
    }
  }

  /// A new empty temporary directory; the caller removes it.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "interop-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
