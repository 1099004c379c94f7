import Foundation
import SRS
import Testing

@Suite("Fuzz and interval ordering")
struct FuzzTests {
  @Test(arguments: [
    (3, 2, 4), (7, 5, 9), (10, 8, 12), (20, 17, 23), (30, 27, 33), (100, 93, 107), (365, 345, 385),
    (1000, 948, 1052),
  ])
  func ankiBounds_matchDocumentedExamples(interval: Int, lower: Int, upper: Int) {
    #expect(FuzzBounds(interval: Double(interval), maximum: 36_500) == FuzzBounds(lower: lower, upper: upper))
  }

  /// Hand-checked cases from Anki's fuzz tests: minimum/maximum clamping and the two-day widening.
  @Test func ankiBounds_respectLimitsAndWidenOneDayRanges() {
    #expect(FuzzBounds(interval: 2.49, minimum: 1, maximum: 1000) == FuzzBounds(lower: 2, upper: 2))
    #expect(FuzzBounds(interval: 2.0, minimum: 3, maximum: 1000) == FuzzBounds(lower: 3, upper: 4))
    #expect(FuzzBounds(interval: 2.0, minimum: 3, maximum: 3) == FuzzBounds(lower: 3, upper: 3))
    #expect(FuzzBounds(interval: 100, minimum: 101, maximum: 1000) == FuzzBounds(lower: 101, upper: 108))
    #expect(FuzzBounds(interval: 100, minimum: 1, maximum: 99) == FuzzBounds(lower: 92, upper: 99))
    #expect(FuzzBounds(interval: 17, minimum: 1, maximum: 1000) == FuzzBounds(lower: 14, upper: 20))
  }

  /// Found by fuzzing the Anki importer: a revlog id of Int64.max milliseconds trapped converting to Int64.
  @Test func fuzzSeed_saturatesOnDatesBeyondTheMillisecondRange() {
    let far = Date(timeIntervalSince1970: 9.3e15)  // 9.3e18 ms: past Int64.max
    let before = Date(timeIntervalSince1970: -9.3e15)
    #expect(
      Scheduler.fuzzSeed(for: .new, at: far) == Scheduler.fuzzSeed(for: .new, at: Date(timeIntervalSince1970: 9.25e15)))
    #expect(Scheduler.fuzzSeed(for: .new, at: before) != Scheduler.fuzzSeed(for: .new, at: far))
    #expect(
      Scheduler.fuzzSeed(for: .new, at: Date(timeIntervalSince1970: .nan))
        == Scheduler.fuzzSeed(for: .new, at: .init(timeIntervalSince1970: 0)))
    let normal = Date(timeIntervalSince1970: 1_795_651_200)
    #expect(Scheduler.fuzzSeed(for: .new, at: normal) == UInt64(1_795_651_200_000))
  }

  @Test func draw_coversRangeAndNeverExceedsUpper() {
    let bounds = FuzzBounds(lower: 27, upper: 33)
    #expect(bounds.draw(factor: 0) == 27)
    #expect(bounds.draw(factor: 0.5) == 30)
    #expect(bounds.draw(factor: 0.99) == 33)
    var rng = SplitMix64(seed: 7)
    let seen = Set((0..<4000).map { _ in bounds.draw(using: &rng) })
    #expect(seen == Set(27...33))
  }

  @Test func fuzzDisabled_leavesGeneratorUntouchedAndMatchesAllEasyVector() throws {
    let scheduler = try Scheduler()
    var rng = SplitMix64(seed: 1)
    let card = scheduler.review(.new, rating: .easy, at: TestClock.t0).card
    let outcome = scheduler.review(card, rating: .easy, at: TestClock.at(days: 8), fuzz: &rng)
    #expect(rng == SplitMix64(seed: 1))
    #expect(outcome.intervalDays == 66)
  }

  @Test func fuzzEnabled_staysWithinAnkiBoundsOfUnfuzzedInterval() throws {
    let plain = try Scheduler()
    let fuzzy = try Scheduler(config: SchedulerConfig(enableFuzz: true))
    let card = plain.review(.new, rating: .easy, at: TestClock.t0).card
    let now = TestClock.at(days: 8)
    let base = try #require(plain.review(card, rating: .good, at: now).intervalDays)
    let bounds = FuzzBounds(interval: Double(base), maximum: 36_500)
    var rng = SplitMix64(seed: 42)
    var seen = Set<Int>()
    for _ in 0..<500 {
      let days = try #require(fuzzy.review(card, rating: .good, at: now, fuzz: &rng).intervalDays)
      #expect(days >= bounds.lower && days <= bounds.upper)
      seen.insert(days)
    }
    #expect(seen.count > 1)
  }

  @Test func fuzzEnabled_neverTouchesLearningStepsOrShortIntervals() throws {
    let fuzzy = try Scheduler(config: SchedulerConfig(enableFuzz: true))
    var rng = ConstantGenerator(value: .max)
    let outcomes = fuzzy.nextStates(for: .new, at: TestClock.t0, fuzz: &rng)
    #expect(outcomes.again.interval == 60)
    #expect(outcomes.hard.interval == 330)
    #expect(outcomes.good.interval == 600)
  }

  @Test func sameInputs_giveSameFuzzedIntervals() throws {
    let fuzzy = try Scheduler(config: SchedulerConfig(enableFuzz: true))
    let card = fuzzy.review(.new, rating: .easy, at: TestClock.t0).card
    let now = TestClock.at(days: 9)
    #expect(fuzzy.nextStates(for: card, at: now) == fuzzy.nextStates(for: card, at: now))
  }

  @Test func intervalOrdering_forcesHardBelowGoodBelowEasy() throws {
    // w15 = 1 and w16 = 1 make hard, good and easy stabilities equal, so py-fsrs gives equal intervals.
    var values = Parameters.defaultValues
    values[15] = 1
    values[16] = 1
    let parameters = try Parameters(values)
    let plain = try Scheduler(config: SchedulerConfig(parameters: parameters))
    let ordered = try Scheduler(config: SchedulerConfig(parameters: parameters, enforceIntervalOrdering: true))
    let card = plain.review(.new, rating: .easy, at: TestClock.t0).card
    let now = TestClock.at(days: 8)
    let p = plain.nextStates(for: card, at: now)
    #expect(p.hard.intervalDays == p.good.intervalDays)
    let o = ordered.nextStates(for: card, at: now)
    let (hard, good, easy) = (o.hard.intervalDays ?? 0, o.good.intervalDays ?? 0, o.easy.intervalDays ?? 0)
    #expect(hard == p.hard.intervalDays)
    #expect(good == hard + 1)
    #expect(easy == good + 1)
  }

  @Test func reviewWithGenerator_equalsMatchingNextStatesOutcomeUnderFuzzAndOrdering() throws {
    let s = try Scheduler(config: SchedulerConfig(enableFuzz: true, enforceIntervalOrdering: true))
    let card = s.review(.new, rating: .easy, at: TestClock.t0).card
    let now = TestClock.at(days: 12)
    for seed in UInt64(0)..<20 {
      var forAll = SplitMix64(seed: seed)
      let outcomes = s.nextStates(for: card, at: now, fuzz: &forAll)
      for rating in Rating.allCases {
        var forOne = SplitMix64(seed: seed)
        #expect(s.review(card, rating: rating, at: now, fuzz: &forOne) == outcomes[rating])
      }
    }
  }
}
