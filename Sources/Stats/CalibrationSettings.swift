/// The simulated population of ``ReadinessCalibration``. Defaults aim for a spread of outcomes (some learners
/// far from ready, some well prepared), not for any particular real population.
public struct CalibrationSettings: Sendable, Hashable, Codable {
  /// Items per domain in the simulated bank (AIF-C01 weights 20/24/28/14/14 %).
  public var bankSizes: [Int]
  /// Objectives per domain (the v1.1 guide's 17/14/19/11/8).
  public var objectivesPerDomain: [Int]
  /// Share of single-answer multiple-choice items (4 options); the rest give no guessing credit.
  public var multipleChoiceShare: Double
  /// Log-normal jitter of each learner's true FSRS parameters around the defaults.
  public var parameterJitter: Double
  /// Mean and spread of the learner's prior-knowledge logit.
  public var abilityMean: Double
  /// Spread of learner ability.
  public var abilitySD: Double
  /// Spread of objective offsets on the logit.
  public var objectiveSD: Double
  /// Spread of item offsets on the logit.
  public var itemSD: Double
  /// Study days, inclusive range.
  public var studyDays: ClosedRange<Int>
  /// New items per day, inclusive range.
  public var newPerDay: ClosedRange<Int>
  /// Days from the end of study to the exam, inclusive range.
  public var daysToExam: ClosedRange<Int>
  /// The true day effect on the exam (logit SD).
  public var dayEffectSD: Double
  /// The readiness model's options (draws kept small: one prediction per learner).
  public var readiness: ReadinessOptions

  /// Creates settings.
  public init(
    bankSizes: [Int] = [40, 48, 56, 28, 28], objectivesPerDomain: [Int] = [17, 14, 19, 11, 8],
    multipleChoiceShare: Double = 0.8, parameterJitter: Double = 0.15, abilityMean: Double = -1.2,
    abilitySD: Double = 0.9, objectiveSD: Double = 0.5, itemSD: Double = 0.5, studyDays: ClosedRange<Int> = 5...30,
    newPerDay: ClosedRange<Int> = 2...12, daysToExam: ClosedRange<Int> = 1...10, dayEffectSD: Double = 0.3,
    readiness: ReadinessOptions = ReadinessOptions(worlds: 60, drawsPerWorld: 10)
  ) {
    self.bankSizes = bankSizes
    self.objectivesPerDomain = objectivesPerDomain
    self.multipleChoiceShare = multipleChoiceShare
    self.parameterJitter = parameterJitter
    self.abilityMean = abilityMean
    self.abilitySD = abilitySD
    self.objectiveSD = objectiveSD
    self.itemSD = itemSD
    self.studyDays = studyDays
    self.newPerDay = newPerDay
    self.daysToExam = daysToExam
    self.dayEffectSD = dayEffectSD
    self.readiness = readiness
  }
}
