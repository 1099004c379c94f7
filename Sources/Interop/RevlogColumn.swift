/// A column of the FSRS ecosystem's revlog CSV
/// (`card_id,review_time,review_rating,review_state,review_duration`).
public enum RevlogColumn: String, Sendable, Hashable, Codable, CaseIterable {
  /// The card: an integer or any non-empty string.
  case cardID = "card_id"
  /// When the review happened: Unix milliseconds, or ISO 8601 with a zone.
  case reviewTime = "review_time"
  /// The answer, 1…4.
  case reviewRating = "review_rating"
  /// Anki's review kind, 0…5 (optional): learn, review, relearn, filtered, manual, rescheduled.
  case reviewState = "review_state"
  /// Time spent answering, in milliseconds (optional).
  case reviewDuration = "review_duration"

  /// Whether a file must have this column.
  public var isRequired: Bool {
    switch self {
    case .cardID, .reviewTime, .reviewRating: true
    case .reviewState, .reviewDuration: false
    }
  }
}
