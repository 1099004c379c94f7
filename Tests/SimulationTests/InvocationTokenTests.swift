import PropertyBased
import Testing

@testable import Simulation

/// The token estimate: characters per token, never fewer tokens than words, plus the prompt template.
@Suite struct InvocationTokenTests {
  typealias S = InvocationSamples

  static func profile(_ charactersPerToken: Double, overhead: Int = 0) -> TokenizerProfile {
    TokenizerProfile(charactersPerToken: charactersPerToken, promptOverheadTokens: overhead, basis: S.basis)
  }

  /// The estimate written the slow, obvious way, to check the fast one against.
  static func reference(_ text: String, charactersPerToken: Double) -> Int {
    var words = 0
    var inWord = false
    for scalar in text.unicodeScalars {
      if scalar == " " || (0x09...0x0D).contains(scalar.value) {
        inWord = false
      } else if !inWord {
        inWord = true
        words += 1
      }
    }
    guard words > 0 else { return 0 }
    return max(words, Int((Double(text.unicodeScalars.count) / charactersPerToken).rounded(.up)))
  }

  /// Characters of every UTF-8 length, ASCII and Unicode whitespace, and controls.
  static let character = Gen<Character?>
    .element(of: Array(" \t\n\r\u{0B}\u{0C}aZ9.é日🙂\u{85}\u{A0}\u{2028}\u{1B}\u{0}\u{7F}") as [Character])
    .map { $0! }

  @Test("an empty or all-whitespace text is 0 tokens")
  func emptyIsZero() {
    #expect(TokenEstimator.count("", profile: Self.profile(4)) == 0)
    #expect(TokenEstimator.count(" \n\t  ", profile: Self.profile(4)) == 0)
  }

  @Test("the estimate is characters divided by characters per token, rounded up")
  func charactersPerToken() {
    #expect(TokenEstimator.count("What are the top AWS services?", profile: Self.profile(4.5)) == 7)
    #expect(TokenEstimator.count("What are the top AWS services?", profile: Self.profile(3.5)) == 9)
    #expect(TokenEstimator.count("abcdefghij", profile: Self.profile(4)) == 3)
  }

  @Test("never fewer tokens than words")
  func wordsAreAFloor() {
    #expect(TokenEstimator.count("a b c d e f", profile: Self.profile(4)) == 6)
    #expect(TokenEstimator.count("a b c d e f", profile: Self.profile(1)) == 11)
  }

  @Test("characters are Unicode scalars, not bytes")
  func scalarsNotBytes() {
    #expect(TokenEstimator.count("日本語の文", profile: Self.profile(1)) == 5)
    #expect(TokenEstimator.count(Substring("🙂🙂🙂🙂"), profile: Self.profile(2)) == 2)
  }

  @Test("a non-positive or non-finite characters-per-token counts every character")
  func degenerateProfiles() {
    for value in [0, -3, Double.nan, .infinity] {
      #expect(TokenEstimator.count("abcd efgh", profile: Self.profile(value)) == 9)
    }
  }

  @Test("an absurdly small characters-per-token is capped instead of overflowing")
  func capped() {
    let absurd = TokenizerProfile(charactersPerToken: 1e-300, promptOverheadTokens: .max, basis: S.basis)
    #expect(TokenEstimator.count("abc", profile: absurd) == TokenEstimator.maximumCount)
    #expect(TokenEstimator.inputTokens(prompt: "abc", system: "d", profile: absurd) == 3 * TokenEstimator.maximumCount)
  }

  @Test("input tokens are prompt plus system prompt plus the template overhead")
  func inputTokens() {
    let profile = Self.profile(3.5, overhead: 6)
    #expect(TokenEstimator.inputTokens(prompt: "What are the top AWS services?", system: nil, profile: profile) == 15)
    let withSystem = TokenEstimator.inputTokens(
      prompt: "What are the top AWS services?", system: "Answer briefly.", profile: profile)
    #expect(withSystem == 15 + TokenEstimator.count("Answer briefly.", profile: profile))
    #expect(TokenEstimator.inputTokens(prompt: "", system: nil, profile: profile) == 6)
  }

  @Test("the fast count matches the obvious one on any text") func matchesReference() async {
    await propertyCheck(count: 500, input: Self.character.string(of: 0...70), Gen.int(in: 1...8)) { text, cpt in
      let perToken = Double(cpt) / 2
      #expect(
        TokenEstimator.count(text, profile: Self.profile(perToken))
          == Self.reference(text, charactersPerToken: perToken))
      #expect(
        TokenEstimator.count(text.dropFirst(), profile: Self.profile(perToken))
          == Self.reference(String(text.dropFirst()), charactersPerToken: perToken))
    }
  }

  @Test("a longer text never has fewer tokens than its prefix") func monotone() async {
    await propertyCheck(count: 300, input: Self.character.string(of: 0...60), Self.character.string(of: 0...20)) {
      head, tail in
      let profile = Self.profile(3.7)
      #expect(TokenEstimator.count(head, profile: profile) <= TokenEstimator.count(head + tail, profile: profile))
    }
  }
}
