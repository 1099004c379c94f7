/// Something an ``ExamPlan`` cannot deliver as asked.
public enum ExamPlanWarning: Sendable, Hashable, CustomStringConvertible {
  /// The daily minutes budget cannot cover the planned load on `days`; `peakMinutes` is the largest day.
  case overBudget(days: [StudyDay], peakMinutes: Double)
  /// `remaining` new items cannot be introduced before the exam at the daily new-item limit.
  case newItemsNotIntroduced(remaining: Int)
  /// `count` items are still expected below target on the exam day even when the plan is followed.
  case itemsBelowTarget(count: Int)

  /// A readable message.
  public var description: String {
    switch self {
    case .overBudget(let days, let peak):
      "the daily budget is exceeded on \(days.count) day(s) (peak \(Int(peak.rounded(.up))) min)"
    case .newItemsNotIntroduced(let remaining):
      "\(remaining) new item(s) cannot be introduced before the exam at the daily limit"
    case .itemsBelowTarget(let count):
      "\(count) item(s) are expected below target on the exam day"
    }
  }
}
