import Foundation
import Yams

/// An id that one piece of content uses to point at another, with where it was written,
/// so a broken link is reported at its exact line and column.
public struct Reference: Sendable, Codable, Equatable {
  public enum Target: String, Sendable, Codable {
    case objective
    case topic
    /// A topic page or a model id or slug (related links, "don't confuse with", links in a page's body).
    case topicOrModel
    /// A model's slug or id.
    case model
    /// A model that can be a distillation student.
    case student
  }

  public var target: Target
  public var id: String
  public var location: SourceLocation
  public var sourceLine: String?
  /// The key it was written under, for messages.
  public var key: String
}

extension MappingReader {
  /// References for every entry of a list-valued key (or a single value), with exact positions.
  func references(_ key: String, target: Reference.Target) -> [Reference] {
    guard let value = value(key) else { return [] }
    let nodes: [Node] =
      switch value {
      case .sequence(let sequence): Array(sequence)
      default: [value]
      }
    let found: [Reference] = nodes.compactMap { node in
      guard case .scalar(let scalar) = node else { return nil }
      let (line, column) = position(of: node)
      return Reference(
        target: target, id: scalar.string.trimmingCharacters(in: .whitespaces),
        location: collector.location(line: line, column: column),
        sourceLine: collector.lineText(line).map(String.init), key: key)
    }
    collector.references += found
    return found
  }
}
