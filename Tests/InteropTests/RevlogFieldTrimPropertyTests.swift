import Foundation
import PropertyBased
import Testing

@testable import Interop

/// The revlog reader trims fields without Foundation; it must remove exactly what
/// `trimmingCharacters(in: .whitespaces)` removes.
@Suite struct RevlogFieldTrimPropertyTests {
  /// Spaces of every kind the reader can meet, line separators (not trimmed), a combining mark and text.
  static let character = Gen<Character?>.element(
    of: Array(" \t\u{A0}\u{2003}\u{3000}\u{202F}\u{2028}\u{85}\n\u{0301}a9é🙂-") as [Character]
  ).map { $0! }

  @Test func trimmingAgreesWithFoundationsWhitespaceTrim() async {
    await propertyCheck(count: 2_000, input: Self.character.string(of: 0...12)) { text in
      #expect(
        RevlogRowParser.trimmingSpaces(text) == text.trimmingCharacters(in: .whitespaces),
        Comment(rawValue: text.debugDescription))
    }
  }

  @Test func fieldsKeepTheirInsideAndLoseTheirEdges() {
    #expect(RevlogRowParser.trimmingSpaces("  12 34\t") == "12 34")
    #expect(RevlogRowParser.trimmingSpaces("\u{A0}1\u{3000}") == "1")
    #expect(RevlogRowParser.trimmingSpaces(" \t ") == "")
    #expect(RevlogRowParser.trimmingSpaces("abc") == "abc")
  }
}
