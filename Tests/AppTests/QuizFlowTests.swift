import Foundation
import Store
import Terminal
import TestSupport
import Testing

@testable import App

/// A reader that answers like a learner who knows (or does not know) the answer: it reads the
/// latest `item` event the session wrote (JSON mode) and types the answer in the shown letters.
final class KnowingReader: LineReader {
  let sink: CapturingSink
  var script: [String]
  let knows: Bool
  var lineNumber = 0
  var isInteractive: Bool { false }

  init(sink: CapturingSink, knows: Bool = true, then script: [String] = []) {
    self.sink = sink
    self.knows = knows
    self.script = script
  }

  func lastEvent(_ type: String) -> [String: Any]? {
    sink.output.split(separator: "\n").reversed().lazy.compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }.first { $0["type"] as? String == type }
  }

  func readLine(prompt: String) -> LineReadResult {
    lineNumber += 1
    let prompt = lastEvent("prompt")
    let id = (prompt?["data"] as? [String: Any])?["id"] as? String
    if id == "rate" { return .line("") }
    if id == "confirm" { return .line("yes") }
    if !script.isEmpty { return .line(script.removeFirst()) }
    guard id == "answer" || id == "exam", let item = lastEvent("item")?["data"] as? [String: Any] else {
      return .endOfInput
    }
    return .line(answer(item))
  }

  func answer(_ item: [String: Any]) -> String {
    let letters = Array("abcdefghij")
    let choices = item["choices"] as? [String] ?? []
    switch item["type"] as? String {
    case "multiple-choice", "multiple-response":
      let right = choices.indices.filter { choices[$0].hasPrefix("RIGHT") == knows }
      let wanted = item["type"] as? String == "multiple-choice" ? 1 : 2
      return right.prefix(wanted).map { String(letters[$0]) }.joined(separator: " ")
    case "ordering":
      let order = ["Prepare JSONL data in S3", "Create the job", "Review the metrics"]
      let numbers = order.map { step in String((choices.firstIndex(of: step) ?? 0) + 1) }
      return (knows ? numbers : numbers.reversed()).joined(separator: " ")
    case "matching":
      let prompts = item["prompts"] as? [String] ?? []
      let responses = item["responses"] as? [String] ?? []
      let key = [
        "speech to text": "Amazon Transcribe", "text to speech": "Amazon Polly",
        "sentiment of reviews": "Amazon Comprehend",
      ]
      return prompts.enumerated().map { number, prompt in
        "\(number + 1)\(letters[responses.firstIndex(of: key[prompt] ?? "") ?? 0])"
      }.joined(separator: " ")
    default:
      return "a"
    }
  }
}

@Suite struct QuizFlowTests {
  static func session() throws -> TestSession {
    try TestSession(json: true, contentRoot: Fixtures.quizContentRoot)
  }

  @Test(arguments: ["multiple-choice", "multiple-response", "ordering", "matching", "case-study"])
  func eachItemTypeIsAnsweredScoredAndScheduled(type: String) throws {
    let t = try Self.session()
    t.session.reader = KnowingReader(sink: t.sink)
    let outcome = t.run("quiz --type \(type) --n 5")[0]
    #expect(outcome.status == .success)
    let results = t.jsonLines().filter {
      $0["type"] as? String == "result" && ($0["data"] as? [String: Any])?["key"] != nil
    }
    #expect(!results.isEmpty)
    #expect(results.allSatisfy { ($0["data"] as? [String: Any])?["correct"] as? Bool == true })
    let store = try t.session.store()
    let attempts = try store.attempts()
    #expect(attempts.count == (type == "case-study" ? 2 : 1))
    #expect(attempts.allSatisfy { $0.correct })
    let cards = try store.cards().filter { $0.kind == .quiz }
    #expect(cards.allSatisfy { $0.state.kind != .new })
  }

  @Test func aWrongAnswerIsRatedAgainAndExplained() throws {
    let t = try Self.session()
    t.session.reader = KnowingReader(sink: t.sink, knows: false)
    t.run("quiz --type multiple-choice --n 1")
    let result = try #require(
      t.jsonLines().first { $0["type"] as? String == "result" && ($0["data"] as? [String: Any])?["key"] != nil })
    let data = try #require(result["data"] as? [String: Any])
    #expect(data["correct"] as? Bool == false)
    #expect(data["rating"] as? String == "again")
    #expect(try t.session.store().reviews().first?.rating == .again)
  }

  @Test func unreadableAnswersAreReAskedAndNeverCount() throws {
    let t = try Self.session()
    t.session.reader = KnowingReader(sink: t.sink, then: ["", "z", "a b", "42"])
    t.run("quiz --type multiple-choice --n 1")
    let notices = t.jsonLines().filter { $0["type"] as? String == "notice" }.count
    #expect(notices == 4)
    #expect(try t.session.store().attempts().map(\.correct) == [true])
  }

  @Test func aHintMakesARightAnswerHard() throws {
    let t = try Self.session()
    t.session.reader = KnowingReader(sink: t.sink, then: ["hint"])
    t.run("quiz --type multiple-choice --n 1")
    #expect(try t.session.store().reviews().first?.rating == .hard)
    #expect(try t.session.store().attempts().first?.usedHint == true)
  }

  @Test func quitAndEndOfInputKeepEveryAnswerSoFar() throws {
    let t = try Self.session()
    t.session.reader = KnowingReader(sink: t.sink)
    // The knowing reader stops (end of input) once no item is asked; quiz everything.
    t.run("quiz --n 10")
    #expect(try t.session.store().attempts().count == 6)
  }

  @Test func drillWrongServesTheItemsMissedLastTime() throws {
    let t = try Self.session()
    t.session.reader = KnowingReader(sink: t.sink, knows: false)
    t.run("quiz --type multiple-choice --n 1")
    t.session.reader = KnowingReader(sink: t.sink, knows: true)
    t.run("drill wrong")
    let attempts = try t.session.store().attempts()
    #expect(attempts.map(\.itemId) == ["t-mc", "t-mc"])
    #expect(attempts.map(\.correct) == [false, true])
    #expect(attempts.last?.mode == .drill)
    t.run("drill wrong")
    let last = try #require(t.jsonLines().last?["data"] as? [String: Any])
    #expect(last["items"] as? Int == 0)
  }

  @Test func drillWeakStartsWithTheLeastRecallableItem() throws {
    let t = try Self.session()
    t.session.reader = KnowingReader(sink: t.sink, knows: true)
    t.run("quiz --type multiple-choice --n 1")
    t.session.reader = KnowingReader(sink: t.sink, knows: false)
    t.run("quiz --type multiple-response --n 1")
    t.session.reader = KnowingReader(sink: t.sink, knows: true)
    t.run("drill weak --n 1")
    #expect(try t.session.store().attempts().last?.itemId == "t-mr")
  }

  @Test func anItemEditedBetweenSittingsIsResetButItsHistoryKept() throws {
    let bank = try String(contentsOfFile: Fixtures.quizContentRoot + "/quizzes/bank.yaml", encoding: .utf8)
    let store = try ProgressStore.inMemory(now: TestClock.reference)
    let before = Fixtures.contentRoot(["quizzes/bank.yaml": bank])
    defer { Fixtures.remove(before) }
    let first = try TestSession(json: true, contentRoot: before, store: store)
    first.session.reader = KnowingReader(sink: first.sink)
    first.run("quiz --type multiple-choice --n 1")
    #expect(try store.card("t-mc")?.state.kind != .new)

    let edited = Fixtures.contentRoot([
      "quizzes/bank.yaml": bank.replacingOccurrences(
        of: "Which method uses unlabeled domain text?", with: "Which method trains on unlabeled domain text?")
    ])
    defer { Fixtures.remove(edited) }
    let second = try TestSession(json: true, contentRoot: edited, store: store)
    second.session.reader = ScriptedLineReader(lines: ["quit"])
    second.run("quiz --type multiple-choice --n 1")
    let notice = try #require(second.jsonLines().first { $0["type"] as? String == "itemsChanged" })
    #expect((notice["data"] as? [String: Any])?["ids"] as? [String] == ["t-mc"])
    #expect(try store.card("t-mc")?.state.kind == .new)
    #expect(try store.attempts().count == 1)
    #expect(try store.reviews().count == 1)
  }

  @Test func reviewServesDueQuizItemsAfterTheFlashcards() throws {
    let store = try ProgressStore.inMemory(now: TestClock.reference)
    let first = try TestSession(json: true, contentRoot: Fixtures.quizContentRoot, store: store)
    first.session.reader = KnowingReader(sink: first.sink, knows: false)
    first.run("quiz --type multiple-choice --n 1")
    // Ten minutes later the failed item (again: a short learning step) is due.
    let later = TestClock.reference.addingTimeInterval(600)
    let second = try TestSession(now: later, json: true, contentRoot: Fixtures.quizContentRoot, store: store)
    second.session.reader = KnowingReader(sink: second.sink, knows: true)
    second.run("review")
    #expect(second.jsonLines().contains { $0["type"] as? String == "quizDue" })
    #expect(try store.attempts().map(\.correct) == [false, true])
  }

  @Test func anUnknownObjectiveOrTopicIsAUsageError() throws {
    let t = try TestSession()
    #expect(t.run("quiz --objective 9.9.9")[0].status == .usage)
    #expect(t.run("quiz --topic no-such-page")[0].status == .usage)
    #expect(t.sink.errors.contains("unknown topic 'no-such-page'"))
  }
}

/// Answers every exam question with some valid answer of its type, then submits.
final class AnyValidAnswerReader: LineReader {
  let sink: CapturingSink
  var lineNumber = 0
  var isInteractive: Bool { false }
  var typesAnswered: [String: Int] = [:]
  var answered = 0
  init(sink: CapturingSink) { self.sink = sink }

  func lastEvent(_ type: String) -> [String: Any]? {
    sink.output.split(separator: "\n").reversed().lazy.compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }.first { $0["type"] as? String == type }
  }

  func readLine(prompt: String) -> LineReadResult {
    lineNumber += 1
    let id = (lastEvent("prompt")?["data"] as? [String: Any])?["id"] as? String
    if id == "confirm" { return .line("yes") }
    guard answered < 65, let item = lastEvent("item")?["data"] as? [String: Any] else { return .line("submit") }
    answered += 1
    let type = item["type"] as? String ?? ""
    typesAnswered[type, default: 0] += 1
    let letters = Array("abcdefghij")
    let choices = (item["choices"] as? [String] ?? []).count
    switch type {
    case "multiple-response":
      let form = item["form"] as? String ?? "2"
      let k = Int(String(form.first { $0.isNumber } ?? "2")) ?? 2
      return .line((0..<k).map { String(letters[$0]) }.joined(separator: " "))
    case "ordering": return .line((1...choices).map(String.init).joined(separator: " "))
    case "matching":
      let prompts = (item["prompts"] as? [String] ?? []).count
      return .line((0..<prompts).map { "\($0 + 1)\(letters[$0])" }.joined(separator: " "))
    default: return .line("a")
    }
  }
}

@Suite struct ExamFlowTests {
  @Test func everyItemTypeIsAnsweredInAnExamAndTheReportScoresThem() throws {
    let store = try ProgressStore.inMemory(now: TestClock.reference)
    let t = try TestSession(json: true, store: store)
    let reader = AnyValidAnswerReader(sink: t.sink)
    t.session.reader = reader
    t.run("exam")
    let exam = try #require(try store.exams().first)
    #expect(exam.status == .submitted)
    #expect(exam.answers.values.filter { $0.response != nil }.count == 65)
    for type in ["multiple-choice", "multiple-response", "ordering", "matching"] {
      #expect(reader.typesAnswered[type, default: 0] > 0, "no \(type) question answered")
    }
    let report = try #require(t.jsonLines().last?["data"] as? [String: Any])
    let score = try #require(report["score"] as? [String: Any])
    #expect(score["scoredTotal"] as? Int == 50)
  }

  @Test func anExamPausedByQuitResumesAtTheSameQuestionAndThenReports() throws {
    let store = try ProgressStore.inMemory(now: TestClock.reference)
    let first = try TestSession(json: true, store: store)
    first.session.reader = ScriptedLineReader(lines: ["a", "next", "flag", "quit"])
    #expect(first.run("exam")[0].status == .success)
    let paused = try #require(try store.openExam())
    #expect(paused.position == 2)
    #expect(paused.answers[0]?.response != nil)
    #expect(paused.answers[2]?.flagged == true)

    let second = try TestSession(json: true, store: store)
    second.session.reader = KnowingReader(sink: second.sink, then: ["submit"])
    second.run("exam")
    #expect(second.jsonLines().contains { $0["type"] as? String == "resumed" })
    let report = try #require(second.jsonLines().last?["data"] as? [String: Any])
    let score = try #require(report["score"] as? [String: Any])
    #expect(score["scoredTotal"] as? Int == 50)
    #expect((report["method"] as? String)?.hasPrefix("estimated:") == true)
    #expect(try store.openExam() == nil)
    let exams = try store.exams()
    #expect(exams.first?.status == .submitted)
    // Every question fed FSRS once.
    let examAttempts = try store.attempts().filter { $0.mode == .exam }
    #expect(examAttempts.count == 65)
  }

  @Test func historyAndShowListAndRepeatTheReport() throws {
    let store = try ProgressStore.inMemory(now: TestClock.reference)
    let t = try TestSession(store: store)
    t.session.reader = ScriptedLineReader(lines: ["submit", "yes"])
    t.run("exam")
    t.run("exam history", "exam show 1")
    #expect(t.sink.output.contains("submitted"))
    #expect(t.sink.output.contains("Estimated scaled score: 100 / 1000"))
    #expect(t.run("exam show 9")[0].status == .usage)
  }

  /// A clock that moves on by a fixed step each time it is read.
  final class SteppingClock: @unchecked Sendable {
    var time = TestClock.reference
    let step: TimeInterval
    init(step: TimeInterval) { self.step = step }
    func read() -> Date {
      time += step
      return time
    }
  }

  @Test func theTimeLimitPassingMidQuestionSubmitsWithoutTakingTheLateAnswer() throws {
    let clock = SteppingClock(step: 20 * 60)
    let store = try ProgressStore.inMemory(now: TestClock.reference)
    let t = try TestSession(json: true, store: store, clock: { clock.read() })
    t.session.reader = ScriptedLineReader(lines: ["a", "a", "a", "a", "a", "a", "a"])
    t.run("exam")
    #expect(t.jsonLines().contains { $0["type"] as? String == "timeUp" })
    let exam = try #require(try store.exams().first)
    #expect(exam.status == .expired)
    #expect(exam.usedSeconds == 5400)
    let answered = exam.answers.values.filter { $0.response != nil }.count
    #expect(answered < 5, "answers typed after 90:00 are not taken")
  }

  @Test func ctrlCMidQuestionPausesTheExam() throws {
    let store = try ProgressStore.inMemory(now: TestClock.reference)
    let t = try TestSession(store: store)
    t.session.reader = ScriptedLineReader([.line("next"), .interrupted])
    t.run("exam")
    #expect(t.sink.output.contains("Exam paused at question 2"))
    #expect(try store.openExam()?.position == 1)
  }
}

/// How items read on a narrow terminal.
@Suite struct QuizViewLayoutTests {
  @Test func aHintAndAnExplanationWrapToTheTerminal() throws {
    let test = try TestSession(reader: ScriptedLineReader(lines: ["hint", "explain", "quit"]), columns: 40)
    test.run("quiz --n 1 --type multiple-choice")
    let lines = test.sink.output.split(separator: "\n").map(String.init)
    let hint = try #require(lines.firstIndex { $0.hasPrefix("Hint: ") })
    let explained = try #require(lines.firstIndex { $0.hasPrefix("This item is about") })
    #expect(explained > hint + 1, "the hint took more than one line")
    for line in lines[hint..<explained] where !line.hasPrefix("Answer") {
      #expect(TextTable.displayWidth(line) <= 40, Comment(rawValue: line))
    }
  }

  @Test func aLongOptionWrapsUnderItsTextNotUnderItsLetter() {
    let text = QuizView.hanging(
      "  b) ", "Provide only the tools relevant to the current task, or split the work", width: 40)
    #expect(
      text == """
          b) Provide only the tools relevant to
             the current task, or split the work

        """)
  }

  @Test func aStyledLabelAndSuffixDoNotCountTowardTheWidth() {
    let styler = Styler(enabled: true)
    let text = QuizView.hanging(
      " " + styler.success("✓") + " a) ", "one two three four five six seven eight nine ten eleven", width: 30,
      suffix: styler.dim(" (your choice)"))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines.dropLast().allSatisfy { TextTable.displayWidth($0) <= 30 })
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("      ") && !$0.hasPrefix("       ") })
    #expect(lines.last?.hasSuffix(styler.dim(" (your choice)")) == true)
  }

  @Test func everyShippedItemRendersWithinEightyColumnsWithHangingOptions() throws {
    let content = try TestSession.repositoryContent.get()
    let marker = try Regex(#"^  ([a-z]\)|\d+\.) "#)
    for item in content.items.flatMap({ $0.type == .caseStudy ? $0.questions : [$0] }) {
      let lines = QuizRendering.render(item, seed: 1, width: 80).split(separator: "\n")
      for line in lines { #expect(TextTable.displayWidth(String(line)) <= 80, "\(item.id): \(line)") }
      // A line after an option or step line that starts at column 3 is its continuation, under the text.
      for (previous, line) in zip(lines, lines.dropFirst())
      where previous.firstMatch(of: marker) != nil && line.hasPrefix("  ") {
        #expect(line.firstMatch(of: marker) != nil || line.hasPrefix("     "), "\(item.id): \(line)")
      }
    }
  }
}
