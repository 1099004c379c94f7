import Foundation
import SRS

/// One card brought in from Anki, as plain text ready to store and review in fmlab.
public struct AnkiUserCard: Sendable, Equatable {
  /// The note type the card came from: Basic-like (front and back fields) or Cloze.
  public enum Kind: String, Sendable {
    case basic, cloze
  }

  /// `anki:<note guid>:<card ordinal>`.
  public var id: String
  public var noteGuid: String
  public var ord: Int
  public var kind: Kind
  /// The question, sanitised plain text.
  public var front: String
  /// The answer, sanitised plain text.
  public var back: String
  public var tags: [String]
  public var deck: String
  /// The card's answers in time order (manual reschedules left out).
  public var reviews: [AnkiUserReview]
}

/// One answer from Anki's review log.
public struct AnkiUserReview: Sendable, Equatable {
  public var time: Date
  public var rating: Rating
  /// Time spent answering, in milliseconds (Anki caps it).
  public var durationMs: Int?
  /// Anki's review kind: 0 learn, 1 review, 2 relearn, 3 filtered.
  public var kind: Int
}

/// Turns a read package into fmlab user cards: Basic-like notes give their first two fields (a second card
/// ordinal, as in "Basic (and reversed card)", gives them swapped); Cloze notes give one card per deletion number.
public enum AnkiUserCards {
  /// What came out of a package.
  public struct Result: Sendable {
    public var cards: [AnkiUserCard]
    /// Notes that gave no card (empty after sanitising, or of a note type the package does not define).
    public var skippedNotes: Int
    /// Review-log rows that were left out (manual reschedules, unknown cards, ratings outside 1–4).
    public var skippedReviews: Int
  }

  /// Converts `package`.
  public static func make(from package: AnkiPackage) -> Result {
    var cardsByNote: [Int64: [AnkiPackage.Card]] = [:]
    for card in package.cards { cardsByNote[card.noteID, default: []].append(card) }
    var reviewsByCard: [Int64: [AnkiUserReview]] = [:]
    var skippedReviews = 0
    for entry in package.revlog {
      // Review times (ms) outside 1970…2100 are damage, not history: they would break any schedule.
      guard (1...4).contains(entry.ease), (0...3).contains(entry.type), let rating = Rating(rawValue: entry.ease),
        (0...4_102_444_800_000).contains(entry.id)
      else {
        skippedReviews += 1
        continue
      }
      reviewsByCard[entry.cardID, default: []].append(
        AnkiUserReview(
          time: Date(timeIntervalSince1970: Double(entry.id) / 1000), rating: rating,
          durationMs: entry.time >= 0 ? entry.time : nil, kind: entry.type))
    }
    var result: [AnkiUserCard] = []
    var usedCards: Set<Int64> = []
    var skippedNotes = 0
    for note in package.notes {
      guard let type = package.noteTypes[note.noteTypeID], !note.guid.isEmpty, note.guid.count <= 150 else {
        skippedNotes += 1
        continue
      }
      let cards = cardsByNote[note.id] ?? []
      let deckID = cards.first?.deckID
      let deck = AnkiText.sanitized(deckID.flatMap { package.decks[$0] } ?? "")
      let tags = note.tags.map(AnkiText.sanitized).filter { !$0.isEmpty }
      var sides: [(ord: Int, front: String, back: String)] = []
      let first = note.fields.first ?? ""
      let second = note.fields.count > 1 ? note.fields[1] : ""
      if type.isCloze {
        for number in AnkiCloze.numbers(in: first) {
          var back = AnkiText.plain(AnkiCloze.back(first))
          let extra = AnkiText.plain(second)
          if !extra.isEmpty { back += "\n\n" + extra }
          sides.append((number - 1, AnkiText.plain(AnkiCloze.front(first, number: number)), back))
        }
      } else {
        let front = AnkiText.plain(first)
        let back = AnkiText.plain(second)
        sides.append((0, front, back))
        if cards.contains(where: { $0.ord == 1 }) && type.fields.count >= 2 { sides.append((1, back, front)) }
      }
      sides.removeAll { $0.front.isEmpty }
      if sides.isEmpty {
        skippedNotes += 1
        continue
      }
      for side in sides {
        let ankiCard = cards.first { $0.ord == side.ord }
        var reviews: [AnkiUserReview] = []
        if let ankiCard {
          usedCards.insert(ankiCard.id)
          reviews = (reviewsByCard[ankiCard.id] ?? []).sorted { $0.time < $1.time }
        }
        result.append(
          AnkiUserCard(
            id: "anki:\(AnkiText.sanitized(note.guid)):\(side.ord)", noteGuid: AnkiText.sanitized(note.guid),
            ord: side.ord, kind: type.isCloze ? .cloze : .basic, front: side.front, back: side.back, tags: tags,
            deck: deck, reviews: reviews))
      }
    }
    let unmatched = reviewsByCard.filter { !usedCards.contains($0.key) }.reduce(0) { $0 + $1.value.count }
    return Result(cards: result, skippedNotes: skippedNotes, skippedReviews: skippedReviews + unmatched)
  }
}
