import Foundation
import SRS
import Testing

@Suite("Golden sequences (py-fsrs 6.3.2, fuzz off)")
struct GoldenSequenceTests {
  @Test func fixtureContainsExactlyTheReplayedSequences() throws {
    let fixture = try GoldenFixture.shared()
    #expect(fixture.sequences.map(\.name) == GoldenFixture.sequenceNames)
  }

  @Test(arguments: GoldenFixture.sequenceNames)
  func replayingSequence_matchesPyFSRSAtEveryStep(name: String) throws {
    let fixture = try GoldenFixture.shared()
    let sequence = try #require(fixture.sequence(named: name))
    let scheduler = try Scheduler(config: SchedulerConfig(golden: sequence.scheduler))
    var card = CardState.new
    for step in sequence.steps {
      let when = try #require(GoldenDates.parse(step.reviewDatetime))
      let rating = try #require(Rating(rawValue: step.rating))
      let context = Comment(rawValue: "\(name) step \(step.index) (\(rating))")

      let before = scheduler.retrievability(of: card, at: when)
      #expect(relativelyEqual(before, step.retrievabilityBefore), context)
      if let last = card.lastReview {
        #expect(scheduler.elapsedDays(from: last, to: when) == step.elapsedDaysFloor, context)
      }

      let outcome = scheduler.review(card, rating: rating, at: when)
      card = outcome.card
      let expected = step.after
      #expect(Self.pyState(card) == expected.state, context)
      #expect(card.step == expected.step, context)
      let memory = try #require(card.memory)
      #expect(relativelyEqual(memory.stability, expected.stability), context)
      #expect(relativelyEqual(memory.difficulty, expected.difficulty), context)
      #expect(card.due == GoldenDates.parse(expected.due), context)
      #expect(card.lastReview == GoldenDates.parse(expected.lastReview), context)
      #expect(outcome.interval == step.intervalSeconds, context)
      #expect(card.scheduledInterval == step.intervalSeconds, context)
      let due = try #require(card.due)
      #expect(relativelyEqual(scheduler.retrievability(of: card, at: due), step.retrievabilityAtDue), context)
    }
  }

  /// py-fsrs has no New state; after any review the card is Learning, Review or Relearning.
  static func pyState(_ card: CardState) -> String {
    switch card.kind {
    case .new: "New"
    case .learning: "Learning"
    case .review: "Review"
    case .relearning: "Relearning"
    }
  }
}
