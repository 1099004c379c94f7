import Foundation

/// One FSRS review from the store's review log, in time order.
public struct ReviewEvent: Sendable, Hashable, Codable {
  /// The reviewed card.
  public var cardID: String
  /// When the answer was given.
  public var time: Date
  /// FSRS rating 1 (again) … 4 (easy); 2 and above is a pass.
  public var rating: Int
  /// The card's state before this review: `"new"`, `"learning"`, `"review"` or `"relearning"`.
  public var stateBefore: String
  /// The interval the card had before this review, in days (0 for a new card).
  public var scheduledDaysBefore: Double
  /// How long the answer took, if recorded.
  public var elapsedMs: Int?

  /// Creates a review event.
  public init(
    cardID: String, time: Date, rating: Int, stateBefore: String, scheduledDaysBefore: Double, elapsedMs: Int? = nil
  ) {
    self.cardID = cardID
    self.time = time
    self.rating = rating
    self.stateBefore = stateBefore
    self.scheduledDaysBefore = scheduledDaysBefore
    self.elapsedMs = elapsedMs
  }

  /// Whether the review passed (Hard, Good or Easy).
  public var passed: Bool { rating >= 2 }
}
