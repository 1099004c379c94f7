import Foundation

/// Everything the statistics read: the app fills it from its SQLite store.
public struct StatsInput: Sendable, Codable {
  /// All reviews, ordered by time (older first). Unordered input still gives correct counts; only the
  /// first-of-day rule of true retention assumes the order.
  public var reviews: [ReviewEvent]
  /// Every card's current state.
  public var cards: [CardSnapshot]
  /// Quiz, exam and drill answers, ordered by time.
  public var attempts: [AttemptRecord]
  /// The item bank.
  public var items: [ItemInfo]
  /// Finished mock exams.
  public var exams: [ExamRecord]
  /// The settings.
  public var context: StatsContext

  /// Creates an input.
  public init(
    reviews: [ReviewEvent] = [], cards: [CardSnapshot] = [], attempts: [AttemptRecord] = [], items: [ItemInfo] = [],
    exams: [ExamRecord] = [], context: StatsContext
  ) {
    self.reviews = reviews
    self.cards = cards
    self.attempts = attempts
    self.items = items
    self.exams = exams
    self.context = context
  }
}
