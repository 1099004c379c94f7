import Foundation
import TestSupport
import Testing

@testable import Store

/// `doctor` checks the statistics' trigger-kept summaries against the logs and recounts them on request.
@Suite struct DoctorSummaryTests {
  @Test("summaries that differ from the logs are reported, and 'doctor --repair' recounts them")
  func mismatchedSummariesAreReportedAndRepaired() throws {
    let store = try ProgressStore.inMemory(now: TestClock.reference)
    for correct in [false, true, true] {
      try store.recordAttempt(
        itemId: "q-1", mode: .quiz, at: TestClock.reference, correct: correct, elapsedMs: nil, usedHint: false,
        response: "[0]", itemHash: nil, review: nil)
    }
    let test = try TestSession(store: store)
    test.run("doctor")
    #expect(test.sink.output.contains("statistics      ok (summaries match the logs)"))
    try store.write { db in try db.execute(sql: "UPDATE attemptItem SET total = 7 WHERE itemId = 'q-1'") }
    test.run("doctor")
    #expect(test.sink.output.contains("summaries differ from the logs (attemptItem q-1)"))
    #expect(test.sink.output.contains("run 'doctor --repair'"))
    test.run("doctor --repair")
    #expect(try store.attemptSummaries().map(\.total) == [3])
    #expect(test.sink.output.hasSuffix("statistics      ok (summaries match the logs)\n"))
  }
}
