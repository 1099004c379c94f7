import Foundation

/// Writes the plain-English reading of a simulated loss curve, most important sentence first.
struct LossCurveNotes {
  let setup: TrainingSetup
  let model: LossCurveModel.Parameters
  /// The sentences written so far.
  private(set) var lines: [String] = []

  init(setup: TrainingSetup, model: LossCurveModel.Parameters) {
    self.setup = setup
    self.model = model
  }

  /// The sentence that explains the outcome, and what to change.
  mutating func outcome(
    _ outcome: LossCurve.Outcome,
    state: LossCurveModel.RunState,
    best: LossCurve.ValidationPoint?,
    last: LossCurve.ValidationPoint?,
    overfit: Bool,
    finalTraining: Double
  ) {
    switch outcome {
    case .diverged(let step):
      lines.append(
        "The loss diverged: it rose without bound from step \(state.divergedFrom ?? step) and the job failed "
          + "at step \(step). A learning rate of \(Self.number(setup.learningRate)) is "
          + "\(Self.number(model.ratio))× the default \(Self.number(setup.defaultLearningRate)): steps that large "
          + "overshoot. Lower the learning rate."
      )
    case .earlyStopped(let epoch):
      let rule = model.earlyStopping ?? .init(threshold: 0, patience: 0)
      lines.append(
        "Early stopping: validation loss did not improve by at least \(Self.number(rule.threshold)) for "
          + "\(rule.patience) epoch\(rule.patience == 1 ? "" : "s") after epoch \(best?.epoch ?? epoch), so training "
          + "stopped after epoch \(epoch) of \(model.epochs) instead of running on into overfitting."
      )
      if overfit, let best, let last {
        lines.append(overfitSentence(best: best, last: last, finalTraining: finalTraining, advice: false))
      }
    case .overfitting:
      if let best, let last {
        lines.append(overfitSentence(best: best, last: last, finalTraining: finalTraining, advice: true))
      }
    case .underfitting:
      let moved = 1 - state.fitLeft
      lines.append(
        "Underfitting: the loss had made only \(Self.percent(moved)) of the fall it was heading for when the job "
          + "ended (final training loss \(Self.loss(finalTraining))). "
          + (model.ratio < 0.5
            ? "The learning rate is \(Self.number(model.ratio))× the default, so each step changes the model very "
              + "little; raise it towards the default or train for more epochs."
            : "Train for more epochs or on more data, or shorten the warm-up.")
      )
    case .converged:
      if let last {
        let gap = last.validationLoss - finalTraining
        lines.append(
          "Training and validation loss fell and flattened. Validation loss ends at \(Self.loss(last.validationLoss)), "
            + "\(Self.loss(abs(gap))) \(gap >= 0 ? "above" : "below") training loss: "
            + "a small generalisation gap, as expected on records the model has not trained on."
        )
      } else {
        lines.append(
          "Training loss fell and flattened (final \(Self.loss(finalTraining))). With no validation set, overfitting "
            + "cannot be seen: add validation records to measure the model on data it has not trained on."
        )
      }
    }
  }

  /// Sentences about the settings: steps, warm-up, learning rate, missing validation data.
  mutating func settings(state: LossCurveModel.RunState, outcome: LossCurve.Outcome) {
    let records = max(1, setup.records)
    lines.append(
      "\(records) record\(records == 1 ? "" : "s") at batch size \(max(1, setup.batchSize)): \(model.stepsPerEpoch) "
        + "step\(model.stepsPerEpoch == 1 ? "" : "s") per epoch, \(model.plannedSteps) planned in \(model.epochs) "
        + "epoch\(model.epochs == 1 ? "" : "s"). A larger batch means fewer, smoother steps."
    )
    if model.warmupSteps > model.plannedSteps {
      lines.append(
        "The warm-up (\(model.warmupSteps) steps) is longer than the whole job (\(model.plannedSteps) steps): the "
          + "learning rate only reached \(Self.percent(state.warmReached)) of its target, so training never ran at "
          + "the rate you chose. Use fewer warm-up steps."
      )
    } else if model.warmupSteps > 0 {
      lines.append(
        "The learning rate warmed up over the first \(model.warmupSteps) steps "
          + "(\(Self.percent(Double(model.warmupSteps) / Double(model.plannedSteps))) of the job); the loss moves "
          + "little until it nears its target."
      )
    }
    if setup.learningRate > setup.maxLearningRate {
      lines.append(
        "The learning rate \(Self.number(setup.learningRate)) is above this model's maximum "
          + "\(Self.number(setup.maxLearningRate)): the real service would reject the job with a ValidationException. "
          + "Simulated anyway to show the effect."
      )
    }
    if case .diverged = outcome {
    } else if model.ratio >= 3 {
      lines.append(
        "The learning rate is \(Self.number(model.ratio))× the default: the loss falls fast but noisily, oscillating "
          + "from step to step. It still converges; a rate nearer the default gives a smoother curve."
      )
    }
    if setup.earlyStopping != nil && model.validationRecords == 0 {
      lines.append("Early stopping needs a validation set; none was given, so it was not applied.")
    }
  }

  /// The job's failure message for a diverged run.
  func failureMessage(step: Int, loss: Double) -> String {
    "Simulated failure: training loss diverged to \(Self.loss(loss)) at step \(step). The learning rate "
      + "\(Self.number(setup.learningRate)) is \(Self.number(model.ratio))× the default "
      + "\(Self.number(setup.defaultLearningRate)); lower it and run the job again."
  }

  private func overfitSentence(
    best: LossCurve.ValidationPoint,
    last: LossCurve.ValidationPoint,
    finalTraining: Double,
    advice: Bool
  ) -> String {
    "Validation loss was lowest after epoch \(best.epoch) (\(Self.loss(best.validationLoss))) and rose to "
      + "\(Self.loss(last.validationLoss)) by epoch \(last.epoch) while training loss kept falling (to "
      + "\(Self.loss(finalTraining))): the model is memorising its \(max(1, setup.records)) training records "
      + "instead of generalising (overfitting)."
      + (advice
        ? " Use fewer epochs (about \(best.epoch)), more data, or early stopping where the model offers it." : "")
  }

  static func loss(_ value: Double) -> String { String(format: "%.3f", value) }

  static func percent(_ fraction: Double) -> String { String(format: "%.0f%%", fraction * 100) }

  static func number(_ value: Double) -> String { String(format: "%g", value) }
}
