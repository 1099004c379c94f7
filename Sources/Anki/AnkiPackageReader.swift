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
    defer { try? FileManager.default.removeItem(at: target) }
    try inflate(byName[chosen]!, from: archive, to: target, scratch: scratch)
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

  /// Inflates one entry into `target`, stopping as soon as it passes a limit.
  private func inflate(_ entry: Entry, from archive: Archive, to target: URL, scratch: URL) throws(AnkiError) {
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
    let compressed = max(Int64(entry.compressedSize), 1)
    let limits = self.limits
    var written: Int64 = 0
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
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
    } catch let error as AnkiError {
      throw error
    } catch {
      throw .unreadableCollection(entry: entry.path, reason: "the zip entry is damaged (\(error))")
    }
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
