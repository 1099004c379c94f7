/// Finds what a prompt asks about, for the answer's opening line ("Here are the key points about {topic}:").
enum TopicExtractor {
  /// What the topic is called when the prompt gives nothing usable.
  static let fallback = "your question"
  /// Only this many scalars of the prompt are read, so a huge prompt costs nothing here.
  static let scannedScalars = 400
  /// The longest topic kept, in characters; longer ones are cut at a word boundary.
  static let maximumLength = 80

  /// Question openers removed from the front of the prompt's first sentence (lowercase, longest first).
  private static let leadIns = [
    "can you tell me about", "could you tell me about", "can you explain", "could you explain",
    "what are some of", "what are some", "how should i", "how can i", "how do i", "tell me about",
    "what are", "what is", "what's", "who are", "who is", "which are", "which is", "how does", "how do",
    "how can", "give me", "show me", "tell me", "please", "explain", "describe", "summarize", "summarise",
    "list", "why", "when", "where", "what", "which", "how",
  ]

  /// The topic of `prompt`: its first sentence, sanitised, without a question opener or end punctuation,
  /// at most `maximumLength` characters; `fallback` when that leaves nothing.
  static func topic(of prompt: String) -> String {
    let head = String(String.UnicodeScalarView(prompt.unicodeScalars.prefix(scannedScalars)))
    var topic = Substring(TextSanitizer.clean(head))
    if let end = topic.firstIndex(where: { $0 == "?" || $0 == "!" }) { topic = topic[..<end] }
    if let end = topic.firstRange(of: ". ") { topic = topic[..<end.lowerBound] }
    var strippedSomething = true
    while strippedSomething {
      strippedSomething = false
      let lower = topic.lowercased()
      for leadIn in leadIns where lower.hasPrefix(leadIn) {
        let rest = topic.dropFirst(leadIn.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "," else { continue }
        topic = rest.drop { $0 == " " || $0 == "," }
        strippedSomething = true
        break
      }
    }
    topic = Substring(topic.trimmingSuffix { $0 == " " || ".,;:".contains($0) })
    if topic.count > maximumLength {
      let cut = topic.prefix(maximumLength)
      topic = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
      topic = Substring(topic.trimmingSuffix { $0 == " " || ".,;:".contains($0) })
    }
    return topic.isEmpty ? fallback : String(topic)
  }
}

extension Substring {
  /// The substring without trailing characters that satisfy `predicate`.
  fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
    var end = endIndex
    while end > startIndex {
      let before = index(before: end)
      guard predicate(self[before]) else { break }
      end = before
    }
    return self[startIndex..<end]
  }
}
