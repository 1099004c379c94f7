import Foundation

/// Exam-date planning on top of ``Scheduler``: the due-date rule applied after every review while an exam
/// date is set (rule 1, below) and the forward plan built from it (``plan(cards:newItems:today:budget:)``).
///
/// Everything is a pure function of its inputs; days are ``StudyDay``s of ``goal``.
///
/// ## Rule 1: capping a due date before the exam
///
/// A review on day `r` leaves stability `S` and a normal FSRS due day `d`. With exam day `E`, target `τ`
/// and final-pass window `W = [E − w, E − 1]` (``ExamGoal/finalPassDays`` = `w`), the due day is changed
/// only when all of these hold:
/// 1. `d ≥ E`: the card would not come up again before the exam;
/// 2. `R(E − r, S) < τ`: without another review it would reach the exam below target;
/// 3. `r ≤ E − 2`: there is still a study day after the review day and before the exam.
///
/// It then becomes the first day `x` of `W`, not before `r + 1`, for which a `good` review on `x` keeps
/// the card at target: `R(E − x, S′(x)) ≥ τ`, where `S′(x)` is the FSRS stability after a `good` answer
/// `x − r` days after the review; if no day of `W` qualifies, `x = E − 1`. The review is thus placed at
/// the start of the window — as late as possible while leaving the rest of the window for a corrective
/// pass — and later within the window only as far as a weak card needs. Because `x ≤ E − 1 < d` the
/// interval only ever shrinks, and because `x ≥ r + 1` it never falls on the review day. Cards that
/// already reach the exam at target keep their normal interval. The new due keeps the time of day of the
/// review (`lastReview + (x − r)` days).
public struct ExamPlanner: Sendable, Hashable {
  /// The scheduler whose outcomes are adjusted.
  public let scheduler: Scheduler
  /// The exam date and target.
  public let goal: ExamGoal

  /// Creates a planner after validating the configuration and the goal.
  ///
  /// - Throws: ``ExamPlanError/invalidConfig(_:)``, ``ExamPlanError/invalidTarget(_:)`` for a target outside
  ///   (0, 1), or ``ExamPlanError/invalidFinalPassDays(_:)`` for a window shorter than a day.
  public init(config: SchedulerConfig = SchedulerConfig(), goal: ExamGoal) throws(ExamPlanError) {
    do {
      self.scheduler = try Scheduler(config: config)
    } catch {
      throw .invalidConfig(error)
    }
    guard goal.targetRetention > 0, goal.targetRetention < 1 else { throw .invalidTarget(goal.targetRetention) }
    guard goal.finalPassDays >= 1 else { throw .invalidFinalPassDays(goal.finalPassDays) }
    self.goal = goal
  }

  // MARK: Exam-day retrievability

  /// `R(examDay − lastReviewDay, S)`: the retrievability on the exam day without further reviews.
  public func examRetrievability(stability: Double, lastReviewDay: StudyDay) -> Double {
    let days = max(0, goal.examDay.days(since: lastReviewDay))
    return scheduler.fsrs.retrievability(elapsedDays: Double(days), stability: stability)
  }

  /// The exam-day retrievability of `card` as it stands: 0 for a new card.
  public func examRetrievability(of card: CardState) -> Double {
    guard let schedule = card.schedule else { return 0 }
    return examRetrievability(
      stability: schedule.memory.stability, lastReviewDay: goal.day(containing: schedule.lastReview))
  }

  /// The exam-day retrievability if a card with `memory`, last reviewed on `lastReviewDay`, is reviewed
  /// again on `day` with `rating` and then not before the exam.
  public func examRetrievability(
    afterReviewOn day: StudyDay, memory: MemoryState, lastReviewDay: StudyDay, rating: Rating = .good
  ) -> Double {
    let next = scheduler.fsrs.nextMemory(memory, elapsedDays: day.days(since: lastReviewDay), rating: rating)
    return examRetrievability(stability: next.stability, lastReviewDay: day)
  }

  // MARK: Rule 1

  /// Rule 1 on days: the due day for a card reviewed on `reviewDay`, left with `memory`, whose normal FSRS
  /// due day is `proposedDueDay` (see the type documentation). Never later than `proposedDueDay`.
  public func adjustedDueDay(reviewDay: StudyDay, memory: MemoryState, proposedDueDay: StudyDay) -> StudyDay {
    let exam = goal.examDay
    guard proposedDueDay >= exam, reviewDay.advanced(by: 2) <= exam,
      examRetrievability(stability: memory.stability, lastReviewDay: reviewDay) < goal.targetRetention
    else { return proposedDueDay }
    let first = max(goal.finalPassStart, reviewDay.advanced(by: 1))
    let last = goal.lastStudyDay
    let chosen =
      (first...last).first {
        examRetrievability(afterReviewOn: $0, memory: memory, lastReviewDay: reviewDay) >= goal.targetRetention
      } ?? last
    return min(chosen, proposedDueDay)
  }

  /// Applies rule 1 to a card just reviewed (or to any scheduled card, from its last review).
  /// New cards and cards the rule leaves alone are returned unchanged.
  public func adjust(_ card: CardState) -> CardState {
    guard let schedule = card.schedule else { return card }
    let reviewDay = goal.day(containing: schedule.lastReview)
    let dueDay = goal.day(containing: schedule.due)
    let newDay = adjustedDueDay(reviewDay: reviewDay, memory: schedule.memory, proposedDueDay: dueDay)
    guard newDay < dueDay else { return card }
    let seconds = Double(newDay.days(since: reviewDay)) * 86_400
    let moved = CardSchedule(
      memory: schedule.memory, due: schedule.lastReview.addingTimeInterval(seconds),
      lastReview: schedule.lastReview, scheduledInterval: seconds)
    switch card {
    case .new: return card
    case .learning(let step, _): return .learning(step: step, moved)
    case .review: return .review(moved)
    case .relearning(let step, _): return .relearning(step: step, moved)
    }
  }

  /// Applies rule 1 to the outcome of a review: the card's due date and the interval may shrink.
  public func adjust(_ outcome: SchedulingOutcome) -> SchedulingOutcome {
    let card = adjust(outcome.card)
    guard card != outcome.card, let schedule = card.schedule else { return outcome }
    return SchedulingOutcome(rating: outcome.rating, card: card, interval: schedule.scheduledInterval)
  }

  /// Answers `card` with `rating` at `now` through the scheduler, then applies rule 1.
  public func review(_ card: CardState, rating: Rating, at now: Date) -> SchedulingOutcome {
    adjust(scheduler.review(card, rating: rating, at: now))
  }
}
