import ArgumentParser
import Content
import Search
import Store
import Terminal

extension Session {
  func searchIndex() throws -> SearchIndex {
    if let index = searchIndexCache { return index }
    let index = try SearchIndex(content: try knowledgeContent())
    searchIndexCache = index
    return index
  }
}

struct SearchCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search pages, models and flashcards; the best matches first.",
    discussion: """
      Ask in words: search unlabeled data · search which model makes video · search guardrails pii. \
      Ranking is BM25 over titles, summaries and text, with word stems (train, training, trained) and \
      typo correction. Several words: pages with the exact phrase first, then pages with every word; \
      when none has every word, pages with any of them.
      """)

  @Argument(help: "The words to search for.") var words: [String] = []
  @Option(help: "At most this many results (1–50).") var limit = 10

  func validate() throws {
    guard (1...50).contains(limit) else { throw ValidationError("--limit must be from 1 to 50") }
  }

  func execute(in session: Session) throws -> CommandOutput {
    let query = words.joined(separator: " ")
    let result: SearchIndex.Result
    do {
      result = try session.searchIndex().search(query, limit: limit)
    } catch SearchIndex.Problem.empty {
      throw CommandFailure.usage("search for some words, e.g. 'search unlabeled data'")
    } catch SearchIndex.Problem.onlyStopwords(let stops) {
      throw CommandFailure.usage(
        "'\(stops.prefix(6).joined(separator: " "))' has only common words; add a word that says what you want, "
          + "e.g. 'search fine-tuning data'")
    }
    // The learner's imported (Anki) cards are searched too, listed after the knowledge base's matches.
    let userCards = session.userCards(matching: query, limit: limit)
    var text = SearchView.render(result, width: session.configuration.columns, styler: session.styler)
    if !userCards.isEmpty {
      if result.hits.isEmpty { text = "" }
      text += SearchView.renderUserCards(userCards, width: session.configuration.columns, styler: session.styler)
    }
    let json: any Encodable & Sendable =
      userCards.isEmpty ? result : SearchWithUserCards(result: result, userCards: userCards)
    return CommandOutput(text: text, json: json, pageable: true)
  }
}

/// The search result with the imported cards that match, as one JSON object (the result's keys plus `userCards`).
struct SearchWithUserCards: Encodable, Sendable {
  var result: SearchIndex.Result
  var userCards: [UserCard]

  private enum CodingKeys: String, CodingKey { case userCards }

  func encode(to encoder: any Encoder) throws {
    try result.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(userCards, forKey: .userCards)
  }
}

enum SearchView {
  /// A run of two or more white-space characters, folded to one space in a snippet.
  nonisolated(unsafe) static let whitespaceRun = /\s{2,}/

  static func oneLine(_ text: String) -> String {
    text.replacingOccurrences(of: "\n", with: " ").sanitizedForTerminal
  }

  /// Imported cards that match, one line each: the front, then the answer dimmed.
  static func renderUserCards(_ cards: [UserCard], width: Int, styler: Styler) -> String {
    var out = styler.bold("Your imported cards:") + "\n"
    for card in cards {
      let front = TextTable.truncate(oneLine(card.front), to: max(20, width - 4), styler: .plain)
      let back = TextTable.truncate(oneLine(card.back), to: max(20, width - 6), styler: .plain)
      let deck = card.deck.isEmpty ? "anki" : "anki · " + card.deck.sanitizedForTerminal
      out += "  " + front + "  " + styler.dim(deck) + "\n"
      out += "    " + styler.dim(back) + "\n"
    }
    return out
  }

  static func render(_ result: SearchIndex.Result, width: Int, styler: Styler) -> String {
    var out = ""
    if !result.corrections.isEmpty {
      out +=
        styler.dim(
          "Searching for " + result.corrections.map { "'\($0.used)' (you typed '\($0.typed)')" }.joined(separator: ", ")
        )
        + "\n"
    }
    guard !result.hits.isEmpty else {
      return out + "Nothing matches '\(result.terms.joined(separator: " "))'. Try other words, or 'topics'.\n"
    }
    if result.partial {
      out += styler.dim("No page has every word; showing pages with some of them.") + "\n"
    }
    for (index, hit) in result.hits.enumerated() {
      let open = hit.kind == .model ? "model \(hit.id)" : "topic \(hit.id)"
      out += "\(index + 1). " + styler.bold(title(hit)) + "  " + styler.dim(open) + "\n"
      out += "   " + highlight(hit.snippet, styler: styler, width: width - 3) + "\n"
      for card in hit.flashcards {
        out += "   " + styler.dim("flashcard: ") + highlight(card, styler: styler, width: width - 14) + "\n"
      }
    }
    return out
  }

  static func title(_ hit: SearchIndex.Hit) -> String {
    TextTable.truncate(hit.title.sanitizedForTerminal, to: 90, styler: .plain)
  }

  /// The snippet on one line, with matched words styled (or left plain without colour).
  static func highlight(_ snippet: String, styler: Styler, width: Int) -> String {
    var out = ""
    var inMatch = false
    var visible = 0
    let oneLine = snippet.replacingOccurrences(of: "\n", with: " ")
    var chunk = ""
    func flush() {
      let clean = chunk.sanitizedForTerminal
      out += inMatch ? styler.apply(clean, .bold, .yellow) : clean
      visible += TextTable.displayWidth(clean)
      chunk = ""
    }
    for character in oneLine {
      if String(character) == SearchIndex.highlightStart || String(character) == SearchIndex.highlightEnd {
        flush()
        inMatch = String(character) == SearchIndex.highlightStart
      } else {
        chunk.append(character)
      }
    }
    flush()
    _ = visible
    return out.replacing(whitespaceRun, with: " ")
  }
}
