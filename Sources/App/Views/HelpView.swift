import ArgumentParser
import Terminal

/// Help text generated from the command table.
enum HelpView {
  static func overview(styler: Styler) -> String {
    var out = styler.bold("fmlab") + " — a terminal study lab for the AWS Certified AI Practitioner exam (AIF-C01)\n\n"
    out += styler.bold("Commands") + "\n"
    let rows = CommandTable.commands.filter { $0.configuration.shouldDisplay }.map { command -> (String, String) in
      let aliases = command.configuration.aliases.filter { $0.count > 1 }
      let name = command._commandName + (aliases.isEmpty ? "" : " (\(aliases.joined(separator: ", ")))")
      return (name, command.configuration.abstract)
    }
    let width = (rows.map(\.0.count).max() ?? 0) + 2
    for (name, abstract) in rows {
      out += "  " + styler.accent(name) + String(repeating: " ", count: width - name.count) + abstract + "\n"
    }
    out += "\n" + styler.bold("Help topics") + "\n"
    let topicWidth = (HelpTopics.all.map(\.name.count).max() ?? 0) + 2
    for topic in HelpTopics.all {
      out +=
        "  " + styler.accent(topic.name) + String(repeating: " ", count: topicWidth - topic.name.count)
        + topic.summary + "\n"
    }
    out += "\nType 'help COMMAND' or 'help TOPIC' for more. Tab completes; Ctrl-R searches history; Ctrl-D quits.\n"
    return out
  }

  struct OverviewJSON: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
      var name: String
      var aliases: [String]
      var summary: String
    }
    var commands: [Entry]
    var topics: [Entry]
  }

  static func overviewJSON() -> OverviewJSON {
    OverviewJSON(
      commands: CommandTable.commands.filter { $0.configuration.shouldDisplay }.map {
        .init(name: $0._commandName, aliases: $0.configuration.aliases, summary: $0.configuration.abstract)
      },
      topics: HelpTopics.all.map { .init(name: $0.name, aliases: [], summary: $0.summary) })
  }

  /// ArgumentParser's generated help for one command (usage, arguments, options).
  static func command(_ command: any FmlabCommand.Type, path: [String], width: Int, styler: Styler) -> String {
    // `help s3 cp`: the subcommand's own help when the path names one.
    var target: any ParsableCommand.Type = command
    for name in path.dropFirst() {
      guard
        let sub = target.configuration.subcommands.first(where: {
          $0._commandName == name || $0.configuration.aliases.contains(name)
        })
      else { break }
      target = sub
    }
    var text = FmlabRoot.helpMessage(for: target, columns: width)
    if !text.hasSuffix("\n") { text += "\n" }
    guard styler.enabled else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.hasSuffix(":") && line.uppercased() == line ? styler.bold(String(line)) : String(line)
    }.joined(separator: "\n")
  }

  static func topic(_ topic: HelpTopics.Topic, styler: Styler) -> String {
    styler.bold(topic.title) + "\n\n" + topic.body + (topic.body.hasSuffix("\n") ? "" : "\n")
  }
}
