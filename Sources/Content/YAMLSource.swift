import Yams

/// Turns YAML text into a node tree, reporting syntax errors and duplicate keys as findings.
enum YAMLSource {
  /// The prefix given to a duplicate key so the rest of the file can still be read.
  static let duplicatePrefix = "__fmlab_duplicate_"

  /// Every key is read as text (`MappingReader` compares `key.string`), so keys are compared as text too: with
  /// Yams' default resolver a plain `1` (an int) and a quoted `"1"` (a string) were different keys, so a mapping
  /// could hold both and the reader silently took the first. The basic resolver gives every plain scalar the string
  /// tag, which also spares Yams' duplicate-key check the seven regular expressions it ran on each key (a sixth of
  /// the content loader's time). Values are read by their text (`Int(scalar.string)`, `NSNull`'s and
  /// `Bool`'s own constructors), never by tag, so nothing else changes.
  static let resolver = Resolver.basic

  /// Parses `yaml` (UTF-8; named, so Yams does not read the `YAMS_DEFAULT_ENCODING` environment variable on every
  /// parse), whose first line is line `lineOffset + 1` of the file behind `collector`.
  ///
  /// A duplicate key is reported, then renamed in a copy of the text and the copy parsed
  /// again, so one duplicate does not hide every other problem in the file.
  static func parse(_ yaml: String, lineOffset: Int = 0, into collector: FindingCollector) -> Node? {
    var text = yaml
    // The lines of `text`, split at the first duplicate and kept in step with each renaming.
    var renamedLines: [String]?
    for attempt in 0..<32 {
      do {
        guard let node = try Yams.compose(yaml: text, resolver, .default, .utf8) else {
          collector.error(line: lineOffset + 1, column: 1, "the YAML is empty; expected a mapping of keys to values")
          return nil
        }
        return node
      } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
        // The context mark belongs to the first key only; the others are reported on later attempts.
        // The search runs over the current (already renamed) text, so a key defined three times is
        // reported at its second and third definitions, once each.
        guard let key = duplicates.first else { return nil }
        var lines = renamedLines ?? text.fileLines.map(String.init)
        guard let (line, column) = secondOccurrence(of: key, from: context.mark.line, in: lines) else {
          collector.error(
            line: context.mark.line + lineOffset, column: context.mark.column,
            "duplicate key '\(key)' in the same mapping")
          return nil
        }
        collector.error(line: line + lineOffset, column: column, "duplicate key '\(key)' in the same mapping")
        guard let range = lines[line - 1].range(of: key) else { return nil }
        lines[line - 1].replaceSubrange(range, with: duplicatePrefix + "\(attempt)_" + key)
        text = lines.joined(separator: "\n")
        renamedLines = lines
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

  /// Finds the second line of `lines`, from the 1-based line `start`, that defines `key` at the
  /// same indentation as the first, with the 1-based column of the key.
  private static func secondOccurrence(of key: String, from start: Int, in lines: [String]) -> (Int, Int)? {
    func indentation(_ text: String) -> Int { text.prefix { $0 == " " || $0 == "-" }.count }
    func definesKey(_ text: String) -> Bool {
      let trimmed = text.drop { $0 == " " || $0 == "-" }
      return trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":")
    }
    guard start >= 1, start <= lines.count, let first = lines[(start - 1)...].firstIndex(where: definesKey) else {
      return nil
    }
    let indent = indentation(lines[first])
    guard
      let second = lines[(first + 1)...].firstIndex(where: { definesKey($0) && indentation($0) == indent })
    else { return nil }
    return (second + 1, 1 + indentation(lines[second]))
  }
}
