/// The FSRS memory of one card: stability `S` (days until R falls to 90%) and difficulty `D` in [1, 10].
public struct MemoryState: Sendable, Hashable, Codable {
  /// Stability in days.
  public var stability: Double
  /// Difficulty in [1, 10].
  public var difficulty: Double

  /// Creates a memory state from stability (days) and difficulty.
  public init(stability: Double, difficulty: Double) {
    self.stability = stability
    self.difficulty = difficulty
  }
}
