import Foundation

/// One card's reviews as fsrs-rs training data (`FSRSItem`): ratings with whole-day gaps, oldest first.
///
/// The first review has `deltaT = 0`; same-day reviews have `deltaT = 0`. The last review is the one
/// being predicted when the history is used for evaluation or training.
public struct ReviewHistory: Sendable, Hashable, Codable {
  /// A rating and the days since the previous review.
  public struct Review: Sendable, Hashable, Codable {
    /// The answer.
    public var rating: Rating
    /// Days since the previous review (0 for the first and for same-day reviews).
    public var deltaT: Int

    /// Creates a review entry.
    public init(rating: Rating, deltaT: Int) {
      self.rating = rating
      self.deltaT = deltaT
    }
  }

  /// The reviews, oldest first.
  public var reviews: [Review]

  /// Creates a history.
  public init(reviews: [Review]) {
    self.reviews = reviews
  }

  /// Builds one card's training items, fsrs-rs `convertor` style: one item per review with Δt > 0, holding all
  /// earlier reviews (same-day ones included); days are counted with `semantics` (use Anki's calendar days).
  ///
  /// - Returns: `(date, item)` pairs in review order; sort all cards' items by date for recency weighting.
  public static func trainingItems(
    from reviews: [(date: Date, rating: Rating)], semantics: TimeSemantics
  )
    -> [(date: Date, item: ReviewHistory)]
  {
    let sorted = reviews.sorted { $0.date < $1.date }
    guard let first = sorted.first else { return [] }
    var entries = [Review(rating: first.rating, deltaT: 0)]
    var items: [(date: Date, item: ReviewHistory)] = []
    for (previous, current) in zip(sorted, sorted.dropFirst()) {
      let delta = semantics.elapsedDays(from: previous.date, to: current.date)
      entries.append(Review(rating: current.rating, deltaT: max(delta, 0)))
      if delta > 0 { items.append((current.date, ReviewHistory(reviews: entries))) }
    }
    return items
  }
}

extension FSRS {
  /// The fsrs-rs clamp on stability during history replay and training (py-fsrs has no upper bound).
  public static let maximumStabilityFsrsRs = 36_500.0

  /// Replays `reviews` from scratch as fsrs-rs does: initial S/D from the first rating, then the same-day path
  /// when `deltaT == 0`, else the long-term update; S is clamped to [0.001, 36500] and D to [1, 10] each step.
  ///
  /// - Returns: The memory after the last review, or `nil` for an empty list.
  public func memoryState(replaying reviews: some Collection<ReviewHistory.Review>) -> MemoryState? {
    guard let first = reviews.first else { return nil }
    var memory = initialMemory(first.rating)
    memory.stability = min(memory.stability, Self.maximumStabilityFsrsRs)
    for review in reviews.dropFirst() {
      memory = nextMemory(memory, elapsedDays: review.deltaT, rating: review.rating)
      memory.stability = min(max(memory.stability, Self.minimumStability), Self.maximumStabilityFsrsRs)
    }
    return memory
  }

  /// Predicted probability of recalling the last review of `history`, from the memory after the earlier ones.
  public func predictedRecall(_ history: ReviewHistory) -> Double? {
    guard let last = history.reviews.last, let memory = memoryState(replaying: history.reviews.dropLast()) else {
      return nil
    }
    return retrievability(elapsedDays: Double(last.deltaT), stability: memory.stability)
  }
}
