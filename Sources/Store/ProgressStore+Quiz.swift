import Foundation
import GRDB
import SRS

/// One answered quiz, drill or exam item.
public struct StoredAttempt: Equatable, Sendable {
  public enum Mode: String, Sendable, Codable {
    case quiz, exam, drill
  }
  public var id: Int64
  public var itemId: String
  public var mode: Mode
  public var answeredAt: Date
  public var correct: Bool
  public var elapsedMs: Int?
  public var usedHint: Bool
  /// The response as JSON (the Quiz module's `Response`).
  public var response: String
  public var examId: Int64?
  public var itemHash: String?
}

/// A mock exam as stored: enough to resume it after a crash at the same question with the same time left.
public struct StoredExam: Equatable, Sendable {
  public enum Status: String, Sendable, Codable {
    case open, submitted, expired
  }
  public var id: Int64
  public var seed: Int64
  public var startedAt: Date
  public var timeLimitSeconds: Int
  public var usedSeconds: Double
  /// The questions as JSON (the Quiz module's `[ExamSlot]`).
  public var slots: String
  public var position: Int
  public var status: Status
  public var submittedAt: Date?
  /// The result as JSON, once submitted.
  public var result: String?
  /// Per position: the response JSON (nil when unanswered) and the flag.
  public var answers: [Int: (response: String?, flagged: Bool)]

  public static func == (a: StoredExam, b: StoredExam) -> Bool {
    a.id == b.id && a.seed == b.seed && a.startedAt == b.startedAt && a.timeLimitSeconds == b.timeLimitSeconds
      && a.usedSeconds == b.usedSeconds && a.slots == b.slots && a.position == b.position && a.status == b.status
      && a.submittedAt == b.submittedAt && a.result == b.result
      && a.answers.mapValues { "\($0.response ?? "-")|\($0.flagged)" }
        == b.answers.mapValues { "\($0.response ?? "-")|\($0.flagged)" }
  }
}

extension ProgressStore {
  /// Records a quiz or drill answer and, when given, the FSRS review it feeds — one transaction. The review is
  /// scheduled by `review.schedule` from the card's state as stored inside the transaction (not from a copy read
  /// earlier, which another fmlab may have changed since); returns the attempt's id and the state saved.
  @discardableResult
  public func recordAttempt(
    itemId: String, mode: StoredAttempt.Mode, at time: Date, correct: Bool, elapsedMs: Int?, usedHint: Bool,
    response: String, examId: Int64? = nil, itemHash: String?,
    review: (rating: Rating, schedule: (CardState) throws -> CardState)?
  ) throws(StoreError) -> (attemptId: Int64, after: CardState?) {
    try write { db in
      var after: CardState?
      if let review {
        after = try Self.reviewItem(
          db, itemId: itemId, at: time, rating: review.rating, elapsedMs: elapsedMs,
          sessionId: examId.map { "exam-\($0)" } ?? mode.rawValue, schedule: review.schedule)
      }
      let id = try Self.insertAttempt(
        db, itemId: itemId, mode: mode, at: time, correct: correct, elapsedMs: elapsedMs, usedHint: usedHint,
        response: response, examId: examId, itemHash: itemHash)
      return (id, after)
    }
  }

  /// Inserts one attempt row; returns its id.
  @discardableResult
  static func insertAttempt(
    _ db: Database, itemId: String, mode: StoredAttempt.Mode, at time: Date, correct: Bool, elapsedMs: Int?,
    usedHint: Bool, response: String, examId: Int64?, itemHash: String?
  ) throws -> Int64 {
    try db.execute(
      sql: """
        INSERT INTO attempt(itemId, mode, answeredAt, correct, elapsedMs, usedHint, response, examId, itemHash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [itemId, mode.rawValue, time, correct, elapsedMs, usedHint, response, examId, itemHash])
    return db.lastInsertedRowID
  }

  /// The FSRS review an answered item feeds, inside the caller's transaction: the item's card (created new when
  /// missing) is read, `schedule` gives its next state, and the review row and card are written. Returns the state.
  @discardableResult
  static func reviewItem(
    _ db: Database, itemId: String, at time: Date, rating: Rating, elapsedMs: Int?, sessionId: String,
    schedule: (CardState) throws -> CardState
  ) throws -> CardState {
    try db.execute(
      sql: "INSERT OR IGNORE INTO card(id, kind, stateKind, addedAt) VALUES (?, 'quiz', 'new', ?)",
      arguments: [itemId, time])
    guard let row = try Row.fetchOne(db, sql: "SELECT * FROM card WHERE id = ?", arguments: [itemId]) else {
      throw DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "no card \(itemId)")
    }
    let before = try Self.card(from: row).state
    let after = try schedule(before)
    try db.execute(
      sql: """
        INSERT INTO review(cardId, reviewedAt, rating, elapsedMs, mode, stateBefore, stateAfter, sessionId)
        VALUES (?, ?, ?, ?, 'review', ?, ?, ?)
        """,
      arguments: [itemId, time, rating.rawValue, elapsedMs, try Self.json(before), try Self.json(after), sessionId])
    try Self.update(db, cardId: itemId, to: after, lapse: rating == .again && before.kind == .review, undo: false)
    return after
  }

  /// Attempts, oldest first (optionally for one item or one exam).
  public func attempts(itemId: String? = nil, examId: Int64? = nil) throws(StoreError) -> [StoredAttempt] {
    try read { db in
      var sql = "SELECT * FROM attempt"
      var conditions: [String] = []
      var arguments: [any DatabaseValueConvertible] = []
      if let itemId {
        conditions.append("itemId = ?")
        arguments.append(itemId)
      }
      if let examId {
        conditions.append("examId = ?")
        arguments.append(examId)
      }
      if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
      sql += " ORDER BY answeredAt, id"
      return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
        StoredAttempt(
          id: row["id"], itemId: row["itemId"], mode: StoredAttempt.Mode(rawValue: row["mode"]) ?? .quiz,
          answeredAt: row["answeredAt"], correct: row["correct"], elapsedMs: row["elapsedMs"],
          usedHint: row["usedHint"], response: row["response"], examId: row["examId"], itemHash: row["itemHash"])
      }
    }
  }

  /// Starts an exam; returns its id.
  public func createExam(seed: Int64, at time: Date, timeLimitSeconds: Int, slots: String) throws(StoreError) -> Int64 {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO exam(seed, startedAt, timeLimitSeconds, usedSeconds, slots, position, status)
          VALUES (?, ?, ?, 0, ?, 0, 'open')
          """, arguments: [seed, time, timeLimitSeconds, slots])
      return db.lastInsertedRowID
    }
  }

  /// Saves one answer (or clears it with nil), the flag, the position and the time used — one transaction,
  /// so a killed process resumes at the same question with the same time left.
  public func saveExamAnswer(
    examId: Int64, position: Int, response: String?, flagged: Bool, at time: Date, usedSeconds: Double,
    nextPosition: Int
  ) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO examAnswer(examId, position, response, flagged, answeredAt) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(examId, position) DO UPDATE SET response = excluded.response, flagged = excluded.flagged,
            answeredAt = excluded.answeredAt
          """, arguments: [examId, position, response, flagged, time])
      try db.execute(
        sql: "UPDATE exam SET usedSeconds = ?, position = ? WHERE id = ? AND status = 'open'",
        arguments: [usedSeconds, nextPosition, examId])
    }
  }

  /// Saves the time used and the position without an answer (navigation, pause).
  public func saveExamProgress(examId: Int64, usedSeconds: Double, position: Int) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: "UPDATE exam SET usedSeconds = ?, position = ? WHERE id = ? AND status = 'open'",
        arguments: [usedSeconds, position, examId])
    }
  }

  /// Closes an exam with its result (submitted, or expired at the time limit).
  public func finishExam(
    examId: Int64, status: StoredExam.Status, at time: Date, usedSeconds: Double, result: String
  ) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: "UPDATE exam SET status = ?, submittedAt = ?, usedSeconds = ?, result = ? WHERE id = ?",
        arguments: [status.rawValue, time, usedSeconds, result, examId])
    }
  }

  public func exam(_ id: Int64) throws(StoreError) -> StoredExam? {
    try read { db in try Self.exam(db, where: "id = ?", [id]).first }
  }

  /// The exam still open, if any (at most one is open at a time).
  public func openExam() throws(StoreError) -> StoredExam? {
    try read { db in try Self.exam(db, where: "status = 'open'", []).last }
  }

  /// Every exam, newest first.
  public func exams() throws(StoreError) -> [StoredExam] {
    try read { db in try Self.exam(db, where: "1", []).reversed() }
  }

  static func exam(
    _ db: Database, where condition: String, _ arguments: [any DatabaseValueConvertible]
  ) throws
    -> [StoredExam]
  {
    try Row.fetchAll(
      db, sql: "SELECT * FROM exam WHERE \(condition) ORDER BY id", arguments: StatementArguments(arguments)
    )
    .map { row in
      let id: Int64 = row["id"]
      var answers: [Int: (response: String?, flagged: Bool)] = [:]
      for answer in try Row.fetchAll(db, sql: "SELECT * FROM examAnswer WHERE examId = ?", arguments: [id]) {
        answers[answer["position"]] = (answer["response"], answer["flagged"])
      }
      return StoredExam(
        id: id, seed: row["seed"], startedAt: row["startedAt"], timeLimitSeconds: row["timeLimitSeconds"],
        usedSeconds: row["usedSeconds"], slots: row["slots"], position: row["position"],
        status: StoredExam.Status(rawValue: row["status"]) ?? .open, submittedAt: row["submittedAt"],
        result: row["result"], answers: answers)
    }
  }
}

extension ProgressStore {
  /// Puts a card back to new (its item changed): its logged reviews and attempts are kept.
  public func resetCard(_ id: String) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: """
          UPDATE card SET stateKind = 'new', step = NULL, stability = NULL, difficulty = NULL, due = NULL,
            lastReview = NULL, scheduledInterval = 0 WHERE id = ?
          """, arguments: [id])
    }
  }

  /// Each item's latest stored fingerprint (from its last attempt).
  public func latestItemHashes() throws(StoreError) -> [String: String] {
    try read { db in
      var result: [String: String] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT itemId, itemHash FROM attempt WHERE itemHash IS NOT NULL ORDER BY answeredAt, id")
      {
        result[row["itemId"]] = row["itemHash"]
      }
      return result
    }
  }
}

/// One exam answer as a submit records it: an attempt and the FSRS review it feeds.
public struct ExamAnswerRecord: Sendable {
  /// The quiz item (also its card's id).
  public var itemId: String
  /// Whether the response was right.
  public var correct: Bool
  /// The response as JSON (`"null"` when unanswered).
  public var response: String
  /// The item's fingerprint when answered (to notice a changed item later).
  public var itemHash: String?
  /// The rating the answer feeds FSRS (good when right, again when wrong).
  public var rating: Rating

  /// Creates a record of one exam answer.
  public init(itemId: String, correct: Bool, response: String, itemHash: String?, rating: Rating) {
    self.itemId = itemId
    self.correct = correct
    self.response = response
    self.itemHash = itemHash
    self.rating = rating
  }
}

extension ProgressStore {
  /// Closes an open exam and records every answer (an attempt plus an FSRS review each) in one transaction,
  /// so a kill while submitting leaves the exam open with nothing of it recorded, never half recorded (which
  /// the next submit would record again). Each review is scheduled by `schedule` from the card's state as
  /// stored inside the transaction. Returns false, recording nothing, when the exam is no longer open (it was
  /// already submitted, e.g. by another fmlab).
  @discardableResult
  public func submitExam(
    examId: Int64, status: StoredExam.Status, at time: Date, usedSeconds: Double, result: String,
    answers: [ExamAnswerRecord], schedule: (CardState, Rating) -> CardState
  ) throws(StoreError) -> Bool {
    try write { db in
      let open = try String.fetchOne(db, sql: "SELECT status FROM exam WHERE id = ?", arguments: [examId]) == "open"
      guard open else { return false }
      for answer in answers {
        try Self.reviewItem(
          db, itemId: answer.itemId, at: time, rating: answer.rating, elapsedMs: nil, sessionId: "exam-\(examId)"
        ) { schedule($0, answer.rating) }
        try Self.insertAttempt(
          db, itemId: answer.itemId, mode: .exam, at: time, correct: answer.correct, elapsedMs: nil, usedHint: false,
          response: answer.response, examId: examId, itemHash: answer.itemHash)
      }
      try db.execute(
        sql: "UPDATE exam SET status = ?, submittedAt = ?, usedSeconds = ?, result = ? WHERE id = ?",
        arguments: [status.rawValue, time, usedSeconds, result, examId])
      return true
    }
  }
}
