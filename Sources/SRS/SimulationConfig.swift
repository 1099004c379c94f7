import Foundation

/// Settings for ``simulate(items:days:config:rng:)``.
///
/// The simulated learner follows the scheduler's own FSRS model: a review succeeds with probability R at that
/// moment, and a success is graded Hard/Good/Easy with ``reviewRatingProbabilities``; a new card's first rating
/// follows ``firstRatingProbabilities`` (defaults are fsrs-rs `SimulatorConfig`'s).
public struct SimulationConfig: Sendable, Hashable {
  /// The scheduler under test.
  public var scheduler: SchedulerConfig
  /// New cards introduced per day (in item order).
  public var newCardsPerDay: Int
  /// Cap on reviews per day (new-card introductions included); `nil` for no cap. Cards over the cap wait.
  public var maximumReviewsPerDay: Int?
  /// Probabilities of Again, Hard, Good, Easy on a card's first review.
  public var firstRatingProbabilities: [Double]
  /// Probabilities of Hard, Good, Easy given a successful later review.
  public var reviewRatingProbabilities: [Double]
  /// The instant day 0 starts.
  public var start: Date

  /// Creates a configuration.
  public init(
    scheduler: SchedulerConfig = SchedulerConfig(),
    newCardsPerDay: Int = 20,
    maximumReviewsPerDay: Int? = nil,
    firstRatingProbabilities: [Double] = [0.24, 0.094, 0.495, 0.171],
    reviewRatingProbabilities: [Double] = [0.224, 0.632, 0.144],
    start: Date = Date(timeIntervalSince1970: 1_704_067_200)
  ) {
    self.scheduler = scheduler
    self.newCardsPerDay = newCardsPerDay
    self.maximumReviewsPerDay = maximumReviewsPerDay
    self.firstRatingProbabilities = firstRatingProbabilities
    self.reviewRatingProbabilities = reviewRatingProbabilities
    self.start = start
  }
}
