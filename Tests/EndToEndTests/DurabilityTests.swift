import Foundation
import GRDB
import TestSupport
import Testing

/// Two fmlab processes writing to one data directory, one of them killed with SIGKILL:
/// everything acknowledged is stored exactly once, and the database stays sound.
@Suite struct DurabilityTests {
  @Test func twoWritersOneKilled_loseNothingAcknowledged() throws {
    let dataDir = Fixtures.temporaryDirectory("durability")
    defer { Fixtures.remove(dataDir) }
    let environment = ["XDG_CACHE_HOME": dataDir + "/cache"]
    #expect(try ProcessRunner.fmlab(["--data-dir", dataDir, "settings"], environment: environment).status == 0)

    let aValues = Array(1000..<3000)
    let bValues = Array(5000..<5400)
    let scriptA = aValues.map { "set daily-new-limit \($0)\n" }.joined()
    let scriptB = bValues.map { "set daily-review-limit \($0)\n" }.joined()
    let a = try SpawnedProcess(
      ProcessRunner.fmlabPath, ["--data-dir", dataDir], stdin: Data(scriptA.utf8), environment: environment)
    let b = try SpawnedProcess(
      ProcessRunner.fmlabPath, ["--data-dir", dataDir], stdin: Data(scriptB.utf8), environment: environment)

    // Kill A once it has acknowledged 150 commits (mid-run: it has 2,000 to do).
    let reached = a.waitForOutput(timeout: 60) { $0.components(separatedBy: "daily-new-limit = ").count > 150 }
    #expect(reached)
    a.kill()
    _ = a.wait()
    #expect(b.wait() == 0)
    #expect(!b.stderr.contains("locked"))

    let acknowledged = a.stdout.split(separator: "\n").compactMap { line -> Int? in
      line.hasPrefix("daily-new-limit = ") ? Int(line.dropFirst("daily-new-limit = ".count)) : nil
    }
    #expect(acknowledged.count >= 150)
    #expect(acknowledged.count < aValues.count, "A was killed before it finished")

    let db = try DatabaseQueue(path: dataDir + "/progress.sqlite")
    let (storedA, storedB, integrity) = try db.read { db in
      (
        try Int.fetchAll(
          db, sql: "SELECT CAST(value AS INTEGER) FROM settingChange WHERE key = 'daily-new-limit' ORDER BY id"),
        try Int.fetchAll(
          db, sql: "SELECT CAST(value AS INTEGER) FROM settingChange WHERE key = 'daily-review-limit' ORDER BY id"),
        try String.fetchAll(db, sql: "PRAGMA integrity_check")
      )
    }
    #expect(integrity == ["ok"])
    #expect(storedB == bValues, "every change of the surviving writer, once each, in order")
    #expect(Array(storedA.prefix(acknowledged.count)) == acknowledged, "every acknowledged change is stored once")
    #expect(storedA.count <= acknowledged.count + 1, "at most the one change in flight at the kill")
    #expect(storedA == Array(aValues.prefix(storedA.count)), "no change stored twice or out of order")
    let doctor = try ProcessRunner.fmlab(["--data-dir", dataDir, "doctor"], environment: environment)
    #expect(doctor.status == 0)
    #expect(doctor.stdout.contains("integrity       ok"))
  }

  @Test func sigkillDuringReview_keepsEveryAcknowledgedAnswerExactlyOnce() throws {
    let dataDir = Fixtures.temporaryDirectory("review-kill")
    defer { Fixtures.remove(dataDir) }
    let environment = ["XDG_CACHE_HOME": dataDir + "/cache"]
    // "again" keeps a learning card coming back, so one sitting can take hundreds of answers.
    let script = "review\n" + String(repeating: "1\n", count: 2000)
    let run = try SpawnedProcess(
      ProcessRunner.fmlabPath, ["--data-dir", dataDir, "--now", "2026-11-26T09:00:00Z"], stdin: Data(script.utf8),
      environment: environment)
    #expect(run.waitForOutput(timeout: 60) { $0.components(separatedBy: "again — next in").count > 120 })
    run.kill()
    _ = run.wait()
    let acknowledged = run.stdout.components(separatedBy: "again — next in").count - 1
    #expect(acknowledged >= 120)
    let db = try DatabaseQueue(path: dataDir + "/progress.sqlite")
    let (stored, integrity, lastStates) = try db.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review") ?? -1,
        try String.fetchAll(db, sql: "PRAGMA integrity_check"),
        try Int.fetchOne(
          db,
          sql: """
            SELECT COUNT(*) FROM card c WHERE c.reps <> (SELECT COUNT(*) FROM review r WHERE r.cardId = c.id)
            """) ?? -1
      )
    }
    #expect(integrity == ["ok"])
    #expect(stored >= acknowledged && stored <= acknowledged + 1, "stored \(stored), acknowledged \(acknowledged)")
    #expect(lastStates == 0, "every card's state matches its logged answers")
    let next = try ProcessRunner.fmlab(
      ["--data-dir", dataDir, "--now", "2026-11-26T09:00:00Z", "review", "--limit", "1"], stdin: Data("3\n".utf8),
      environment: environment)
    #expect(next.status == 0)
    #expect(next.stdout.contains("1 answered"))
  }

  @Test func aReadOnlyDataDirectory_isReportedAndNothingChanges() throws {
    let dataDir = Fixtures.temporaryDirectory("readonly")
    defer {
      chmod(dataDir, 0o755)
      Fixtures.remove(dataDir)
    }
    #expect(try ProcessRunner.fmlab(["--data-dir", dataDir, "set", "daily-new-limit", "6"]).status == 0)
    let before = FileManager.default.contents(atPath: dataDir + "/progress.sqlite")
    chmod(dataDir, 0o555)
    chmod(dataDir + "/progress.sqlite", 0o444)
    let result: ProcessRunner.Result
    if getuid() == 0 {
      // Root ignores permissions: run fmlab as an unprivileged user, as a learner would be.
      result = try ProcessRunner.run(
        "/usr/bin/setpriv",
        [
          "--reuid=65534", "--regid=65534", "--clear-groups", ProcessRunner.fmlabPath, "--data-dir", dataDir,
          "set", "daily-new-limit", "9",
        ])
    } else {
      result = try ProcessRunner.fmlab(["--data-dir", dataDir, "set", "daily-new-limit", "9"])
    }
    #expect(result.status == 11, "\(result.stderr)")
    #expect(result.stderr.contains("is read-only"))
    #expect(FileManager.default.contents(atPath: dataDir + "/progress.sqlite") == before)
  }
}
