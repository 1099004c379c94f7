import ArgumentParser
import Content
import Core
import Knowledge

extension Session {
  /// Pages and the exam guide (no quiz items).
  func knowledgeContent() throws -> ContentSet { try content(only: [.content, .resources]) }

  func topicIndex() throws -> TopicIndex {
    let content = try knowledgeContent()
    return TopicIndex(topics: content.topics)
  }
}

struct TopicsCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "topics",
    abstract: "The knowledge base by exam domain and objective, or the service pages.",
    discussion: """
      topics · topics 3 (one domain) · topics 3.3.1 (one objective) · topics services (AWS service and \
      Bedrock feature pages). Open a page with 'topic ID'.
      """)

  @Argument(help: "A domain number (1–5), an objective id (3.3.1), or 'services'.") var scope: String?

  func execute(in session: Session) throws -> CommandOutput {
    let content = try session.knowledgeContent()
    let index = try session.topicIndex()
    let width = session.configuration.columns
    let pages = content.topics.map {
      PageSummary(id: $0.id, title: $0.title, kind: $0.kind.rawValue, objectives: $0.objectives)
    }
    guard let scope else {
      return CommandOutput(
        text: TopicView.renderOutline(
          index, domains: content.guide.domains, objectiveFilter: nil, width: width, styler: session.styler),
        json: pages, pageable: true)
    }
    if scope == "services" {
      return CommandOutput(
        text: TopicView.renderServices(index, styler: session.styler, width: width),
        json: pages.filter { $0.kind != "concept" }, pageable: true)
    }
    if let number = Int(scope), let domain = content.guide.domain(number) {
      let ids = Set(domain.tasks.flatMap(\.objectives).map(\.id))
      return CommandOutput(
        text: TopicView.renderOutline(
          index, domains: [domain], objectiveFilter: nil, width: width, styler: session.styler),
        json: pages.filter { !ids.isDisjoint(with: $0.objectives) }, pageable: true)
    }
    if let objective = content.guide.objective(scope), let domain = content.guide.domain(Int(scope.prefix(1)) ?? 0) {
      return CommandOutput(
        text: TopicView.renderOutline(
          index, domains: [domain], objectiveFilter: objective.id, width: width, styler: session.styler),
        json: pages.filter { $0.objectives.contains(objective.id) })
    }
    let known = content.guide.objectives.map(\.id) + content.guide.domains.map { "\($0.number)" } + ["services"]
    let suggestions = Suggestion.closest(to: scope, in: known)
    throw CommandFailure.usage(
      "'\(scope.sanitizedForTerminal.prefix(40))' is not a domain (1–\(content.guide.domains.count)), an objective id "
        + "like 3.3.1, or 'services'" + (suggestions.first.map { " — did you mean '\($0)'?" } ?? ""),
      suggestions: suggestions)
  }

  struct PageSummary: Codable, Sendable {
    var id: String
    var title: String
    var kind: String
    var objectives: [String]
  }
}

struct TopicCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "topic",
    abstract: "Read one knowledge-base page.",
    discussion: "Name it by id (topic fine-tuning) or title words (topic continued pre training).")

  @Argument(help: "The page id or title words.") var words: [String] = []

  func execute(in session: Session) throws -> CommandOutput {
    guard !words.isEmpty else {
      throw CommandFailure.usage("name a page, e.g. 'topic fine-tuning'; 'topics' lists them")
    }
    let query = words.joined(separator: " ")
    let index = try session.topicIndex()
    switch index.lookup(query) {
    case .found(let page):
      return CommandOutput(
        text: TopicView.renderPage(
          page, index: index, width: session.configuration.columns, styler: session.styler),
        json: page, pageable: true)
    case .ambiguous(let ids):
      throw CommandFailure.usage(
        "'\(query.sanitizedForTerminal.prefix(60))' fits \(ids.count) pages: \(ids.prefix(8).joined(separator: ", "))"
          + (ids.count > 8 ? ", …" : ""), suggestions: ids)
    case .notFound(let suggestions):
      if case .found(let model) = try session.catalog().lookup(query) {
        throw CommandFailure.usage(
          "'\(query)' is a model, not a page: try 'model \(model.slug)'", suggestions: [model.slug])
      }
      throw CommandFailure.usage(
        "no page '\(query.sanitizedForTerminal.prefix(60))'"
          + (suggestions.first.map { " — did you mean '\($0)'?" } ?? "; 'topics' lists them, 'search WORDS' finds them"),
        suggestions: suggestions)
    }
  }
}
