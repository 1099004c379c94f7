/// The knobs of the readiness model. Every default is an assumption, documented here.
public struct ReadinessOptions: Sendable, Hashable, Codable {
  /// Seed of the Monte Carlo draws (the same inputs and seed always give the same answer).
  public var seed: UInt64
  /// Parameter "worlds": each draws the learner-level FSRS error and every objective's rate from its posterior.
  public var worlds: Int
  /// Simulated exams per world.
  public var drawsPerWorld: Int
  /// Standard deviation of the shared per-exam "day effect" on the logit of every item's knowledge.
  /// **Assumption** (0.3): items are not independent — a good or bad day moves them together.
  public var dayEffectSD: Double
  /// Standard deviation of a learner-level error on the logit of FSRS retrievability, drawn once per world.
  /// **Assumption** (0.35): FSRS's per-user calibration error RMSE(bins) is about 0.05–0.07 (srs-benchmark),
  /// which near R = 0.85 is a logit error of roughly 0.4.
  public var memoryLogitSD: Double
  /// Smoothing of accuracies for items without FSRS memory.
  public var priors: PriorSettings
  /// Quantiles of the per-world probability that bound the reported band (10th and 90th by default).
  public var bandLow: Double
  /// Upper quantile of the band.
  public var bandHigh: Double

  /// Creates options (defaults: 100 worlds × 20 exams = 2,000 draws; the calibration on simulated learners holds
  /// with 60 × 10, see `CalibrationSettings`).
  public init(
    seed: UInt64 = 0x5EED_F00D, worlds: Int = 100, drawsPerWorld: Int = 20, dayEffectSD: Double = 0.3,
    memoryLogitSD: Double = 0.35, priors: PriorSettings = PriorSettings(), bandLow: Double = 0.1,
    bandHigh: Double = 0.9
  ) {
    self.seed = seed
    self.worlds = worlds
    self.drawsPerWorld = drawsPerWorld
    self.dayEffectSD = dayEffectSD
    self.memoryLogitSD = memoryLogitSD
    self.priors = priors
    self.bandLow = bandLow
    self.bandHigh = bandHigh
  }
}
