import Foundation
import SRS

/// Anki's FSRS card panels: stability, difficulty and retrievability histograms with quantiles, and the
/// estimated total knowledge, over cards with memory.
///
/// Bins (fixed, see ``Histogram`` for the edge rule):
/// - stability (days): 0, 1, 2, 4, 7, 14, 21, 30, 60, 90, 180, 365, 730, ∞ — 13 bins, the last open-ended;
/// - difficulty: 1, 2, …, 10 — 9 bins of width 1, D = 10 in the last;
/// - retrievability now: 0, 0.05, …, 1 — 20 bins of width 0.05, R = 1 in the last.
///
/// Estimated total knowledge = Σ R over reviewed cards (Anki: mean R × reviewed cards).
public struct MemoryStats: Sendable, Hashable, Codable {
  /// Stability bin edges in days.
  public static let stabilityEdges: [Double] = [0, 1, 2, 4, 7, 14, 21, 30, 60, 90, 180, 365, 730, .infinity]
  /// Difficulty bin edges.
  public static let difficultyEdges: [Double] = (1...10).map(Double.init)
  /// Retrievability bin edges.
  public static let retrievabilityEdges: [Double] = (0...20).map { Double($0) / 20 }

  /// Cards with memory.
  public var reviewedCards: Int
  /// Stability histogram.
  public var stability: Histogram
  /// Difficulty histogram.
  public var difficulty: Histogram
  /// Retrievability-now histogram.
  public var retrievability: Histogram
  /// Stability quantiles, or `nil` with no cards.
  public var stabilityQuantiles: Quantiles?
  /// Difficulty quantiles.
  public var difficultyQuantiles: Quantiles?
  /// Retrievability quantiles.
  public var retrievabilityQuantiles: Quantiles?
  /// Σ R now over reviewed cards.
  public var estimatedTotalKnowledge: Double
  /// Mean R now, or `nil` with no cards.
  public var meanRetrievability: Double?

  /// The memory statistics of `input.cards` at `input.context.now`.
  public static func compute(_ input: StatsInput) -> MemoryStats {
    let fsrs = FSRS(parameters: input.context.parameters)
    var s = Histogram(edges: stabilityEdges)
    var d = Histogram(edges: difficultyEdges)
    var r = Histogram(edges: retrievabilityEdges)
    var ss: [Double] = []
    var ds: [Double] = []
    var rs: [Double] = []
    for card in input.cards {
      guard let value = CardMemory.retrievability(card, fsrs: fsrs, now: input.context.now) else { continue }
      s.add(card.stability!)
      d.add(card.difficulty!)
      r.add(value)
      ss.append(card.stability!)
      ds.append(card.difficulty!)
      rs.append(value)
    }
    let total = rs.reduce(0, +)
    return MemoryStats(
      reviewedCards: rs.count, stability: s, difficulty: d, retrievability: r, stabilityQuantiles: Quantiles(ss),
      difficultyQuantiles: Quantiles(ds), retrievabilityQuantiles: Quantiles(rs), estimatedTotalKnowledge: total,
      meanRetrievability: rs.isEmpty ? nil : total / Double(rs.count))
  }
}
