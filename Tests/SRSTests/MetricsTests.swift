import Foundation
import SRS
import Testing

@Suite("Metrics")
struct MetricsTests {
  static let bin = RMSEBin(deltaT: 1, longTermReviewCount: 1, lapseCount: 0)

  @Test func logLoss_isMeanBinaryCrossEntropy() {
    // −(ln 0.9 + ln 0.8) / 2
    let value = Metrics.logLoss(probabilities: [0.9, 0.2], recalled: [true, false])
    #expect(abs(value - 0.164252033486018) < 1e-12)
  }

  @Test func weightedLogLoss_weightsEachTerm() {
    // −(1·ln 0.9 + 3·ln 0.8) / 4
    let value = Metrics.logLoss(probabilities: [0.9, 0.2], recalled: [true, false], weights: [1, 3])
    #expect(abs(value - 0.19369779240011387) < 1e-12)
  }

  @Test func logLoss_clampsCertainWrongPredictions() {
    let value = Metrics.logLoss(probabilities: [1.0], recalled: [false])
    #expect(abs(value - -log(1e-6)) < 1e-9)
  }

  @Test func auc_matchesTextbookExample() {
    #expect(Metrics.auc(probabilities: [0.1, 0.4, 0.35, 0.8], recalled: [false, false, true, true]) == 0.75)
  }

  @Test func auc_countsTiesAsHalf() {
    #expect(Metrics.auc(probabilities: [0.5, 0.5], recalled: [true, false]) == 0.5)
  }

  @Test func auc_isUndefinedWithOneClass() {
    #expect(Metrics.auc(probabilities: [0.2, 0.9], recalled: [true, true]) == nil)
  }

  @Test func rmseBins_weightsBinsByCount() {
    let a = RMSEBin(deltaT: 1, longTermReviewCount: 1, lapseCount: 0)
    let b = RMSEBin(deltaT: 14, longTermReviewCount: 1, lapseCount: 0)
    let samples = [
      Metrics.Sample(probability: 0.9, recalled: true, bin: a),
      Metrics.Sample(probability: 0.7, recalled: true, bin: a),
      Metrics.Sample(probability: 0.6, recalled: false, bin: b),
    ]
    // bin a: 0.8 vs 1 (n 2); bin b: 0.6 vs 0 (n 1) → sqrt((2·0.04 + 0.36) / 3)
    #expect(abs(Metrics.rmseBins(samples) - 0.38297084310253526) < 1e-12)
  }

  @Test func rmseBins_usesBinWeightsButUnweightedMeans() {
    let a = RMSEBin(deltaT: 1, longTermReviewCount: 1, lapseCount: 0)
    let b = RMSEBin(deltaT: 14, longTermReviewCount: 1, lapseCount: 0)
    let samples = [
      Metrics.Sample(probability: 0.9, recalled: true, weight: 0.5, bin: a),
      Metrics.Sample(probability: 0.7, recalled: true, weight: 0.5, bin: a),
      Metrics.Sample(probability: 0.6, recalled: false, weight: 3, bin: b),
    ]
    // sqrt((1·0.04 + 3·0.36) / 4)
    #expect(abs(Metrics.rmseBins(samples) - (1.12 / 4).squareRoot()) < 1e-12)
  }

  static let binCases: [(Int, Int, Int, RMSEBinKeyParts)] = [
    (1, 0, 0, .init(248, 2, 0)), (4, 1, 1, .init(898, 4, 2)), (13, 1, 2, .init(898, 4, 3)),
    (14, 4, 3, .init(3250, 7, 5)), (100, 9, 10, .init(11765, 13, 15)),
  ]

  /// Expected values computed with `fit_revlog.py`'s `bin_key`.
  @Test(arguments: binCases)
  func rmseBinKey_matchesFsrsRsBinning(deltaT: Int, longTerm: Int, lapses: Int, expected: RMSEBinKeyParts) {
    let bin = RMSEBin(deltaT: deltaT, longTermReviewCount: longTerm, lapseCount: lapses)
    #expect(RMSEBinKeyParts(bin.deltaT, bin.length, bin.lapses) == expected)
  }

  @Test func rmseBinFromHistory_countsLongTermReviewsAndEarlierLapses() {
    let history = ReviewHistory(reviews: [
      .init(rating: .good, deltaT: 0), .init(rating: .again, deltaT: 3), .init(rating: .good, deltaT: 0),
      .init(rating: .again, deltaT: 2),
    ])
    #expect(history.reviews.count == 4)
    #expect(RMSEBin(history: history) == RMSEBin(deltaT: 2, longTermReviewCount: 2, lapseCount: 1))
  }

  @Test func recencyWeights_runFromQuarterToOne() {
    #expect(Metrics.recencyWeights(count: 3) == [0.25, 0.25 + 0.75 / 8, 1])
    #expect(Metrics.recencyWeights(count: 1) == [0.25])
  }
}

struct RMSEBinKeyParts: Hashable, Sendable, CustomStringConvertible {
  let deltaT: Int
  let length: Int
  let lapses: Int
  init(_ deltaT: Int, _ length: Int, _ lapses: Int) {
    self.deltaT = deltaT
    self.length = length
    self.lapses = lapses
  }
  var description: String { "(\(deltaT), \(length), \(lapses))" }
}
