import Foundation

/// Everything the statistics read: the app fills it from its SQLite store.
public struct StatsInput: Sendable, Codable {
  /// The review log summarised per local day, oldest first (see ``ReviewDay``).
  public var reviewDays: [ReviewDay]
  /// Every card's current state.
  public var cards: [CardSnapshot]
  /// Quiz, exam and drill answers, folded per item (see ``AttemptSummary``).
  public var attemptSummaries: [AttemptSummary]
  /// The item bank.
  public var items: [ItemInfo]
  /// Finished mock exams.
  public var exams: [ExamRecord]
  /// The settings.
  public var context: StatsContext

  /// Creates an input from the review log's days.
  public init(
    reviewDays: [ReviewDay], cards: [CardSnapshot] = [], attemptSummaries: [AttemptSummary] = [],
    items: [ItemInfo] = [], exams: [ExamRecord] = [], context: StatsContext
  ) {
    self.reviewDays = reviewDays
    self.cards = cards
    self.attemptSummaries = attemptSummaries
    self.items = items
    self.exams = exams
    self.context = context
  }

  /// Creates an input from raw reviews and attempts (each in time order: true retention's first-of-day rule and
  /// an item's first answer follow it), summarised per day in the context's offset and per item.
  public init(
    reviews: [ReviewEvent] = [], cards: [CardSnapshot] = [], attempts: [AttemptRecord] = [], items: [ItemInfo] = [],
    exams: [ExamRecord] = [], context: StatsContext
  ) {
    self.init(
      reviewDays: ReviewDay.summarize(reviews, utcOffsetSeconds: context.utcOffsetSeconds), cards: cards,
      attemptSummaries: AttemptSummary.summarize(attempts), items: items, exams: exams, context: context)
  }

  /// All answers to quiz, exam and drill items ever.
  public var totalAttempts: Int { attemptSummaries.reduce(0) { $0 + $1.total } }

  /// All reviews ever.
  public var totalReviews: Int { reviewDays.reduce(0) { $0 + $1.reviews } }
}
