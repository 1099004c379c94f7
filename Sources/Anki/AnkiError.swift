import Foundation

/// Why an Anki package could not be written or read, with a message that says what, where and what to do.
///
/// Every case leaves the learner's progress untouched: the importer reads the whole package before anything is
/// stored, and the writer replaces the destination only once the package is complete.
public enum AnkiError: Error, Equatable, Sendable {
  /// The file is missing or unreadable.
  case cannotRead(path: String, reason: String)
  /// The file is not a zip archive (an .apkg is one).
  case notAZip(path: String)
  /// The zip's directory is damaged or uses a layout fmlab does not read (ZIP64 offsets, for instance); `reason`
  /// says which and what to do.
  case damagedZip(path: String, reason: String)
  /// A zip entry's name is absolute, climbs out with `..`, or holds control characters.
  case unsafeEntryName(name: String)
  /// More entries than ``AnkiLimits/maxEntries``.
  case tooManyEntries(count: Int, limit: Int)
  /// One entry inflates past ``AnkiLimits/maxEntryBytes``.
  case entryTooLarge(name: String, limit: Int64)
  /// All entries read together inflate past ``AnkiLimits/maxTotalBytes``.
  case packageTooLarge(limit: Int64)
  /// An entry inflates to more than ``AnkiLimits/maxCompressionRatio`` times its compressed size (a zip bomb).
  case compressionRatioTooHigh(name: String, limit: Int)
  /// The package holds no `collection.anki21b`, `collection.anki21` or `collection.anki2`.
  case noCollection(entries: [String])
  /// Only a zstd-compressed `collection.anki21b` (schema 18) is usable, and fmlab has no zstd decoder.
  case compressedCollectionUnsupported
  /// The collection entry is not an SQLite database.
  case notSQLite(entry: String)
  /// The collection is SQLite but not an Anki collection fmlab understands.
  case unreadableCollection(entry: String, reason: String)
  /// Writing the package failed.
  case cannotWrite(path: String, reason: String)
  /// There was nothing to export.
  case nothingToExport

  /// The message shown to the learner.
  public var message: String {
    switch self {
    case .cannotRead(let path, let reason):
      return "cannot read \(path): \(reason). Check the file name and that the file is readable."
    case .notAZip(let path):
      return "\(path) is not an Anki package: it is not a zip archive (an .apkg file is one). "
        + "Export it again from Anki with File → Export… → \"Anki Deck Package (*.apkg)\"."
    case .damagedZip(let path, let reason):
      return "\(path) cannot be read as an Anki package: \(reason). Nothing was imported."
    case .unsafeEntryName(let name):
      return "the package holds an entry with an unsafe name (\(Self.shown(name))): names must not be absolute "
        + "or contain '..'. The file was not made by Anki; nothing was imported."
    case .tooManyEntries(let count, let limit):
      return "the package has \(count) entries, more than the \(limit) fmlab accepts; nothing was imported. "
        + "Export the deck without media (untick \"Include media\")."
    case .entryTooLarge(let name, let limit):
      return "the package entry \(Self.shown(name)) inflates past \(Self.megabytes(limit)), more than fmlab accepts; "
        + "nothing was imported."
    case .packageTooLarge(let limit):
      return "the package inflates past \(Self.megabytes(limit)) in total, more than fmlab accepts; "
        + "nothing was imported."
    case .compressionRatioTooHigh(let name, let limit):
      return "the package entry \(Self.shown(name)) inflates to more than \(limit) times its compressed size "
        + "(a zip bomb?); nothing was imported."
    case .noCollection(let entries):
      let listed = entries.prefix(5).map(Self.shown).joined(separator: ", ")
      return "the package holds no Anki collection (collection.anki21b, collection.anki21 or collection.anki2)"
        + (entries.isEmpty ? "; it is empty" : "; it holds \(listed)\(entries.count > 5 ? ", …" : "")")
        + ". Export the deck from Anki as \"Anki Deck Package (*.apkg)\"."
    case .compressedCollectionUnsupported:
      return "this package was written by a current Anki in its compressed format (collection.anki21b), which "
        + "fmlab cannot read yet. In Anki, choose File → Export…, \"Anki Deck Package (*.apkg)\", tick "
        + "\"Support older Anki versions (slower/larger files)\" (and \"Include scheduling information\" to keep "
        + "your history), then import that file."
    case .notSQLite(let entry):
      return "the package's \(entry) is not an SQLite database, so it is not an Anki collection; nothing was "
        + "imported. Export the deck from Anki again."
    case .unreadableCollection(let entry, let reason):
      return "the package's \(entry) is not an Anki collection fmlab can read (\(reason)); nothing was imported."
    case .cannotWrite(let path, let reason):
      return "cannot write \(path): \(reason). Choose a writable folder."
    case .nothingToExport:
      return "nothing to export: no flashcards or exam items match. Widen the selection (--domain, --objective)."
    }
  }

  static func shown(_ name: String) -> String {
    let clean = String(String.UnicodeScalarView(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    return "'" + (clean.count > 80 ? String(clean.prefix(80)) + "…" : clean) + "'"
  }

  static func megabytes(_ bytes: Int64) -> String {
    bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
  }
}
