import Foundation

/// Hyperparameters of ``Optimizer/fit(items:configuration:)``, with the fsrs-rs 6.6.1 defaults.
public struct OptimizerConfiguration: Sendable, Hashable, Codable {
  /// Passes over the training set (fsrs-rs: 5).
  public var epochs: Int
  /// Items per Adam step (fsrs-rs: 512).
  public var batchSize: Int
  /// Initial learning rate of the cosine-annealed schedule (fsrs-rs: 0.04).
  public var learningRate: Double
  /// Strength of the L2 pull towards the initial parameters (fsrs-rs: 1).
  public var gamma: Double
  /// Seed of the ``SplitMix64`` generator that shuffles the batch order each epoch.
  public var seed: UInt64
  /// Train the same-day parameters w17–w19 (and w0–w3); when false their gradients are zeroed, as in fsrs-rs.
  public var enableShortTerm: Bool
  /// Relearning steps the parameters will be used with; above 1 it tightens the w17/w18 ceiling.
  public var numRelearningSteps: Int
  /// Items with more reviews than this are left out of training (fsrs-rs: 256).
  public var maximumSequenceLength: Int
  /// Apply the fsrs-rs outlier filter (`FSRS_NO_OUTLIER` unset).
  public var filterOutliers: Bool

  /// Creates a configuration; every argument defaults to fsrs-rs 6.6.1's `TrainingConfig` and `compute_parameters`.
  public init(
    epochs: Int = 5, batchSize: Int = 512, learningRate: Double = 0.04, gamma: Double = 1, seed: UInt64 = 2023,
    enableShortTerm: Bool = true, numRelearningSteps: Int = 1, maximumSequenceLength: Int = 256,
    filterOutliers: Bool = true
  ) {
    self.epochs = epochs
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.gamma = gamma
    self.seed = seed
    self.enableShortTerm = enableShortTerm
    self.numRelearningSteps = numRelearningSteps
    self.maximumSequenceLength = maximumSequenceLength
    self.filterOutliers = filterOutliers
  }

  /// The fsrs-rs defaults.
  public static let `default` = OptimizerConfiguration()
}

/// The outcome of ``Optimizer/fit(items:configuration:)``.
public struct OptimizerResult: Sendable, Hashable {
  /// Why the optimiser did not run gradient descent.
  public enum Fallback: Sendable, Hashable {
    /// Fewer than 8 items survived the outlier filter: the default parameters are returned.
    case tooFewItems(count: Int)
    /// No item had exactly one long-term review, so S0 could not be fitted: the defaults are returned.
    case noInitializationData
    /// Fewer than 64 items (or only first-interval items): the defaults with w0–w3 fitted by the S0 search.
    case initialStabilityOnly(count: Int)
  }

  /// The fitted (or fallback) parameters, always within the clipping bounds.
  public let parameters: Parameters
  /// Items used for gradient descent after the outlier filter and the sequence-length cap
  /// (for a fallback: the items that survived the filter).
  public let itemsUsed: Int
  /// Set when too little data was available; `nil` after a full fit.
  public let fallback: Fallback?

  /// True when all 21 values are the defaults because of too little data.
  public var returnedDefaults: Bool {
    switch fallback {
    case .tooFewItems, .noInitializationData: true
    case .initialStabilityOnly, nil: false
    }
  }

  /// Creates a result.
  public init(parameters: Parameters, itemsUsed: Int, fallback: Fallback?) {
    self.parameters = parameters
    self.itemsUsed = itemsUsed
    self.fallback = fallback
  }
}
