import Foundation
import GRDB
import Terminal
import TestSupport
import Testing

@testable import App
@testable import Store

/// A reader that runs a hook before some reads (to fill or free the "disk" mid-session) and otherwise
/// takes its lines from another reader.
final class HookedReader: LineReader {
  let inner: LineReader
  let hooks: [Int: () throws -> Void]
  private(set) var lineNumber = 0
  var isInteractive: Bool { false }

  init(_ inner: LineReader, hooks: [Int: () throws -> Void]) {
    self.inner = inner
    self.hooks = hooks
  }

  func readLine(prompt: String) -> LineReadResult {
    lineNumber += 1
    try? hooks[lineNumber]?()
    return inner.readLine(prompt: prompt)
  }

  func addHistory(_ line: String) {}
}

/// Review and exam sittings on a disk that fills up mid-session (SQLite's page limit plays the full disk):
/// a clear message, nothing saved is lost, and the same sitting goes on and saves once space is back.
@Suite struct TortureSessionTests {
  /// A store on a real file (the page limit needs one) and helpers to fill and free its "disk".
  struct Disk {
    let directory = Fixtures.temporaryDirectory("torture-session")
    let store: ProgressStore

    init() throws {
      store = try ProgressStore.open(
        at: directory + "/progress.sqlite", appVersion: "test", now: TestClock.reference)
    }

    /// Packs the file and forbids it to grow by a single page.
    func fill() throws {
      try store.writer.writeWithoutTransaction { db in
        try db.execute(sql: "VACUUM")
        let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
        _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
      }
    }

    /// Makes every write fail as on a read-only filesystem (SQLITE_READONLY), until `free()`.
    func makeReadOnly() throws {
      try store.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 1") }
    }

    func free() throws {
      try store.writer.writeWithoutTransaction { db in
        _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = 1000000")
        try db.execute(sql: "PRAGMA query_only = 0")
      }
    }
  }

  func events(_ t: TestSession, _ type: String) -> [[String: Any]] {
    t.jsonLines().filter { $0["type"] as? String == type }
  }

  @Test("a review sitting on a full disk says so, asks again, and saves once space is freed")
  func reviewOnAFullDisk_goesOnAfterSpaceIsFreed() throws {
    let disk = try Disk()
    defer { Fixtures.remove(disk.directory) }
    let t = try TestSession(json: true, store: disk.store)
    t.run("set daily-new-limit 200")
    let lines = Array(repeating: "3", count: 40) + ["quit"]
    t.session.reader = HookedReader(
      ScriptedLineReader(lines: lines), hooks: [6: { try disk.fill() }, 31: { try disk.free() }])
    #expect(t.run("review")[0].status == .success)
    let errors = events(t, "error").compactMap { $0["message"] as? String }
    #expect(!errors.isEmpty, "the full disk was noticed")
    for message in errors {
      #expect(message.contains("is full") && message.contains("Answer again to retry"), Comment(rawValue: message))
      #expect(!message.contains("SQLITE"), Comment(rawValue: message))
    }
    let answered = events(t, "answered").count
    #expect(answered == 40 - errors.count, "every reply either saved or reported")
    #expect(try disk.store.reviews().count == answered, "each acknowledged answer stored once")
    let summary = try #require(t.jsonLines().last?["data"] as? [String: Any])
    #expect(summary["answered"] as? Int == answered)
    let lastTen = try disk.store.reviews().suffix(10)
    #expect(lastTen.count == 10, "answers after freeing space were saved in the same sitting")
    #expect(try disk.store.health().isHealthy)
  }

  @Test("an exam whose database turns read-only stays at the question, then takes the answer and submits")
  func examOnAReadOnlyDisk_staysAtTheQuestionAndRecovers() throws {
    let disk = try Disk()
    defer { Fixtures.remove(disk.directory) }
    let t = try TestSession(json: true, store: disk.store)
    let answers = AnyValidAnswerReader(sink: t.sink)
    // (A small page limit would not fail here for certain: a few exam answers fit in the table's last page.)
    t.session.reader = HookedReader(answers, hooks: [4: { try disk.makeReadOnly() }, 9: { try disk.free() }])
    #expect(t.run("exam")[0].status == .success)
    let errors = events(t, "error").compactMap { $0["message"] as? String }
    #expect(errors.count == 5, "each reply while read-only was refused")
    for message in errors {
      #expect(
        message.contains("is read-only") && message.contains("stays open at this question"),
        Comment(rawValue: message))
    }
    let exam = try #require(try disk.store.exams().first)
    #expect(exam.status == .submitted)
    #expect(exam.answers.values.filter { $0.response != nil }.count == 65 - errors.count)
    #expect(try disk.store.attempts(examId: exam.id).count == 65, "every question recorded once at submit")
    #expect(try disk.store.health().isHealthy)
  }

  @Test("'quit' always leaves an exam, even when its time cannot be saved; it resumes from the last save")
  func quitOnAReadOnlyDisk_stillPauses() throws {
    let disk = try Disk()
    defer { Fixtures.remove(disk.directory) }
    let t = try TestSession(json: true, store: disk.store)
    t.session.reader = HookedReader(
      ScriptedLineReader(lines: ["next", "next", "quit"]), hooks: [3: { try disk.makeReadOnly() }])
    #expect(t.run("exam")[0].status == .success)
    let errors = events(t, "error").compactMap { $0["message"] as? String }
    #expect(errors.count == 1)
    #expect(errors.first?.contains("paused where it was last saved") == true)
    try disk.free()
    let open = try #require(try disk.store.openExam())
    #expect(open.position == 2, "the two saved moves are kept")
  }
}
