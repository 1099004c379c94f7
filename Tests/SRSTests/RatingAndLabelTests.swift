import Foundation
import SRS
import Testing

@Suite("Rating parsing and interval labels")
struct RatingAndLabelTests {
  static let spellings: [(String, Rating)] = [
    ("1", .again), ("again", .again), (" Hard ", .hard), ("2", .hard), ("3", .good), ("GOOD", .good),
    ("4", .easy), ("easy", .easy),
  ]

  @Test(arguments: spellings)
  func parsing_acceptsDigitsAndNames(text: String, rating: Rating) {
    #expect(Rating(parsing: text) == rating)
  }

  @Test(arguments: ["0", "5", "", "ok", "goo"])
  func parsing_rejectsEverythingElse(text: String) {
    #expect(Rating(parsing: text) == nil)
  }

  static let labels: [(Double, String)] = [
    (30, "30s"), (60, "1m"), (330, "6m"), (600, "10m"), (5400, "1.5h"), (86_400, "1d"), (691_200, "8d"),
    (8_294_400, "3.2mo"), (2_592_000, "1mo"), (34_560_000, "1.1y"), (3_153_600_000, "100y"),
  ]

  @Test(arguments: labels)
  func label_usesShortestSensibleUnit(seconds: Double, label: String) {
    #expect(IntervalLabel.format(seconds) == label)
  }
}
