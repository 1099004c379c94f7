import Foundation

/// One answer to an exam item, outside or inside FSRS review.
public struct AttemptRecord: Sendable, Hashable, Codable {
  /// Where the attempt was made.
  public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
    case quiz, exam, drill
  }

  /// The item answered.
  public var itemID: String
  /// When it was answered.
  public var time: Date
  /// Whether the answer earned credit.
  public var correct: Bool
  /// Quiz, exam or drill.
  public var mode: Mode

  /// Creates an attempt.
  public init(itemID: String, time: Date, correct: Bool, mode: Mode) {
    self.itemID = itemID
    self.time = time
    self.correct = correct
    self.mode = mode
  }
}
