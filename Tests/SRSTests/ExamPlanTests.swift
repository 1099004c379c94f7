import Foundation
import SRS
import Testing

@Suite("Exam plan: daily load and exam-day retrievability")
struct ExamPlanTests {
  let today = ExamFixtures.today

  /// Following the plan day by day (independently re-implemented) leaves every item at target on the exam day,
  /// reproduces the plan's daily reviews and final states, and raises no warning when the budget suffices.
  @Test(arguments: [(30, 0.9), (30, 0.95), (12, 0.9), (60, 0.97), (4, 0.9)])
  func enoughBudget_everyItemReachesTarget(examIn: Int, target: Double) throws {
    let planner = try ExamFixtures.planner(examIn: examIn, target: target)
    let cards = ExamFixtures.mixedDeck()
    let budget = ExamStudyBudget(dailyNewLimit: 15, dailyMinutes: 120)
    let plan = try planner.plan(cards: cards, newItems: 40, today: today, budget: budget)
    let followed = followPlan(planner, cards: cards, newItems: 40, dailyNewLimit: 15, from: today)

    #expect(plan.warnings == [])
    #expect(plan.days.count == examIn)
    #expect(plan.items.count == cards.count + 40)
    #expect(plan.days.map(\.reviews) == followed.reviews)
    #expect(plan.items.map(\.finalState) == followed.states)
    for (item, state) in zip(plan.items, followed.states) {
      let r = examDayRetrievability(state, goal: planner.goal)
      #expect(r >= target, "item \(item.index): R(exam) = \(r)")
      #expect(abs(item.examRetrievability - r) < 1e-12)
    }
    #expect(plan.fractionAtTarget == 1)
    #expect(plan.meanExamRetrievability >= target)
    #expect(plan.days.map(\.newItems).reduce(0, +) == 50)
  }

  @Test func aTargetAboveDesiredRetention_pullsMatureCardsIntoTheFinalPassWindow() throws {
    let cards = (0..<50).map { i in
      ExamFixtures.reviewCard(stability: 40 + Double(i), difficulty: 5, daysAgo: Double(i % 10))
    }
    let relaxed = try ExamFixtures.planner(examIn: 30, target: 0.85).plan(cards: cards, today: today)
    let strict = try ExamFixtures.planner(examIn: 30, target: 0.96).plan(cards: cards, today: today)
    #expect(relaxed.totalReviews == 0)
    #expect(relaxed.items.allSatisfy { $0.examRetrievability >= 0.85 })
    #expect(strict.days.suffix(2).map(\.reviews).reduce(0, +) == 50)
    #expect(strict.days.suffix(2).allSatisfy { $0.isFinalPass })
    #expect(strict.items.allSatisfy { $0.examRetrievability >= 0.96 })
  }

  @Test func hardAnswers_areCorrectedWithinTheWindow() throws {
    // A `hard` answer at the rule-1 review can leave a card below target; rule 1 then moves it again, later
    // in the window, so the pessimistic plan still reaches the target.
    let planner = try ExamFixtures.planner(examIn: 40, target: 0.95, finalPassDays: 3)
    let cards = (0..<30).map { ExamFixtures.reviewCard(stability: 3 + Double($0), difficulty: 8, daysAgo: 0) }
    let good = try planner.plan(cards: cards, today: today)
    let hard = try planner.plan(cards: cards, today: today, budget: ExamStudyBudget(assumedRating: .hard))
    #expect(hard.totalReviews > good.totalReviews)
    let windowReviews = { (plan: ExamPlan) -> Int in plan.days.suffix(3).map(\.reviews).reduce(0, +) }
    #expect(windowReviews(hard) > windowReviews(good))
    #expect(good.fractionAtTarget == 1 && hard.fractionAtTarget == 1)
    #expect(hard.warnings == [])
  }

  @Test func finalPassCoveringAllItems_reviewsEveryItemOnceInTheWindow() throws {
    var goal = ExamFixtures.goal(examIn: 30, target: 0.9, finalPassDays: 3)
    goal.finalPassCoversAllItems = true
    let planner = try ExamPlanner(config: ExamFixtures.config, goal: goal)
    let plan = try planner.plan(cards: ExamFixtures.mixedDeck(), newItems: 30, today: today)
    let atRiskOnly = try ExamFixtures.planner(examIn: 30, finalPassDays: 3)
      .plan(cards: ExamFixtures.mixedDeck(), newItems: 30, today: today)
    for item in plan.items {
      let last = goal.day(containing: item.finalState.lastReview!)
      #expect(last >= goal.finalPassStart, "item \(item.index) last reviewed on \(last.index - today.index)")
    }
    #expect(plan.days.filter { !$0.isFinalPass }.allSatisfy { $0.finalPassReviews == 0 })
    #expect(plan.days.suffix(3).allSatisfy { $0.isFinalPass && $0.finalPassReviews > 0 })
    #expect(atRiskOnly.days.map(\.finalPassReviews).reduce(0, +) == 0)
    #expect(plan.fractionAtTarget == 1)
  }

  @Test func tightBudget_flagsTheDaysOverBudget_andWarns() throws {
    let planner = try ExamFixtures.planner(examIn: 21)
    let budget = ExamStudyBudget(dailyNewLimit: 30, dailyMinutes: 15)
    let plan = try planner.plan(cards: ExamFixtures.mixedDeck(), newItems: 150, today: today, budget: budget)
    let over = plan.days.filter(\.overBudget)
    #expect(!over.isEmpty)
    #expect(over.allSatisfy { $0.minutes > 15 })
    #expect(plan.days.filter { !$0.overBudget }.allSatisfy { $0.minutes <= 15 })
    #expect(plan.warnings.first == .overBudget(days: plan.daysOverBudget, peakMinutes: over.map(\.minutes).max()!))
    let first = plan.days[0]
    let expected = (Double(first.newItems) * 60 + first.expectedReviews * 20) / 60
    #expect(abs(first.minutes - expected) < 1e-9)
    #expect(first.newItems == 30 && first.minutes > 30)
  }

  @Test func newItemsBeyondTheDailyLimit_produceAWarning() throws {
    let planner = try ExamFixtures.planner(examIn: 5)
    let plan = try planner.plan(cards: [], newItems: 100, today: today, budget: ExamStudyBudget(dailyNewLimit: 10))
    #expect(plan.warnings == [.newItemsNotIntroduced(remaining: 50)])
    #expect(plan.days.map(\.newItems) == [10, 10, 10, 10, 10])
    #expect(plan.items.suffix(50).allSatisfy { $0.finalState == .new && $0.examRetrievability == 0 })
    #expect(plan.items.prefix(50).allSatisfy { $0.introducedOn != nil && $0.examRetrievability >= 0.9 })
    #expect(plan.fractionAtTarget == 0.5)
  }

  @Test func examInThePast_isRejected_examToday_hasNoDays() throws {
    let planner = try ExamFixtures.planner(examIn: -1)
    #expect(throws: ExamPlanError.examInPast(examDay: today - 1, today: today)) {
      try planner.plan(cards: ExamFixtures.mixedDeck(), today: today)
    }
    let card = ExamFixtures.reviewCard(stability: 10, difficulty: 5, daysAgo: 3)
    let plan = try ExamFixtures.planner(examIn: 0).plan(cards: [card], newItems: 2, today: today)
    #expect(plan.days.isEmpty)
    #expect(plan.warnings == [.newItemsNotIntroduced(remaining: 2)])
    #expect(plan.items[0].examRetrievability == FSRS().retrievability(elapsedDays: 3, stability: 10))
  }

  @Test func aLapseOnTheLastStudyDay_cannotBeRepaired_andIsReported() throws {
    let lapsed = MemoryState(stability: 0.4, difficulty: 9)
    let card = CardState.relearning(
      step: 0, CardSchedule(memory: lapsed, due: TestClock.t0, lastReview: TestClock.t0 - 600, scheduledInterval: 600))
    let plan = try ExamFixtures.planner(examIn: 1).plan(cards: [card], today: today)
    #expect(plan.days.count == 1 && plan.days[0].reviews == 1)
    #expect(plan.items[0].examRetrievability < 0.9)
    #expect(plan.warnings == [.itemsBelowTarget(count: 1)])
    #expect(plan.fractionAtTarget == 0)
  }

  @Test func invalidBudgets_areRejected() throws {
    let planner = try ExamFixtures.planner(examIn: 10)
    let bad = [
      ExamStudyBudget(dailyNewLimit: -1), ExamStudyBudget(dailyMinutes: -5), ExamStudyBudget(dailyMinutes: .nan),
      ExamStudyBudget(secondsPerReview: 0), ExamStudyBudget(secondsPerNewItem: .infinity),
      ExamStudyBudget(assumedRating: .again),
    ]
    for budget in bad {
      #expect(throws: ExamPlanError.self) { try planner.plan(cards: [], today: today, budget: budget) }
    }
    #expect(throws: ExamPlanError.self) { try planner.plan(cards: [], newItems: -1, today: today) }
  }

  @Test func plans_areDeterministic_withAndWithoutFuzz() throws {
    for fuzz in [false, true] {
      var config = ExamFixtures.config
      config.enableFuzz = fuzz
      let planner = try ExamPlanner(config: config, goal: ExamFixtures.goal(examIn: 45, target: 0.93))
      let budget = ExamStudyBudget(dailyNewLimit: 12, dailyMinutes: 20)
      let a = try planner.plan(cards: ExamFixtures.mixedDeck(), newItems: 200, today: today, budget: budget)
      let b = try planner.plan(cards: ExamFixtures.mixedDeck(), newItems: 200, today: today, budget: budget)
      #expect(a == b)
    }
  }

  @Test func expectedLapseReviews_followTheRetrievabilityAtReview() throws {
    // 20 cards due today at R ≈ 0.9 with one relearning step: about 0.1 × 20 expected extra reviews.
    let cards = (0..<20).map { _ in ExamFixtures.reviewCard(stability: 10, difficulty: 5, daysAgo: 10) }
    let plan = try ExamFixtures.planner(examIn: 5).plan(cards: cards, today: today)
    let r = FSRS().retrievability(elapsedDays: 10, stability: 10)
    #expect(plan.days[0].reviews == 20)
    #expect(abs(plan.days[0].expectedLapseReviews - 20 * (1 - r)) < 1e-9)
    #expect(abs(plan.days[0].expectedReviews - (20 + 20 * (1 - r))) < 1e-9)
  }
}

extension StudyDay {
  fileprivate static func - (day: StudyDay, days: Int) -> StudyDay { day.advanced(by: -days) }
}
