import Foundation
import TestSupport
import Testing

/// The REPL in a real terminal (tmux): completion, history across restarts, Ctrl-C, Ctrl-D,
/// UTF-8 input under a C locale, and colour rules. Each wait is bounded.
@Suite(.serialized) struct TerminalSessionTests {
  let dataDir = Fixtures.temporaryDirectory("tmux")

  func start(_ arguments: String = "", environment: [String: String] = [:]) throws -> TmuxSession {
    try #require(TmuxSession.isAvailable, "tmux is needed for terminal tests (apt-get install tmux)")
    var env = ["HOME": dataDir, "TERM": "xterm-256color", "XDG_CACHE_HOME": dataDir + "/cache"]
    env.merge(environment) { _, new in new }
    return try TmuxSession(
      command: "\(ProcessRunner.fmlabPath) --data-dir \(dataDir) \(arguments)", environment: env)
  }

  /// Waits for `predicate` on the screen and records the screen when it never holds.
  func expectScreen(
    _ session: TmuxSession, _ what: String, escapes: Bool = false, sourceLocation: SourceLocation = #_sourceLocation,
    _ predicate: (String) -> Bool
  ) throws {
    let (screen, matched) = try session.waitFor(escapes: escapes, predicate)
    #expect(matched, "\(what); the screen was:\n\(screen)", sourceLocation: sourceLocation)
  }

  func prompt(_ session: TmuxSession) throws -> Bool {
    try session.waitFor { TmuxSession.lastLine($0).hasPrefix("fmlab>") }.matched
  }

  @Test func tabCompletes_historyPersists_ctrlCCancels_ctrlDExitsZero() throws {
    let first = try start()
    #expect(try prompt(first))
    try first.type("he")
    try first.send("Tab")
    try expectScreen(first, "TmuxSession.lastLine($0) == 'fmlab> help'") { TmuxSession.lastLine($0) == "fmlab> help" }
    try first.send("Enter")
    try expectScreen(first, "$0.contains('Help topics')") { $0.contains("Help topics") }
    try first.type("set daily-new-limit 11")
    try first.send("Enter")
    try expectScreen(first, "$0.contains('daily-new-limit = 11')") { $0.contains("daily-new-limit = 11") }
    try first.type("this line is half typed")
    try expectScreen(first, "the typed text is echoed") { TmuxSession.lastLine($0) == "fmlab> this line is half typed" }
    try first.send("C-c")
    try expectScreen(first, "Ctrl-C leaves fmlab at its prompt") { TmuxSession.lastLine($0) == "fmlab>" }
    try first.send("C-d")
    try expectScreen(first, "$0.contains('[exit 0]')") { $0.contains("[exit 0]") }

    let second = try start()
    #expect(try prompt(second))
    try second.send("Up")
    try expectScreen(second, "TmuxSession.lastLine($0) == 'fmlab> set daily-new-limit 11'") {
      TmuxSession.lastLine($0) == "fmlab> set daily-new-limit 11"
    }
    try second.send("C-u")
    try second.type("quit")
    try second.send("Enter")
    try expectScreen(second, "$0.contains('[exit 0]')") { $0.contains("[exit 0]") }
  }

  @Test func utf8InputWorksUnderACLocale() throws {
    let session = try start(environment: ["LANG": "C", "LC_ALL": ""])
    #expect(try prompt(session))
    try session.type("set exam-date héllo日本")
    try session.send("Enter")
    try expectScreen(session, "$0.contains(''héllo日本' is not a date')") { $0.contains("'héllo日本' is not a date") }
  }

  @Test func colourOnATerminal_unlessNoColorIsSet() throws {
    let coloured = try start("--color auto help")
    let shown = try coloured.waitFor(escapes: true) { $0.contains("[exit 0]") }
    #expect(shown.matched)
    #expect(shown.screen.contains("\u{1B}["))
    let plain = try start("--color auto help", environment: ["NO_COLOR": "1"])
    let plainScreen = try plain.waitFor(escapes: true) { $0.contains("[exit 0]") }
    #expect(plainScreen.matched)
    #expect(!plainScreen.screen.contains("\u{1B}[1m"))
  }
}
