import CSV
import Foundation

/// Reads the FSRS ecosystem's revlog CSV (`card_id,review_time,review_rating[,review_state][,review_duration]`,
/// columns in any order, extra columns ignored) into ``RevlogEntry`` values, streaming from the file.
///
/// Every problem is collected with its physical line (header = line 1) and column; a parse returns either all
/// entries or the errors, never a partial result. Rows with `review_state` 4 or 5 (Anki's manual and rescheduled
/// entries) are skipped and counted. A file above ``maximumBytes`` is refused from its size, before it is read.
public struct RevlogReader: Sendable {
  /// 512 MiB.
  public static let defaultMaximumBytes: Int64 = 512 * 1024 * 1024
  /// Ten million data rows.
  public static let defaultMaximumRows = 10_000_000

  /// The largest input accepted, in bytes.
  public var maximumBytes: Int64
  /// The most data rows accepted.
  public var maximumRows: Int
  /// How many errors are kept for the report (all are counted).
  public var maximumReportedErrors: Int

  /// Creates a reader with the given limits.
  public init(
    maximumBytes: Int64 = defaultMaximumBytes, maximumRows: Int = defaultMaximumRows,
    maximumReportedErrors: Int = 100
  ) {
    self.maximumBytes = maximumBytes
    self.maximumRows = maximumRows
    self.maximumReportedErrors = maximumReportedErrors
  }

  /// Parses the file at `url`, after checking that its size is within ``maximumBytes``.
  public func parse(fileAt url: URL) -> Result<RevlogImport, RevlogErrors> {
    let attributes: [FileAttributeKey: Any]
    do {
      attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    } catch {
      return failure(nil, .cannotRead(reason: "\(url.path): no such file or not accessible"))
    }
    let type = attributes[.type] as? FileAttributeType
    if type == .typeDirectory { return failure(nil, .cannotRead(reason: "\(url.path) is a directory")) }
    if type == .typeRegular {
      let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
      if size == 0 { return failure(nil, .emptyFile) }
      if size > maximumBytes { return failure(nil, .fileTooLarge(bytes: size, limit: maximumBytes)) }
    }
    guard let stream = InputStream(url: url) else {
      return failure(nil, .cannotRead(reason: "\(url.path) cannot be opened"))
    }
    return parse(stream: stream)
  }

  /// Parses CSV text held in memory.
  public func parse(string: String) -> Result<RevlogImport, RevlogErrors> {
    let size = Int64(string.utf8.count)
    if size == 0 { return failure(nil, .emptyFile) }
    if size > maximumBytes { return failure(nil, .fileTooLarge(bytes: size, limit: maximumBytes)) }
    return parse(stream: InputStream(data: Data(string.utf8)))
  }

  /// Parses UTF-8 CSV from `stream` (opened if needed), stopping once about ``maximumBytes`` bytes or
  /// ``maximumRows`` rows have been read. Prefer ``parse(fileAt:)`` for files: it checks the size first.
  public func parse(stream: InputStream) -> Result<RevlogImport, RevlogErrors> {
    let csv: CSVReader
    do {
      csv = try CSVReader(stream: stream, hasHeaderRow: false)
    } catch {
      return failure(nil, .cannotRead(reason: "\(error)"))
    }
    guard let header = csv.next() else {
      if let error = Self.readError(csv, stream) { return failure(1, Self.issue(for: error)) }
      return failure(nil, .emptyFile)
    }
    if let error = Self.readError(csv, stream) {
      return failure(1 + Self.lineBreaks(in: header), Self.issue(for: error))
    }
    var parser = RevlogRowParser(header: header, errorLimit: maximumReportedErrors)
    guard parser.hasRequiredColumns else { return .failure(parser.errors) }

    var line = 2 + Self.lineBreaks(in: header)
    var bytes = Self.approximateSize(of: header)
    while let row = csv.next() {
      if let error = Self.readError(csv, stream) {
        parser.report(RevlogError(line: line + Self.lineBreaks(in: row), issue: Self.issue(for: error)))
        return .failure(parser.errors)
      }
      bytes += Self.approximateSize(of: row)
      if bytes > maximumBytes {
        parser.report(RevlogError(line: line, issue: .streamTooLarge(limit: maximumBytes)))
        return .failure(parser.errors)
      }
      if row != [""] {
        if parser.rows >= maximumRows {
          parser.report(RevlogError(line: line, issue: .tooManyRows(limit: maximumRows)))
          return .failure(parser.errors)
        }
        parser.consume(row, line: line)
      }
      line += 1 + Self.lineBreaks(in: row)
    }
    if let error = Self.readError(csv, stream) {
      parser.report(RevlogError(line: line, issue: Self.issue(for: error)))
    } else if parser.rows == 0 {
      parser.report(RevlogError(line: nil, issue: .headerOnly))
    }
    if !parser.errors.isEmpty { return .failure(parser.errors) }
    return .success(RevlogImport(entries: parser.entries, summary: parser.summary))
  }

  private func failure(_ line: Int?, _ issue: RevlogError.Issue) -> Result<RevlogImport, RevlogErrors> {
    var errors = RevlogErrors(limit: maximumReportedErrors)
    errors.append(RevlogError(line: line, issue: issue))
    return .failure(errors)
  }

  /// The reader's error, except the `cannotReadFile` CSV.swift reports on reaching the end of a file stream.
  private static func readError(_ csv: CSVReader, _ stream: InputStream) -> (any Error)? {
    guard let error = csv.error else { return nil }
    if case CSVError.cannotReadFile = error, stream.streamStatus == .atEnd { return nil }
    return error
  }

  private static func issue(for error: any Error) -> RevlogError.Issue {
    if case CSVError.unicodeDecoding = error { return .invalidUTF8 }
    return .cannotRead(reason: "\(error)")
  }

  /// Line breaks inside quoted fields (CR LF, CR or LF each count once), so rows map to physical lines.
  static func lineBreaks(in row: [String]) -> Int {
    var count = 0
    for field in row {
      var afterCR = false
      for byte in field.utf8 {
        if byte == 13 || (byte == 10 && !afterCR) { count += 1 }
        afterCR = byte == 13
      }
    }
    return count
  }

  /// A lower bound on the bytes a row took in the file: its fields, the delimiters and one line break.
  static func approximateSize(of row: [String]) -> Int64 {
    Int64(row.reduce(row.count) { $0 + $1.utf8.count })
  }
}
