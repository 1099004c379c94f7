import Content
import Core

/// The model catalog as the commands query it: forgiving lookup by slug, id, name or alias,
/// filters, and sorting. Pure values; no I/O.
public struct ModelCatalog: Sendable {
  public let models: [ModelEntry]

  public init(models: [ModelEntry]) {
    self.models = models.sorted { ($0.provider, $0.name) < ($1.provider, $1.name) }
  }

  /// What a lookup found.
  public enum Lookup: Equatable, Sendable {
    case found(ModelEntry)
    /// Several models fit the words equally well; their slugs.
    case ambiguous([String])
    /// Nothing fits; the nearest slugs, best first.
    case notFound(suggestions: [String])
  }

  /// Lower-case words, with version dots turned into hyphens ("3.5" → "3-5") and every other
  /// punctuation mark a separator, so "Claude 3.5 Sonnet" and "claude-3-5-sonnet" compare equal.
  public static func words(_ text: String) -> [String] {
    var normalized = ""
    let characters = Array(text.lowercased())
    for (index, character) in characters.enumerated() {
      if character.isLetter || character.isNumber {
        normalized.append(character)
      } else if character == ".", index > 0, index + 1 < characters.count, characters[index - 1].isNumber,
        characters[index + 1].isNumber
      {
        normalized.append(" ")
      } else {
        normalized.append(" ")
      }
    }
    return normalized.split(separator: " ").map(String.init)
  }

  public static func key(_ text: String) -> String { words(text).joined(separator: "-") }

  /// Finds one model from what a person typed: `nova-micro`, `nova micro`, `Amazon Nova Micro`,
  /// `amazon.nova-micro-v1:0`, `claude 3.5 sonnet`, or words that pick out one model (`micro`).
  public func lookup(_ query: String) -> Lookup {
    let trimmed = query.trimmingCharacters(in: .whitespaces)
    if let exact = models.first(where: { $0.slug == trimmed || $0.id == trimmed }) { return .found(exact) }
    let queryKey = Self.key(trimmed)
    guard !queryKey.isEmpty else { return .notFound(suggestions: []) }
    let exactKeys = models.filter { model in
      ([model.slug, model.id, model.name] + model.aliases).contains { Self.key($0) == queryKey }
    }
    if exactKeys.count == 1 { return .found(exactKeys[0]) }
    if exactKeys.count > 1 { return .ambiguous(exactKeys.map(\.slug)) }
    // Without the provider's name ("anthropic claude 3.5 haiku").
    let queryWords = Self.words(trimmed)
    let withoutProvider = models.filter { model in
      let providerWords = Set(Self.words(model.provider))
      let rest = queryWords.filter { !providerWords.contains($0) }
      return !rest.isEmpty && rest.count < queryWords.count
        && ([model.slug, model.name] + model.aliases).contains { Self.key($0) == rest.joined(separator: "-") }
    }
    if withoutProvider.count == 1 { return .found(withoutProvider[0]) }
    // Every word appears among the model's words.
    let covering = models.filter { model in
      let vocabulary = Set(
        ([model.slug, model.name, model.family, model.provider, model.id] + model.aliases).flatMap(Self.words))
      return queryWords.allSatisfy(vocabulary.contains)
    }
    if covering.count == 1 { return .found(covering[0]) }
    if covering.count > 1 { return .ambiguous(covering.map(\.slug)) }
    let slugs = models.map(\.slug)
    var suggestions = Suggestion.closest(to: queryKey, in: slugs)
    if suggestions.isEmpty {
      // Words typed out of order or partly: rank slugs by shared words.
      var ranked: [(slug: String, shared: Int)] = []
      for model in models {
        let modelWords = Set(Self.words(model.slug + " " + model.name))
        let shared = queryWords.filter(modelWords.contains).count
        if shared > 0 { ranked.append((model.slug, shared)) }
      }
      ranked.sort { $0.shared != $1.shared ? $0.shared > $1.shared : $0.slug < $1.slug }
      suggestions = ranked.prefix(5).map(\.slug)
    }
    return .notFound(suggestions: suggestions)
  }

  /// The providers, sorted.
  public var providers: [String] { Array(Set(models.map(\.provider))).sorted() }

  /// The provider a person means, as the catalog spells it: its name in any case or spacing ("mistral ai",
  /// "Twelve Labs"), its first word ("mistral", "stability"), or the start of its model ids ("ai21",
  /// "twelvelabs"). Nil when nothing or more than one provider fits.
  public func provider(named query: String) -> String? {
    let squashed = Self.words(query).joined()
    guard !squashed.isEmpty else { return nil }
    let fitting = providers.filter { provider in
      let words = Self.words(provider)
      let idPrefixes = models.filter { $0.provider == provider }.compactMap { model in
        model.id.split(separator: ".", maxSplits: 1).first.map { Self.words(String($0)).joined() }
      }
      return ([words.joined(), words.first ?? ""] + idPrefixes).contains(squashed)
    }
    return fitting.count == 1 ? fitting[0] : nil
  }
}
