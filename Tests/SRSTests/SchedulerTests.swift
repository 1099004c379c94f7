import Foundation
import SRS
import Testing

@Suite("Scheduler transitions")
struct SchedulerTests {
  let scheduler = try! Scheduler()
  let t0 = TestClock.t0

  @Test func goodOnNewCard_entersLearningStepOne() {
    let outcome = scheduler.review(.new, rating: .good, at: t0)
    #expect(outcome.card.kind == .learning)
    #expect(outcome.card.step == 1)
    #expect(outcome.interval == 600)
    #expect(outcome.card.due == t0.addingTimeInterval(600))
    #expect(outcome.card.memory == FSRS().initialMemory(.good))
  }

  @Test func nextStatesOnNewCard_showsAnkiStyleButtonLabels() {
    let outcomes = scheduler.nextStates(for: .new, at: t0)
    #expect(outcomes.summary == "again 1m · hard 6m · good 10m · easy 8d")
    #expect(outcomes.current == .new)
    #expect(outcomes.all.map(\.rating) == Rating.allCases)
  }

  @Test func easyOnNewCard_graduatesWithFSRSInterval() {
    let outcome = scheduler.review(.new, rating: .easy, at: t0)
    #expect(outcome.card.kind == .review)
    #expect(outcome.intervalDays == 8)
  }

  @Test func againInReview_entersRelearningStepZero() {
    let review = scheduler.review(.new, rating: .easy, at: t0).card
    let lapse = scheduler.review(review, rating: .again, at: TestClock.at(days: 8))
    #expect(lapse.card.kind == .relearning)
    #expect(lapse.card.step == 0)
    #expect(lapse.interval == 600)
    #expect(lapse.intervalDays == nil)
  }

  @Test func againInReviewWithoutRelearningSteps_staysInReviewForAtLeastOneDay() throws {
    let s = try Scheduler(config: SchedulerConfig(relearningSteps: []))
    let review = s.review(.new, rating: .easy, at: t0).card
    let lapse = s.review(review, rating: .again, at: TestClock.at(days: 8))
    #expect(lapse.card.kind == .review)
    #expect((lapse.intervalDays ?? 0) >= 1)
  }

  @Test func hardAtFirstOfSingleStep_waitsOneAndAHalfSteps() {
    let review = scheduler.review(.new, rating: .easy, at: t0).card
    let relearn = scheduler.review(review, rating: .again, at: TestClock.at(days: 8)).card
    let hard = scheduler.review(relearn, rating: .hard, at: TestClock.at(days: 8, minutes: 10))
    #expect(hard.card.kind == .relearning)
    #expect(hard.interval == 900)
  }

  @Test func learningCardBeyondShortenedSteps_graduatesOnGood() throws {
    let longer = try Scheduler(config: SchedulerConfig(learningSteps: [60, 600, 3600]))
    let atStepTwo = longer.review(
      longer.review(.new, rating: .good, at: t0).card, rating: .good, at: TestClock.at(minutes: 10))
    #expect(atStepTwo.card.step == 2)
    let good = scheduler.review(atStepTwo.card, rating: .good, at: TestClock.at(minutes: 70))
    #expect(good.card.kind == .review)
  }

  @Test func sameDayReview_usesShortTermStabilityAndStillUpdatesDifficulty() {
    let review = scheduler.review(.new, rating: .easy, at: t0).card
    let outcome = scheduler.review(review, rating: .hard, at: TestClock.at(hours: 5))
    let before = review.memory!
    let fsrs = FSRS()
    #expect(outcome.card.memory?.stability == fsrs.shortTermStability(before.stability, rating: .hard))
    #expect(outcome.card.memory?.difficulty == fsrs.nextDifficulty(before.difficulty, rating: .hard))
  }

  @Test func reviewAndNextStates_agreeForEveryRating() {
    let review = scheduler.review(.new, rating: .good, at: t0).card
    let later = TestClock.at(days: 3)
    let outcomes = scheduler.nextStates(for: review, at: later)
    for rating in Rating.allCases {
      #expect(scheduler.review(review, rating: rating, at: later) == outcomes[rating])
    }
  }

  @Test func retrievabilityOfNewCard_isZero() {
    #expect(scheduler.retrievability(of: .new, at: t0) == 0)
  }

  @Test func invalidParameters_areRejectedWithIndexAndBounds() {
    var values = Parameters.defaultValues
    values[7] = 0.9
    #expect(throws: SchedulerError.self) {
      try Scheduler(config: SchedulerConfig(parameters: try Parameters(values)))
    }
    do {
      _ = try Scheduler(config: SchedulerConfig(parameters: try Parameters(values)))
    } catch {
      #expect("\(error)".contains("parameters[7] = 0.9 is out of bounds: [0.001, 0.75]"))
    }
  }

  @Test(arguments: [0.0, 1.5, -0.1])
  func desiredRetentionOutsideUnitInterval_isRejected(retention: Double) {
    #expect(throws: SchedulerError.invalidDesiredRetention(retention)) {
      try Scheduler(config: SchedulerConfig(desiredRetention: retention))
    }
  }

  @Test func nonPositiveStep_isRejected() {
    #expect(throws: SchedulerError.invalidStep(0)) {
      try Scheduler(config: SchedulerConfig(learningSteps: [60, 0]))
    }
  }
}
