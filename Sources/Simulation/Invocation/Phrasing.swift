/// The stock phrases simulated answers are framed with, each list ranked most likely first.
///
/// They frame the passages and state no facts of their own.
enum Phrasing {
  /// Opening lines for a layout about `topic`: the style's own opening first (when it has one), then stock ones.
  static func openings(for layout: StyleProfile.Layout, styleOpening: String?, topic: String) -> [String] {
    let stock: [String]
    switch layout {
    case .numberedList:
      stock = [
        "Here are the key points about {topic}:", "Here is an overview of {topic}:",
        "These are the main things to know about {topic}:",
      ]
    case .headedSections:
      stock = [
        "Here is an overview of {topic}, section by section.", "This answer covers {topic} in a few parts.",
        "Below is a summary of {topic}.",
      ]
    case .prose:
      stock = [
        "Here is an overview of {topic}.", "Here is what the material says about {topic}.",
        "In short, this is how {topic} breaks down.",
      ]
    case .terse:
      stock = []
    }
    var result: [String] = []
    for template in [styleOpening].compactMap({ $0 }) + stock {
      let line = fill(template, topic: topic)
      if !line.isEmpty && !result.contains(line) { result.append(line) }
    }
    return result
  }

  /// Closing lines, for every layout but terse.
  static let closings = [
    "The best choice depends on your use case and requirements.",
    "Let me know if you would like more detail on any of these.",
    "Each of these is worth a closer look for your workload.",
  ]

  /// Linking phrases before a prose paragraph's first sentence ("" for none).
  static let connectives = ["", "In addition, ", "Also, ", "Beyond that, "]

  /// First words after which a connective may lowercase the sentence's first letter without harming a name.
  static let lowercasableOpeners: Set<String> = [
    "A", "All", "An", "Each", "It", "Its", "Many", "Most", "Some", "That", "The", "There", "These", "They", "This",
    "You", "Your",
  ]

  /// `template` with `{topic}` replaced (sanitised, so a template from a profile cannot smuggle in control
  /// characters) and its first letter capitalised.
  static func fill(_ template: String, topic: String) -> String {
    capitalizingFirst(TextSanitizer.clean(template.replacing("{topic}", with: topic)))
  }

  /// `sentence` with `connective` in front, when the sentence's first word can be lowercased safely;
  /// otherwise `sentence` unchanged.
  static func connect(_ connective: String, to sentence: String) -> String {
    guard !connective.isEmpty else { return sentence }
    let firstWord = sentence.prefix { $0 != " " && $0 != "," }
    guard lowercasableOpeners.contains(String(firstWord)) else { return sentence }
    return connective + sentence.prefix(1).lowercased() + sentence.dropFirst()
  }

  /// The honest short answer when no passage was retrieved, in the layout's form.
  static func noInformation(about topic: String, layout: StyleProfile.Layout) -> String {
    let admission = capitalizingFirst("I don't have specific information about \(topic).")
    switch layout {
    case .terse:
      return admission
    case .prose:
      return admission
        + " The material available to me does not cover it, so I would rather not guess. Rephrasing the question"
        + " or adding a relevant source would help."
    case .numberedList:
      return admission + " A few ways to get a reliable answer:\n\n"
        + "1. **Check the official documentation** — it is the authoritative source.\n"
        + "2. **Rephrase the question** — a more specific question may match the available material.\n"
        + "3. **Add a source** — documents about the topic can be added to the knowledge base."
    case .headedSections:
      return "## What I can say\n\n" + admission + "\n\n## Next steps\n\n"
        + "- Check the official documentation.\n- Rephrase the question more specifically."
    }
  }

  private static func capitalizingFirst(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }
}
