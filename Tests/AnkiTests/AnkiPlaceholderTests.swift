import Anki
import Testing

@Suite struct AnkiPlaceholderTests {
  @Test func theModuleLinks() { #expect(String(describing: Anki.self) == "Anki") }
}
