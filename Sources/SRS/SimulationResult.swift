/// Per-day totals from ``simulate(items:days:config:rng:)``.
public struct SimulationResult: Sendable, Hashable {
  /// Reviews done each day (first reviews of new cards included).
  public let reviewsPerDay: [Int]
  /// New cards introduced each day.
  public let newCardsPerDay: [Int]
  /// Expected number of cards remembered at the end of each day: Σ R over introduced cards (fsrs-rs
  /// `memorized_cnt_per_day`).
  public let memorizedPerDay: [Double]

  /// Creates a result.
  public init(reviewsPerDay: [Int], newCardsPerDay: [Int], memorizedPerDay: [Double]) {
    self.reviewsPerDay = reviewsPerDay
    self.newCardsPerDay = newCardsPerDay
    self.memorizedPerDay = memorizedPerDay
  }

  /// Total reviews over the whole run.
  public var totalReviews: Int { reviewsPerDay.reduce(0, +) }
}
