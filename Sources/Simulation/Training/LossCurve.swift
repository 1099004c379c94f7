/// The metrics a simulated customization job writes: training loss per step, validation loss per epoch, and
/// a reading of the curve for learners.
///
/// Mirrors the job's `training_artifacts/step_wise_training_metrics.csv` and
/// `validation_artifacts/post_fine_tuning_validation/validation_metrics.csv` (see `trainingMetricsCSV`).
public struct LossCurve: Sendable, Codable, Equatable {
  /// One training step: a row of `step_wise_training_metrics.csv`.
  public struct Step: Sendable, Codable, Equatable {
    /// `step_number`, counted from 0 across the whole job.
    public var step: Int
    /// `epoch_number`, counted from 1 (the simulation's choice; the real file's base is not documented).
    public var epoch: Int
    /// `training_loss` on this step's batch: lower means a closer fit to the training data.
    public var trainingLoss: Double
    /// `perplexity` = exp(training loss): lower means better token prediction.
    public var perplexity: Double
    /// The learning rate in effect at this step (lower than the target during warm-up). Not in the CSV.
    public var learningRate: Double

    /// Creates a row.
    public init(step: Int, epoch: Int, trainingLoss: Double, perplexity: Double, learningRate: Double) {
      self.step = step
      self.epoch = epoch
      self.trainingLoss = trainingLoss
      self.perplexity = perplexity
      self.learningRate = learningRate
    }
  }

  /// One validation pass at the end of an epoch: a row of `validation_metrics.csv`.
  public struct ValidationPoint: Sendable, Codable, Equatable {
    /// The `step_number` of the epoch's last step.
    public var step: Int
    /// `epoch_number`, counted from 1.
    public var epoch: Int
    /// `validation_loss` on the held-out records: what predicts quality on new data.
    public var validationLoss: Double
    /// `perplexity` = exp(validation loss).
    public var perplexity: Double

    /// Creates a row.
    public init(step: Int, epoch: Int, validationLoss: Double, perplexity: Double) {
      self.step = step
      self.epoch = epoch
      self.validationLoss = validationLoss
      self.perplexity = perplexity
    }
  }

  /// What the curve shows, in the order the simulation checks: divergence, then early stopping, then
  /// overfitting, then underfitting; otherwise convergence.
  public enum Outcome: Sendable, Codable, Equatable {
    /// Both losses fell and flattened (validation slightly above training).
    case converged
    /// Validation loss reached its minimum at `bestEpoch` and then rose while training loss kept falling.
    case overfitting(bestEpoch: Int)
    /// The loss was still far above where it was heading when the job ended (too low a learning rate, too few
    /// steps, or a warm-up that never finished).
    case underfitting
    /// The loss blew up and the job failed at `step` (a `Failed` job; see `failureMessage`).
    case diverged(step: Int)
    /// Early stopping ended training after `epoch`, before the planned epochs.
    case earlyStopped(epoch: Int)
  }

  /// Every step run, in order.
  public var steps: [Step]
  /// One point per completed epoch; empty without a validation set.
  public var validation: [ValidationPoint]
  /// The reading of the curve.
  public var outcome: Outcome
  /// Plain-English sentences explaining the curve to a learner, most important first.
  public var notes: [String]
  /// The last step's training loss (`trainingMetrics.trainingLoss`).
  public var finalTrainingLoss: Double
  /// The last validation loss (`validationMetrics[].validationLoss`); nil without a validation set.
  public var finalValidationLoss: Double?
  /// The epoch with the lowest validation loss; nil without a validation set.
  public var bestEpoch: Int?
  /// Steps per epoch: `ceil(records / batchSize)`.
  public var stepsPerEpoch: Int
  /// Steps the job planned; `steps.count` is smaller when it stopped early or failed.
  public var plannedSteps: Int
  /// The largest learning rate reached as a fraction of the target (below 1 when warm-up never finished).
  public var learningRateReached: Double
  /// Why the job failed (the job's `failureMessage`); nil unless the outcome is `diverged`.
  public var failureMessage: String?

  /// Creates a curve from its parts.
  public init(
    steps: [Step],
    validation: [ValidationPoint],
    outcome: Outcome,
    notes: [String],
    finalTrainingLoss: Double,
    finalValidationLoss: Double?,
    bestEpoch: Int?,
    stepsPerEpoch: Int,
    plannedSteps: Int,
    learningRateReached: Double,
    failureMessage: String?
  ) {
    self.steps = steps
    self.validation = validation
    self.outcome = outcome
    self.notes = notes
    self.finalTrainingLoss = finalTrainingLoss
    self.finalValidationLoss = finalValidationLoss
    self.bestEpoch = bestEpoch
    self.stepsPerEpoch = stepsPerEpoch
    self.plannedSteps = plannedSteps
    self.learningRateReached = learningRateReached
    self.failureMessage = failureMessage
  }

  /// True when the job ends `Failed` rather than `Completed`.
  public var failed: Bool {
    if case .diverged = outcome { return true }
    return false
  }
}

extension LossCurve {
  /// `step_wise_training_metrics.csv`: header `step_number,epoch_number,training_loss,perplexity`, one row per
  /// step, numbers in Swift's shortest round-trip form, lines ending in `\n`.
  public var trainingMetricsCSV: String {
    var out = "step_number,epoch_number,training_loss,perplexity\n"
    out.reserveCapacity(steps.count * 48 + 50)
    for row in steps {
      out += "\(row.step),\(row.epoch),\(row.trainingLoss),\(row.perplexity)\n"
    }
    return out
  }

  /// `validation_metrics.csv`: header `step_number,epoch_number,validation_loss,perplexity`, one row per epoch.
  public var validationMetricsCSV: String {
    var out = "step_number,epoch_number,validation_loss,perplexity\n"
    for row in validation {
      out += "\(row.step),\(row.epoch),\(row.validationLoss),\(row.perplexity)\n"
    }
    return out
  }
}
