/// One problem found in a revlog CSV, with where it is: the 1-based physical line (the header is line 1)
/// and the column, when they apply.
public struct RevlogError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong.
  public enum Issue: Sendable, Hashable {
    /// The file cannot be opened or read.
    case cannotRead(reason: String)
    /// The file has 0 bytes.
    case emptyFile
    /// The file's size is above the limit; nothing was read.
    case fileTooLarge(bytes: Int64, limit: Int64)
    /// More than the limit was read from a stream of unknown size; reading stopped.
    case streamTooLarge(limit: Int64)
    /// More data rows than the limit; reading stopped.
    case tooManyRows(limit: Int)
    /// Bytes that are not UTF-8; reading stopped.
    case invalidUTF8
    /// The file has a header but no data rows.
    case headerOnly
    /// A required column is missing from the header.
    case missingColumn(RevlogColumn, found: [String])
    /// A known column appears twice in the header.
    case duplicateColumn(RevlogColumn)
    /// A row has a different number of fields from the header.
    case fieldCount(found: Int, expected: Int)
    /// A required field is empty.
    case emptyField
    /// A field that must be a whole number is not one.
    case notANumber(String)
    /// A rating other than 1…4.
    case unknownRating(String)
    /// A time that is neither Unix milliseconds nor ISO 8601 with a zone.
    case invalidTime(String)
    /// Unix milliseconds after 9999-12-31T23:59:59.999Z (the last instant ISO 8601 writes with four digits).
    case timeOutOfRange(String)
    /// A review state outside 0…5.
    case invalidState(String)
    /// A negative review duration.
    case negativeDuration(String)
    /// The review is earlier than the card's previous review, at `previousLine`.
    case outOfOrder(cardID: String, previousLine: Int)
    /// The same card at the same time as the row at `firstLine`.
    case duplicate(cardID: String, firstLine: Int)
  }

  /// The 1-based physical line (header = 1), or `nil` for problems with the whole file.
  public var line: Int?
  /// The column's header name, when the problem is in one field.
  public var column: String?
  /// What is wrong.
  public var issue: Issue

  /// Creates an error.
  public init(line: Int?, column: String? = nil, issue: Issue) {
    self.line = line
    self.column = column
    self.issue = issue
  }

  /// `line 7, review_rating: unknown rating '5' (expected 1, 2, 3 or 4)`.
  public var description: String {
    var location: [String] = []
    if let line { location.append("line \(line)") }
    if let column { location.append(column) }
    return location.isEmpty ? message : location.joined(separator: ", ") + ": " + message
  }

  /// The message without the location.
  public var message: String {
    switch issue {
    case .cannotRead(let reason): "cannot read the file: \(reason)"
    case .emptyFile: "the file is empty (0 bytes); expected a header line and reviews"
    case .fileTooLarge(let bytes, let limit):
      "the file is \(bytes) bytes, above the limit of \(limit) bytes; it was not read"
    case .streamTooLarge(let limit): "the input is larger than the limit of \(limit) bytes; reading stopped"
    case .tooManyRows(let limit): "more than \(limit) rows; reading stopped"
    case .invalidUTF8: "the text is not valid UTF-8; reading stopped"
    case .headerOnly: "the file has a header but no reviews"
    case .missingColumn(let column, let found):
      "missing required column '\(column.rawValue)'; found columns: "
        + (found.isEmpty ? "(none)" : found.map { "'\($0)'" }.joined(separator: ", "))
    case .duplicateColumn(let column): "column '\(column.rawValue)' appears more than once"
    case .fieldCount(let found, let expected): "\(found) fields, but the header has \(expected)"
    case .emptyField: "empty field"
    case .notANumber(let text): "'\(Self.clip(text))' is not a whole number"
    case .unknownRating(let text): "unknown rating '\(Self.clip(text))' (expected 1, 2, 3 or 4)"
    case .invalidTime(let text):
      "'\(Self.clip(text))' is not a time; use Unix milliseconds or ISO 8601 with a zone (2024-01-01T09:00:00Z)"
    case .timeOutOfRange(let text):
      "'\(Self.clip(text))' milliseconds is after the year 9999; use Unix milliseconds (1700000000000) or ISO 8601 "
        + "with a zone"
    case .invalidState(let text): "review state '\(Self.clip(text))' is not 0…5"
    case .negativeDuration(let text): "negative review duration '\(Self.clip(text))'"
    case .outOfOrder(let card, let previous):
      "card '\(Self.clip(card))' is reviewed earlier than its previous review on line \(previous)"
    case .duplicate(let card, let first): "duplicate of line \(first) (card '\(Self.clip(card))' at the same time)"
    }
  }

  /// At most 40 characters of user text, so one bad field cannot flood a message.
  static func clip(_ text: String) -> String {
    text.count > 40 ? text.prefix(40) + "…" : text
  }
}
