import Core
import Foundation

/// Simulates the loss curves of a model customization job: an illustrative teaching model, not Bedrock's.
///
/// The model (all constants are chosen for teaching; AWS publishes none of them):
///
/// - Data: `Neff = records × √(tokensPerRecord / 256)`; a data term `d = min(4 / √Neff, 0.6 × (L0 − F))` is the
///   part of the loss that only more data removes. `L0` (start) and `F` (floor) depend on the kind:
///   fine-tuning 2.4 → 0.55, distillation 2.1 → 0.45, continued pre-training 3.2 → 1.7 (and 3× slower).
/// - Learning rate at step t: `lr(t) = learningRate × min(1, (t + 1) / warmupSteps)` (linear warm-up, then
///   constant); `ρ(t) = lr(t) / defaultLearningRate`. Each step's progress is `g(ρ) = 1.5ρ² / (0.5 + ρ)`
///   (`g(1) = 1`; tiny rates barely move the model) times `√batchSize`; `P(t)` sums it.
/// - Fit left: `f(t) = exp(−P(t) / τ)`, τ = 60 (180 for continued pre-training). Memorisation
///   `m(t) = 1 − exp(−0.9 E(t) / √Neff)`, where `E(t)` counts effective passes over the data (`min(g, 2)` per
///   step ÷ steps per epoch): small datasets are memorised within a few epochs, large ones hardly at all.
/// - Expected training loss `F(1 − 0.6m) + d(1 − m) + (L0 − F − d) f`; expected validation loss
///   `F + d + gap + (L0 − F − d) f + (3 / Neff) E^1.5`, gap = `0.02 + d / 4`. So training loss keeps falling
///   while, on small data, validation loss reaches a minimum and then rises (overfitting).
/// - Divergence: from the first step with `ρ ≥ divergenceFactor` the loss is multiplied by
///   `1 + 0.15ρ / divergenceFactor` every step; the job fails when it passes 4 × L0 (or at its last step).
/// - Noise: observed = expected × (1 + 0.15 s sin(2πt / 7.3)) × exp(σz), where
///   `s = clamp((ρ − 1) / (divergenceFactor − 1), 0, 1)` is the instability of a high learning rate,
///   `σ = 0.08 / √batchSize × (1 + 4s)` and `z` is a bounded, unit-variance draw (`|z| ≤ noiseBound`).
///   Validation noise is `σ = 0.002 + 0.02 / √validationRecords`. The noise comes only from the seeded generator.
/// - Early stopping: after each epoch, an improvement is a validation loss below the best so far by at least the
///   threshold; after `patience` epochs without one, training stops (unless that epoch is the last anyway).
/// - Reading: overfitting when the last validation loss is above its minimum, reached at an earlier epoch, by more
///   than max(0.02, 2 %); underfitting when more than 30 % of the expected fall is still left at the end.
///
/// Work is linear in the number of steps (a few `exp` calls per step).
public enum LossCurveModel {
  /// Where the curves come from, for display under a simulated result.
  public static let basis = Basis(
    source: "https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-analyze.html",
    illustrative: true,
    note: "Illustrative teaching model of training and validation loss; the CSV layout follows the documented "
      + "metrics files, the numbers are not Bedrock's."
  )

  /// The largest magnitude of a noise draw `z` (four uniforms summed and scaled to unit variance: 2√3).
  public static let noiseBound: Double = 2 * 3.0.squareRoot()

  /// The standard deviation of the log of a training step's noise at a stable learning rate (at or below the
  /// default): `0.08 / √batchSize`.
  public static func trainingNoiseSigma(batchSize: Int) -> Double {
    0.08 / Double(max(1, batchSize)).squareRoot()
  }

  /// Simulates a job's training and validation loss step by step. The same setup and seed always give the same
  /// curve; another seed changes only the noise.
  public static func simulate(_ setup: TrainingSetup, seed: UInt64) -> LossCurve {
    var generator = SeededGenerator(seed: seed)
    let model = Parameters(setup)
    var state = RunState()
    state.expected = model.initial
    state.steps.reserveCapacity(model.plannedSteps)

    for t in 0..<model.plannedSteps {
      step(t, model: model, state: &state, generator: &generator)
      if state.failedAt != nil || state.stoppedAfterEpoch != nil { break }
    }
    return finish(setup, model: model, state: state)
  }

  // MARK: - The step loop

  /// Runs step `t`, then the epoch's validation pass and early-stopping check if the step ends an epoch.
  private static func step(
    _ t: Int,
    model: Parameters,
    state: inout RunState,
    generator: inout SeededGenerator
  ) {
    let warm = model.warmupSteps > 0 ? min(1, Double(t + 1) / Double(model.warmupSteps)) : 1
    let rho = model.ratio * warm
    state.warmReached = warm
    if !state.diverging && rho >= model.divergenceFactor {
      state.diverging = true
      state.divergedFrom = t
    }
    let expected: Double
    if state.diverging {
      expected = min(state.expected * (1 + 0.15 * rho / model.divergenceFactor), 1_000)
    } else {
      let gain = Self.gain(rho)
      state.progress += gain * model.batchGain
      state.passes += min(gain, 2) / Double(model.stepsPerEpoch)
      state.fitLeft = exp(-state.progress / model.tau)
      let memorised = 1 - exp(-state.passes * model.memoryRate)
      expected = model.floor * (1 - 0.6 * memorised) + model.dataTerm * (1 - memorised) + model.excess * state.fitLeft
    }
    state.expected = expected

    let instability = min(max((rho - 1) / (model.divergenceFactor - 1), 0), 1)
    let wobble = state.diverging ? 0 : 0.15 * instability * sin(2 * Double.pi * Double(t) / 7.3)
    let sigma = model.noiseSigma * (1 + 4 * instability)
    let loss = expected * (1 + wobble) * exp(sigma * noise(&generator))
    let epoch = t / model.stepsPerEpoch + 1
    state.steps.append(
      LossCurve.Step(
        step: t, epoch: epoch, trainingLoss: loss, perplexity: exp(loss), learningRate: model.target * warm
      )
    )

    if state.diverging && (expected > model.failureLoss || t == model.plannedSteps - 1) {
      state.failedAt = t
      return
    }
    guard (t + 1) % model.stepsPerEpoch == 0, model.validationRecords > 0 else { return }

    let expectedValidation: Double
    if state.diverging {
      expectedValidation = expected + model.dataTerm + model.gap
    } else {
      expectedValidation =
        model.floor + model.dataTerm + model.gap + model.excess * state.fitLeft
        + model.overfitRate * pow(state.passes, 1.5)
    }
    let validationLoss = expectedValidation * exp(model.validationSigma * noise(&generator))
    state.validation.append(
      LossCurve.ValidationPoint(
        step: t, epoch: epoch, validationLoss: validationLoss, perplexity: exp(validationLoss)
      )
    )
    guard let rule = model.earlyStopping else { return }
    if validationLoss < state.bestValidation - rule.threshold {
      state.bestValidation = validationLoss
      state.epochsWithoutImprovement = 0
    } else {
      state.epochsWithoutImprovement += 1
      if state.epochsWithoutImprovement >= max(1, rule.patience) && epoch < model.epochs {
        state.stoppedAfterEpoch = epoch
      }
    }
  }

  /// Progress a step makes at learning-rate ratio ρ: `1.5ρ² / (0.5 + ρ)`, 1 at the default rate.
  private static func gain(_ rho: Double) -> Double {
    rho <= 0 ? 0 : 1.5 * rho * rho / (0.5 + rho)
  }

  /// A bounded draw with mean 0 and variance 1: four uniforms summed, centred and scaled.
  private static func noise(_ generator: inout SeededGenerator) -> Double {
    let sum =
      generator.nextUnitDouble() + generator.nextUnitDouble() + generator.nextUnitDouble()
      + generator.nextUnitDouble()
    return (sum - 2) * 3.0.squareRoot()
  }

  // MARK: - Reading the curve

  /// Classifies the finished run and writes its notes.
  private static func finish(_ setup: TrainingSetup, model: Parameters, state: RunState) -> LossCurve {
    let validation = state.validation
    var best: LossCurve.ValidationPoint?
    for point in validation where point.validationLoss < (best?.validationLoss ?? .infinity) { best = point }
    let last = validation.last
    let rise = (last?.validationLoss ?? 0) - (best?.validationLoss ?? 0)
    let overfit = best.map { $0.epoch < (last?.epoch ?? 0) && rise > max(0.02, 0.02 * $0.validationLoss) } ?? false

    let outcome: LossCurve.Outcome
    if let failedAt = state.failedAt {
      outcome = .diverged(step: failedAt)
    } else if let epoch = state.stoppedAfterEpoch {
      outcome = .earlyStopped(epoch: epoch)
    } else if overfit, let best {
      outcome = .overfitting(bestEpoch: best.epoch)
    } else if state.fitLeft > 0.3 {
      outcome = .underfitting
    } else {
      outcome = .converged
    }

    let finalTraining = state.steps.last?.trainingLoss ?? model.initial
    var notes = LossCurveNotes(setup: setup, model: model)
    notes.outcome(outcome, state: state, best: best, last: last, overfit: overfit, finalTraining: finalTraining)
    notes.settings(state: state, outcome: outcome)
    let failure = state.failedAt.map { notes.failureMessage(step: $0, loss: state.expected) }

    return LossCurve(
      steps: state.steps,
      validation: validation,
      outcome: outcome,
      notes: notes.lines,
      finalTrainingLoss: finalTraining,
      finalValidationLoss: last?.validationLoss,
      bestEpoch: best?.epoch,
      stepsPerEpoch: model.stepsPerEpoch,
      plannedSteps: model.plannedSteps,
      learningRateReached: state.warmReached,
      failureMessage: failure
    )
  }

  // MARK: - Model parameters and run state

  /// The setup turned into the model's numbers (inputs clamped to sensible ranges).
  struct Parameters {
    let stepsPerEpoch: Int
    let plannedSteps: Int
    let epochs: Int
    let validationRecords: Int
    let warmupSteps: Int
    let target: Double
    let ratio: Double
    let divergenceFactor: Double
    let initial: Double
    let floor: Double
    let dataTerm: Double
    let excess: Double
    let gap: Double
    let overfitRate: Double
    let memoryRate: Double
    let tau: Double
    let batchGain: Double
    let noiseSigma: Double
    let validationSigma: Double
    let failureLoss: Double
    let earlyStopping: TrainingSetup.EarlyStopping?

    init(_ setup: TrainingSetup) {
      let records = max(1, setup.records)
      let batch = max(1, setup.batchSize)
      epochs = max(1, setup.epochs)
      stepsPerEpoch = setup.stepsPerEpoch
      plannedSteps = stepsPerEpoch * epochs
      validationRecords = max(0, setup.validationRecords)
      warmupSteps = max(0, setup.warmupSteps)
      target = max(0, setup.learningRate)
      ratio = setup.defaultLearningRate > 0 ? target / setup.defaultLearningRate : (target > 0 ? 1 : 0)
      divergenceFactor = max(setup.divergenceFactor, 1.5)
      switch setup.kind {
      case .fineTuning: (initial, floor, tau) = (2.4, 0.55, 60)
      case .distillation: (initial, floor, tau) = (2.1, 0.45, 60)
      case .continuedPreTraining: (initial, floor, tau) = (3.2, 1.7, 180)
      }
      let tokens = min(max(setup.tokensPerRecord, 16), 32_000)
      let effectiveRecords = Double(records) * (tokens / 256).squareRoot()
      dataTerm = min(4 / effectiveRecords.squareRoot(), 0.6 * (initial - floor))
      excess = initial - floor - dataTerm
      gap = 0.02 + dataTerm / 4
      overfitRate = 3 / effectiveRecords
      memoryRate = 0.9 / effectiveRecords.squareRoot()
      batchGain = Double(batch).squareRoot()
      noiseSigma = LossCurveModel.trainingNoiseSigma(batchSize: batch)
      validationSigma = validationRecords > 0 ? 0.002 + 0.02 / Double(validationRecords).squareRoot() : 0
      failureLoss = 4 * initial
      earlyStopping = validationRecords > 0 ? setup.earlyStopping : nil
    }
  }

  /// What the step loop carries from one step to the next.
  struct RunState {
    var steps: [LossCurve.Step] = []
    var validation: [LossCurve.ValidationPoint] = []
    var progress = 0.0
    var passes = 0.0
    var fitLeft = 1.0
    var expected = 0.0
    var warmReached = 0.0
    var diverging = false
    var divergedFrom: Int?
    var failedAt: Int?
    var bestValidation = Double.infinity
    var epochsWithoutImprovement = 0
    var stoppedAfterEpoch: Int?
  }
}
