import Foundation
import PropertyBased
import Testing

@testable import Core

/// Properties that hold for every input, checked on generated lines.
@Suite struct CommandLineTokenizerPropertyTests {
  /// Words made only of characters with no meaning to the tokenizer.
  static let safeWord = Gen<Character?>
    .element(of: Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,+@%éß日本🙂") as [Character])
    .map { $0! }
    .string(of: 1...12)

  /// Characters including every one the tokenizer treats specially. Combining marks are left
  /// out: after a quote they would merge with it into one `Character` (see the report).
  static let anyCharacter = Gen<Character?>
    .element(of: Array(" \t'\"\\#abcXYZ019-日本🙂é\u{0}\u{7F}\r\n") as [Character])
    .map { $0! }

  static func singleQuoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
  }

  static func doubleQuoted(_ word: String) -> String {
    "\"" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  @Test func joiningSafeWordsWithSpacesAndSplittingReturnsThem() async throws {
    await propertyCheck(input: Self.safeWord.array(of: 0...8), Gen.int(in: 1...3)) { words, spaces in
      let line = words.joined(separator: String(repeating: " ", count: spaces))
      let split = try CommandLineTokenizer.split(line)
      #expect(split == words)
    }
  }

  @Test func anySingleQuotedWordRoundTrips() async throws {
    await propertyCheck(input: Self.anyCharacter.string(of: 0...20).array(of: 1...5)) { words in
      let line = words.map(Self.singleQuoted).joined(separator: " ")
      let split = try CommandLineTokenizer.split(line)
      #expect(split == words)
    }
  }

  @Test func anyDoubleQuotedWordRoundTrips() async throws {
    await propertyCheck(input: Self.anyCharacter.string(of: 0...20).array(of: 1...5)) { words in
      let line = words.map(Self.doubleQuoted).joined(separator: " ")
      let split = try CommandLineTokenizer.split(line)
      #expect(split == words)
    }
  }

  @Test func anyWordQuotedForTheTokenizerRoundTrips() async throws {
    await propertyCheck(input: Self.anyCharacter.string(of: 0...20).array(of: 1...5)) { words in
      let line = words.map(CommandLineTokenizer.quoted).joined(separator: " ")
      let split = try CommandLineTokenizer.split(line)
      #expect(split == words)
    }
  }

  @Test func aWordWithNothingSpecialIsNotQuoted() async throws {
    await propertyCheck(input: Self.safeWord) { word in
      #expect(CommandLineTokenizer.quoted(word) == word)
    }
  }

  @Test func splitNeverCrashesAndOnlyFailsWithAColumnInsideTheLine() async {
    await propertyCheck(count: 500, input: Self.anyCharacter.string(of: 0...40)) { line in
      do {
        let words = try CommandLineTokenizer.split(line)
        #expect(words.count <= line.count)
      } catch let failure as CommandLineTokenizer.Failure {
        #expect((1...line.count).contains(failure.column))
      }
    }
  }

  @Test func splitNeverCrashesOnArbitraryUnicode() async {
    let scalar = Gen<UnicodeScalar>.unicodeScalar(in: "\u{0}"..."\u{D7FF}").map(Character.init)
    await propertyCheck(count: 300, input: scalar.string(of: 0...60)) { line in
      _ = try? CommandLineTokenizer.split(line)
    }
  }

  // Large lines: the split is one pass over the characters; its speed belongs in a benchmark, not a timed test.
  @Test func aOneMegabyteLineSplitsIntoEveryOneOfItsWords() throws {
    let word = "abcdefg "
    let line = String(repeating: word, count: 1_048_576 / word.utf8.count)
    let words = try CommandLineTokenizer.split(line)
    #expect(words.count == 131_072)
    #expect(words.allSatisfy { $0 == "abcdefg" })
  }

  @Test func aOneMegabyteUnterminatedQuoteFailsAtItsOpeningColumn() {
    let line = "'" + String(repeating: "x", count: 1_048_575)
    #expect(throws: CommandLineTokenizer.Failure(message: "unterminated single quote", column: 1)) {
      try CommandLineTokenizer.split(line)
    }
  }
}
