import Foundation
import SRS

/// The py-fsrs 6.3.2 golden sequences copied from `/work/shared/data/fsrs_reference.json` into
/// `Fixtures/golden_sequences.json` (the objects are unchanged; only the sequences used here are kept).
struct GoldenSequences: Decodable {
  struct Sequence: Decodable {
    let name: String
    let scheduler: SchedulerSettings
    let steps: [Step]
  }

  struct SchedulerSettings: Decodable {
    let parameters: [Double]
    let desiredRetention: Double
    let learningSteps: [Double]
    let relearningSteps: [Double]
    let maximumInterval: Int

    /// The same settings as a configuration (fuzz off, py-fsrs day counting, as the generator used).
    func config() throws -> SchedulerConfig {
      SchedulerConfig(
        parameters: try Parameters(parameters), desiredRetention: desiredRetention, learningSteps: learningSteps,
        relearningSteps: relearningSteps, maximumInterval: maximumInterval, timeSemantics: .elapsedDays)
    }
  }

  /// One review: `after` is the card after it; `elapsedDaysFloor` is absent for the first.
  struct Step: Decodable {
    let index: Int
    let reviewDatetime: String
    let rating: Int
    let elapsedDaysFloor: Int?
    let retrievabilityBefore: Double
    let after: After
  }

  struct After: Decodable {
    let state: String
    let step: Int?
    let stability: Double
    let difficulty: Double
  }

  let sequences: [Sequence]

  static func load() throws -> GoldenSequences {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(Self.self, from: Data(contentsOf: TestFixtures.url("golden_sequences.json")))
  }
}
