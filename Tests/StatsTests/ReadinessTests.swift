import Core
import Foundation
import PropertyBased
import Testing

@testable import Stats

@Suite("Readiness")
struct ReadinessTests {
  typealias F = StatsFixtures

  static let now = F.at("2026-11-26", 20)
  static let fast = ReadinessOptions(worlds: 40, drawsPerWorld: 10)

  /// Every bank item's card reviewed `daysAgo` days before now with stability `s`.
  static func input(stability s: Double, daysAgo: Double = 0, examDate: CalendarDay? = nil) -> StatsInput {
    let items = F.bank(perDomain: 20)
    let last = now.addingTimeInterval(-daysAgo * 86_400)
    let cards = items.map { F.reviewedCard($0.cardID!, stability: s, last: last) }
    return StatsInput(cards: cards, items: items, context: F.context(now: now, examDate: examDate))
  }

  @Test("every item at R = 1 passes almost surely")
  func perfectMemory() {
    let readiness = Readiness.compute(Self.input(stability: 100), options: Self.fast)
    #expect(readiness.probability > 0.999)
    #expect(readiness.low > 0.99)
    #expect(readiness.expectedCorrect > 49.9)
    #expect(readiness.passMark == 36)
    #expect(readiness.domains.map(\.itemsWithMemory) == [20, 20, 20, 20, 20])
  }

  @Test("pure guessing (p = 0.25 on 4-option items) essentially never passes")
  func pureGuessing() {
    // No memory; 400 first attempts, one in four right: the smoothed rate is about 0.25, so k ≈ 0 and p ≈ 1/4.
    let items = F.bank(perDomain: 80)
    let attempts = items.enumerated().map { index, item in
      AttemptRecord(itemID: item.id, time: Self.now, correct: index % 4 == 0, mode: .quiz)
    }
    let input = StatsInput(attempts: attempts, items: items, context: F.context(now: Self.now))
    let readiness = Readiness.compute(input, options: Self.fast)
    #expect(readiness.probability < 1e-4)
    #expect(abs(readiness.expectedCorrect - 12.5) < 1.0)
    #expect(readiness.advice.hasPrefix("Not ready yet"))
  }

  @Test("P(pass) never falls when every card's stability rises (same seed)")
  func monotoneInR() async {
    await propertyCheck(count: 25, input: Gen.double(in: 1...60), Gen.double(in: 0...40)) { s, extra in
      let exam = CalendarDay(year: 2026, month: 12, day: 20)
      let lower = Readiness.compute(Self.input(stability: s, daysAgo: 2, examDate: exam), options: Self.fast)
      let higher = Readiness.compute(
        Self.input(stability: s + extra, daysAgo: 2, examDate: exam), options: Self.fast)
      #expect(higher.probability >= lower.probability - 1e-12)
      #expect(higher.expectedCorrect >= lower.expectedCorrect - 1e-9)
    }
  }

  @Test("the exam date moves the target day: R decays until then")
  func examDateDecay() {
    let today = Readiness.compute(Self.input(stability: 20), options: Self.fast)
    let later = Readiness.compute(
      Self.input(stability: 20, examDate: CalendarDay(year: 2027, month: 3, day: 1)), options: Self.fast)
    #expect(later.targetDay == CalendarDay(year: 2027, month: 3, day: 1))
    #expect(later.expectedCorrect < today.expectedCorrect)
    #expect(later.probability < today.probability)
    #expect(!later.examDateInPast)
  }

  @Test("an exam date in the past is replaced by today, and said so")
  func pastExamDate() {
    let past = Readiness.compute(
      Self.input(stability: 20, examDate: CalendarDay(year: 2026, month: 10, day: 1)), options: Self.fast)
    let today = Readiness.compute(Self.input(stability: 20), options: Self.fast)
    #expect(past.examDateInPast)
    #expect(past.targetDay == CalendarDay(year: 2026, month: 11, day: 26))
    #expect(past.notes.contains { $0.contains("in the past") })
    #expect(past.probability == today.probability)
  }

  @Test("no history at all: a finite probability from the priors, flagged low confidence")
  func emptyHistory() {
    for input in [
      StatsInput(items: F.bank(perDomain: 20), context: F.context(now: Self.now)),
      StatsInput(context: F.context(now: Self.now)),
    ] {
      let readiness = Readiness.compute(input, options: Self.fast)
      #expect(readiness.probability.isFinite)
      #expect((0...1).contains(readiness.probability))
      #expect(readiness.low <= readiness.probability && readiness.probability <= readiness.high)
      #expect(readiness.confidence == .low)
      #expect(readiness.notes.contains { $0.contains("priors only") })
      #expect(readiness.advice.hasPrefix("Too little history"))
    }
  }

  @Test("the same seed gives the same answer; the band contains the estimate")
  func deterministic() {
    let input = Self.input(stability: 8, daysAgo: 6)
    let a = Readiness.compute(input, options: Self.fast)
    let b = Readiness.compute(input, options: Self.fast)
    #expect(a == b)
    #expect(a.low <= a.probability && a.probability <= a.high)
    #expect(a.standardError >= 0)
  }

  @Test("the objectives to study first are those whose items sit furthest below the desired retention")
  func topObjectives() {
    let items = F.bank(perDomain: 20)
    let weak = "3.1.1"
    let cards = items.map { item in
      F.reviewedCard(
        item.cardID!, stability: item.objective == weak ? 0.5 : 30,
        last: Self.now.addingTimeInterval(-3 * 86_400))
    }
    let input = StatsInput(cards: cards, items: items, context: F.context(now: Self.now))
    let readiness = Readiness.compute(input, options: Self.fast)
    #expect(readiness.topObjectives.first?.objective == weak)
    #expect(readiness.topObjectives.first?.command == "quiz --objective 3.1.1")
    #expect(readiness.topObjectives.count <= 3)
    #expect(readiness.topObjectives.allSatisfy { $0.gain >= 0 })
  }
}
