import Foundation

extension Optimizer {
  /// One forward-chaining fold: fit on `train`, score on `test`.
  public struct Fold: Sendable, Hashable {
    /// Items `0..<train.upperBound` of the sorted input.
    public var train: Range<Int>
    /// The next segment.
    public var test: Range<Int>
  }

  /// fsrs-rs `TimeSeriesSplit::split`: `n/(folds+1)`-item segments; fold `i` trains on segments `0…i` and tests on
  /// segment `i+1` (the last fold's test set runs to the end). Empty when a segment would be empty.
  public static func timeSeriesFolds(count n: Int, folds: Int = 5) -> [Fold] {
    guard n > 0, folds > 0 else { return [] }
    let segment = n / (folds + 1)
    guard segment > 0 else { return [] }
    return (0..<folds).map { i in
      let testStart = (i + 1) * segment
      let testEnd = i == folds - 1 ? n : (i + 2) * segment
      return Fold(train: 0..<testStart, test: testStart..<testEnd)
    }
  }

  /// fsrs-rs `evaluate_with_time_series_splits`: fits on each fold's earlier items, predicts the next segment,
  /// and scores all out-of-sample predictions together (unweighted log loss, RMSE(bins) and AUC).
  ///
  /// - Parameters:
  ///   - items: Items sorted by the time of the predicted review.
  ///   - folds: Number of folds (fsrs-rs: 5).
  /// - Returns: The pooled evaluation, or `nil` when there are too few items for the folds.
  public static func timeSeriesSplit(
    items: [ReviewHistory], folds: Int = 5, configuration: OptimizerConfiguration = .default
  ) -> ModelEvaluation? {
    let splits = timeSeriesFolds(count: items.count, folds: folds)
    guard !splits.isEmpty else { return nil }
    var samples: [Metrics.Sample] = []
    for fold in splits {
      let fit = fit(items: Array(items[fold.train]), configuration: configuration)
      let fsrs = FSRS(parameters: fit.parameters)
      for item in items[fold.test] where item.reviews.count >= 2 {
        let p = min(max(fsrs.predictedRecall(item) ?? 0.5, 1e-6), 1 - 1e-6)
        samples.append(
          Metrics.Sample(probability: p, recalled: item.reviews.last!.rating.isRecall, bin: RMSEBin(history: item)))
      }
    }
    guard !samples.isEmpty else { return nil }
    let probabilities = samples.map(\.probability)
    let recalled = samples.map(\.recalled)
    return ModelEvaluation(
      logLoss: Metrics.logLoss(probabilities: probabilities, recalled: recalled),
      rmseBins: Metrics.rmseBins(samples), auc: Metrics.auc(probabilities: probabilities, recalled: recalled),
      count: samples.count)
  }
}
