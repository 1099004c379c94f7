import Foundation
import Testing

@testable import Stats

@Suite("Objective statistics and exam history")
struct ExamAndObjectiveTests {
  typealias F = StatsFixtures

  @Test("objectives sort weakest first: unstudied, then low accuracy, then strong")
  func objectiveOrder() {
    let now = F.at("2026-11-26", 12)
    let items = [
      ItemInfo(id: "a", domain: 1, objective: "1.1.1", cardID: "ca"),
      ItemInfo(id: "b", domain: 1, objective: "1.1.2"),
      ItemInfo(id: "c", domain: 3, objective: "3.1.2"),
      ItemInfo(id: "d", domain: 1, objective: "1.1.10"),
    ]
    var attempts: [AttemptRecord] = []
    for k in 0..<10 { attempts.append(AttemptRecord(itemID: "b", time: now, correct: k < 2, mode: .quiz)) }
    for _ in 0..<10 { attempts.append(AttemptRecord(itemID: "a", time: now, correct: true, mode: .quiz)) }
    let cards = [F.reviewedCard("ca", stability: 10, last: now.addingTimeInterval(-10 * 86_400))]
    let stats = ObjectiveStats.compute(
      StatsInput(cards: cards, attempts: attempts, items: items, context: F.context(now: now)))
    // 3.1.2 and 1.1.10 are unstudied (weakness 1); domain 3 has more exam questions, so it comes first.
    #expect(stats.objectives.map(\.objective) == ["3.1.2", "1.1.10", "1.1.2", "1.1.1"])
    #expect(stats.objectives[0].weakness == 1)
    #expect(stats.objectives[0].command == "quiz --objective 3.1.2")
    let b = stats.objectives[2]
    #expect(b.attempts == 10)
    #expect(b.accuracy == 0.2)
    #expect(b.meanRetrievability == nil)
    let a = stats.objectives[3]
    #expect(a.cards == 1)
    #expect(abs(a.meanRetrievability! - 0.9) < 1e-12)
    // R 0.9 is below the smoothed accuracy, so memory is the weaker part.
    #expect(a.command == "drill weak")
    #expect(a.weakness < b.weakness)
  }

  @Test("exam history orders exams, pools domains and reads the trend")
  func history() {
    func exam(_ id: Int, _ day: String, _ correct: Int) -> ExamRecord {
      ExamRecord(
        id: id, finishedAt: F.at(day), correct: correct, scored: 50,
        estimatedScaledScore: Stats.estimatedScaledScore(fraction: Double(correct) / 50), passed: correct >= 36,
        perDomain: [1: .init(correct: correct / 5, total: 10)])
    }
    let input = StatsInput(
      exams: [exam(2, "2026-11-20", 35), exam(1, "2026-11-10", 30), exam(3, "2026-11-25", 40)], context: F.context())
    let history = ExamHistory.compute(input)
    #expect(history.exams.map(\.id) == [1, 2, 3])
    #expect(history.passedCount == 1)
    #expect(history.trend == .improving)
    #expect(abs(history.slopePerExam! - 0.1) < 1e-12)
    #expect(history.bestScaledScore == Stats.estimatedScaledScore(fraction: 0.8))
    #expect(abs(history.domainFractions[1]! - 21.0 / 30) < 1e-12)
    #expect(Overview.compute(input).lastExam?.id == 3)
    #expect(ExamHistory.compute(StatsInput(context: F.context())).trend == .notEnoughData)
  }

  @Test("the scaled-score estimate matches the quiz module's linear map")
  func scaled() {
    #expect(Stats.estimatedScaledScore(fraction: 0) == 100)
    #expect(Stats.estimatedScaledScore(fraction: 0.72) == 700)
    #expect(Stats.estimatedScaledScore(fraction: 1) == 1000)
    #expect(Blueprint.aifC01.passMark == 36)
    #expect(Blueprint.aifC01.scoredQuestions == 50)
  }
}
