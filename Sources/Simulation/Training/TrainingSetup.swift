/// The settings of one simulated model customization job, as far as they shape its loss curve.
///
/// Field names follow the job's hyperparameters (`epochCount`, `batchSize`, `learningRate`,
/// `learningRateWarmupSteps`, `earlyStoppingThreshold`, `earlyStoppingPatience`). For Claude 3 Haiku, whose
/// hyperparameter is a `learningRateMultiplier`, pass the multiplier as `learningRate` with a default of 1 and a
/// maximum of 2. Out-of-range values are clamped when simulated (at least one record, epoch and item per batch).
public struct TrainingSetup: Sendable, Codable, Equatable {
  /// Which customization the job runs; each starts from a different loss and falls at a different pace.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// Supervised fine-tuning on labeled prompt/completion pairs (`FINE_TUNING`).
    case fineTuning = "fine-tuning"
    /// Continued pre-training on unlabeled domain text (`CONTINUED_PRE_TRAINING`): starts higher, falls slower.
    case continuedPreTraining = "continued-pre-training"
    /// Distillation (`DISTILLATION`): the student learns the teacher's consistent answers, so the floor is lower.
    case distillation
  }

  /// Early stopping as Claude 3 Haiku and Cohere Command offer it: training stops once validation loss has not
  /// improved by at least `threshold` for `patience` epochs in a row.
  public struct EarlyStopping: Sendable, Codable, Equatable {
    /// `earlyStoppingThreshold`: the least fall in validation loss that counts as an improvement.
    public var threshold: Double
    /// `earlyStoppingPatience`: epochs without improvement tolerated before stopping.
    public var patience: Int

    /// Creates an early-stopping rule from the two hyperparameters.
    public init(threshold: Double, patience: Int) {
      self.threshold = threshold
      self.patience = patience
    }
  }

  /// Training records (lines of the training JSONL).
  public var records: Int
  /// Validation records; 0 means the job has no validation set (and no validation curve).
  public var validationRecords: Int
  /// Average tokens in one record; longer records carry more signal each (with diminishing returns).
  public var tokensPerRecord: Double
  /// `epochCount`: passes over the training data.
  public var epochs: Int
  /// `batchSize`: records per step.
  public var batchSize: Int
  /// `learningRate` (or Claude 3 Haiku's `learningRateMultiplier`).
  public var learningRate: Double
  /// The model's default learning rate: the simulation's unit of "how large a step is".
  public var defaultLearningRate: Double
  /// The largest learning rate the model accepts; a higher value is simulated but noted as one the real
  /// service would reject.
  public var maxLearningRate: Double
  /// `learningRateWarmupSteps`: steps over which the learning rate rises linearly from near zero to its target.
  public var warmupSteps: Int
  /// Early stopping, only for models that support it; nil for none.
  public var earlyStopping: EarlyStopping?
  /// The customization type.
  public var kind: Kind
  /// The learning rate, as a multiple of the default, at which training diverges. AWS publishes no such figure:
  /// it is an illustrative parameter (20 unless set).
  public var divergenceFactor: Double

  /// Creates a setup; the defaults describe a fine-tuning job with no validation set, warm-up or early stopping.
  public init(
    records: Int,
    validationRecords: Int = 0,
    tokensPerRecord: Double = 256,
    epochs: Int,
    batchSize: Int,
    learningRate: Double,
    defaultLearningRate: Double,
    maxLearningRate: Double,
    warmupSteps: Int = 0,
    earlyStopping: EarlyStopping? = nil,
    kind: Kind = .fineTuning,
    divergenceFactor: Double = 20
  ) {
    self.records = records
    self.validationRecords = validationRecords
    self.tokensPerRecord = tokensPerRecord
    self.epochs = epochs
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.defaultLearningRate = defaultLearningRate
    self.maxLearningRate = maxLearningRate
    self.warmupSteps = warmupSteps
    self.earlyStopping = earlyStopping
    self.kind = kind
    self.divergenceFactor = divergenceFactor
  }

  /// Steps in one epoch: `ceil(records / batchSize)`.
  public var stepsPerEpoch: Int {
    let records = max(1, records)
    let batch = max(1, batchSize)
    return (records + batch - 1) / batch
  }

  /// Steps the job plans to run: steps per epoch × epochs (it may stop earlier).
  public var plannedSteps: Int { stepsPerEpoch * max(1, epochs) }

  /// Tokens the job is billed for: records × tokens per record × epochs (training tokens × epochs).
  public var trainingTokens: Double { Double(max(0, records)) * max(0, tokensPerRecord) * Double(max(1, epochs)) }
}
