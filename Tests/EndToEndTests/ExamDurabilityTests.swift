import Foundation
import GRDB
import TestSupport
import Testing

/// A mock exam killed mid-way resumes at the same question with its answers, flags and time.
@Suite struct ExamDurabilityTests {
  @Test func sigkillMidExam_resumesAtTheSameQuestionWithEverySavedFlag() throws {
    let dataDir = Fixtures.temporaryDirectory("exam-kill")
    defer { Fixtures.remove(dataDir) }
    let environment = ["XDG_CACHE_HOME": dataDir + "/cache"]
    let now = ["--data-dir", dataDir, "--now", "2026-11-26T09:00:00Z", "--seed", "3"]
    // Flag each question and move on: every flag is written before the question is shown again.
    let script = "exam\n" + String(repeating: "flag\nnext\n", count: 64)
    let run = try SpawnedProcess(ProcessRunner.fmlabPath, now, stdin: Data(script.utf8), environment: environment)
    #expect(run.waitForOutput(timeout: 60) { $0.contains("exam 30/65") })
    run.kill()
    _ = run.wait()
    let shownFlagged = run.stdout.components(separatedBy: " · flagged\n").count - 1
    #expect(shownFlagged >= 29)

    let db = try DatabaseQueue(path: dataDir + "/progress.sqlite")
    let (flags, position, status, integrity) = try db.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM examAnswer WHERE flagged") ?? -1,
        try Int.fetchOne(db, sql: "SELECT position FROM exam") ?? -1,
        try String.fetchOne(db, sql: "SELECT status FROM exam") ?? "",
        try String.fetchAll(db, sql: "PRAGMA integrity_check")
      )
    }
    #expect(integrity == ["ok"])
    #expect(status == "open")
    #expect(flags >= shownFlagged && flags <= shownFlagged + 1, "flags \(flags), shown \(shownFlagged)")

    let resumed = try ProcessRunner.fmlab(now + ["exam"], stdin: Data("review\nquit\n".utf8), environment: environment)
    #expect(resumed.status == 0)
    #expect(resumed.stdout.contains("Resuming exam 1 at question \(position + 1) with 90:00 left."))
    let flaggedList = (1...flags).map(String.init).joined(separator: " ")
    #expect(resumed.stdout.contains("Flagged: \(flaggedList)\n"))
    #expect(resumed.stdout.contains("Exam paused at question \(position + 1)"))
  }
}
