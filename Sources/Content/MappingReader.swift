import Core
import Foundation
import Yams

/// Reads typed fields from one YAML mapping, turning every problem into a finding that
/// points at the offending key or value. Call `finish()` to report keys nobody asked for.
final class MappingReader {
  let node: Node
  let collector: FindingCollector
  let lineOffset: Int
  private var pairs: [(key: String, keyNode: Node, value: Node)] = []
  private var consumed: Set<String> = []
  private var allowed: Set<String> = []
  /// What this mapping is, for messages ("topic", "quiz item", "option").
  let what: String

  init?(_ node: Node, what: String, collector: FindingCollector, lineOffset: Int) {
    self.node = node
    self.collector = collector
    self.lineOffset = lineOffset
    self.what = what
    guard let mapping = node.mapping else {
      let (line, column) = MappingReader.position(of: node, lineOffset: lineOffset)
      collector.error(line: line, column: column, "expected a mapping of keys to values for the \(what)")
      return nil
    }
    for (key, value) in mapping {
      pairs.append((key.string ?? "\(key)", key, value))
    }
  }

  static func position(of node: Node, lineOffset: Int) -> (Int, Int) {
    guard let mark = node.mark else { return (lineOffset + 1, 1) }
    return (mark.line + lineOffset, mark.column)
  }

  func position(of node: Node) -> (Int, Int) { MappingReader.position(of: node, lineOffset: lineOffset) }

  func error(at node: Node, _ message: String) {
    let (line, column) = position(of: node)
    collector.error(line: line, column: column, message)
  }

  func warning(at node: Node, _ message: String) {
    let (line, column) = position(of: node)
    collector.warning(line: line, column: column, message)
  }

  /// The value node of `key`, marking the key as known.
  func value(_ key: String, required: Bool = false) -> Node? {
    allowed.insert(key)
    guard let pair = pairs.first(where: { $0.key == key }) else {
      if required { error(at: node, "the \(what) is missing the required key '\(key)'") }
      return nil
    }
    consumed.insert(key)
    if case .scalar(let scalar) = pair.value, scalar.style == .plain, pair.value.null != nil {
      if required { error(at: pair.value, "'\(key)' must not be empty") }
      return nil
    }
    return pair.value
  }

  /// Where the value of `key` was written (else the mapping itself), with that line's text:
  /// what a finding about the whole value (a duplicate id, say) points at.
  func anchor(_ key: String) -> (location: SourceLocation, sourceLine: String?) {
    let target = pairs.first { $0.key == key }?.value ?? node
    let (line, column) = position(of: target)
    return (collector.location(line: line, column: column), collector.lineText(line).map(String.init))
  }

  /// Declares keys that are read elsewhere (so they are not reported as unknown).
  func allow(_ keys: String...) { allowed.formUnion(keys) }

  func keyNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.keyNode }

  func string(_ key: String, required: Bool = false, maxLength: Int = 100_000) -> String? {
    guard let value = value(key, required: required) else { return nil }
    guard case .scalar(let scalar) = value else {
      error(at: value, "'\(key)' must be text, not a \(value.kindName)")
      return nil
    }
    let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.isEmpty && required {
      error(at: value, "'\(key)' must not be empty")
      return nil
    }
    if text.count > maxLength {
      error(at: value, "'\(key)' is \(text.count) characters long; the limit is \(maxLength)")
    }
    return text
  }

  func int(_ key: String, required: Bool = false, range: ClosedRange<Int>) -> Int? {
    guard let value = value(key, required: required) else { return nil }
    guard case .scalar(let scalar) = value, scalar.style == .plain, let number = Int(scalar.string) else {
      error(at: value, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
      return nil
    }
    guard range.contains(number) else {
      error(at: value, "'\(key)' is \(number); it must be from \(range.lowerBound) to \(range.upperBound)")
      return nil
    }
    return number
  }

  func bool(_ key: String) -> Bool? {
    guard let value = value(key) else { return nil }
    guard case .scalar(let scalar) = value, scalar.style == .plain, let flag = value.bool else {
      error(at: value, "'\(key)' must be true or false")
      return nil
    }
    _ = scalar
    return flag
  }

  func day(_ key: String, required: Bool = false) -> CalendarDay? {
    guard let text = string(key, required: required) else { return nil }
    guard let day = try? CalendarDay(parsing: text) else {
      error(at: value(key)!, "'\(key)' must be a date written YYYY-MM-DD, not '\(text.prefix(40))'")
      return nil
    }
    return day
  }

  /// A list of text values; a single text value is accepted as a one-element list.
  func strings(_ key: String, required: Bool = false) -> [String] {
    guard let value = value(key, required: required) else { return [] }
    switch value {
    case .scalar(let scalar): return [scalar.string.trimmingCharacters(in: .whitespaces)]
    case .sequence(let sequence):
      var result: [String] = []
      for element in sequence {
        guard case .scalar(let scalar) = element else {
          error(at: element, "each entry of '\(key)' must be text, not a \(element.kindName)")
          continue
        }
        result.append(scalar.string.trimmingCharacters(in: .whitespaces))
      }
      if result.isEmpty && required { error(at: value, "'\(key)' must list at least one entry") }
      return result
    case .mapping, .alias:
      error(at: value, "'\(key)' must be a list, not a \(value.kindName)")
      return []
    }
  }

  /// The elements of a list-valued key.
  func list(_ key: String, required: Bool = false) -> [Node] {
    guard let value = value(key, required: required) else { return [] }
    guard case .sequence(let sequence) = value else {
      error(at: value, "'\(key)' must be a list, not a \(value.kindName)")
      return []
    }
    if sequence.isEmpty && required { error(at: value, "'\(key)' must list at least one entry") }
    return Array(sequence)
  }

  /// Reports every key that no reader asked for, suggesting the nearest known key.
  func finish() {
    for pair in pairs where !allowed.contains(pair.key) && !pair.key.hasPrefix(YAMLSource.duplicatePrefix) {
      var message = "unknown key '\(pair.key)' in the \(what)"
      if let suggestion = Suggestion.closest(to: pair.key, in: allowed.sorted()).first {
        message += "; did you mean '\(suggestion)'?"
      } else {
        message += "; known keys: \(allowed.sorted().joined(separator: ", "))"
      }
      error(at: pair.keyNode, message)
    }
  }
}

extension Node {
  var kindName: String {
    switch self {
    case .scalar: "text value"
    case .mapping: "mapping"
    case .sequence: "list"
    case .alias: "alias"
    }
  }
}
