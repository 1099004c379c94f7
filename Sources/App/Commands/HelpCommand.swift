import ArgumentParser
import Core

struct HelpCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "help",
    abstract: "Show the commands, or help on one command or topic.",
    discussion: "Topics: \(HelpTopics.names.joined(separator: ", ")).",
    aliases: ["?"])

  @Argument(help: "A command (e.g. 'set') or a topic (e.g. 'scripting').")
  var subject: [String] = []

  /// The command list. The dispatcher serves a bare `help` from here directly: parsing it would
  /// cost more than everything else `fmlab help` does (ArgumentParser's reflection at start-up).
  static func overview(_ session: Session) -> CommandOutput {
    CommandOutput(text: HelpView.overview(styler: session.styler), json: HelpView.overviewJSON())
  }

  func execute(in session: Session) throws -> CommandOutput {
    let styler = session.styler
    guard let name = subject.first else { return Self.overview(session) }
    if let command = CommandTable.command(named: name) {
      let text = HelpView.command(command, path: subject, width: session.configuration.columns, styler: styler)
      return CommandOutput(text: text, json: ["command": name, "text": text])
    }
    if let topic = HelpTopics.topic(name) {
      let text = HelpView.topic(topic, styler: styler)
      return CommandOutput(text: text, json: ["topic": name, "text": text])
    }
    let suggestions = Suggestion.closest(to: name, in: CommandTable.names + HelpTopics.names)
    var message = "no command or help topic '\(name.prefix(60))'"
    if let first = suggestions.first { message += " — did you mean '\(first)'?" }
    throw CommandFailure.usage(message + " Type 'help' for the list.", suggestions: suggestions)
  }
}

struct VersionCommand: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "version", abstract: "Show fmlab's version.")

  func execute(in session: Session) throws -> CommandOutput {
    CommandOutput(
      text: "fmlab \(session.configuration.appVersion)\n", json: ["version": session.configuration.appVersion])
  }
}

struct QuitCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "quit", abstract: "Leave fmlab (Ctrl-D does the same). Everything is already saved.",
    aliases: ["exit"])

  func execute(in session: Session) throws -> CommandOutput {
    CommandOutput(text: "", json: ["quit": true], endsSession: true)
  }
}
