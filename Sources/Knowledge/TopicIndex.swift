import Content
import Core

/// Finds knowledge-base pages by id or title, forgivingly, and groups them by exam objective.
public struct TopicIndex: Sendable {
  public let topics: [Topic]
  public init(topics: [Topic]) {
    self.topics = topics.sorted { $0.id < $1.id }
  }

  public enum Lookup: Equatable, Sendable {
    case found(Topic)
    case ambiguous([String])
    case notFound(suggestions: [String])
  }

  /// A page from its id ("fine-tuning"), its title words ("fine tuning", "Amazon Comprehend"), or
  /// words that pick out one page.
  public func lookup(_ query: String) -> Lookup {
    let trimmed = query.trimmingCharacters(in: .whitespaces)
    if let exact = topics.first(where: { $0.id == trimmed }) { return .found(exact) }
    let key = ModelCatalog.key(trimmed)
    guard !key.isEmpty else { return .notFound(suggestions: []) }
    let byKey = topics.filter { ModelCatalog.key($0.id) == key || ModelCatalog.key($0.title) == key }
    if byKey.count == 1 { return .found(byKey[0]) }
    if byKey.count > 1 { return .ambiguous(byKey.map(\.id)) }
    // An acronym names its page ("rag", "mcp"), however many other titles mention it.
    let named = topics.filter { $0.acronyms.contains(key) }
    if named.count == 1 { return .found(named[0]) }
    // Singular and plural are the same word here ("guardrail" finds Bedrock Guardrails).
    let words = ModelCatalog.words(trimmed).map(Self.singular)
    let covering = topics.filter { topic in
      let vocabulary = Set(ModelCatalog.words(topic.id + " " + topic.title).map(Self.singular))
      return words.allSatisfy(vocabulary.contains)
    }
    if covering.count == 1 { return .found(covering[0]) }
    if covering.count > 1 {
      // Prefer the page whose id is exactly the words plus a service prefix ("comprehend" → amazon-comprehend).
      let wanted = words.joined(separator: "-")
      let prefixed = covering.filter { topic in
        let id = ModelCatalog.words(topic.id).map(Self.singular).joined(separator: "-")
        return ["amazon-", "aws-", "bedrock-", "sagemaker-"].contains { prefix in id == prefix + wanted }
      }
      if prefixed.count == 1 { return .found(prefixed[0]) }
      return .ambiguous(covering.map(\.id))
    }
    if named.count > 1 { return .ambiguous(named.map(\.id)) }
    return .notFound(suggestions: Suggestion.closest(to: key, in: topics.map(\.id)))
  }

  /// A word without a plural ending: "guardrails" → "guardrail", "policies" → "policy"; "loss", "corpus",
  /// "analysis" and short words stay as they are. A crude fold, applied to both the query and the pages, so a
  /// word it gets wrong ("bias" → "bia") still matches itself.
  static func singular(_ word: String) -> String {
    guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is")
    else { return word }
    if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
    return String(word.dropLast())
  }

  /// Pages that teach an objective, concept pages first.
  public func pages(for objective: String) -> [Topic] {
    topics.filter { $0.objectives.contains(objective) }.sorted {
      ($0.kind == .concept ? 0 : 1, $0.id) < ($1.kind == .concept ? 0 : 1, $1.id)
    }
  }

  /// Pages that name this page as related or confusable, for "see also".
  public func backlinks(to id: String) -> [String] {
    topics.filter { $0.id != id && ($0.related.contains(id) || $0.confuseWith.contains(id)) }.map(\.id)
  }
}
