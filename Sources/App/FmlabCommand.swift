import ArgumentParser
import Core

/// A command of fmlab's one command table. The same parsed value runs in the REPL, as a
/// line of a script, or as `fmlab COMMAND ARGS…`: `execute` renders its result to values
/// and text, and the dispatcher decides how to print them.
public protocol FmlabCommand: ParsableCommand {
  func execute(in session: Session) throws -> CommandOutput
}

extension FmlabCommand {
  /// ArgumentParser's own entry point is never used: fmlab dispatches through `Session`.
  public mutating func run() throws {
    throw CommandFailure(message: "internal: commands run through the fmlab dispatcher", status: .failure)
  }
}

/// What a command produced: text for people, a value for `--json`, and an exit status.
public struct CommandOutput {
  public var text: String
  public var json: (any Encodable & Sendable)?
  public var status: ExitStatus
  /// Ends the REPL after this command (quit, exit).
  public var endsSession: Bool
  /// Long text may go through the pager (pages, tables); prompts and results of flows never do.
  public var pageable = false

  public init(
    text: String, json: (any Encodable & Sendable)? = nil, status: ExitStatus = .success, endsSession: Bool = false,
    pageable: Bool = false
  ) {
    self.pageable = pageable
    self.text = text
    self.json = json
    self.status = status
    self.endsSession = endsSession
  }
}

/// A command that could not do what was asked, with the message and the exit status to report.
public struct CommandFailure: Error, Equatable {
  public var message: String
  public var status: ExitStatus
  public var suggestions: [String]

  public init(message: String, status: ExitStatus, suggestions: [String] = []) {
    self.message = message
    self.status = status
    self.suggestions = suggestions
  }

  public static func usage(_ message: String, suggestions: [String] = []) -> CommandFailure {
    CommandFailure(message: message, status: .usage, suggestions: suggestions)
  }

  /// "unknown WHAT 'NAME' — did you mean 'X'?" with the nearest candidates, or `otherwise`
  /// appended when none is near.
  static func unknown(
    _ what: String, _ name: String, in candidates: [String], otherwise: String = ""
  )
    -> CommandFailure
  {
    let suggestions = Suggestion.closest(to: name, in: candidates)
    let tail = suggestions.first.map { " — did you mean '\($0)'?" } ?? otherwise
    return .usage("unknown \(what) '\(name)'" + tail, suggestions: suggestions)
  }
}
