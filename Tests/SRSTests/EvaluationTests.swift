import Foundation
import SRS
import Testing

/// Cross-check against `fit_revlog.py`'s plain-Python metrics on a small `make_revlog.py` log
/// (`Fixtures/metrics_revlog.csv`, expectations in `Fixtures/metrics_expected.json`).
@Suite("Evaluation against fit_revlog.py")
struct EvaluationTests {
  struct Expected: Decodable {
    struct Row: Decodable {
      let name: String
      let parameters: [Double]
      let recencyWeighted: Bool
      let logLoss: Double
      let rmseBins: Double
      let auc: Double
      let n: Int
    }
    let items: Int
    let evaluations: [Row]
  }

  static let fixtures = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

  /// The metrics fixture as fsrs-rs items (see ``RevlogFixture``).
  static func items() throws -> [ReviewHistory] { try RevlogFixture.items("metrics_revlog.csv") }

  @Test func evaluation_matchesPythonMetricsWithin1e9() throws {
    let data = try Data(contentsOf: Self.fixtures.appending(path: "metrics_expected.json"))
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let expected = try decoder.decode(Expected.self, from: data)
    let items = try Self.items()
    #expect(items.count == expected.items)
    #expect(expected.evaluations.count == 4)
    for row in expected.evaluations {
      let fsrs = FSRS(parameters: try Parameters(row.parameters))
      let result = ModelEvaluation.evaluate(fsrs, on: items, recencyWeighted: row.recencyWeighted)
      let label = Comment(rawValue: "\(row.name) weighted=\(row.recencyWeighted)")
      #expect(result.count == row.n, label)
      #expect(relativelyEqual(result.logLoss, row.logLoss), label)
      #expect(relativelyEqual(result.rmseBins, row.rmseBins), label)
      #expect(relativelyEqual(result.auc ?? .nan, row.auc), label)
    }
  }

  @Test func trainingItems_skipSameDayReviewsButKeepThemInHistory() {
    let t = Date(timeIntervalSince1970: 1_704_099_600)  // 09:00Z
    let reviews: [(date: Date, rating: Rating)] = [
      (t, .again), (t.addingTimeInterval(600), .good), (t.addingTimeInterval(86_400), .good),
    ]
    let items = ReviewHistory.trainingItems(from: reviews, semantics: .ankiDefault)
    #expect(items.count == 1)
    #expect(items.first?.item.reviews.map(\.deltaT) == [0, 0, 1])
  }

  @Test func memoryReplay_reproducesUpstreamMemoState() throws {
    let history: [ReviewHistory.Review] = zip([Rating.again, .good, .good, .good, .good, .good], [0, 0, 1, 3, 8, 21])
      .map { ReviewHistory.Review(rating: $0, deltaT: $1) }
    let memory = try #require(FSRS().memoryState(replaying: history))
    #expect(abs(memory.stability - 53.62691) < 1e-4)
    #expect(abs(memory.difficulty - 6.3574867) < 1e-4)
  }
}
