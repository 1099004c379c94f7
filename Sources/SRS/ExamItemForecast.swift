/// What an ``ExamPlan`` expects for one item.
public struct ExamItemForecast: Sendable, Hashable {
  /// Position of the item: the index into the planned cards, then the extra new items in order.
  public let index: Int
  /// The item's state after the last planned review (`new` if it was never introduced).
  public let finalState: CardState
  /// The day it is first introduced by the plan, or `nil` if it was already introduced or never is.
  public let introducedOn: StudyDay?
  /// Planned reviews of the item before the exam (introduction-day steps included).
  public let plannedReviews: Int
  /// Retrievability on the exam day, `R(examDay − lastReviewDay, S)`; 0 if never introduced.
  public let examRetrievability: Double

  /// Creates a forecast.
  public init(
    index: Int, finalState: CardState, introducedOn: StudyDay?, plannedReviews: Int, examRetrievability: Double
  ) {
    self.index = index
    self.finalState = finalState
    self.introducedOn = introducedOn
    self.plannedReviews = plannedReviews
    self.examRetrievability = examRetrievability
  }
}
