import Core
import Quiz

@testable import Content

enum QuizSamples {
  static let here = SourceLocation(file: "q.yaml", line: 1, column: 1)

  static func item(
    _ id: String, _ type: QuizItem.ItemType, objective: String = "3.3.1", options: [(String, Bool)] = [],
    steps: [String] = [], pairs: [(String, String)] = [], distractors: [String] = [], questions: [QuizItem] = []
  ) -> QuizItem {
    var item = QuizItem(
      id: id, type: type, objective: objective, difficulty: 2, stem: "Stem of \(id)",
      options: options.map { QuizItem.Option(text: $0.0, correct: $0.1, why: "because") }, topics: [], sources: [],
      verified: nil, location: here, sourceLine: nil)
    item.steps = steps.map { QuizItem.Step(text: $0, why: "because") }
    item.pairs = pairs.map { QuizItem.Pair(prompt: $0.0, answer: $0.1, why: "because") }
    item.distractors = distractors.map { QuizItem.Distractor(answer: $0, why: "because") }
    item.questions = questions
    return item
  }

  static let mc = item("mc", .multipleChoice, options: [("A", false), ("B", true), ("C", false), ("D", false)])
  static let mr = item(
    "mr", .multipleResponse, options: [("A", true), ("B", false), ("C", true), ("D", false), ("E", false)])
  static let ordering = item("ord", .ordering, steps: ["first", "second", "third", "fourth"])
  static let matching = item(
    "match", .matching,
    pairs: [("speech to text", "Transcribe"), ("text to speech", "Polly"), ("sentiment", "Comprehend")],
    distractors: ["Textract"])

  /// The answer typed the way a learner who knows it would type it, for a presentation.
  static func correctText(_ item: QuizItem, _ p: Presentation) -> String {
    let letters = Presentation.letters
    switch item.type {
    case .multipleChoice, .multipleResponse:
      return p.order.indices.filter { item.options[p.order[$0]].correct }.map { String(letters[$0]) }.joined(
        separator: " ")
    case .ordering:
      return item.steps.indices.map { step in String(p.order.firstIndex(of: step)! + 1) }.joined(separator: " ")
    case .matching:
      return p.promptOrder.indices.map { number in
        let pair = p.promptOrder[number]
        return "\(number + 1)\(letters[p.responseOrder.firstIndex(of: pair)!])"
      }.joined(separator: " ")
    case .caseStudy:
      return ""
    }
  }
}
