import Foundation
import Testing

@testable import SRS

/// The hand-derived reverse-mode gradient against central finite differences.
@Suite("Optimizer gradient")
struct GradientTests {
  /// Histories covering every branch: same-day reviews (floored and not), recalls with Hard/Good/Easy, lapses on
  /// both sides of the `S/e^(w17·w18)` cap, difficulty near both clamps, long gaps.
  static let handMade: [ReviewHistory] = [
    ReviewHistory([(3, 0), (3, 2)]),
    ReviewHistory([(1, 0), (1, 0), (3, 0), (3, 1), (2, 3), (4, 8), (3, 21)]),
    ReviewHistory([(2, 0), (4, 1), (2, 2), (1, 5)]),
    ReviewHistory([(4, 0), (4, 9), (4, 40), (1, 200), (1, 0), (3, 0), (3, 3)]),
    ReviewHistory([(1, 0), (1, 1), (1, 1), (1, 1), (1, 2), (2, 1), (1, 3)]),
    ReviewHistory([(3, 0), (3, 3), (1, 30), (3, 0), (3, 1), (3, 4), (3, 12), (1, 40), (2, 2)]),
    ReviewHistory([(2, 0), (2, 0), (2, 1), (2, 2), (2, 3), (2, 5), (2, 9)]),
  ]

  static let parameterSets: [[Double]] = [
    Parameters.defaultValues,
    [
      0.40, 1.80, 3.50, 12.0, 6.80, 0.60, 2.20, 0.02, 1.60, 0.20, 0.90, 1.70, 0.10, 0.30, 2.00, 0.45, 2.20, 0.40,
      0.20, 0.10, 0.30,
    ],
    [1.2, 3.0, 6.0, 20.0, 5.0, 1.1, 1.5, 0.3, 2.5, 0.05, 1.9, 3.0, 0.2, 0.6, 0.9, 0.8, 3.5, 1.2, 0.9, 0.3, 0.55],
  ]

  static func objective(_ set: TrainingSet, _ w: [Double]) -> Double {
    set.loss(w, range: 0..<set.count)
  }

  static func check(items: [ReviewHistory], parameters: [Double]) {
    let weights = (0..<items.count).map { 0.25 + 0.75 * Double($0) / Double(max(items.count - 1, 1)) }
    let set = TrainingSet(items: zip(items, weights).map { (item: $0.0, weight: $0.1) })
    var gradient = Array(repeating: 0.0, count: 21)
    var workspace = GradientWorkspace()
    let loss = set.lossAndGradient(parameters, range: 0..<set.count, gradient: &gradient, workspace: &workspace)
    #expect(abs(loss - objective(set, parameters)) <= 1e-12 * max(1, abs(loss)))
    for k in 0..<21 {
      let h = 1e-6 * max(1, abs(parameters[k]))
      var plus = parameters
      var minus = parameters
      plus[k] += h
      minus[k] -= h
      let numeric = (objective(set, plus) - objective(set, minus)) / (2 * h)
      let tolerance = 1e-5 * max(1e-2, abs(numeric), abs(gradient[k]))
      #expect(
        abs(numeric - gradient[k]) <= tolerance,
        "w\(k): analytic \(gradient[k]) vs numeric \(numeric) (w = \(parameters))")
    }
  }

  @Test(arguments: 0..<3)
  func gradient_matchesFiniteDifferences_onHandMadeHistories(set index: Int) {
    Self.check(items: Self.handMade, parameters: Self.parameterSets[index])
  }

  @Test(arguments: 0..<3)
  func gradient_matchesFiniteDifferences_onFixtureSample(set index: Int) throws {
    let items = try RevlogFixture.items()
    let sample = stride(from: 0, to: items.count, by: 7).map { items[$0] }
    Self.check(items: sample, parameters: Self.parameterSets[index])
  }

  @Test func lossAndGradient_predictionMatchesFSRSReplay() throws {
    let items = try RevlogFixture.items()
    let w = Self.parameterSets[1]
    let fsrs = FSRS(parameters: try Parameters(w))
    let set = TrainingSet(items: items.map { (item: $0, weight: 1.0) })
    for (i, item) in items.enumerated().prefix(300) {
      let lo = set.start[i]
      let hi = lo + set.historyLength[i]
      let p = w.withUnsafeBufferPointer { wp in
        GradientWorkspace.predict(
          w: wp, ratings: set.ratings[lo..<hi], deltas: set.deltas[lo..<hi], finalDelta: set.finalDelta[i])
      }
      let expected = fsrs.predictedRecall(item)!
      #expect(abs(p - expected) <= 1e-12, "item \(i)")
    }
  }
}
