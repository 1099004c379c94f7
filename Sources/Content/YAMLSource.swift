import Yams

/// Turns YAML text into a node tree, reporting syntax errors and duplicate keys as findings.
enum YAMLSource {
  /// The prefix given to a duplicate key so the rest of the file can still be read.
  static let duplicatePrefix = "__fmlab_duplicate_"

  /// Parses `yaml`, whose first line is line `lineOffset + 1` of the file behind `collector`.
  ///
  /// A duplicate key is reported, then renamed in a copy of the text and the copy parsed
  /// again, so one duplicate does not hide every other problem in the file.
  static func parse(_ yaml: String, lineOffset: Int = 0, into collector: FindingCollector) -> Node? {
    var text = yaml
    for attempt in 0..<32 {
      do {
        guard let node = try Yams.compose(yaml: text) else {
          collector.error(line: lineOffset + 1, column: 1, "the YAML is empty; expected a mapping of keys to values")
          return nil
        }
        return node
      } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var renamed = false
        for key in duplicates {
          let first = context.mark.line + lineOffset
          guard let (line, column) = secondOccurrence(of: key, from: first, in: collector) else {
            collector.error(line: first, column: context.mark.column, "duplicate key '\(key)' in the same mapping")
            continue
          }
          collector.error(line: line, column: column, "duplicate key '\(key)' in the same mapping")
          let index = line - lineOffset - 1
          if index >= 0, index < lines.count, let range = lines[index].range(of: key) {
            lines[index].replaceSubrange(range, with: duplicatePrefix + "\(attempt)_" + key)
            renamed = true
          }
        }
        guard renamed else { return nil }
        text = lines.joined(separator: "\n")
      } catch let error as YamlError {
        report(error, lineOffset: lineOffset, into: collector)
        return nil
      } catch {
        collector.error(line: lineOffset + 1, column: 1, "cannot read YAML: \(error)")
        return nil
      }
    }
    return nil
  }

  private static func report(_ error: YamlError, lineOffset: Int, into collector: FindingCollector) {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var message = "YAML syntax error: \(problem)"
      if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
      collector.error(line: mark.line + lineOffset, column: mark.column, message)
    case .reader(let problem, let offset, _, _):
      collector.error(line: lineOffset + 1, column: 1, "cannot read YAML: \(problem) at byte \(offset ?? 0)")
    default:
      collector.error(line: lineOffset + 1, column: 1, "cannot read YAML: \(error)")
    }
  }

  /// Finds the second line, from `start`, that defines `key`.
  private static func secondOccurrence(of key: String, from start: Int, in collector: FindingCollector) -> (Int, Int)? {
    func definesKey(_ text: Substring) -> Bool {
      let trimmed = text.drop { $0 == " " || $0 == "-" }
      return trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":")
    }
    guard let first = collector.firstLine(from: start, where: definesKey) else { return nil }
    let indent = collector.indentation(ofLine: first)
    guard
      let second = collector.firstLine(
        from: first + 1, where: { definesKey($0) && $0.prefix { $0 == " " || $0 == "-" }.count == indent })
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
