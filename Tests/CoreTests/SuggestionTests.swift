import Testing

@testable import Core

@Suite struct SuggestionTests {
  @Test(
    arguments: [
      ("", "", 0),
      ("help", "help", 0),
      ("", "help", 4),
      ("help", "", 4),
      ("hlep", "help", 1),
      ("ab", "ba", 1),
      ("help", "hep", 1),
      ("help", "helps", 1),
      ("help", "yelp", 1),
      ("kitten", "sitting", 3),
      ("HELP", "help", 0),
      ("ca", "abc", 3),
      ("quiz", "review", 5),
      ("café", "cafe", 1),
    ] as [(String, String, Int)])
  func distanceCountsEditsAndAdjacentTranspositions(a: String, b: String, expected: Int) {
    #expect(Suggestion.distance(a, b) == expected)
    #expect(Suggestion.distance(b, a) == expected)
  }

  static let commands = ["help", "quiz", "review", "stats", "settings", "doctor", "check-content", "quit"]

  @Test func closestSuggestsHelpForHlep() {
    #expect(Suggestion.closest(to: "hlep", in: Self.commands) == ["help"])
  }

  @Test(arguments: ["xyzzy", "banana", "q", "zzzzzzzzzzzz"])
  func closestSuggestsNothingForFarWords(word: String) {
    #expect(Suggestion.closest(to: word, in: Self.commands) == [])
  }

  @Test func closestSuggestsNothingForAnEmptyWord() {
    #expect(Suggestion.closest(to: "", in: Self.commands) == [])
  }

  @Test func closestIgnoresCase() {
    #expect(Suggestion.closest(to: "REVEIW", in: Self.commands) == ["review"])
  }

  @Test func prefixMatchesQualifyAfterCloseMatches() {
    #expect(Suggestion.closest(to: "se", in: Self.commands) == ["settings"])
    #expect(Suggestion.closest(to: "check", in: Self.commands) == ["check-content"])
    #expect(Suggestion.closest(to: "st", in: ["stats", "status", "start"]) == ["start", "stats", "status"])
  }

  @Test func aOneLetterWordIsNotAPrefixMatch() {
    #expect(Suggestion.closest(to: "d", in: ["doctor"]) == [])
  }

  @Test func resultsAreOrderedByDistanceThenAlphabetically() {
    let candidates = ["quiet", "quit", "quiz", "quartz", "quizzes"]
    #expect(Suggestion.closest(to: "quix", in: candidates) == ["quit", "quiz"])
    #expect(Suggestion.closest(to: "quiz", in: candidates) == ["quiz", "quit", "quizzes"])
  }

  @Test(arguments: [0, 1, 2, 3, 10])
  func limitCapsTheNumberOfSuggestions(limit: Int) {
    let candidates = ["abcd", "abce", "abcf", "abcg", "abch"]
    let result = Suggestion.closest(to: "abcx", in: candidates, limit: limit)
    #expect(result == Array(candidates.prefix(limit)))
  }

  @Test func theBudgetGrowsWithTheWordButStopsAtThree() {
    // 9 letters: budget 3, so three edits qualify and four do not.
    #expect(Suggestion.closest(to: "abcdefghi", in: ["abcdefxyz"]) == ["abcdefxyz"])
    #expect(Suggestion.closest(to: "abcdefghi", in: ["abcdewxyz"]) == [])
    // 30 letters: still 3.
    let long = String(repeating: "a", count: 30)
    #expect(Suggestion.closest(to: long, in: [String(repeating: "a", count: 26)]) == [])
    #expect(Suggestion.closest(to: long, in: [String(repeating: "a", count: 27)]).count == 1)
  }

  @Test func wordsLongerThan64CharactersGetNoSuggestions() {
    let word = String(repeating: "a", count: 65)
    #expect(Suggestion.closest(to: word, in: [word]) == [])
    let fits = String(repeating: "a", count: 64)
    #expect(Suggestion.closest(to: fits, in: [fits]) == [fits])
  }
}
