import Foundation
import Testing

@testable import Interop

/// Bad rows and headers: each error names its physical line and column, and all of them are reported.
@Suite struct RevlogReaderRowErrorTests {
  static let header = "card_id,review_time,review_rating,review_state,review_duration"

  /// The only error of `csv`, checked for its line and column (also in the message).
  func onlyError(_ csv: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> RevlogError {
    let errors = try #require(TestFixtures.errors(csv, sourceLocation: sourceLocation), sourceLocation: sourceLocation)
    #expect(errors.totalCount == 1, "\(errors)", sourceLocation: sourceLocation)
    return try #require(errors.errors.first, sourceLocation: sourceLocation)
  }

  @Test func aMissingRequiredColumnIsNamedWithTheColumnsFound() throws {
    let error = try onlyError("card_id,review_rating,deck\n1,3,x\n")
    #expect(error.line == 1)
    #expect(error.issue == .missingColumn(.reviewTime, found: ["card_id", "review_rating", "deck"]))
    #expect(
      error.description == "line 1: missing required column 'review_time'; found columns: "
        + "'card_id', 'review_rating', 'deck'")
  }

  @Test func aColumnGivenTwiceIsAnError() throws {
    let error = try onlyError("card_id,review_time,review_rating,card_id\n1,1000,3,2\n")
    #expect(error.line == 1 && error.issue == .duplicateColumn(.cardID))
  }

  @Test(arguments: ["0", "5", "-1", "good", "3.0"])
  func aRatingOutsideOneToFourIsAnUnknownRatingOnItsLine(rating: String) throws {
    let error = try onlyError("\(Self.header)\n1,1000,3,0,10\n1,2000,\(rating),1,10\n")
    #expect(error.line == 3 && error.column == "review_rating")
    #expect(error.issue == .unknownRating(rating))
    #expect(error.description.hasPrefix("line 3, review_rating: unknown rating '\(rating)'"))
  }

  @Test func ratingZeroIsAcceptedOnlyOnSkippedManualAndRescheduledRows() throws {
    let csv = "\(Self.header)\n1,1000,0,4,0\n1,2000,0,5,0\n1,3000,0,3,0\n"
    let error = try onlyError(csv)
    #expect(error.line == 4 && error.issue == .unknownRating("0"))
  }

  @Test func nonNumericStateAndDurationAreErrorsInTheirColumns() throws {
    let errors = try #require(TestFixtures.errors("\(Self.header)\n1,1000,3,x,10\n1,2000,3,1,1.5s\n"))
    #expect(
      errors.errors.map(\.description) == [
        "line 2, review_state: 'x' is not a whole number",
        "line 3, review_duration: '1.5s' is not a whole number",
      ])
  }

  @Test func aStateOutsideZeroToFiveAndANegativeDurationAreErrors() throws {
    let errors = try #require(TestFixtures.errors("\(Self.header)\n1,1000,3,6,10\n1,2000,3,1,-5\n"))
    #expect(errors.errors.map(\.line) == [2, 3])
    #expect(errors.errors.map(\.issue) == [.invalidState("6"), .negativeDuration("-5")])
  }

  @Test(arguments: ["yesterday", "2024-01-01T09:00:00", "2024-02-30T09:00:00Z", "12e5", "99999999999999999999"])
  func aTimeThatIsNeitherMillisecondsNorISOWithAZoneIsAnError(time: String) throws {
    let error = try onlyError("card_id,review_time,review_rating\n7,\(time),3\n")
    #expect(error.line == 2 && error.column == "review_time" && error.issue == .invalidTime(time))
  }

  @Test func emptyRequiredFieldsAreErrors() throws {
    let errors = try #require(TestFixtures.errors("card_id,review_time,review_rating\n ,,\n"))
    #expect(errors.errors.map(\.column) == ["card_id", "review_time", "review_rating"])
    #expect(errors.errors.allSatisfy { $0.line == 2 && $0.issue == .emptyField })
  }

  @Test func aRowWithTheWrongNumberOfFieldsIsAnError() throws {
    let error = try onlyError("card_id,review_time,review_rating\n1,1000\n")
    #expect(error.line == 2 && error.issue == .fieldCount(found: 2, expected: 3))
  }

  @Test func aCardReviewedEarlierThanItsPreviousReviewIsOutOfOrder() throws {
    let error = try onlyError("card_id,review_time,review_rating\n1,2000,3\n2,500,3\n1,1000,3\n")
    #expect(error.line == 4 && error.column == "review_time")
    #expect(error.issue == .outOfOrder(cardID: "1", previousLine: 2))
    #expect(error.description.contains("line 4") && error.description.contains("on line 2"))
  }

  @Test func theSameCardAtTheSameTimeIsADuplicateOfTheFirstRow() throws {
    let csv = "card_id,review_time,review_rating\nx,1000,3\ny,1000,3\nx,1970-01-01T00:00:01Z,1\nx,1000,3\n"
    let errors = try #require(TestFixtures.errors(csv))
    #expect(errors.errors.map(\.line) == [4, 5])
    #expect(errors.errors.allSatisfy { $0.issue == .duplicate(cardID: "x", firstLine: 2) })
    #expect(errors.errors[0].description == "line 4, review_time: duplicate of line 2 (card 'x' at the same time)")
  }

  @Test func lineNumbersArePhysicalLinesCountingQuotedLineBreaksAndBlankLines() throws {
    let csv = "card_id,review_time,review_rating,note\n1,1000,3,\"two\nlines\"\n\n1,2000,3,\"a\r\nb\"\n1,3000,9,x\n"
    let error = try onlyError(csv)
    #expect(error.line == 7)
  }

  @Test func everyErrorInTheFileIsReportedAndNoEntriesAreReturned() throws {
    let csv = "\(Self.header)\n1,1000,3,0,10\n1,2000,9,1,10\n2,1000,3,0,10\n2,oops,3,1,10\n3,1000,3,0,-1\n"
    let errors = try #require(TestFixtures.errors(csv))
    #expect(errors.errors.map(\.line) == [3, 5, 6])
    #expect(errors.exitStatus == .failure)
  }

  @Test func atMostTheReportLimitIsKeptAndTheRestAreCounted() throws {
    let rows = (1...150).map { "c\($0),\($0),7" }.joined(separator: "\n")
    let errors = try #require(TestFixtures.errors("card_id,review_time,review_rating\n" + rows))
    #expect(errors.errors.count == 100 && errors.totalCount == 150)
    #expect(errors.errors.last?.line == 101)
    #expect(errors.description.hasSuffix("\n… and 50 more"))
    let few = try #require(
      TestFixtures.errors("card_id,review_time,review_rating\n" + rows, reader: RevlogReader(maximumReportedErrors: 3)))
    #expect(few.description.split(separator: "\n").count == 4)
  }
}
