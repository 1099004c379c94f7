import Foundation

/// Fits the 21 FSRS-6 parameters to review histories the way fsrs-rs 6.6.1 `compute_parameters` does.
///
/// 1. ``OutlierFilter`` splits the items into the S0 initialization set and the training set.
/// 2. Fewer than 8 training items: the defaults. Otherwise ``InitialStabilityFit`` fits w0–w3; with fewer than 64
///    training items (or only first-interval items) those are returned with the other defaults.
/// 3. Otherwise Adam with cosine annealing minimises the recency-weighted BCE plus
///    `gamma·Σ((w − w_init)/σ)²·batch/total`, clipping after every step; the epoch with the lowest training loss
///    wins, and w0–w3 are smoothed again as fsrs-rs does.
///
/// Pure and deterministic: the batch order is shuffled with ``SplitMix64`` seeded from the configuration.
public enum Optimizer {
  /// fsrs-rs `PARAMS_STDDEV`: the spread of each weight across users, which scales the L2 pull.
  public static let parameterStandardDeviations: [Double] = [
    6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25,
    1.03, 0.31, 0.32, 0.14, 0.27,
  ]
  /// Below this many training items the defaults are returned.
  public static let minimumItems = 8
  /// Below this many training items only w0–w3 are fitted.
  public static let minimumItemsForGradientDescent = 64

  /// Fits parameters to `items`.
  ///
  /// - Parameters:
  ///   - items: fsrs-rs items (see ``ReviewHistory/trainingItems(from:semantics:)``), sorted by the time of the
  ///     predicted review — the order sets the recency weights. Items with fewer than two reviews or without a
  ///     long-term (Δt > 0) review are ignored.
  ///   - configuration: Hyperparameters; the defaults are fsrs-rs's.
  public static func fit(
    items: [ReviewHistory], configuration: OptimizerConfiguration = .default
  )
    -> OptimizerResult
  {
    let usable = items.filter { $0.reviews.count >= 2 && $0.firstLongTermDeltaT != nil }
    let split = OutlierFilter.split(usable, enabled: configuration.filterOutliers)
    let training = split.training
    if training.count < minimumItems {
      return OptimizerResult(
        parameters: .default, itemsUsed: training.count, fallback: .tooFewItems(count: training.count))
    }
    let averageRecall = InitialStabilityFit.averageRecall(training)
    guard let initial = InitialStabilityFit.fit(initialization: split.initialization, averageRecall: averageRecall)
    else {
      return OptimizerResult(parameters: .default, itemsUsed: training.count, fallback: .noInitializationData)
    }
    let start = initial.stabilities + Parameters.defaultValues[4...]
    if training.count == split.initialization.count || training.count < minimumItemsForGradientDescent {
      return OptimizerResult(
        parameters: Parameters(uncheckedValues: start), itemsUsed: training.count,
        fallback: .initialStabilityOnly(count: training.count))
    }
    let weights = Metrics.recencyWeights(count: training.count)
    let weighted = zip(training, weights).filter { $0.0.reviews.count <= configuration.maximumSequenceLength }
    // Stable sort by length, as fsrs-rs groups similar lengths into the same batch.
    let byLength = weighted.enumerated().sorted {
      ($0.element.0.reviews.count, $0.offset) < ($1.element.0.reviews.count, $1.offset)
    }
    let set = TrainingSet(items: byLength.map { (item: $0.element.0, weight: $0.element.1) })
    var fitted = train(set, initial: start, configuration: configuration)
    var trainedS0: [Int: Double] = [:]
    for rating in 1...4 { trainedS0[rating] = fitted[rating - 1] }
    if let smoothed = InitialStabilityFit.smoothAndFill(trainedS0, counts: initial.ratingCounts) {
      fitted.replaceSubrange(0..<4, with: smoothed)
    }
    return OptimizerResult(parameters: Parameters(uncheckedValues: fitted), itemsUsed: set.count, fallback: nil)
  }

  /// The L2 penalty `gamma·Σ((w − w0)/σ)²·batch/total` and its gradient added into `gradient`.
  static func addPenalty(
    _ w: [Double], initial: [Double], scale: Double, gradient: inout [Double]
  ) -> Double {
    var penalty = 0.0
    for i in 0..<21 {
      let variance = parameterStandardDeviations[i] * parameterStandardDeviations[i]
      let delta = w[i] - initial[i]
      penalty += delta * delta / variance
      gradient[i] += 2 * delta / variance * scale
    }
    return penalty * scale
  }

  /// Adam over length-sorted contiguous batches visited in a shuffled order each epoch; returns the parameters
  /// after the epoch with the lowest full-set loss (BCE sum plus penalties, divided by the item count).
  static func train(_ set: TrainingSet, initial: [Double], configuration c: OptimizerConfiguration) -> [Double] {
    let total = set.count
    let batchSize = max(c.batchSize, 1)
    var schedule = CosineAnnealing(
      initial: c.learningRate, period: Double((total / batchSize + 1) * max(c.epochs, 1)))
    var adam = Adam(count: 21)
    var rng = SplitMix64(seed: c.seed)
    var workspace = GradientWorkspace()
    var w = initial
    var best = w
    var bestLoss = Double.infinity
    var order = Array(0..<((total + batchSize - 1) / batchSize))
    for _ in 0..<c.epochs {
      order.shuffle(using: &rng)
      for batch in order {
        let range = (batch * batchSize)..<min((batch + 1) * batchSize, total)
        var gradient = Array(repeating: 0.0, count: 21)
        _ = set.lossAndGradient(w, range: range, gradient: &gradient, workspace: &workspace)
        _ = addPenalty(
          w, initial: initial, scale: c.gamma * Double(range.count) / Double(total), gradient: &gradient)
        if !c.enableShortTerm {
          for i in [0, 1, 2, 3, 17, 18, 19] { gradient[i] = 0 }
        }
        adam.step(&w, gradient: gradient, learningRate: schedule.step())
        w =
          Parameters(uncheckedValues: w).clipped(
            numRelearningSteps: c.numRelearningSteps, enableShortTerm: c.enableShortTerm
          ).values
      }
      var loss = 0.0
      var unused = Array(repeating: 0.0, count: 21)
      for chunk in stride(from: 0, to: total, by: batchSize) {
        let range = chunk..<min(chunk + batchSize, total)
        loss += set.loss(w, range: range)
        loss += addPenalty(w, initial: initial, scale: c.gamma * Double(range.count) / Double(total), gradient: &unused)
      }
      loss /= Double(total)
      if loss < bestLoss {
        bestLoss = loss
        best = w
      }
    }
    return best
  }
}
