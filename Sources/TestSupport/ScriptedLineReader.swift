import Terminal

/// A line reader that replays a script: each entry is what one read returns.
/// Records every prompt it was asked to show.
public final class ScriptedLineReader: LineReader {
  private var results: [LineReadResult]
  public private(set) var prompts: [String] = []
  public private(set) var history: [String] = []
  public private(set) var lineNumber = 0
  public let isInteractive: Bool

  public init(_ results: [LineReadResult], interactive: Bool = false) {
    self.results = results
    self.isInteractive = interactive
  }

  /// A script of plain lines.
  public convenience init(lines: [String], interactive: Bool = false) {
    self.init(lines.map(LineReadResult.line), interactive: interactive)
  }

  public func readLine(prompt: String) -> LineReadResult {
    prompts.append(prompt)
    guard !results.isEmpty else { return .endOfInput }
    lineNumber += 1
    return results.removeFirst()
  }

  public func addHistory(_ line: String) { history.append(line) }
}

/// An output sink that keeps what was written, for assertions.
public final class CapturingSink: OutputSink {
  public private(set) var output = ""
  public private(set) var errors = ""
  public init() {}
  public func write(_ text: String) { output += text }
  public func writeError(_ text: String) { errors += text }
}
