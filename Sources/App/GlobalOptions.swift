import ArgumentParser
import Terminal

extension ColorMode: ExpressibleByArgument {}

/// The start-up options as plain values; `StartOptions()` equals parsing no options at all
/// (a test keeps the two in step), which lets a run without options skip the parser.
public struct StartOptions: Equatable, Sendable {
  public var dataDir: String?
  public var contentDir: String?
  public var color: ColorMode = .auto
  public var now: String?
  public var seed: UInt64?
  public var json = false
  public var bail = false
  public var version = false

  public init(
    dataDir: String? = nil, contentDir: String? = nil, color: ColorMode = .auto, now: String? = nil,
    seed: UInt64? = nil, json: Bool = false, bail: Bool = false, version: Bool = false
  ) {
    self.dataDir = dataDir
    self.contentDir = contentDir
    self.color = color
    self.now = now
    self.seed = seed
    self.json = json
    self.bail = bail
    self.version = version
  }
}

/// Options that apply to the whole run; they may appear anywhere on fmlab's command line.
public struct GlobalOptions: ParsableArguments {
  @Option(help: "Where progress is kept (also FMLAB_DATA_DIR).")
  public var dataDir: String?

  @Option(help: "The content to use (also FMLAB_CONTENT_DIR).")
  public var contentDir: String?

  @Option(help: "auto: colour only on a terminal, never with NO_COLOR or TERM=dumb.")
  public var color: ColorMode = .auto

  @Option(help: "Pin the clock: 2026-11-26 or 2026-11-26T09:30:00Z.")
  public var now: String?

  @Option(help: "Pin all randomness.")
  public var seed: UInt64?

  @Flag(help: "One JSON object per line for results, errors and questions.")
  public var json = false

  @Flag(help: "In a script, stop at the first failing line.")
  public var bail = false

  @Flag(help: "Print the version and exit.")
  public var version = false

  public init() {}

  /// The parsed values as a plain value.
  public var startOptions: StartOptions {
    StartOptions(
      dataDir: dataDir, contentDir: contentDir, color: color, now: now, seed: seed, json: json, bail: bail,
      version: version)
  }

  /// The start-up options read directly when every word has a plain, valid form (each option
  /// once, a value that is not empty and does not start with '-', a known colour, a whole-number
  /// seed); nil for anything else, which then goes through ArgumentParser (and its messages).
  /// ArgumentParser's parse reflects over every conformance in the binary and is most of the
  /// start-up time; a property test keeps this reading identical to ArgumentParser's.
  public static func quickParse(_ words: [String]) -> StartOptions? {
    var options = StartOptions()
    var seen: Set<String> = []
    var index = 0
    while index < words.count {
      let word = words[index]
      let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      let name = parts[0]
      guard seen.insert(name).inserted else { return nil }
      if flags.contains(word) {
        switch word {
        case "--json": options.json = true
        case "--bail": options.bail = true
        default: options.version = true
        }
        index += 1
        continue
      }
      guard valued.contains(name) else { return nil }
      let value: String
      if parts.count == 2 {
        value = parts[1]
        index += 1
      } else {
        guard index + 1 < words.count else { return nil }
        value = words[index + 1]
        index += 2
      }
      guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
      switch name {
      case "--data-dir": options.dataDir = value
      case "--content-dir": options.contentDir = value
      case "--now": options.now = value
      case "--color":
        guard let mode = ColorMode(rawValue: value) else { return nil }
        options.color = mode
      default:
        guard value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber), let seed = UInt64(value) else { return nil }
        options.seed = seed
      }
    }
    return options
  }

  /// Options with a value, and flags, by their spelled name.
  static let valued = ["--data-dir", "--content-dir", "--color", "--now", "--seed"]
  static let flags = ["--json", "--bail", "--version"]
  /// Options that cannot change inside a running session.
  static let startUpOnlyNames = ["--data-dir", "--content-dir", "--color", "--now", "--seed", "--bail"]

  /// Separates fmlab's global options from the command and its arguments.
  ///
  /// Global options may come before or after the command; `--` ends option processing, and
  /// everything after it belongs to the command.
  public static func split(_ arguments: [String]) -> (global: [String], command: [String]) {
    var global: [String] = []
    var command: [String] = []
    var index = 0
    while index < arguments.count {
      let word = arguments[index]
      if word == "--" {
        command += arguments[(index + 1)...]
        break
      }
      let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
      if valued.contains(name) {
        global.append(word)
        if !word.contains("="), index + 1 < arguments.count {
          global.append(arguments[index + 1])
          index += 1
        }
      } else if flags.contains(word) {
        global.append(word)
      } else {
        command.append(word)
      }
      index += 1
    }
    return (global, command)
  }
}
