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

  /// Loads the CSV and builds fsrs-rs items sorted by (review time, card id), days rolling over at 04:00 UTC.
  static func items() throws -> [ReviewHistory] {
    let text = try String(contentsOf: fixtures.appending(path: "metrics_revlog.csv"), encoding: .utf8)
    var cards: [Int: [(date: Date, rating: Rating)]] = [:]
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
      let f = line.split(separator: ",")
      guard f.count >= 4, f[3] != "4", f[3] != "5", let id = Int(f[0]), let ms = Double(f[1]),
        let rating = Rating(parsing: f[2])
      else { continue }
      cards[id, default: []].append((Date(timeIntervalSince1970: ms / 1000), rating))
    }
    var items: [(date: Date, id: Int, item: ReviewHistory)] = []
    for (id, reviews) in cards {
      for entry in ReviewHistory.trainingItems(from: reviews, semantics: .ankiDefault) {
        items.append((entry.date, id, entry.item))
      }
    }
    items.sort { ($0.date, $0.id) < ($1.date, $1.id) }
    return items.map(\.item)
  }

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
