extension String {
  /// The text with the typographic and drawing characters fmlab prints replaced by ASCII, for a
  /// terminal whose locale is not UTF-8 (letters of other scripts are left as they are).
  public var asciiFallback: String {
    guard !allSatisfy(\.isASCII) else { return self }
    var out = ""
    out.reserveCapacity(utf8.count)
    for character in self {
      switch character {
      case "·", "•": out += "-"
      case "—", "–", "─", "━": out += "-"
      case "…": out += "..."
      case "≥": out += ">="
      case "≤": out += "<="
      case "→": out += "->"
      case "←": out += "<-"
      case "↑": out += "^"
      case "×": out += "x"
      case "≈": out += "~"
      case "✓", "✔": out += "v"
      case "✘", "✗": out += "x"
      case "⚠": out += "!"
      case "‘", "’": out += "'"
      case "“", "”": out += "\""
      case "┤", "│", "├", "┼": out += "|"
      case "░", "▁": out += "."
      case "▒", "▂", "▃": out += ":"
      case "▓", "▄", "▅": out += "+"
      case "█", "▆", "▇": out += "#"
      case "○": out += "o"
      case "\u{00A0}": out += " "
      default: out.append(character)
      }
    }
    return out
  }
}
