import Foundation
import PropertyBased
import SRS
import Testing

@testable import Interop

/// The writer's layout, and that whatever it writes reads back to the same entries.
@Suite struct RevlogWriterTests {
  /// Card ids with the characters CSV must quote (comma, quote, line breaks), non-ASCII text and digits;
  /// never empty and never with surrounding whitespace (the reader trims fields).
  static let cardID = Gen<Character?>
    .element(of: Array("ab09,\"\n\r é日🙂;'") as [Character])
    .map { $0! }
    .string(of: 0...8)
    .map { "c" + $0 + "z" }

  static let entries = PropertyBased.zip(
    cardID.array(of: 1...4), Gen.int(in: 0...4).array(of: 0...30), Gen.int(in: 1...4), Gen.int(in: 0...3),
    Gen.int(in: 0...100_000), Gen.int(in: 0...1_000_000_000)
  )
  .map { ids, choices, rating, state, duration, gap in
    var time: Int64 = 1_600_000_000_000
    return choices.enumerated().map { offset, choice in
      time += Int64(gap + offset + 1)
      return RevlogEntry(
        cardID: ids[choice % ids.count], time: Date(timeIntervalSince1970: Double(time) / 1000),
        rating: Rating(rawValue: (rating + offset) % 4 + 1)!, state: offset % 3 == 0 ? nil : (state + offset) % 4,
        durationMs: offset % 4 == 1 ? nil : duration + offset)
    }
  }

  @Test func writtenEntriesReadBackUnchanged() async {
    await propertyCheck(count: 200, input: Self.entries) { entries in
      let csv = try RevlogWriter().string(from: entries)
      switch RevlogReader().parse(string: csv) {
      case .success(let result):
        #expect(result.entries == entries)
        #expect(result.summary.rows == entries.count)
      case .failure(let errors):
        #expect(entries.isEmpty, "\(errors)")
      }
    }
  }

  @Test func theHeaderComesFirstTimesAreMillisecondsAndMissingValuesAreEmpty() throws {
    let entries = [
      RevlogEntry(cardID: "say \"hi\", twice", time: Date(timeIntervalSince1970: 1_700_000_000.25), rating: .hard),
      RevlogEntry(
        cardID: "42", time: Date(timeIntervalSince1970: 1_700_000_001), rating: .easy, state: 2, durationMs: 7),
    ]
    let csv = try RevlogWriter().string(from: entries)
    #expect(
      csv == """
        card_id,review_time,review_rating,review_state,review_duration
        "say ""hi"", twice",1700000000250,2,,
        42,1700000001000,4,2,7

        """)
  }

  @Test func aWrittenFileParsesBackFromDisk() throws {
    let directory = try TestFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appending(path: "out.csv")
    let original = try #require(TestFixtures.parsed(RevlogReader().parse(fileAt: TestFixtures.url("valid.csv"))))
    try RevlogWriter().write(original.entries, to: url)
    let reread = try #require(TestFixtures.parsed(RevlogReader().parse(fileAt: url)))
    #expect(reread.entries == original.entries)
  }
}
