import ArgumentParser
import Foundation
import Terminal

/// Tab completion generated from the command table: command names, subcommand and argument
/// values, option names, and ids from providers that later features register.
public struct CommandCompletion: CompletionProvider {
  /// Completes the positional arguments of one command; gets the words typed after the command name.
  public typealias ArgumentCompleter = @Sendable (_ arguments: [String]) -> [String]

  struct CommandInfo: Sendable {
    var name: String
    var options: [String]
    var positionalValues: [[String]]
  }

  let commandNames: [String]
  let argumentCompleters: [String: ArgumentCompleter]

  /// Cheap to create: a command's options are read from the command table only when Tab
  /// is pressed after it, so start-up pays nothing for completion.
  public init(extra: [String: ArgumentCompleter] = [:]) {
    commandNames = CommandTable.names.filter { $0 != "?" }
    var completers: [String: ArgumentCompleter] = [
      "help": { _ in CommandTable.names.filter { $0 != "?" } + HelpTopics.names },
      "set": { arguments in arguments.isEmpty ? SettingsRegistry.keys : [] },
      "unset": { arguments in arguments.isEmpty ? SettingsRegistry.keys : [] },
      "export": { arguments in arguments.isEmpty ? ["anki", "stats", "revlog"] : [] },
      "import": { arguments in arguments.isEmpty ? ["anki", "revlog"] : [] },
    ]
    completers.merge(extra) { _, new in new }
    argumentCompleters = completers
  }

  public func completions(for request: CompletionRequest) -> [String] {
    guard let first = request.words.first else { return commandNames }
    guard let command = CommandTable.command(named: first) else { return [] }
    let info = CommandCompletion.describe(command)
    if request.partial.hasPrefix("-") { return info.options + ["--json"] }
    let arguments = Array(request.words.dropFirst())
    if let completer = argumentCompleters[info.name] { return completer(arguments) }
    let positional = arguments.filter { !$0.hasPrefix("-") }.count
    return positional < info.positionalValues.count ? info.positionalValues[positional] : []
  }

  /// Reads a command's options and enumerated argument values from ArgumentParser's help dump.
  static func describe(_ command: any FmlabCommand.Type) -> CommandInfo {
    let name = command._commandName
    var options: [String] = []
    var positional: [[String]] = []
    do {
      _ = try FmlabRoot.parseAsRoot([name, "--experimental-dump-help"])
    } catch {
      let text = FmlabRoot.fullMessage(for: error)
      if let data = text.data(using: .utf8), let dump = try? JSONDecoder().decode(HelpDump.self, from: data) {
        for argument in dump.command.arguments ?? [] {
          if argument.kind == "positional" {
            positional.append(argument.allValues ?? [])
          } else {
            options += (argument.names ?? []).filter { $0.kind == "long" }.map { "--" + $0.name }
          }
        }
      }
    }
    return CommandInfo(name: name, options: options.filter { $0 != "--help" }, positionalValues: positional)
  }

  /// The part of ArgumentParser's `--experimental-dump-help` JSON that completion uses.
  struct HelpDump: Decodable {
    var command: Command
    struct Command: Decodable {
      var arguments: [Argument]?
    }
    struct Argument: Decodable {
      var kind: String
      var names: [Name]?
      var allValues: [String]?
    }
    struct Name: Decodable {
      var kind: String
      var name: String
    }
  }
}
