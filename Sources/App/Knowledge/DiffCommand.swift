import ArgumentParser
import Content
import Knowledge
import Terminal

struct DiffCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Two concepts or two models side by side.",
    discussion: """
      diff fine-tuning continued-pre-training · diff nova-micro nova-lite · diff nova micro vs claude 3.5 sonnet \
      (use 'vs' between names of more than one word). Rows that differ are marked with '≠'.
      """)

  @Argument(help: "Two page ids or two models (names of several words: separate them with 'vs').") var words: [String] =
    []

  func execute(in session: Session) throws -> CommandOutput {
    let (left, right) = try Self.split(words)
    let index = try session.topicIndex()
    let catalog = try session.catalog()
    let width = session.configuration.columns
    if case .found(let a) = index.lookup(left), case .found(let b) = index.lookup(right) {
      return CommandOutput(
        text: DiffView.pages(a, b, width: width, styler: session.styler), json: [a, b], pageable: true)
    }
    if case .found(let a) = catalog.lookup(left), case .found(let b) = catalog.lookup(right) {
      return CommandOutput(
        text: DiffView.models(a, b, catalog: catalog, width: width, styler: session.styler), json: [a, b],
        pageable: true)
    }
    // Say which side failed, and how.
    for name in [left, right] {
      let isPage = if case .found = index.lookup(name) { true } else { false }
      let isModel = if case .found = catalog.lookup(name) { true } else { false }
      if !isPage && !isModel {
        if case .notFound(let suggestions) = catalog.lookup(name), let first = suggestions.first {
          throw CommandFailure.usage(
            "unknown page or model '\(name)' — did you mean '\(first)'?", suggestions: suggestions)
        }
        if case .notFound(let suggestions) = index.lookup(name), let first = suggestions.first {
          throw CommandFailure.usage(
            "unknown page or model '\(name)' — did you mean '\(first)'?", suggestions: suggestions)
        }
        _ = try session.model(named: [name])  // ambiguous or unknown: its message lists the candidates
      }
    }
    throw CommandFailure.usage("diff compares two pages or two models, not a page with a model")
  }

  static func split(_ words: [String]) throws -> (String, String) {
    if let separator = words.firstIndex(where: { ["vs", "vs.", "versus"].contains($0.lowercased()) }),
      separator > 0, separator < words.count - 1
    {
      return (words[..<separator].joined(separator: " "), words[(separator + 1)...].joined(separator: " "))
    }
    guard words.count == 2 else {
      throw CommandFailure.usage(
        "diff needs two names, e.g. 'diff fine-tuning continued-pre-training' or 'diff nova micro vs nova lite'")
    }
    return (words[0], words[1])
  }
}

enum DiffView {
  /// Rows of label, left, right; long values wrap within their column.
  static func sideBySide(
    _ rows: [(String, String, String)], titles: (String, String), width: Int, styler: Styler
  ) -> String {
    let labelWidth = min(20, rows.map { $0.0.count }.max() ?? 0)
    let column = max(16, (width - labelWidth - 6) / 2)
    func pad(_ text: String, _ n: Int) -> String {
      text + String(repeating: " ", count: max(0, n - TextTable.displayWidth(text)))
    }
    var out =
      "  " + pad("", labelWidth) + "  "
      + styler.bold(pad(TextTable.truncate(titles.0, to: column, styler: styler), column))
      + "  " + styler.bold(TextTable.truncate(titles.1, to: column, styler: styler)) + "\n"
    for (label, left, right) in rows {
      let differs = left != right
      let a = TextTable.wrap(left, width: column)
      let b = TextTable.wrap(right, width: column)
      for index in 0..<max(a.count, b.count) {
        let mark = index == 0 && differs ? styler.warning(styler.unicode ? "≠" : "!") : " "
        let name = index == 0 ? pad(label, labelWidth) : pad("", labelWidth)
        let leftText = index < a.count ? a[index] : ""
        let rightText = index < b.count ? b[index] : ""
        out += mark + " " + styler.dim(name) + "  " + pad(leftText, column) + "  " + rightText + "\n"
      }
    }
    return out
  }

  static func pages(_ a: Topic, _ b: Topic, width: Int, styler: Styler) -> String {
    let rows: [(String, String, String)] = [
      ("id", a.id, b.id),
      ("kind", a.kind.rawValue, b.kind.rawValue),
      ("objectives", a.objectives.joined(separator: ", "), b.objectives.joined(separator: ", ")),
      ("in short", a.summary, b.summary),
      ("confused with", a.confuseWith.joined(separator: ", "), b.confuseWith.joined(separator: ", ")),
      ("related", a.related.joined(separator: ", "), b.related.joined(separator: ", ")),
      ("flashcards", "\(a.flashcards.count)", "\(b.flashcards.count)"),
    ]
    var out = sideBySide(rows, titles: (a.title, b.title), width: width, styler: styler)
    if a.confuseWith.contains(b.id) || b.confuseWith.contains(a.id) {
      out +=
        "\n" + styler.bold("Often confused.") + " Each page's 'Don't confuse with' section explains the difference: "
      out += "'topic \(a.id)', 'topic \(b.id)'.\n"
    }
    return out
  }

  static func models(_ a: ModelEntry, _ b: ModelEntry, catalog: ModelCatalog, width: Int, styler: Styler) -> String {
    func price(_ m: ModelEntry) -> String {
      guard let p = m.pricing else { return "not recorded" }
      var parts: [String] = []
      if let i = p.inputPer1K { parts.append("in \(ModelView.dollars(i))/1K") }
      if let o = p.outputPer1K { parts.append("out \(ModelView.dollars(o))/1K") }
      if let image = p.perImage { parts.append("\(ModelView.dollars(image))/image") }
      if let second = p.perVideoSecond { parts.append("\(ModelView.dollars(second))/s") }
      return parts.joined(separator: ", ") + (p.provenance?.confidence == .estimated ? " (est.)" : "")
    }
    func verdict(_ capability: Capability, _ m: ModelEntry) -> String {
      Verdict.evaluate(capability, for: m).answer.rawValue
    }
    func lifecycle(_ m: ModelEntry) -> String {
      guard let l = m.lifecycle else { return "not recorded" }
      return l.status.rawValue + (l.endOfLife.map { ", EOL \($0)" } ?? "")
    }
    let rows: [(String, String, String)] = [
      ("id", a.id, b.id),
      ("provider", a.provider, b.provider),
      (
        "input", a.modalities.input.map(\.rawValue).joined(separator: ", "),
        b.modalities.input.map(\.rawValue).joined(separator: ", ")
      ),
      (
        "output", a.modalities.output.map(\.rawValue).joined(separator: ", "),
        b.modalities.output.map(\.rawValue).joined(separator: ", ")
      ),
      ("context window", ModelView.tokens(a.modalities.contextWindow), ModelView.tokens(b.modalities.contextWindow)),
      ("max output", ModelView.tokens(a.modalities.maxOutput), ModelView.tokens(b.modalities.maxOutput)),
      ("streaming", ModelView.yesNo(a.modalities.streaming), ModelView.yesNo(b.modalities.streaming)),
      (
        "APIs", a.modalities.apis.map(\.rawValue).joined(separator: ", "),
        b.modalities.apis.map(\.rawValue).joined(separator: ", ")
      ),
      ("on-demand price", price(a), price(b)),
      (
        "customization", a.customization.methods.map(\.rawValue).joined(separator: ", ").ifEmpty("none"),
        b.customization.methods.map(\.rawValue).joined(separator: ", ").ifEmpty("none")
      ),
      ("Provisioned Thr.", verdict(.provisionedThroughput, a), verdict(.provisionedThroughput, b)),
      ("on-demand custom", verdict(.onDemandCustomDeployment, a), verdict(.onDemandCustomDeployment, b)),
      ("lifecycle", lifecycle(a), lifecycle(b)),
    ]
    var out = sideBySide(rows, titles: (a.name, b.name), width: width, styler: styler)
    if let pa = a.pricing?.inputPer1K, let pb = b.pricing?.inputPer1K, pa > 0, pb > 0, pa != pb {
      let (cheap, dear, ratio) = pa < pb ? (a, b, pb / pa) : (b, a, pa / pb)
      out += "\n\(dear.name) costs \(String(format: "%.1f", ratio))× as much as \(cheap.name) per input token"
      out += " (on-demand list prices, estimated unless marked confirmed).\n"
    }
    return out
  }
}

extension String {
  func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
