import Foundation
import GRDB

/// Reads a schema-11 Anki collection (the SQLite file inside a package) through a read-only connection.
enum AnkiCollectionReader {
  static func read(path: String, entry: String) throws(AnkiError) -> AnkiPackage {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadableCollection(entry: entry, reason: "it could not be opened")
    }
    let head = (try? handle.read(upToCount: 16)) ?? Data()
    try? handle.close()
    guard head == Data("SQLite format 3\0".utf8) else { throw .notSQLite(entry: entry) }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA trusted_schema = OFF")
      try db.execute(sql: "PRAGMA cell_size_check = ON")
    }
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      return try queue.read { db in try read(db, entry: entry) }
    } catch let error as AnkiError {
      throw error
    } catch let error as DatabaseError {
      if error.resultCode == .SQLITE_NOTADB { throw .notSQLite(entry: entry) }
      throw .unreadableCollection(entry: entry, reason: error.message ?? "\(error.resultCode)")
    } catch {
      throw .unreadableCollection(entry: entry, reason: "\(error)")
    }
  }

  private static func read(_ db: Database, entry: String) throws -> AnkiPackage {
    for table in ["col", "notes", "cards"] where try !db.tableExists(table) {
      throw AnkiError.unreadableCollection(entry: entry, reason: "it has no '\(table)' table")
    }
    guard let col = try Row.fetchOne(db, sql: "SELECT crt, models, decks FROM col LIMIT 1") else {
      throw AnkiError.unreadableCollection(entry: entry, reason: "its 'col' table is empty")
    }
    let modelsText = text(col, "models") ?? ""
    let noteTypes = try noteTypes(fromJSON: modelsText, entry: entry)
    if noteTypes.isEmpty, try db.tableExists("notetypes") {
      throw AnkiError.compressedCollectionUnsupported
    }
    let decks = (try? decks(fromJSON: text(col, "decks") ?? "{}")) ?? [:]
    var notes: [AnkiPackage.Note] = []
    let noteRows = try Row.fetchCursor(db, sql: "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id")
    while let row = try noteRows.next() {
      guard let id = int(row, "id") else {
        throw AnkiError.unreadableCollection(entry: entry, reason: "a note has no id")
      }
      let fields = text(row, "flds") ?? ""
      let tags = text(row, "tags") ?? ""
      notes.append(
        AnkiPackage.Note(
          id: id, guid: text(row, "guid") ?? "", noteTypeID: int(row, "mid") ?? 0,
          fields: fields.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init),
          tags: tags.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)))
    }
    var cards: [AnkiPackage.Card] = []
    let cardRows = try Row.fetchCursor(
      db, sql: "SELECT id, nid, ord, did, type, queue, due, ivl, reps, lapses FROM cards ORDER BY id")
    while let row = try cardRows.next() {
      guard let id = int(row, "id") else {
        throw AnkiError.unreadableCollection(entry: entry, reason: "a card has no id")
      }
      cards.append(
        AnkiPackage.Card(
          id: id, noteID: int(row, "nid") ?? 0, ord: small(row, "ord"), deckID: int(row, "did") ?? 0,
          type: small(row, "type"), queue: small(row, "queue"), due: int(row, "due") ?? 0,
          interval: small(row, "ivl"), reps: small(row, "reps"), lapses: small(row, "lapses")))
    }
    var revlog: [AnkiPackage.Review] = []
    if try db.tableExists("revlog") {
      let rows = try Row.fetchCursor(
        db, sql: "SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id")
      while let row = try rows.next() {
        // The id is the review time in milliseconds; a row without one cannot be placed in time.
        // By position (the columns as selected): the review log is the largest table.
        guard let id = int(row, 0) else { continue }
        revlog.append(
          AnkiPackage.Review(
            id: id, cardID: int(row, 1) ?? 0, ease: small(row, 2), interval: small(row, 3), lastInterval: small(row, 4),
            factor: small(row, 5), time: small(row, 6), type: small(row, 7)))
      }
    }
    return AnkiPackage(
      collectionEntry: entry, collectionCreated: int(col, "crt") ?? 0, noteTypes: noteTypes, decks: decks, notes: notes,
      cards: cards, revlog: revlog, mediaEntries: 0)
  }

  /// A column as an integer, or nil when it is NULL or not a number that fits (hostile files: never a trap).
  static func int(_ row: Row, _ column: String) -> Int64? {
    int(row[column] as DatabaseValue)
  }

  /// The column at `index` as an integer (see ``int(_:_:)``).
  static func int(_ row: Row, _ index: Int) -> Int64? {
    int(row[index] as DatabaseValue)
  }

  static func int(_ value: DatabaseValue) -> Int64? {
    switch value.storage {
    case .int64(let number): return number
    case .double(let number): return number.isFinite && abs(number) < 9.0e18 ? Int64(number) : nil
    case .string(let string): return Int64(string)
    case .null, .blob: return nil
    }
  }

  /// A column as an `Int`, clamped to ±2³¹ (counts, ordinals, intervals), 0 when missing.
  static func small(_ row: Row, _ column: String) -> Int {
    Int(max(Int64(Int32.min), min(Int64(Int32.max), int(row, column) ?? 0)))
  }

  /// The column at `index` as a clamped `Int` (see ``small(_:_:)``).
  static func small(_ row: Row, _ index: Int) -> Int {
    Int(max(Int64(Int32.min), min(Int64(Int32.max), int(row, index) ?? 0)))
  }

  /// A column as text (numbers and blobs converted), or nil when NULL.
  static func text(_ row: Row, _ column: String) -> String? {
    let value: DatabaseValue = row[column]
    switch value.storage {
    case .string(let string): return string
    case .int64(let number): return String(number)
    case .double(let number): return String(number)
    case .blob(let data): return String(decoding: data, as: UTF8.self)
    case .null: return nil
    }
  }

  static func noteTypes(fromJSON text: String, entry: String) throws -> [Int64: AnkiPackage.NoteType] {
    guard
      let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
      let models = object as? [String: Any]
    else {
      throw AnkiError.unreadableCollection(entry: entry, reason: "its note types (col.models) are not JSON")
    }
    var result: [Int64: AnkiPackage.NoteType] = [:]
    for (key, value) in models {
      guard let model = value as? [String: Any], let id = Int64(key) ?? (model["id"] as? NSNumber)?.int64Value
      else { continue }
      let fields = (model["flds"] as? [[String: Any]] ?? [])
        .sorted { ($0["ord"] as? Int ?? 0) < ($1["ord"] as? Int ?? 0) }
        .map { $0["name"] as? String ?? "" }
      result[id] = AnkiPackage.NoteType(
        id: id, name: model["name"] as? String ?? "", isCloze: (model["type"] as? Int) == 1, fields: fields)
    }
    return result
  }

  static func decks(fromJSON text: String) throws -> [Int64: String] {
    guard let decks = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [:] }
    var result: [Int64: String] = [:]
    for (key, value) in decks {
      guard let deck = value as? [String: Any], let id = Int64(key), let name = deck["name"] as? String else {
        continue
      }
      result[id] = name.replacingOccurrences(of: "\u{1F}", with: "::")
    }
    return result
  }
}

extension AnkiPackage {
  /// Whether this is the one-note stub current Anki writes for old versions ("Please update to the latest Anki
  /// version…").
  var isUpdateStub: Bool {
    notes.count == 1 && (notes.first?.fields.first ?? "").hasPrefix("Please update to the latest Anki version")
  }
}
