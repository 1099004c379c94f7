import Foundation
import SRS
import Testing

@testable import Interop

/// Replaying revlog fixtures written from the py-fsrs golden sequences gives the golden memory states.
@Suite struct RevlogReplayTests {
  static let defaultCards = [
    "upstream_test_review_card", "all_easy", "all_good_12", "hard_path", "overdue_and_lapse", "same_day_and_early",
    "fractional_days",
  ]

  static func isClose(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
    abs(a - b) <= relative * max(abs(b), 1e-300)
  }

  /// Checks every step of `steps` for `card` against the golden sequence of the same name.
  static func expectMatchesGolden(_ steps: [RevlogReplayStep], card: String, golden: GoldenSequences) throws {
    let sequence = try #require(golden.sequences.first { $0.name == card })
    let replayed = steps.filter { $0.cardID == card }
    try #require(replayed.count == sequence.steps.count, "\(card): \(replayed.count) reviews replayed")
    for (step, expected) in zip(replayed, sequence.steps) {
      let context = "\(card) review \(expected.index)"
      #expect(step.reviewIndex == expected.index, "\(context)")
      #expect(step.rating.rawValue == expected.rating, "\(context)")
      #expect(isClose(step.stability, expected.after.stability), "\(context): S \(step.stability)")
      #expect(isClose(step.difficulty, expected.after.difficulty), "\(context): D \(step.difficulty)")
      #expect(abs(step.retrievabilityBefore - expected.retrievabilityBefore) <= 1e-12, "\(context)")
      #expect(step.elapsedDays == expected.elapsedDaysFloor, "\(context)")
      #expect(step.state.rawValue == expected.after.state.lowercased(), "\(context)")
      #expect(step.step == expected.after.step, "\(context)")
    }
  }

  @Test func sevenInterleavedGoldenCardsWithMillisecondTimesReplayToTheGoldenStates() throws {
    let golden = try GoldenSequences.load()
    let parsed = RevlogReader().parse(fileAt: TestFixtures.url("golden_default.csv"))
    let entries = try #require(TestFixtures.parsed(parsed)).entries
    let config = try #require(golden.sequences.first { $0.name == "all_easy" }).scheduler.config()
    #expect(config == SchedulerConfig())
    let steps = try RevlogReplay(config: config).replay(entries)
    #expect(steps.map(\.cardID) == entries.map(\.cardID))
    for card in Self.defaultCards {
      try Self.expectMatchesGolden(steps, card: card, golden: golden)
    }
  }

  @Test func customParametersWithISOTimesReplayToTheGoldenStates() throws {
    let golden = try GoldenSequences.load()
    let sequence = try #require(golden.sequences.first { $0.name == "custom_params" })
    let parsed = RevlogReader().parse(fileAt: TestFixtures.url("golden_custom_params.csv"))
    let entries = try #require(TestFixtures.parsed(parsed)).entries
    let replay = try RevlogReplay(
      parameters: try Parameters(sequence.scheduler.parameters), timeSemantics: .elapsedDays)
    try Self.expectMatchesGolden(replay.replay(entries), card: "custom_params", golden: golden)
  }

  @Test func eachCardIsReplayedInTimeOrderWhileStepsFollowTheInputOrder() throws {
    let day: TimeInterval = 86_400
    let entries = [
      RevlogEntry(cardID: "b", time: Date(timeIntervalSince1970: 5 * day), rating: .good),
      RevlogEntry(cardID: "a", time: Date(timeIntervalSince1970: 3 * day), rating: .good),
      RevlogEntry(cardID: "a", time: Date(timeIntervalSince1970: 0), rating: .again),
    ]
    let steps = try RevlogReplay(config: SchedulerConfig()).replay(entries)
    #expect(steps.map(\.cardID) == ["b", "a", "a"])
    #expect(steps.map(\.reviewIndex) == [0, 1, 0])
    #expect(steps.map(\.elapsedDays) == [nil, 3, nil])
    #expect(steps[2].stability == FSRS().initialStability(.again))
  }

  @Test func eachStepEncodesAsOneFlatJSONObject() throws {
    let entries = [
      RevlogEntry(cardID: "1", time: Date(timeIntervalSince1970: 0), rating: .good),
      RevlogEntry(cardID: "1", time: Date(timeIntervalSince1970: 86_400 * 2), rating: .easy),
    ]
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let lines = try RevlogReplay(config: SchedulerConfig()).replay(entries).map {
      String(decoding: try encoder.encode($0), as: UTF8.self)
    }
    let first = try #require(lines.first)
    #expect(!first.contains("elapsedDays"))
    for key in ["cardID", "difficulty", "due", "rating", "retrievabilityBefore", "stability", "state", "time"] {
      #expect(lines.allSatisfy { $0.contains("\"\(key)\":") }, "\(key)")
    }
    #expect(lines[1].contains("\"elapsedDays\":2") && lines[1].contains("\"state\":\"review\""))
  }
}
