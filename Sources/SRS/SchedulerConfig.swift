import Foundation

/// Everything a ``Scheduler`` needs, as a plain value (Anki's `StateContext`). Defaults match py-fsrs 6.3.2,
/// except ``enableFuzz`` (off, so results are reproducible unless asked for).
public struct SchedulerConfig: Sendable, Hashable, Codable {
  /// FSRS-6 weights.
  public var parameters: Parameters
  /// Target probability of recall at the due date, in (0, 1].
  public var desiredRetention: Double
  /// Learning steps in seconds (default 1 min, 10 min). Empty sends new cards straight to review.
  public var learningSteps: [TimeInterval]
  /// Relearning steps in seconds (default 10 min). Empty keeps a lapsed card in review.
  public var relearningSteps: [TimeInterval]
  /// Longest review interval in days.
  public var maximumInterval: Int
  /// Whether review intervals of 3 days or more are fuzzed (Anki bounds, never above the upper bound).
  public var enableFuzz: Bool
  /// Anki's ordering for review cards: hard ≥ 1, good ≥ hard + 1, easy ≥ good + 1 days. Off matches py-fsrs.
  public var enforceIntervalOrdering: Bool
  /// How elapsed days are counted.
  public var timeSemantics: TimeSemantics

  /// Creates a configuration; every argument has the py-fsrs default.
  public init(
    parameters: Parameters = .default,
    desiredRetention: Double = 0.9,
    learningSteps: [TimeInterval] = [60, 600],
    relearningSteps: [TimeInterval] = [600],
    maximumInterval: Int = 36_500,
    enableFuzz: Bool = false,
    enforceIntervalOrdering: Bool = false,
    timeSemantics: TimeSemantics = .elapsedDays
  ) {
    self.parameters = parameters
    self.desiredRetention = desiredRetention
    self.learningSteps = learningSteps
    self.relearningSteps = relearningSteps
    self.maximumInterval = maximumInterval
    self.enableFuzz = enableFuzz
    self.enforceIntervalOrdering = enforceIntervalOrdering
    self.timeSemantics = timeSemantics
  }
}
