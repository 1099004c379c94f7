import Foundation
import GRDB
import SRS

/// A reviewable thing and its scheduling state, as stored.
public struct StoredCard: Equatable, Sendable {
  public enum Kind: String, Sendable, Codable {
    /// A knowledge-base flashcard; `quiz`: an exam item; `imported`: history from a revlog file.
    case flashcard, quiz, imported
  }

  public var id: String
  public var kind: Kind
  public var state: CardState
  public var reps: Int
  public var lapses: Int

  public init(id: String, kind: Kind, state: CardState, reps: Int = 0, lapses: Int = 0) {
    self.id = id
    self.kind = kind
    self.state = state
    self.reps = reps
    self.lapses = lapses
  }
}

/// An answer as the store recorded it: the review's id and the states the card moved between, both read and
/// written inside the one transaction that saved it.
public struct RecordedReview: Equatable, Sendable {
  /// The review row's id (for undo).
  public var id: Int64
  /// The card's state as stored when the answer was written.
  public var before: CardState
  /// The card's state after the answer (for cram answers: what it would have been; the card is unchanged).
  public var after: CardState
}

/// One logged answer.
public struct StoredReview: Equatable, Sendable {
  public enum Mode: String, Sendable, Codable {
    case review, cram, `import`
  }

  public var id: Int64
  public var cardId: String
  public var reviewedAt: Date
  public var rating: Rating
  public var elapsedMs: Int?
  public var mode: Mode
  public var stateBefore: CardState
  public var stateAfter: CardState
}

extension ProgressStore {
  static let stateEncoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    encoder.dateEncodingStrategy = .millisecondsSince1970
    return encoder
  }()
  static let stateDecoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .millisecondsSince1970
    return decoder
  }()

  /// Adds cards that are not stored yet as new cards; existing cards keep their state. One transaction.
  /// Returns how many were added.
  @discardableResult
  public func addCards(_ ids: [String], kind: StoredCard.Kind, at now: Date) throws(StoreError) -> Int {
    try write { db in
      var added = 0
      let statement = try db.makeStatement(
        sql: "INSERT INTO card(id, kind, stateKind, addedAt) VALUES (?, ?, 'new', ?) ON CONFLICT(id) DO NOTHING")
      for id in ids {
        try statement.execute(arguments: [id, kind.rawValue, now])
        added += db.changesCount
      }
      return added
    }
  }

  /// Every stored card.
  public func cards() throws(StoreError) -> [StoredCard] {
    try read { db in try Row.fetchAll(db, sql: "SELECT * FROM card ORDER BY id").map(Self.card(from:)) }
  }

  public func card(_ id: String) throws(StoreError) -> StoredCard? {
    try read { db in try Row.fetchOne(db, sql: "SELECT * FROM card WHERE id = ?", arguments: [id]).map(Self.card(from:))
    }
  }

  /// Records one answer with the states the caller gives: the review row and the card's new state, in one
  /// transaction. With `mode == .cram` the answer is logged but the card's schedule is left alone.
  ///
  /// `before` is taken on trust: only for callers that own the card (imports, tests). A study session uses
  /// `recordReview(cardId:rating:at:elapsedMs:mode:sessionId:schedule:)`, which reads the state inside the
  /// transaction, so another process's answer in between is never overwritten.
  @discardableResult
  public func recordReview(
    cardId: String, rating: Rating, at time: Date, elapsedMs: Int?, mode: StoredReview.Mode, before: CardState,
    after: CardState, sessionId: String?
  ) throws(StoreError) -> Int64 {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO review(cardId, reviewedAt, rating, elapsedMs, mode, stateBefore, stateAfter, sessionId)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          cardId, time, rating.rawValue, elapsedMs, mode.rawValue, try Self.json(before), try Self.json(after),
          sessionId,
        ])
      let reviewId = db.lastInsertedRowID
      if mode != .cram {
        try Self.update(db, cardId: cardId, to: after, lapse: rating == .again && before.kind == .review, undo: false)
      }
      return reviewId
    }
  }

  /// Records one answer against the card's state as stored when the write transaction begins, not as the caller
  /// last saw it: `schedule` receives that stored state and returns the card after the answer. The review row and
  /// the new state are written in the same (immediate) transaction, so two fmlab processes answering the same
  /// card chain their answers — each review's state before is the previous review's state after — instead of one
  /// overwriting the other's schedule. With `mode == .cram` the answer is logged but the card is left alone.
  ///
  /// - Returns: the review's id and the states it moved the card between.
  public func recordReview(
    cardId: String, rating: Rating, at time: Date, elapsedMs: Int?, mode: StoredReview.Mode, sessionId: String?,
    schedule: (CardState) -> CardState
  ) throws(StoreError) -> RecordedReview {
    try write { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT * FROM card WHERE id = ?", arguments: [cardId]) else {
        throw DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "no card \(cardId)")
      }
      let before = try Self.card(from: row).state
      let after = schedule(before)
      try db.execute(
        sql: """
          INSERT INTO review(cardId, reviewedAt, rating, elapsedMs, mode, stateBefore, stateAfter, sessionId)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          cardId, time, rating.rawValue, elapsedMs, mode.rawValue, try Self.json(before), try Self.json(after),
          sessionId,
        ])
      let reviewId = db.lastInsertedRowID
      if mode != .cram {
        try Self.update(db, cardId: cardId, to: after, lapse: rating == .again && before.kind == .review, undo: false)
      }
      return RecordedReview(id: reviewId, before: before, after: after)
    }
  }

  /// Undoes one logged answer: deletes the row and restores the card's state before it. One transaction.
  /// Returns the undone review, or nil when there is no such review.
  ///
  /// With `onlyIfLatest` (what a study session's `undo` uses), when the card was answered again after it — in
  /// another fmlab process — nothing is undone and `StoreError.answeredSince` is thrown: restoring the old state
  /// would silently drop that later answer's schedule.
  @discardableResult
  public func undoReview(id: Int64) throws(StoreError) -> StoredReview? {
    try undoReview(id: id, onlyIfLatest: false)
  }

  /// Undoes one logged answer, like `undoReview(id:)`; with `onlyIfLatest`, only while it is the card's latest.
  @discardableResult
  public func undoReview(id: Int64, onlyIfLatest: Bool) throws(StoreError) -> StoredReview? {
    try write { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT * FROM review WHERE id = ?", arguments: [id]) else {
        return nil
      }
      let review = try Self.review(from: row)
      if onlyIfLatest && review.mode != .cram {
        let later = try Bool.fetchOne(
          db, sql: "SELECT EXISTS(SELECT 1 FROM review WHERE cardId = ? AND id > ? AND mode <> 'cram')",
          arguments: [review.cardId, id])
        if later == true { throw StoreError.answeredSince(cardId: review.cardId) }
      }
      try db.execute(sql: "DELETE FROM review WHERE id = ?", arguments: [id])
      if review.mode != .cram {
        let lapse = review.rating == .again && review.stateBefore.kind == .review
        try Self.update(db, cardId: review.cardId, to: review.stateBefore, lapse: lapse, undo: true)
      }
      return review
    }
  }

  /// Logged answers, oldest first (optionally for one card).
  public func reviews(cardId: String? = nil) throws(StoreError) -> [StoredReview] {
    try read { db in
      let rows =
        if let cardId {
          try Row.fetchAll(
            db, sql: "SELECT * FROM review WHERE cardId = ? ORDER BY reviewedAt, id", arguments: [cardId])
        } else {
          try Row.fetchAll(db, sql: "SELECT * FROM review ORDER BY reviewedAt, id")
        }
      return try rows.map(Self.review(from:))
    }
  }

  /// How many cards left the new state on the study day starting at `dayStart` (for the daily new limit),
  /// and how many answers in review mode were given since then.
  public func todayCounts(since dayStart: Date) throws(StoreError) -> (newIntroduced: Int, reviews: Int) {
    try read { db in
      let new =
        try Int.fetchOne(
          db,
          sql:
            "SELECT COUNT(*) FROM review WHERE reviewedAt >= ? AND mode = 'review' AND json_extract(stateBefore, '$.kind') = 'new'",
          arguments: [dayStart]) ?? 0
      let reviews =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM review WHERE reviewedAt >= ? AND mode = 'review'", arguments: [dayStart]) ?? 0
      return (new, reviews)
    }
  }

  // MARK: Rows

  static func json(_ state: CardState) throws -> String {
    String(decoding: try stateEncoder.encode(state), as: UTF8.self)
  }

  static func state(fromJSON text: String) throws -> CardState {
    try stateDecoder.decode(CardState.self, from: Data(text.utf8))
  }

  static func update(_ db: Database, cardId: String, to state: CardState, lapse: Bool, undo: Bool) throws {
    let delta = undo ? -1 : 1
    try db.execute(
      sql: """
        UPDATE card SET stateKind = ?, step = ?, stability = ?, difficulty = ?, due = ?, lastReview = ?,
          scheduledInterval = ?, reps = MAX(0, reps + ?), lapses = MAX(0, lapses + ?)
        WHERE id = ?
        """,
      arguments: [
        state.kind.rawValue, state.step, state.memory?.stability, state.memory?.difficulty, state.due,
        state.lastReview, state.scheduledInterval, delta, lapse ? delta : 0, cardId,
      ])
    guard db.changesCount == 1 else {
      throw DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "no card \(cardId)")
    }
  }

  static func card(from row: Row) throws -> StoredCard {
    let kind = CardState.Kind(rawValue: row["stateKind"]) ?? .new
    var schedule: CardSchedule? = nil
    if kind != .new {
      schedule = CardSchedule(
        memory: MemoryState(stability: row["stability"], difficulty: row["difficulty"]), due: row["due"],
        lastReview: row["lastReview"], scheduledInterval: row["scheduledInterval"])
    }
    guard let state = CardState(kind: kind, step: row["step"], schedule: schedule) else {
      throw DatabaseError(
        resultCode: .SQLITE_CORRUPT, message: "card \(row["id"] as String? ?? "?") has an impossible state")
    }
    return StoredCard(
      id: row["id"], kind: StoredCard.Kind(rawValue: row["kind"]) ?? .flashcard, state: state, reps: row["reps"],
      lapses: row["lapses"])
  }

  static func review(from row: Row) throws -> StoredReview {
    StoredReview(
      id: row["id"], cardId: row["cardId"], reviewedAt: row["reviewedAt"],
      rating: Rating(rawValue: row["rating"]) ?? .again, elapsedMs: row["elapsedMs"],
      mode: StoredReview.Mode(rawValue: row["mode"]) ?? .review, stateBefore: try state(fromJSON: row["stateBefore"]),
      stateAfter: try state(fromJSON: row["stateAfter"]))
  }
}

extension ProgressStore {
  /// The cards a study sitting may serve, read through the indexes rather than the whole table:
  /// learning and relearning cards due within `learnAhead`, review cards due now (at most
  /// `reviewLimit`, the least likely remembered first: for a fixed forgetting curve, recall
  /// falls as elapsed time ÷ stability grows), and up to `newLimit` new cards in the order added.
  public func studyCandidates(
    now: Date, learnAhead: TimeInterval, reviewLimit: Int, newLimit: Int
  ) throws(StoreError) -> [StoredCard] {
    try read { db in
      let learning = try Row.fetchAll(
        db,
        sql: "SELECT * FROM card WHERE stateKind IN ('learning', 'relearning') AND due <= ? ORDER BY due, id",
        arguments: [now.addingTimeInterval(learnAhead)])
      // Ordered from the covering index alone; only the chosen rows are read from the table.
      let reviewIds = try String.fetchAll(
        db,
        sql: """
          SELECT id FROM card WHERE stateKind = 'review' AND due <= ?
          ORDER BY (? - lastReviewEpoch) / stability DESC, id LIMIT ?
          """,
        arguments: [now, now.timeIntervalSince1970, max(0, reviewLimit)])
      var review: [Row] = []
      for id in reviewIds {
        if let row = try Row.fetchOne(db, sql: "SELECT * FROM card WHERE id = ?", arguments: [id]) {
          review.append(row)
        }
      }
      let new = try Row.fetchAll(
        db, sql: "SELECT * FROM card WHERE stateKind = 'new' ORDER BY rowid LIMIT ?", arguments: [max(0, newLimit)])
      return try (learning + review + new).map(Self.card(from:))
    }
  }
}

/// One answer from another tool's history, with the states a replay gave it.
public struct ImportedReview: Sendable {
  public var cardId: String
  public var rating: Rating
  public var at: Date
  public var elapsedMs: Int?
  public var before: CardState
  public var after: CardState

  public init(cardId: String, rating: Rating, at: Date, elapsedMs: Int?, before: CardState, after: CardState) {
    self.cardId = cardId
    self.rating = rating
    self.at = at
    self.elapsedMs = elapsedMs
    self.before = before
    self.after = after
  }
}

extension ProgressStore {
  /// Imports a whole history in one transaction: every review or none. Cards are created as
  /// `imported` (never served in review) and end in their replayed state.
  public func importReviews(_ reviews: [ImportedReview], at now: Date) throws(StoreError) -> (reviews: Int, cards: Int)
  {
    try write { db in
      let addCard = try db.makeStatement(
        sql:
          "INSERT INTO card(id, kind, stateKind, addedAt) VALUES (?, 'imported', 'new', ?) ON CONFLICT(id) DO NOTHING")
      let insert = try db.makeStatement(
        sql: """
          INSERT INTO review(cardId, reviewedAt, rating, elapsedMs, mode, stateBefore, stateAfter)
          VALUES (?, ?, ?, ?, 'import', ?, ?)
          """)
      var cards: Set<String> = []
      for review in reviews {
        if cards.insert(review.cardId).inserted { try addCard.execute(arguments: [review.cardId, now]) }
        try insert.execute(arguments: [
          review.cardId, review.at, review.rating.rawValue, review.elapsedMs, try Self.json(review.before),
          try Self.json(review.after),
        ])
        try Self.update(
          db, cardId: review.cardId, to: review.after, lapse: review.rating == .again && review.before.kind == .review,
          undo: false)
      }
      return (reviews.count, cards.count)
    }
  }
}
