import Foundation

/// The learner's mock exams in time order, with the trend of the score.
///
/// The trend is the least-squares slope of the fraction correct over the last five exams (per exam): below −0.01
/// declining, above +0.01 improving, otherwise steady; with fewer than two exams there is no trend.
public struct ExamHistory: Sendable, Hashable, Codable {
  /// Direction of recent scores.
  public enum Trend: String, Sendable, Hashable, Codable {
    case improving, steady, declining, notEnoughData
  }

  /// Exams, oldest first.
  public var exams: [ExamRecord]
  /// How many passed (fmlab's estimate).
  public var passedCount: Int
  /// The highest estimated scaled score, if any exam.
  public var bestScaledScore: Int?
  /// Mean fraction correct, if any exam scored items.
  public var meanFraction: Double?
  /// Slope of the fraction correct per exam over the last five.
  public var slopePerExam: Double?
  /// Its direction.
  public var trend: Trend
  /// Mean fraction correct per domain over all exams (scored items pooled).
  public var domainFractions: [Int: Double]

  /// Exams in the trend window.
  public static let trendWindow = 5

  /// The history of `input.exams`.
  public static func compute(_ input: StatsInput) -> ExamHistory {
    let exams = input.exams.sorted { $0.finishedAt != $1.finishedAt ? $0.finishedAt < $1.finishedAt : $0.id < $1.id }
    let fractions = exams.compactMap(\.fraction)
    let recent = Array(fractions.suffix(trendWindow))
    var slope: Double?
    if recent.count >= 2 {
      let n = Double(recent.count)
      let meanX = (n - 1) / 2
      let meanY = recent.reduce(0, +) / n
      var sxy = 0.0
      var sxx = 0.0
      for (x, y) in recent.enumerated() {
        sxy += (Double(x) - meanX) * (y - meanY)
        sxx += (Double(x) - meanX) * (Double(x) - meanX)
      }
      slope = sxy / sxx
    }
    let trend: Trend =
      switch slope {
      case nil: .notEnoughData
      case let s? where s > 0.01: .improving
      case let s? where s < -0.01: .declining
      default: .steady
      }
    var pooled: [Int: ExamRecord.DomainResult] = [:]
    for exam in exams {
      for (domain, result) in exam.perDomain {
        pooled[domain, default: .init(correct: 0, total: 0)].correct += result.correct
        pooled[domain, default: .init(correct: 0, total: 0)].total += result.total
      }
    }
    return ExamHistory(
      exams: exams, passedCount: exams.count { $0.passed }, bestScaledScore: exams.map(\.estimatedScaledScore).max(),
      meanFraction: fractions.isEmpty ? nil : fractions.reduce(0, +) / Double(fractions.count), slopePerExam: slope,
      trend: trend, domainFractions: pooled.compactMapValues(\.fraction))
  }
}
