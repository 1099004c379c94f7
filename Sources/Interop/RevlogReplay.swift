import Foundation
import SRS

/// Replays each card's reviews through the ``Scheduler`` from a new card, reporting the memory state and card
/// state after every review.
public struct RevlogReplay: Sendable {
  /// The scheduler the reviews are answered with (its configuration holds the time semantics).
  public let scheduler: Scheduler

  /// Creates a replay with a full scheduler configuration.
  ///
  /// - Throws: ``SchedulerError`` when the configuration is invalid.
  public init(config: SchedulerConfig) throws(SchedulerError) {
    scheduler = try Scheduler(config: config)
  }

  /// Creates a replay that answers with an existing scheduler (the learner's own settings).
  public init(scheduler: Scheduler) {
    self.scheduler = scheduler
  }

  /// Creates a replay with `parameters`, the given time semantics and py-fsrs defaults for everything else.
  ///
  /// - Throws: ``SchedulerError`` when the parameters are out of range.
  public init(parameters: Parameters, timeSemantics: TimeSemantics) throws(SchedulerError) {
    try self.init(config: SchedulerConfig(parameters: parameters, timeSemantics: timeSemantics))
  }

  /// Each entry with the card's state before and after it, in time order per card (for importing history).
  public func replayStates(_ entries: [RevlogEntry]) -> [(entry: RevlogEntry, before: CardState, after: CardState)] {
    var cards: [String: CardState] = [:]
    let ordered = entries.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
    return ordered.map { _, entry in
      let before = cards[entry.cardID] ?? .new
      let after = scheduler.review(before, rating: entry.rating, at: entry.time).card
      cards[entry.cardID] = after
      return (entry, before, after)
    }
  }

  /// One step per entry, in the order of `entries`; each card's reviews are answered in time order
  /// (entries with equal times in their given order).
  public func replay(_ entries: [RevlogEntry]) -> [RevlogReplayStep] {
    var indicesByCard: [String: [Int]] = [:]
    for (index, entry) in entries.enumerated() {
      indicesByCard[entry.cardID, default: []].append(index)
    }
    var steps = [RevlogReplayStep?](repeating: nil, count: entries.count)
    for indices in indicesByCard.values {
      let ordered = indices.sorted { (entries[$0].time, $0) < (entries[$1].time, $1) }
      var card = CardState.new
      for (reviewIndex, index) in ordered.enumerated() {
        let entry = entries[index]
        let elapsed = card.lastReview.map { scheduler.elapsedDays(from: $0, to: entry.time) }
        let before = scheduler.retrievability(of: card, at: entry.time)
        card = scheduler.review(card, rating: entry.rating, at: entry.time).card
        let memory = card.memory ?? MemoryState(stability: 0, difficulty: 0)
        steps[index] = RevlogReplayStep(
          cardID: entry.cardID, reviewIndex: reviewIndex, time: entry.time, rating: entry.rating,
          elapsedDays: elapsed, retrievabilityBefore: before, stability: memory.stability,
          difficulty: memory.difficulty, state: card.kind, step: card.step, due: card.due ?? entry.time)
      }
    }
    return steps.compactMap { $0 }
  }
}
