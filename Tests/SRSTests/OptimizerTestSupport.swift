import Foundation
import SRS

/// Loads `Fixtures/<name>` (make_revlog.py layout) into fsrs-rs items sorted by (review time, card id),
/// days rolling over at 04:00 UTC.
enum RevlogFixture {
  static let directory = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

  static func items(_ name: String = "optimizer_revlog.csv") throws -> [ReviewHistory] {
    let text = try String(contentsOf: directory.appending(path: name), encoding: .utf8)
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
}

extension ReviewHistory {
  /// Builds a history from `(rating, Δt)` pairs.
  init(_ pairs: [(Int, Int)]) {
    self.init(reviews: pairs.map { Review(rating: Rating(rawValue: $0.0)!, deltaT: $0.1) })
  }
}
