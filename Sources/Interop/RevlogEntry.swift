import Foundation
import SRS

/// One review from a revlog CSV.
public struct RevlogEntry: Sendable, Hashable, Codable {
  /// The card's id as written in the file (integers are kept as their text).
  public var cardID: String
  /// When the review happened.
  public var time: Date
  /// The answer.
  public var rating: Rating
  /// Anki's review kind (0 learn, 1 review, 2 relearn, 3 filtered), or `nil` when the file has none.
  public var state: Int?
  /// Time spent answering in milliseconds, or `nil` when the file has none.
  public var durationMs: Int?

  /// Creates an entry.
  public init(cardID: String, time: Date, rating: Rating, state: Int? = nil, durationMs: Int? = nil) {
    self.cardID = cardID
    self.time = time
    self.rating = rating
    self.state = state
    self.durationMs = durationMs
  }

  /// The review time in whole Unix milliseconds (rounded to the nearest), as the writer emits it.
  public var timeMilliseconds: Int64 {
    Int64((time.timeIntervalSince1970 * 1000).rounded())
  }
}

extension RevlogEntry {
  /// The revlog's review_state code for the state a card was in before a review
  /// (0 new, 1 learning, 2 review, 3 relearning).
  public static func reviewState(of state: CardState) -> Int {
    switch state.kind {
    case .new: 0
    case .learning: 1
    case .review: 2
    case .relearning: 3
    }
  }
}
