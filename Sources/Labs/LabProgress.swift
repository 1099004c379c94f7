import Foundation

/// How far a learner got in one lab. Steps are done in any order that works: a step counts as
/// done when its check held (or it was skipped); the current step is the first one not done.
public struct LabProgress: Sendable, Codable, Equatable {
  public var labID: String
  /// Sandbox time when the lab started: activity before it doesn't count.
  public var startedAt: Date
  /// Step id → sandbox time its check first held.
  public var completed: [String: Date]
  public var skipped: [String]
  /// Step id → hints shown so far.
  public var hintsShown: [String: Int]
  public var finishedAt: Date?

  public init(labID: String, startedAt: Date) {
    self.labID = labID
    self.startedAt = startedAt
    completed = [:]
    skipped = []
    hintsShown = [:]
    finishedAt = nil
  }

  public func isDone(_ step: Lab.Step) -> Bool { completed[step.id] != nil || skipped.contains(step.id) }

  /// The first step not done, or nil when every step is.
  public func currentStep(of lab: Lab) -> (index: Int, step: Lab.Step)? {
    lab.steps.enumerated().first { !isDone($0.element) }.map { ($0.offset, $0.element) }
  }

  public func doneCount(of lab: Lab) -> Int { lab.steps.filter(isDone).count }

  /// What a `lab check` found.
  public struct CheckResult: Sendable, Equatable {
    /// Steps completed by this check, in order (the current one and any later ones already satisfied).
    public var completed: [Lab.Step]
    public var finished: Bool
  }

  /// Checks the current step; when it holds, marks it done and goes on through the following steps
  /// whose checks already hold (work done out of order counts). `holds` evaluates a check.
  public mutating func check(lab: Lab, now: Date, holds: (LabCheck) -> Bool) -> CheckResult {
    var done: [Lab.Step] = []
    while let (_, step) = currentStep(of: lab), holds(step.check) {
      completed[step.id] = now
      done.append(step)
    }
    if currentStep(of: lab) == nil, finishedAt == nil {
      finishedAt = now
      return CheckResult(completed: done, finished: true)
    }
    return CheckResult(completed: done, finished: false)
  }

  /// Skips the current step.
  public mutating func skip(lab: Lab, now: Date) -> Lab.Step? {
    guard let (_, step) = currentStep(of: lab) else { return nil }
    skipped.append(step.id)
    if currentStep(of: lab) == nil { finishedAt = now }
    return step
  }

  /// One hint: advice in Markdown, as the lab file writes it, or at the end the step's command itself.
  public enum Hint: Sendable, Equatable {
    case advice(String)
    case command(String)
  }

  /// The next hint for the current step (the step's command after its hints), or nil when none is left.
  public mutating func nextHint(lab: Lab) -> Hint? {
    guard let (_, step) = currentStep(of: lab) else { return nil }
    let shown = hintsShown[step.id, default: 0]
    let all = step.hints.map(Hint.advice) + (step.command.map { [Hint.command($0)] } ?? [])
    guard shown < all.count else { return all.last }
    hintsShown[step.id] = shown + 1
    return all[shown]
  }
}
