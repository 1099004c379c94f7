import Core
import Foundation
import SRS

/// Checks the header and each data row of a revlog CSV, collecting entries and errors (internal to the reader).
struct RevlogRowParser {
  private(set) var errors: RevlogErrors
  private(set) var entries: [RevlogEntry] = []
  private(set) var rows = 0
  private(set) var skipped: [RevlogSummary.SkipReason: Int] = [:]
  private var indices: [RevlogColumn: Int] = [:]
  private let fieldCount: Int
  private var lastReview: [String: (time: Date, line: Int)] = [:]

  /// `text` without leading and trailing tabs and space separators (Unicode Zs): what
  /// `trimmingCharacters(in: .whitespaces)` removes, without a trip through NSString for every field.
  static func trimmingSpaces(_ text: String) -> String {
    func isSpace(_ scalar: Unicode.Scalar) -> Bool {
      scalar == " " || scalar == "\t" || (scalar.value > 0x7F && scalar.properties.generalCategory == .spaceSeparator)
    }
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
    guard let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
    if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
    return String(scalars[first...last])
  }

  /// Resolves the columns of `header` (line 1); a missing or repeated column is an error.
  init(header: [String], errorLimit: Int) {
    errors = RevlogErrors(limit: errorLimit)
    fieldCount = header.count
    let names = header.map(Self.normalizedName)
    for column in RevlogColumn.allCases {
      let positions = names.indices.filter { names[$0] == column.rawValue }
      if let first = positions.first {
        indices[column] = first
        if positions.count > 1 { errors.append(RevlogError(line: 1, issue: .duplicateColumn(column))) }
      } else if column.isRequired {
        let found = header.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        errors.append(RevlogError(line: 1, issue: .missingColumn(column, found: found)))
      }
    }
  }

  /// Whether every required column was found.
  var hasRequiredColumns: Bool {
    RevlogColumn.allCases.allSatisfy { !$0.isRequired || indices[$0] != nil }
  }

  /// The summary of what was read so far.
  var summary: RevlogSummary {
    RevlogSummary(rows: rows, imported: entries.count, skipped: skipped, cards: lastReview.count)
  }

  mutating func report(_ error: RevlogError) { errors.append(error) }

  /// Checks one data row starting on physical line `line`.
  mutating func consume(_ fields: [String], line: Int) {
    rows += 1
    guard fields.count == fieldCount else {
      report(RevlogError(line: line, issue: .fieldCount(found: fields.count, expected: fieldCount)))
      return
    }
    var valid = true
    func fail(_ column: RevlogColumn, _ issue: RevlogError.Issue) {
      report(RevlogError(line: line, column: column.rawValue, issue: issue))
      valid = false
    }
    func field(_ column: RevlogColumn) -> String? {
      indices[column].map { Self.trimmingSpaces(fields[$0]) }
    }

    let state = Self.parseOptionalInt(field(.reviewState), .reviewState, fail)
    if let state, !(0...5).contains(state) { fail(.reviewState, .invalidState(String(state))) }
    if state == 4 || state == 5 {
      skipped[state == 4 ? .manual : .rescheduled, default: 0] += 1
      return
    }
    let cardID = field(.cardID) ?? ""
    if cardID.isEmpty { fail(.cardID, .emptyField) }
    let time = Self.parseTime(field(.reviewTime) ?? "", fail)
    let rating = Self.parseRating(field(.reviewRating) ?? "", fail)
    let duration = Self.parseOptionalInt(field(.reviewDuration), .reviewDuration, fail)
    if let duration, duration < 0 { fail(.reviewDuration, .negativeDuration(String(duration))) }
    guard valid, let time, let rating else { return }

    if let previous = lastReview[cardID] {
      if time < previous.time {
        return fail(.reviewTime, .outOfOrder(cardID: cardID, previousLine: previous.line))
      }
      if time == previous.time {
        return fail(.reviewTime, .duplicate(cardID: cardID, firstLine: previous.line))
      }
    }
    lastReview[cardID] = (time, line)
    entries.append(RevlogEntry(cardID: cardID, time: time, rating: rating, state: state, durationMs: duration))
  }

  private static func parseOptionalInt(
    _ text: String?, _ column: RevlogColumn, _ fail: (RevlogColumn, RevlogError.Issue) -> Void
  ) -> Int? {
    guard let text, !text.isEmpty else { return nil }
    guard let value = Int(text) else {
      fail(column, .notANumber(text))
      return nil
    }
    return value
  }

  private static func parseRating(_ text: String, _ fail: (RevlogColumn, RevlogError.Issue) -> Void) -> Rating? {
    guard !text.isEmpty else {
      fail(.reviewRating, .emptyField)
      return nil
    }
    guard let value = Int(text), let rating = Rating(rawValue: value) else {
      fail(.reviewRating, .unknownRating(text))
      return nil
    }
    return rating
  }

  /// 9999-12-31T23:59:59.999Z in Unix milliseconds: the latest review time accepted.
  static let latestMilliseconds: Int64 = 253_402_300_799_999

  private static func parseTime(_ text: String, _ fail: (RevlogColumn, RevlogError.Issue) -> Void) -> Date? {
    guard !text.isEmpty else {
      fail(.reviewTime, .emptyField)
      return nil
    }
    if text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
      guard let ms = Int64(text) else {
        fail(.reviewTime, .invalidTime(text))
        return nil
      }
      // Later instants are refused: the scheduler turns times back into Int64 milliseconds, which traps near
      // Int64.max (found with Fuzz/RevlogImporter).
      guard ms <= Self.latestMilliseconds else {
        fail(.reviewTime, .timeOutOfRange(text))
        return nil
      }
      return Date(timeIntervalSince1970: Double(ms) / 1000)
    }
    guard let date = try? Timestamp.parse(text) else {
      fail(.reviewTime, .invalidTime(text))
      return nil
    }
    return date
  }

  /// Header names are matched without surrounding whitespace, a byte-order mark, or case.
  static func normalizedName(_ name: String) -> String {
    name.trimmingCharacters(in: CharacterSet.whitespaces.union(["\u{FEFF}"])).lowercased()
  }
}
