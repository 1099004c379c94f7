/// How well predicted pass probabilities match simulated outcomes.
///
/// - Brier score: mean of `(p − outcome)²`.
/// - Expected calibration error (ECE): predictions are put in equal-width bins over [0, 1] (bin `i` holds
///   `i/B ≤ p < (i+1)/B`, p = 1 in the last); `ECE = Σ_b (n_b / N) · |mean p in b − pass rate in b|`.
public struct CalibrationReport: Sendable, Hashable, Codable {
  /// One bin of the reliability table.
  public struct Bin: Sendable, Hashable, Codable {
    /// Lower edge.
    public var lower: Double
    /// Upper edge.
    public var upper: Double
    /// Predictions in the bin.
    public var count: Int
    /// Mean prediction, or `nil` when empty.
    public var meanPredicted: Double?
    /// Observed pass rate, or `nil` when empty.
    public var observedRate: Double?
  }

  /// Exams evaluated.
  public var exams: Int
  /// Brier score (0 is perfect; 0.25 is a constant 0.5).
  public var brier: Double
  /// Expected calibration error.
  public var ece: Double
  /// The reliability table.
  public var bins: [Bin]
  /// Mean prediction.
  public var meanPredicted: Double
  /// Observed pass rate.
  public var observedPassRate: Double

  /// Evaluates `predictions` against `outcomes` (same length) with `binCount` bins.
  public static func evaluate(predictions: [Double], outcomes: [Bool], binCount: Int = 10) -> CalibrationReport {
    precondition(predictions.count == outcomes.count, "one outcome per prediction")
    let b = max(1, binCount)
    var counts = [Int](repeating: 0, count: b)
    var sumP = [Double](repeating: 0, count: b)
    var hits = [Int](repeating: 0, count: b)
    var brier = 0.0
    for (p, outcome) in zip(predictions, outcomes) {
      let y = outcome ? 1.0 : 0.0
      brier += (p - y) * (p - y)
      let index = min(b - 1, max(0, Int(p * Double(b))))
      counts[index] += 1
      sumP[index] += p
      hits[index] += outcome ? 1 : 0
    }
    let n = predictions.count
    var ece = 0.0
    var bins: [Bin] = []
    for i in 0..<b {
      let mean = counts[i] > 0 ? sumP[i] / Double(counts[i]) : nil
      let rate = Stats.ratio(hits[i], counts[i])
      if let mean, let rate { ece += Double(counts[i]) / Double(n) * abs(mean - rate) }
      bins.append(
        Bin(
          lower: Double(i) / Double(b), upper: Double(i + 1) / Double(b), count: counts[i], meanPredicted: mean,
          observedRate: rate))
    }
    return CalibrationReport(
      exams: n, brier: n > 0 ? brier / Double(n) : 0, ece: ece, bins: bins,
      meanPredicted: n > 0 ? predictions.reduce(0, +) / Double(n) : 0,
      observedPassRate: n > 0 ? Double(outcomes.count { $0 }) / Double(n) : 0)
  }
}
