import Foundation

/// The result of answering a card with one rating: the new state and the wait until it is due.
public struct SchedulingOutcome: Sendable, Hashable {
  /// The rating this outcome answers.
  public let rating: Rating
  /// The card after the review.
  public let card: CardState
  /// Seconds from the review to the new due time.
  public let interval: TimeInterval

  /// Creates an outcome.
  public init(rating: Rating, card: CardState, interval: TimeInterval) {
    self.rating = rating
    self.card = card
    self.interval = interval
  }

  /// The interval in whole days when the card ends in review, otherwise `nil` (a sub-day step).
  public var intervalDays: Int? {
    if case .review = card { return Int((interval / 86_400).rounded()) }
    return nil
  }

  /// A short label such as `"10m"`, `"1d"` or `"3.2mo"` (see ``IntervalLabel``).
  public var label: String { IntervalLabel.format(interval) }
}
