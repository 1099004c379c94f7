/// Collects the findings for one file, knowing its lines so each finding can quote its line.
final class FindingCollector {
  let file: String
  private let lines: [Substring]
  private(set) var findings: [Finding] = []
  /// Every id reference read from the file, kept even when the value holding it is invalid.
  var references: [Reference] = []

  init(file: String, text: String) {
    self.file = file
    self.lines = text.fileLines
  }

  func location(line: Int, column: Int) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  func add(_ severity: Finding.Severity, line: Int, column: Int, _ message: String, notes: [Finding.Note] = []) {
    let text = line >= 1 && line <= lines.count ? String(lines[line - 1].trimmingSuffixCR) : nil
    findings.append(
      Finding(severity, at: location(line: line, column: column), message, sourceLine: text, notes: notes))
  }

  func error(line: Int, column: Int, _ message: String) { add(.error, line: line, column: column, message) }
  func warning(line: Int, column: Int, _ message: String) { add(.warning, line: line, column: column, message) }

  func lineText(_ line: Int) -> Substring? {
    line >= 1 && line <= lines.count ? lines[line - 1].trimmingSuffixCR : nil
  }

  /// The 1-based line of the first line at or after `fromLine` whose text matches `predicate`.
  func firstLine(from fromLine: Int, where predicate: (Substring) -> Bool) -> Int? {
    guard fromLine >= 1 else { return nil }
    for index in (fromLine - 1)..<lines.count where predicate(lines[index]) { return index + 1 }
    return nil
  }
}

extension Substring {
  var trimmingSuffixCR: Substring { last == "\r" ? dropLast() : self }
}

extension String {
  /// The text's lines, split at LF and at CRLF (which Swift treats as one `Character`, so
  /// `split(separator: "\n")` alone would leave a CRLF file as a single line).
  ///
  /// Found in the UTF-8 bytes: an LF is always a `Character` of its own, or the end of a CRLF one (Unicode's
  /// grapheme rules break before and after every control character except between CR and LF), so the byte scan
  /// cuts exactly where a `Character` split would, without the grapheme breaking that was a tenth of the content
  /// loader's time (`FileLinesTests` checks the two agree).
  var fileLines: [Substring] {
    var lines: [Substring] = []
    let bytes = utf8
    var start = bytes.startIndex
    var index = start
    while index != bytes.endIndex {
      if bytes[index] == UInt8(ascii: "\n") {
        var end = index
        if end > start, case let beforeEnd = bytes.index(before: end), bytes[beforeEnd] == UInt8(ascii: "\r") {
          end = beforeEnd
        }
        lines.append(self[start..<end])
        start = bytes.index(after: index)
      }
      index = bytes.index(after: index)
    }
    lines.append(self[start..<bytes.endIndex])
    return lines
  }
}
