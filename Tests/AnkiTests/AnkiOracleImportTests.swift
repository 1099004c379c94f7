import Anki
import Foundation
import TestSupport
import Testing

/// Packages made by the real `anki` package and by genanki, read by fmlab.
@Suite(.serialized) struct AnkiOracleImportTests {
  static func read(_ url: URL, directory: String) throws(AnkiError) -> AnkiPackage {
    try AnkiPackageReader().read(packageAt: url, scratch: URL(fileURLWithPath: directory + "/scratch"))
  }

  @Test("an anki legacy export: Basic notes and a Cloze note become cards, with their review history")
  func ankiLegacy() throws {
    let directory = Fixtures.temporaryDirectory("anki-fixture")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let url = try Oracle.fixture("anki", in: directory)
    let package = try Self.read(url, directory: directory)
    #expect(package.collectionEntry == "collection.anki21", "the real collection, not the stub anki2 beside it")
    #expect(package.notes.count == 4)
    #expect(package.revlog.count == 11)
    let result = AnkiUserCards.make(from: package)
    #expect(result.cards.count == 5)
    #expect(result.skippedReviews == 0)
    let peru = try #require(result.cards.first { $0.front == "Capital of Peru?" })
    #expect(peru.back == "Lima\n(on the coast)")
    #expect(peru.kind == .basic)
    #expect(peru.id == "anki:\(peru.noteGuid):0")
    #expect(peru.tags == ["geo::capitals", "oracle"])
    #expect(peru.deck == "Oracle::Capitals")
    let cloze = result.cards.filter { $0.kind == .cloze }.sorted { $0.ord < $1.ord }
    #expect(cloze.map(\.front) == ["[...] is the capital of Australia", "Canberra is the capital of [country]"])
    #expect(cloze.map(\.back) == Array(repeating: "Canberra is the capital of Australia\n\nNot Sydney.", count: 2))
    #expect(cloze.map(\.ord) == [0, 1])
    let reviewed = result.cards.reduce(0) { $0 + $1.reviews.count }
    #expect(reviewed == 11)
    for card in result.cards { #expect(card.reviews.map(\.time) == card.reviews.map(\.time).sorted()) }
    #expect(result.cards.contains { $0.reviews.first?.rating == .again })
  }

  @Test("a package in current Anki's compressed format is refused, naming the export option to use")
  func ankiCurrent() throws {
    let directory = Fixtures.temporaryDirectory("anki-current")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let url = try Oracle.fixture("anki-current", in: directory)
    #expect(throws: AnkiError.compressedCollectionUnsupported) { try Self.read(url, directory: directory) }
    #expect(AnkiError.compressedCollectionUnsupported.message.contains("Support older Anki versions"))
  }

  @Test("a genanki package: HTML becomes plain text and terminal escapes are removed, never passed on")
  func genankiSanitised() throws {
    let directory = Fixtures.temporaryDirectory("anki-genanki")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let url = try Oracle.fixture("genanki", in: directory)
    let package = try Self.read(url, directory: directory)
    #expect(package.collectionEntry == "collection.anki2")
    let cards = AnkiUserCards.make(from: package).cards
    #expect(cards.count == 5)
    for card in cards {
      for text in [card.front, card.back] {
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(!text.contains("<") || text.contains("<b>"), Comment(rawValue: text))
      }
    }
    let escape = try #require(cards.first { $0.front.hasPrefix("Escape") })
    #expect(escape.front == "Escape red and  test")
    #expect(escape.back == "bell and done")
    #expect(cards.contains { $0.front == "What is RAG?" && $0.back == "Retrieval-augmented\ngeneration & grounding" })
    #expect(cards.contains { $0.front == "Tokens\nper minute" && $0.back == "<b> not bold ☺  ok" })
    let cloze = cards.filter { $0.kind == .cloze }.map(\.front).sorted()
    #expect(cloze == ["Bedrock hosts [what]", "[...] hosts foundation models"])
  }
}
