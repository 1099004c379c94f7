import Foundation
import ZIPFoundation

/// Reads an Anki package (`.apkg`) safely: limits on entries and inflated sizes enforced while inflating, no entry
/// ever written to a path named in the zip (the collection goes to one fixed file in the caller's scratch
/// directory), media never read.
///
/// Prefers `collection.anki21b` > `collection.anki21` > `collection.anki2`. A zstd-compressed `anki21b` (current
/// Anki's default) cannot be decoded here, so such a package is refused with the export option to use instead of
/// importing the stub `collection.anki2` beside it.
public struct AnkiPackageReader: Sendable {
  /// What the reader accepts.
  public let limits: AnkiLimits

  /// Creates a reader.
  public init(limits: AnkiLimits = .standard) {
    self.limits = limits
  }

  /// The collection file the package's collection is inflated to, inside `scratch`.
  public static let scratchFileName = "import-collection.sqlite"

  /// Reads the package at `url`. `scratch` is a directory the caller owns; the inflated collection is written
  /// there under ``scratchFileName`` and removed before returning.
  public func read(packageAt url: URL, scratch: URL) throws(AnkiError) -> AnkiPackage {
    let shownPath = url.lastPathComponent
    try checkZipSignature(url)
    let archive: Archive
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw .notAZip(path: shownPath)
    }
    try checkCentralDirectory(of: archive, at: url)
    var entries: [Entry] = []
    for entry in archive {
      entries.append(entry)
      if entries.count > limits.maxEntries {
        throw .tooManyEntries(count: entries.count, limit: limits.maxEntries)
      }
      guard Self.isSafe(entry.path) else { throw .unsafeEntryName(name: entry.path) }
    }
    let byName = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    let collectionNames = ["collection.anki21b", "collection.anki21", "collection.anki2"]
    let names = collectionNames.filter { byName[$0] != nil }
    guard let chosen = names.first(where: { $0 != "collection.anki21b" }) ?? names.first else {
      throw .noCollection(entries: entries.map(\.path))
    }
    // Current Anki writes a compressed anki21b beside a stub anki2 that only says "please update".
    if byName["collection.anki21b"] != nil && chosen != "collection.anki21" {
      throw .compressedCollectionUnsupported
    }
    let media = entries.count { !collectionNames.contains($0.path) && !["media", "meta"].contains($0.path) }
    let target = scratch.appendingPathComponent(Self.scratchFileName)
    defer {
      // A collection whose header says WAL makes SQLite create -wal and -shm beside the copy: remove them too.
      for suffix in ["", "-wal", "-shm", "-journal"] {
        try? FileManager.default.removeItem(atPath: target.path + suffix)
      }
    }
    try inflate(byName[chosen]!, from: archive, package: url, to: target, scratch: scratch)
    var package = try AnkiCollectionReader.read(path: target.path, entry: chosen)
    // The stub a current Anki writes for old versions: refuse rather than import "please update" as a card.
    if package.isUpdateStub {
      throw .compressedCollectionUnsupported
    }
    package.mediaEntries = media
    return package
  }

  private func checkZipSignature(_ url: URL) throws(AnkiError) {
    let handle: FileHandle
    do {
      handle = try FileHandle(forReadingFrom: url)
    } catch {
      let exists = FileManager.default.fileExists(atPath: url.path)
      throw .cannotRead(path: url.lastPathComponent, reason: exists ? "permission denied" : "no such file")
    }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 4)) ?? Data()
    guard head.count == 4, head[0] == 0x50, head[1] == 0x4B, [0x03, 0x05].contains(head[2]) else {
      throw .notAZip(path: url.lastPathComponent)
    }
  }

  /// Refuses a package whose central directory ZIPFoundation cannot walk without trapping (``ZipDirectoryCheck``).
  private func checkCentralDirectory(of archive: Archive, at url: URL) throws(AnkiError) {
    let shownPath = url.lastPathComponent
    guard let directory = ZipDirectoryCheck.centralDirectory(of: archive) else {
      throw .damagedZip(
        path: shownPath, reason: "its zip end record has a layout fmlab does not read; export the deck from Anki again")
    }
    let problem: String?
    do {
      let file = try FileHandle(forReadingFrom: url)
      defer { try? file.close() }
      let length = try file.seekToEnd()
      problem = try ZipDirectoryCheck.problem(
        start: directory.start, entries: directory.entries, limit: limits.maxEntries + 1, fileLength: length
      ) { offset, count in
        try file.seek(toOffset: offset)
        return try file.read(upToCount: count)
      }
    } catch {
      throw .cannotRead(path: shownPath, reason: "\(error)")
    }
    if let problem { throw .damagedZip(path: shownPath, reason: problem) }
  }

  /// Inflates one entry into `target`, stopping as soon as it passes a limit.
  private func inflate(
    _ entry: Entry, from archive: Archive, package: URL, to target: URL, scratch: URL
  ) throws(AnkiError) {
    // A ZIP64 extra field can claim sizes past Int64.max (found by fuzzing); such an entry is damaged.
    guard let compressedSize = Int64(exactly: entry.compressedSize), Int64(exactly: entry.uncompressedSize) != nil
    else {
      throw .unreadableCollection(
        entry: entry.path, reason: "its zip entry claims an impossible size (the file is damaged)")
    }
    let files = FileManager.default
    do {
      try files.createDirectory(at: scratch, withIntermediateDirectories: true)
      try? files.removeItem(at: target)
      guard files.createFile(atPath: target.path, contents: nil) else {
        throw AnkiError.cannotWrite(path: target.path, reason: "cannot create the scratch file")
      }
    } catch let error as AnkiError {
      throw error
    } catch {
      throw .cannotWrite(path: scratch.path, reason: "\(error)")
    }
    let handle: FileHandle
    do { handle = try FileHandle(forWritingTo: target) } catch {
      throw .cannotWrite(path: target.path, reason: "\(error)")
    }
    defer { try? handle.close() }
    let compressed = max(compressedSize, 1)
    let limits = self.limits
    var written: Int64 = 0
    let consume: Consumer = { chunk in
      written += Int64(chunk.count)
      if written > limits.maxEntryBytes {
        throw AnkiError.entryTooLarge(name: entry.path, limit: limits.maxEntryBytes)
      }
      if written > limits.maxTotalBytes { throw AnkiError.packageTooLarge(limit: limits.maxTotalBytes) }
      if written > 65_536 && written > compressed * Int64(limits.maxCompressionRatio) {
        throw AnkiError.compressionRatioTooHigh(name: entry.path, limit: limits.maxCompressionRatio)
      }
      try handle.write(contentsOf: chunk)
    }
    do {
      if entry.isCompressed {
        try Self.inflateBounded(entry, package: package, consumer: consume)
      } else {
        _ = try archive.extract(entry, skipCRC32: false, consumer: consume)
      }
    } catch let error as AnkiError {
      throw error
    } catch {
      throw .unreadableCollection(entry: entry.path, reason: "the zip entry is damaged (\(error))")
    }
  }

  /// Inflates a deflated entry from exactly its compressed bytes. ZIPFoundation's own `extract` keeps reading past
  /// a deflate stream that ends without its end marker and, at the end of the file, loops forever (found by
  /// fuzzing: `Fuzz/AnkiImporter/crashes/anki-reader-hangs-in-zipfoundation`); here the provider stops at the
  /// entry's compressed size, so a damaged stream is an error, and the CRC-32 is checked as `extract` does.
  static func inflateBounded(_ entry: Entry, package: URL, consumer: Consumer) throws {
    guard let offset = dataOffset(of: entry) else {
      throw AnkiError.unreadableCollection(
        entry: entry.path, reason: "its zip entry uses a layout fmlab does not read (ZIP64); export the deck again")
    }
    let damaged = AnkiError.unreadableCollection(
      entry: entry.path, reason: "its compressed data ends before the end of the stream (the file is damaged)")
    guard let size = Int64(exactly: entry.compressedSize) else { throw damaged }
    let file = try FileHandle(forReadingFrom: package)
    defer { try? file.close() }
    try file.seek(toOffset: offset)
    let checksum = try Data.decompress(
      size: size, bufferSize: defaultReadChunkSize, skipCRC32: false,
      provider: { position, chunk in
        guard
          let data = try compressedChunk(at: position, count: chunk, size: size, read: { try file.read(upToCount: $0) })
        else { throw damaged }
        return data
      }, consumer: consumer)
    guard checksum == entry.checksum else {
      throw AnkiError.unreadableCollection(
        entry: entry.path, reason: "its checksum does not match (the file is damaged)")
    }
  }

  /// One chunk of an entry's compressed bytes for ZIPFoundation's inflate loop: up to `count` bytes read from
  /// `position`, never past the entry's `size`, then padded with zeros to exactly `count` bytes; nil at or past
  /// `size`, or when the file ends early.
  ///
  /// The padding is what keeps zlib inside the buffer. ZIPFoundation's loop (`Data.decode`, Linux) tells zlib that
  /// every chunk holds the whole buffer size (`stream.avail_in = UInt32(bufferSize)`), whatever the provider
  /// returned, so with a short last chunk a damaged stream that does not end inside the entry's bytes made zlib
  /// read past the chunk into the heap: found by CI's 30-second AddressSanitizer run of Fuzz/AnkiImporter on
  /// 2026-11-27 (a SEGV in `inflate`; input `Fuzz/AnkiImporter/crashes/anki-reader-overreads-in-zlib`). A sound
  /// stream ends before the padding; a damaged one meets zeros (an invalid stored block) and fails, or ends with
  /// output the CRC-32 check refuses, and the next call, past `size`, returns nil.
  static func compressedChunk(
    at position: Int64, count: Int, size: Int64, read: (Int) throws -> Data?
  ) rethrows
    -> Data?
  {
    guard position >= 0, position < size, count > 0 else { return nil }
    guard var data = try read(Int(min(Int64(count), size - position))), !data.isEmpty else { return nil }
    if data.count < count { data.append(Data(count: count - data.count)) }
    return data
  }

  /// Where an entry's compressed bytes start in the package: the offset of its local header plus the header's
  /// fixed 30 bytes, name and extra field. ZIPFoundation parsed these but keeps them internal, so they are read by
  /// reflection rather than by parsing the zip again; nil when the layout is not the expected one or for ZIP64.
  static func dataOffset(of entry: Entry) -> UInt64? {
    let child = ZipDirectoryCheck.child
    guard let directory = child(entry, "centralDirectoryStructure"), let header = child(entry, "localFileHeader"),
      let headerOffset = child(directory, "relativeOffsetOfLocalHeader") as? UInt32, headerOffset != .max,
      let nameLength = child(header, "fileNameLength") as? UInt16,
      let extraLength = child(header, "extraFieldLength") as? UInt16
    else { return nil }
    return UInt64(headerOffset) + 30 + UInt64(nameLength) + UInt64(extraLength)
  }

  /// Whether a zip entry name is relative, stays inside its folder and holds no control characters.
  public static func isSafe(_ name: String) -> Bool {
    guard !name.isEmpty, !name.hasPrefix("/"), !name.hasPrefix("\\") else { return false }
    if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
    let scalars = Array(name.unicodeScalars)
    if scalars.count >= 2, scalars[1] == ":" { return false }  // C:\…
    let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
    return !parts.contains("..")
  }
}
