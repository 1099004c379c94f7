import Foundation
import PropertyBased
import Testing

@testable import Simulation

/// The loss-curve model behaves as the customization docs describe: falling and flattening on enough data,
/// overfitting on small data, diverging at a far too high learning rate, warm-up, batch size and early stopping.
@Suite struct LossCurveTests {
  /// A job with settings in range, the default learning rate and `records` records.
  static func setup(
    records: Int = 2_000,
    validation: Int = 200,
    epochs: Int = 2,
    batch: Int = 8,
    rate: Double = 1,
    warmup: Int = 0,
    earlyStopping: TrainingSetup.EarlyStopping? = nil,
    kind: TrainingSetup.Kind = .fineTuning
  ) -> TrainingSetup {
    TrainingSetup(
      records: records, validationRecords: validation, epochs: epochs, batchSize: batch, learningRate: rate,
      defaultLearningRate: 1, maxLearningRate: 100, warmupSteps: warmup, earlyStopping: earlyStopping, kind: kind
    )
  }

  /// Mean training loss of each epoch, in order.
  static func epochMeans(_ curve: LossCurve) -> [Double] {
    var sums: [Int: (Double, Int)] = [:]
    for row in curve.steps { sums[row.epoch, default: (0, 0)].0 += row.trainingLoss; sums[row.epoch]!.1 += 1 }
    return sums.keys.sorted().map { sums[$0]!.0 / Double(sums[$0]!.1) }
  }

  /// Mean training loss over a range of steps.
  static func mean(_ curve: LossCurve, _ range: Range<Int>) -> Double {
    curve.steps[range].reduce(0) { $0 + $1.trainingLoss } / Double(range.count)
  }

  /// Mean absolute change of log training loss from step to step within an epoch: how jagged the curve is.
  static func roughness(_ curve: LossCurve, epoch: Int) -> Double {
    let logs = curve.steps.filter { $0.epoch == epoch }.map { log($0.trainingLoss) }
    return zip(logs, logs.dropFirst()).reduce(0) { $0 + abs($1.1 - $1.0) } / Double(max(1, logs.count - 1))
  }

  @Test("with plenty of data and sensible settings both losses fall and flatten, validation slightly above training")
  func plentyOfDataConverges() throws {
    let setup = TrainingSetup(
      records: 5_000, validationRecords: 500, epochs: 3, batchSize: 8, learningRate: 1e-5,
      defaultLearningRate: 1e-5, maxLearningRate: 1e-4, warmupSteps: 10
    )
    let curve = LossCurveModel.simulate(setup, seed: 1)
    #expect(curve.outcome == .converged)
    #expect(curve.steps.count == 1_875)
    let means = Self.epochMeans(curve)
    let start = Self.mean(curve, 0..<10)
    #expect(means[2] < start / 2, "training loss falls")
    #expect(means[0] > means[1])
    #expect(abs(means[2] - means[1]) < 0.05 * (start - means[2]), "and flattens")
    try #require(curve.validation.count == 3)
    let validation = curve.validation.map(\.validationLoss)
    #expect(validation[0] < start / 2)
    #expect(validation.max()! - validation.min()! < 0.05, "validation flat after the first epoch")
    for point in curve.validation {
      let lastQuarter = curve.steps.filter { $0.epoch == point.epoch }.suffix(150).map(\.trainingLoss)
      let training = lastQuarter.reduce(0, +) / Double(lastQuarter.count)
      #expect(point.validationLoss > training, "validation above training in epoch \(point.epoch)")
      #expect(point.validationLoss - training < 0.15, "but only slightly, in epoch \(point.epoch)")
    }
    #expect(curve.finalValidationLoss == curve.validation.last?.validationLoss)
    #expect(curve.finalTrainingLoss == curve.steps.last?.trainingLoss)
  }

  @Test(
    "small data over many epochs overfits: training keeps falling, validation turns up after its minimum",
    arguments: [50, 100, 200], [1, 8, 32])
  func smallDataOverfits(records: Int, batch: Int) throws {
    for seed: UInt64 in [1, 2, 3] {
      let setup = Self.setup(records: records, validation: 20, epochs: 10, batch: batch)
      let curve = LossCurveModel.simulate(setup, seed: seed)
      guard case .overfitting(let best) = curve.outcome else {
        Issue.record("expected overfitting, got \(curve.outcome) for \(records) records, batch \(batch)")
        continue
      }
      let means = Self.epochMeans(curve)
      #expect(zip(means, means.dropFirst()).allSatisfy { $0 > $1 }, "training loss falls every epoch: \(means)")
      let validation = curve.validation.map(\.validationLoss)
      try #require(validation.count == 10)
      #expect(best == curve.bestEpoch)
      #expect(best < 10)
      #expect(validation[best - 1] == validation.min(), "the best epoch is the validation minimum")
      #expect(validation[9] > validation[best - 1] + 0.1, "validation rises clearly after the minimum")
      #expect(curve.notes.first?.contains("epoch \(best)") == true)
      #expect(curve.notes.first?.contains("overfitting") == true)
    }
  }

  @Test(
    "a learning rate at or above 20× the default diverges: the loss blows up and the job fails at a step",
    arguments: [20.0, 30.0, 200.0])
  func farTooHighLearningRateDiverges(multiple: Double) throws {
    let curve = LossCurveModel.simulate(Self.setup(records: 1_000, validation: 100, rate: multiple, warmup: 5), seed: 3)
    guard case .diverged(let step) = curve.outcome else {
      Issue.record("expected divergence at \(multiple)×, got \(curve.outcome)")
      return
    }
    #expect(curve.failed)
    #expect(step == curve.steps.count - 1, "the job stops at the failing step")
    #expect(curve.steps.count < curve.plannedSteps)
    let message = try #require(curve.failureMessage)
    #expect(message.contains("step \(step)"))
    #expect(message.contains("diverged"))
    #expect(curve.steps.allSatisfy { $0.trainingLoss.isFinite && $0.perplexity.isFinite })
    #expect(curve.finalTrainingLoss > 2 * Self.mean(curve, 0..<3), "NaN-free but large")
  }

  @Test("just below the divergence factor the job still completes")
  func justBelowTheFactorCompletes() {
    let curve = LossCurveModel.simulate(Self.setup(records: 1_000, validation: 100, rate: 19, warmup: 5), seed: 3)
    #expect(!curve.failed)
    #expect(curve.steps.count == curve.plannedSteps)
  }

  @Test("the divergence factor is a parameter")
  func divergenceFactorIsAParameter() {
    var setup = Self.setup(records: 1_000, rate: 6)
    #expect(!LossCurveModel.simulate(setup, seed: 1).failed)
    setup.divergenceFactor = 5
    #expect(LossCurveModel.simulate(setup, seed: 1).failed)
  }

  @Test("a learning rate above the model's maximum is noted as one the service would reject")
  func aboveTheMaximumIsNoted() {
    let setup = TrainingSetup(
      records: 1_000, epochs: 1, batchSize: 8, learningRate: 2e-4, defaultLearningRate: 1e-4,
      maxLearningRate: 1e-4
    )
    let curve = LossCurveModel.simulate(setup, seed: 1)
    #expect(curve.notes.contains { $0.contains("ValidationException") })
  }

  @Test("a moderately high learning rate is noisy and oscillating but converges")
  func moderatelyHighRateIsNoisyButConverges() {
    for seed: UInt64 in [1, 2, 3] {
      let calm = LossCurveModel.simulate(Self.setup(rate: 1), seed: seed)
      let high = LossCurveModel.simulate(Self.setup(rate: 8), seed: seed)
      #expect(high.outcome == .converged)
      #expect(Self.roughness(high, epoch: 2) > 1.5 * Self.roughness(calm, epoch: 2))
      #expect(Self.epochMeans(high)[1] < 0.4 * Self.mean(calm, 0..<3), "measured from the same starting loss")
      #expect(high.notes.contains { $0.contains("oscillating") })
    }
  }

  @Test("a very low learning rate barely moves the loss: underfitting")
  func veryLowRateUnderfits() {
    let curve = LossCurveModel.simulate(Self.setup(rate: 0.05), seed: 1)
    #expect(curve.outcome == .underfitting)
    let means = Self.epochMeans(curve)
    #expect(means.last! > 0.85 * Self.mean(curve, 0..<10))
    #expect(curve.notes.first?.hasPrefix("Underfitting") == true)
  }

  @Test("a learning rate of zero leaves the loss where it started")
  func zeroRateDoesNotLearn() {
    let curve = LossCurveModel.simulate(Self.setup(rate: 0), seed: 1)
    #expect(curve.outcome == .underfitting)
    #expect(abs(Self.mean(curve, 400..<500) / Self.mean(curve, 0..<100) - 1) < 0.02)
  }

  @Test("during warm-up the loss barely moves; without warm-up it has already fallen a lot")
  func warmupHoldsTheLossBack() {
    for seed: UInt64 in [1, 2, 3] {
      let warm = LossCurveModel.simulate(Self.setup(epochs: 1, warmup: 100), seed: seed)
      let cold = LossCurveModel.simulate(Self.setup(epochs: 1, warmup: 0), seed: seed)
      #expect(Self.mean(warm, 10..<20) > 0.95 * Self.mean(warm, 0..<5))
      #expect(Self.mean(cold, 10..<20) < 0.75 * Self.mean(cold, 0..<5))
      #expect(Self.mean(warm, 230..<250) < 0.4 * Self.mean(warm, 0..<5), "it falls once warmed up")
      #expect(warm.steps[99].learningRate == 1)
      #expect(warm.steps[49].learningRate == 0.5)
      #expect(warm.learningRateReached == 1)
    }
  }

  @Test("a warm-up longer than the job never reaches the target learning rate, and says so")
  func warmupLongerThanTheJob() {
    let curve = LossCurveModel.simulate(Self.setup(records: 400, epochs: 2, warmup: 250), seed: 1)
    #expect(curve.plannedSteps == 100)
    #expect(curve.learningRateReached == 0.4)
    #expect(curve.steps.map(\.learningRate).max()! < 1)
    #expect(curve.notes.contains { $0.contains("longer than the whole job") && $0.contains("40%") })
  }

  @Test("a larger batch means fewer steps per epoch and a smoother curve")
  func largerBatchIsSmoother() {
    for seed: UInt64 in [1, 2, 3] {
      let small = LossCurveModel.simulate(Self.setup(records: 2_000, batch: 4), seed: seed)
      let large = LossCurveModel.simulate(Self.setup(records: 2_000, batch: 32), seed: seed)
      #expect(small.stepsPerEpoch == 500)
      #expect(large.stepsPerEpoch == 63)
      #expect(Self.roughness(large, epoch: 2) < 0.5 * Self.roughness(small, epoch: 2))
    }
  }

  @Test("steps per epoch is ceil(records / batch size) and a completed job runs every planned step")
  func stepsPerEpochIsTheCeiling() async {
    await propertyCheck(count: 100, input: Gen.int(in: 1...2_000), Gen.int(in: 1...64), Gen.int(in: 1...3)) {
      records, batch, epochs in
      let setup = Self.setup(records: records, validation: 0, epochs: epochs, batch: batch)
      #expect(setup.stepsPerEpoch == Int((Double(records) / Double(batch)).rounded(.up)))
      let curve = LossCurveModel.simulate(setup, seed: 9)
      #expect(curve.steps.count == setup.stepsPerEpoch * epochs)
      #expect(curve.steps.map(\.step) == Array(0..<curve.steps.count))
      #expect(curve.steps.last?.epoch == epochs)
    }
  }

  @Test("early stopping ends training once validation has not improved by the threshold for `patience` epochs")
  func earlyStoppingFollowsTheRule() async throws {
    await propertyCheck(count: 40, input: Gen.uint64(), Gen.int(in: 1...3)) { seed, patience in
      let rule = TrainingSetup.EarlyStopping(threshold: 0.001, patience: patience)
      let setup = Self.setup(records: 100, validation: 30, epochs: 10, earlyStopping: rule)
      let curve = LossCurveModel.simulate(setup, seed: seed)
      // Replay the rule on the validation losses the job reported.
      var best = Double.infinity
      var stale = 0
      var expectedStop: Int?
      for point in curve.validation {
        if point.validationLoss < best - rule.threshold { best = point.validationLoss; stale = 0 } else { stale += 1 }
        if stale >= patience && point.epoch < 10 { expectedStop = point.epoch; break }
      }
      if let stop = expectedStop {
        #expect(curve.outcome == .earlyStopped(epoch: stop))
        #expect(curve.validation.count == stop)
        #expect(curve.steps.count == stop * curve.stepsPerEpoch)
      } else {
        #expect(curve.steps.count == curve.plannedSteps)
      }
    }
  }

  @Test("early stopping stops a small-data job before it runs on into overfitting")
  func earlyStoppingStopsAnOverfittingJob() throws {
    let rule = TrainingSetup.EarlyStopping(threshold: 0.001, patience: 2)
    let setup = Self.setup(records: 100, validation: 30, epochs: 10, earlyStopping: rule)
    let curve = LossCurveModel.simulate(setup, seed: 1)
    guard case .earlyStopped(let epoch) = curve.outcome else {
      Issue.record("expected early stopping, got \(curve.outcome)")
      return
    }
    let best = try #require(curve.bestEpoch)
    #expect(epoch == best + 2)
    #expect(epoch < 10)
    #expect(curve.notes.first?.contains("stopped after epoch \(epoch) of 10") == true)
  }

  @Test("early stopping without a validation set is not applied, and the notes say so")
  func earlyStoppingNeedsValidation() {
    let rule = TrainingSetup.EarlyStopping(threshold: 0.001, patience: 1)
    let setup = Self.setup(records: 100, validation: 0, epochs: 10, earlyStopping: rule)
    let curve = LossCurveModel.simulate(setup, seed: 1)
    #expect(curve.steps.count == curve.plannedSteps)
    #expect(curve.validation.isEmpty)
    #expect(curve.finalValidationLoss == nil)
    #expect(curve.notes.contains { $0.contains("Early stopping needs a validation set") })
  }

  @Test("the same setup and seed give the identical curve")
  func sameSeedSameCurve() async {
    await propertyCheck(count: 30, input: Gen.uint64(), Gen.double(in: 0...40)) { seed, rate in
      let setup = Self.setup(records: 300, validation: 30, epochs: 3, rate: rate, warmup: 10)
      #expect(LossCurveModel.simulate(setup, seed: seed) == LossCurveModel.simulate(setup, seed: seed))
    }
  }

  @Test("different seeds differ only by noise: within the noise bound at every step, same shape and outcome")
  func differentSeedsDifferOnlyByNoise() {
    let setup = Self.setup(records: 2_000, validation: 200, epochs: 3, batch: 8, rate: 1)
    let bound = 2 * LossCurveModel.noiseBound * LossCurveModel.trainingNoiseSigma(batchSize: 8) + 1e-12
    let a = LossCurveModel.simulate(setup, seed: 1)
    for seed: UInt64 in [2, 3, 99] {
      let b = LossCurveModel.simulate(setup, seed: seed)
      #expect(a != b)
      #expect(a.steps.count == b.steps.count)
      #expect(a.outcome == b.outcome)
      #expect(zip(a.steps, b.steps).allSatisfy { abs(log($0.trainingLoss / $1.trainingLoss)) <= bound })
      #expect(zip(a.validation, b.validation).allSatisfy { abs(log($0.validationLoss / $1.validationLoss)) < 0.1 })
    }
  }

  @Test("perplexity is exp(loss) on every training and validation row")
  func perplexityIsExpOfLoss() async {
    await propertyCheck(count: 30, input: Gen.uint64(), Gen.double(in: 0...60)) { seed, rate in
      let curve = LossCurveModel.simulate(Self.setup(records: 200, validation: 20, epochs: 3, rate: rate), seed: seed)
      #expect(curve.steps.allSatisfy { $0.perplexity == exp($0.trainingLoss) })
      #expect(curve.validation.allSatisfy { $0.perplexity == exp($0.validationLoss) })
    }
  }

  @Test("every curve is finite and positive, and a failure message comes exactly with divergence")
  func curvesAreWellFormed() async {
    let input = Gen.int(in: 1...400)
    await propertyCheck(
      count: 100,
      input: input, Gen.int(in: 0...50), Gen.int(in: 1...6), Gen.int(in: 1...64), Gen.double(in: 0...60),
      Gen.int(in: 0...60), Gen.uint64()
    ) { records, validation, epochs, batch, rate, warmup, seed in
      let setup = Self.setup(
        records: records, validation: validation, epochs: epochs, batch: batch, rate: rate, warmup: warmup
      )
      let curve = LossCurveModel.simulate(setup, seed: seed)
      #expect(!curve.steps.isEmpty)
      #expect(curve.steps.count <= curve.plannedSteps)
      #expect(curve.steps.allSatisfy { $0.trainingLoss > 0 && $0.trainingLoss.isFinite && $0.perplexity.isFinite })
      #expect(curve.validation.allSatisfy { $0.validationLoss > 0 && $0.validationLoss.isFinite })
      #expect(curve.validation.count <= epochs)
      #expect(validation > 0 || curve.validation.isEmpty)
      #expect(curve.failed == (curve.failureMessage != nil))
      #expect(curve.failed == (rate >= 20 && curve.learningRateReached * rate >= 20))
      #expect(!curve.notes.isEmpty)
    }
  }

  @Test("continued pre-training starts higher and falls slower than fine-tuning; distillation ends lowest")
  func kindsDiffer() {
    let tuning = LossCurveModel.simulate(Self.setup(epochs: 1, kind: .fineTuning), seed: 4)
    let pretraining = LossCurveModel.simulate(Self.setup(epochs: 1, kind: .continuedPreTraining), seed: 4)
    let distillation = LossCurveModel.simulate(Self.setup(epochs: 1, kind: .distillation), seed: 4)
    #expect(Self.mean(pretraining, 0..<5) > Self.mean(tuning, 0..<5))
    let fallen = { (curve: LossCurve) in 1 - Self.mean(curve, 45..<55) / Self.mean(curve, 0..<5) }
    #expect(fallen(pretraining) < fallen(tuning))
    #expect(Self.mean(distillation, 200..<250) < Self.mean(tuning, 200..<250))
  }

  @Test("the CSVs have the documented columns, steps from 0 and one validation row per epoch")
  func csvLayout() throws {
    let curve = LossCurveModel.simulate(Self.setup(records: 40, validation: 10, epochs: 3, batch: 8), seed: 2)
    let training = curve.trainingMetricsCSV.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(training.first == "step_number,epoch_number,training_loss,perplexity")
    #expect(training.last == "")
    #expect(training.count == curve.steps.count + 2)
    let first = training[1].split(separator: ",")
    #expect(first[0] == "0")
    #expect(first[1] == "1")
    #expect(Double(String(first[2])) == curve.steps[0].trainingLoss)
    #expect(Double(String(first[3])) == curve.steps[0].perplexity)
    let validation = curve.validationMetricsCSV.split(separator: "\n")
    #expect(validation.first == "step_number,epoch_number,validation_loss,perplexity")
    #expect(validation.count == 4)
    #expect(validation[1].hasPrefix("4,1,"), "epoch 1 ends at step 4 (5 steps of 8 from 40 records)")
    #expect(validation[3].hasPrefix("14,3,"))
  }

  @Test("the model is labelled illustrative")
  func basisIsIllustrative() {
    #expect(LossCurveModel.basis.illustrative)
  }
}
