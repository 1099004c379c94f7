import Foundation
import SRS

/// What goes into an exported package: fmlab's flashcards and exam items as Anki notes, plain text throughout
/// (the writer escapes it for Anki's HTML fields).
public struct AnkiExport: Sendable {
  /// Flashcards (note type "fmlab flashcard": Front, Back, Topic, Source).
  public var flashcards: [AnkiFlashcardNote]
  /// Exam items (note type "fmlab exam item").
  public var examItems: [AnkiExamItemNote]

  /// Creates an export.
  public init(flashcards: [AnkiFlashcardNote], examItems: [AnkiExamItemNote]) {
    self.flashcards = flashcards
    self.examItems = examItems
  }
}

/// One fmlab flashcard as an Anki note.
public struct AnkiFlashcardNote: Sendable {
  /// fmlab's flashcard id (the GUID derives from it).
  public var id: String
  public var front: String
  public var back: String
  /// The page's title.
  public var topic: String
  /// Where the fact comes from (URLs, one per line).
  public var source: String
  /// Tags, already in Anki's form (`fmlab::domain::1`).
  public var tags: [String]
  /// The FSRS schedule to carry over, when exporting with the schedule.
  public var schedule: AnkiCardSchedule?

  /// Creates a flashcard note.
  public init(
    id: String, front: String, back: String, topic: String, source: String, tags: [String],
    schedule: AnkiCardSchedule? = nil
  ) {
    self.id = id
    self.front = front
    self.back = back
    self.topic = topic
    self.source = source
    self.tags = tags
    self.schedule = schedule
  }
}

/// One scored exam item as an Anki note.
public struct AnkiExamItemNote: Sendable {
  /// fmlab's item id (the GUID derives from it).
  public var id: String
  /// The question (with a case study's scenario before it).
  public var stem: String
  /// The options (or steps, or prompts and responses), in the order shown.
  public var options: [String]
  /// The correct answer as text (letters and option texts, or the order).
  public var answer: String
  /// One explanation per option, in the same order.
  public var explanations: [String]
  public var objective: String
  /// The item type as fmlab names it (`multiple-choice`, `ordering`, …).
  public var itemType: String
  public var source: String
  public var tags: [String]
  public var schedule: AnkiCardSchedule?

  /// Creates an exam-item note.
  public init(
    id: String, stem: String, options: [String], answer: String, explanations: [String], objective: String,
    itemType: String, source: String, tags: [String], schedule: AnkiCardSchedule? = nil
  ) {
    self.id = id
    self.stem = stem
    self.options = options
    self.answer = answer
    self.explanations = explanations
    self.objective = objective
    self.itemType = itemType
    self.source = source
    self.tags = tags
    self.schedule = schedule
  }
}

/// A card's FSRS state as fmlab stores it, to be written the way current Anki keeps it per card.
public struct AnkiCardSchedule: Sendable, Equatable {
  public var state: CardState
  public var reps: Int
  public var lapses: Int
  /// The FSRS decay (w20) the memory state was computed with; written as `decay` when given.
  public var decay: Double?

  /// Creates a schedule.
  public init(state: CardState, reps: Int, lapses: Int, decay: Double? = nil) {
    self.state = state
    self.reps = reps
    self.lapses = lapses
    self.decay = decay
  }
}
