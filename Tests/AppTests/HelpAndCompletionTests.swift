import Foundation
import Terminal
import TestSupport
import Testing

@testable import App

@Suite struct HelpTests {
  @Test func help_listsEveryCommandOfTheTableAndEveryTopic() throws {
    let t = try TestSession()
    t.run("help")
    for command in CommandTable.commands where command.configuration.shouldDisplay {
      #expect(t.sink.output.contains("  \(command._commandName)"), "missing \(command._commandName)")
      #expect(t.sink.output.contains(command.configuration.abstract))
    }
    for topic in HelpTopics.all { #expect(t.sink.output.contains(topic.summary)) }
    // An old name kept working but listed under its new place is left out of the list.
    #expect(!t.sink.output.contains("  export-stats"))
    #expect(t.run("export-stats")[0].status != .success, "still parsed: it asks for its file")
    #expect(t.sink.errors.contains("FILE") || t.sink.errors.contains("file"))
  }

  @Test func helpCommand_showsTheGeneratedUsage() throws {
    let t = try TestSession()
    t.run("help check-content")
    #expect(t.sink.output.contains("USAGE: fmlab check-content [<directory>] [--stats]"))
  }

  @Test func helpTopic_showsTheTopic() throws {
    let t = try TestSession()
    t.run("help exit-codes")
    #expect(t.sink.output.contains("2   usage error"))
    #expect(t.sink.output.contains("13  the database is damaged"))
  }

  @Test func helpForSomethingUnknown_suggests() throws {
    let t = try TestSession()
    #expect(t.run("help scriptng")[0].status == .usage)
    #expect(t.sink.errors.contains("did you mean 'scripting'?"))
  }

  @Test func plainHelp_hasNoEscapeBytes_andColouredHelpHas() throws {
    let plain = try TestSession(color: false)
    plain.run("help")
    #expect(!plain.sink.output.contains("\u{1B}"))
    let coloured = try TestSession(color: true)
    coloured.run("help")
    #expect(coloured.sink.output.contains("\u{1B}[1mCommands\u{1B}[0m"))
  }
}

@Suite struct CompletionTests {
  let completion = CommandCompletion()

  func complete(_ text: String) -> [String] {
    completion.completions(for: CompletionRequest(textBeforeCursor: text))
  }

  @Test func theFirstWord_completesToCommandNames() {
    #expect(CompletionAction.decide(partial: "he", candidates: complete("he")) == .insert("lp "))
    #expect(Set(complete("")).isSuperset(of: ["help", "settings", "set", "check-content", "quit", "exit"]))
  }

  @Test func settingKeys_completeAfterSetAndUnset() {
    #expect(complete("set ").contains("desired-retention"))
    #expect(CompletionAction.decide(partial: "exam-d", candidates: complete("unset exam-d")) == .insert("ate "))
    #expect(CompletionAction.decide(partial: "exam", candidates: complete("unset exam")) == .insert("-"))
    #expect(complete("set exam-date ").isEmpty)
  }

  @Test func enumeratedArguments_completeFromTheCommandTable() {
    #expect(Set(complete("settings ")) == ["reset", "history"])
  }

  @Test func options_completeFromTheCommandTable() {
    #expect(complete("check-content --").contains("--stats"))
    #expect(complete("settings -").contains("--yes"))
  }

  @Test func help_completesCommandsAndTopics() {
    #expect(complete("help ").contains("scripting"))
    #expect(complete("help ").contains("doctor"))
  }

  @Test func laterFeatures_canRegisterIdCompleters() {
    let extended = CommandCompletion(extra: ["doctor": { _ in ["model-a", "model-b"] }])
    #expect(extended.completions(for: CompletionRequest(words: ["doctor"], partial: "mo")) == ["model-a", "model-b"])
  }
}

@Suite struct HelpFastPathTests {
  @Test func aBareHelpPrintsWhatTheParsedHelpCommandPrints() throws {
    let fast = try TestSession()
    fast.run("help")
    let parsed = try TestSession()
    let command = try #require(try FmlabRoot.parseAsRoot(["help"]) as? any FmlabCommand)
    let output = try command.execute(in: parsed.session)
    #expect(fast.sink.output == output.text)
    let json = try TestSession(json: true)
    json.run("?")
    #expect(json.jsonLines().first?["command"] as? String == "help")
  }
}
