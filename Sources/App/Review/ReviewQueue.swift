import Foundation
import SRS
import Store

/// Today's review queue, built from the cards' states (a pure function of its inputs).
///
/// Order, as Anki's: cards in learning or relearning that are due, earliest first; then due
/// review cards, the ones most likely forgotten (lowest retrievability) first; then new cards
/// up to what is left of the daily new limit, in `newOrder` (cards it does not rank last, as given).
public enum ReviewQueue {
  /// How far ahead a learning step may be served in the same sitting (Anki's learn-ahead limit).
  public static let learnAhead: TimeInterval = 20 * 60

  public static func build(
    cards: [StoredCard], now: Date, scheduler: Scheduler, newRemaining: Int, reviewRemaining: Int,
    learnAheadSeconds: TimeInterval = ReviewQueue.learnAhead, newOrder: [String: Int] = [:]
  ) -> [StoredCard] {
    var learning: [StoredCard] = []
    var review: [(StoredCard, Double)] = []
    var new: [StoredCard] = []
    for card in cards {
      switch card.state {
      case .new: new.append(card)
      case .learning, .relearning:
        if let due = card.state.due, due <= now.addingTimeInterval(learnAheadSeconds) { learning.append(card) }
      case .review:
        if let due = card.state.due, due <= now {
          review.append((card, scheduler.retrievability(of: card.state, at: now)))
        }
      }
    }
    learning.sort { ($0.state.due ?? now, $0.id) < ($1.state.due ?? now, $1.id) }
    review.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.id < $1.0.id }
    let reviews = review.prefix(max(0, reviewRemaining)).map(\.0)
    if !newOrder.isEmpty {
      new = new.enumerated().sorted {
        (newOrder[$0.element.id] ?? Int.max, $0.offset) < (newOrder[$1.element.id] ?? Int.max, $1.offset)
      }.map(\.element)
    }
    return learning + reviews + new.prefix(max(0, newRemaining))
  }
}
