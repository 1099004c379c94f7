import Foundation
import Testing

@testable import Interop

/// Whole-file problems: empty, header-only, unreadable, not UTF-8, and too large (refused before reading).
@Suite struct RevlogReaderFileLimitTests {
  @Test func aZeroByteFileIsAnEmptyFileError() throws {
    let directory = try TestFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appending(path: "empty.csv")
    #expect(FileManager.default.createFile(atPath: url.path, contents: Data()))
    guard case .failure(let errors) = RevlogReader().parse(fileAt: url) else {
      Issue.record("an empty file parsed")
      return
    }
    #expect(errors.errors == [RevlogError(line: nil, issue: .emptyFile)])
    #expect(errors.description.contains("empty (0 bytes)"))
    #expect(TestFixtures.errors("")?.errors.first?.issue == .emptyFile)
  }

  @Test func aFileWithoutAFinalLineBreakIsReadToItsLastRow() throws {
    let directory = try TestFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let good = directory.appending(path: "good.csv")
    let bad = directory.appending(path: "bad.csv")
    try Data("card_id,review_time,review_rating\n1,1000,3\n1,2000,4".utf8).write(to: good)
    try Data("card_id,review_time,review_rating\n1,1000,3\n1,900,4".utf8).write(to: bad)
    let entries = try #require(TestFixtures.parsed(RevlogReader().parse(fileAt: good))).entries
    #expect(entries.map(\.rating) == [.good, .easy])
    guard case .failure(let errors) = RevlogReader().parse(fileAt: bad) else {
      Issue.record("an out-of-order last row was accepted")
      return
    }
    #expect(errors.errors.map(\.line) == [3])
  }

  @Test(arguments: ["card_id,review_time,review_rating", "card_id,review_time,review_rating\n\n\n"])
  func aFileWithOnlyAHeaderIsAnError(csv: String) throws {
    let errors = try #require(TestFixtures.errors(csv))
    #expect(errors.errors.map(\.issue) == [.headerOnly])
    #expect(errors.description == "the file has a header but no reviews")
  }

  @Test func bytesThatAreNotUTF8AreReportedOnTheirLineAndStopTheRead() throws {
    guard case .failure(let errors) = RevlogReader().parse(fileAt: TestFixtures.url("invalid_utf8.csv")) else {
      Issue.record("a file with invalid UTF-8 parsed")
      return
    }
    #expect(errors.errors == [RevlogError(line: 4, issue: .invalidUTF8)])
    #expect(errors.description == "line 4: the text is not valid UTF-8; reading stopped")
  }

  @Test func aSparseTwoGigabyteFileIsRefusedFromItsSizeWithoutBeingRead() throws {
    let directory = try TestFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appending(path: "huge.csv")
    #expect(FileManager.default.createFile(atPath: url.path, contents: Data("card_id,review_time\n".utf8)))
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 2 << 30)
    try handle.close()

    // Read, its 2 GiB of zero bytes would fail as a damaged row (or exhaust memory); refused from its size, it
    // fails with the size error below.
    let result = RevlogReader().parse(fileAt: url)
    guard case .failure(let errors) = result else {
      Issue.record("a 2 GB file was accepted")
      return
    }
    #expect(errors.errors == [RevlogError(line: nil, issue: .fileTooLarge(bytes: 2 << 30, limit: 512 << 20))])
    #expect(errors.description == "the file is 2147483648 bytes, above the limit of 536870912 bytes; it was not read")
  }

  @Test func theSizeLimitIsConfigurableForFilesAndStrings() throws {
    let csv = "card_id,review_time,review_rating\n1,1000,3\n"
    let reader = RevlogReader(maximumBytes: 20)
    #expect(TestFixtures.errors(csv, reader: reader)?.errors.first?.issue == .fileTooLarge(bytes: 43, limit: 20))
    let result = RevlogReader().parse(fileAt: TestFixtures.url("valid.csv"))
    guard case .failure(let errors) = RevlogReader(maximumBytes: 100).parse(fileAt: TestFixtures.url("valid.csv")),
      case .success = result
    else {
      Issue.record("the limit was not applied to the file")
      return
    }
    #expect(errors.errors.first?.line == nil)
  }

  @Test func aStreamOfUnknownSizeStopsOnceTheLimitIsPassed() throws {
    let rows = (1...100).map { "card\($0),\($0 * 1000),3" }.joined(separator: "\n")
    let stream = InputStream(data: Data(("card_id,review_time,review_rating\n" + rows).utf8))
    guard case .failure(let errors) = RevlogReader(maximumBytes: 200).parse(stream: stream) else {
      Issue.record("the stream was read past the limit")
      return
    }
    let error = try #require(errors.errors.first)
    #expect(errors.totalCount == 1 && error.issue == .streamTooLarge(limit: 200))
    #expect(try #require(error.line) < 20)
  }

  @Test func moreRowsThanTheLimitStopTheReadOnTheFirstRowOver() throws {
    let csv = "card_id,review_time,review_rating\n1,1000,3\n1,2000,3\n1,3000,3\n"
    let errors = try #require(TestFixtures.errors(csv, reader: RevlogReader(maximumRows: 2)))
    #expect(errors.errors == [RevlogError(line: 4, issue: .tooManyRows(limit: 2))])
  }

  @Test func aMissingFileOrADirectoryCannotBeReadAndIsAUsageError() throws {
    let missing = TestFixtures.url("no-such-file.csv")
    guard case .failure(let errors) = RevlogReader().parse(fileAt: missing),
      case .failure(let directoryErrors) = RevlogReader().parse(fileAt: TestFixtures.directory)
    else {
      Issue.record("a missing file or a directory parsed")
      return
    }
    #expect(errors.description.contains("no-such-file.csv"))
    #expect(errors.exitStatus == .usage)
    #expect(directoryErrors.description.contains("is a directory"))
  }
}
