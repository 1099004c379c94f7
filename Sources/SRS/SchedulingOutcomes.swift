/// The outcome of every possible answer to one card, computed before the learner answers
/// (Anki's `SchedulingStates`), so a UI can show the intervals on the buttons.
public struct SchedulingOutcomes: Sendable, Hashable {
  /// The card before the review.
  public let current: CardState
  /// Outcome of `again`.
  public let again: SchedulingOutcome
  /// Outcome of `hard`.
  public let hard: SchedulingOutcome
  /// Outcome of `good`.
  public let good: SchedulingOutcome
  /// Outcome of `easy`.
  public let easy: SchedulingOutcome

  /// Creates the four outcomes.
  public init(
    current: CardState, again: SchedulingOutcome, hard: SchedulingOutcome, good: SchedulingOutcome,
    easy: SchedulingOutcome
  ) {
    self.current = current
    self.again = again
    self.hard = hard
    self.good = good
    self.easy = easy
  }

  /// The outcome for `rating`.
  public subscript(rating: Rating) -> SchedulingOutcome {
    switch rating {
    case .again: again
    case .hard: hard
    case .good: good
    case .easy: easy
    }
  }

  /// All four outcomes, `again` first.
  public var all: [SchedulingOutcome] { [again, hard, good, easy] }

  /// `"again 1m · hard 6m · good 10m · easy 8d"`.
  public var summary: String {
    all.map { "\($0.rating) \($0.label)" }.joined(separator: " · ")
  }
}
