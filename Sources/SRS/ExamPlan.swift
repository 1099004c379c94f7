/// The outcome of ``ExamPlanner/plan(cards:newItems:today:budget:)``: the daily load until the exam and the
/// expected exam-day retrievability of every item, on the planned path.
public struct ExamPlan: Sendable, Hashable {
  /// The goal planned for.
  public let goal: ExamGoal
  /// The first planned day.
  public let today: StudyDay
  /// One entry per study day from `today` to the day before the exam (empty when the exam is today).
  public let days: [ExamPlanDay]
  /// One forecast per item: the planned cards in order, then the extra new items.
  public let items: [ExamItemForecast]
  /// What the plan cannot deliver as asked, in a fixed order: over budget, new items left, items below target.
  public let warnings: [ExamPlanWarning]

  /// Creates a plan.
  public init(
    goal: ExamGoal, today: StudyDay, days: [ExamPlanDay], items: [ExamItemForecast], warnings: [ExamPlanWarning]
  ) {
    self.goal = goal
    self.today = today
    self.days = days
    self.items = items
    self.warnings = warnings
  }

  /// Mean exam-day retrievability over all items (never-introduced items count as 0); 0 with no items.
  public var meanExamRetrievability: Double {
    items.isEmpty ? 0 : items.reduce(0) { $0 + $1.examRetrievability } / Double(items.count)
  }

  /// Fraction of items whose exam-day retrievability is at or above the target; 1 with no items.
  public var fractionAtTarget: Double {
    guard !items.isEmpty else { return 1 }
    let met = items.count { $0.examRetrievability >= goal.targetRetention }
    return Double(met) / Double(items.count)
  }

  /// The days whose estimate exceeds the daily budget.
  public var daysOverBudget: [StudyDay] { days.filter(\.overBudget).map(\.day) }

  /// Total estimated minutes until the exam.
  public var totalMinutes: Double { days.reduce(0) { $0 + $1.minutes } }

  /// Total planned reviews (new-item introductions excluded).
  public var totalReviews: Int { days.reduce(0) { $0 + $1.reviews } }
}
