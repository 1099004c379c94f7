extension Topic {
  /// The short names a learner may type for this page, lower-case: the initials of its id's words after a service
  /// prefix ("retrieval-augmented-generation" → "rag", "bedrock-provisioned-throughput" → "pt"), and an
  /// abbreviation standing alone in its title's parentheses ("Model Context Protocol (MCP)" → "mcp"; a plural
  /// such as "(LLMs)" gives "llms" and "llm").
  public var acronyms: Set<String> {
    var found = Set<String>()
    if let initials = Self.acronym(ofID: id) { found.insert(initials) }
    var rest = Substring(title)
    while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
      let inside = rest[rest.index(after: open)..<close]
      let capitals = inside.filter(\.isUppercase).count
      if capitals >= 2, inside.allSatisfy({ $0.isLetter && $0.isASCII }) {
        found.insert(inside.lowercased())
        if inside.last == "s" { found.insert(String(inside.dropLast()).lowercased()) }
      }
      rest = rest[rest.index(after: close)...]
    }
    return found
  }

  /// The initials of a page id's words, after a service prefix (amazon-, aws-, bedrock-, sagemaker-); nil for ids
  /// of fewer than two words, whose "acronym" would be a single letter, or with a word that is not a word.
  public static func acronym(ofID id: String) -> String? {
    var words = id.split(separator: "-").map(String.init)
    if words.count > 1, ["amazon", "aws", "bedrock", "sagemaker"].contains(words[0]) { words.removeFirst() }
    guard words.count >= 2, words.allSatisfy({ $0.first?.isLetter == true }) else { return nil }
    return String(words.compactMap(\.first)).lowercased()
  }
}
