import Foundation
import SRS

/// Turns revlog entries into the optimiser's training items, as `fit_revlog.py` and fsrs-rs prepare them.
public enum RevlogTraining {
  /// One training item: a card's history up to and including the review being predicted.
  public struct Item: Sendable, Hashable {
    /// The card.
    public var cardID: String
    /// When the predicted (last) review happened.
    public var date: Date
    /// The ratings with whole-day gaps, oldest first.
    public var history: ReviewHistory

    /// Creates an item.
    public init(cardID: String, date: Date, history: ReviewHistory) {
      self.cardID = cardID
      self.date = date
      self.history = history
    }
  }

  /// The items of every card (``ReviewHistory/trainingItems(from:semantics:)``), sorted by (time, card id);
  /// card ids that are integers compare as numbers and come before other ids, which compare as text.
  public static func items(from entries: [RevlogEntry], semantics: TimeSemantics = .ankiDefault) -> [Item] {
    var reviewsByCard: [String: [(date: Date, rating: Rating)]] = [:]
    for entry in entries {
      reviewsByCard[entry.cardID, default: []].append((entry.time, entry.rating))
    }
    var items: [Item] = []
    for (cardID, reviews) in reviewsByCard {
      for (date, history) in ReviewHistory.trainingItems(from: reviews, semantics: semantics) {
        items.append(Item(cardID: cardID, date: date, history: history))
      }
    }
    return items.sorted { a, b in
      a.date != b.date ? a.date < b.date : cardIDPrecedes(a.cardID, b.cardID)
    }
  }

  /// The histories of ``items(from:semantics:)``, in the same order, ready for `Optimizer.fit(items:)`.
  public static func histories(
    from entries: [RevlogEntry], semantics: TimeSemantics = .ankiDefault
  )
    -> [ReviewHistory]
  {
    items(from: entries, semantics: semantics).map(\.history)
  }

  /// Integer ids in numeric order first, then other ids in text order.
  static func cardIDPrecedes(_ a: String, _ b: String) -> Bool {
    switch (Int(a), Int(b)) {
    case (let x?, let y?): x != y ? x < y : a < b
    case (.some, nil): true
    case (nil, .some): false
    case (nil, nil): a < b
    }
  }
}
