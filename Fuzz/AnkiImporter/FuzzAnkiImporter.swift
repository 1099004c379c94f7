// Fuzz target: the Anki package importer (`Anki.AnkiPackageReader`), then what `import anki` does with a package.
//
// The first byte chooses what the rest of the input is: 'p' (any even byte) the `.apkg` file itself; 'c' (any
// odd byte) the collection's SQLite file, which is zipped as `collection.anki21` first, so the fuzzer can reach
// the collection reader without having to forge zip CRCs. The package is written to a temporary folder (the
// reader takes a file) and read with small limits. A read must succeed or throw an `AnkiError` with a message,
// and leave nothing in its scratch folder. A package that reads is turned into user cards
// (`AnkiUserCards.make`), whose text must hold no terminal control characters, and each card's reviews are
// answered through the FSRS scheduler in time order, as `import anki` replays them.
//
// Built with -DFUZZING (scripts/fuzz) this is a libFuzzer target; otherwise it replays files:
//   swift run FuzzAnkiImporter Fuzz/AnkiImporter/corpus [MORE FILES OR FOLDERS…]
import Anki
import Foundation
import FuzzSupport
import SRS
import ZIPFoundation

/// The body run for every input.
enum AnkiTarget {
  /// A folder of this process's own: the package file and the reader's scratch folder.
  static let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("fmlab-fuzz-anki-\(ProcessInfo.processInfo.processIdentifier)")
  static let package = folder.appendingPathComponent("input.apkg")
  static let scratch = folder.appendingPathComponent("scratch")
  /// Small limits, so every limit is reachable.
  static let reader = AnkiPackageReader(
    limits: AnkiLimits(maxEntries: 16, maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 20, maxCompressionRatio: 50))
  /// py-fsrs defaults, as a learner who changed nothing has.
  static let scheduler = try! Scheduler(config: SchedulerConfig())

  /// Removes `folder` when the process exits normally (libFuzzer ends a timed run with `exit`).
  static let removeFolderAtExit: Void = {
    atexit { try? FileManager.default.removeItem(at: AnkiTarget.folder) }
  }()

  /// Reads the input as a package (or a collection, zipped first) and checks what comes out.
  static func check(_ bytes: UnsafeRawBufferPointer) throws(Unexpected) {
    _ = removeFolderAtExit
    guard let selector = bytes.first else { return }
    let body = Data(bytes.dropFirst())
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try? FileManager.default.removeItem(at: package)
      if selector % 2 == 0 {
        try body.write(to: package)
      } else {
        let archive = try Archive(url: package, accessMode: .create)
        try archive.addEntry(
          with: "collection.anki21", type: .file, uncompressedSize: Int64(body.count),
          modificationDate: Date(timeIntervalSince1970: 1_767_225_600), compressionMethod: .none
        ) { position, size in body.subdata(in: Int(position)..<Int(position) + size) }
      }
    } catch {
      throw Unexpected(description: "cannot write the input package: \(error)")
    }
    let read: AnkiPackage
    do {
      read = try reader.read(packageAt: package, scratch: scratch)
    } catch {
      guard !error.message.isEmpty else { throw Unexpected(description: "an empty message for \(error)") }
      try checkScratchIsEmpty()
      return
    }
    try checkScratchIsEmpty()
    try checkCards(AnkiUserCards.make(from: read))
  }

  /// The reader removes the collection it inflated, whatever happened.
  static func checkScratchIsEmpty() throws(Unexpected) {
    let left = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) ?? []
    guard left.isEmpty else { throw Unexpected(description: "the reader left \(left) in its scratch folder") }
  }

  /// Card text is safe for a terminal, and every card's reviews replay through the scheduler.
  static func checkCards(_ result: AnkiUserCards.Result) throws(Unexpected) {
    for card in result.cards {
      for text in [card.id, card.front, card.back, card.deck] + card.tags {
        if let bad = text.unicodeScalars.first(where: isUnsafe) {
          throw Unexpected(description: "card \(card.id.debugDescription) holds U+\(String(bad.value, radix: 16))")
        }
      }
      guard !card.front.isEmpty else { throw Unexpected(description: "card \(card.id) has an empty front") }
      var state = CardState.new
      for review in card.reviews.sorted(by: { $0.time < $1.time }) {
        state = scheduler.review(state, rating: review.rating, at: review.time).card
      }
      if let memory = state.memory, !memory.stability.isFinite || !memory.difficulty.isFinite {
        throw Unexpected(description: "card \(card.id) replays to a non-finite memory state \(memory)")
      }
    }
  }

  /// C0 and C1 controls other than tab and newline, and bidirectional overrides: what the sanitiser removes.
  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}

#if FUZZING
  /// libFuzzer's entry point: one input per call; a broken invariant traps so libFuzzer saves the input.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
      try AnkiTarget.check(UnsafeRawBufferPointer(start: data, count: size))
    } catch {
      fatalError(error.description)
    }
    return 0
  }
#else
  /// The corpus replayer (see `FuzzReplay`).
  @main enum Replay {
    static func main() {
      FuzzReplay.main(name: "FuzzAnkiImporter", cleanup: { try? FileManager.default.removeItem(at: AnkiTarget.folder) })
      { bytes in
        do throws(Unexpected) {
          try AnkiTarget.check(bytes)
          return nil
        } catch {
          return error
        }
      }
    }
  }
#endif
