import TestSupport
import Testing

@testable import Content

@Suite struct QuizItemTests {
  @Test(
    arguments: [
      ("Which statements are true? (Choose two.)", 2),
      ("Which are true? (Choose THREE.)", 3),
      ("(choose four)", 4),
      ("Choose five.", 5),
      ("Select 2 answers.", 2),
      ("select 5", 5),
      ("Choose  two.", 2),
      ("(Choose two.) Which ... (Choose three.)", 2),
    ] as [(String, Int)])
  func statedChoiceCountReadsTheNumberToChoose(stem: String, count: Int) {
    #expect(QuizItem.statedChoiceCount(in: stem) == count)
  }

  @Test(arguments: [
    "Which statement is true?", "Choose one.", "Choose 6.", "Choose 22 options", "Choosetwo", "chooser two",
    "Select twenty", "(Pick two.)", "",
  ])
  func statedChoiceCountIsNilWhenTheStemStatesNoCount(stem: String) {
    #expect(QuizItem.statedChoiceCount(in: stem) == nil)
  }

  @Test(arguments: [("3.3.1", 3, "3.3"), ("1.2.10", 1, "1.2"), ("", 0, ""), ("x.y", 0, "x.y")])
  func domainAndTaskFollowFromTheObjective(objective: String, domain: Int, task: String) throws {
    var item = try #require(try ContentSamples.load(["quizzes/q.yaml": ContentSamples.quiz(id: "q-1")]).items.first)
    item.objective = objective
    #expect(item.domain == domain)
    #expect(item.task == task)
  }

  @Test func aParsedItemKeepsItsOptionsAndPosition() throws {
    let set = try ContentSamples.load(["quizzes/q.yaml": ContentSamples.quiz(id: "q-1")])
    let item = try #require(set.item("q-1"))
    #expect(item.type == .multipleChoice)
    #expect(item.difficulty == 2)
    #expect(item.options.map(\.text) == ["A", "B", "C", "D"])
    #expect(item.options.map(\.correct) == [true, false, false, false])
    #expect(item.correctCount == 1)
    #expect(item.location == SourceLocation(file: "quizzes/q.yaml", line: 2, column: 9), "the item's id value")
    #expect(item.verified?.description == "2026-11-26")
  }
}
