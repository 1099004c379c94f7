import Content
import Foundation
import Quiz
import SRS
import Store

/// A timed mock exam in progress: navigate, flag, answer (no feedback until submit); every answer
/// and the time used are saved at once, so quitting — or a crash — resumes at the same question
/// with the same time left. The clock runs only while the exam is open on screen.
struct ExamSession {
  let session: Session
  let store: ProgressStore
  let scheduler: Scheduler
  var exam: StoredExam
  let slots: [ExamSlot]
  let items: [String: (item: QuizItem, scenario: String?)]

  enum End {
    case submitted, expired, paused
  }

  static func decode(_ slots: String) -> [ExamSlot] {
    (try? JSONDecoder().decode([ExamSlot].self, from: Data(slots.utf8))) ?? []
  }

  func response(at position: Int) -> Response? {
    guard let text = exam.answers[position]?.response else { return nil }
    return try? JSONDecoder().decode(Response.self, from: Data(text.utf8))
  }

  var remaining: Double { Double(exam.timeLimitSeconds) - exam.usedSeconds }

  func presentation(_ item: QuizItem, position: Int) -> Presentation {
    Presentation(item: item, seed: UInt64(bitPattern: exam.seed) &+ UInt64(position))
  }

  mutating func tick(since last: inout Date) {
    let now = session.now
    // Time away (a crash, a long pause with the REPL closed) is not counted; gaps over 10 minutes count as 10.
    exam.usedSeconds += min(600, max(0, now.timeIntervalSince(last)))
    last = now
  }

  mutating func run() throws -> End {
    var last = session.now
    while true {
      tick(since: &last)
      if remaining <= 0 {
        session.say("Time is up — the exam is submitted as it stands.", event: "timeUp", data: ["examId": exam.id])
        exam.usedSeconds = Double(exam.timeLimitSeconds)
        return .expired
      }
      let position = min(exam.position, slots.count - 1)
      let slot = slots[position]
      guard let (item, scenario) = items[slot.itemID] else {
        // Removed from the bank since the exam began: it cannot be answered and does not count.
        let message = "Question \(position + 1) was removed from the bank since this exam began; it is not scored."
        session.say(message, event: "notice", data: ["message": message])
        try move(to: position + 1, last: &last)
        continue
      }
      let p = presentation(item, position: position)
      let flagged = exam.answers[position]?.flagged ?? false
      let answeredCount = exam.answers.values.count { $0.response != nil }
      var header = "exam \(position + 1)/\(slots.count) · \(QuizView.clock(remaining)) left · answered \(answeredCount)"
      if flagged { header += " · flagged" }
      session.say(
        QuizView.item(
          item, p, header: header, scenario: scenario, width: session.configuration.columns, styler: session.styler)
          + (response(at: position) != nil
            ? session.styler.dim("(answered — type a new answer to change it)") + "\n" : ""),
        event: "item",
        data: PracticeSession.event(item, p, scenario: scenario, position: position + 1, of: slots.count))
      guard
        let reply = session.ask(
          "exam \(position + 1)/\(slots.count) \(QuizView.clock(remaining))> answer, or flag, next, back, goto N, review, submit, quit:",
          id: "exam")
      else {
        try pause(last: &last)
        return .paused
      }
      tick(since: &last)
      if remaining <= 0 {
        // The limit passed while the question was open: that last reply is not taken.
        session.say(
          "Time is up — the exam is submitted as it stood at 90:00.", event: "timeUp", data: ["examId": exam.id])
        exam.usedSeconds = Double(exam.timeLimitSeconds)
        return .expired
      }
      let word = reply.trimmingCharacters(in: .whitespaces).lowercased()
      if word == "submit" {
        let unanswered = slots.indices.filter { exam.answers[$0]?.response == nil }.count
        let flaggedCount = exam.answers.values.count(where: \.flagged)
        if unanswered > 0 || flaggedCount > 0 {
          let warning =
            "\(unanswered) unanswered (they count as wrong) and \(flaggedCount) flagged. Submit anyway? [yes/no]"
          guard let confirm = session.ask(warning, id: "confirm"), ["y", "yes"].contains(confirm.lowercased()) else {
            continue
          }
        }
        return .submitted
      }
      if word == "review" {
        session.say(overview(), event: "overview", data: ["examId": exam.id])
        continue
      }
      do {
        if try act(on: reply, item: item, presentation: p, position: position, flagged: flagged, last: &last) {
          return .paused
        }
      } catch let error as StoreError {
        // Nothing of this reply was saved (disk full, read-only, locked…) and nothing changed here: the same
        // question is shown again, so the learner can retry once the problem is fixed.
        session.emitError(
          error.message + " The exam stays open at this question; answer again to retry, or 'quit'.",
          status: error.exitStatus, command: "exam")
      }
    }
  }

  /// Carries out one reply at `position`; every change is saved before it is made here, so a failed save
  /// leaves the exam exactly as it was. Returns true when the reply paused the exam.
  private mutating func act(
    on reply: String, item: QuizItem, presentation p: Presentation, position: Int, flagged: Bool, last: inout Date
  ) throws -> Bool {
    switch AnswerParser.parse(reply, item: item, presentation: p) {
    case .answer(let response):
      let json = String(decoding: try JSONEncoder().encode(response), as: UTF8.self)
      let next = min(position + 1, slots.count - 1)
      try store.saveExamAnswer(
        examId: exam.id, position: position, response: json, flagged: flagged, at: session.now,
        usedSeconds: exam.usedSeconds, nextPosition: next)
      exam.answers[position] = (json, flagged)
      exam.position = next
      if position == slots.count - 1 {
        session.say(
          "That was the last question: 'review' lists what is left, 'submit' ends the exam.", event: "notice",
          data: ["message": "last question"])
      }
    case .command(.flag):
      let response = exam.answers[position]?.response
      try store.saveExamAnswer(
        examId: exam.id, position: position, response: response, flagged: !flagged,
        at: session.now, usedSeconds: exam.usedSeconds, nextPosition: position)
      exam.answers[position] = (response, !flagged)
    case .command(.next), .command(.skip): try move(to: position + 1, last: &last)
    case .command(.back): try move(to: position - 1, last: &last)
    case .command(.goto(let number)):
      guard (1...slots.count).contains(number) else {
        session.say("There are questions 1–\(slots.count).", event: "notice", data: ["message": "out of range"])
        return false
      }
      try move(to: number - 1, last: &last)
    case .command(.quit):
      do {
        try pause(last: &last)
      } catch let error as StoreError {
        // Quitting always works: the exam resumes from its last saved answer, position and time.
        session.emitError(
          error.message + " The exam is paused where it was last saved; 'exam' resumes it.",
          status: error.exitStatus, command: "exam")
      }
      return true
    case .command(.hint), .command(.explain):
      session.say(
        "No hints or explanations during an exam; they come after you submit.", event: "notice",
        data: ["message": "exam mode"])
    case .command(.help):
      session.say(
        "Type \(AnswerParser.expectedForm(item, p)); or flag, next, back, goto N, review, submit, quit.",
        event: "notice", data: ["message": "help"])
    case .invalid(let message):
      session.say(message, event: "notice", data: ["message": message])
    }
    return false
  }

  mutating func move(to position: Int, last: inout Date) throws {
    let target = max(0, min(slots.count - 1, position))
    try store.saveExamProgress(examId: exam.id, usedSeconds: exam.usedSeconds, position: target)
    exam.position = target
  }

  mutating func pause(last: inout Date) throws {
    tick(since: &last)
    try store.saveExamProgress(examId: exam.id, usedSeconds: exam.usedSeconds, position: exam.position)
    session.say(
      "Exam paused at question \(exam.position + 1) with \(QuizView.clock(remaining)) left; 'exam' resumes it.",
      event: "paused", data: ["examId": exam.id])
  }

  func overview() -> String {
    var unanswered: [Int] = []
    var flagged: [Int] = []
    for index in slots.indices {
      if exam.answers[index]?.response == nil { unanswered.append(index + 1) }
      if exam.answers[index]?.flagged == true { flagged.append(index + 1) }
    }
    return "Unanswered: \(unanswered.isEmpty ? "none" : unanswered.map(String.init).joined(separator: " "))\n"
      + "Flagged: \(flagged.isEmpty ? "none" : flagged.map(String.init).joined(separator: " "))\n"
  }

  /// Scores the exam, feeds each answer to FSRS (one review each), stores the result.
  mutating func finish(_ end: End) throws -> ExamReport {
    let now = session.now
    let correctness: [Bool] = slots.indices.map { index in
      guard let (item, _) = items[slots[index].itemID], let response = response(at: index) else { return false }
      return response.isCorrect(for: item)
    }
    // Removed items are neither scored nor reviewed.
    let scoredSlots = slots.enumerated().map { index, slot in
      var copy = slot
      if items[slot.itemID] == nil { copy.scored = false }
      return copy
    }
    let score = ExamScore(slots: scoredSlots, correct: { correctness[$0] })
    var answers: [ExamAnswerRecord] = []
    for (index, slot) in slots.enumerated() {
      guard let (item, _) = items[slot.itemID] else { continue }
      answers.append(
        ExamAnswerRecord(
          itemId: item.id, correct: correctness[index], response: exam.answers[index]?.response ?? "null",
          itemHash: QuizBank.fingerprint(item), rating: correctness[index] ? .good : .again))
    }
    let report = ExamReport(
      examId: exam.id, status: end == .expired ? "expired" : "submitted", score: score, method: ExamScore.method,
      usedSeconds: exam.usedSeconds, timeLimitSeconds: exam.timeLimitSeconds,
      missed: slots.indices.filter { slots[$0].scored && !correctness[$0] && items[slots[$0].itemID] != nil }
        .map {
          ExamReport.Missed(position: $0 + 1, itemID: slots[$0].itemID, answered: exam.answers[$0]?.response != nil)
        })
    let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
    // The answers, their reviews and the exam's closing are one transaction: a kill while submitting leaves
    // the exam open with nothing of it recorded, and it can be submitted again.
    let scheduler = scheduler
    let session = session
    try store.submitExam(
      examId: exam.id, status: end == .expired ? .expired : .submitted, at: now, usedSeconds: exam.usedSeconds,
      result: json, answers: answers
    ) { before, rating in
      var random = session.random
      let outcome = scheduler.nextStates(for: before, at: now, fuzz: &random)[rating]
      session.random = random
      return outcome.card
    }
    return report
  }
}

/// What a submitted exam reports; stored with the exam so `exam show N` can print it again.
struct ExamReport: Codable, Sendable {
  var examId: Int64
  var status: String
  var score: ExamScore
  var method: String
  var usedSeconds: Double
  var timeLimitSeconds: Int
  var missed: [Missed]

  struct Missed: Codable, Sendable {
    var position: Int
    var itemID: String
    var answered: Bool
  }
}
