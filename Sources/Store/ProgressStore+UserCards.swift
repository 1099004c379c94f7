import Foundation
import GRDB
import SRS

/// A flashcard the learner brought in (from an Anki package), kept apart from the shipped content.
///
/// Its id is also its row in the card table (`anki:<note guid>:<card ordinal>`), where its FSRS state and reviews
/// live, so the review queue serves it like any flashcard.
public struct UserCard: Sendable, Equatable, Encodable {
  /// The kind of Anki note the card came from.
  public enum NoteKind: String, Sendable, Codable {
    case basic, cloze
  }

  public var id: String
  public var noteGuid: String
  public var ord: Int
  public var noteKind: NoteKind
  /// Plain text, already sanitised.
  public var front: String
  public var back: String
  public var tags: [String]
  public var deck: String
  /// The package's file name.
  public var source: String

  /// Creates a user card.
  public init(
    id: String, noteGuid: String, ord: Int, noteKind: NoteKind, front: String, back: String, tags: [String],
    deck: String, source: String
  ) {
    self.id = id
    self.noteGuid = noteGuid
    self.ord = ord
    self.noteKind = noteKind
    self.front = front
    self.back = back
    self.tags = tags
    self.deck = deck
    self.source = source
  }
}

/// A user card to import with its replayed history.
public struct UserCardImport: Sendable {
  public var card: UserCard
  /// Its reviews with the states a replay gave them, oldest first.
  public var reviews: [ImportedReview]

  /// Creates an import.
  public init(card: UserCard, reviews: [ImportedReview]) {
    self.card = card
    self.reviews = reviews
  }
}

/// What an import changed.
public struct UserCardImportSummary: Sendable, Equatable, Encodable {
  /// Cards that were not stored before.
  public var added: Int
  /// Cards already stored (same note GUID and ordinal), their text refreshed.
  public var updated: Int
  /// Reviews stored now (reviews already imported are never stored twice).
  public var reviews: Int
  /// Reviews skipped because they were imported before.
  public var knownReviews: Int

  /// Creates a summary.
  public init(added: Int, updated: Int, reviews: Int, knownReviews: Int) {
    self.added = added
    self.updated = updated
    self.reviews = reviews
    self.knownReviews = knownReviews
  }
}

extension ProgressStore {
  /// Imports user cards and their history in one transaction: every card or none.
  ///
  /// A card already stored keeps its id and its schedule; its text, tags and deck are refreshed. A review already
  /// imported (same card, same millisecond) is skipped, so importing the same package again changes nothing. A new
  /// review moves the card's state only when it is not older than the card's last review in fmlab.
  public func importUserCards(_ imports: [UserCardImport], at now: Date) throws(StoreError) -> UserCardImportSummary {
    try write { db in
      // A large deck touches many pages: a bigger page cache for this transaction keeps it from spilling early.
      let previousCache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
      try db.execute(sql: "PRAGMA cache_size = -65536")
      defer { try? db.execute(sql: "PRAGMA cache_size = \(previousCache)") }
      var summary = UserCardImportSummary(added: 0, updated: 0, reviews: 0, knownReviews: 0)
      let exists = try db.makeStatement(sql: "SELECT 1 FROM userCard WHERE id = ?")
      let upsert = try db.makeStatement(
        sql: """
          INSERT INTO userCard(id, noteGuid, ord, noteKind, front, back, tags, deck, source, importedAt, updatedAt)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT(id) DO UPDATE SET front = excluded.front, back = excluded.back, tags = excluded.tags,
            deck = excluded.deck, source = excluded.source, noteKind = excluded.noteKind, updatedAt = excluded.updatedAt
          """)
      let addCard = try db.makeStatement(
        sql:
          "INSERT INTO card(id, kind, stateKind, addedAt) VALUES (?, 'flashcard', 'new', ?) ON CONFLICT(id) DO NOTHING"
      )
      let knownTimes = try db.makeStatement(
        sql: "SELECT reviewedAt FROM review WHERE cardId = ? AND mode = 'import'")
      let lastReview = try db.makeStatement(sql: "SELECT lastReview FROM card WHERE id = ?")
      let insert = try db.makeStatement(
        sql: """
          INSERT INTO review(cardId, reviewedAt, rating, elapsedMs, mode, stateBefore, stateAfter)
          VALUES (?, ?, ?, ?, 'import', ?, ?)
          """)
      let moveCard = try db.makeStatement(
        sql: """
          UPDATE card SET stateKind = ?, step = ?, stability = ?, difficulty = ?, due = ?, lastReview = ?,
            scheduledInterval = ?, reps = reps + ?, lapses = lapses + ?
          WHERE id = ?
          """)
      // A replayed review starts from the state the one before it ended in: its JSON is reused.
      var previous: (state: CardState, json: String)? = nil
      func json(_ state: CardState) throws -> String {
        if let previous, previous.state == state { return previous.json }
        let text = try Self.fastJSON(state) ?? Self.json(state)
        previous = (state, text)
        return text
      }
      let importedAt = Self.storageString(now)
      for entry in imports {
        let card = entry.card
        let existed = try Bool.fetchOne(exists, arguments: [card.id]) ?? false
        if existed { summary.updated += 1 } else { summary.added += 1 }
        let tags = String(decoding: try JSONEncoder().encode(card.tags), as: UTF8.self)
        try upsert.execute(arguments: [
          card.id, card.noteGuid, card.ord, card.noteKind.rawValue, card.front, card.back, tags, card.deck,
          card.source, importedAt, importedAt,
        ])
        try addCard.execute(arguments: [card.id, importedAt])
        guard !entry.reviews.isEmpty else { continue }
        let known = existed ? Set(try String.fetchAll(knownTimes, arguments: [card.id])) : []
        var last = existed ? try Date.fetchOne(lastReview, arguments: [card.id]) : nil
        var final: CardState? = nil
        var reps = 0
        var lapses = 0
        for review in entry.reviews {
          let time = Self.storageString(review.at)
          if known.contains(time) {
            summary.knownReviews += 1
            continue
          }
          try insert.execute(arguments: [
            card.id, time, review.rating.rawValue, review.elapsedMs, try json(review.before), try json(review.after),
          ])
          summary.reviews += 1
          if last.map({ $0 <= review.at }) ?? true {
            last = review.at
            final = review.after
            reps += 1
            if review.rating == .again && review.before.kind == .review { lapses += 1 }
          }
        }
        if let state = final {
          try moveCard.execute(arguments: [
            state.kind.rawValue, state.step, state.memory?.stability, state.memory?.difficulty,
            state.due.map(Self.storageString), state.lastReview.map(Self.storageString), state.scheduledInterval, reps,
            lapses, card.id,
          ])
        }
      }
      return summary
    }
  }

  /// Every user card, in the order imported.
  public func userCards() throws(StoreError) -> [UserCard] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM userCard ORDER BY rowid").map { row in
        let tagsText: String = row["tags"]
        let tags = (try? JSONDecoder().decode([String].self, from: Data(tagsText.utf8))) ?? []
        return UserCard(
          id: row["id"], noteGuid: row["noteGuid"], ord: row["ord"],
          noteKind: UserCard.NoteKind(rawValue: row["noteKind"]) ?? .basic, front: row["front"], back: row["back"],
          tags: tags, deck: row["deck"], source: row["source"])
      }
    }
  }

  /// The same JSON as `json(_:)` (sorted keys, dates in milliseconds) written directly, about ten times faster;
  /// nil for a number the shortcut does not spell like JSONEncoder (exponents, non-finite), to use the encoder.
  static func fastJSON(_ state: CardState) -> String? {
    guard let schedule = state.schedule else { return state.kind == .new ? #"{"kind":"new"}"# : nil }
    func number(_ value: Double) -> String? {
      guard value.isFinite else { return nil }
      var text = value.description
      if text.utf8.contains(UInt8(ascii: "e")) { return nil }
      if text.utf8.last == UInt8(ascii: "0"), text.hasSuffix(".0") { text.removeLast(2) }
      return text
    }
    guard let difficulty = number(schedule.memory.difficulty),
      let due = number(schedule.due.timeIntervalSince1970 * 1000),
      let lastReview = number(schedule.lastReview.timeIntervalSince1970 * 1000),
      let interval = number(schedule.scheduledInterval), let stability = number(schedule.memory.stability)
    else { return nil }
    let step = state.step.map { #","step":\#($0)"# } ?? ""
    return #"{"difficulty":\#(difficulty),"due":\#(due),"kind":"\#(state.kind.rawValue)","lastReview":\#(lastReview),"#
      + #""scheduledInterval":\#(interval),"stability":\#(stability)\#(step)}"#
  }

  /// A date as GRDB stores it ("yyyy-MM-dd HH:mm:ss.SSS", UTC), written without a DateFormatter (1970–9999),
  /// which is what makes importing 100,000 reviews fast.
  static func storageString(_ date: Date) -> String {
    // Rounded to the nearest millisecond, as the formatter does.
    let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
    guard milliseconds >= 0, milliseconds < 2.5e14 else { return String.fromDatabaseValue(date.databaseValue) ?? "" }
    let total = Int64(milliseconds)
    let days = total / 86_400_000
    let rest = total % 86_400_000
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468
    let era = z / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func pad(_ value: Int64, _ width: Int) -> String {
      let text = String(value)
      return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + " " + pad(rest / 3_600_000, 2) + ":"
      + pad(rest / 60_000 % 60, 2) + ":" + pad(rest / 1000 % 60, 2) + "." + pad(rest % 1000, 3)
  }
}
