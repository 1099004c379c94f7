import Content
import Core
import Foundation
import GRDB

/// Ranked full-text search over the knowledge base: pages, models and flashcards, indexed in an
/// in-memory SQLite FTS5 table (BM25 ranking, Porter stemming, Unicode folding), with typo
/// tolerance from the index's own vocabulary and highlighted snippets.
public final class SearchIndex: @unchecked Sendable {
  /// What a hit points at.
  public enum Kind: String, Sendable, Codable {
    case page, model, flashcard
  }

  public struct Hit: Sendable, Equatable, Codable {
    public var kind: Kind
    /// The page id or model slug.
    public var id: String
    public var title: String
    /// A short excerpt; matched words are between `SearchIndex.highlightStart` and `highlightEnd`.
    public var snippet: String
    /// The page's flashcards that matched, prompts with highlights (best first, at most two).
    public var flashcards: [String]
    /// Higher is better: BM25 (negated) weighted by how many of the words matched and by an
    /// exact-phrase match; a page's matching flashcards add to it.
    public var score: Double
  }

  public struct Result: Sendable, Equatable, Codable {
    /// The words searched for, after stopwords were dropped and typos corrected.
    public var terms: [String]
    /// Typos that were corrected, as (typed, used).
    public var corrections: [Correction]
    public var hits: [Hit]
    /// True when no document had every word, so documents with any of them are shown.
    public var partial: Bool
  }

  public struct Correction: Sendable, Equatable, Codable {
    public var typed: String
    public var used: String
  }

  public enum Problem: Error, Equatable, Sendable {
    case empty
    case onlyStopwords([String])
  }

  public static let highlightStart = "\u{1}"
  public static let highlightEnd = "\u{2}"
  /// Longest query that is read; the rest is ignored (a pasted essay must not stall the REPL).
  public static let maximumTerms = 24

  private let database: DatabaseQueue
  private var vocabulary: [String] = []
  private var vocabularyBytes: [[UInt8]] = []
  private var pageTitles: [String: String] = [:]
  /// Pages by the initials of their id ("retrieval-augmented-generation" → "rag", "bedrock-provisioned-throughput"
  /// → "pt"): a query word that is a page's acronym names that page.
  private var pagesByAcronym: [String: Set<String>] = [:]
  public private(set) var documentCount = 0

  /// Builds the index from loaded content.
  public init(content: ContentSet) throws {
    var configuration = Configuration()
    configuration.label = "search"
    database = try DatabaseQueue(configuration: configuration)
    try database.write { db in
      try db.execute(
        sql: """
          CREATE VIRTUAL TABLE doc USING fts5(
            kind UNINDEXED, ref UNINDEXED, page UNINDEXED, display UNINDEXED, title, summary, body,
            tokenize = 'porter unicode61 remove_diacritics 2')
          """)
      let insert = try db.makeStatement(
        sql: "INSERT INTO doc(kind, ref, page, display, title, summary, body) VALUES (?, ?, ?, ?, ?, ?, ?)")
      var count = 0
      for topic in content.topics {
        try insert.execute(arguments: [
          Kind.page.rawValue, topic.id, nil, topic.title,
          topic.title + " " + topic.id.replacingOccurrences(of: "-", with: " "),
          topic.summary, SearchIndex.plainText(markdown: topic.body),
        ])
        count += 1
        for card in topic.flashcards {
          try insert.execute(arguments: [
            Kind.flashcard.rawValue, card.id, topic.id, card.prompt, card.prompt, card.answer, "",
          ])
          count += 1
        }
      }
      for model in content.models {
        let facts = SearchIndex.modelFacts(model)
        try insert.execute(arguments: [
          Kind.model.rawValue, model.slug, nil, model.name,
          ([model.name, model.slug.replacingOccurrences(of: "-", with: " ")] + model.aliases).joined(separator: " "),
          model.summary, facts,
        ])
        count += 1
      }
      documentCount = count
      try db.execute(sql: "CREATE VIRTUAL TABLE vocab USING fts5vocab(doc, 'row')")
      vocabulary = try String.fetchAll(db, sql: "SELECT term FROM vocab WHERE term GLOB '[a-z]*' ORDER BY cnt DESC")
    }
    vocabularyBytes = vocabulary.map { Array($0.utf8) }
    pageTitles = Dictionary(content.topics.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    for topic in content.topics {
      for acronym in topic.acronyms { pagesByAcronym[acronym, default: []].insert(topic.id) }
    }
  }

  /// Words a model's entry should be found by: provider, family, modalities, customization.
  static func modelFacts(_ model: ModelEntry) -> String {
    var words = [model.provider, model.family, model.id]
    words += model.modalities.input.map { "\($0.rawValue) input" }
    words += model.modalities.output.map { "\($0.rawValue) output" }
    words += model.customization.methods.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") }
    if model.provisionedThroughput?.base == true || model.provisionedThroughput?.custom == true {
      words.append("provisioned throughput")
    }
    if let status = model.lifecycle?.status, status != .active { words.append(status.rawValue) }
    return (words + model.notes).joined(separator: ". ")
  }

  /// Markdown without its markup, for indexing and for the snippets shown from it: a link keeps its text (its
  /// target, a page id or URL, would show in snippets as stray words), a list item loses its marker, and the
  /// spaces left where markup was collapse to one.
  public static func plainText(markdown: String) -> String {
    var out = ""
    out.reserveCapacity(markdown.utf8.count)
    let characters = Array(markdown)
    var index = 0
    var atLineStart = true
    func append(_ character: Character) {
      if character == " ", out.last == " " || out.last?.isNewline == true || out.isEmpty { return }
      if character.isNewline, out.last == " " { out.removeLast() }
      out.append(character)
    }
    while index < characters.count {
      let character = characters[index]
      let next = index + 1 < characters.count ? characters[index + 1] : " "
      if character == "]" && next == "(", let end = linkTargetEnd(characters, from: index + 1) {
        index = end + 1
        atLineStart = false
        continue
      }
      if atLineStart && (character == "-" || character == "+") && next == " " {
        append(" ")
      } else {
        switch character {
        case "[": break
        case "#", "*", "_", "`", "|", ">", "]", "\t": append(" ")
        default: append(character)
        }
      }
      if character.isNewline {
        atLineStart = true
      } else if !character.isWhitespace {
        atLineStart = false
      }
      index += 1
    }
    if out.last == " " { out.removeLast() }
    return out
  }

  /// Where the link target opening at `open` (a `(`) closes: CommonMark lets a target hold balanced parentheses.
  /// Nil when the line ends first.
  static func linkTargetEnd(_ characters: [Character], from open: Int) -> Int? {
    var depth = 0
    var end = open + 1
    while end < characters.count, !characters[end].isNewline {
      switch characters[end] {
      case "(": depth += 1
      case ")" where depth == 0: return end
      case ")": depth -= 1
      default: break
      }
      end += 1
    }
    return nil
  }

  /// How much a page named by its acronym gains.
  static let acronymBoost = 3.0

  static let stopwords: Set<String> = [
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as", "is", "are",
    "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "what", "which", "who", "whom",
    "how", "why", "when", "where", "do", "does", "did", "can", "could", "should", "would", "will", "i", "you", "we",
    "they", "me", "my", "your", "our", "about", "into", "than", "then", "there", "so", "if", "but", "not", "no",
    "vs", "versus", "use", "using", "between", "difference",
  ]

  /// The words of a query: lower-case letters and digits, stopwords removed.
  public static func terms(of query: String) -> (terms: [String], stopwords: [String]) {
    var words: [String] = []
    var current = ""
    for character in query.lowercased().prefix(4_000) {
      if character.isLetter || character.isNumber {
        current.append(character)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
      if words.count >= maximumTerms * 2 { break }
    }
    if !current.isEmpty { words.append(current) }
    words = words.map { String($0.prefix(40)) }
    let kept = words.filter { !stopwords.contains($0) }
    return (Array(kept.prefix(maximumTerms)), words.filter { stopwords.contains($0) })
  }

  /// Searches; the best hits first, at most `limit`.
  public func search(_ query: String, limit: Int = 10) throws -> Result {
    let (rawTerms, stops) = Self.terms(of: query)
    guard !rawTerms.isEmpty else { throw stops.isEmpty ? Problem.empty : Problem.onlyStopwords(stops) }
    return try database.read { db in
      func matches(_ term: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM doc WHERE doc MATCH ?)", arguments: ["\"\(term)\""])
          ?? false
      }
      var terms: [String] = []
      var corrections: [Correction] = []
      for term in rawTerms {
        if try !matches(term), let corrected = correct(term) {
          corrections.append(Correction(typed: term, used: corrected))
          terms.append(corrected)
        } else {
          terms.append(term)
        }
      }
      let quoted = terms.map { "\"\($0)\"" }
      func rowids(_ match: String) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT rowid FROM doc WHERE doc MATCH ?", arguments: [match]))
      }
      let perTerm = try quoted.map(rowids)
      let phrase = terms.count > 1 ? try rowids(quoted.joined(separator: " + ")) : []
      // The exact phrase in a title or summary (a definition) is the strongest signal.
      let phraseInDefinition =
        terms.count > 1 ? try rowids("{title summary} : (" + quoted.joined(separator: " + ") + ")") : []
      let anyWord = quoted.joined(separator: " OR ")
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT rowid, kind, ref, page, display, bm25(doc, 0, 0, 0, 0, 10.0, 4.0, 1.0) AS score
          FROM doc WHERE doc MATCH ? ORDER BY score LIMIT 400
          """, arguments: [anyWord])
      var everyWord = false
      struct Pending {
        var hit: Hit
        /// The row whose snippet is shown: the page's or model's own, else its best flashcard's.
        var snippetRow: Int64
        var hasOwnRow: Bool
        var bestCard: Double = 0
      }
      var byKey: [String: Pending] = [:]
      var order: [String] = []
      for row in rows {
        let rowid: Int64 = row["rowid"]
        let kind = Kind(rawValue: row["kind"]) ?? .page
        let covered = perTerm.count { $0.contains(rowid) }
        if covered == terms.count { everyWord = true }
        let bm25: Double = row["score"]
        let phraseWeight = phraseInDefinition.contains(rowid) ? 2.0 : (phrase.contains(rowid) ? 1.5 : 1)
        let weight = (1 + Double(covered) / Double(terms.count)) * phraseWeight
        let score = -bm25 * weight
        switch kind {
        case .page, .model:
          let key = kind.rawValue + ":" + (row["ref"] as String)
          if var pending = byKey[key] {
            pending.hit.score += score
            pending.hit.title = row["display"]
            pending.snippetRow = rowid
            pending.hasOwnRow = true
            byKey[key] = pending
          } else {
            byKey[key] = Pending(
              hit: Hit(kind: kind, id: row["ref"], title: row["display"], snippet: "", flashcards: [], score: score),
              snippetRow: rowid, hasOwnRow: true)
            order.append(key)
          }
        case .flashcard:
          guard let page: String = row["page"] else { continue }
          let key = Kind.page.rawValue + ":" + page
          var pending =
            byKey[key]
            ?? Pending(
              hit: Hit(kind: .page, id: page, title: pageTitles[page] ?? page, snippet: "", flashcards: [], score: 0),
              snippetRow: rowid, hasOwnRow: false)
          if byKey[key] == nil { order.append(key) }
          // A page's best-matching flashcard counts for it, at half weight.
          if pending.bestCard < score {
            pending.hit.score += (score - pending.bestCard) * 0.5
            pending.bestCard = score
          }
          if pending.hit.flashcards.count < 2 { pending.hit.flashcards.append(row["display"]) }
          byKey[key] = pending
        }
      }
      // A page whose acronym the query names ("rag") is what the learner means, however often other pages
      // mention it.
      let named = terms.reduce(into: Set<String>()) { $0.formUnion(pagesByAcronym[$1] ?? []) }
      for page in named {
        byKey[Kind.page.rawValue + ":" + page]?.hit.score *= Self.acronymBoost
      }
      let ranked = order.compactMap { byKey[$0] }.sorted { $0.hit.score > $1.hit.score }.prefix(limit)
      // Snippets only for what is shown: they are the costly part of a query.
      let wanted = ranked.map(\.snippetRow)
      var snippets: [Int64: String] = [:]
      if !wanted.isEmpty {
        let marks = wanted.map { _ in "?" }.joined(separator: ",")
        var arguments: [any DatabaseValueConvertible] = [Self.highlightStart, Self.highlightEnd, anyWord]
        arguments += wanted.map { $0 as any DatabaseValueConvertible }
        for row in try Row.fetchAll(
          db,
          sql: """
            SELECT rowid, snippet(doc, -1, ?, ?, '…', 16) AS snippet FROM doc
            WHERE doc MATCH ? AND rowid IN (\(marks))
            """, arguments: StatementArguments(arguments))
        {
          snippets[row["rowid"]] = row["snippet"]
        }
      }
      let hits = ranked.map { pending in
        var hit = pending.hit
        hit.snippet = snippets[pending.snippetRow] ?? ""
        return hit
      }
      return Result(terms: terms, corrections: corrections, hits: hits, partial: !hits.isEmpty && !everyWord)
    }
  }

  /// The indexed word nearest to a word that matches nothing (nil when nothing is near).
  /// Compares with the index's stems, so "fien" finds "fine" and "labled" finds "label".
  func correct(_ term: String) -> String? {
    guard term.count >= 4, term.allSatisfy(\.isLetter) else { return nil }
    let budget = term.count >= 8 ? 2 : 1
    let typed = Array(term.utf8)
    let stemmed = Array(Self.roughStem(term).utf8)
    var best: (index: Int, distance: Int)?
    for (index, candidate) in vocabularyBytes.enumerated() where abs(candidate.count - typed.count) <= budget + 2 {
      let limit = min(budget, (best?.distance ?? budget + 1) - 1)
      guard limit >= 0 else { break }
      let distance = min(
        Self.boundedDistance(typed, candidate, limit: limit), Self.boundedDistance(stemmed, candidate, limit: limit))
      if distance <= limit {
        best = (index, distance)
        if distance <= 1 { break }
      }
    }
    return best.map { vocabulary[$0.index] }
  }

  /// Optimal-string-alignment distance (a swap of neighbours costs one), or `limit + 1` as soon
  /// as it must exceed `limit`.
  static func boundedDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previousPrevious[j - 2] + 1) }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit + 1 }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }

  /// Enough of Porter's first step to ask the vocabulary whether a word is known
  /// ("labeled" → "label", "models" → "model"); FTS5 applies the real stemmer when matching.
  static func roughStem(_ word: String) -> String {
    for suffix in ["ational", "ization", "ing", "ed", "es", "s"]
    where word.hasSuffix(suffix) && word.count > suffix.count + 2 {
      return String(word.dropLast(suffix.count))
    }
    return word
  }
}
