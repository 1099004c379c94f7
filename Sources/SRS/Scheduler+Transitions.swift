import Foundation

extension Scheduler {
  /// Where a card goes after one answer, before dates are attached.
  enum Destination {
    case learning(step: Int, seconds: TimeInterval)
    case relearning(step: Int, seconds: TimeInterval)
    case review
  }

  func outcomes(for card: CardState, at now: Date, fuzzFactor: Double?) -> SchedulingOutcomes {
    let ordered = config.enforceIntervalOrdering && card.kind == .review
    let again = outcome(card, .again, now, fuzzFactor, minimumDays: 1)
    let hard = outcome(card, .hard, now, fuzzFactor, minimumDays: 1)
    let good = outcome(card, .good, now, fuzzFactor, minimumDays: ordered ? (hard.intervalDays ?? 0) + 1 : 1)
    let easy = outcome(card, .easy, now, fuzzFactor, minimumDays: ordered ? (good.intervalDays ?? 0) + 1 : 1)
    return SchedulingOutcomes(current: card, again: again, hard: hard, good: good, easy: easy)
  }

  func outcome(
    _ card: CardState, _ rating: Rating, _ now: Date, _ fuzzFactor: Double?, minimumDays: Int
  ) -> SchedulingOutcome {
    let memory = nextMemory(card, rating: rating, at: now)
    let schedule: (TimeInterval) -> CardSchedule = { seconds in
      CardSchedule(memory: memory, due: now.addingTimeInterval(seconds), lastReview: now, scheduledInterval: seconds)
    }
    switch destination(card, rating: rating) {
    case .learning(let step, let seconds):
      return SchedulingOutcome(rating: rating, card: .learning(step: step, schedule(seconds)), interval: seconds)
    case .relearning(let step, let seconds):
      return SchedulingOutcome(rating: rating, card: .relearning(step: step, schedule(seconds)), interval: seconds)
    case .review:
      let days = reviewDays(stability: memory.stability, minimumDays: minimumDays, fuzzFactor: fuzzFactor)
      let seconds = Double(days) * 86_400
      return SchedulingOutcome(rating: rating, card: .review(schedule(seconds)), interval: seconds)
    }
  }

  /// The memory after answering: initial S/D for a new card, the same-day path when less than one day has
  /// elapsed, otherwise the long-term update with R at the elapsed days.
  func nextMemory(_ card: CardState, rating: Rating, at now: Date) -> MemoryState {
    guard let schedule = card.schedule else { return fsrs.initialMemory(rating) }
    let days = elapsedDays(from: schedule.lastReview, to: now)
    if days < 1 { return fsrs.nextMemory(schedule.memory, elapsedDays: 0, rating: rating) }
    return fsrs.nextMemory(schedule.memory, elapsedDays: days, rating: rating)
  }

  /// py-fsrs step logic for Learning/Relearning and Review.
  func destination(_ card: CardState, rating: Rating) -> Destination {
    switch card {
    case .new:
      return stepDestination(step: 0, rating: rating, steps: config.learningSteps, relearning: false)
    case .learning(let step, _):
      return stepDestination(step: step, rating: rating, steps: config.learningSteps, relearning: false)
    case .relearning(let step, _):
      return stepDestination(step: step, rating: rating, steps: config.relearningSteps, relearning: true)
    case .review:
      guard rating == .again, let first = config.relearningSteps.first else { return .review }
      return .relearning(step: 0, seconds: first)
    }
  }

  private func stepDestination(step: Int, rating: Rating, steps: [TimeInterval], relearning: Bool) -> Destination {
    // A card at a step beyond the configured steps (the steps were shortened) graduates on any pass.
    if steps.isEmpty || (step >= steps.count && rating != .again) { return .review }
    let stay: (Int, TimeInterval) -> Destination = { step, seconds in
      relearning ? .relearning(step: step, seconds: seconds) : .learning(step: step, seconds: seconds)
    }
    switch rating {
    case .again:
      return stay(0, steps[0])
    case .hard:
      if step == 0 && steps.count == 1 { return stay(0, steps[0] * 1.5) }
      if step == 0 { return stay(0, (steps[0] + steps[1]) / 2.0) }
      return stay(step, steps[step])
    case .good:
      return step + 1 == steps.count ? .review : stay(step + 1, steps[step + 1])
    case .easy:
      return .review
    }
  }

  /// Whole review days: py-fsrs rounding and bounds, then Anki's minimum (ordering) and fuzz when enabled.
  func reviewDays(stability: Double, minimumDays: Int, fuzzFactor: Double?) -> Int {
    let maximum = config.maximumInterval
    var days = fsrs.interval(
      stability: stability, desiredRetention: config.desiredRetention, maximumInterval: maximum)
    let minimum = min(max(minimumDays, 1), maximum)
    days = max(days, minimum)
    if let fuzzFactor, Double(days) >= 2.5 {
      days = FuzzBounds(interval: Double(days), minimum: minimum, maximum: maximum).draw(factor: fuzzFactor)
    }
    return days
  }
}
