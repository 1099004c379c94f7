import Anki
import ArgumentParser
import Core
import Foundation
import Store

/// `export stats|anki|revlog`: everything fmlab writes for other tools.
struct ExportCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write your material or history for other tools: an Anki package, statistics, a review log.",
    discussion: """
      export anki FILE.apkg [--domain N] [--objective ID] [--flashcards] [--items] [--with-schedule] · \
      export stats FILE.csv|FILE.json · export revlog FILE.csv. 'export-stats' and 'srs export-revlog' still work.
      """,
    subcommands: [ExportAnki.self, ExportStats.self, ExportRevlog.self])

  func execute(in session: Session) throws -> CommandOutput {
    throw CommandFailure.usage("'export' needs a subcommand: anki, stats or revlog (see 'help export')")
  }
}

/// `export stats FILE`: the same as `export-stats FILE`.
struct ExportStats: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats", abstract: ExportStatsCommand.configuration.abstract)
  @Argument(help: "The file to write (.json or .csv).") var file: String

  func execute(in session: Session) throws -> CommandOutput {
    try ExportStatsCommand.parse(["--", file]).execute(in: session)
  }
}

/// `export revlog FILE`: the same as `srs export-revlog FILE`.
struct ExportRevlog: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "revlog", abstract: SrsExportRevlog.configuration.abstract)
  @Argument(help: "The CSV file to write (an existing file is replaced).") var file: String

  func execute(in session: Session) throws -> CommandOutput {
    try SrsExportRevlog.parse(["--", file]).execute(in: session)
  }
}

/// `export anki FILE.apkg`: flashcards and scored exam items as an Anki package.
struct ExportAnki: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "anki",
    abstract: "Write flashcards and exam items as an Anki package (.apkg) for Anki, AnkiDroid or AnkiMobile.",
    discussion: """
      Two note types (fmlab flashcard, fmlab exam item), tagged fmlab::domain::N, fmlab::objective::ID and \
      fmlab::topic::ID. Exporting again and importing into Anki updates the notes instead of adding copies. \
      --with-schedule carries each card's FSRS memory state and due date over (turn FSRS on in Anki's deck \
      options). See docs/anki.md.
      """)

  @Argument(help: "The package to write (FILE.apkg; an existing file is replaced).") var file: String
  @Option(help: "Only this exam domain (1–5).") var domain: Int?
  @Option(help: "Only this objective (e.g. 3.1 or 3.1.2) and those under it.") var objective: String?
  @Flag(help: "Flashcards (with --items: both; neither: both).") var flashcards = false
  @Flag(help: "Scored exam items.") var items = false
  @Flag(help: "Include each card's schedule and FSRS memory state.") var withSchedule = false

  func validate() throws {
    guard file.lowercased().hasSuffix(".apkg") else {
      throw ValidationError("the package must be named FILE.apkg (Anki imports only .apkg files)")
    }
  }

  func execute(in session: Session) throws -> CommandOutput {
    let content = try session.content()
    if let domain, content.guide.domain(domain) == nil {
      throw CommandFailure.usage(
        "there is no domain \(domain); the exam has domains 1 to \(content.guide.domains.count)")
    }
    var builder = AnkiExportBuilder(
      content: content, domain: domain, objective: objective, flashcards: flashcards || !items,
      items: items || !flashcards)
    if withSchedule {
      let store = try session.store()
      builder.schedules = Dictionary(try store.cards().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      let values = try session.scheduler().config.parameters.values
      builder.decay = values.count > 20 ? values[20] : nil
    }
    let export = builder.build()
    let path = session.resolvePath(file)
    let scratch = AnkiScratch(session: session)
    defer { scratch.remove() }
    let summary: AnkiPackageWriter.Summary
    do {
      summary = try AnkiPackageWriter(now: session.now).write(
        export, to: URL(fileURLWithPath: path), scratch: scratch.url)
    } catch {
      throw CommandFailure(
        message: "export anki: " + error.message, status: error == .nothingToExport ? .usage : .failure)
    }
    var text =
      "Wrote \(file.sanitizedForAnkiMessage): \(summary.flashcards) flashcard\(summary.flashcards == 1 ? "" : "s")"
    text += " and \(summary.examItems) exam item\(summary.examItems == 1 ? "" : "s")"
    if withSchedule { text += ", \(summary.scheduledCards) with a schedule" }
    text += " (\(summary.bytes / 1024) KB).\n"
    text += "In Anki: File → Import… (on a phone: share the file to AnkiDroid or AnkiMobile).\n"
    return CommandOutput(text: text, json: Result(file: file, summary: summary, withSchedule: withSchedule))
  }

  struct Result: Encodable, Sendable {
    var file: String
    var summary: AnkiPackageWriter.Summary
    var withSchedule: Bool
  }
}

/// A scratch folder inside the data directory for building or inflating a collection, removed afterwards.
struct AnkiScratch {
  let url: URL

  init(session: Session) {
    let base = session.configuration.dataDirectory
    url = URL(fileURLWithPath: base).appendingPathComponent(".anki-scratch-\(UUID().uuidString.prefix(8))")
  }

  func remove() { try? FileManager.default.removeItem(at: url) }
}

extension String {
  /// A file name as typed, safe to echo.
  var sanitizedForAnkiMessage: String { AnkiText.sanitized(self) }
}
