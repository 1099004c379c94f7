import PropertyBased
import Testing

@testable import Content

/// `String.fileLines`, the line split every finding's line and column rests on.
@Suite struct FileLinesTests {
  /// The `Character` split `fileLines` replaced: LF and CRLF (one `Character` in Swift) end a line.
  static func byCharacters(_ text: String) -> [String] {
    text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
  }

  /// Line breaks of every kind, lone CRs, combining marks and emoji with modifiers and joiners (which make
  /// multi-scalar `Character`s), a tab and a letter.
  static let character = Gen<Character?>.element(
    of: ["a", "é", "\n", "\r", "\r\n", "\u{0301}", "\u{200D}", "👍🏽", "\t", " ", "\u{2028}", "\u{85}"] as [Character]
  ).map { $0! }

  @Test func theByteSplitCutsWhereTheCharacterSplitDid() async {
    await propertyCheck(count: 2_000, input: Self.character.string(of: 0...24)) { text in
      #expect(text.fileLines.map(String.init) == Self.byCharacters(text), Comment(rawValue: text.debugDescription))
    }
  }

  @Test(
    arguments: [
      ("", [""]), ("a", ["a"]), ("a\n", ["a", ""]), ("a\r\nb", ["a", "b"]), ("a\rb", ["a\rb"]),
      ("\r\r\n", ["\r", ""]), ("\n\n", ["", "", ""]), ("é\u{0301}\r\n\u{0301}x", ["é\u{0301}", "\u{0301}x"]),
      ("a\u{2028}b\u{85}c", ["a\u{2028}b\u{85}c"]),
    ] as [(String, [String])])
  func linesEndAtLFAndCRLFOnly(text: String, expected: [String]) {
    #expect(text.fileLines.map(String.init) == expected)
  }
}
