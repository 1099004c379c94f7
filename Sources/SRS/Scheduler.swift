import Foundation

/// The FSRS-6 scheduler: a pure function from (card, time, rating) to the next card state.
///
/// With fuzz disabled and ``TimeSemantics/elapsedDays`` it reproduces py-fsrs 6.3.2 `review_card` exactly.
/// Memory (S, D) is updated on every review, in every state; a review less than one day (under the configured
/// semantics) after the previous one takes the same-day stability path.
///
/// Fuzz uses a single factor per call, drawn from the caller's generator, so all four outcomes share it
/// (as in Anki) and ``review(_:rating:at:fuzz:)`` equals the matching entry of ``nextStates(for:at:fuzz:)``.
public struct Scheduler: Sendable, Hashable {
  /// The configuration in use.
  public let config: SchedulerConfig
  /// The FSRS model built from `config.parameters`.
  public let fsrs: FSRS

  /// Creates a scheduler after validating the configuration like py-fsrs does.
  ///
  /// - Throws: ``SchedulerError`` for out-of-range parameters (use ``Parameters/clipped(numRelearningSteps:enableShortTerm:)``
  ///   for fsrs-rs behaviour), desired retention outside (0, 1], a maximum interval below 1 or a non-positive step.
  public init(config: SchedulerConfig = SchedulerConfig()) throws(SchedulerError) {
    do {
      _ = try config.parameters.validated()
    } catch {
      throw .invalidParameters(error)
    }
    guard config.desiredRetention > 0, config.desiredRetention <= 1 else {
      throw .invalidDesiredRetention(config.desiredRetention)
    }
    guard config.maximumInterval >= 1 else { throw .invalidMaximumInterval(config.maximumInterval) }
    if let bad = (config.learningSteps + config.relearningSteps).first(where: { !($0 > 0 && $0.isFinite) }) {
      throw .invalidStep(bad)
    }
    self.config = config
    self.fsrs = FSRS(parameters: config.parameters)
  }

  // MARK: Answering

  /// The outcome of each rating for `card` reviewed at `now`.
  ///
  /// - Parameter generator: Supplies one fuzz factor when fuzz is enabled; untouched otherwise.
  public func nextStates(
    for card: CardState, at now: Date, fuzz generator: inout some RandomNumberGenerator
  )
    -> SchedulingOutcomes
  {
    let factor = config.enableFuzz ? Double.random(in: 0..<1, using: &generator) : nil
    return outcomes(for: card, at: now, fuzzFactor: factor)
  }

  /// The outcome of each rating, with fuzz drawn from a generator seeded by the card and `now`
  /// (see ``fuzzSeed(for:at:)``), so the same inputs always give the same intervals.
  public func nextStates(for card: CardState, at now: Date) -> SchedulingOutcomes {
    var generator = SplitMix64(seed: Self.fuzzSeed(for: card, at: now))
    return nextStates(for: card, at: now, fuzz: &generator)
  }

  /// Answers `card` with `rating` at `now`.
  public func review(
    _ card: CardState, rating: Rating, at now: Date, fuzz generator: inout some RandomNumberGenerator
  ) -> SchedulingOutcome {
    let factor = config.enableFuzz ? Double.random(in: 0..<1, using: &generator) : nil
    // Good and Easy depend on the other outcomes only under Anki's ordering for review cards.
    if config.enforceIntervalOrdering && card.kind == .review && (rating == .good || rating == .easy) {
      return outcomes(for: card, at: now, fuzzFactor: factor)[rating]
    }
    return outcome(card, rating, now, factor, minimumDays: 1)
  }

  /// Answers `card` with `rating` at `now`, with the deterministic per-card fuzz of ``nextStates(for:at:)``.
  public func review(_ card: CardState, rating: Rating, at now: Date) -> SchedulingOutcome {
    nextStates(for: card, at: now)[rating]
  }

  // MARK: Queries

  /// Probability of recall at `now` (py-fsrs `get_card_retrievability`): 0 for a new card, otherwise
  /// `R(t, S)` with `t` the elapsed days under the configured semantics, floored at 0.
  public func retrievability(of card: CardState, at now: Date) -> Double {
    guard let schedule = card.schedule else { return 0 }
    let days = max(0, elapsedDays(from: schedule.lastReview, to: now))
    return fsrs.retrievability(elapsedDays: Double(days), stability: schedule.memory.stability)
  }

  /// Elapsed days between two instants under the configured ``TimeSemantics``.
  public func elapsedDays(from start: Date, to end: Date) -> Int {
    config.timeSemantics.elapsedDays(from: start, to: end)
  }

  /// A deterministic seed from the card's last review and the review time (milliseconds), for reproducible fuzz.
  public static func fuzzSeed(for card: CardState, at now: Date) -> UInt64 {
    let reviewed = millisecondBits(card.lastReview ?? Date(timeIntervalSince1970: 0))
    return reviewed &* 0x9E37_79B9_7F4A_7C15 ^ millisecondBits(now)
  }

  /// Milliseconds since 1970 as bits; a date beyond ±2^63 ms (an imported log's garbage) saturates, never traps.
  static func millisecondBits(_ date: Date) -> UInt64 {
    let ms = (date.timeIntervalSince1970 * 1000).rounded()
    guard ms.isFinite else { return 0 }
    guard ms > -9.2e18 else { return UInt64(bitPattern: Int64.min) }
    guard ms < 9.2e18 else { return UInt64(bitPattern: Int64.max) }
    return UInt64(bitPattern: Int64(ms))
  }
}
