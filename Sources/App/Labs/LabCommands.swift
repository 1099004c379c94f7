import ArgumentParser
import Content
import Core
import Foundation
import Labs
import Markdown
import Sandbox
import Store
import Terminal

extension Session {
  /// The labs under content/labs (read once per process); broken files are findings.
  func labCatalog() throws -> LabCatalog {
    if let labCatalogCache { return labCatalogCache }
    let catalog = LabCatalog.load(root: try contentRootPath())
    labCatalogCache = catalog
    return catalog
  }

  /// Saved progress by lab id, most recently changed first.
  func labProgress() throws -> [(LabProgress, Date)] {
    try store().labProgress().compactMap { stored in
      (try? JSONDecoder().decode(LabProgress.self, from: stored.progress)).map { ($0, stored.updatedAt) }
    }
  }

  func save(_ progress: LabProgress) throws {
    try store().saveLabProgress(progress.labID, progress: try JSONEncoder.sandbox.encode(progress), at: now)
  }

  /// The ids of finished labs' flashcards (review schedules them).
  public func finishedLabFlashcardIDs() -> [String] { finishedLabFlashcards().map(\.card.id) }

  /// The flashcards of finished labs, each with a page-like entry for the review screen.
  func finishedLabFlashcards() -> [(card: Flashcard, topic: Topic)] {
    guard let catalog = try? labCatalog(), let progress = try? labProgress() else { return [] }
    let finished = Set(progress.filter { $0.0.finishedAt != nil }.map(\.0.labID))
    return catalog.labs.filter { finished.contains($0.id) }.flatMap { lab in
      let topic = Topic(
        id: "lab-" + lab.id, title: "Lab: " + lab.title, kind: .concept, objectives: lab.objectives,
        summary: lab.summary, body: lab.debrief.summary, flashcards: lab.debrief.flashcards, sources: lab.sources,
        verified: lab.verified, location: lab.location)
      return lab.debrief.flashcards.map { ($0, topic) }
    }
  }
}

struct LabsCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "labs", abstract: "The guided hands-on labs, with your progress in each.")

  func execute(in session: Session) throws -> CommandOutput {
    let catalog = try session.labCatalog()
    let progress = Dictionary(try session.labProgress().map { ($0.0.labID, $0.0) }, uniquingKeysWith: { a, _ in a })
    struct Row: Encodable, Sendable {
      var id: String
      var title: String
      var minutes: Int
      var steps: Int
      var done: Int
      var finished: Bool
    }
    let rows = catalog.labs.map { lab in
      Row(
        id: lab.id, title: lab.title, minutes: lab.minutes, steps: lab.steps.count,
        done: progress[lab.id]?.doneCount(of: lab) ?? 0, finished: progress[lab.id]?.finishedAt != nil)
    }
    var text = ""
    if rows.isEmpty {
      text = "No labs found under content/labs.\n"
    } else {
      var table = TextTable(columns: [
        .init("#", alignment: .right, shrinkable: false), .init("lab", shrinkable: false), .init("title"),
        .init("min", alignment: .right, shrinkable: false), .init("progress", shrinkable: false),
      ])
      for (index, row) in rows.enumerated() {
        let state =
          row.finished ? session.styler.success("done") : row.done > 0 ? "\(row.done)/\(row.steps)" : "-"
        table.append(["\(index + 1)", row.id, row.title, "\(row.minutes)", state])
      }
      text = table.render(width: session.configuration.columns, styler: session.styler)
      text += "Start one with 'lab start ID' (or its number: 'lab start 1'); 'lab' shows where you are.\n"
    }
    if !catalog.findings.isEmpty {
      text +=
        session.styler.warning("warning:")
        + " \(catalog.findings.count) problem(s) in lab files; 'check-content' lists them. The other labs work.\n"
    }
    return CommandOutput(text: text, json: rows)
  }
}

struct LabCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "lab",
    abstract: "A guided lab: start, see the current step, check it, hints, skip, reset.",
    discussion: """
      lab start ID · lab (the current step) · lab check · lab hint · lab skip · lab reset [ID]. Steps are checked \
      against the sandbox, so any way that works counts — including doing a later step first.
      """,
    subcommands: [LabStart.self, LabCheckCommand.self, LabHint.self, LabSkip.self, LabReset.self])

  func execute(in session: Session) throws -> CommandOutput {
    let (lab, progress) = try LabFlow.active(in: session)
    return CommandOutput(
      text: LabFlow.renderStep(lab: lab, progress: progress, session: session),
      json: LabFlow.StepJSON(lab: lab, progress: progress))
  }
}

enum LabFlow {
  /// The lab the learner is in: the most recently touched unfinished one.
  static func active(in session: Session) throws -> (Lab, LabProgress) {
    let catalog = try session.labCatalog()
    for (progress, _) in try session.labProgress() where progress.finishedAt == nil {
      if let lab = catalog.labs.first(where: { $0.id == progress.labID }) { return (lab, progress) }
    }
    throw CommandFailure(message: "no lab in progress: 'labs' lists them, 'lab start ID' begins one", status: .failure)
  }

  /// A lab by its id or by its number in the 'labs' table ("8").
  static func lab(_ id: String, in session: Session) throws -> Lab {
    let catalog = try session.labCatalog()
    if let number = Int(id), catalog.labs.indices.contains(number - 1) { return catalog.labs[number - 1] }
    guard let lab = catalog.labs.first(where: { $0.id == id }) else {
      throw CommandFailure.unknown("lab", id, in: catalog.labs.map(\.id), otherwise: "; 'labs' lists them")
    }
    return lab
  }

  struct StepJSON: Encodable, Sendable {
    var lab: String
    var step: String?
    var title: String?
    var index: Int?
    var steps: Int
    var done: Int
    var finished: Bool

    init(lab: Lab, progress: LabProgress) {
      self.lab = lab.id
      let current = progress.currentStep(of: lab)
      step = current?.step.id
      title = current?.step.title
      index = current.map { $0.index + 1 }
      steps = lab.steps.count
      done = progress.doneCount(of: lab)
      finished = progress.finishedAt != nil
    }
  }

  /// `${SAMPLES}` as the path of the samples folder, quoted when it needs quotes to stay one word on a command line
  /// (the file name after it joins the quoted part, as in a shell).
  static func expand(_ text: String, session: Session) -> String {
    guard text.contains("${SAMPLES}"), let root = try? session.contentRootPath() else { return text }
    return text.replacingOccurrences(
      of: "${SAMPLES}", with: CommandLineTokenizer.quoted(root + "/Resources/sandbox/samples"))
  }

  /// `text` rendered for the terminal; with `hanging`, narrower by its width and with it in front of the first line
  /// (continuation lines indented to match).
  static func markdown(_ text: String, session: Session, hanging: (label: String, width: Int)? = nil) -> String {
    let text = expand(text, session: session)
    let indent = hanging?.width ?? 0
    let rendered = TerminalMarkdown(
      width: min(session.configuration.columns, 100) - indent, styler: session.styler
    ).render(text).text
    guard let hanging else { return rendered }
    let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
    let margin = String(repeating: " ", count: indent)
    return lines.enumerated().map { offset, line in
      offset == 0 ? hanging.label + line : line.isEmpty ? "" : margin + line
    }.joined(separator: "\n")
  }

  static func renderStep(lab: Lab, progress: LabProgress, session: Session) -> String {
    guard let (index, step) = progress.currentStep(of: lab) else {
      return "Lab \(lab.id) is finished. 'lab reset \(lab.id)' runs it again.\n"
    }
    var out = session.styler.bold("\(lab.title) — step \(index + 1) of \(lab.steps.count): \(step.title)") + "\n"
    out += markdown(step.instructions, session: session)
    out += session.styler.dim("When it's done: 'lab check'. Stuck: 'lab hint'. ('lab skip' moves on.)") + "\n"
    return out
  }

  /// Runs a check with the sandbox as it is now; saves and reports.
  static func check(in session: Session) throws -> CommandOutput {
    var (lab, progress) = try active(in: session)
    let before = progress.currentStep(of: lab)
    let since = progress.startedAt
    let outcome = try session.withSandbox { sandbox, now, objects in
      progress.check(lab: lab, now: now) { check in
        check.holds(in: sandbox, now: now, since: since, objects: objects)
      }
    }
    let result = outcome.value
    try session.save(progress)
    var text = SandboxView.events(outcome.events, styler: session.styler)
    guard !result.completed.isEmpty else {
      if let (_, step) = before {
        text += "Not yet: step '\(step.title)' needs " + step.check.summary + ".\n"
        text += session.styler.dim("'lab hint' gives a hint; 'lab' shows the instructions again.") + "\n"
      }
      return CommandOutput(
        text: text, json: StepJSON(lab: lab, progress: progress), status: .failure)
    }
    for (offset, step) in result.completed.enumerated() {
      text +=
        session.styler.success("✓ ") + session.styler.bold(step.title)
        + (offset > 0 ? session.styler.dim(" (already done)") : "") + "\n"
      if !step.explain.isEmpty { text += markdown(step.explain, session: session) }
    }
    if result.finished {
      text += "\n" + debrief(lab: lab, session: session)
    } else {
      text += "\n" + renderStep(lab: lab, progress: progress, session: session)
    }
    return CommandOutput(text: text, json: StepJSON(lab: lab, progress: progress))
  }

  static func debrief(lab: Lab, session: Session) -> String {
    var out = session.styler.bold("Lab finished: \(lab.title)") + "\n"
    out += markdown(lab.debrief.summary, session: session)
    if !lab.debrief.flashcards.isEmpty {
      out += "\(lab.debrief.flashcards.count) flashcards from this lab join your reviews ('review').\n"
    }
    if !lab.debrief.items.isEmpty {
      out +=
        "Quiz items that test this lab: " + lab.debrief.items.joined(separator: ", ")
        + (lab.objectives.first.map { " — practise with 'quiz --objective \($0)'" } ?? "") + "\n"
    }
    if !lab.topics.isEmpty { out += "Read: " + lab.topics.map { "topic \($0)" }.joined(separator: " · ") + "\n" }
    return out
  }
}

struct LabStart: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "start", abstract: "Start (or resume) a lab.")
  @Argument(help: "The lab id ('labs' lists them).") var id: String

  func execute(in session: Session) throws -> CommandOutput {
    let lab = try LabFlow.lab(id, in: session)
    let existing = try session.labProgress().first { $0.0.labID == lab.id }?.0
    if let existing, existing.finishedAt == nil {
      try session.save(existing)
      return CommandOutput(
        text: "Resuming \(lab.id) (\(existing.doneCount(of: lab)) of \(lab.steps.count) steps done).\n"
          + LabFlow.renderStep(lab: lab, progress: existing, session: session),
        json: LabFlow.StepJSON(lab: lab, progress: existing))
    }
    let start = try session.withSandbox { sandbox, now, _ in now }.now
    var text =
      session.styler.bold(lab.title) + "  " + session.styler.dim("(\(lab.minutes) min, \(lab.steps.count) steps)")
      + "\n"
    text += LabFlow.markdown(lab.summary, session: session)
    if !lab.setup.isEmpty {
      let samples = try session.contentRootPath() + "/Resources/sandbox/samples"
      let dispatcher = Dispatcher(session: session)
      for line in lab.setup {
        let expanded = line.replacingOccurrences(of: "${SAMPLES}", with: samples)
        let outcome = dispatcher.run(line: expanded)
        if outcome.status != .success {
          text += session.styler.warning("setup:") + " '\(line)' did not succeed (it may already exist).\n"
        }
      }
      text +=
        session.styler.dim(
          "Set up the lab's starting state (\(lab.setup.count) command\(lab.setup.count == 1 ? "" : "s")).") + "\n"
    }
    let progress = LabProgress(labID: lab.id, startedAt: start)
    try session.save(progress)
    text += "\n" + LabFlow.renderStep(lab: lab, progress: progress, session: session)
    return CommandOutput(text: text, json: LabFlow.StepJSON(lab: lab, progress: progress))
  }
}

struct LabCheckCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Check the current step against the sandbox.")
  func execute(in session: Session) throws -> CommandOutput { try LabFlow.check(in: session) }
}

struct LabHint: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "hint", abstract: "The next hint for the current step.")
  func execute(in session: Session) throws -> CommandOutput {
    var (lab, progress) = try LabFlow.active(in: session)
    guard let hint = progress.nextHint(lab: lab) else {
      return CommandOutput(text: "No hints for this step: 'lab' shows the instructions.\n", json: ["hint": ""])
    }
    try session.save(progress)
    let label = session.styler.accent("hint: ")
    switch hint {
    case .advice(let advice):
      return CommandOutput(
        text: LabFlow.markdown(advice, session: session, hanging: (label, 6)),
        json: ["hint": LabFlow.expand(advice, session: session)])
    case .command(let command):
      // On a line of its own and never wrapped, so that it can be copied whole.
      let shown = LabFlow.expand(command, session: session)
      return CommandOutput(
        text: label + "type this:\n      " + session.styler.bold(shown.sanitizedForTerminal) + "\n",
        json: ["hint": "Type: " + shown, "command": shown])
    }
  }
}

struct LabSkip: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "skip", abstract: "Skip the current step.")
  func execute(in session: Session) throws -> CommandOutput {
    var (lab, progress) = try LabFlow.active(in: session)
    let now = try session.withSandbox { _, now, _ in now }.now
    guard let skipped = progress.skip(lab: lab, now: now) else {
      return CommandOutput(text: "Nothing to skip: the lab is finished.\n", json: ["skipped": ""])
    }
    try session.save(progress)
    var text = "Skipped '\(skipped.title)'.\n"
    text +=
      progress.finishedAt != nil
      ? LabFlow.debrief(lab: lab, session: session) : LabFlow.renderStep(lab: lab, progress: progress, session: session)
    return CommandOutput(text: text, json: LabFlow.StepJSON(lab: lab, progress: progress))
  }
}

struct LabReset: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "reset", abstract: "Forget a lab's progress.")
  @Argument(help: "The lab id (default: the lab in progress).") var id: String?

  func execute(in session: Session) throws -> CommandOutput {
    let lab = try id.map { try LabFlow.lab($0, in: session) } ?? LabFlow.active(in: session).0
    try session.store().deleteLabProgress(lab.id)
    return CommandOutput(
      text: "Progress in \(lab.id) forgotten; 'lab start \(lab.id)' begins it again. (The sandbox is unchanged: "
        + "'sandbox reset --yes' empties it.)\n",
      json: ["reset": lab.id])
  }
}
