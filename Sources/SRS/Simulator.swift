import Foundation

/// Simulates `items` cards studied for `days` days under `config` and returns the daily workload and
/// expected retention.
///
/// Each day starts at `config.start + day·86400`. New cards are introduced in order, up to
/// `newCardsPerDay`; every card due before the day ends is reviewed (in due order, never before its due time
/// or the day start), and learning steps that fall due the same day are repeated that day, in further passes. All randomness
/// (recall, ratings, fuzz) comes from `rng`, so a seeded generator gives identical results.
///
/// - Throws: ``SchedulerError`` if `config.scheduler` is invalid.
public func simulate(
  items: Int, days: Int, config: SimulationConfig, rng: inout some RandomNumberGenerator
) throws(SchedulerError) -> SimulationResult {
  let scheduler = try Scheduler(config: config.scheduler)
  var cards: [CardState] = []
  cards.reserveCapacity(items)
  var reviews = [Int](repeating: 0, count: max(days, 0))
  var introduced = [Int](repeating: 0, count: max(days, 0))
  var memorized = [Double](repeating: 0, count: max(days, 0))
  let cap = config.maximumReviewsPerDay ?? .max

  for day in 0..<max(days, 0) {
    let dayStart = config.start.addingTimeInterval(Double(day) * 86_400)
    let dayEnd = dayStart.addingTimeInterval(86_400)
    var done = 0
    // Introduce new cards.
    while cards.count < items && introduced[day] < config.newCardsPerDay && done < cap {
      let rating = drawRating(config.firstRatingProbabilities, from: Rating.allCases, rng: &rng)
      cards.append(scheduler.review(.new, rating: rating, at: dayStart, fuzz: &rng).card)
      introduced[day] += 1
      done += 1
    }
    // Review everything due today in due order; same-day learning steps come back in the next pass.
    var queue = cards.indices.filter { (cards[$0].due ?? .distantFuture) < dayEnd }
    while !queue.isEmpty && done < cap {
      queue.sort { cards[$0].due! < cards[$1].due! }
      var again: [Int] = []
      for index in queue where done < cap {
        let card = cards[index]
        let now = max(card.due!, dayStart)
        let recalled = Double.random(in: 0..<1, using: &rng) < scheduler.retrievability(of: card, at: now)
        let rating =
          recalled ? drawRating(config.reviewRatingProbabilities, from: [.hard, .good, .easy], rng: &rng) : .again
        cards[index] = scheduler.review(card, rating: rating, at: now, fuzz: &rng).card
        done += 1
        if (cards[index].due ?? .distantFuture) < dayEnd { again.append(index) }
      }
      queue = again
    }
    reviews[day] = done
    memorized[day] = cards.reduce(0.0) { $0 + scheduler.retrievability(of: $1, at: dayEnd) }
  }
  return SimulationResult(reviewsPerDay: reviews, newCardsPerDay: introduced, memorizedPerDay: memorized)
}

private func drawRating(
  _ probabilities: [Double], from ratings: [Rating], rng: inout some RandomNumberGenerator
)
  -> Rating
{
  let total = probabilities.reduce(0, +)
  var u = Double.random(in: 0..<1, using: &rng) * total
  for (p, rating) in zip(probabilities, ratings) {
    if u < p { return rating }
    u -= p
  }
  return ratings[min(probabilities.count, ratings.count) - 1]
}
