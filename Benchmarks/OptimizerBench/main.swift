import ArgumentParser
import Foundation
import SRS

/// OptimizerBench: fits FSRS-6 parameters to an Anki-style revlog CSV and prints time and metrics.
///
/// Usage: `OptimizerBench revlog.csv [--day-start-hour H] [--tss] [--seed N]`
/// CSV columns: card_id,review_time(epoch ms),review_rating,review_state,review_duration (make_revlog.py).
/// The day rollover defaults to 04:00 UTC, or `day_start_utc_hour` from `<csv>.truth.json` when present.

struct Options: ParsableArguments {
  @Argument(help: "An Anki-style revlog CSV (make_revlog.py's layout).")
  var path: String

  @Option(help: "The UTC hour at which a study day starts (default: from <csv>.truth.json, else 4).")
  var dayStartHour: Int?

  @Flag(help: "Also evaluate with a 5-fold time-series split.")
  var tss = false

  @Option(help: "Seed for the batch shuffle.")
  var seed: UInt64 = 2023
}

func dayStartHour(for path: String, override: Int?) -> Int {
  if let override { return override }
  let truth = URL(filePath: path + ".truth.json")
  if let data = try? Data(contentsOf: truth),
    let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
    let hour = json["day_start_utc_hour"] as? Int
  {
    return hour
  }
  return 4
}

/// Items sorted by (review time, card id), like fit_revlog.py.
func loadItems(path: String, hour: Int) throws -> (items: [ReviewHistory], reviews: Int, cards: Int) {
  let text = try String(contentsOf: URL(filePath: path), encoding: .utf8)
  var cards: [Int: [(date: Date, rating: Rating)]] = [:]
  var reviews = 0
  for line in text.split(whereSeparator: \.isNewline).dropFirst() {
    let f = line.split(separator: ",", omittingEmptySubsequences: false)
    guard f.count >= 4, f[3] != "4", f[3] != "5", let id = Int(f[0]), let ms = Int64(f[1]),
      let raw = Int(f[2]), let rating = Rating(rawValue: raw)
    else { continue }
    cards[id, default: []].append((Date(timeIntervalSince1970: Double(ms) / 1000), rating))
    reviews += 1
  }
  let semantics = TimeSemantics.calendarDays(rolloverHour: hour, utcOffsetSeconds: 0)
  var items: [(date: Date, id: Int, item: ReviewHistory)] = []
  for (id, list) in cards {
    for entry in ReviewHistory.trainingItems(from: list, semantics: semantics) {
      items.append((entry.date, id, entry.item))
    }
  }
  items.sort { ($0.date, $0.id) < ($1.date, $1.id) }
  return (items.map(\.item), reviews, cards.count)
}

func format(_ x: Double, _ digits: Int = 5) -> String { String(format: "%.\(digits)f", x) }

func report(_ name: String, _ parameters: Parameters, _ items: [ReviewHistory]) {
  let fsrs = FSRS(parameters: parameters)
  let unweighted = ModelEvaluation.evaluate(fsrs, on: items)
  let weighted = ModelEvaluation.evaluate(fsrs, on: items, recencyWeighted: true)
  let name = name.padding(toLength: 8, withPad: " ", startingAt: 0)
  print(
    "\(name) logloss \(format(unweighted.logLoss))  rmse(bins) \(format(unweighted.rmseBins))"
      + "  auc \(format(unweighted.auc ?? .nan, 4))  | recency-weighted logloss \(format(weighted.logLoss))"
      + " rmse(bins) \(format(weighted.rmseBins))")
}

let options = Options.parseOrExit()
let hour = dayStartHour(for: options.path, override: options.dayStartHour)
let clock = ContinuousClock()
let loadStart = clock.now
let data = try loadItems(path: options.path, hour: hour)
let loadTime = clock.now - loadStart
print(
  "input \(options.path): \(data.reviews) reviews, \(data.cards) cards, \(data.items.count) items,"
    + " day start \(hour):00 UTC, load \(loadTime)")

var configuration = OptimizerConfiguration()
configuration.seed = options.seed
let fitStart = clock.now
let result = Optimizer.fit(items: data.items, configuration: configuration)
let fitTime = clock.now - fitStart
let seconds = Double(fitTime.components.seconds) + Double(fitTime.components.attoseconds) * 1e-18
print(
  "fit wall time \(format(seconds, 3)) s, items used \(result.itemsUsed), fallback \(String(describing: result.fallback))"
)
print("fitted w = [" + result.parameters.values.map { format($0, 4) }.joined(separator: ", ") + "]")
report("default", .default, data.items)
report("fitted", result.parameters, data.items)

if options.tss {
  let tssStart = clock.now
  if let tss = Optimizer.timeSeriesSplit(items: data.items, folds: 5, configuration: configuration) {
    let t = clock.now - tssStart
    print(
      "time-series split (5 folds, \(tss.count) predictions): logloss \(format(tss.logLoss))"
        + "  rmse(bins) \(format(tss.rmseBins))  auc \(format(tss.auc ?? .nan, 4))  time \(t)")
  }
}
