import Foundation
import SRS
import Testing

@testable import Interop

/// Files that parse: layouts, time formats, skipped rows and the summary.
@Suite struct RevlogReaderValidInputTests {
  @Test func theValidFixtureParsesEveryReviewInFileOrder() throws {
    let result = try #require(TestFixtures.parsed(RevlogReader().parse(fileAt: TestFixtures.url("valid.csv"))))
    #expect(result.entries.map(\.cardID) == ["1001", "1001", "card, with comma", "1002", "1001", "card, with comma"])
    #expect(result.entries.map(\.rating) == [.good, .good, .again, .easy, .hard, .good])
    #expect(result.entries.map(\.state) == [0, 0, 0, nil, 1, 1])
    #expect(result.entries.map(\.durationMs) == [5200, 3100, nil, nil, 8000, 2500])
  }

  @Test func theSummaryCountsRowsSkippedRowsByReasonAndCards() throws {
    let result = try #require(TestFixtures.parsed(RevlogReader().parse(fileAt: TestFixtures.url("valid.csv"))))
    #expect(result.summary.rows == 8)
    #expect(result.summary.imported == 6)
    #expect(result.summary.skipped == [.manual: 1, .rescheduled: 1])
    #expect(result.summary.skippedCount == 2)
    #expect(result.summary.cards == 3)
  }

  @Test func unixMillisecondsAndISOTimesWithAZoneGiveTheSameInstants() throws {
    let csv = """
      card_id,review_time,review_rating
      a,1700000000000,3
      b,2023-11-14T22:13:20Z,3
      c,2023-11-14T23:13:20+01:00,3
      d,2023-11-14T22:13:20.250Z,3
      e,1700000000250,3
      """
    let entries = try #require(TestFixtures.parsed(RevlogReader().parse(string: csv))).entries
    let instant = Date(timeIntervalSince1970: 1_700_000_000)
    #expect(entries.prefix(3).allSatisfy { $0.time == instant })
    #expect(entries[3].time == instant.addingTimeInterval(0.25))
    #expect(entries[4].time == instant.addingTimeInterval(0.25))
  }

  @Test func columnsMayComeInAnyOrderWithExtraColumnsAndWithoutTheOptionalOnes() throws {
    let csv = "note,review_rating,Review_Time , card_id\nhello,4,1700000000000,42\n"
    let entries = try #require(TestFixtures.parsed(RevlogReader().parse(string: csv))).entries
    #expect(entries == [RevlogEntry(cardID: "42", time: Date(timeIntervalSince1970: 1_700_000_000), rating: .easy)])
  }

  @Test func crlfLineEndingsAByteOrderMarkAndBlankLinesAreAccepted() throws {
    let csv = "\u{FEFF}card_id,review_time,review_rating\r\n1,1000,3\r\n\r\n1,2000,1\r\n"
    let result = try #require(TestFixtures.parsed(RevlogReader().parse(string: csv)))
    #expect(result.entries.map(\.rating) == [.good, .again])
    #expect(result.summary.rows == 2)
  }

  @Test func aFileWhoseRowsAreAllSkippedParsesToNoEntries() throws {
    let csv = "card_id,review_time,review_rating,review_state\n1,1000,0,4\n1,2000,0,5\n"
    let result = try #require(TestFixtures.parsed(RevlogReader().parse(string: csv)))
    #expect(result.entries.isEmpty)
    #expect(result.summary.skipped == [.manual: 1, .rescheduled: 1])
  }

  @Test func equalTimesOnDifferentCardsAreNotDuplicates() throws {
    let csv = "card_id,review_time,review_rating\n1,1000,3\n2,1000,3\n"
    let result = try #require(TestFixtures.parsed(RevlogReader().parse(string: csv)))
    #expect(result.summary.cards == 2)
  }
}
