import Core
import Terminal

/// The read–run loop shared by the interactive REPL and script mode.
public struct Repl {
  public var session: Session
  public var reader: LineReader
  /// Stop at the first failing line (script mode's --bail).
  public var bail: Bool

  public init(session: Session, reader: LineReader, bail: Bool = false) {
    self.session = session
    self.reader = reader
    self.bail = bail
    session.reader = reader
  }

  /// The prompt, which can show context (later: `exam 12/65 41:10>`).
  var prompt: String { "fmlab> " }

  /// Runs until `quit`, Ctrl-D or the end of input. Returns the exit status: 0 for an
  /// interactive session; in script mode the first failing line's status (or 0).
  public func run() -> ExitStatus {
    let dispatcher = Dispatcher(session: session)
    var firstFailure: ExitStatus? = nil
    if reader.isInteractive, !session.json {
      session.sink.write(
        session.styler.bold("fmlab \(session.configuration.appVersion)")
          + " — AIF-C01 study lab. Type 'help' to begin; Tab completes; Ctrl-D quits.\n")
    }
    if reader.isInteractive, let content = try? session.content() {
      session.reportContentProblemsOnce(content)
    }
    while true {
      let result = reader.readLine(prompt: reader.isInteractive ? prompt : "")
      switch result {
      case .line(let line):
        if reader.isInteractive { reader.addHistory(line) }
        Interrupt.clear()
        let outcome = dispatcher.run(line: line)
        if outcome.status != .success {
          if !reader.isInteractive, !session.json, outcome.status == .usage {
            session.sink.writeError("  (script line \(reader.lineNumber))\n")
          }
          firstFailure = firstFailure ?? outcome.status
          if bail { return outcome.status }
        }
        if outcome.endsSession { return reader.isInteractive ? .success : (firstFailure ?? .success) }
      case .interrupted:
        continue
      case .endOfInput:
        return reader.isInteractive ? .success : (firstFailure ?? .success)
      case .rejected(let message):
        session.emitError(message, status: .usage, command: nil)
        firstFailure = firstFailure ?? .usage
        if bail { return .usage }
      }
    }
  }
}
