// Fuzz target: the REPL's command-line parsing, without running anything.
//
// The input's first line (up to the first "\n", as a script is read; one REPL line per execution, since lines are
// parsed independently) goes through what `Dispatcher.run(line:)` does before it executes a command:
// `CommandLineTokenizer.split`, the `--json` and `-h`/`--help` rewriting, the command-name lookup with its
// suggestions, and `FmlabRoot.parseAsRoot` with ArgumentParser's error and help messages. The whole input is also
// read as fmlab's start-up arguments (`GlobalOptions.split`, `quickParse` and ArgumentParser's
// `GlobalOptions.parse`), checking that the fast reading agrees with ArgumentParser's; inputs with no global option
// at all share one answer, checked once.
//
// Built with -DFUZZING (scripts/fuzz) this is a libFuzzer target; otherwise it replays files:
//   swift run FuzzLineParser Fuzz/LineParser/corpus [MORE FILES OR FOLDERS…]
import App
import ArgumentParser
import Core
import Foundation
import FuzzSupport

/// The body run for every input.
enum LineParserTarget {
  /// Command names and aliases, read once.
  static let names = CommandTable.names

  /// Parses the first line of `bytes`, and the whole input as start-up arguments; throws on a broken invariant.
  static func check(_ bytes: UnsafeRawBufferPointer) throws(Unexpected) {
    let text = String(decoding: bytes, as: UTF8.self)
    if let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first {
      try checkLine(String(line))
    }
    try checkStartUp(text)
  }

  /// What the dispatcher does with one line before executing it.
  static func checkLine(_ line: String) throws(Unexpected) {
    let words: [String]
    do {
      words = try CommandLineTokenizer.split(line)
    } catch {
      guard error.column >= 1, error.column <= line.count, !error.message.isEmpty else {
        throw Unexpected(description: "tokenizer failure out of the line: \(error) for \(line.debugDescription)")
      }
      return
    }
    for word in words where word.contains(where: \.isNewline) && !line.contains(where: \.isNewline) {
      throw Unexpected(description: "a word holds a line break the line did not have: \(line.debugDescription)")
    }
    guard !words.isEmpty else { return }
    let filtered = words.filter { $0 != "--json" }
    guard var name = filtered.first else { return }
    var arguments = filtered
    if name == "-h" || name == "--help" {
      name = "help"
      arguments = ["help"] + filtered.dropFirst()
    } else if filtered.dropFirst().contains(where: { $0 == "-h" || $0 == "--help" }), name != "help" {
      arguments = ["help", name]
      name = "help"
    }
    guard names.contains(name) else {
      let suggestions = Suggestion.closest(to: name, in: names.filter { $0 != "?" })
      for suggestion in suggestions where !names.contains(suggestion) {
        throw Unexpected(description: "suggested '\(suggestion)', which is not a command, for \(name.debugDescription)")
      }
      return
    }
    do {
      _ = try FmlabRoot.parseAsRoot(arguments)
    } catch {
      if FmlabRoot.exitCode(for: error) == .success {
        _ = FmlabRoot.fullMessage(for: error, columns: 80)
      } else if FmlabRoot.message(for: error).isEmpty {
        throw Unexpected(description: "an empty error message for \(arguments.debugDescription)")
      }
    }
  }

  /// The input as fmlab's command line: global options split off and parsed both ways.
  static func checkStartUp(_ text: String) throws(Unexpected) {
    let arguments = text.split(whereSeparator: { $0 == "\n" || $0 == " " }).map(String.init)
    guard arguments.count <= 16 else { return }
    let (global, _) = GlobalOptions.split(arguments)
    if global.isEmpty {
      if let failure = noGlobalOptionsFailure { throw failure }
      return
    }
    try compareReadings(of: global)
  }

  /// What comparing the two readings of no global option at all found (nil: they agree), computed once.
  static let noGlobalOptionsFailure: Unexpected? = {
    do throws(Unexpected) {
      try compareReadings(of: [])
      return nil
    } catch {
      return error
    }
  }()

  /// Both readings of `global`: when `quickParse` reads it, ArgumentParser must read it the same way.
  static func compareReadings(of global: [String]) throws(Unexpected) {
    guard let quick = GlobalOptions.quickParse(global) else { return }
    let parsed: StartOptions
    do {
      parsed = try GlobalOptions.parse(global).startOptions
    } catch {
      throw Unexpected(
        description: "quickParse read \(global.debugDescription) but ArgumentParser rejects it: "
          + GlobalOptions.message(for: error))
    }
    guard parsed == quick else {
      throw Unexpected(
        description: "quickParse and ArgumentParser disagree on \(global.debugDescription): \(quick) vs \(parsed)")
    }
  }
}

#if FUZZING
  /// libFuzzer's entry point: one input per call; a broken invariant traps so libFuzzer saves the input.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
      try LineParserTarget.check(UnsafeRawBufferPointer(start: data, count: size))
    } catch {
      fatalError(error.description)
    }
    return 0
  }
#else
  /// The corpus replayer (see `FuzzReplay`).
  @main enum Replay {
    static func main() {
      FuzzReplay.main(name: "FuzzLineParser") { bytes in
        do throws(Unexpected) {
          try LineParserTarget.check(bytes)
          return nil
        } catch {
          return error
        }
      }
    }
  }
#endif
