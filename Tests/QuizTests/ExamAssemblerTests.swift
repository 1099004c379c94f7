import Content
import TestSupport
import Testing

@testable import Quiz

@Suite struct ExamAssemblerTests {
  static let bank: [QuizItem] = (try? TestSession.repositoryContent.get().items) ?? []

  @Test func aThousandSeededDrawsFollowTheBlueprintAndUseEveryItem() throws {
    let bank = Self.bank
    try #require(!bank.isEmpty)
    var seen = Set<String>()
    for seed in 0..<UInt64(1000) {
      let slots = try ExamAssembler.assemble(bank: bank, seed: seed)
      #expect(slots.count == 65)
      let scored = slots.filter(\.scored)
      #expect(scored.count == 50)
      let perDomain = Dictionary(grouping: scored, by: \.domain).mapValues(\.count)
      #expect(perDomain == [1: 10, 2: 12, 3: 14, 4: 7, 5: 7], "seed \(seed)")
      #expect(Dictionary(grouping: slots, by: \.domain).mapValues(\.count) == [1: 13, 2: 16, 3: 18, 4: 9, 5: 9])
      #expect(Set(slots.map(\.itemID)).count == 65, "no item twice")
      seen.formUnion(slots.map { $0.caseID ?? $0.itemID })
    }
    let eligible = Set(bank.map(\.id))
    let missing = eligible.subtracting(seen)
    #expect(missing.isEmpty, "never drawn: \(missing.sorted().prefix(10))")
  }

  @Test func theSameSeedGivesTheSameExam() throws {
    #expect(try ExamAssembler.assemble(bank: Self.bank, seed: 9) == ExamAssembler.assemble(bank: Self.bank, seed: 9))
    #expect(try ExamAssembler.assemble(bank: Self.bank, seed: 9) != ExamAssembler.assemble(bank: Self.bank, seed: 10))
  }

  @Test func caseStudyQuestionsStayTogether() throws {
    for seed in 0..<UInt64(200) {
      let slots = try ExamAssembler.assemble(bank: Self.bank, seed: seed)
      let cases = slots.enumerated().filter { $0.element.caseID != nil }
      for (index, slot) in cases where index > 0 && slots[index - 1].caseID != slot.caseID {
        // The first question of a case: the rest follow it directly.
        let count = slots.filter { $0.caseID == slot.caseID }.count
        #expect(slots[index..<(index + count)].allSatisfy { $0.caseID == slot.caseID })
      }
    }
  }

  @Test func aBankTooSmallForADomainIsAnError() {
    #expect(throws: ExamAssembler.Failure.self) {
      try ExamAssembler.assemble(bank: Array(Self.bank.prefix(20)), seed: 1)
    }
  }

  @Test(arguments: [(0.0, 100), (0.72, 700), (1.0, 1000), (0.36, 400), (0.86, 850)])
  func theScaledScoreEstimateIsLinearAroundThePassMark(fraction: Double, scaled: Int) {
    #expect(ExamScore.scaled(fraction: fraction) == scaled)
  }

  @Test func unscoredItemsDoNotCountAndUnansweredIsWrong() {
    let slots = [
      ExamSlot(itemID: "a", caseID: nil, domain: 1, scored: true),
      ExamSlot(itemID: "b", caseID: nil, domain: 1, scored: false),
      ExamSlot(itemID: "c", caseID: nil, domain: 2, scored: true),
    ]
    let score = ExamScore(slots: slots, correct: { $0 == 0 || $0 == 1 })
    #expect(score.scoredCorrect == 1)
    #expect(score.scoredTotal == 2)
    #expect(score.byDomain[1] == ExamScore.DomainResult(correct: 1, total: 1))
    #expect(score.byDomain[2] == ExamScore.DomainResult(correct: 0, total: 1))
  }
}
