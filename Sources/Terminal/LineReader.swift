/// What one attempt to read a line produced.
public enum LineReadResult: Equatable, Sendable {
  /// A complete line, without its line terminator.
  case line(String)
  /// Ctrl-C: the half-typed line was discarded.
  case interrupted
  /// Ctrl-D on an empty line, or the end of the input.
  case endOfInput
  /// A line that could not be used, with a message that says why (bad UTF-8, too long).
  case rejected(String)
}

/// A source of command lines and answers: libedit on a terminal, a pipe, or a test script.
public protocol LineReader: AnyObject {
  /// Reads the next line, showing `prompt` when the reader is interactive.
  func readLine(prompt: String) -> LineReadResult
  /// Whether a person is typing (prompts, colours and completion make sense).
  var isInteractive: Bool { get }
  /// Records a line in the history, where the reader keeps one.
  func addHistory(_ line: String)
  /// The 1-based number of the last line read, for messages about script input.
  var lineNumber: Int { get }
}

extension LineReader {
  public func addHistory(_ line: String) {}
}

/// One request for completions: the words before the cursor and the word being typed.
public struct CompletionRequest: Equatable, Sendable {
  public var words: [String]
  public var partial: String

  public init(words: [String], partial: String) {
    self.words = words
    self.partial = partial
  }

  /// Splits the text before the cursor into finished words and the word being typed.
  public init(textBeforeCursor text: String) {
    let endsWithSpace = text.last?.isWhitespace ?? true
    var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    let partial = endsWithSpace ? "" : (words.popLast() ?? "")
    self.init(words: words, partial: partial)
  }
}

/// Supplies Tab-completion candidates; the app composes one from its command table and
/// later from model, topic and lab ids.
public protocol CompletionProvider: Sendable {
  func completions(for request: CompletionRequest) -> [String]
}

/// What Tab should do with a list of candidates.
public enum CompletionAction: Equatable, Sendable {
  case none
  case insert(String)
  case list([String], insert: String)

  /// Insert the unique completion (plus a space), or the longest common prefix, or list them.
  public static func decide(partial: String, candidates: [String]) -> CompletionAction {
    let matches = Array(Set(candidates.filter { $0.hasPrefix(partial) })).sorted()
    guard let first = matches.first else { return .none }
    if matches.count == 1 { return .insert(String(first.dropFirst(partial.count)) + " ") }
    var prefix = first
    for match in matches.dropFirst() {
      while !match.hasPrefix(prefix) { prefix.removeLast() }
    }
    let extra = String(prefix.dropFirst(partial.count))
    return extra.isEmpty ? .list(matches, insert: "") : .insert(extra)
  }
}
