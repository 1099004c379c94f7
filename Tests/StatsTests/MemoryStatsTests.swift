import Foundation
import Testing

@testable import Stats

@Suite("Memory statistics")
struct MemoryStatsTests {
  typealias F = StatsFixtures

  @Test("bins are lower-inclusive and upper-exclusive; the last bin is closed")
  func binEdges() {
    let difficulty = Histogram(edges: MemoryStats.difficultyEdges)
    #expect(difficulty.counts.count == 9)
    #expect(difficulty.bin(of: 1.0) == 0)
    #expect(difficulty.bin(of: 1.999) == 0)
    #expect(difficulty.bin(of: 2.0) == 1)
    #expect(difficulty.bin(of: 9.5) == 8)
    #expect(difficulty.bin(of: 10.0) == 8)
    #expect(difficulty.bin(of: 0.5) == 0)
    let r = Histogram(edges: MemoryStats.retrievabilityEdges)
    #expect(r.counts.count == 20)
    #expect(r.bin(of: 0) == 0)
    #expect(r.bin(of: 0.05) == 1)
    #expect(r.bin(of: 0.9) == 18)
    #expect(r.bin(of: 0.9499) == 18)
    #expect(r.bin(of: 1.0) == 19)
    let s = Histogram(edges: MemoryStats.stabilityEdges)
    #expect(s.counts.count == 13)
    #expect(s.bin(of: 0.5) == 0)
    #expect(s.bin(of: 1) == 1)
    #expect(s.bin(of: 20.99) == 5)
    #expect(s.bin(of: 21) == 6)
    #expect(s.bin(of: 729) == 11)
    #expect(s.bin(of: 730) == 12)
    #expect(s.bin(of: 50_000) == 12)
  }

  @Test("estimated total knowledge is Σ R: R(S, S) = 0.9 twice plus R(0, S) = 1 is 2.8")
  func totalKnowledge() throws {
    let now = F.at("2026-11-26", 12)
    let cards = [
      F.reviewedCard("a", stability: 10, last: now.addingTimeInterval(-10 * 86_400), difficulty: 1),
      F.reviewedCard("b", stability: 3, last: now.addingTimeInterval(-3 * 86_400), difficulty: 10),
      F.reviewedCard("c", stability: 45, last: now, difficulty: 5.5),
      CardSnapshot(id: "new", stateKind: "new"),
    ]
    let stats = MemoryStats.compute(StatsInput(cards: cards, context: F.context(now: now)))
    #expect(stats.reviewedCards == 3)
    #expect(abs(stats.estimatedTotalKnowledge - 2.8) < 1e-12)
    #expect(abs(try #require(stats.meanRetrievability) - 2.8 / 3) < 1e-12)
    #expect(stats.retrievability.counts[18] == 2)
    #expect(stats.retrievability.counts[19] == 1)
    #expect(stats.difficulty.counts[0] == 1)
    #expect(stats.difficulty.counts[4] == 1)
    #expect(stats.difficulty.counts[8] == 1)
    #expect(stats.stability.counts[2] == 1)  // 3 d in [2, 4)
    #expect(stats.stability.counts[4] == 1)  // 10 d in [7, 14)
    #expect(stats.stability.counts[7] == 1)  // 45 d in [30, 60)
    let q = try #require(stats.stabilityQuantiles)
    #expect(q.p50 == 10)
    #expect(abs(q.p10 - 4.4) < 1e-12)  // 3 + 0.2 · (10 − 3)
  }

  @Test("no cards: empty histograms, nil quantiles, zero knowledge")
  func empty() {
    let stats = MemoryStats.compute(StatsInput(context: F.context()))
    #expect(stats.reviewedCards == 0)
    #expect(stats.estimatedTotalKnowledge == 0)
    #expect(stats.meanRetrievability == nil)
    #expect(stats.stabilityQuantiles == nil)
    #expect(stats.retrievability.total == 0)
  }
}
