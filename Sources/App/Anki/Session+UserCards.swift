import Content
import Foundation
import Store

extension Session {
  /// The learner's imported cards as flashcards the review queue serves (each under a page named after its deck),
  /// or none when the store cannot be read.
  func userFlashcards() -> [(card: Flashcard, topic: Topic)] {
    guard let cards = try? store().userCards() else { return [] }
    var topics: [String: Topic] = [:]
    return cards.map { card in
      let deck = card.deck.isEmpty ? "Anki" : card.deck
      let topic =
        topics[deck]
        ?? Topic(
          id: "anki", title: "Anki · \(deck)", kind: .concept, objectives: [], summary: "", body: "",
          flashcards: [], sources: [card.source], verified: nil,
          location: SourceLocation(file: card.source, line: 0, column: 0))
      topics[deck] = topic
      return (
        Flashcard(
          id: card.id, prompt: card.front, answer: card.back,
          location: SourceLocation(file: card.source, line: 0, column: 0)),
        topic
      )
    }
  }

  /// Imported cards whose text holds every word of `query` (case-insensitive), best first: words in the front.
  func userCards(matching query: String, limit: Int) -> [UserCard] {
    let words = query.lowercased().split(whereSeparator: { $0.isWhitespace }).map(String.init)
    guard !words.isEmpty, let cards = try? store().userCards() else { return [] }
    let matching = cards.filter { card in
      let text = (card.front + " " + card.back + " " + card.tags.joined(separator: " ")).lowercased()
      return words.allSatisfy { text.contains($0) }
    }
    let scored = matching.map { card in (card, words.count { card.front.lowercased().contains($0) }) }
    return scored.sorted { $0.1 > $1.1 }.prefix(limit).map(\.0)
  }
}
