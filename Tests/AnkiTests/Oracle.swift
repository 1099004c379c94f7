import Foundation
import TestSupport
import Testing

/// Runs the Python oracles in `Tests/AnkiTests/Oracle` with the venv `scripts/setup --test` creates.
enum Oracle {
  struct Missing: Error, CustomStringConvertible {
    var description: String { "the Anki oracle venv is missing: run scripts/setup --test (it creates scripts/.venv)" }
  }

  struct Failed: Error, CustomStringConvertible {
    var description: String
  }

  static var python: String { Fixtures.repositoryRoot + "/scripts/.venv/bin/python" }
  static var folder: String { Fixtures.repositoryRoot + "/Tests/AnkiTests/Oracle" }

  /// Runs `script` with `arguments` and returns its stdout parsed as one JSON object. Never skips: a missing venv
  /// is a failure that says how to make it.
  static func run(_ script: String, _ arguments: [String]) throws -> [String: Any] {
    guard FileManager.default.isExecutableFile(atPath: python) else { throw Missing() }
    let result = try ProcessRunner.run(python, [folder + "/" + script] + arguments, timeout: 300)
    guard result.status == 0 else {
      throw Failed(description: "\(script) exited \(result.status): \(result.stderr.suffix(2000))")
    }
    guard let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
      throw Failed(description: "\(script) printed no JSON object: \(result.stdout.prefix(500))")
    }
    return object
  }

  /// Builds a fixture package of `kind` (see make_fixture.py) in `directory`.
  static func fixture(_ kind: String, in directory: String, extra: [String] = []) throws -> URL {
    let path = directory + "/\(kind).apkg"
    _ = try run("make_fixture.py", [kind, path] + extra)
    return URL(fileURLWithPath: path)
  }
}
