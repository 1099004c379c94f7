import Foundation
import SRS

/// The py-fsrs 6.3.2 golden vectors (`fsrs_reference.py` output), decoded from `Fixtures/fsrs_reference.json`.
struct GoldenFixture: Decodable, Sendable {
  struct Sequence: Decodable, Sendable {
    let name: String
    let scheduler: SchedulerDict
    let steps: [Step]
  }

  struct SchedulerDict: Decodable, Sendable {
    let parameters: [Double]
    let desiredRetention: Double
    let learningSteps: [Double]
    let relearningSteps: [Double]
    let maximumInterval: Int
    let enableFuzzing: Bool
  }

  struct Step: Decodable, Sendable {
    let index: Int
    let reviewDatetime: String
    let rating: Int
    let elapsedDaysFloor: Int?
    let retrievabilityBefore: Double
    let after: Snapshot
    let intervalSeconds: Double
    let intervalDaysFloor: Int
    let retrievabilityAtDue: Double
  }

  struct Snapshot: Decodable, Sendable {
    let state: String
    let step: Int?
    let stability: Double
    let difficulty: Double
    let due: String
    let lastReview: String
  }

  struct Functions: Decodable, Sendable {
    let constants: Constants
    let initial: [Initial]
    let retrievability: [Curve]
    let nextInterval: [IntervalRow]
    let fsrsRsNextIntervalS1: RsIntervals
    let nextDifficulty: [DifficultyRow]
    let nextStabilityLongTerm: [StabilityRow]
    let shortTermStability: [ShortTermRow]
  }

  struct Constants: Decodable, Sendable {
    enum CodingKeys: String, CodingKey {
      case decay = "DECAY", factor = "FACTOR", defaultParameters, lowerBounds, upperBounds, stabilityMin
      case difficultyMin, difficultyMax
    }
    let decay: Double
    let factor: Double
    let defaultParameters: [Double]
    let lowerBounds: [Double]
    let upperBounds: [Double]
    let stabilityMin: Double
    let difficultyMin: Double
    let difficultyMax: Double
  }

  struct Initial: Decodable, Sendable {
    let rating: Int
    let stability: Double
    let difficulty: Double
    let difficultyUnclamped: Double
  }

  struct Curve: Decodable, Sendable {
    let w20: Double
    let decay: Double
    let factor: Double
    let points: [Point]
    let libraryCheck: [LibraryPoint]
  }

  struct Point: Decodable, Sendable {
    let s: Double
    let tDays: Int
    let r: Double
    enum CodingKeys: String, CodingKey { case s = "S", tDays, r = "R" }
  }

  struct LibraryPoint: Decodable, Sendable {
    let s: Double
    let tDays: Int
    let rLibrary: Double
    enum CodingKeys: String, CodingKey { case s = "S", tDays, rLibrary }
  }

  struct IntervalRow: Decodable, Sendable {
    let desiredRetention: Double
    let s: Double
    let rawDays: Double
    let intervalDays: Int
    enum CodingKeys: String, CodingKey { case desiredRetention, s = "S", rawDays, intervalDays }
  }

  struct RsIntervals: Decodable, Sendable {
    let desiredRetention: [Double]
    let expectedFromFsrsRsTest: [Int]
    let pyFsrsRaw: [Double]
  }

  struct DifficultyRow: Decodable, Sendable {
    let d: Double
    let rating: Int
    let nextD: Double
    enum CodingKeys: String, CodingKey { case d = "D", rating, nextD }
  }

  struct StabilityRow: Decodable, Sendable {
    let d: Double
    let s: Double
    let r: Double
    let rating: Int
    let nextS: Double
    enum CodingKeys: String, CodingKey { case d = "D", s = "S", r = "R", rating, nextS }
  }

  struct ShortTermRow: Decodable, Sendable {
    let s: Double
    let rating: Int
    let nextS: Double
    enum CodingKeys: String, CodingKey { case s = "S", rating, nextS }
  }

  struct Fuzz: Decodable, Sendable {
    let rows: [FuzzRow]
  }

  struct FuzzRow: Decodable, Sendable {
    let intervalDays: Int
    let delta: Double
    let minIvl: Int
    let maxIvl: Int
    let observedMin: Int
    let observedMax: Int
  }

  struct UpstreamCheck: Decodable, Sendable {
    let name: String
    let pass: Bool
  }

  let sequences: [Sequence]
  let functions: Functions
  let fuzz: Fuzz
  let upstreamChecks: [UpstreamCheck]

  /// The 13 sequence names, in fixture order (used as `@Test` arguments; a test checks the list is complete).
  static let sequenceNames = [
    "upstream_test_review_card", "upstream_memo_state", "all_easy", "all_good_12", "hard_path",
    "overdue_and_lapse", "same_day_and_early", "no_steps", "multi_steps", "dr080_maxivl30", "dr095",
    "custom_params", "fractional_days",
  ]

  static let url = URL(filePath: #filePath).deletingLastPathComponent()
    .appending(path: "Fixtures/fsrs_reference.json")

  private static let cached = Result { try load() }

  /// The decoded fixture (decoded once per test process).
  static func shared() throws -> GoldenFixture { try cached.get() }

  static func load() throws -> GoldenFixture {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(GoldenFixture.self, from: Data(contentsOf: url))
  }

  func sequence(named name: String) -> Sequence? { sequences.first { $0.name == name } }
}

enum GoldenDates {
  static func parse(_ text: String) -> Date? {
    ISO8601DateFormatter().date(from: text)
  }
}

/// `|a − b| ≤ tolerance · max(|a|, |b|)` (exact equality always passes).
func relativelyEqual(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
  a == b || abs(a - b) <= tolerance * max(abs(a), abs(b))
}

extension SchedulerConfig {
  init(golden dict: GoldenFixture.SchedulerDict) throws {
    self.init(
      parameters: try Parameters(dict.parameters),
      desiredRetention: dict.desiredRetention,
      learningSteps: dict.learningSteps,
      relearningSteps: dict.relearningSteps,
      maximumInterval: dict.maximumInterval,
      enableFuzz: dict.enableFuzzing)
  }
}
