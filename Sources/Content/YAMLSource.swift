import Yams

/// Turns YAML text into a node tree, reporting syntax errors and duplicate keys as findings.
enum YAMLSource {
  /// Parses `yaml`, whose first line is line `lineOffset + 1` of the file behind `collector`.
  static func parse(_ yaml: String, lineOffset: Int = 0, into collector: FindingCollector) -> Node? {
    do {
      return try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      report(error, lineOffset: lineOffset, into: collector)
      return nil
    } catch {
      collector.error(line: lineOffset + 1, column: 1, "cannot read YAML: \(error)")
      return nil
    }
  }

  private static func report(_ error: YamlError, lineOffset: Int, into collector: FindingCollector) {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var message = "YAML syntax error: \(problem)"
      if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
      collector.error(line: mark.line + lineOffset, column: mark.column, message)
    case .duplicatedKeysInMapping(let duplicates, let context):
      for key in duplicates {
        let start = context.mark.line + lineOffset
        let (line, column) = secondOccurrence(of: key, from: start, in: collector) ?? (start, context.mark.column)
        collector.error(line: line, column: column, "duplicate key '\(key)' in the same mapping")
      }
    case .reader(let problem, let offset, _, _):
      collector.error(line: lineOffset + 1, column: 1, "cannot read YAML: \(problem) at byte \(offset ?? 0)")
    default:
      collector.error(line: lineOffset + 1, column: 1, "cannot read YAML: \(error)")
    }
  }

  /// Finds the second line, from `start`, that defines `key`.
  private static func secondOccurrence(of key: String, from start: Int, in collector: FindingCollector) -> (Int, Int)? {
    let definesKey: (Substring) -> Bool = { text in
      let trimmed = text.drop { $0 == " " || $0 == "-" }
      return trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":")
    }
    guard let first = collector.firstLine(from: start, where: definesKey),
      let second = collector.firstLine(from: first + 1, where: definesKey)
    else { return nil }
    return (second, 1 + collector.indentation(ofLine: second))
  }
}

extension FindingCollector {
  func indentation(ofLine line: Int) -> Int {
    guard let text = lineText(line) else { return 0 }
    return text.prefix { $0 == " " || $0 == "-" }.count
  }
}
