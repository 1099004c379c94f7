import Testing

@testable import Core

@Suite struct DigitGroupingTests {
  @Test(arguments: [
    ("0", "0"), ("999", "999"), ("1000", "1,000"), ("43800.00", "43,800.00"), ("-1234", "-1,234"),
    ("1234567.891", "1,234,567.891"), ("12.5", "12.5"), ("", ""),
  ])
  func aCommaSeparatesEachGroupOfThreeDigitsBeforeThePoint(number: String, grouped: String) {
    #expect(DigitGrouping.grouped(number) == grouped)
  }

  @Test(arguments: [(0, "0"), (12_345, "12,345"), (-1_000_000, "-1,000,000"), (Int.min, "-9,223,372,036,854,775,808")])
  func wholeNumbersGroupTheSameWay(value: Int, grouped: String) {
    #expect(DigitGrouping.grouped(value) == grouped)
  }
}
