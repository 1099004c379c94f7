/// A position in a content file: the path relative to the content root, 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.file, a.line, a.column) < (b.file, b.line, b.column)
  }
}

/// One problem found in the content. Problems are values, not thrown errors, so one run
/// reports every problem in every file at once.
public struct Finding: Hashable, Sendable, Codable {
  public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning, note
    public static func < (a: Severity, b: Severity) -> Bool {
      let order: [Severity] = [.error, .warning, .note]
      return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
  }

  public var severity: Severity
  public var location: SourceLocation
  public var message: String
  /// The text of the offending line, shown under the message with a caret.
  public var sourceLine: String?
  /// Related places, such as the first definition of a duplicate id.
  public var notes: [Note]

  public struct Note: Hashable, Sendable, Codable {
    public var location: SourceLocation
    public var message: String
    public init(location: SourceLocation, message: String) {
      self.location = location
      self.message = message
    }
  }

  public init(
    _ severity: Severity, at location: SourceLocation, _ message: String, sourceLine: String? = nil,
    notes: [Note] = []
  ) {
    self.severity = severity
    self.location = location
    self.message = message
    self.sourceLine = sourceLine
    self.notes = notes
  }
}

extension Array where Element == Finding {
  public var errorCount: Int { count { $0.severity == .error } }
  public var warningCount: Int { count { $0.severity == .warning } }
  public var hasErrors: Bool { contains { $0.severity == .error } }
}
