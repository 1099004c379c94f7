// Fuzz target: the revlog CSV importer (`Interop.RevlogReader`), then what `srs import` does with a good file.
//
// The input is the CSV file's bytes (`RevlogReader.parse(data:)`, no file system). A parse must either give
// every entry with a summary that adds up, or errors with lines inside the file. Entries that parse are then
// replayed through the FSRS scheduler with default parameters (`RevlogReplay.replay` and `replayStates`,
// as `srs import` and `srs replay` do) and turned into optimiser items (`RevlogTraining.items`), checking that
// every memory state is finite.
//
// Built with -DFUZZING (scripts/fuzz) this is a libFuzzer target; otherwise it replays files:
//   swift run FuzzRevlogImporter Fuzz/RevlogImporter/corpus [MORE FILES OR FOLDERS…]
import Foundation
import FuzzSupport
import Interop
import SRS

/// The body run for every input.
enum RevlogTarget {
  /// A small reader, so the row and error limits are reached too.
  static let reader = RevlogReader(maximumBytes: 1 << 20, maximumRows: 200, maximumReportedErrors: 5)
  /// py-fsrs defaults.
  static let replay = try! RevlogReplay(config: SchedulerConfig())

  /// Parses the input as a revlog CSV and checks the result; replays what parsed.
  static func check(_ bytes: UnsafeRawBufferPointer) throws(Unexpected) {
    let data = Data(bytes)
    let lineCount = bytes.reduce(1) { $1 == 0x0A || $1 == 0x0D ? $0 + 1 : $0 }
    switch reader.parse(data: data) {
    case .failure(let errors):
      guard !errors.isEmpty, errors.errors.count <= errors.limit, errors.totalCount >= errors.errors.count else {
        throw Unexpected(description: "inconsistent error list: \(errors.errors.count) of \(errors.totalCount)")
      }
      for error in errors.errors {
        guard !error.message.isEmpty else { throw Unexpected(description: "an empty message for \(error.issue)") }
        if let line = error.line, line < 1 || line > lineCount + 1 {
          throw Unexpected(description: "an error on line \(line) of a \(lineCount)-line file: \(error)")
        }
      }
      _ = errors.description
    case .success(let parsed):
      try checkImport(parsed)
    }
  }

  /// A successful import: the summary adds up and the replay gives finite memory states.
  static func checkImport(_ parsed: RevlogImport) throws(Unexpected) {
    let summary = parsed.summary
    guard summary.imported == parsed.entries.count, summary.rows == summary.imported + summary.skippedCount,
      summary.cards == Set(parsed.entries.map(\.cardID)).count, summary.rows >= 1
    else { throw Unexpected(description: "the summary does not add up: \(summary), \(parsed.entries.count) entries") }
    let steps = replay.replay(parsed.entries)
    guard steps.count == parsed.entries.count else {
      throw Unexpected(description: "\(steps.count) replay steps for \(parsed.entries.count) entries")
    }
    for step in steps {
      guard step.stability.isFinite, step.difficulty.isFinite, step.retrievabilityBefore.isFinite else {
        throw Unexpected(description: "a non-finite memory state: \(step)")
      }
    }
    let states = replay.replayStates(parsed.entries)
    guard states.count == parsed.entries.count else {
      throw Unexpected(description: "\(states.count) replayed states for \(parsed.entries.count) entries")
    }
    _ = RevlogTraining.items(from: parsed.entries)
  }
}

#if FUZZING
  /// libFuzzer's entry point: one input per call; a broken invariant traps so libFuzzer saves the input.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
      try RevlogTarget.check(UnsafeRawBufferPointer(start: data, count: size))
    } catch {
      fatalError(error.description)
    }
    return 0
  }
#else
  /// The corpus replayer (see `FuzzReplay`).
  @main enum Replay {
    static func main() {
      FuzzReplay.main(name: "FuzzRevlogImporter") { bytes in
        do throws(Unexpected) {
          try RevlogTarget.check(bytes)
          return nil
        } catch {
          return error
        }
      }
    }
  }
#endif
