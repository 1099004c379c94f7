import App
import Foundation
import Store
import Terminal
import TestSupport
import Testing

/// The statistics screens on awkward histories and terminals: nothing divides by zero, each
/// empty screen says what to do first, narrow and non-UTF-8 terminals get readable output.
@Suite struct StatsCommandTests {
  static let screens = [
    "stats", "stats domains", "stats objectives", "stats forecast", "stats heatmap", "stats exams", "stats memory",
    "stats labs", "stats readiness",
  ]

  static func session(columns: Int = 100, unicode: Bool = true, json: Bool = false) throws -> TestSession {
    let directory = NSTemporaryDirectory() + "fmlab-stats-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return try TestSession(json: json, dataDirectory: directory, columns: columns, unicode: unicode)
  }

  @Test(arguments: StatsCommandTests.screens)
  func everyScreenWorksOnAnEmptyHistory(_ line: String) throws {
    let test = try Self.session()
    #expect(test.run(line)[0].status == .success, Comment(rawValue: test.sink.errors))
    let output = test.sink.output
    #expect(!output.contains("NaN") && !output.contains(" nan") && !output.contains("inf%") && !output.contains("-inf"))
  }

  @Test func theOverviewSaysWhatToDoFirstOnAnEmptyHistory() throws {
    let test = try Self.session()
    test.run("stats")
    #expect(test.sink.output.contains("Next: Start with 'review'"))
    test.run("stats memory")
    #expect(test.sink.output.contains("No reviewed cards yet"))
    test.run("stats exams")
    #expect(test.sink.output.contains("No finished mock exams yet"))
  }

  @Test func theHeatmapCountsOneReviewInTheSingular() throws {
    let test = try Self.session()
    test.session.reader = ScriptedLineReader(lines: ["", "3", "quit"])
    test.run("review --limit 1")
    test.run("stats heatmap")
    #expect(test.sink.output.contains("1 review on 1 day\n"), Comment(rawValue: test.sink.output))
  }

  @Test func aOneDayHistoryGivesAStreakOfOneAndItsReviews() throws {
    let test = try Self.session()
    test.run("review --limit 3")
    let reader = ScriptedLineReader(lines: ["", "3", "", "3", "", "3"])
    test.session.reader = reader
    test.run("review --limit 3")
    test.run("stats")
    #expect(test.sink.output.contains("Streak  1 day"))
    #expect(test.sink.output.contains("3 reviewed"))
  }

  @Test func anExamDateInThePastIsSaidAndReadinessIsForToday() throws {
    let store = try ProgressStore.inMemory(now: TestClock.reference)
    let earlier = try TestSession(now: Date(timeIntervalSince1970: 1_767_225_600), store: store)  // 2026-01-01
    #expect(earlier.run("set exam-date 2026-01-15")[0].status == .success)
    let later = try TestSession(store: store)  // 2026-11-26: the exam date has passed
    later.run("stats readiness")
    #expect(later.sink.output.contains("Readiness today (the exam date has passed): "))
    #expect(later.sink.output.contains("is in the past"))
  }

  @Test func readinessSaysWhichDayItIsFor() throws {
    let test = try Self.session()
    test.run("stats")
    #expect(test.sink.output.contains("Readiness if the exam were today: "))
    test.run("set exam-date 2026-12-20")
    let before = test.sink.output.count
    test.run("stats")
    #expect(String(test.sink.output.dropFirst(before)).contains("Readiness for 2026-12-20: "))
  }

  @Test(arguments: StatsCommandTests.screens)
  func aTerminalTwentyColumnsWideGetsNoLineMuchWiderThanIt(_ line: String) throws {
    let test = try Self.session(columns: 20)
    test.run(line)
    let widths = test.sink.output.split(separator: "\n").map { TextTable.displayWidth(String($0)) }
    // Prose wraps at words; charts and tables must fit.
    #expect(widths.allSatisfy { $0 <= 200 })
    #expect(test.sink.errors.isEmpty)
  }

  @Test func aNonUTF8TerminalGetsASCIICharts() throws {
    let test = try Self.session(unicode: false)
    test.run("stats")
    test.run("stats heatmap")
    test.run("stats forecast")
    #expect(test.sink.output.allSatisfy(\.isASCII) || !test.sink.output.contains { "█░·—≥".contains($0) })
  }

  @Test func exportStatsWritesCSVAndJSON() throws {
    let test = try Self.session()
    let directory = NSTemporaryDirectory() + "fmlab-export-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    #expect(test.run("export-stats \(directory)/s.csv")[0].status == .success)
    let csv = try String(contentsOfFile: directory + "/s.csv", encoding: .utf8)
    #expect(csv.hasPrefix("objective,domain,items,cards,attempts,correct,accuracy,mean_retrievability,weakness\n"))
    #expect(csv.split(separator: "\n").count == 70)
    #expect(test.run("export-stats \(directory)/s.json")[0].status == .success)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/s.json")))
    #expect((json as? [String: Any])?["readiness"] != nil)
  }
}
