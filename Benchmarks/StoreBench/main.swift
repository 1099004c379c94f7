import ArgumentParser
import Foundation
import GRDB
import SRS
import Store

/// StoreBench: builds a progress database with many cards and logged reviews, then times
/// how long the next study candidates take to read (the "next due item" query).
struct Options: ParsableArguments {
  @Option(help: "Cards in the database.")
  var cards = 100_000

  @Option(help: "Logged reviews in the database.")
  var reviews = 1_000_000

  @Option(help: "Timed queries.")
  var runs = 50

  @Option(help: "Share of the review cards that are due now (0.1 is a ten-day backlog of a 1% daily load).")
  var dueFraction = 0.01
}

let options = Options.parseOrExit()
let clock = ContinuousClock()
func milliseconds(_ d: Duration) -> Double {
  (Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18) * 1000
}

let directory = NSTemporaryDirectory() + "fmlab-storebench-\(UUID().uuidString.prefix(8))"
defer {
  if ProcessInfo.processInfo.environment["KEEP"] == nil {
    try? FileManager.default.removeItem(atPath: directory)
  } else {
    print(directory)
  }
}
let now = Date(timeIntervalSince1970: 1_795_683_600)
let store = try ProgressStore.open(at: directory + "/progress.sqlite", appVersion: "bench", now: now)
let ids = (0..<options.cards).map { "card-\($0)" }
try store.addCards(ids, kind: .flashcard, at: now)

// Fill the tables directly (one transaction): every card reviewed, a tenth of them due now.
let buildStart = clock.now
let queue = try DatabaseQueue(path: directory + "/progress.sqlite")
var random = SplitMix64(seed: 1)
let perCard = max(1, options.reviews / options.cards)
try queue.write { db in
  let insert = try db.makeStatement(
    sql: """
      INSERT INTO review(cardId, reviewedAt, rating, elapsedMs, mode, stateBefore, stateAfter)
      VALUES (?, ?, 3, 8000, 'review', '{"kind":"new"}', '{"kind":"new"}')
      """)
  let update = try db.makeStatement(
    sql: """
      UPDATE card SET stateKind = 'review', stability = ?, difficulty = 5, due = ?, lastReview = ?,
        scheduledInterval = ?, reps = ? WHERE id = ?
      """)
  for id in ids {
    let stability = 1 + Double(random.next() % 300)
    let last = now.addingTimeInterval(-Double(random.next() % 200) * 86400)
    let isDue = Double(random.next() % 1_000_000) / 1_000_000 < options.dueFraction
    let due = isDue ? now.addingTimeInterval(-3600) : now.addingTimeInterval(86400 * 30)
    for k in 0..<perCard { try insert.execute(arguments: [id, last.addingTimeInterval(-Double(k) * 86400)]) }
    try update.execute(arguments: [stability, due, last, stability * 86400, perCard, id])
  }
}
try queue.close()
print(
  String(
    format: "built %d cards, %d reviews, %.0f%% of cards due, in %.1f s", options.cards, perCard * options.cards,
    options.dueFraction * 100, milliseconds(clock.now - buildStart) / 1000))

var timings: [Double] = []
var served = 0
for _ in 0..<options.runs {
  let start = clock.now
  let candidates = try store.studyCandidates(now: now, learnAhead: 1200, reviewLimit: 1, newLimit: 0)
  timings.append(milliseconds(clock.now - start))
  served = candidates.count
}
timings.sort()
print(
  String(
    format: "next due item (studyCandidates, limit 1): median %.3f ms, p90 %.3f ms over %d runs (%d served)",
    timings[timings.count / 2], timings[timings.count * 9 / 10], options.runs, served))
var batch: [Double] = []
for _ in 0..<options.runs {
  let start = clock.now
  _ = try store.studyCandidates(now: now, learnAhead: 1200, reviewLimit: 200, newLimit: 20)
  batch.append(milliseconds(clock.now - start))
}
batch.sort()
print(String(format: "a day's queue (200 reviews + 20 new): median %.3f ms", batch[batch.count / 2]))
