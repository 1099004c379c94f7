import ArgumentParser
import Content
import Core
import Foundation
import Quiz
import Store
import Terminal

struct ExamCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "exam",
    abstract: "A timed mock exam (65 questions, 90 minutes), or your past exams.",
    discussion: """
      exam — start a mock exam, or resume the one in progress (after 'quit' or a crash: same question, same \
      time left). 65 questions drawn by the exam blueprint (13/16/18/9/9 by domain), 15 of them unscored and \
      not marked, as on the real exam. No feedback until you submit. In the exam: answer, or flag, next, back, \
      goto N, review (what is unanswered or flagged), submit, quit. \
      exam history — every exam with its estimated score. exam show N — one exam's report again.
      """)

  @Argument(help: "history, or show N (nothing: start or resume).") var action: String?
  @Argument(help: "The exam number for 'show'.") var number: Int64?

  func execute(in session: Session) throws -> CommandOutput {
    let store = try session.store()
    switch action?.lowercased() {
    case nil, "start", "resume": return try run(session, store)
    case "history": return try history(session, store)
    case "show":
      guard let number else { throw CommandFailure.usage("exam show N — which exam? ('exam history' lists them)") }
      guard let exam = try store.exam(number), let result = exam.result,
        let report = try? JSONDecoder().decode(ExamReport.self, from: Data(result.utf8))
      else {
        throw CommandFailure.usage("there is no finished exam \(number); 'exam history' lists them")
      }
      let content = try session.content()
      return CommandOutput(
        text: ExamView.report(
          report, exam: exam, content: content, width: session.configuration.columns, styler: session.styler),
        json: report, pageable: true)
    case let other?:
      throw CommandFailure.usage(
        "unknown exam action '\(other.sanitizedForTerminal.prefix(30))'; use 'exam', 'exam history' or 'exam show N'",
        suggestions: ["history", "show"])
    }
  }

  func run(_ session: Session, _ store: ProgressStore) throws -> CommandOutput {
    let content = try session.content()
    var stored: StoredExam
    if let open = try store.openExam() {
      stored = open
      session.say(
        "Resuming exam \(open.id) at question \(open.position + 1) with \(QuizView.clock(Double(open.timeLimitSeconds) - open.usedSeconds)) left.",
        event: "resumed", data: ["examId": open.id])
    } else {
      var random = session.random
      let seed = random.next()
      session.random = random
      let slots: [ExamSlot]
      do {
        slots = try ExamAssembler.assemble(bank: content.items, seed: seed)
      } catch {
        throw CommandFailure(message: "the quiz bank is too small for a mock exam: \(error)", status: .failure)
      }
      let json = String(decoding: try JSONEncoder().encode(slots), as: UTF8.self)
      let id = try store.createExam(
        seed: Int64(bitPattern: seed), at: session.now, timeLimitSeconds: ExamBlueprint.aifC01.minutes * 60, slots: json
      )
      stored = try store.exam(id)!
      session.say(
        "Exam \(id): 65 questions, 90 minutes. Answers are saved as you go; 'quit' pauses, 'submit' ends it.",
        event: "started", data: ["examId": id])
    }
    let items = QuizBank(content: content).questionsByID
    var exam = ExamSession(
      session: session, store: store, scheduler: try session.scheduler(), exam: stored,
      slots: ExamSession.decode(stored.slots), items: items)
    let end = try exam.run()
    if end == .paused {
      return CommandOutput(text: "", json: ["examId": stored.id, "status": 0])
    }
    let report = try exam.finish(end)
    let finished = try store.exam(stored.id)!
    return CommandOutput(
      text: ExamView.report(
        report, exam: finished, content: content, width: session.configuration.columns, styler: session.styler),
      json: report, pageable: true)
  }

  func history(_ session: Session, _ store: ProgressStore) throws -> CommandOutput {
    let exams = try store.exams()
    guard !exams.isEmpty else { return CommandOutput(text: "No exams yet; 'exam' starts one.\n", json: [String]()) }
    var table = TextTable(columns: [
      .init("#", alignment: .right), .init("STARTED"), .init("STATUS"), .init("SCORE", alignment: .right),
      .init("RESULT"), .init("TIME USED"),
    ])
    var rows: [HistoryRow] = []
    for exam in exams {
      let report = exam.result.flatMap { try? JSONDecoder().decode(ExamReport.self, from: Data($0.utf8)) }
      let score = report.map { "\($0.score.scaled)" } ?? "–"
      let result = report.map { $0.score.passed ? session.styler.success("pass") : session.styler.error("fail") } ?? "–"
      table.append([
        "\(exam.id)", Timestamp.format(exam.startedAt).prefix(16).replacingOccurrences(of: "T", with: " "),
        exam.status.rawValue, score, result, QuizView.clock(exam.usedSeconds),
      ])
      rows.append(
        HistoryRow(
          id: exam.id, startedAt: Timestamp.format(exam.startedAt), status: exam.status.rawValue,
          scaled: report?.score.scaled, passed: report?.score.passed, usedSeconds: exam.usedSeconds))
    }
    return CommandOutput(
      text: table.render(width: session.configuration.columns, styler: session.styler)
        + session.styler.dim("Scores are estimates; 'exam show N' explains the method.") + "\n",
      json: rows)
  }

  struct HistoryRow: Codable, Sendable {
    var id: Int64
    var startedAt: String
    var status: String
    var scaled: Int?
    var passed: Bool?
    var usedSeconds: Double
  }
}

enum ExamView {
  static func report(_ report: ExamReport, exam: StoredExam, content: ContentSet, width: Int, styler: Styler) -> String
  {
    let s = report.score
    var out = styler.bold("Exam \(report.examId) — \(report.status)") + "\n"
    let verdict = s.passed ? styler.success("PASS") : styler.error("FAIL")
    out += "Estimated scaled score: \(styler.bold(String(s.scaled))) / 1000 (700 to pass) — \(verdict)\n"
    out += "Scored questions right: \(s.scoredCorrect) of \(s.scoredTotal)"
    out += " · time used \(QuizView.clock(report.usedSeconds)) of \(QuizView.clock(Double(report.timeLimitSeconds)))\n"
    out += styler.dim(QuizView.wrap(report.method, width: width))
    out += "\n" + styler.bold("By domain") + "\n"
    for (number, result) in s.byDomain.sorted(by: { $0.key < $1.key }) {
      let title = content.guide.domain(number)?.title ?? "Domain \(number)"
      let percent = Int((result.fraction * 100).rounded())
      out +=
        "  \(number) \(title.padding(toLength: 50, withPad: " ", startingAt: 0)) \(result.correct)/\(result.total) (\(percent)%)\n"
    }
    let items = QuizBank(content: content).questionsByID
    if !report.missed.isEmpty {
      out += "\n" + styler.bold("Missed (\(report.missed.count)) — with every option explained") + "\n"
      for missed in report.missed {
        guard let (item, scenario) = items[missed.itemID] else { continue }
        let p = Presentation(item: item, seed: UInt64(bitPattern: exam.seed) &+ UInt64(missed.position - 1))
        let response = exam.answers[missed.position - 1]?.response.flatMap {
          try? JSONDecoder().decode(Response.self, from: Data($0.utf8))
        }
        out +=
          "\n"
          + QuizView.item(
            item, p, header: "Question \(missed.position) · objective \(item.objective)", scenario: scenario,
            width: width,
            styler: styler)
        out += QuizView.feedback(item, p, response: response, width: width, styler: styler)
      }
    }
    return out
  }
}
