import Foundation
import Labs
import TestSupport
import Testing

/// The flagship lab typed into the REPL in a real terminal (tmux), step by step, each step's
/// `lab check` seen to pass on screen.
@Suite(.serialized) struct LabTerminalTests {
  @Test func theFlagshipLabCompletesInTheREPL() throws {
    try #require(TmuxSession.isAvailable, "tmux is needed for terminal tests (apt-get install tmux)")
    let root = Fixtures.repositoryRoot
    let catalog = LabCatalog.load(root: root)
    let lab = try #require(catalog.labs.first { $0.id == "bedrock-walkthrough" })
    let dataDir = Fixtures.temporaryDirectory("lab-tmux")
    let session = try TmuxSession(
      // Relative file names the lab's commands use land in the data directory.
      command:
        "/bin/sh -c 'cd \(dataDir) && exec \(ProcessRunner.fmlabPath) --data-dir \(dataDir) --content-dir \(root) "
        + "--now 2026-11-26T09:00:00Z --seed 7'",
      environment: ["HOME": dataDir, "TERM": "xterm-256color", "PAGER": "cat", "XDG_CACHE_HOME": dataDir + "/cache"],
      width: 120, height: 50)
    // An empty prompt as the last line: the previous command has finished.
    func atPrompt() throws -> Bool {
      try session.waitFor(timeout: 60) { TmuxSession.lastLine($0) == "fmlab>" }.matched
    }
    #expect(try atPrompt())
    try session.type("lab start \(lab.id)")
    try session.send("Enter")
    #expect(try session.waitFor(timeout: 30) { $0.contains("step 1 of \(lab.steps.count)") }.matched)
    let samples = root + "/Resources/sandbox/samples"
    for step in lab.steps {
      for line in step.solution {
        try session.send("C-u")
        try session.type(line.replacingOccurrences(of: "${SAMPLES}", with: samples))
        try session.send("Enter")
        #expect(try atPrompt(), "after '\(line)'")
      }
      try session.send("C-l")
      try session.type("lab check")
      try session.send("Enter")
      let (screen, passed) = try session.waitFor(timeout: 60) { $0.contains("✓ ") && $0.contains(step.title) }
      #expect(passed, "step \(step.id) did not pass; the screen was:\n\(screen)")
      guard passed else { break }
      #expect(try atPrompt())
    }
    #expect(try session.waitFor(timeout: 30) { $0.contains("Lab finished") }.matched)
    try session.send("C-d")
  }
}
