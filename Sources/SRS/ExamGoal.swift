import Foundation

/// What an exam date asks of the scheduler: be at or above ``targetRetention`` on ``examDay``.
///
/// Days are ``StudyDay``s under ``rolloverHour`` and ``utcOffsetSeconds``; use the same values as
/// ``TimeSemantics/calendarDays(rolloverHour:utcOffsetSeconds:)`` when the scheduler counts calendar days.
/// The exam is taken on ``examDay`` itself, so the last study day is the day before; a card's
/// *exam-day retrievability* is `R(examDay − lastReviewDay, S)` with `S` its stability after the last review.
/// Under ``TimeSemantics/elapsedDays`` this day difference is never smaller than the scheduler's own
/// elapsed-day count on the exam day, so the estimate is conservative.
public struct ExamGoal: Sendable, Hashable, Codable {
  /// The day the exam is taken (not a study day).
  public var examDay: StudyDay
  /// The retrievability every item should have on ``examDay``, in (0, 1).
  public var targetRetention: Double
  /// Length `w ≥ 1` of the final-pass window: the study days `examDay − w … examDay − 1`.
  ///
  /// Rule 1 places a card's last pre-exam review at the start of the window, which leaves the rest of it
  /// for a corrective pass; the planner's final pass reviews, on every window day, each card that would
  /// otherwise reach the exam below target.
  public var finalPassDays: Int
  /// Whether the planner's final pass shows every introduced item once more (RemNote's "retrievability
  /// period"), not only the items at risk. Item `i` is then pulled on window day `examDay − w + (i mod w)`
  /// (or the first planned day, if later) unless it was reviewed on or after the start of the window.
  public var finalPassCoversAllItems: Bool
  /// The hour (0–23, local time) at which a study day starts.
  public var rolloverHour: Int
  /// The local offset from UTC in seconds.
  public var utcOffsetSeconds: Int

  /// Creates a goal.
  ///
  /// - Parameters:
  ///   - examDay: The day of the exam.
  ///   - targetRetention: Wanted retrievability on the exam day (default 0.9).
  ///   - finalPassDays: Days in the final-pass window before the exam (default 2).
  ///   - finalPassCoversAllItems: Whether the final pass reviews every item once more (default `false`).
  ///   - rolloverHour: Study-day rollover hour (default 4, Anki's).
  ///   - utcOffsetSeconds: Local offset from UTC (default 0).
  public init(
    examDay: StudyDay, targetRetention: Double = 0.9, finalPassDays: Int = 2, finalPassCoversAllItems: Bool = false,
    rolloverHour: Int = 4, utcOffsetSeconds: Int = 0
  ) {
    self.examDay = examDay
    self.targetRetention = targetRetention
    self.finalPassDays = finalPassDays
    self.finalPassCoversAllItems = finalPassCoversAllItems
    self.rolloverHour = rolloverHour
    self.utcOffsetSeconds = utcOffsetSeconds
  }

  /// The last day on which studying counts for the exam (`examDay − 1`).
  public var lastStudyDay: StudyDay { examDay.advanced(by: -1) }

  /// The first day of the final-pass window (`examDay − finalPassDays`).
  public var finalPassStart: StudyDay { examDay.advanced(by: -finalPassDays) }

  /// The study day containing `date`.
  public func day(containing date: Date) -> StudyDay {
    StudyDay(containing: date, rolloverHour: rolloverHour, utcOffsetSeconds: utcOffsetSeconds)
  }

  /// The instant `day` starts.
  public func start(of day: StudyDay) -> Date {
    day.start(rolloverHour: rolloverHour, utcOffsetSeconds: utcOffsetSeconds)
  }
}
