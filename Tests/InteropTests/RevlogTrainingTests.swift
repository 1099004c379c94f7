import Foundation
import SRS
import Testing

@testable import Interop

/// Training items: per-card histories as SRS builds them, sorted by (time, card id) like fit_revlog.py.
@Suite struct RevlogTrainingTests {
  static let hour: TimeInterval = 3_600

  static func entry(_ card: String, _ hours: Double, _ rating: Rating) -> RevlogEntry {
    RevlogEntry(cardID: card, time: Date(timeIntervalSince1970: hours * hour), rating: rating)
  }

  @Test func itemsAreSortedByTimeThenNumericCardIDThenTextID() {
    let entries = [
      Self.entry("x", 5, .good), Self.entry("10", 5, .good), Self.entry("9", 5, .good),
      Self.entry("x", 53, .good), Self.entry("10", 53, .good), Self.entry("9", 77, .good),
    ]
    let items = RevlogTraining.items(from: entries)
    #expect(items.map(\.cardID) == ["10", "x", "9"])
    #expect(items.map(\.date) == [53, 53, 77].map { Date(timeIntervalSince1970: $0 * Self.hour) })
  }

  @Test func sameDayReviewsStayInTheHistoryButYieldNoItemOfTheirOwn() {
    let entries = [
      Self.entry("1", 10, .again), Self.entry("1", 11, .good), Self.entry("1", 58, .good), Self.entry("1", 130, .hard),
    ]
    let histories = RevlogTraining.histories(from: entries)
    let expected: [[ReviewHistory.Review]] = [
      [.init(rating: .again, deltaT: 0), .init(rating: .good, deltaT: 0), .init(rating: .good, deltaT: 2)],
      [
        .init(rating: .again, deltaT: 0), .init(rating: .good, deltaT: 0), .init(rating: .good, deltaT: 2),
        .init(rating: .hard, deltaT: 3),
      ],
    ]
    #expect(histories.map(\.reviews) == expected)
  }

  @Test func daysAreCountedWithAnkisFourOClockRolloverByDefault() {
    let entries = [Self.entry("1", 3, .good), Self.entry("1", 5, .good)]
    #expect(RevlogTraining.items(from: entries).map(\.history.reviews.last?.deltaT) == [1])
    #expect(RevlogTraining.items(from: entries, semantics: .elapsedDays).isEmpty)
  }

  @Test func theItemsMatchSRSTrainingItemsForEachCard() throws {
    let entries = try #require(
      TestFixtures.parsed(RevlogReader().parse(fileAt: TestFixtures.url("golden_default.csv")))
    ).entries
    let items = RevlogTraining.items(from: entries)
    for card in Set(entries.map(\.cardID)) {
      let reviews = entries.filter { $0.cardID == card }.map { (date: $0.time, rating: $0.rating) }
      let expected = ReviewHistory.trainingItems(from: reviews, semantics: .ankiDefault)
      let actual = items.filter { $0.cardID == card }
      #expect(actual.map(\.history) == expected.map(\.item), "\(card)")
      #expect(actual.map(\.date) == expected.map(\.date), "\(card)")
    }
    #expect(zip(items, items.dropFirst()).allSatisfy { $0.date <= $1.date })
  }
}
