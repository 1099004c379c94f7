import Anki
import ArgumentParser
import Core
import Foundation
import Interop
import SRS
import Store

/// `import anki|revlog`: material and history from other tools.
struct ImportCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Bring in cards or history from other tools: an Anki package, a review log.",
    discussion: "import anki FILE.apkg · import revlog FILE.csv. 'srs import-revlog' still works.",
    subcommands: [ImportAnki.self, ImportRevlog.self])

  func execute(in session: Session) throws -> CommandOutput {
    throw CommandFailure.usage("'import' needs a subcommand: anki or revlog (see 'help import')")
  }
}

/// `import revlog FILE`: the same as `srs import-revlog FILE`.
struct ImportRevlog: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "revlog", abstract: SrsImportRevlog.configuration.abstract)
  @Argument(help: "The revlog CSV.") var file: String

  func execute(in session: Session) throws -> CommandOutput {
    try SrsImportRevlog.parse(["--", file]).execute(in: session)
  }
}

/// `import anki FILE.apkg`: Basic and Cloze notes become your own flashcards, their history FSRS states.
struct ImportAnki: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "anki",
    abstract: "Import an Anki package's Basic and Cloze notes as your own flashcards, with their review history.",
    discussion: """
      The cards join 'review' (under 'Anki · DECK') and 'search'; their Anki reviews are replayed into FSRS \
      memory states with your parameters. Everything is imported in one transaction: a problem imports nothing. \
      Importing the same package again updates the cards and adds only new reviews. Media is not imported. \
      Packages from current Anki: export with "Support older Anki versions" ticked. See docs/anki.md.
      """)

  @Argument(help: "The Anki package (FILE.apkg or FILE.colpkg).") var file: String

  func execute(in session: Session) throws -> CommandOutput {
    let path = session.resolvePath(file)
    let store = try session.store()
    let scratch = AnkiScratch(session: session)
    defer { scratch.remove() }
    let package: AnkiPackage
    do {
      package = try AnkiPackageReader().read(packageAt: URL(fileURLWithPath: path), scratch: scratch.url)
    } catch {
      throw CommandFailure(
        message: "import anki: \(file.sanitizedForAnkiMessage): " + error.message,
        status: .failure)
    }
    // fmlab's own flashcards and exam items (a package fmlab exported, or an Anki collection holding one) are
    // here already; imported, they would come back as copies.
    let (foreign, own, ownReviews) = Self.separatingOwnNotes(package, ownGuids: Self.ownGuids(session: session))
    let notBroughtBack =
      ownReviews > 0
      ? "Their \(Plural.of(ownReviews, "review")) in Anki are not brought back (see docs/anki.md)."
      : "Reviews done on them in Anki would not be brought back (see docs/anki.md)."
    let converted = AnkiUserCards.make(from: foreign)
    if converted.cards.isEmpty && own > 0 {
      throw CommandFailure(
        message: "import anki: \(file.sanitizedForAnkiMessage) holds only fmlab's own flashcards and exam items "
          + "(\(Plural.of(own, "note")) exported by fmlab), which fmlab has already; nothing was imported. "
          + notBroughtBack,
        status: .failure)
    }
    guard !converted.cards.isEmpty else {
      throw CommandFailure(
        message:
          "import anki: \(file.sanitizedForAnkiMessage) has no Basic or Cloze note with text; nothing was imported.",
        status: .failure)
    }
    let source = (file as NSString).lastPathComponent.sanitizedForAnkiMessage
    let entries = converted.cards.flatMap { card in
      card.reviews.map {
        RevlogEntry(cardID: card.id, time: $0.time, rating: $0.rating, state: $0.kind, durationMs: $0.durationMs)
      }
    }
    let steps = RevlogReplay(scheduler: try session.scheduler()).replayStates(entries)
    var reviewsByCard: [String: [ImportedReview]] = [:]
    for step in steps {
      reviewsByCard[step.entry.cardID, default: []].append(
        ImportedReview(
          cardId: step.entry.cardID, rating: step.entry.rating, at: step.entry.time, elapsedMs: step.entry.durationMs,
          before: step.before, after: step.after))
    }
    let imports = converted.cards.map { card in
      UserCardImport(
        card: UserCard(
          id: card.id, noteGuid: card.noteGuid, ord: card.ord, noteKind: card.kind == .cloze ? .cloze : .basic,
          front: card.front, back: card.back, tags: card.tags, deck: card.deck, source: source),
        reviews: reviewsByCard[card.id] ?? [])
    }
    let stored = try store.importUserCards(imports, at: session.now)
    let result = Result(
      file: file, notes: foreign.notes.count, cards: imports.count, added: stored.added, updated: stored.updated,
      reviews: stored.reviews, knownReviews: stored.knownReviews, ownNotes: own, ownReviews: ownReviews,
      skippedNotes: converted.skippedNotes,
      skippedReviews: converted.skippedReviews, mediaNotImported: package.mediaEntries)
    return CommandOutput(text: Self.render(result), json: result)
  }

  /// The GUIDs fmlab gives its flashcards and exam items when it exports them (none when the content cannot be
  /// read; fmlab's note types still mark its notes then).
  static func ownGuids(session: Session) -> Set<String> {
    guard let content = try? session.content() else { return [] }
    let flashcards = content.topics.flatMap { $0.flashcards.map { "flashcard:" + $0.id } }
    let items = content.items.flatMap { $0.type == .caseStudy ? $0.questions : [$0] }.map { "item:" + $0.id }
    return Set((flashcards + items).map(AnkiIdentity.guid(for:)))
  }

  /// `package` without the notes that are fmlab's own — of fmlab's note types, or with the GUID fmlab gives one of
  /// its flashcards or items — nor their cards and reviews; and how many notes and reviews were left out.
  static func separatingOwnNotes(
    _ package: AnkiPackage, ownGuids: Set<String>
  ) -> (AnkiPackage, own: Int, ownReviews: Int) {
    let ownTypes: Set<Int64> = [AnkiIdentity.flashcardNoteTypeID, AnkiIdentity.examItemNoteTypeID]
    var foreign = package
    foreign.notes = package.notes.filter { !ownTypes.contains($0.noteTypeID) && !ownGuids.contains($0.guid) }
    let own = package.notes.count - foreign.notes.count
    guard own > 0 else { return (package, 0, 0) }
    let ownNoteIDs = Set(package.notes.map(\.id)).subtracting(foreign.notes.map(\.id))
    let ownCardIDs = Set(package.cards.filter { ownNoteIDs.contains($0.noteID) }.map(\.id))
    foreign.cards = package.cards.filter { !ownCardIDs.contains($0.id) }
    foreign.revlog = package.revlog.filter { !ownCardIDs.contains($0.cardID) }
    return (foreign, own, package.revlog.count - foreign.revlog.count)
  }

  static func render(_ result: Result) -> String {
    var text = "Imported \(Plural.of(result.cards, "card")) from \(Plural.of(result.notes, "note")) of "
    text += "\(result.file.sanitizedForAnkiMessage): \(result.added) new, \(result.updated) updated; "
    text += "\(Plural.of(result.reviews, "review")) replayed into FSRS"
    if result.knownReviews > 0 { text += " (\(DigitGrouping.grouped(result.knownReviews)) already imported)" }
    text += ".\n"
    if result.ownNotes > 0 {
      text +=
        "Left out \(Plural.of(result.ownNotes, "note")) that are fmlab's own flashcards and exam items "
        + "(fmlab has them already)"
        + (result.ownReviews > 0
          ? "; their \(Plural.of(result.ownReviews, "review")) in Anki are not brought back" : "")
        + ".\n"
    }
    if result.skippedNotes > 0 { text += "Skipped \(Plural.of(result.skippedNotes, "note")) with no usable text.\n" }
    if result.skippedReviews > 0 {
      text += "Left out \(Plural.of(result.skippedReviews, "review-log row")) (manual reschedules or unknown cards).\n"
    }
    if result.mediaNotImported > 0 {
      text += "\(Plural.of(result.mediaNotImported, "media file")) in the package: media not imported.\n"
    }
    text += "They are in 'review' now (topic 'anki'; 'review --cram anki' studies them ahead).\n"
    return text
  }

  struct Result: Encodable, Sendable {
    var file: String
    var notes: Int
    var cards: Int
    var added: Int
    var updated: Int
    var reviews: Int
    var knownReviews: Int
    /// Notes left out because they are fmlab's own flashcards and exam items.
    var ownNotes: Int
    /// Anki reviews of those notes' cards, not brought back.
    var ownReviews: Int
    var skippedNotes: Int
    var skippedReviews: Int
    var mediaNotImported: Int
  }
}
