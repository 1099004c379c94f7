import Foundation
import SRS

/// Retrievability of every card with FSRS memory at one instant.
enum CardMemory {
  /// `R` now with fractional elapsed days `(now − lastReview) / 86400` (at least 0), by card id.
  static func retrievabilityNow(_ cards: [CardSnapshot], context: StatsContext) -> [String: Double] {
    let fsrs = FSRS(parameters: context.parameters)
    var result: [String: Double] = [:]
    result.reserveCapacity(cards.count)
    for card in cards where card.hasMemory {
      result[card.id] = retrievability(card, fsrs: fsrs, now: context.now)
    }
    return result
  }

  /// One card's `R` now (`nil` without memory).
  static func retrievability(_ card: CardSnapshot, fsrs: FSRS, now: Date) -> Double? {
    guard card.hasMemory, let last = card.lastReview, let s = card.stability else { return nil }
    let t = max(0, now.timeIntervalSince(last) / Stats.secondsPerDay)
    return fsrs.retrievability(elapsedDays: t, stability: s)
  }
}
