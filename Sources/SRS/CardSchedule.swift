import Foundation

/// What every reviewed card carries: its memory state and when it was last seen and is next due.
public struct CardSchedule: Sendable, Hashable, Codable {
  /// FSRS stability and difficulty after the last review.
  public var memory: MemoryState
  /// When the card is next due.
  public var due: Date
  /// When the card was last reviewed.
  public var lastReview: Date
  /// The interval that was scheduled at the last review (`due − lastReview`), in seconds.
  public var scheduledInterval: TimeInterval

  /// Creates a schedule.
  public init(memory: MemoryState, due: Date, lastReview: Date, scheduledInterval: TimeInterval) {
    self.memory = memory
    self.due = due
    self.lastReview = lastReview
    self.scheduledInterval = scheduledInterval
  }
}
