import Foundation
import Testing

@testable import Stats

@Suite("Readiness calibration")
struct CalibrationTests {
  static let small = CalibrationSettings(
    bankSizes: [12, 14, 16, 8, 8], objectivesPerDomain: [3, 3, 3, 2, 2], studyDays: 3...6,
    readiness: ReadinessOptions(worlds: 10, drawsPerWorld: 5))

  @Test("ECE and Brier on a hand-made table")
  func handMadeTable() {
    // Bins: [0, .1): 0.05 vs 0/1; [.1, .2): 0.15, 0.15 vs 1/2; [.9, 1]: 0.95 vs 1/1 and 1.0 in the last bin.
    let report = CalibrationReport.evaluate(
      predictions: [0.05, 0.15, 0.15, 0.95, 1.0], outcomes: [false, true, false, true, true])
    // ECE = 1/5·0.05 + 2/5·|0.15 − 0.5| + 2/5·|0.975 − 1| = 0.01 + 0.14 + 0.01 = 0.16.
    #expect(abs(report.ece - 0.16) < 1e-12)
    // Brier = (0.0025 + 0.7225 + 0.0225 + 0.0025 + 0) / 5 = 0.15.
    #expect(abs(report.brier - 0.15) < 1e-12)
    #expect(report.bins.count == 10)
    #expect(report.bins[1].count == 2)
    #expect(report.bins[1].observedRate == 0.5)
    #expect(report.bins[9].count == 2)
    #expect(report.bins[5].meanPredicted == nil)
    #expect(report.exams == 5)
    #expect(abs(report.observedPassRate - 0.6) < 1e-12)
  }

  @Test("a perfectly calibrated constant has ECE 0")
  func perfect() {
    let report = CalibrationReport.evaluate(
      predictions: [0.25, 0.25, 0.25, 0.25], outcomes: [true, false, false, false])
    #expect(report.ece == 0)
    #expect(CalibrationReport.evaluate(predictions: [], outcomes: []).ece == 0)
  }

  @Test("the simulation is deterministic by seed")
  func deterministic() {
    let a = ReadinessCalibration.simulate(learners: 4, seed: 11, settings: Self.small)
    let b = ReadinessCalibration.simulate(learners: 4, seed: 11, settings: Self.small)
    let c = ReadinessCalibration.simulate(learners: 4, seed: 12, settings: Self.small)
    #expect(a.count == 4)
    #expect(a == b)
    #expect(a != c)
    #expect(a.allSatisfy { (0...1).contains($0.predicted) && (0...50).contains($0.correct) })
    #expect(a.allSatisfy { $0.passed == ($0.correct >= 36) })
    let report = ReadinessCalibration.run(learners: 4, seed: 11, settings: Self.small)
    #expect(report == CalibrationReport.evaluate(predictions: a.map(\.predicted), outcomes: a.map(\.passed)))
  }
}
