import Foundation
import GRDB
import SRS
import TestSupport
import Testing
import ZIPFoundation

@testable import Anki

/// Collections that trapped the importer, written while building Fuzz/AnkiImporter and confirmed with its replayer;
/// both were fixed in `Sources/Anki` the same day (non-trapping column reads; review times outside 1970–2100 left
/// out). The same inputs are fuzz seeds: Fuzz/AnkiImporter/corpus/collection-null-ids and
/// collection-review-at-int64-max ('c' + the collection's SQLite bytes).
@Suite struct FuzzAnkiRegressionTests {
  /// The `col`, `notes` and `cards` tables of a schema-11 collection, cut to the columns the reader uses.
  static let schema = """
    CREATE TABLE col (crt integer, models text, decks text);
    CREATE TABLE notes (id integer primary key, guid text, mid integer, tags text, flds text);
    CREATE TABLE cards (id integer primary key, nid integer, did integer, ord integer, type integer,
      queue integer, due integer, ivl integer, reps integer, lapses integer);
    """

  /// A package at `directory/name.apkg` holding one collection.anki21 made by the SQL statements `sql`, in WAL
  /// journal mode when `wal` is true (its header then says so).
  static func package(in directory: String, name: String, sql: String, wal: Bool = false) throws -> URL {
    let collection = directory + "/" + name + ".sqlite"
    let queue = try DatabaseQueue(path: collection)
    if wal { try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") } }
    try queue.write { db in try db.execute(sql: sql) }
    try queue.close()
    let data = try Data(contentsOf: URL(fileURLWithPath: collection))
    let url = URL(fileURLWithPath: directory + "/" + name + ".apkg")
    let archive = try Archive(url: url, accessMode: .create)
    try archive.addEntry(
      with: "collection.anki21", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
      provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    return url
  }

  static let basicModels =
    #"{"1": {"id": 1, "name": "Basic", "type": 0, "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}]}}"#

  /// Found 2026-11-26: `AnkiCollectionReader` read `notes.id` and `cards.id` as non-optional Int64, and GRDB
  /// trapped ("could not decode Int64 from database value NULL") when a hostile collection's table allows NULL.
  @Test("a collection whose notes have a NULL id is refused with a message, not a trap")
  func nullNoteID() throws {
    let directory = Fixtures.temporaryDirectory("anki-fuzz-null-id")
    defer { Fixtures.remove(directory) }
    let url = try Self.package(
      in: directory, name: "null-id",
      sql: """
        CREATE TABLE col (crt integer, models text, decks text);
        CREATE TABLE notes (id, guid, mid, tags, flds);
        CREATE TABLE cards (id, nid, did, ord, type, queue, due, ivl, reps, lapses);
        INSERT INTO col VALUES (1, '\(Self.basicModels)', '{}');
        INSERT INTO notes VALUES (NULL, 'g', 1, '', 'front' || char(31) || 'back');
        """)
    do {
      let package = try AnkiPackageReader().read(packageAt: url, scratch: URL(fileURLWithPath: directory + "/s"))
      Issue.record("read \(package.notes.count) notes from a collection with a NULL note id")
    } catch {
      guard case .unreadableCollection = error else {
        Issue.record("expected unreadableCollection, got \(error)")
        return
      }
      #expect(error.message.contains("nothing was imported"))
    }
  }

  /// Found 2026-11-26: a review-log id (the review time in ms) of Int64.max became a review in 292 million years,
  /// and replaying it, as `import anki` does, trapped in `SRS.Scheduler.fuzzSeed` ("Double value cannot be
  /// converted to Int64"). `AnkiUserCards` now leaves such rows out (the revlog CSV reader refuses them too).
  @Test("a review-log row at Int64.max milliseconds is left out, and the card's other reviews replay")
  func reviewAtInt64Max() throws {
    let directory = Fixtures.temporaryDirectory("anki-fuzz-int64")
    defer { Fixtures.remove(directory) }
    let url = try Self.package(
      in: directory, name: "late",
      sql: """
        \(Self.schema)
        CREATE TABLE revlog (id integer primary key, cid integer, ease integer, ivl integer, lastIvl integer,
          factor integer, time integer, type integer);
        INSERT INTO col VALUES (1, '\(Self.basicModels)', '{}');
        INSERT INTO notes VALUES (1, 'g', 1, '', 'front' || char(31) || 'back');
        INSERT INTO cards VALUES (10, 1, 1, 0, 2, 2, 20, 3, 2, 0);
        INSERT INTO revlog VALUES (1700000000000, 10, 3, 1, 0, 2500, 100, 1);
        INSERT INTO revlog VALUES (9223372036854775807, 10, 3, 1, 0, 2500, 100, 1);
        """)
    let package = try AnkiPackageReader().read(packageAt: url, scratch: URL(fileURLWithPath: directory + "/s"))
    let converted = AnkiUserCards.make(from: package)
    #expect(converted.cards.count == 1 && converted.skippedReviews == 1)
    let reviews = converted.cards.flatMap(\.reviews)
    #expect(reviews.map(\.time) == [Date(timeIntervalSince1970: 1_700_000_000)])
    let scheduler = try Scheduler(config: SchedulerConfig())
    var state = CardState.new
    for review in reviews { state = scheduler.review(state, rating: review.rating, at: review.time).card }
    #expect(state.memory.map { $0.stability.isFinite && $0.stability > 0 } == true)
  }

  /// Found by Fuzz/AnkiImporter on 2026-11-26 (input: Fuzz/AnkiImporter/crashes/anki-reader-leaves-wal-and-shm):
  /// a collection whose header says WAL (read and write versions 2) makes SQLite create `-wal` and `-shm` files
  /// beside the scratch copy, and the reader removes only the copy. A later read in the same scratch folder could
  /// then meet another package's WAL. The reader now removes them with the copy.
  @Test("reading a WAL-mode collection leaves nothing in the scratch folder")
  func walCollectionLeavesNothing() throws {
    let directory = Fixtures.temporaryDirectory("anki-fuzz-wal")
    defer { Fixtures.remove(directory) }
    let url = try Self.package(
      in: directory, name: "wal",
      sql: """
        \(Self.schema)
        INSERT INTO col VALUES (1, '\(Self.basicModels)', '{}');
        INSERT INTO notes VALUES (1, 'g', 1, '', 'front' || char(31) || 'back');
        INSERT INTO cards VALUES (10, 1, 1, 0, 0, 0, 1, 0, 0, 0);
        """, wal: true)
    let scratch = directory + "/scratch"
    let package = try AnkiPackageReader().read(packageAt: url, scratch: URL(fileURLWithPath: scratch))
    #expect(package.notes.count == 1)
    let left = (try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? []
    #expect(left.isEmpty, Comment(rawValue: "left in the scratch folder: \(left)"))
  }

  /// Found by `scripts/fuzz 30` on 2026-11-26 (input: Fuzz/AnkiImporter/crashes/anki-reader-hangs-in-zipfoundation,
  /// 'p' + a 1,183-byte package): inflating its collection entry spins in ZIPFoundation's `readCompressed` for
  /// over a minute (CPU-bound, no output reaches the size checks), so `import anki` of such a file never returns.
  /// Fixed by inflating from exactly the entry's compressed bytes (`AnkiPackageReader.inflateBounded`); the time
  /// limit makes a return of the hang a failure, not a stuck test run.
  @Test(
    "a package whose deflate stream is damaged is refused promptly", .timeLimit(.minutes(1)))
  func damagedDeflateStream() throws {
    let directory = Fixtures.temporaryDirectory("anki-fuzz-hang")
    defer { Fixtures.remove(directory) }
    let url = try Self.packageFromCrashInput("anki-reader-hangs-in-zipfoundation", in: directory)
    #expect(throws: AnkiError.self) {
      try AnkiPackageReader().read(packageAt: url, scratch: URL(fileURLWithPath: directory + "/scratch"))
    }
  }

  /// Found by a volume run of Fuzz/AnkiImporter (no ASan, kept corpus) on 2026-11-26 after 545,000 executions
  /// (input: Fuzz/AnkiImporter/crashes/anki-reader-traps-on-zip64-size, 'p' + a 150-byte package): its
  /// central directory entry carries a ZIP64 extra field, so ZIPFoundation reports a compressed size past
  /// Int64.max, and converting it to Int64 trapped. Such a package is damaged: refused with a message.
  @Test("a package whose zip entry claims a size past Int64.max is refused, not a trap")
  func zip64SizePastInt64() throws {
    let error = try Self.refusal(ofCrashInput: "anki-reader-traps-on-zip64-size")
    #expect(!error.message.isEmpty)
  }

  /// Found by a volume run of Fuzz/AnkiImporter (no ASan, kept corpus) on 2026-11-27 after 527,841 executions of
  /// that run (input: Fuzz/AnkiImporter/crashes/anki-reader-traps-in-zipfoundation-readstruct, 'p' + a 269-byte
  /// package): its central-directory record marks the local-header offset as ZIP64 and its extra field gives an
  /// offset past Int64.max; walking the entries, ZIPFoundation's `Data.readStruct` converted it to `off_t` and
  /// trapped. Fixed by `ZipDirectoryCheck`, run before the walk (`ZipDirectoryCheckTests` checks it in detail).
  @Test("a package whose zip entry's local header lies past Int64.max is refused before ZIPFoundation reads it")
  func zip64OffsetPastInt64() throws {
    let error = try Self.refusal(ofCrashInput: "anki-reader-traps-in-zipfoundation-readstruct")
    guard case .damagedZip(let path, let reason) = error else {
      Issue.record("refused with \(error), not as a damaged zip")
      return
    }
    #expect(path == "input.apkg")
    #expect(reason.contains("ZIP64"), Comment(rawValue: reason))
  }

  /// Found by CI's 30-second AddressSanitizer run of Fuzz/AnkiImporter on 2026-11-27 (a SEGV inside zlib's
  /// `inflate`; input Fuzz/AnkiImporter/crashes/anki-reader-overreads-in-zlib, 'p' + a 1,183-byte package whose
  /// deflate stream is damaged): ZIPFoundation's inflate loop tells zlib every chunk is full-size, and the reader's
  /// last chunk of an entry was shorter, so zlib read past it into the heap. Without ASan the over-read is silent
  /// (it crashed only when the bytes after the chunk were unmapped), so this test records the input and its
  /// message; `chunksAreAlwaysTheSizeAsked` checks the fix itself.
  @Test("a package whose deflate stream runs past the entry's bytes is refused as damaged")
  func deflateStreamPastTheEntry() throws {
    let error = try Self.refusal(ofCrashInput: "anki-reader-overreads-in-zlib")
    #expect(error.message.contains("damaged"), Comment(rawValue: error.message))
  }

  /// The fix for the over-read above: whatever the entry's size and the position, a chunk is exactly the size
  /// ZIPFoundation asked for (what it tells zlib), holds the entry's bytes from that position and zeros after them,
  /// and nothing is read past the entry's end.
  @Test("compressed chunks are always the size asked: the entry's bytes, then zeros; nil past the end")
  func chunksAreAlwaysTheSizeAsked() {
    let bytes = Data((0..<40).map { UInt8($0 + 1) })
    for size in Int64(0)...40 {
      for position in Int64(0)...42 {
        for count in [1, 7, 16, 64] {
          var asked: [Int] = []
          let chunk = AnkiPackageReader.compressedChunk(at: position, count: count, size: size) { wanted in
            asked.append(wanted)
            let start = Int(position)
            return bytes.subdata(in: start..<min(start + wanted, bytes.count))
          }
          let place = Comment(rawValue: "size \(size), position \(position), count \(count)")
          guard position < size else {
            #expect(chunk == nil && asked.isEmpty, place)
            continue
          }
          let expectedBytes = Int(min(Int64(count), size - position))
          #expect(asked == [expectedBytes], place)
          #expect(chunk?.count == count, place)
          #expect(
            chunk?.prefix(expectedBytes) == bytes.subdata(in: Int(position)..<Int(position) + expectedBytes), place)
          #expect(chunk?.dropFirst(expectedBytes).allSatisfy { $0 == 0 } == true, place)
        }
      }
    }
    // A file that ends early gives nil, not a chunk of zeros.
    #expect(AnkiPackageReader.compressedChunk(at: 0, count: 8, size: 8) { _ in Data() } == nil)
    #expect(AnkiPackageReader.compressedChunk(at: 0, count: 8, size: 8) { _ in nil } == nil)
  }

  /// The error reading the package in the crash input `name` fails with (the test fails if it is read, or fails
  /// otherwise), having checked that the read left nothing in its scratch folder.
  static func refusal(ofCrashInput name: String) throws -> AnkiError {
    let directory = Fixtures.temporaryDirectory("anki-fuzz-" + name)
    defer { Fixtures.remove(directory) }
    let url = try packageFromCrashInput(name, in: directory)
    let scratch = URL(fileURLWithPath: directory + "/scratch")
    let error = try #require(throws: AnkiError.self) {
      try AnkiPackageReader().read(packageAt: url, scratch: scratch)
    }
    let left = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) ?? []
    #expect(left.isEmpty, Comment(rawValue: "left in the scratch folder: \(left)"))
    return error
  }

  /// The package in a 'p' crash input of Fuzz/AnkiImporter/crashes (the input without its selector byte), written to
  /// `directory/input.apkg`.
  static func packageFromCrashInput(_ name: String, in directory: String) throws -> URL {
    let input = try Data(
      contentsOf: URL(fileURLWithPath: Fixtures.repositoryRoot + "/Fuzz/AnkiImporter/crashes/" + name))
    let url = URL(fileURLWithPath: directory + "/input.apkg")
    try input.dropFirst().write(to: url)
    return url
  }
}
