import App
import ArgumentParser
import Core
import Foundation
import GRDB
import SRS
import Stats
import Store
import Terminal

/// StatsBench: (1) readiness calibration on simulated learners — ECE, Brier score and the bin table;
/// (2) timings: the statistics and readiness computed from 1,000,000 reviews over 10,000 items, alone and
/// through the `stats` command on an on-disk database of that size.
struct Options: ParsableArguments {
  @Option(help: "Simulated learners for the calibration (0 skips it).") var learners = 2_000
  @Option(help: "Seed of the calibration.") var seed: UInt64 = 1
  @Option(help: "Reviews in the timing history (0 skips the timings).") var reviews = 1_000_000
  @Option(help: "Cards (items) in the timing history.") var cards = 10_000
  @Option(help: "Timing runs.") var runs = 7
  @Option(help: "Keep the generated database in this directory and reuse it when it is there (for profiling).")
  var keepDatabase: String?
}

let options = Options.parseOrExit()
let clock = ContinuousClock()
func milliseconds(_ d: Duration) -> Double {
  Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) * 1e-15
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
/// CPU time of the whole process (every thread: GRDB reads on its own queue), in milliseconds. Unlike wall time it
/// doesn't count waiting for a core, so it stays meaningful on a loaded machine; both are reported.
func cpuMilliseconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
}

if options.learners > 0 {
  let start = clock.now
  let cases = ReadinessCalibration.simulate(
    learners: options.learners, seed: options.seed, settings: CalibrationSettings())
  let report = CalibrationReport.evaluate(predictions: cases.map(\.predicted), outcomes: cases.map(\.passed))
  print(
    String(
      format:
        "readiness calibration: %d simulated exams (seed %llu): ECE %.4f, Brier %.4f, mean predicted %.3f, observed pass rate %.3f (%.1f s)",
      report.exams, options.seed, report.ece, report.brier, report.meanPredicted, report.observedPassRate,
      milliseconds(clock.now - start) / 1000))
  print("  bin        exams  predicted  observed")
  for bin in report.bins {
    print(
      String(
        format: "  %.1f–%.1f  %6d     %6@    %6@", bin.lower, bin.upper, bin.count,
        bin.meanPredicted.map { String(format: "%.3f", $0) } ?? "—",
        bin.observedRate.map { String(format: "%.3f", $0) } ?? "—"))
  }
}

guard options.reviews > 0 else { exit(0) }

// A synthetic history: cards, reviews spread over two years, 100,000 quiz attempts.
var generator = SeededGenerator(seed: 7)
let now = Date(timeIntervalSince1970: 1_795_683_600)
var cardSnapshots: [CardSnapshot] = []
var items: [ItemInfo] = []
for i in 0..<options.cards {
  let stability = 0.5 + 100 * generator.nextUnitDouble()
  let last = now.addingTimeInterval(-86_400 * 30 * generator.nextUnitDouble())
  cardSnapshots.append(
    CardSnapshot(
      id: "card-\(i)", kind: "quiz", stateKind: "review", stability: stability,
      difficulty: 1 + 9 * generator.nextUnitDouble(), due: last.addingTimeInterval(stability * 86_400),
      lastReview: last,
      scheduledDays: stability))
  items.append(
    ItemInfo(
      id: "card-\(i)", domain: 1 + i % 5, objective: "\(1 + i % 5).\(i % 3 + 1).\(i % 7 + 1)", cardID: "card-\(i)",
      optionCount: 4))
}
let historyStart = now.addingTimeInterval(-86_400 * 700)
var reviewEvents: [ReviewEvent] = []
reviewEvents.reserveCapacity(options.reviews)
for k in 0..<options.reviews {
  reviewEvents.append(
    ReviewEvent(
      cardID: "card-\(Int(generator.next() % UInt64(options.cards)))",
      time: historyStart.addingTimeInterval(Double(k) * 86_400 * 700 / Double(options.reviews)),
      rating: 1 + Int(generator.next() % 4), stateBefore: k % 5 == 0 ? "learning" : "review",
      scheduledDaysBefore: Double(generator.next() % 60)))
}
let attempts = (0..<100_000).map { k in
  AttemptRecord(
    itemID: "card-\(Int(generator.next() % UInt64(options.cards)))",
    time: historyStart.addingTimeInterval(Double(k) * 600),
    correct: generator.next() % 3 != 0, mode: .quiz)
}
let input = StatsInput(
  reviews: reviewEvents, cards: cardSnapshots, attempts: attempts, items: items,
  context: StatsContext(now: now, examDate: CalendarDay(year: 2027, month: 1, day: 15)))

var overviewTimes: [Double] = []
var readinessTimes: [Double] = []
var overviewCPU: [Double] = []
var readinessCPU: [Double] = []
for _ in 0..<options.runs {
  var start = clock.now
  var cpu = cpuMilliseconds()
  let objectives = ObjectiveStats.compute(input)
  _ = Overview.compute(input, objectives: objectives)
  overviewTimes.append(milliseconds(clock.now - start))
  overviewCPU.append(cpuMilliseconds() - cpu)
  start = clock.now
  cpu = cpuMilliseconds()
  _ = Readiness.compute(input)
  readinessTimes.append(milliseconds(clock.now - start))
  readinessCPU.append(cpuMilliseconds() - cpu)
}
print("computed from \(options.reviews) reviews over \(options.cards) items (median of \(options.runs) runs):")
print(
  String(
    format:
      "  overview + objectives  %.1f ms wall, %.1f ms CPU (target < 100)\n  readiness              %.1f ms wall, %.1f ms CPU (target < 50)",
    median(overviewTimes), median(overviewCPU), median(readinessTimes), median(readinessCPU)))

// The same history in a progress database, then `stats` through the dispatcher (loading included).
let directory = options.keepDatabase ?? (NSTemporaryDirectory() + "fmlab-stats-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { if options.keepDatabase == nil { try? FileManager.default.removeItem(atPath: directory) } }
let path = directory + "/progress.sqlite"
let reuse = options.keepDatabase != nil && FileManager.default.fileExists(atPath: path)
try ProgressStore.open(at: path, appVersion: "bench", now: now).close()
let queue = try DatabaseQueue(path: path)
if !reuse {
  try queue.write { db in
    let state =
      #"{"kind":"review","stability":10,"difficulty":5,"due":"2026-11-20T00:00:00Z","lastReview":"2026-11-10T00:00:00Z","scheduledInterval":10}"#
    for card in cardSnapshots {
      try db.execute(
        sql: """
          INSERT INTO card(id, kind, stateKind, stability, difficulty, due, lastReview, scheduledInterval, addedAt)
          VALUES (?, 'quiz', 'review', ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          card.id, card.stability, card.difficulty, card.due, card.lastReview, card.scheduledDays, historyStart,
        ])
    }
    let statement = try db.makeStatement(
      sql:
        "INSERT INTO review(cardId, reviewedAt, rating, mode, stateBefore, stateAfter) VALUES (?, ?, ?, 'review', ?, ?)"
    )
    for review in reviewEvents {
      try statement.execute(arguments: [review.cardID, review.time, review.rating, state, state])
    }
    let attempt = try db.makeStatement(
      sql: "INSERT INTO attempt(itemId, mode, answeredAt, correct, response) VALUES (?, 'quiz', ?, ?, '[0]')")
    for record in attempts {
      try attempt.execute(arguments: [record.itemID, record.time, record.correct])
    }
  }
}
final class NullSink: OutputSink {
  func write(_ text: String) {}
  func writeError(_ text: String) {}
}
// The reads `stats` makes, one by one, on a store opened once.
do {
  let store = try ProgressStore.open(at: path, appVersion: "bench", now: now)
  func time(_ name: String, _ body: () throws -> Int) rethrows {
    var wall: [Double] = []
    var cpuTimes: [Double] = []
    var rows = 0
    for _ in 0..<max(3, options.runs / 2) {
      let start = clock.now
      let cpu = cpuMilliseconds()
      rows = try body()
      wall.append(milliseconds(clock.now - start))
      cpuTimes.append(cpuMilliseconds() - cpu)
    }
    print(String(format: "  read %@: %d rows, %.1f ms wall, %.1f ms CPU", name, rows, median(wall), median(cpuTimes)))
  }
  try time("review days") { try store.reviewDays().count }
  try time("cards") { try store.statsCards().count }
  try time("attempt summaries") { try store.attemptSummaries().count }
  try time("exams") { try store.exams().count }
  try store.close()
}

// Each screen in a warm session (content loaded, store open, as in the REPL); `stats` is the target.
for line in ["stats", "stats domains", "stats readiness", "stats heatmap"] {
  var wall: [Double] = []
  var cpuTimes: [Double] = []
  for _ in 0..<max(3, options.runs / 2) {
    let session = Session(
      configuration: SessionConfiguration(
        appVersion: "bench", dataDirectory: directory,
        contentRoot: .success(
          URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path),
        cacheDirectory: directory + "/cache", pinnedNow: now, seed: 1, json: false, styler: .plain, columns: 100),
      clock: { now }, sink: NullSink())
    _ = Dispatcher(session: session).run(line: "stats exams")  // loads content and opens the store
    let start = clock.now
    let cpu = cpuMilliseconds()
    let outcome = Dispatcher(session: session).run(line: line)
    wall.append(milliseconds(clock.now - start))
    cpuTimes.append(cpuMilliseconds() - cpu)
    precondition(outcome.status == .success)
  }
  print(
    String(
      format: "'%@' on that history in an on-disk database (reading it included): %.0f ms wall, %.0f ms CPU%@", line,
      median(wall), median(cpuTimes), line == "stats" ? " (target < 100)" : ""))
}
