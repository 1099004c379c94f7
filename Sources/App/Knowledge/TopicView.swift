import Content
import Knowledge
import Markdown
import Terminal

/// Renders the knowledge base's outline and its pages.
enum TopicView {
  /// The outline: domains, task statements and objectives, each objective with its pages.
  static func renderOutline(
    _ index: TopicIndex, domains: [ExamGuide.Domain], objectiveFilter: String?, width: Int, styler: Styler
  ) -> String {
    var out = ""
    for domain in domains {
      out += styler.bold("Domain \(domain.number) — \(domain.title) (\(domain.weight)%)") + "\n"
      for task in domain.tasks {
        let objectives = task.objectives.filter { objectiveFilter == nil || $0.id == objectiveFilter }
        guard !objectives.isEmpty else { continue }
        out += "  " + styler.bold(task.id) + " " + task.title + "\n"
        for objective in objectives {
          let title = TextTable.truncate(objective.title, to: max(20, width - 12), styler: styler)
          out += "    " + styler.dim(objective.id) + " " + title + "\n"
          let pages = index.pages(for: objective.id)
          if pages.isEmpty { out += "        " + styler.warning("no page yet") + "\n" }
          for page in pages {
            let label = page.kind == .concept ? "" : styler.dim(" (\(page.kind.rawValue))")
            out += "        " + styler.accent(page.id) + label + "\n"
          }
        }
      }
      out += "\n"
    }
    return out
  }

  static func renderServices(_ index: TopicIndex, styler: Styler, width: Int) -> String {
    var table = TextTable(columns: [.init("PAGE", shrinkable: false), .init("KIND"), .init("TITLE")])
    for page in index.topics where page.kind != .concept {
      table.append([styler.accent(page.id), page.kind.rawValue, page.title])
    }
    return table.render(width: width, styler: styler)
  }

  static func renderPage(_ page: Topic, index: TopicIndex, width: Int, styler: Styler) -> String {
    let textWidth = min(width, 100)
    var out = styler.bold(page.title) + "  " + styler.accent(page.id) + "\n"
    var meta = [page.kind.rawValue]
    if !page.objectives.isEmpty { meta.append("objectives " + page.objectives.joined(separator: ", ")) }
    out += styler.dim(meta.joined(separator: " · ")) + "\n\n"
    let summary = TerminalMarkdown(width: textWidth, styler: styler).render("*" + page.summary + "*")
    out += summary.text + "\n"
    let body = TerminalMarkdown(width: textWidth, styler: styler).render(page.body)
    out += body.text
    if !page.confuseWith.isEmpty {
      out +=
        "\n" + styler.bold("Don't confuse with: ") + page.confuseWith.map(styler.accent).joined(separator: ", ") + "\n"
    }
    let related = page.related.filter { !page.confuseWith.contains($0) }
    if !related.isEmpty {
      out += styler.bold("Related: ") + related.map(styler.accent).joined(separator: ", ") + "\n"
    }
    let backlinks = index.backlinks(to: page.id).filter { !page.related.contains($0) && !page.confuseWith.contains($0) }
    if !backlinks.isEmpty {
      out += styler.bold("Linked from: ") + backlinks.prefix(8).map(styler.accent).joined(separator: ", ") + "\n"
    }
    out +=
      styler.dim(
        "\n\(page.flashcards.count) flashcards (review schedules them). Open a linked id with 'topic ID' or 'model ID'."
      )
      + "\n"
    out += styler.bold("Sources") + "\n"
    for source in page.sources { out += "  " + styler.dim(source.sanitizedForTerminal) + "\n" }
    out += styler.dim("Verified \(page.verified.map { "\($0)" } ?? "—")") + "\n"
    return out
  }
}
