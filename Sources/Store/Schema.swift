import GRDB

/// The progress database's schema as a list of named, append-only migrations.
///
/// Rules live in the schema (NOT NULL, CHECK, UNIQUE, FOREIGN KEY), not only in Swift.
/// A migration is never edited once released; a change is a new migration. A database
/// holding a migration this list does not name was written by a newer fmlab.
public enum Schema {
  /// The migration identifiers this build knows, oldest first.
  public static var knownMigrations: [String] { migrator.migrations }

  public static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-meta-and-settings") { db in
      try db.create(table: "meta") { t in
        t.primaryKey("key", .text).check { length($0) > 0 }
        t.column("value", .text).notNull()
      }
      try db.create(table: "setting") { t in
        t.primaryKey("key", .text).check { length($0) > 0 && length($0) <= 64 }
        t.column("value", .text).notNull().check { length($0) <= 4096 }
        t.column("updatedAt", .datetime).notNull()
      }
      try db.create(table: "settingChange") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("key", .text).notNull().check { length($0) > 0 && length($0) <= 64 }
        t.column("value", .text).check { $0 == nil || length($0) <= 4096 }  // NULL: reset to the default
        t.column("changedAt", .datetime).notNull()
      }
      try db.create(index: "settingChange_on_key", on: "settingChange", columns: ["key", "changedAt"])
    }
    migrator.registerMigration("v2-cards-and-reviews") { db in
      // One row per reviewable thing (a flashcard now; quiz items later), with its FSRS state.
      try db.create(table: "card") { t in
        t.primaryKey("id", .text).check { length($0) > 0 && length($0) <= 200 }
        t.column("kind", .text).notNull().check { ["flashcard", "quiz", "imported"].contains($0) }
        t.column("stateKind", .text).notNull().check { ["new", "learning", "review", "relearning"].contains($0) }
        t.column("step", .integer).check { $0 == nil || $0 >= 0 }
        t.column("stability", .double).check { $0 == nil || $0 > 0 }
        t.column("difficulty", .double).check { $0 == nil || ($0 >= 1 && $0 <= 10) }
        t.column("due", .datetime)
        t.column("lastReview", .datetime)
        t.column("scheduledInterval", .double).notNull().defaults(to: 0).check { $0 >= 0 }
        t.column("reps", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
        t.column("lapses", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
        t.column("addedAt", .datetime).notNull()
        // Seconds since 1970 of the last review, kept by SQLite, so the review order
        // ("least likely remembered first": largest elapsed ÷ stability) is arithmetic on an index.
        t.column("lastReviewEpoch", .double).generatedAs(sql: "(julianday(lastReview) - 2440587.5) * 86400.0", .stored)
        // A new card has no schedule; every other card has one.
        t.check(
          sql: "(stateKind = 'new' AND stability IS NULL AND due IS NULL) OR "
            + "(stateKind <> 'new' AND stability IS NOT NULL AND difficulty IS NOT NULL AND due IS NOT NULL "
            + "AND lastReview IS NOT NULL)")
      }
      try db.create(index: "card_on_due", on: "card", columns: ["due"])
      try db.create(
        index: "card_on_stateKind", on: "card", columns: ["stateKind", "due", "lastReviewEpoch", "stability", "id"])
      // Every answer, with the state before and after, so history can be replayed and undone.
      try db.create(table: "review") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("cardId", .text).notNull().references("card", onDelete: .restrict)
        t.column("reviewedAt", .datetime).notNull()
        t.column("rating", .integer).notNull().check { $0 >= 1 && $0 <= 4 }
        t.column("elapsedMs", .integer).check { $0 == nil || $0 >= 0 }
        t.column("mode", .text).notNull().check { ["review", "cram", "import"].contains($0) }
        t.column("stateBefore", .text).notNull()
        t.column("stateAfter", .text).notNull()
        t.column("sessionId", .text)
      }
      try db.create(index: "review_on_cardId", on: "review", columns: ["cardId", "reviewedAt"])
      try db.create(index: "review_on_reviewedAt", on: "review", columns: ["reviewedAt"])
      // Fitted FSRS parameters; the newest row is the one in use.
      try db.create(table: "parameterSet") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("parameters", .text).notNull()
        t.column("createdAt", .datetime).notNull()
        t.column("source", .text).notNull()
        t.column("reviewCount", .integer).notNull().check { $0 >= 0 }
        t.column("logLossBefore", .double)
        t.column("logLossAfter", .double)
        t.column("rmseBefore", .double)
        t.column("rmseAfter", .double)
      }
    }
    migrator.registerMigration("v3-quiz-attempts-and-exams") { db in
      // A mock exam: its questions (in order), timing and state; answers live in examAnswer.
      try db.create(table: "exam") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("seed", .integer).notNull()
        t.column("startedAt", .datetime).notNull()
        t.column("timeLimitSeconds", .integer).notNull().check { $0 > 0 }
        // Seconds of exam time used so far (the clock runs only while the exam is open).
        t.column("usedSeconds", .double).notNull().defaults(to: 0).check { $0 >= 0 }
        t.column("slots", .text).notNull()
        t.column("position", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
        t.column("status", .text).notNull().check { ["open", "submitted", "expired"].contains($0) }
        t.column("submittedAt", .datetime)
        t.column("result", .text)
      }
      // Every answered quiz or exam item, with what was typed (as the item's own indices).
      try db.create(table: "attempt") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("itemId", .text).notNull().check { length($0) > 0 }
        t.column("mode", .text).notNull().check { ["quiz", "exam", "drill"].contains($0) }
        t.column("answeredAt", .datetime).notNull()
        t.column("correct", .boolean).notNull()
        t.column("elapsedMs", .integer).check { $0 == nil || $0 >= 0 }
        t.column("usedHint", .boolean).notNull().defaults(to: false)
        t.column("response", .text).notNull()
        t.column("examId", .integer).references("exam", onDelete: .cascade)
        // The item's text fingerprint when answered, so an edited item can be told apart.
        t.column("itemHash", .text)
      }
      try db.create(index: "attempt_on_itemId", on: "attempt", columns: ["itemId", "answeredAt"])
      try db.create(table: "examAnswer") { t in
        t.column("examId", .integer).notNull().references("exam", onDelete: .cascade)
        t.column("position", .integer).notNull().check { $0 >= 0 }
        t.column("response", .text)
        t.column("flagged", .boolean).notNull().defaults(to: false)
        t.column("answeredAt", .datetime)
        t.primaryKey(["examId", "position"])
      }
    }
    migrator.registerMigration("v4-sandbox") { db in
      // The simulated Bedrock account, one JSON document saved whole by each command in one
      // transaction (S3 objects are files beside the database).
      try db.create(table: "sandbox") { t in
        t.column("id", .integer).primaryKey().check { $0 == 1 }
        t.column("state", .text).notNull()
        t.column("updatedAt", .datetime).notNull()
      }
    }
    migrator.registerMigration("v5-labs") { db in
      // Progress through each guided lab (a JSON document per lab: steps done, hints shown, start time).
      try db.create(table: "lab") { t in
        t.primaryKey("id", .text).check { length($0) > 0 && length($0) <= 200 }
        t.column("progress", .text).notNull()
        t.column("updatedAt", .datetime).notNull()
      }
    }
    migrator.registerMigration("v6-review-days") { db in
      try ReviewDays.migrate(db)
      try ReviewDays.migrateAttempts(db)
    }
    migrator.registerMigration("v7-user-cards") { db in
      // Flashcards the learner brought in (Anki packages), kept apart from the shipped content. The id is also
      // the card table's id (`anki:<note guid>:<card ordinal>`), where the FSRS state and reviews live.
      try db.create(table: "userCard") { t in
        t.primaryKey("id", .text).check { length($0) > 0 && length($0) <= 200 }
        t.column("noteGuid", .text).notNull().check { length($0) > 0 }
        t.column("ord", .integer).notNull().check { $0 >= 0 }
        t.column("noteKind", .text).notNull().check { ["basic", "cloze"].contains($0) }
        // Plain text, already sanitised (no HTML, no terminal escapes).
        t.column("front", .text).notNull()
        t.column("back", .text).notNull()
        t.column("tags", .text).notNull()  // a JSON array of strings
        t.column("deck", .text).notNull()
        t.column("source", .text).notNull()  // the package's file name
        t.column("importedAt", .datetime).notNull()
        t.column("updatedAt", .datetime).notNull()
        t.uniqueKey(["noteGuid", "ord"])
      }
    }
    return migrator
  }
}
