import ArgumentParser
import Core
import Foundation
import Store

struct SettingsCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "settings",
    abstract: "List your settings, or reset them all ('settings reset').",
    discussion: "Change one with 'set KEY VALUE'; return one to its default with 'unset KEY'.")

  @Argument(help: "'reset' to return every setting to its default, 'history' to list past changes.")
  var action: Action?

  @Flag(name: .shortAndLong, help: "With 'reset': do not ask for confirmation.")
  var yes = false

  enum Action: String, ExpressibleByArgument, CaseIterable {
    case reset, history
  }

  func execute(in session: Session) throws -> CommandOutput {
    let store = try session.store()
    switch action {
    case nil:
      let rows = try SettingsView.rows(stored: store.storedSettings())
      return CommandOutput(text: SettingsView.render(rows, styler: session.styler), json: rows)
    case .history:
      let changes = try store.settingChanges().map {
        SettingsView.Change(key: $0.key, value: $0.value, at: Timestamp.format($0.at))
      }
      return CommandOutput(text: SettingsView.render(changes), json: changes)
    case .reset:
      let changed = try store.storedSettings()
      guard !changed.isEmpty else {
        return CommandOutput(text: "All settings already have their default values.\n", json: ["reset": [String]()])
      }
      if !yes {
        let answer = session.ask(
          "Reset \(changed.count) setting\(changed.count == 1 ? "" : "s") to the defaults?", id: "confirm-reset",
          choices: ["y", "n"])
        guard let answer, ["y", "yes"].contains(answer.lowercased()) else {
          return CommandOutput(text: "Nothing was changed.\n", json: ["reset": [String]()])
        }
      }
      for setting in changed { try store.resetSetting(setting.key, at: session.now) }
      let keys = changed.map(\.key)
      return CommandOutput(text: "Reset \(keys.joined(separator: ", ")).\n", json: ["reset": keys])
    }
  }
}

struct SetCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "set", abstract: "Change a setting: set KEY VALUE.",
    discussion: "Keys: \(SettingsRegistry.keys.joined(separator: ", ")). 'help settings' describes each.")

  @Argument(help: "The setting to change.")
  var key: String

  @Argument(parsing: .allUnrecognized, help: "The new value (several words are joined with spaces).")
  var value: [String] = []

  func validate() throws {
    if value.isEmpty { throw ValidationError("Missing the value: set \(key) VALUE") }
  }

  func execute(in session: Session) throws -> CommandOutput {
    let definition = try SettingsCommand.definition(for: key)
    let raw = value.joined(separator: " ")
    let normalized: String
    switch definition.normalize(raw, session.now) {
    case .success(let value): normalized = value
    case .failure(let error):
      throw CommandFailure.usage("\(key): \(error.message). Accepted: \(definition.accepts).")
    }
    let store = try session.store()
    if normalized == definition.defaultValue {
      try store.resetSetting(key, at: session.now)
    } else {
      try store.setSetting(key, to: normalized, at: session.now)
    }
    return CommandOutput(text: "\(key) = \(normalized)\n", json: ["key": key, "value": normalized])
  }
}

struct UnsetCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "unset", abstract: "Return a setting to its default: unset KEY.")

  @Argument(help: "The setting to return to its default.")
  var key: String

  func execute(in session: Session) throws -> CommandOutput {
    let definition = try SettingsCommand.definition(for: key)
    try session.store().resetSetting(key, at: session.now)
    return CommandOutput(
      text: "\(key) = \(definition.defaultValue) (default)\n", json: ["key": key, "value": definition.defaultValue])
  }
}

extension SettingsCommand {
  static func definition(for key: String) throws -> SettingDefinition {
    if let definition = SettingsRegistry.definition(key) { return definition }
    let suggestions = Suggestion.closest(to: key, in: SettingsRegistry.keys)
    var message = "unknown setting '\(key.prefix(60))'"
    message += suggestions.first.map { " — did you mean '\($0)'?" } ?? "."
    message += " Settings: \(SettingsRegistry.keys.joined(separator: ", "))."
    throw CommandFailure.usage(message, suggestions: suggestions)
  }
}
