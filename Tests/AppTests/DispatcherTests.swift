import Core
import Foundation
import TestSupport
import Testing

@testable import App

@Suite struct DispatcherTests {
  @Test func aMisspeltCommand_isAUsageErrorThatSuggestsTheNearestCommand() throws {
    let t = try TestSession()
    let outcome = t.run("hlep")[0]
    #expect(outcome.status == .usage)
    #expect(
      t.sink.errors == "error: unknown command 'hlep' — did you mean 'help'? Type 'help' for the list of commands.\n")
    #expect(t.sink.output.isEmpty)
  }

  @Test func aWordFarFromEveryCommand_getsNoSuggestion() throws {
    let t = try TestSession()
    t.run("xylophone")
    #expect(t.sink.errors == "error: unknown command 'xylophone'. Type 'help' for the list of commands.\n")
  }

  @Test func anUnknownOption_isAUsageErrorNamingTheOption() throws {
    let t = try TestSession()
    #expect(t.run("settings --bogus")[0].status == .usage)
    #expect(t.sink.errors.contains("Unknown option '--bogus'"))
    #expect(t.sink.errors.contains("see 'help settings'"))
  }

  @Test func aMissingArgument_isAUsageError() throws {
    let t = try TestSession()
    #expect(t.run("set daily-new-limit")[0].status == .usage)
    #expect(t.sink.errors.contains("Missing the value: set daily-new-limit VALUE"))
    #expect(t.run("unset")[0].status == .usage)
  }

  @Test func anExtraArgument_isAUsageError() throws {
    let t = try TestSession()
    #expect(t.run("unset daily-new-limit extra")[0].status == .usage)
    #expect(t.sink.errors.contains("Unexpected argument 'extra'"))
  }

  @Test func anEmptyLineOrAComment_runsNothing() throws {
    let t = try TestSession()
    let outcomes = t.run("", "   ", "# a comment", "  # indented comment")
    #expect(outcomes.allSatisfy { $0.status == .success && !$0.ranCommand })
    #expect(t.sink.output.isEmpty && t.sink.errors.isEmpty)
  }

  @Test func anUnterminatedQuote_saysWhere() throws {
    let t = try TestSession()
    #expect(t.run("set exam-date \"2027")[0].status == .usage)
    #expect(t.sink.errors == "error: cannot read the line: column 15: unterminated double quote\n")
  }

  @Test func aOneMegabyteLine_isRejectedQuicklyWithAShortMessage() throws {
    let t = try TestSession()
    let line = String(repeating: "x", count: 1_048_576)
    let start = Date()
    #expect(t.run(line)[0].status == .usage)
    #expect(t.sink.errors.count < 200)
    #expect(t.sink.errors.contains("unknown command 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'"))
    #expect(Date().timeIntervalSince(start) < 5)
  }

  @Test func aStartUpOptionInsideTheREPL_isExplained() throws {
    let t = try TestSession()
    #expect(t.run("settings --data-dir /tmp/x")[0].status == .usage)
    #expect(t.sink.errors.contains("--data-dir is a start-up option"))
  }

  @Test func helpFlagsOnACommand_printItsGeneratedHelp() throws {
    let t = try TestSession()
    #expect(t.run("set --help")[0].status == .success)
    #expect(t.sink.output.contains("USAGE: fmlab set <key> [<value> ...]"))
  }

  @Test func quit_endsTheSession() throws {
    let t = try TestSession()
    #expect(t.run("quit")[0].endsSession)
    #expect(t.run("exit")[0].endsSession)
  }
}

@Suite struct JSONModeTests {
  @Test func everyResultAndErrorIsOneJSONObjectPerLine() throws {
    let t = try TestSession(json: true)
    t.run("set daily-new-limit 12", "hlep", "settings")
    let lines = t.sink.output.split(separator: "\n")
    #expect(lines.count == 3)
    let objects = t.jsonLines()
    #expect(objects.count == 3)
    #expect(objects[0]["type"] as? String == "result")
    #expect(objects[0]["command"] as? String == "set")
    #expect((objects[0]["data"] as? [String: Any])?["value"] as? String == "12")
    #expect(objects[1]["type"] as? String == "error")
    #expect(objects[1]["status"] as? Int == 2)
    #expect(objects[1]["suggestions"] as? [String] == ["help"])
    let rows = try #require(objects[2]["data"] as? [[String: Any]])
    let row = try #require(rows.first { $0["key"] as? String == "daily-new-limit" })
    #expect(row["value"] as? String == "12")
    #expect(row["isDefault"] as? Bool == false)
    #expect(t.sink.errors.isEmpty)
  }

  @Test func jsonOnOneREPLLine_appliesToThatLineOnly() throws {
    let t = try TestSession()
    t.run("version --json", "version")
    let lines = t.sink.output.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("{"))
    #expect(lines[1] == "fmlab test")
  }

  @Test func aQuestionIsAPromptObjectAndTheAnswerIsTheNextLine() throws {
    let reader = ScriptedLineReader(lines: ["y"])
    let t = try TestSession(json: true, reader: reader)
    t.run("set daily-new-limit 3", "settings reset")
    let objects = t.jsonLines()
    #expect(objects.map { $0["type"] as? String } == ["result", "prompt", "result"])
    let prompt = try #require(objects[1]["data"] as? [String: Any])
    #expect(prompt["id"] as? String == "confirm-reset")
    #expect(prompt["choices"] as? [String] == ["y", "n"])
    #expect((objects[2]["data"] as? [String: Any])?["reset"] as? [String] == ["daily-new-limit"])
  }
}

@Suite struct StartOptionsTests {
  @Test func theDefaultsEqualParsingNoOptions() throws {
    #expect(try GlobalOptions.parse([]).startOptions == StartOptions())
  }

  @Test func globalOptionsAreSeparatedFromTheCommandWherever_theyStand() {
    let (global, command) = GlobalOptions.split([
      "--data-dir", "/d", "set", "--json", "exam-date", "--now=2027-01-01", "x",
    ])
    #expect(global == ["--data-dir", "/d", "--json", "--now=2027-01-01"])
    #expect(command == ["set", "exam-date", "x"])
    #expect(GlobalOptions.split(["set", "--", "--json"]).command == ["set", "--json"])
  }

  @Test func parsedOptionsCarryEveryValue() throws {
    let options = try GlobalOptions.parse(["--color", "never", "--seed", "7", "--bail", "--now", "2027-01-01"])
      .startOptions
    #expect(options == StartOptions(color: .never, now: "2027-01-01", seed: 7, bail: true))
  }
}
