import Foundation
import SRS
import Testing

@testable import Interop

/// Inputs found by Fuzz/RevlogImporter (scripts/fuzz), kept so they stay fixed; and `parse(data:)`, the byte
/// entry point the fuzz target reads with.
@Suite struct FuzzRevlogRegressionTests {
  /// A review time of Int64.max milliseconds parsed as a date, and replaying it trapped in
  /// `Scheduler.fuzzSeed` ("Double value cannot be converted to Int64"). Times after the year 9999 are now
  /// refused with their line and column.
  @Test("a review time after the year 9999 is an error on its line, not a trap in the replay")
  func aReviewTimeBeyondTheYear9999IsRefused() throws {
    let csv = "card_id,review_time,review_rating\n1,0,1\n1,9223372036854775807,4\n"
    let errors = try #require(TestFixtures.errors(csv))
    #expect(errors.totalCount == 1)
    let error = try #require(errors.errors.first)
    #expect(error.line == 3 && error.column == "review_time")
    #expect(error.issue == .timeOutOfRange("9223372036854775807"))
    #expect(error.description.contains("after the year 9999"), Comment(rawValue: error.description))
  }

  @Test("the last millisecond of the year 9999 is accepted and replays")
  func theLastMillisecondOfTheYear9999IsAccepted() throws {
    let csv = "card_id,review_time,review_rating\n1,1700000000000,3\n1,253402300799999,3\n"
    let parsed = try #require(TestFixtures.parsed(RevlogReader().parse(string: csv)))
    #expect(parsed.entries.map(\.timeMilliseconds) == [1_700_000_000_000, 253_402_300_799_999])
    let steps = try RevlogReplay(config: SchedulerConfig()).replay(parsed.entries)
    #expect(steps.count == 2 && steps.allSatisfy { $0.stability.isFinite && $0.stability > 0 })
    let late = try #require(
      TestFixtures.errors(csv.replacingOccurrences(of: "253402300799999", with: "253402300800000")))
    #expect(late.errors.map(\.issue) == [.timeOutOfRange("253402300800000")])
  }

  @Test("parse(data:) reads the same entries as parse(string:), and refuses empty, oversized and non-UTF-8 bytes")
  func parseDataMatchesParseString() throws {
    let csv = "card_id,review_time,review_rating\n1,1700000000000,3\n2,2024-01-01T09:00:00Z,1\n"
    let fromData = try #require(TestFixtures.parsed(RevlogReader().parse(data: Data(csv.utf8))))
    let fromString = try #require(TestFixtures.parsed(RevlogReader().parse(string: csv)))
    #expect(fromData == fromString)

    guard case .failure(let empty) = RevlogReader().parse(data: Data()) else {
      Issue.record("0 bytes parsed")
      return
    }
    #expect(empty.errors.map(\.issue) == [.emptyFile])

    guard case .failure(let large) = RevlogReader(maximumBytes: 10).parse(data: Data(csv.utf8)) else {
      Issue.record("a file over the limit parsed")
      return
    }
    #expect(large.errors.map(\.issue) == [.fileTooLarge(bytes: Int64(csv.utf8.count), limit: 10)])

    let invalid = Data("card_id,review_time,review_rating\n1,1700000000000,3\n\u{1}".utf8) + Data([0xFF, 0xFE, 0x0A])
    guard case .failure(let notUTF8) = RevlogReader().parse(data: invalid) else {
      Issue.record("bytes that are not UTF-8 parsed")
      return
    }
    #expect(notUTF8.errors.map(\.issue).contains(.invalidUTF8))
  }
}
