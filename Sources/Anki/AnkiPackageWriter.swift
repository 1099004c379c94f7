import Foundation
import GRDB
import SRS
import ZIPFoundation

/// Writes fmlab's notes as an Anki package (`.apkg`): a zip holding a schema-11 `collection.anki2`, which every
/// Anki version imports, and an empty `media` list.
///
/// Note GUIDs, note-type ids and deck ids are stable (see ``AnkiIdentity``), so importing a newer export updates
/// the notes already in Anki. With schedules, each card carries its type, queue, due, interval, counts and the
/// FSRS memory state in `cards.data` (`s`, `d`, `lrt`, `decay`), the way current Anki keeps it.
public struct AnkiPackageWriter: Sendable {
  /// The time written as modification times and the base of due days (`col.crt` is the start of its UTC day).
  public let now: Date

  /// Creates a writer for the given instant.
  public init(now: Date) {
    self.now = now
  }

  /// What a written package holds.
  public struct Summary: Sendable, Equatable, Encodable {
    public var notes: Int
    public var flashcards: Int
    public var examItems: Int
    public var scheduledCards: Int
    public var bytes: Int
  }

  /// The collection's creation time: the start of `now`'s UTC day, in seconds.
  public var collectionCreated: Int64 { Int64((now.timeIntervalSince1970 / 86_400).rounded(.down)) * 86_400 }

  /// Writes `export` to `destination`, replacing it only once the package is complete. `scratch` is a directory
  /// the caller owns, for the collection while it is built.
  public func write(_ export: AnkiExport, to destination: URL, scratch: URL) throws(AnkiError) -> Summary {
    guard !export.flashcards.isEmpty || !export.examItems.isEmpty else { throw .nothingToExport }
    let collectionURL = scratch.appendingPathComponent("collection.anki2")
    let partial = destination.deletingLastPathComponent()
      .appendingPathComponent("." + destination.lastPathComponent + ".partial")
    let files = FileManager.default
    defer {
      try? files.removeItem(at: collectionURL)
      try? files.removeItem(at: partial)
    }
    var summary = Summary(notes: 0, flashcards: 0, examItems: 0, scheduledCards: 0, bytes: 0)
    do {
      try files.createDirectory(at: scratch, withIntermediateDirectories: true)
      try? files.removeItem(at: collectionURL)
      summary = try buildCollection(export, at: collectionURL.path)
    } catch {
      throw .cannotWrite(path: scratch.path, reason: "\(error)")
    }
    do {
      try? files.removeItem(at: partial)
      let archive = try Archive(url: partial, accessMode: .create)
      try archive.addEntry(
        with: "collection.anki2", fileURL: collectionURL, compressionMethod: .deflate)
      let media = Data("{}".utf8)
      try archive.addEntry(
        with: "media", type: .file, uncompressedSize: Int64(media.count), modificationDate: now,
        compressionMethod: .none,
        provider: { position, size in media.subdata(in: Int(position)..<Int(position) + size) }
      )
      if files.fileExists(atPath: destination.path) { try files.removeItem(at: destination) }
      try files.moveItem(at: partial, to: destination)
      summary.bytes = (try files.attributesOfItem(atPath: destination.path)[.size] as? Int) ?? 0
    } catch {
      throw .cannotWrite(path: destination.path, reason: "\(error)")
    }
    return summary
  }

  private func buildCollection(_ export: AnkiExport, at path: String) throws -> Summary {
    var configuration = Configuration()
    configuration.journalMode = .default
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    let modified = Int64(now.timeIntervalSince1970)
    let modifiedMs = Int64(now.timeIntervalSince1970 * 1000)
    var summary = Summary(notes: 0, flashcards: 0, examItems: 0, scheduledCards: 0, bytes: 0)
    try queue.inTransaction { db in
      try db.execute(sql: AnkiCollectionSchema.tables)
      try db.execute(
        sql: "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
        arguments: [
          collectionCreated, modifiedMs, modifiedMs,
          AnkiCollectionSchema.json(AnkiCollectionSchema.conf(modified: modified)),
          AnkiCollectionSchema.json(AnkiNoteTypes.models(modified: modified)),
          AnkiCollectionSchema.json(AnkiCollectionSchema.decks(modified: modified)),
          AnkiCollectionSchema.json(AnkiCollectionSchema.deckConfig()),
        ])
      let note = try db.makeStatement(sql: "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, 0, 0, '')")
      let card = try db.makeStatement(
        sql: "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)")
      var position = 0
      func add(
        key: String, type: Int64, deck: Int64, fields: [String], sort: String, tags: [String],
        schedule: AnkiCardSchedule?
      ) throws {
        position += 1
        let noteID = AnkiIdentity.rowID(for: "note:" + key)
        try note.execute(arguments: [
          noteID, AnkiIdentity.guid(for: key), type, modified, Self.tagList(tags),
          fields.joined(separator: "\u{1F}"), sort,
        ])
        let row = cardRow(schedule, position: position)
        if schedule != nil && row.type != 0 { summary.scheduledCards += 1 }
        try card.execute(arguments: [
          AnkiIdentity.rowID(for: "card:" + key), noteID, deck, modified, row.type, row.queue, row.due, row.interval,
          row.factor, row.reps, row.lapses, row.left, row.data,
        ])
      }
      for flashcard in export.flashcards {
        try add(
          key: "flashcard:" + flashcard.id, type: AnkiIdentity.flashcardNoteTypeID, deck: AnkiIdentity.flashcardDeckID,
          fields: [flashcard.front, flashcard.back, flashcard.topic, flashcard.source].map(AnkiText.html),
          sort: flashcard.front, tags: flashcard.tags, schedule: flashcard.schedule)
        summary.flashcards += 1
      }
      for item in export.examItems {
        try add(
          key: "item:" + item.id, type: AnkiIdentity.examItemNoteTypeID, deck: AnkiIdentity.examItemDeckID,
          fields: [
            AnkiText.html(item.stem), Self.list(item.options), AnkiText.html(item.answer),
            Self.list(item.explanations), AnkiText.html(item.objective), AnkiText.html(item.itemType),
            AnkiText.html(item.source),
          ], sort: item.stem, tags: item.tags, schedule: item.schedule)
        summary.examItems += 1
      }
      summary.notes = summary.flashcards + summary.examItems
      return .commit
    }
    try queue.close()
    return summary
  }

  /// An ordered list with letters (A, B, C…) as Anki shows options.
  static func list(_ entries: [String]) -> String {
    "<ol type=\"A\">" + entries.map { "<li>" + AnkiText.html($0) + "</li>" }.joined() + "</ol>"
  }

  /// Anki's tag column: space-separated, with a space at each end; spaces inside a tag become underscores.
  static func tagList(_ tags: [String]) -> String {
    let clean = tags.map { String($0.map { $0.isWhitespace ? "_" : $0 }) }.filter { !$0.isEmpty }
    return clean.isEmpty ? "" : " " + clean.joined(separator: " ") + " "
  }

  struct CardRow {
    var type = 0
    var queue = 0
    var due: Int64 = 0
    var interval = 0
    var factor = 0
    var reps = 0
    var lapses = 0
    var left = 0
    var data = "{}"
  }

  /// The `cards` row for a schedule: new cards by position; learning cards due at a Unix time; review cards due
  /// on a day counted from `col.crt`; the memory state in `data`.
  func cardRow(_ schedule: AnkiCardSchedule?, position: Int) -> CardRow {
    var row = CardRow(due: Int64(position))
    guard let schedule, let plan = schedule.state.schedule else { return row }
    row.reps = schedule.reps
    row.lapses = schedule.lapses
    row.factor = 2500
    row.interval = max(1, Int((plan.scheduledInterval / 86_400).rounded()))
    switch schedule.state {
    case .new: return CardRow(due: Int64(position))
    case .learning:
      (row.type, row.queue, row.due, row.interval, row.left) = (1, 1, Int64(plan.due.timeIntervalSince1970), 0, 1)
    case .relearning:
      (row.type, row.queue, row.due, row.left) = (3, 1, Int64(plan.due.timeIntervalSince1970), 1)
    case .review:
      row.type = 2
      row.queue = 2
      row.due = Int64(((plan.due.timeIntervalSince1970 - Double(collectionCreated)) / 86_400).rounded(.down))
    }
    var data: [String: Any] = [
      "s": Self.rounded(plan.memory.stability), "d": Self.rounded(plan.memory.difficulty),
      "lrt": Int64(plan.lastReview.timeIntervalSince1970),
    ]
    if let decay = schedule.decay { data["decay"] = Self.rounded(decay) }
    row.data = AnkiCollectionSchema.json(data)
    return row
  }

  static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
