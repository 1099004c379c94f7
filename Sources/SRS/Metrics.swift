import Foundation

/// Pure calibration and discrimination metrics for recall predictions, as fsrs-rs `evaluate` and
/// `fit_revlog.py` compute them.
public enum Metrics {
  /// One scored prediction.
  public struct Sample: Sendable, Hashable {
    /// Predicted probability of recall.
    public var probability: Double
    /// Whether the card was recalled (rating above Again).
    public var recalled: Bool
    /// Weight (1 unless recency-weighted).
    public var weight: Double
    /// The RMSE(bins) bin.
    public var bin: RMSEBin

    /// Creates a sample.
    public init(probability: Double, recalled: Bool, weight: Double = 1, bin: RMSEBin) {
      self.probability = probability
      self.recalled = recalled
      self.weight = weight
      self.bin = bin
    }
  }

  /// Weighted mean of `−[y·ln p + (1−y)·ln(1−p)]`, with `p` clamped to `[epsilon, 1 − epsilon]`.
  ///
  /// - Parameter weights: One weight per prediction, or `nil` for the unweighted mean.
  public static func logLoss(
    probabilities: [Double], recalled: [Bool], weights: [Double]? = nil, epsilon: Double = 1e-6
  ) -> Double {
    precondition(probabilities.count == recalled.count && (weights?.count ?? recalled.count) == recalled.count)
    var total = 0.0
    var weightSum = 0.0
    for i in probabilities.indices {
      let p = min(max(probabilities[i], epsilon), 1 - epsilon)
      let w = weights?[i] ?? 1
      total += w * -(recalled[i] ? log(p) : log(1 - p))
      weightSum += w
    }
    return total / weightSum
  }

  /// RMSE(bins) = `sqrt(Σ_b W_b·(mean p_b − mean y_b)² / Σ_b W_b)`, where the means are unweighted within a bin
  /// and `W_b` is the bin's total weight (its count when unweighted).
  public static func rmseBins(_ samples: [Sample]) -> Double {
    var bins: [RMSEBin: (p: Double, y: Double, n: Double, w: Double)] = [:]
    for s in samples {
      var b = bins[s.bin] ?? (0, 0, 0, 0)
      b.p += s.probability
      b.y += s.recalled ? 1 : 0
      b.n += 1
      b.w += s.weight
      bins[s.bin] = b
    }
    var numerator = 0.0
    var denominator = 0.0
    for b in bins.values {
      let diff = (b.p - b.y) / b.n
      numerator += diff * diff * b.w
      denominator += b.w
    }
    return (numerator / denominator).squareRoot()
  }

  /// Area under the ROC curve via the Mann–Whitney U statistic, with average ranks for ties.
  ///
  /// - Returns: `nil` when all labels are equal.
  public static func auc(probabilities: [Double], recalled: [Bool]) -> Double? {
    precondition(probabilities.count == recalled.count)
    let order = probabilities.indices.sorted { probabilities[$0] < probabilities[$1] }
    var ranks = [Double](repeating: 0, count: order.count)
    var i = 0
    while i < order.count {
      var j = i
      while j + 1 < order.count && probabilities[order[j + 1]] == probabilities[order[i]] { j += 1 }
      let average = Double(i + j) / 2 + 1
      for k in i...j { ranks[order[k]] = average }
      i = j + 1
    }
    let positives = Double(recalled.filter { $0 }.count)
    let negatives = Double(recalled.count) - positives
    guard positives > 0, negatives > 0 else { return nil }
    let rankSum = zip(ranks, recalled).reduce(0.0) { $0 + ($1.1 ? $1.0 : 0) }
    return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
  }

  /// fsrs-rs recency weights `0.25 + 0.75·(i/(n−1))³` for items sorted oldest first.
  public static func recencyWeights(count n: Int) -> [Double] {
    (0..<n).map { i in 0.25 + 0.75 * pow(Double(i) / Double(max(n - 1, 1)), 3) }
  }
}
