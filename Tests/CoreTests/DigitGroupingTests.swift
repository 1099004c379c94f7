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

@Suite struct PluralTests {
  @Test(
    arguments: [
      (0, "review", nil, "0 reviews"), (1, "review", nil, "1 review"), (2, "day", nil, "2 days"),
      (1_500, "card", nil, "1,500 cards"), (1, "entry", "entries", "1 entry"), (3, "entry", "entries", "3 entries"),
    ] as [(Int, String, String?, String)])
  func oneTakesTheSingularAndEveryOtherCountThePlural(count: Int, word: String, plural: String?, phrase: String) {
    #expect(Plural.of(count, word, plural: plural) == phrase)
  }
}
