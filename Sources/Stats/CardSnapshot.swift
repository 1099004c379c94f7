import Foundation

/// The current scheduling state of one FSRS card, as stored.
public struct CardSnapshot: Sendable, Hashable, Codable {
  /// Card id.
  public var id: String
  /// `"flashcard"` or `"quiz"`.
  public var kind: String
  /// `"new"`, `"learning"`, `"review"` or `"relearning"`.
  public var stateKind: String
  /// FSRS stability in days (`nil` for a new card).
  public var stability: Double?
  /// FSRS difficulty in [1, 10] (`nil` for a new card).
  public var difficulty: Double?
  /// When the card is due (`nil` for a new card).
  public var due: Date?
  /// When the card was last reviewed (`nil` for a new card).
  public var lastReview: Date?
  /// The interval scheduled at the last review, in days.
  public var scheduledDays: Double

  /// Creates a snapshot.
  public init(
    id: String, kind: String = "flashcard", stateKind: String, stability: Double? = nil, difficulty: Double? = nil,
    due: Date? = nil, lastReview: Date? = nil, scheduledDays: Double = 0
  ) {
    self.id = id
    self.kind = kind
    self.stateKind = stateKind
    self.stability = stability
    self.difficulty = difficulty
    self.due = due
    self.lastReview = lastReview
    self.scheduledDays = scheduledDays
  }

  /// Whether the card has an FSRS memory (it was reviewed at least once and has S, D and a last review).
  public var hasMemory: Bool {
    stateKind != "new" && (stability ?? 0) > 0 && difficulty != nil && lastReview != nil
  }
}
