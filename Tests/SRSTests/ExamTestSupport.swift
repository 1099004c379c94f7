import Foundation
import SRS

/// Card sets and an independent "learner who follows the plan" for the exam-planning tests.
enum ExamFixtures {
  /// Calendar-day semantics with the same day boundary as the goals below.
  static let config = SchedulerConfig(timeSemantics: .ankiDefault)
  /// The study day containing ``TestClock/t0`` (2024-01-01, rollover 04:00 UTC).
  static let today = StudyDay(containing: TestClock.t0)

  static func goal(examIn days: Int, target: Double = 0.9, finalPassDays: Int = 2) -> ExamGoal {
    ExamGoal(examDay: today.advanced(by: days), targetRetention: target, finalPassDays: finalPassDays)
  }

  static func planner(examIn days: Int, target: Double = 0.9, finalPassDays: Int = 2) throws -> ExamPlanner {
    try ExamPlanner(config: config, goal: goal(examIn: days, target: target, finalPassDays: finalPassDays))
  }

  /// A review card last seen `daysAgo` days before `t0` with its normal FSRS interval at 0.9.
  static func reviewCard(stability: Double, difficulty: Double, daysAgo: Double) -> CardState {
    let last = TestClock.at(days: -daysAgo)
    let days = FSRS().interval(stability: stability, desiredRetention: 0.9, maximumInterval: 36_500)
    let seconds = Double(days) * TestClock.day
    return .review(
      CardSchedule(
        memory: MemoryState(stability: stability, difficulty: difficulty), due: last.addingTimeInterval(seconds),
        lastReview: last, scheduledInterval: seconds))
  }

  /// A realistic mixed deck: fresh, learning, young, mature (long stabilities), overdue and lapsed cards.
  static func mixedDeck() -> [CardState] {
    var cards: [CardState] = Array(repeating: .new, count: 10)
    let lapseTime = TestClock.at(days: -1, hours: 2)
    let lapsed = MemoryState(stability: 1.2, difficulty: 8.5)
    cards.append(
      .relearning(
        step: 0, CardSchedule(memory: lapsed, due: lapseTime + 600, lastReview: lapseTime, scheduledInterval: 600)))
    let learning = MemoryState(stability: 2.3, difficulty: 5)
    cards.append(
      .learning(
        step: 1,
        CardSchedule(memory: learning, due: TestClock.t0 + 600, lastReview: TestClock.t0, scheduledInterval: 600)))
    for (i, s) in [0.8, 2.5, 4, 9, 15].enumerated() {  // young and just-lapsed review cards
      cards.append(reviewCard(stability: s, difficulty: 4 + Double(i), daysAgo: Double(i % 3)))
    }
    for (i, s) in [60.0, 120, 250, 400, 900].enumerated() {  // mature, some due before and some after the exam
      cards.append(reviewCard(stability: s, difficulty: 3 + Double(i), daysAgo: Double(5 + 17 * i)))
    }
    cards.append(reviewCard(stability: 20, difficulty: 6, daysAgo: 45))  // long overdue
    return cards
  }
}

/// A learner who studies every day, answers `good`, and follows rule 1 and the final pass, written against the
/// public API only. Returns the states on the exam morning and the reviews done each day (first-day steps of
/// new items excluded, as in ``ExamPlanDay/reviews``).
func followPlan(
  _ planner: ExamPlanner, cards: [CardState], newItems: Int, dailyNewLimit: Int, from today: StudyDay
) -> (states: [CardState], reviews: [Int]) {
  let goal = planner.goal
  var states = cards.map { planner.adjust($0) } + Array(repeating: CardState.new, count: newItems)
  var waiting = states.indices.filter { states[$0] == .new }
  var reviewsPerDay: [Int] = []
  var day = today
  while day < goal.examDay {
    let start = goal.start(of: day)
    let end = goal.start(of: day.advanced(by: 1))
    let introduced = Array(waiting.prefix(dailyNewLimit))
    waiting.removeFirst(introduced.count)
    for i in introduced { states[i] = planner.review(.new, rating: .good, at: start).card }
    var reviews = 0
    let atRisk =
      day >= goal.finalPassStart
      ? states.indices.filter { i in
        guard let due = states[i].due else { return false }
        return goal.day(containing: due) >= goal.examDay
          && planner.examRetrievability(of: states[i]) < goal.targetRetention
      } : []
    for i in atRisk {
      states[i] = planner.review(states[i], rating: .good, at: start).card
      reviews += 1
    }
    // Everything due today, earliest first, until nothing is due before the day ends.
    while let i = states.indices.filter({ (states[$0].due ?? .distantFuture) < end })
      .min(by: { (states[$0].due!, $0) < (states[$1].due!, $1) })
    {
      states[i] = planner.review(states[i], rating: .good, at: max(states[i].due!, start)).card
      if !introduced.contains(i) { reviews += 1 }
    }
    reviewsPerDay.append(reviews)
    day = day.advanced(by: 1)
  }
  return (states, reviewsPerDay)
}

/// `R(examDay − lastReviewDay, S)` computed directly from the FSRS formula.
func examDayRetrievability(_ card: CardState, goal: ExamGoal) -> Double {
  guard let schedule = card.schedule else { return 0 }
  let elapsed = goal.examDay.days(since: goal.day(containing: schedule.lastReview))
  return FSRS().retrievability(elapsedDays: Double(elapsed), stability: schedule.memory.stability)
}
