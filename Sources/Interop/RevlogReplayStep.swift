import Foundation
import SRS

/// One review of a replayed revlog: the card's memory and state after it, and what was known before it.
///
/// Encoded as one flat JSON object (for `srs replay FILE --json`); `elapsedDays` is absent for a card's
/// first review.
public struct RevlogReplayStep: Sendable, Hashable, Codable {
  /// The card.
  public var cardID: String
  /// 0 for the card's first review, then 1, 2, …
  public var reviewIndex: Int
  /// When the review happened.
  public var time: Date
  /// The answer.
  public var rating: Rating
  /// Days since the card's previous review under the replay's ``TimeSemantics``; `nil` for the first review.
  public var elapsedDays: Int?
  /// Probability of recall just before the review (0 for the first review).
  public var retrievabilityBefore: Double
  /// Stability after the review, in days.
  public var stability: Double
  /// Difficulty after the review, in [1, 10].
  public var difficulty: Double
  /// The card's state after the review.
  public var state: CardState.Kind
  /// The learning or relearning step after the review, if any.
  public var step: Int?
  /// When the card is due after the review.
  public var due: Date

  /// Creates a step.
  public init(
    cardID: String, reviewIndex: Int, time: Date, rating: Rating, elapsedDays: Int?, retrievabilityBefore: Double,
    stability: Double, difficulty: Double, state: CardState.Kind, step: Int?, due: Date
  ) {
    self.cardID = cardID
    self.reviewIndex = reviewIndex
    self.time = time
    self.rating = rating
    self.elapsedDays = elapsedDays
    self.retrievabilityBefore = retrievabilityBefore
    self.stability = stability
    self.difficulty = difficulty
    self.state = state
    self.step = step
    self.due = due
  }
}
