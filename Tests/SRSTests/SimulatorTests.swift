import Foundation
import SRS
import Testing

@Suite("Workload simulator invariants")
struct SimulatorTests {
  func run(
    items: Int = 200, days: Int = 60, config: SimulationConfig = SimulationConfig(), seed: UInt64 = 1
  ) throws
    -> SimulationResult
  {
    var rng = SplitMix64(seed: seed)
    return try simulate(items: items, days: days, config: config, rng: &rng)
  }

  @Test func result_hasOneEntryPerDay() throws {
    let result = try run(days: 45)
    #expect(result.reviewsPerDay.count == 45)
    #expect(result.newCardsPerDay.count == 45)
    #expect(result.memorizedPerDay.count == 45)
  }

  @Test func newCards_areIntroducedAtTheDailyRateUntilExhausted() throws {
    let result = try run(items: 50, days: 5, config: SimulationConfig(newCardsPerDay: 20))
    #expect(result.newCardsPerDay == [20, 20, 10, 0, 0])
  }

  @Test func everyNewCard_isReviewedAtLeastOnceOnItsFirstDay() throws {
    let result = try run()
    for (reviews, new) in zip(result.reviewsPerDay, result.newCardsPerDay) {
      #expect(reviews >= new)
    }
  }

  @Test func memorized_isBetweenZeroAndIntroducedCards() throws {
    let result = try run()
    var introduced = 0
    for (day, new) in result.newCardsPerDay.enumerated() {
      introduced += new
      #expect(result.memorizedPerDay[day] >= 0)
      #expect(result.memorizedPerDay[day] <= Double(introduced))
    }
    #expect(result.memorizedPerDay.last! > 0.5 * 200)
  }

  @Test func noItems_meansNoWork() throws {
    let result = try run(items: 0, days: 10)
    #expect(result.totalReviews == 0)
    #expect(result.memorizedPerDay.allSatisfy { $0 == 0 })
  }

  @Test func sameSeed_givesIdenticalResults_differentSeedDiffers() throws {
    let fuzzy = SimulationConfig(scheduler: SchedulerConfig(enableFuzz: true))
    #expect(try run(config: fuzzy, seed: 9) == run(config: fuzzy, seed: 9))
    #expect(try run(config: fuzzy, seed: 9) != run(config: fuzzy, seed: 10))
  }

  @Test func dailyCap_isNeverExceeded() throws {
    let result = try run(config: SimulationConfig(maximumReviewsPerDay: 30))
    #expect(result.reviewsPerDay.allSatisfy { $0 <= 30 })
    #expect(result.reviewsPerDay.contains(30))
  }

  @Test func higherDesiredRetention_costsMoreReviews() throws {
    let low = try run(config: SimulationConfig(scheduler: SchedulerConfig(desiredRetention: 0.8)))
    let high = try run(config: SimulationConfig(scheduler: SchedulerConfig(desiredRetention: 0.95)))
    #expect(high.totalReviews > low.totalReviews)
    #expect(high.memorizedPerDay.last! > low.memorizedPerDay.last!)
  }

  @Test func invalidSchedulerConfig_isRejected() {
    #expect(throws: SchedulerError.self) {
      try run(config: SimulationConfig(scheduler: SchedulerConfig(desiredRetention: 2)))
    }
  }
}
