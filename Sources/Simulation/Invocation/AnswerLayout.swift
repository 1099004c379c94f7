/// Lays a planned answer out as text in its style's layout, with light Markdown.
enum AnswerLayout {
  /// The full text of `plan`: opening, body and closing separated by blank lines; no trailing newline.
  static func render(_ plan: AnswerPlan) -> String {
    var blocks: [String] = []
    switch plan.layout {
    case .numberedList:
      let list = plan.items.enumerated().map { index, item in
        "\(index + 1). **\(item.title)** — " + item.sentences.joined(separator: " ")
      }
      blocks = [plan.opening].compactMap { $0 } + [list.joined(separator: "\n")]
    case .headedSections:
      let sections = plan.items.map { item in
        "## \(item.title)\n\n" + item.sentences.map { "- " + $0 }.joined(separator: "\n")
      }
      blocks = [plan.opening].compactMap { $0 } + sections
    case .prose:
      let paragraphs = plan.items.enumerated().map { index, item in
        let first = index == 0 ? item.sentences[0] : Phrasing.connect(item.connective, to: item.sentences[0])
        return ([first] + item.sentences.dropFirst()).joined(separator: " ")
      }
      if let opening = plan.opening, let first = paragraphs.first {
        blocks = [opening + " " + first] + paragraphs.dropFirst()
      } else {
        blocks = paragraphs
      }
    case .terse:
      blocks = [plan.items.flatMap(\.sentences).joined(separator: " ")]
    }
    if let closing = plan.closing { blocks.append(closing) }
    return blocks.filter { !$0.isEmpty }.joined(separator: "\n\n")
  }
}
