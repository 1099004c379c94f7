/// One study day of an ``ExamPlan``.
public struct ExamPlanDay: Sendable, Hashable {
  /// The study day.
  public let day: StudyDay
  /// Reviews of already-introduced items on the planned path (same-day learning and relearning steps
  /// included; the introduction-day steps of new items are counted in ``newItems`` instead).
  public let reviews: Int
  /// How many of ``reviews`` were pulled in by the final pass (not otherwise due before the exam).
  public let finalPassReviews: Int
  /// New items introduced.
  public let newItems: Int
  /// Expected extra same-day relearning reviews from lapses: Σ (1 − R) × relearning steps over the
  /// day's long-term reviews, with R the retrievability at review time.
  public let expectedLapseReviews: Double
  /// Estimated minutes: (new items × seconds per new item + (reviews + expected lapse reviews) ×
  /// seconds per review) / 60.
  public let minutes: Double
  /// Whether ``minutes`` exceeds the daily budget.
  public let overBudget: Bool
  /// Whether the day lies in the final-pass window.
  public let isFinalPass: Bool

  /// Creates a day.
  public init(
    day: StudyDay, reviews: Int, finalPassReviews: Int, newItems: Int, expectedLapseReviews: Double,
    minutes: Double, overBudget: Bool, isFinalPass: Bool
  ) {
    self.day = day
    self.reviews = reviews
    self.finalPassReviews = finalPassReviews
    self.newItems = newItems
    self.expectedLapseReviews = expectedLapseReviews
    self.minutes = minutes
    self.overBudget = overBudget
    self.isFinalPass = isFinalPass
  }

  /// Expected reviews: planned reviews plus expected lapse reviews (new-item introductions excluded).
  public var expectedReviews: Double { Double(reviews) + expectedLapseReviews }
}
