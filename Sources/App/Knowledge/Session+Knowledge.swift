import Content
import Core
import Knowledge

extension Session {
  /// The model catalog from the loaded content.
  func catalog() throws -> ModelCatalog { ModelCatalog(models: try content(only: [.resources]).models) }

  /// The one model the words name, or a usage failure with the nearest names.
  func model(named words: [String]) throws -> ModelEntry {
    let query = words.joined(separator: " ")
    let catalog = try catalog()
    guard !catalog.models.isEmpty else {
      throw CommandFailure(message: "the content has no model catalog (Resources/models/)", status: .contentUnavailable)
    }
    switch catalog.lookup(query) {
    case .found(let model): return model
    case .ambiguous(let slugs):
      throw CommandFailure.usage(
        "'\(query.sanitizedForTerminal.prefix(80))' fits \(slugs.count) models: \(slugs.prefix(8).joined(separator: ", "))"
          + (slugs.count > 8 ? ", …" : "") + "; name one", suggestions: slugs)
    case .notFound(let suggestions):
      var message = "unknown model '\(query.sanitizedForTerminal.prefix(80))'"
      if let first = suggestions.first {
        message += " — did you mean '\(first)'?"
      } else {
        message += "; 'models' lists them all"
      }
      throw CommandFailure.usage(message, suggestions: suggestions)
    }
  }

  /// A capability by name or alias, or a usage failure with the nearest names.
  func capability(named name: String) throws -> Capability {
    if let capability = Capability(name: name) { return capability }
    let suggestions = Suggestion.closest(to: ModelCatalog.key(name), in: Capability.names)
    var message = "unknown capability '\(name.sanitizedForTerminal.prefix(60))'"
    message +=
      suggestions.first.map { " — did you mean '\($0)'?" }
      ?? "; capabilities: \(Capability.names.joined(separator: ", "))"
    throw CommandFailure.usage(message, suggestions: suggestions)
  }
}
