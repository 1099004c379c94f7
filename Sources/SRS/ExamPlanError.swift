/// Why ``ExamPlanner`` refused a goal, a budget or a planning request.
public enum ExamPlanError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The scheduler configuration is invalid.
  case invalidConfig(SchedulerError)
  /// Target retention outside (0, 1).
  case invalidTarget(Double)
  /// A final-pass window shorter than one day.
  case invalidFinalPassDays(Int)
  /// The exam day is before `today`.
  case examInPast(examDay: StudyDay, today: StudyDay)
  /// A negative new-item limit or item count, or a non-positive or non-finite time or budget.
  case invalidBudget(String)

  /// A readable message.
  public var description: String {
    switch self {
    case .invalidConfig(let error): "invalid scheduler configuration: \(error)"
    case .invalidTarget(let r): "target retention \(r) is not in (0, 1)"
    case .invalidFinalPassDays(let days): "final-pass window of \(days) days is shorter than 1 day"
    case .examInPast(let exam, let today): "exam day \(exam.index) is before today (\(today.index))"
    case .invalidBudget(let reason): "invalid study budget: \(reason)"
    }
  }
}
