import ArgumentParser
import Foundation
import SRS

/// SchedulerBench: review updates per second (the whole FSRS-6 transition, all four
/// outcomes computed as the REPL does, and one chosen), and a 10,000-item × 365-day simulation.
struct Options: ParsableArguments {
  @Option(help: "Review updates to time.")
  var reviews = 2_000_000

  @Option(help: "Items in the simulation.")
  var items = 10_000

  @Option(help: "Days in the simulation.")
  var days = 365
}

let options = Options.parseOrExit()
let clock = ContinuousClock()
func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

var config = SchedulerConfig()
config.enableFuzz = false
let scheduler = try Scheduler(config: config)
var random = SplitMix64(seed: 42)
let start = Date(timeIntervalSince1970: 1_700_000_000)

// One `review` call per update, on a rolling set of cards: each card is reviewed when due.
var cards = [CardState](repeating: .new, count: 1000)
var times = [Date](repeating: start, count: 1000)
var checksum = 0.0
let began = clock.now
for index in 0..<options.reviews {
  let slot = index % cards.count
  let rating = Rating(rawValue: Int(random.next() % 4) + 1)!
  let outcome = scheduler.review(cards[slot], rating: rating, at: times[slot])
  cards[slot] = outcome.card
  times[slot] = times[slot].addingTimeInterval(max(60, outcome.interval))
  checksum += outcome.card.memory?.stability ?? 0
}
let reviewTime = seconds(clock.now - began)
print(
  String(
    format: "review updates: %d in %.3f s = %.0f per second (checksum %.3e)", options.reviews, reviewTime,
    Double(options.reviews) / reviewTime, checksum))

var simulation = SimulationConfig(scheduler: config)
simulation.newCardsPerDay = max(1, options.items / 60)
var simRandom = SplitMix64(seed: 7)
let simBegan = clock.now
let result = try simulate(items: options.items, days: options.days, config: simulation, rng: &simRandom)
let simTime = seconds(clock.now - simBegan)
print(
  String(
    format: "simulation: %d items × %d days in %.3f s (%d reviews)", options.items, options.days, simTime,
    result.totalReviews))
