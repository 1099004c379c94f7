import Core

/// Renders findings the way compilers do: `path:line:col: error: message`, then the
/// offending line and a caret under the column, then notes.
public enum FindingRenderer {
  /// - Parameters:
  ///   - paint: applies a style name ("error", "warning", "note", "bold") to text; identity when colour is off.
  public static func render(_ finding: Finding, paint: (String, String) -> String = { text, _ in text }) -> String {
    var out = paint("\(finding.location): ", "bold") + paint("\(finding.severity.rawValue):", finding.severity.rawValue)
    out += " " + paint(finding.message.sanitizedLine, "bold") + "\n"
    if let line = finding.sourceLine {
      let shown = line.sanitizedLine
      out += "    " + shown + "\n"
      let prefix = shown.prefix(max(0, finding.location.column - 1))
      let padding = String(prefix.map { $0 == "\t" ? "\t" : " " })
      out += "    " + padding + paint("^", finding.severity.rawValue) + "\n"
    }
    for note in finding.notes {
      out += paint("\(note.location): ", "bold") + paint("note:", "note") + " " + note.message.sanitizedLine + "\n"
    }
    return out
  }

  /// A one-line summary: `2 errors, 1 warning in 14 files`.
  public static func summary(_ findings: [Finding], files: Int) -> String {
    let errors = findings.errorCount
    let warnings = findings.warningCount
    if errors == 0 && warnings == 0 { return "no problems in \(Plural.of(files, "file"))" }
    return "\(Plural.of(errors, "error")), \(Plural.of(warnings, "warning")) in \(Plural.of(files, "file"))"
  }
}

extension String {
  /// The text with control characters (escape sequences included) replaced by `?`, for one-line display.
  var sanitizedLine: String {
    func isControl(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value != 0x09 && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }
    guard unicodeScalars.contains(where: isControl) else { return self }
    return String(String.UnicodeScalarView(unicodeScalars.map { isControl($0) ? "?" : $0 }))
  }
}
