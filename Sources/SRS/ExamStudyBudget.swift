/// How much the learner can study per day, and how long each kind of review takes, for ``ExamPlanner``.
public struct ExamStudyBudget: Sendable, Hashable, Codable {
  /// Most new items introduced per day.
  public var dailyNewLimit: Int
  /// Minutes available per day; a day whose estimate exceeds it is flagged. `nil` means unlimited.
  public var dailyMinutes: Double?
  /// Seconds per review of an already-introduced item (default 20; better: the learner's median from history).
  public var secondsPerReview: Double
  /// Seconds to introduce one new item, its same-day learning steps included (default 60).
  public var secondsPerNewItem: Double
  /// The answer the planned learner gives at every review (default `good`). With `again` the plan never
  /// converges; use `hard` for a pessimistic plan.
  public var assumedRating: Rating

  /// Creates a budget.
  public init(
    dailyNewLimit: Int = 20, dailyMinutes: Double? = nil, secondsPerReview: Double = 20,
    secondsPerNewItem: Double = 60, assumedRating: Rating = .good
  ) {
    self.dailyNewLimit = dailyNewLimit
    self.dailyMinutes = dailyMinutes
    self.secondsPerReview = secondsPerReview
    self.secondsPerNewItem = secondsPerNewItem
    self.assumedRating = assumedRating
  }
}
