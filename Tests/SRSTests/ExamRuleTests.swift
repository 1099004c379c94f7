import Foundation
import SRS
import Testing

@Suite("Exam rule 1: capping due dates before the exam")
struct ExamRuleTests {
  let today = ExamFixtures.today

  @Test func cardAlreadyAtTarget_keepsItsNormalInterval() throws {
    let planner = try ExamFixtures.planner(examIn: 8)
    let memory = MemoryState(stability: 10, difficulty: 5)
    // R(8, 10) ≈ 0.915 ≥ 0.9, so the due day after the exam stands.
    #expect(planner.examRetrievability(stability: 10, lastReviewDay: today) >= 0.9)
    #expect(planner.adjustedDueDay(reviewDay: today, memory: memory, proposedDueDay: today + 10) == today + 10)
  }

  @Test func cardBelowTarget_movesToTheStartOfTheFinalPassWindow() throws {
    let planner = try ExamFixtures.planner(examIn: 8, target: 0.95, finalPassDays: 2)
    let memory = MemoryState(stability: 10, difficulty: 5)
    let day = planner.adjustedDueDay(reviewDay: today, memory: memory, proposedDueDay: today + 10)
    #expect(day == today + 6)
    #expect(planner.examRetrievability(afterReviewOn: day, memory: memory, lastReviewDay: today) >= 0.95)
  }

  @Test func dueBeforeTheExam_isLeftAlone() throws {
    let planner = try ExamFixtures.planner(examIn: 30, target: 0.99)
    let memory = MemoryState(stability: 3, difficulty: 5)
    #expect(planner.adjustedDueDay(reviewDay: today, memory: memory, proposedDueDay: today + 3) == today + 3)
  }

  @Test func noStudyDayLeft_isLeftAlone_andTheDayBeforeIsTheFloor() throws {
    let planner = try ExamFixtures.planner(examIn: 10, target: 0.97, finalPassDays: 3)
    let weak = MemoryState(stability: 0.5, difficulty: 9)
    // Reviewed on the last study day: nothing can be done before the exam.
    #expect(planner.adjustedDueDay(reviewDay: today + 9, memory: weak, proposedDueDay: today + 10) == today + 10)
    // Reviewed two days before: never before tomorrow, never after the last study day.
    #expect(planner.adjustedDueDay(reviewDay: today + 8, memory: weak, proposedDueDay: today + 11) == today + 9)
  }

  /// Exhaustive check of the documented rule over stabilities, difficulties, exam distances, targets and windows.
  @Test(arguments: [0.85, 0.9, 0.95], [1, 2, 3])
  func rule_movesExactlyWhenNeeded_andNeverLengthens(target: Double, window: Int) throws {
    let fsrs = FSRS()
    for examIn in 1...60 {
      let planner = try ExamFixtures.planner(examIn: examIn, target: target, finalPassDays: window)
      let exam = planner.goal.examDay
      for s in [0.3, 1, 2.5, 7, 20, 45, 120, 400] {
        for d in [2.0, 5, 9] {
          let memory = MemoryState(stability: s, difficulty: d)
          let due = today + fsrs.interval(stability: s, desiredRetention: 0.9, maximumInterval: 36_500)
          let moved = planner.adjustedDueDay(reviewDay: today, memory: memory, proposedDueDay: due)
          let rExam = planner.examRetrievability(stability: s, lastReviewDay: today)
          let needed = due >= exam && examIn >= 2 && rExam < target
          #expect(moved <= due)
          #expect((moved != due) == needed, "S=\(s) D=\(d) exam+\(examIn) due=\(due.index - today.index)")
          guard needed else { continue }
          let first = max(exam - window, today + 1)
          #expect(moved >= first && moved <= exam - 1)
          let after = { (day: StudyDay) in
            planner.examRetrievability(afterReviewOn: day, memory: memory, lastReviewDay: today)
          }
          #expect(after(moved) >= target || moved == exam - 1)
          #expect(moved == first || after(moved - 1) < target)
        }
      }
    }
  }

  @Test func adjustOutcome_shrinksTheIntervalAndKeepsMemoryAndTimeOfDay() throws {
    let planner = try ExamFixtures.planner(examIn: 20, target: 0.98)
    let card = ExamFixtures.reviewCard(stability: 30, difficulty: 5, daysAgo: 30)
    let normal = planner.scheduler.review(card, rating: .good, at: TestClock.t0)
    let adjusted = planner.adjust(normal)
    #expect(normal.intervalDays! > 20)
    #expect(adjusted.intervalDays == 18)
    #expect(adjusted.interval == adjusted.card.scheduledInterval)
    #expect(adjusted.card.memory == normal.card.memory)
    #expect(adjusted.card.due == TestClock.at(days: 18))
    #expect(planner.review(card, rating: .good, at: TestClock.t0) == adjusted)
  }

  @Test func adjust_leavesNewAndSubDayLearningCardsAlone() throws {
    let planner = try ExamFixtures.planner(examIn: 5, target: 0.99)
    #expect(planner.adjust(CardState.new) == .new)
    let learning = planner.scheduler.review(.new, rating: .good, at: TestClock.t0)
    #expect(planner.adjust(learning) == learning)
  }

  @Test func everyOutcomeIsUnchangedWhenTheExamIsFarAway() throws {
    let planner = try ExamFixtures.planner(examIn: 3_000)
    for card in ExamFixtures.mixedDeck() {
      let outcome = planner.scheduler.review(card, rating: .good, at: TestClock.t0)
      #expect(planner.adjust(outcome) == outcome)
    }
  }

  @Test func invalidGoals_areRejected() {
    #expect(throws: ExamPlanError.invalidTarget(1)) { try ExamFixtures.planner(examIn: 5, target: 1) }
    #expect(throws: ExamPlanError.invalidTarget(0)) { try ExamFixtures.planner(examIn: 5, target: 0) }
    #expect(throws: ExamPlanError.invalidFinalPassDays(0)) { try ExamFixtures.planner(examIn: 5, finalPassDays: 0) }
    let bad = SchedulerConfig(desiredRetention: 1.5)
    #expect(throws: ExamPlanError.invalidConfig(.invalidDesiredRetention(1.5))) {
      try ExamPlanner(config: bad, goal: ExamFixtures.goal(examIn: 5))
    }
  }
}

extension StudyDay {
  fileprivate static func + (day: StudyDay, days: Int) -> StudyDay { day.advanced(by: days) }
  fileprivate static func - (day: StudyDay, days: Int) -> StudyDay { day.advanced(by: -days) }
}
