import Core
import Foundation
import Terminal
import TestSupport
import Testing

@testable import App

@Suite struct ReplTests {
  @Test func scriptMode_runsEveryLineAndExitsWithTheFirstFailure() throws {
    let reader = ScriptedLineReader(lines: ["version", "hlep", "set daily-new-limit 5", "set bogus 1"])
    let t = try TestSession()
    let status = Repl(session: t.session, reader: reader).run()
    #expect(status == .usage)
    #expect(try t.session.store().storedSetting("daily-new-limit") == "5")
    #expect(reader.prompts.allSatisfy { $0.isEmpty }, "script mode shows no prompt")
  }

  @Test func bail_stopsAtTheFirstFailingLine() throws {
    let reader = ScriptedLineReader(lines: ["version", "hlep", "set daily-new-limit 5"])
    let t = try TestSession()
    let status = Repl(session: t.session, reader: reader, bail: true).run()
    #expect(status == .usage)
    #expect(try t.session.store().storedSetting("daily-new-limit") == nil)
  }

  @Test func aRejectedLine_countsAsAFailureAndTheScriptGoesOn() throws {
    let reader = ScriptedLineReader([.rejected("line 1 is not valid UTF-8"), .line("set daily-new-limit 4")])
    let t = try TestSession()
    #expect(Repl(session: t.session, reader: reader).run() == .usage)
    #expect(t.sink.errors.contains("line 1 is not valid UTF-8"))
    #expect(try t.session.store().storedSetting("daily-new-limit") == "4")
  }

  @Test func aSuccessfulScript_exitsZero() throws {
    let t = try TestSession()
    #expect(Repl(session: t.session, reader: ScriptedLineReader(lines: ["help", "settings"])).run() == .success)
  }

  @Test func interactiveSession_promptsRecordsHistoryAndSurvivesCtrlC() throws {
    let reader = ScriptedLineReader(
      [.line("set daily-new-limit 9"), .interrupted, .line("hlep"), .endOfInput], interactive: true)
    let t = try TestSession()
    let status = Repl(session: t.session, reader: reader).run()
    #expect(status == .success, "an interactive session ends with 0 on Ctrl-D, whatever failed")
    #expect(reader.prompts.allSatisfy { $0 == "fmlab> " })
    #expect(reader.prompts.count == 4)
    #expect(reader.history == ["set daily-new-limit 9", "hlep"])
    #expect(try t.session.store().storedSetting("daily-new-limit") == "9")
  }

  @Test func quit_endsAnInteractiveSessionWithZero() throws {
    let reader = ScriptedLineReader([.line("quit"), .line("set daily-new-limit 9")], interactive: true)
    let t = try TestSession()
    #expect(Repl(session: t.session, reader: reader).run() == .success)
    #expect(try t.session.store().storedSetting("daily-new-limit") == nil)
  }

  @Test func brokenContent_isReportedAtStartUpAndTheRestLoads() throws {
    let root = Fixtures.contentRoot([
      "content/good.md": """
      ---
      id: good-page
      title: Good
      summary: fine
      sources: [https://example.com/a]
      verified: 2026-11-26
      ---
      Body.
      """,
      "content/broken.md": "---\nid: broken\ntitle: [unclosed\n---\n",
    ])
    defer { Fixtures.remove(root) }
    let t = try TestSession(contentRoot: root)
    _ = Repl(session: t.session, reader: ScriptedLineReader([.endOfInput], interactive: true)).run()
    #expect(t.sink.errors.contains("warning: 1 problem in the content at \(root); the rest loaded."))
    #expect(t.sink.errors.contains("content/broken.md:4:1: error: YAML syntax error"))
    #expect(try t.session.content().topic("good-page") != nil)
  }
}
