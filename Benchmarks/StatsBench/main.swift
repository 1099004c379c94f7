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
}

let options = Options.parseOrExit()
let clock = ContinuousClock()
func milliseconds(_ d: Duration) -> Double {
  Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) * 1e-15
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

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
for _ in 0..<options.runs {
  var start = clock.now
  let objectives = ObjectiveStats.compute(input)
  _ = Overview.compute(input, objectives: objectives)
  overviewTimes.append(milliseconds(clock.now - start))
  start = clock.now
  _ = Readiness.compute(input)
  readinessTimes.append(milliseconds(clock.now - start))
}
print(
  String(
    format:
      "computed from %d reviews over %d items: overview + objectives median %.1f ms (target < 100), readiness median %.1f ms (target < 50)",
    options.reviews, options.cards, median(overviewTimes), median(readinessTimes)))

// The same history in a progress database, then `stats` through the dispatcher (loading included).
let directory = NSTemporaryDirectory() + "fmlab-stats-bench-\(UUID().uuidString)"
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }
let path = directory + "/progress.sqlite"
try ProgressStore.open(at: path, appVersion: "bench", now: now).close()
let queue = try DatabaseQueue(path: path)
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
      "INSERT INTO review(cardId, reviewedAt, rating, mode, stateBefore, stateAfter) VALUES (?, ?, ?, 'review', ?, ?)")
  for review in reviewEvents {
    try statement.execute(arguments: [review.cardID, review.time, review.rating, state, state])
  }
}
final class NullSink: OutputSink {
  func write(_ text: String) {}
  func writeError(_ text: String) {}
}
var commandTimes: [Double] = []
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
  let outcome = Dispatcher(session: session).run(line: "stats")
  commandTimes.append(milliseconds(clock.now - start))
  precondition(outcome.status == .success)
}
print(
  String(
    format: "'stats' on that history in an on-disk database (reading it included): median %.0f ms", median(commandTimes)
  ))
