import Core
import Foundation
import SRS
import Store

extension Session {
  /// The exam planner when an exam date is set and still ahead; nil otherwise.
  func examPlanner(scheduler: Scheduler) throws -> ExamPlanner? {
    let text = try setting("exam-date")
    guard text != "none", let date = try? CalendarDay(parsing: text) else { return nil }
    let hour = rolloverHour
    // The study day that contains the exam day's noon (UTC) is the exam's study day.
    let examDay = StudyDay(containing: date.startInUTC.addingTimeInterval(12 * 3600), rolloverHour: hour)
    guard examDay >= StudyDay(containing: now, rolloverHour: hour) else { return nil }
    let target = Double(try setting("exam-retention")) ?? 0.95
    let goal = ExamGoal(examDay: examDay, targetRetention: target, finalPassDays: 2, rolloverHour: hour)
    do {
      return try ExamPlanner(config: scheduler.config, goal: goal)
    } catch {
      throw CommandFailure(message: "cannot plan for the exam: \(error)", status: .failure)
    }
  }
}

extension SchedulingOutcomes {
  /// The outcomes with the exam-date rule applied to each (no interval runs past the exam when recall would be too low).
  func adjusted(by planner: ExamPlanner?) -> SchedulingOutcomes {
    guard let planner else { return self }
    return SchedulingOutcomes(
      current: current, again: planner.adjust(again), hard: planner.adjust(hard), good: planner.adjust(good),
      easy: planner.adjust(easy))
  }
}
