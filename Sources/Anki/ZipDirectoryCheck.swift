import Foundation
import ZIPFoundation

/// Checks a zip's central directory before ZIPFoundation walks it, so a hostile package is refused with a message
/// instead of crashing fmlab.
///
/// ZIPFoundation (0.9.x) reads each entry's local header at the offset its central-directory record gives, and for
/// ZIP64 records that offset (and the sizes it adds to it) comes from a 64-bit extra field. It checks such an offset
/// with `offset <= .max` on a `UInt64`, which always holds, then converts it to `off_t` and traps when it is past
/// `Int64.max` (found by fuzzing on 2026-11-27: `Fuzz/AnkiImporter/crashes/anki-reader-traps-in-zipfoundation-
/// readstruct`); the start of the central directory, when a ZIP64 end record gives it, has the same fault.
///
/// ZIPFoundation takes a record's 64-bit values only for the 32-bit fields that hold the ZIP64 marker
/// (`0xFFFFFFFF`); without a marker, every offset and size it computes stays under 8 GiB. Anki and Python's
/// `zipfile` write the marker in the central directory only for values past 4 GiB, and the collection fmlab reads
/// is at most 1 GiB (``AnkiLimits``), so a record holding the marker belongs to a package past 4 GiB of media or to
/// a damaged file; either is refused before the walk, the first with the advice to export without media.
enum ZipDirectoryCheck {
  /// A central-directory record's signature, `PK\u{1}\u{2}`.
  static let recordSignature: UInt32 = 0x0201_4B50
  /// The fixed part of a central-directory record, in bytes.
  static let recordSize = 46
  /// The ZIP64 marker in a 32-bit size or offset field.
  static let zip64Marker: UInt32 = .max

  /// Why ZIPFoundation cannot walk the central directory that starts at `start` and claims `entries` records, or
  /// nil when it can. `fileLength` is the file's size; `read(offset, count)` returns up to `count` bytes from
  /// `offset` (fewer at the end of the file). At most `limit` records are read: past that the reader refuses
  /// the package for its number of entries anyway.
  ///
  /// The walk follows ZIPFoundation's: records one after another, each 46 bytes plus its name, extra field and
  /// comment; it ends where ZIPFoundation's does, at a short read or a record without the signature.
  static func problem(
    start: UInt64, entries: UInt64, limit: Int, fileLength: UInt64, read: (UInt64, Int) throws -> Data?
  ) rethrows -> String? {
    guard start <= fileLength else {
      return "its central directory is said to start at byte \(start), past the end of the \(fileLength)-byte file "
        + "(the file is damaged or cut short); export the deck from Anki again"
    }
    var position = start
    for index in 0..<min(entries, UInt64(max(limit, 0))) {
      guard position <= fileLength, let record = try read(position, recordSize), record.count == recordSize,
        record.littleEndian(UInt32.self, at: 0) == recordSignature
      else { return nil }
      let marked = [20, 24, 42].contains { record.littleEndian(UInt32.self, at: $0) == zip64Marker }
      if marked {
        return "entry \(index + 1) of its zip directory uses ZIP64 sizes or offsets, which fmlab does not read (a "
          + "package past 4 GiB, with media, or a damaged file); export the deck without media (untick \"Include "
          + "media\")"
      }
      let variable = [28, 30, 32].reduce(UInt64(0)) { $0 + UInt64(record.littleEndian(UInt16.self, at: $1)) }
      position += UInt64(recordSize) + variable
    }
    return nil
  }

  /// Where ZIPFoundation will start walking `archive`'s central directory and how many records it expects: the
  /// ZIP64 end record's values when ZIPFoundation found one, else the end record's. ZIPFoundation parsed both but
  /// keeps them internal, so they are read by reflection (as ``AnkiPackageReader/dataOffset(of:)`` reads an
  /// entry's); nil when the layout is not the expected one.
  static func centralDirectory(of archive: Archive) -> (start: UInt64, entries: UInt64)? {
    guard let zip64 = child(archive, "zip64EndOfCentralDirectory") else { return nil }
    let zip64Mirror = Mirror(reflecting: zip64)
    guard zip64Mirror.displayStyle == .optional else { return nil }
    if let some = zip64Mirror.children.first?.value {
      guard let record = child(some, "record"),
        let start = child(record, "offsetToStartOfCentralDirectory") as? UInt64,
        let entries = child(record, "totalNumberOfEntriesInCentralDirectory") as? UInt64
      else { return nil }
      return (start, entries)
    }
    guard let record = child(archive, "endOfCentralDirectoryRecord"),
      let start = child(record, "offsetToStartOfCentralDirectory") as? UInt32,
      let entries = child(record, "totalNumberOfEntriesInCentralDirectory") as? UInt16
    else { return nil }
    return (UInt64(start), UInt64(entries))
  }
}

extension ZipDirectoryCheck {
  /// The stored property `label` of `value`, read by reflection: how fmlab reads what ZIPFoundation parsed but keeps
  /// internal. Nil when there is no such property (a ZIPFoundation version with another layout).
  static func child(_ value: Any, _ label: String) -> Any? {
    Mirror(reflecting: value).children.first { $0.label == label }?.value
  }
}

extension Data {
  /// The little-endian integer at byte `offset` from the start of the data.
  fileprivate func littleEndian<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
    var value = T.zero
    for byte in 0..<MemoryLayout<T>.size {
      value |= T(self[startIndex + offset + byte]) << (8 * byte)
    }
    return value
  }
}
