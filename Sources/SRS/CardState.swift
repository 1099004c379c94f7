import Foundation

/// The scheduling state of one card, as a value (Anki's `NormalState`).
///
/// A new card has no memory yet; every other state carries a ``CardSchedule``. Learning and relearning
/// also carry the index of the current step. py-fsrs models a new card as `Learning` at step 0 with no
/// memory; ``Scheduler`` treats ``new`` exactly like that.
public enum CardState: Sendable, Hashable {
  /// Never reviewed.
  case new
  /// In the learning steps, at `step` (0-based).
  case learning(step: Int, CardSchedule)
  /// Graduated; scheduled in whole days by FSRS.
  case review(CardSchedule)
  /// Lapsed and going through the relearning steps, at `step` (0-based).
  case relearning(step: Int, CardSchedule)

  /// The state without its payload, for storage in a column.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    case new, learning, review, relearning
  }

  /// The kind of state.
  public var kind: Kind {
    switch self {
    case .new: .new
    case .learning: .learning
    case .review: .review
    case .relearning: .relearning
    }
  }

  /// The learning or relearning step, or `nil` for new and review cards.
  public var step: Int? {
    switch self {
    case .learning(let step, _), .relearning(let step, _): step
    case .new, .review: nil
    }
  }

  /// The schedule, or `nil` for a new card.
  public var schedule: CardSchedule? {
    switch self {
    case .new: nil
    case .learning(_, let schedule), .review(let schedule), .relearning(_, let schedule): schedule
    }
  }

  /// The FSRS memory state, or `nil` for a new card.
  public var memory: MemoryState? { schedule?.memory }
  /// When the card is due, or `nil` for a new card.
  public var due: Date? { schedule?.due }
  /// When the card was last reviewed, or `nil` for a new card.
  public var lastReview: Date? { schedule?.lastReview }
  /// The last scheduled interval in seconds (0 for a new card).
  public var scheduledInterval: TimeInterval { schedule?.scheduledInterval ?? 0 }

  /// Rebuilds a state from its columns; returns `nil` when they are inconsistent
  /// (a schedule on a new card, a missing schedule, or a missing/negative step).
  public init?(kind: Kind, step: Int?, schedule: CardSchedule?) {
    switch (kind, step, schedule) {
    case (.new, nil, nil): self = .new
    case (.learning, let step?, let schedule?) where step >= 0: self = .learning(step: step, schedule)
    case (.review, nil, let schedule?): self = .review(schedule)
    case (.relearning, let step?, let schedule?) where step >= 0: self = .relearning(step: step, schedule)
    default: return nil
    }
  }
}

extension CardState: Codable {
  private enum CodingKeys: String, CodingKey {
    case kind, step, stability, difficulty, due, lastReview, scheduledInterval
  }

  /// Decodes the flat form written by ``encode(to:)``.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let kind = try c.decode(Kind.self, forKey: .kind)
    let step = try c.decodeIfPresent(Int.self, forKey: .step)
    var schedule: CardSchedule?
    if kind != .new {
      schedule = CardSchedule(
        memory: MemoryState(
          stability: try c.decode(Double.self, forKey: .stability),
          difficulty: try c.decode(Double.self, forKey: .difficulty)),
        due: try c.decode(Date.self, forKey: .due),
        lastReview: try c.decode(Date.self, forKey: .lastReview),
        scheduledInterval: try c.decode(Double.self, forKey: .scheduledInterval))
    }
    guard let state = CardState(kind: kind, step: step, schedule: schedule) else {
      throw DecodingError.dataCorruptedError(forKey: .step, in: c, debugDescription: "inconsistent step for \(kind)")
    }
    self = state
  }

  /// Encodes flat keys: `kind`, `step`, `stability`, `difficulty`, `due`, `lastReview`, `scheduledInterval`
  /// (absent keys for a new card; `step` only for learning and relearning).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(kind, forKey: .kind)
    try c.encodeIfPresent(step, forKey: .step)
    if let schedule {
      try c.encode(schedule.memory.stability, forKey: .stability)
      try c.encode(schedule.memory.difficulty, forKey: .difficulty)
      try c.encode(schedule.due, forKey: .due)
      try c.encode(schedule.lastReview, forKey: .lastReview)
      try c.encode(schedule.scheduledInterval, forKey: .scheduledInterval)
    }
  }
}
