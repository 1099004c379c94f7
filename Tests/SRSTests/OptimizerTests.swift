import Foundation
import SRS
import Testing

/// The fsrs-rs-style optimiser: fit quality, small-input rules, clipping and determinism.
@Suite("Optimizer")
struct OptimizerTests {
  static func logLoss(_ parameters: Parameters, _ items: [ReviewHistory]) -> Double {
    ModelEvaluation.evaluate(FSRS(parameters: parameters), on: items).logLoss
  }

  @Test func fit_beatsDefaults_onSyntheticRevlog() throws {
    let items = try RevlogFixture.items()
    #expect(items.count > 1_000)
    let result = Optimizer.fit(items: items)
    #expect(result.fallback == nil)
    #expect(!result.returnedDefaults)
    #expect(result.itemsUsed > 1_000 && result.itemsUsed <= items.count)
    let fitted = Self.logLoss(result.parameters, items)
    let defaults = Self.logLoss(.default, items)
    #expect(fitted < defaults - 0.001, "fitted \(fitted) vs defaults \(defaults)")
    let fittedRMSE = ModelEvaluation.evaluate(FSRS(parameters: result.parameters), on: items).rmseBins
    let defaultRMSE = ModelEvaluation.evaluate(FSRS(), on: items).rmseBins
    #expect(fittedRMSE < defaultRMSE)
  }

  @Test func fit_isDeterministicForASeed() throws {
    let items = try RevlogFixture.items()
    var configuration = OptimizerConfiguration()
    configuration.seed = 99
    let a = Optimizer.fit(items: items, configuration: configuration)
    let b = Optimizer.fit(items: items, configuration: configuration)
    #expect(a == b)
    configuration.seed = 100
    let c = Optimizer.fit(items: items, configuration: configuration)
    #expect(c.parameters != a.parameters, "a different seed shuffles the batches differently")
  }

  @Test func fewerThanEightItems_returnDefaults() {
    // Without the outlier filter, 7 items with two long-term reviews are all training items.
    let items = (0..<7).map { i in ReviewHistory([(3, 0), (3, 1), (3, 1 + i % 3)]) }
    let result = Optimizer.fit(items: items, configuration: OptimizerConfiguration(filterOutliers: false))
    #expect(result.parameters == .default)
    #expect(result.fallback == .tooFewItems(count: 7))
    #expect(result.returnedDefaults)
    #expect(Optimizer.fit(items: []).fallback == .tooFewItems(count: 0))
    // With the filter (fsrs-rs default), a rating with fewer than 20 first-interval items loses all of them,
    // together with the later items of those cards.
    let filtered = Optimizer.fit(items: (0..<19).map { i in ReviewHistory([(3, 0), (3, 1 + i % 2)]) })
    #expect(filtered.fallback == .tooFewItems(count: 0))
    #expect(filtered.parameters == .default)
  }

  @Test func fewerThan64Items_fitOnlyInitialStability() {
    // 40 first-interval items (rating 3 then Δt 1…) and 10 longer ones: 50 < 64.
    var items = (0..<40).map { i in ReviewHistory([(3, 0), (i % 5 == 0 ? 1 : 3, 1 + i % 2)]) }
    items += (0..<10).map { _ in ReviewHistory([(3, 0), (3, 1), (3, 3)]) }
    let result = Optimizer.fit(items: items)
    #expect(result.fallback == .initialStabilityOnly(count: 50))
    #expect(!result.returnedDefaults)
    #expect(Array(result.parameters.values[4...]) == Array(Parameters.defaultValues[4...]))
    #expect(Array(result.parameters.values[0..<4]) != Array(Parameters.defaultValues[0..<4]))
    #expect(zip(result.parameters.values[0..<3], result.parameters.values[1..<4]).allSatisfy { $0 <= $1 })
  }

  @Test func onlyFirstIntervalItems_fitOnlyInitialStability() {
    let items = (0..<400).map { i in ReviewHistory([(1 + i % 4, 0), (i % 7 == 0 ? 1 : 3, 1 + i % 3)]) }
    let survivors = OutlierFilter.split(items).training.count
    #expect(survivors >= 64)
    let result = Optimizer.fit(items: items)
    #expect(result.fallback == .initialStabilityOnly(count: survivors))
    #expect(Array(result.parameters.values[4...]) == Array(Parameters.defaultValues[4...]))
  }

  @Test func noInitializationData_returnsDefaults() {
    // Every item has two long-term reviews, so there is nothing for the S0 search.
    let items = (0..<80).map { i in ReviewHistory([(3, 0), (3, 1), (i % 6 == 0 ? 1 : 3, 3)]) }
    let result = Optimizer.fit(items: items, configuration: OptimizerConfiguration(filterOutliers: false))
    #expect(result.fallback == .noInitializationData)
    #expect(result.parameters == .default)
  }

  @Test(arguments: [1, 3])
  func fittedParameters_stayWithinClippingBounds(relearningSteps: Int) throws {
    let items = try RevlogFixture.items()
    // A very large learning rate pushes many weights against their bounds.
    let configuration = OptimizerConfiguration(learningRate: 2.0, numRelearningSteps: relearningSteps)
    let result = Optimizer.fit(items: items, configuration: configuration)
    let w = result.parameters
    #expect(w.violations().isEmpty, "\(w.violations())")
    #expect(w[19] >= 0.01, "short-term training floors w19 at 0.01")
    #expect(w.clipped(numRelearningSteps: relearningSteps, enableShortTerm: true) == w)
    #expect(w.values.indices.contains { w[$0] == Parameters.lowerBounds[$0] || w[$0] == Parameters.upperBounds[$0] })
  }

  @Test func disablingShortTerm_freezesInitialAndSameDayWeights() throws {
    let items = try RevlogFixture.items()
    let result = Optimizer.fit(items: items, configuration: OptimizerConfiguration(enableShortTerm: false))
    let w = result.parameters.values
    #expect(Array(w[17...19]) == Array(Parameters.defaultValues[17...19]))
    #expect(w[4] != Parameters.defaultValues[4])
  }

  @Test func timeSeriesFolds_matchFsrsRsSplit() {
    let folds = Optimizer.timeSeriesFolds(count: 6, folds: 5)
    #expect(folds.map(\.train) == [0..<1, 0..<2, 0..<3, 0..<4, 0..<5])
    #expect(folds.map(\.test) == [1..<2, 2..<3, 3..<4, 4..<5, 5..<6])
    #expect(Optimizer.timeSeriesFolds(count: 5, folds: 5).isEmpty)
    #expect(Optimizer.timeSeriesFolds(count: 6, folds: 0).isEmpty)
    let uneven = Optimizer.timeSeriesFolds(count: 20, folds: 5)
    #expect(uneven.last?.test == 15..<20)
  }

  @Test func timeSeriesSplit_scoresOutOfSamplePredictions() throws {
    let items = try RevlogFixture.items()
    let evaluation = try #require(Optimizer.timeSeriesSplit(items: items, folds: 5))
    #expect(evaluation.count == items.count - items.count / 6)
    #expect(evaluation.logLoss.isFinite && evaluation.logLoss > 0.1 && evaluation.logLoss < 0.6)
    #expect(evaluation.rmseBins.isFinite)
    #expect(Optimizer.timeSeriesSplit(items: Array(items.prefix(5))) == nil)
  }
}

/// The S0 pre-fit and the outlier filter against fsrs-rs 6.x unit tests and hand-made cases.
@Suite("Optimizer initialization")
struct InitializationTests {
  @Test func smoothAndFill_matchesFsrsRs() throws {
    let counts = [1: 1, 2: 1, 3: 1, 4: 1]
    let three = try #require(InitialStabilityFit.smoothAndFill([1: 0.4, 3: 2.3, 4: 10.9], counts: counts))
    for (a, b) in zip(three, [0.4, 1.1227008, 2.3, 10.9]) { #expect(abs(a - b) <= 1e-6) }
    let one = try #require(InitialStabilityFit.smoothAndFill([2: 0.35], counts: [2: 1]))
    for (a, b) in zip(one, [0.05738148, 0.35, 0.6242943, 2.2453482]) { #expect(abs(a - b) <= 1e-6) }
    #expect(InitialStabilityFit.smoothAndFill([:], counts: [:]) == nil)
  }

  @Test func smoothAndFill_makesStabilityMonotonic() throws {
    let result = try #require(
      InitialStabilityFit.smoothAndFill([1: 3, 2: 2, 3: 5, 4: 4], counts: [1: 10, 2: 5, 3: 1, 4: 9]))
    #expect(result == [3, 3, 4, 4])
  }

  /// fsrs-rs `test_search_parameters` (rating 1, average recall 0.94302857) expects 0.7355089.
  @Test func initialStabilitySearch_matchesFsrsRs() throws {
    let groups: [(t: Int, recall: Double, count: Int)] = [
      (1, 0.86666667, 435), (2, 0.90721649, 97), (3, 0.73015873, 63), (4, 0.76315789, 38), (5, 0.67857143, 28),
    ]
    var items: [ReviewHistory] = []
    for g in groups {
      let recalled = Int((g.recall * Double(g.count)).rounded())
      for i in 0..<g.count { items.append(ReviewHistory([(1, 0), (i < recalled ? 3 : 1, g.t)])) }
    }
    let fit = try #require(InitialStabilityFit.fit(initialization: items, averageRecall: 0.94302857))
    #expect(abs(fit.stabilities[0] - 0.7355089) <= 1e-5, "\(fit.stabilities)")
    #expect(fit.ratingCounts == [1: 661])
  }

  @Test func outlierFilter_dropsRareAndLongFirstIntervals() {
    var items: [ReviewHistory] = []
    for _ in 0..<400 { items.append(ReviewHistory([(3, 0), (3, 2)])) }
    for _ in 0..<30 { items.append(ReviewHistory([(3, 0), (3, 5)])) }
    for _ in 0..<3 { items.append(ReviewHistory([(3, 0), (3, 9)])) }
    for _ in 0..<10 { items.append(ReviewHistory([(3, 0), (3, 150)])) }
    items.append(ReviewHistory([(3, 0), (3, 9), (3, 20)]))  // first interval 9 was removed
    items.append(ReviewHistory([(3, 0), (3, 2), (3, 6)]))
    let split = OutlierFilter.split(items)
    // 443 single-interval items: remove at least max(20, 443/20 = 22): Δt 9 (3) and Δt 150 (10) go first,
    // then Δt 5 (30 → 43 ≥ 22 → kept, it has ≥ 6 items and Δt ≤ 100).
    #expect(split.initialization.count == 430)
    // Training: the 430 kept single-interval items and the longer item whose first interval (2) survived.
    #expect(split.training.count == 431)
    #expect(!split.training.contains(ReviewHistory([(3, 0), (3, 9), (3, 20)])))
    #expect(split.training.contains(ReviewHistory([(3, 0), (3, 2), (3, 6)])))
    let plain = OutlierFilter.split(items, enabled: false)
    #expect(plain.initialization.count == 443 && plain.training.count == 2)
  }
}
