/// An Anki collection as read from a package: note types, decks, notes, cards and the review log, with field
/// text still as Anki stores it (HTML). ``AnkiUserCards`` turns it into plain-text cards.
public struct AnkiPackage: Sendable {
  /// The collection entry that was read (`collection.anki21` or `collection.anki2`).
  public var collectionEntry: String
  /// `col.crt`: the collection's creation time in seconds (review due days count from it).
  public var collectionCreated: Int64
  public var noteTypes: [Int64: NoteType]
  /// Deck id → full name (`Parent::Child`).
  public var decks: [Int64: String]
  public var notes: [Note]
  public var cards: [Card]
  public var revlog: [Review]
  /// Media files in the package (never read).
  public var mediaEntries: Int

  /// A note type: its name, whether it is a cloze type, and its field names.
  public struct NoteType: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var isCloze: Bool
    public var fields: [String]
  }

  /// A note: its GUID, type, fields (HTML) and tags.
  public struct Note: Sendable, Equatable {
    public var id: Int64
    public var guid: String
    public var noteTypeID: Int64
    public var fields: [String]
    public var tags: [String]
  }

  /// A card row.
  public struct Card: Sendable, Equatable {
    public var id: Int64
    public var noteID: Int64
    public var ord: Int
    public var deckID: Int64
    public var type: Int
    public var queue: Int
    public var due: Int64
    public var interval: Int
    public var reps: Int
    public var lapses: Int
  }

  /// A review-log row: `id` is the review time in Unix milliseconds; `ease` 1–4 (0: manual); `time` the
  /// answer time in milliseconds; `type` 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled.
  public struct Review: Sendable, Equatable {
    public var id: Int64
    public var cardID: Int64
    public var ease: Int
    public var interval: Int
    public var lastInterval: Int
    public var factor: Int
    public var time: Int
    public var type: Int
  }
}
