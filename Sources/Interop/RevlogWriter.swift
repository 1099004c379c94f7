import CSV
import Foundation

/// Writes ``RevlogEntry`` values as revlog CSV in ``RevlogReader``'s column layout
/// (`card_id,review_time,review_rating,review_state,review_duration`), header first, times as Unix milliseconds.
///
/// A missing state or duration is an empty field; card ids are quoted when needed, so the output reads back
/// to the same entries.
public struct RevlogWriter: Sendable {
  /// The header row, in output order.
  public static let columns: [RevlogColumn] = [
    .cardID, .reviewTime, .reviewRating, .reviewState, .reviewDuration,
  ]

  /// Creates a writer.
  public init() {}

  /// Writes `entries` to `stream` (opened if needed, closed when done), with a line break after every row.
  ///
  /// - Throws: `CSVError` when the stream cannot be opened or written.
  public func write(_ entries: some Sequence<RevlogEntry>, to stream: OutputStream) throws {
    let csv = try CSVWriter(stream: stream)
    try csv.write(row: Self.columns.map(\.rawValue))
    for entry in entries {
      try csv.write(row: Self.fields(of: entry))
    }
    // CSV.swift separates rows; the final line break is added here, while `csv` (which closes the stream
    // when released) is still alive.
    try withExtendedLifetime(csv) {
      var newline = UInt8(ascii: "\n")
      guard stream.write(&newline, maxLength: 1) == 1 else { throw CSVError.cannotWriteStream }
    }
    stream.close()
  }

  /// Writes `entries` to a new file at `url` (replacing any file there).
  ///
  /// - Throws: `CSVError` when the file cannot be created or written.
  public func write(_ entries: some Sequence<RevlogEntry>, to url: URL) throws {
    guard let stream = OutputStream(url: url, append: false) else { throw CSVError.cannotOpenFile }
    try write(entries, to: stream)
  }

  /// The CSV text for `entries`.
  public func string(from entries: some Sequence<RevlogEntry>) throws -> String {
    let stream = OutputStream.toMemory()
    try write(entries, to: stream)
    let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  /// The fields of one row, in ``columns`` order.
  static func fields(of entry: RevlogEntry) -> [String] {
    [
      entry.cardID,
      String(entry.timeMilliseconds),
      String(entry.rating.rawValue),
      entry.state.map(String.init) ?? "",
      entry.durationMs.map(String.init) ?? "",
    ]
  }
}
