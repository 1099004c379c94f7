import ArgumentParser
import Core
import Foundation
import Interop
import SRS
import Store

struct SrsCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "srs",
    abstract: "The spaced-repetition engine: fit FSRS to your history, import, export and replay review logs.",
    discussion:
      "Review logs use the FSRS ecosystem's CSV: card_id,review_time,review_rating,review_state,review_duration.",
    subcommands: [SrsOptimize.self, SrsImportRevlog.self, SrsExportRevlog.self, SrsReplay.self])

  func execute(in session: Session) throws -> CommandOutput {
    throw CommandFailure.usage(
      "'srs' needs a subcommand: optimize, import-revlog, export-revlog or replay (see 'help srs')")
  }
}

/// Reads a revlog file all-or-nothing, turning every problem into one message with line numbers.
func readRevlog(_ path: String, session: Session) throws -> RevlogImport {
  let resolved = session.resolvePath(path)
  switch RevlogReader().parse(fileAt: URL(fileURLWithPath: resolved)) {
  case .success(let parsed): return parsed
  case .failure(let errors):
    throw CommandFailure(message: "\(path): nothing was imported.\n\(errors)", status: errors.exitStatus)
  }
}

struct SrsImportRevlog: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-revlog",
    abstract: "Import a review log; it joins your history (for 'srs optimize') in one transaction.")

  @Argument(help: "The revlog CSV (review_time in Unix milliseconds or ISO 8601; review_rating 1–4).")
  var file: String

  func execute(in session: Session) throws -> CommandOutput {
    let parsed = try readRevlog(file, session: session)
    let scheduler = try session.scheduler()
    let steps = RevlogReplay(scheduler: scheduler).replayStates(parsed.entries)
    let store = try session.store()
    let imported = try store.importReviews(
      steps.map {
        ImportedReview(
          cardId: "revlog:" + $0.entry.cardID, rating: $0.entry.rating, at: $0.entry.time,
          elapsedMs: $0.entry.durationMs, before: $0.before, after: $0.after)
      }, at: session.now)
    let summary = ImportSummary(
      file: file, reviews: imported.reviews, cards: imported.cards, skipped: parsed.summary.skippedCount)
    return CommandOutput(
      text: "Imported \(Plural.of(summary.reviews, "review")) of \(Plural.of(summary.cards, "card")) from \(file)"
        + (summary.skipped > 0 ? " (skipped \(summary.skipped) manual or rescheduled rows)" : "") + ".\n",
      json: summary)
  }

  struct ImportSummary: Encodable, Sendable {
    var file: String
    var reviews: Int
    var cards: Int
    var skipped: Int
  }
}

struct SrsExportRevlog: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-revlog", abstract: "Write your review history as a revlog CSV (cram answers left out).")

  @Argument(help: "The CSV file to write (an existing file is replaced).")
  var file: String

  func execute(in session: Session) throws -> CommandOutput {
    let reviews = try session.store().reviews().filter { $0.mode != .cram }
    let entries = reviews.map {
      RevlogEntry(
        cardID: $0.cardId.hasPrefix("revlog:") ? String($0.cardId.dropFirst("revlog:".count)) : $0.cardId,
        time: $0.reviewedAt, rating: $0.rating, state: RevlogEntry.reviewState(of: $0.stateBefore),
        durationMs: $0.elapsedMs)
    }
    let path = session.resolvePath(file)
    do {
      try RevlogWriter().write(entries, to: URL(fileURLWithPath: path))
    } catch {
      throw CommandFailure(message: "cannot write \(file): \(error)", status: .failure)
    }
    return CommandOutput(
      text: "Wrote \(Plural.of(entries.count, "review")) to \(file).\n",
      json: ["file": file, "reviews": "\(entries.count)"])
  }
}

struct SrsReplay: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Replay a revlog with your FSRS parameters: the memory state after every review (--json: one per line).")

  @Argument(help: "The revlog CSV.")
  var file: String

  func execute(in session: Session) throws -> CommandOutput {
    let parsed = try readRevlog(file, session: session)
    let steps = RevlogReplay(scheduler: try session.scheduler()).replay(parsed.entries)
    if session.json {
      for step in steps { session.emitJSON(step, type: "replay") }
      return CommandOutput(text: "", json: ["reviews": steps.count])
    }
    var text = "card                 review  rating  elapsed  R before  stability  difficulty  state\n"
    for step in steps {
      let elapsed = step.elapsedDays.map { "\($0)d" } ?? "-"
      text += String(
        format: "%-20@ %6d  %-6@  %7@  %8.4f  %9.4f  %10.4f  %@\n", String(step.cardID.prefix(20)) as NSString,
        step.reviewIndex, step.rating.description as NSString, elapsed as NSString, step.retrievabilityBefore,
        step.stability, step.difficulty, step.state.rawValue as NSString)
    }
    return CommandOutput(text: text, json: ["reviews": steps.count])
  }
}
