import Anki
import Foundation
import TestSupport
import Testing
import ZIPFoundation

/// Packages built to hurt: each is refused with a clear message, and nothing is written outside the scratch folder.
@Suite struct AnkiHostileFileTests {
  /// A zip at `path` with the given entries (name → bytes), deflated or stored.
  static func zip(_ path: String, _ entries: [(String, Data)], compress: Bool = true) throws -> URL {
    let url = URL(fileURLWithPath: path)
    let archive = try Archive(url: url, accessMode: .create)
    for (name, data) in entries {
      try archive.addEntry(
        with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compress ? .deflate : .none,
        provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    return url
  }

  /// A real collection written by fmlab, to put beside hostile entries.
  static func validCollection(in directory: String) throws -> Data {
    let url = try AnkiPackageWriterTests.write(AnkiPackageWriterTests.sampleExport(), to: directory, name: "v.apkg")
    let archive = try Archive(url: url, accessMode: .read)
    var data = Data()
    _ = try archive.extract(archive["collection.anki2"]!) { data.append($0) }
    return data
  }

  static func read(_ url: URL, scratch: String, limits: AnkiLimits = .standard) throws(AnkiError) -> AnkiPackage {
    try AnkiPackageReader(limits: limits).read(packageAt: url, scratch: URL(fileURLWithPath: scratch))
  }

  static func error(_ body: () throws(AnkiError) -> AnkiPackage) -> AnkiError? {
    do {
      _ = try body()
      return nil
    } catch {
      return error
    }
  }

  @Test("zip-slip names ('../x', '/abs', 'a/../../x') refuse the whole package and write nothing anywhere")
  func zipSlip() throws {
    let directory = Fixtures.temporaryDirectory("anki-slip")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let collection = try Self.validCollection(in: directory)
    for name in ["../escaped.txt", "/tmp/fmlab-anki-escaped.txt", "media/../../escaped.txt", "..\\escaped.txt"] {
      let url = try Self.zip(
        directory + "/slip.apkg", [("collection.anki2", collection), (name, Data("pwned".utf8))])
      defer { try? FileManager.default.removeItem(at: url) }
      let error = Self.error { () throws(AnkiError) in try Self.read(url, scratch: directory + "/scratch") }
      #expect(error == .unsafeEntryName(name: name))
      #expect(error?.message.contains("unsafe name") == true)
    }
    #expect(!FileManager.default.fileExists(atPath: (directory as NSString).deletingLastPathComponent + "/escaped.txt"))
    #expect(!FileManager.default.fileExists(atPath: "/tmp/fmlab-anki-escaped.txt"))
    let scratch = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/scratch")) ?? []
    #expect(scratch.isEmpty)
  }

  @Test("a zip bomb is stopped while inflating, by ratio, by entry size and by total size")
  func zipBomb() throws {
    let directory = Fixtures.temporaryDirectory("anki-bomb")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let zeros = Data(count: 32 << 20)
    let url = try Self.zip(directory + "/bomb.apkg", [("collection.anki2", zeros)])
    let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
    #expect(size < 200_000, "32 MiB of zeros deflate to a small file")
    let ratio = Self.error { () throws(AnkiError) in try Self.read(url, scratch: directory + "/s") }
    #expect(ratio == .compressionRatioTooHigh(name: "collection.anki2", limit: 200))
    #expect(ratio?.message.contains("zip bomb") == true)
    let tight = AnkiLimits(maxEntries: 10, maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 30, maxCompressionRatio: 100_000)
    let entry = Self.error { () throws(AnkiError) in try Self.read(url, scratch: directory + "/s", limits: tight) }
    #expect(entry == .entryTooLarge(name: "collection.anki2", limit: 1 << 20))
    let total = AnkiLimits(maxEntries: 10, maxEntryBytes: 1 << 30, maxTotalBytes: 2 << 20, maxCompressionRatio: 100_000)
    let whole = Self.error { () throws(AnkiError) in try Self.read(url, scratch: directory + "/s", limits: total) }
    #expect(whole == .packageTooLarge(limit: 2 << 20))
    // Nothing of the bomb is left behind.
    #expect(((try? FileManager.default.contentsOfDirectory(atPath: directory + "/s")) ?? []).isEmpty)
  }

  @Test("too many entries are refused before anything is inflated")
  func tooManyEntries() throws {
    let directory = Fixtures.temporaryDirectory("anki-many")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let url = try Self.zip(directory + "/many.apkg", (0..<20).map { ("\($0)", Data("x".utf8)) })
    let limits = AnkiLimits(maxEntries: 10, maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 20, maxCompressionRatio: 100)
    let error = Self.error { () throws(AnkiError) in try Self.read(url, scratch: directory + "/s", limits: limits) }
    #expect(error == .tooManyEntries(count: 11, limit: 10))
  }

  @Test("a file that is not a zip, a zip without a collection, and a collection that is not SQLite")
  func notAPackage() throws {
    let directory = Fixtures.temporaryDirectory("anki-notzip")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let text = URL(fileURLWithPath: directory + "/deck.apkg")
    try Data("front,back\nq,a\n".utf8).write(to: text)
    let notZip = Self.error { () throws(AnkiError) in try Self.read(text, scratch: directory + "/s") }
    #expect(notZip == .notAZip(path: "deck.apkg"))
    #expect(notZip?.message.contains("not a zip archive") == true)

    let empty = try Self.zip(directory + "/empty.apkg", [("media", Data("{}".utf8)), ("notes.txt", Data("x".utf8))])
    let none = Self.error { () throws(AnkiError) in try Self.read(empty, scratch: directory + "/s") }
    #expect(none == .noCollection(entries: ["media", "notes.txt"]))
    #expect(none?.message.contains("holds no Anki collection") == true)

    let fake = try Self.zip(directory + "/fake.apkg", [("collection.anki2", Data(repeating: 0x41, count: 5000))])
    let notSQLite = Self.error { () throws(AnkiError) in try Self.read(fake, scratch: directory + "/s") }
    #expect(notSQLite == .notSQLite(entry: "collection.anki2"))
    #expect(notSQLite?.message.contains("not an SQLite database") == true)

    let missing = Self.error { () throws(AnkiError) in
      try Self.read(URL(fileURLWithPath: directory + "/absent.apkg"), scratch: directory + "/s")
    }
    #expect(missing == .cannotRead(path: "absent.apkg", reason: "no such file"))
  }

  @Test("an SQLite file that is not an Anki collection is refused with the reason")
  func foreignSQLite() throws {
    let directory = Fixtures.temporaryDirectory("anki-foreign")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let dbPath = directory + "/foreign.sqlite"
    _ = try GRDBHelpers.makeDatabase(at: dbPath)
    let data = try Data(contentsOf: URL(fileURLWithPath: dbPath))
    let url = try Self.zip(directory + "/foreign.apkg", [("collection.anki21", data)])
    let error = Self.error { () throws(AnkiError) in try Self.read(url, scratch: directory + "/s") }
    #expect(error == .unreadableCollection(entry: "collection.anki21", reason: "it has no 'col' table"))
  }

  @Test("100 MB of media is counted, never read: a damaged byte in it goes unnoticed")
  func hugeMedia() throws {
    let directory = Fixtures.temporaryDirectory("anki-media")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let collection = try Self.validCollection(in: directory)
    let url = URL(fileURLWithPath: directory + "/media.apkg")
    let archive = try Archive(url: url, accessMode: .create)
    try archive.addEntry(
      with: "collection.anki2", type: .file, uncompressedSize: Int64(collection.count), compressionMethod: .deflate,
      provider: { position, size in collection.subdata(in: Int(position)..<Int(position) + size) })
    let chunk = Data((0..<(1 << 16)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
    try archive.addEntry(
      with: "0", type: .file, uncompressedSize: Int64(100 << 20), compressionMethod: .none,
      provider: { _, size in chunk.prefix(size) })
    try archive.addEntry(
      with: "media", type: .file, uncompressedSize: Int64(12), compressionMethod: .none,
      provider: { _, _ in Data("{\"0\":\"a.jpg\"}".utf8.prefix(12)) })
    let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
    #expect(size > 100 << 20)
    // Flip a byte in the middle of the media file's stored data: reading it would fail its CRC-32 check.
    let handle = try FileHandle(forUpdating: url)
    try handle.seek(toOffset: UInt64(size / 2))
    let byte = try #require(try handle.read(upToCount: 1)?.first)
    try handle.seek(toOffset: UInt64(size / 2))
    try handle.write(contentsOf: Data([byte ^ 0xFF]))
    try handle.close()
    let package = try Self.read(url, scratch: directory + "/s")
    #expect(package.mediaEntries == 1)
    #expect(package.notes.count == 4)
    #expect(((try? FileManager.default.contentsOfDirectory(atPath: directory + "/s")) ?? []).isEmpty)
  }

  @Test(
    "zip entry names are judged safe or unsafe",
    arguments: [
      ("collection.anki2", true), ("0", true), ("media", true), ("a/b", true), ("..", false), ("../x", false),
      ("/etc/passwd", false), ("\\x", false), ("C:\\x", false), ("a/../../b", false), ("", false),
      ("a\u{1B}[2J", false),
    ])
  func entryNames(name: String, safe: Bool) {
    #expect(AnkiPackageReader.isSafe(name) == safe)
  }
}
