import Foundation
import GRDB
import TestSupport
import Testing

/// Two fmlab processes reviewing the same cards at once on one data directory (the short form of
/// `scripts/torture concurrency`): every answer stored once, no lock failure, and each card's log chains —
/// no answer scheduled from a state the other process had already replaced.
@Suite struct TortureConcurrencyTests {
  /// A logged state as the JSON column holds it, compared with the store's millisecond dates in mind.
  static func same(_ a: [String: Any], _ b: [String: Any]) -> Bool {
    guard a["kind"] as? String == b["kind"] as? String, a["step"] as? Int == b["step"] as? Int else { return false }
    for key in ["stability", "difficulty", "scheduledInterval", "due", "lastReview"] {
      let x = a[key] as? Double
      let y = b[key] as? Double
      if (x == nil) != (y == nil) { return false }
      if let x, let y, abs(x - y) > 2 { return false }
    }
    return true
  }

  static func json(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
  }

  @Test("two processes answering the same cards store every answer once and chain each card's states")
  func twoReviewersOnOneDataDir_chainEveryCard() throws {
    let dataDir = Fixtures.temporaryDirectory("torture-concurrency")
    defer { Fixtures.remove(dataDir) }
    let environment = ["XDG_CACHE_HOME": dataDir + "/cache"]
    #expect(
      try ProcessRunner.fmlab(["--data-dir", dataDir, "set", "daily-new-limit", "500"], environment: environment)
        .status == 0)
    let perProcess = 120
    let ratings = ["1", "2", "3", "4"]
    let scripts = (0..<2).map { offset in
      "review\n" + (0..<perProcess).map { ratings[($0 + offset) % 4] }.joined(separator: "\n") + "\nquit\n"
    }
    let arguments = ["--json", "--data-dir", dataDir, "--now", "2026-11-26T09:00:00Z"]
    let processes = try scripts.map { script in
      try SpawnedProcess(ProcessRunner.fmlabPath, arguments, stdin: Data(script.utf8), environment: environment)
    }
    for process in processes {
      #expect(process.wait() == 0)
      #expect(!process.stderr.contains("locked"), Comment(rawValue: process.stderr))
      #expect(process.stdout.components(separatedBy: "\"type\":\"answered\"").count - 1 == perProcess)
    }

    let db = try DatabaseQueue(path: dataDir + "/progress.sqlite")
    let rows = try db.read { db in
      try Row.fetchAll(db, sql: "SELECT cardId, stateBefore, stateAfter FROM review ORDER BY id")
    }
    #expect(rows.count == 2 * perProcess)
    var last: [String: [String: Any]] = [:]
    var broken: [String] = []
    var shared = 0
    for row in rows {
      let card: String = row["cardId"]
      let before = Self.json(row["stateBefore"])
      if let previous = last[card] {
        shared += 1
        if !Self.same(before, previous) { broken.append(card) }
      }
      last[card] = Self.json(row["stateAfter"])
    }
    #expect(shared > 0, "both processes answered some of the same cards")
    #expect(broken.isEmpty, Comment(rawValue: "answers scheduled from a stale state: \(broken.prefix(5))"))
    let mismatched = try db.read { db in
      try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM card c WHERE c.reps <> (SELECT COUNT(*) FROM review r WHERE r.cardId = c.id)")
    }
    #expect(mismatched == 0)
  }
}
