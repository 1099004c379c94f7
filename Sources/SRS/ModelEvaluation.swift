import Foundation

/// Log loss, RMSE(bins) and AUC of a parameter vector on review histories (fsrs-rs `evaluate`).
public struct ModelEvaluation: Sendable, Hashable {
  /// Weighted (or unweighted) binary cross-entropy.
  public let logLoss: Double
  /// fsrs-rs RMSE(bins).
  public let rmseBins: Double
  /// Mann–Whitney AUC (unweighted), or `nil` when every review had the same outcome.
  public let auc: Double?
  /// Number of items evaluated.
  public let count: Int

  /// Creates an evaluation record.
  public init(logLoss: Double, rmseBins: Double, auc: Double?, count: Int) {
    self.logLoss = logLoss
    self.rmseBins = rmseBins
    self.auc = auc
    self.count = count
  }

  /// Evaluates `fsrs` on `items`, each predicting its last review from the earlier ones.
  ///
  /// - Parameters:
  ///   - items: Histories sorted oldest first (the order matters for recency weights).
  ///   - recencyWeighted: Use fsrs-rs `evaluate`'s weights `0.25 + 0.75·(i/(n−1))³`.
  public static func evaluate(
    _ fsrs: FSRS, on items: [ReviewHistory], recencyWeighted: Bool = false
  )
    -> ModelEvaluation
  {
    let usable = items.filter { $0.reviews.count >= 2 }
    let weights =
      recencyWeighted ? Metrics.recencyWeights(count: usable.count) : Array(repeating: 1, count: usable.count)
    var samples: [Metrics.Sample] = []
    samples.reserveCapacity(usable.count)
    for (item, weight) in zip(usable, weights) {
      let p = min(max(fsrs.predictedRecall(item) ?? 0.5, 1e-6), 1 - 1e-6)
      let recalled = item.reviews.last!.rating.isRecall
      samples.append(Metrics.Sample(probability: p, recalled: recalled, weight: weight, bin: RMSEBin(history: item)))
    }
    let probabilities = samples.map(\.probability)
    let recalled = samples.map(\.recalled)
    return ModelEvaluation(
      logLoss: samples.isEmpty
        ? .nan : Metrics.logLoss(probabilities: probabilities, recalled: recalled, weights: weights),
      rmseBins: samples.isEmpty ? .nan : Metrics.rmseBins(samples),
      auc: Metrics.auc(probabilities: probabilities, recalled: recalled),
      count: samples.count)
  }
}
