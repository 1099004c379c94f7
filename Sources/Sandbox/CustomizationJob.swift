import Foundation
import Simulation

/// A model customization job. Its course is decided when it is created (how long each stage
/// takes, whether and where it fails, its loss curve's seed); the clock reveals it, so the
/// status at any moment is a pure function of the job and the time.
public struct CustomizationJob: Sendable, Codable, Equatable {
  public var jobName: String
  public var jobArn: String
  public var customModelName: String
  /// The custom model ARN the job will produce (known from the start, shown once it exists).
  public var outputModelArn: String
  public var roleArn: String
  public var baseModelId: String
  public var customizationType: CustomizationType
  public var trainingDataConfig: S3Location
  public var validationDataConfig: S3Location?
  public var outputDataConfig: S3Location
  /// As the API takes them: strings, defaults filled in.
  public var hyperParameters: [String: String]
  public var vpcConfig: VpcConfig?
  public var teacherModelIdentifier: String?
  public var creationTime: Date

  // The plan.
  public var validationEnd: Date
  public var dataProcessingEnd: Date
  public var trainingEnd: Date
  public var failure: PlannedFailure?
  public var stopRequestedAt: Date?

  // What training does.
  public var setup: TrainingSetup
  public var curveSeed: UInt64
  public var records: Int
  public var validationRecords: Int
  /// Estimated tokens in the training data (one epoch).
  public var trainingTokens: Int
  /// Epochs the plan runs (fewer than set when early stopping or divergence ends training).
  public var plannedEpochs: Double
  public var pricePer1KTokens: Double
  /// Teacher inference to generate distillation responses (estimated).
  public var teacherCost: Double
  public var priceIllustrative: Bool
  public var trainingLoss: Double?
  public var validationLoss: Double?
  public var curveNotes: [String]
  /// Metrics files written to the output location once the job completed.
  public var outputsWritten: Bool

  public struct VpcConfig: Sendable, Codable, Equatable {
    public var subnetIds: [String]
    public var securityGroupIds: [String]
    public init(subnetIds: [String], securityGroupIds: [String]) {
      self.subnetIds = subnetIds
      self.securityGroupIds = securityGroupIds
    }
  }

  /// A failure the plan contains: the stage it happens in, when, and the API's failure message.
  public struct PlannedFailure: Sendable, Codable, Equatable {
    public enum Stage: String, Sendable, Codable { case validation, dataProcessing, training }
    public var stage: Stage
    public var at: Date
    public var message: String
  }

  /// The job's resource id (the last part of its ARN).
  public var resourceID: String { String(jobArn.split(separator: "/").last ?? "") }

  /// Where the job writes its metrics: `<output>/model-customization-job-<id>/`.
  public var outputPrefix: S3Location { outputDataConfig.appending("model-customization-job-\(resourceID)/") }

  /// The job as GetModelCustomizationJob reports it at `now`.
  public func snapshot(at now: Date) -> Snapshot {
    let stages: [(PlannedFailure.Stage, Date, Date)] = [
      (.validation, creationTime, validationEnd),
      (.dataProcessing, validationEnd, dataProcessingEnd),
      (.training, dataProcessingEnd, trainingEnd),
    ]
    let failAt = failure?.at ?? .distantFuture
    let stopAt = stopRequestedAt ?? .distantFuture
    let stoppedAt = stopAt.addingTimeInterval(Self.stoppingSeconds)
    var details: [PlannedFailure.Stage: StageStatus] = [:]
    for (stage, start, end) in stages {
      let status: StageStatus
      if let failure, failure.stage == stage, now >= failAt, failAt <= stopAt {
        status = .failed
      } else if now < start || start >= failAt || start > stopAt {
        status = .notStarted
      } else if now >= end, end <= stopAt {
        status = .completed
      } else if now >= stopAt {
        status = now >= stoppedAt ? .stopped : .stopping
      } else {
        status = .inProgress
      }
      details[stage] = status
    }
    let status: JobStatus
    var endTime: Date?
    var failureMessage: String?
    if failAt <= stopAt, now >= failAt, let failure {
      status = .failed
      endTime = failure.at
      failureMessage = failure.message
    } else if now >= stopAt, stopAt < trainingEnd {
      status = now >= stoppedAt ? .stopped : .stopping
      endTime = now >= stoppedAt ? stoppedAt : nil
    } else if now >= trainingEnd, failure == nil || failAt > trainingEnd {
      status = .completed
      endTime = trainingEnd
    } else {
      status = .inProgress
    }
    return Snapshot(
      status: status, validationDetails: details[.validation]!, dataProcessingDetails: details[.dataProcessing]!,
      trainingDetails: details[.training]!, endTime: endTime, failureMessage: failureMessage,
      trainingProgress: trainingProgress(at: min(now, min(stopAt, failAt))))
  }

  /// Seconds a stop takes (Stopping → Stopped) in the simulation.
  public static let stoppingSeconds: TimeInterval = 120

  /// Fraction of the planned training done by `time` (0 before training starts).
  public func trainingProgress(at time: Date) -> Double {
    let span = trainingEnd.timeIntervalSince(dataProcessingEnd)
    guard span > 0 else { return time >= trainingEnd ? 1 : 0 }
    return min(1, max(0, time.timeIntervalSince(dataProcessingEnd) / span))
  }

  /// Training cost so far: tokens × epochs processed × price, plus the teacher's inference for
  /// distillation once data processing ran.
  public func trainingCost(at now: Date) -> Double {
    let snapshot = snapshot(at: now)
    let epochsDone = plannedEpochs * snapshot.trainingProgress
    let training = Double(trainingTokens) * epochsDone * pricePer1KTokens / 1000
    let teacher = snapshot.dataProcessingDetails == .notStarted ? 0 : teacherCost
    return training + teacher
  }

  public struct Snapshot: Sendable, Equatable, Codable {
    public var status: JobStatus
    public var validationDetails: StageStatus
    public var dataProcessingDetails: StageStatus
    public var trainingDetails: StageStatus
    public var endTime: Date?
    public var failureMessage: String?
    /// Fraction of planned training done (0…1).
    public var trainingProgress: Double
  }
}
