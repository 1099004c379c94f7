/// A plain-text table that fits a terminal width: columns size to their content, the widest
/// shrinkable column gives way first, and cells that do not fit end in "…" — or, for prose
/// tables, wrap onto more lines. Cells may carry ANSI styles; widths are measured on what the
/// terminal shows.
public struct TextTable: Sendable {
  public enum Alignment: Sendable { case left, right }

  /// What a cell wider than its column does.
  public enum Overflow: Sendable {
    /// Cut to the column, ending in "…" (data tables: one row per line).
    case truncate
    /// Broken at spaces onto as many lines as it needs, so nothing is lost (prose tables); when a row takes more
    /// than one line, a blank line separates the rows. Styles are dropped from a wrapped cell.
    case wrap
  }

  public struct Column: Sendable {
    public var title: String
    public var alignment: Alignment
    /// Whether the column may be cut to fit (ids and numbers should not be).
    public var shrinkable: Bool
    public init(_ title: String, alignment: Alignment = .left, shrinkable: Bool = true) {
      self.title = title
      self.alignment = alignment
      self.shrinkable = shrinkable
    }
  }

  public var columns: [Column]
  public var rows: [[String]] = []
  public var overflow: Overflow

  public init(columns: [Column], overflow: Overflow = .truncate) {
    self.columns = columns
    self.overflow = overflow
  }

  public mutating func append(_ row: [String]) { rows.append(row) }

  /// The table as lines, at most `width` columns wide when it can be.
  public func render(width: Int, styler: Styler) -> String {
    guard !columns.isEmpty else { return "" }
    let gap = 2
    var widths = columns.indices.map { index in
      max(Self.displayWidth(columns[index].title), rows.map { Self.displayWidth($0[safe: index] ?? "") }.max() ?? 0)
    }
    let total = { widths.reduce(0, +) + gap * (widths.count - 1) }
    // A truncated column keeps 8 columns; a wrapped one its longest word, up to 12, so that words are not split.
    let floors = columns.indices.map { index in
      switch overflow {
      case .truncate: return 8
      case .wrap:
        let words = ([columns[index].title] + rows.map { $0[safe: index] ?? "" }).flatMap {
          $0.sanitizedForTerminal.split(separator: " ").map { Self.displayWidth(String($0)) }
        }
        return min(widths[index], max(4, min(12, words.max() ?? 0)))
      }
    }
    while total() > width {
      let candidates = columns.indices.filter { columns[$0].shrinkable && widths[$0] > floors[$0] }
      guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
      // Wrapped columns give way one at a time so that the widest stays the widest; truncated ones all at once.
      let step = overflow == .wrap ? 1 : total() - width
      widths[widest] -= min(widths[widest] - floors[widest], step)
    }
    if overflow == .wrap { return wrappedRows(widths: widths, gap: gap, styler: styler) }
    func line(_ cells: [String], header: Bool) -> String {
      var parts: [String] = []
      for (index, column) in columns.enumerated() {
        var cell = cells[safe: index] ?? ""
        if Self.displayWidth(cell) > widths[index] { cell = Self.truncate(cell, to: widths[index], styler: styler) }
        let padding = String(repeating: " ", count: max(0, widths[index] - Self.displayWidth(cell)))
        let isLast = index == columns.count - 1
        switch column.alignment {
        case .left: parts.append(isLast ? cell : cell + padding)
        case .right: parts.append(padding + cell)
        }
      }
      let text = parts.joined(separator: String(repeating: " ", count: gap))
      return header ? styler.bold(text) : text
    }
    var out = line(columns.map(\.title), header: true) + "\n"
    for row in rows { out += line(row, header: false) + "\n" }
    return out
  }

  /// The header and rows with every cell wrapped to its column's width.
  func wrappedRows(widths: [Int], gap: Int, styler: Styler) -> String {
    func lines(_ cells: [String], header: Bool) -> [String] {
      let wrapped = columns.indices.map { index -> [String] in
        let cell = cells[safe: index] ?? ""
        return Self.displayWidth(cell) <= widths[index] ? [cell] : Self.wrap(cell, width: widths[index])
      }
      let height = wrapped.map(\.count).max() ?? 1
      return (0..<height).map { row in
        var parts: [String] = []
        for (index, column) in columns.enumerated() {
          let cell = wrapped[index][safe: row] ?? ""
          let padding = String(repeating: " ", count: max(0, widths[index] - Self.displayWidth(cell)))
          switch column.alignment {
          case .left: parts.append(index == columns.count - 1 ? cell : cell + padding)
          case .right: parts.append(padding + cell)
          }
        }
        let text = parts.joined(separator: String(repeating: " ", count: gap))
        let trimmed = String(text.reversed().drop { $0 == " " }.reversed())
        return header ? styler.bold(trimmed) : trimmed
      }
    }
    let header = lines(columns.map(\.title), header: true)
    let body = rows.map { lines($0, header: false) }
    let separated = header.count > 1 || body.contains { $0.count > 1 }
    var out = header.joined(separator: "\n") + "\n"
    for row in body {
      if separated { out += "\n" }
      out += row.joined(separator: "\n") + "\n"
    }
    return out
  }

  /// Columns the text occupies on a terminal: escapes take none, wide East Asian characters two.
  public static func displayWidth(_ text: String) -> Int {
    var width = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
      if inEscape {
        if (0x40...0x7E).contains(scalar.value) && scalar != "[" { inEscape = false }
        continue
      }
      if scalar.value == 0x1B {
        inEscape = true
        continue
      }
      if scalar.properties.generalCategory == .nonspacingMark || scalar.value == 0x200D || scalar.value == 0xFE0F {
        continue
      }
      width += isWide(scalar) ? 2 : 1
    }
    return width
  }

  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      true
    default: false
    }
  }

  /// Plain text broken into lines of at most `width` display columns at spaces (a longer word
  /// stands alone on its line); control characters are removed first.
  public static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.sanitizedForTerminal.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      let candidate = line.isEmpty ? String(word) : line + " " + word
      if displayWidth(candidate) > width && !line.isEmpty {
        lines.append(line)
        line = String(word)
      } else {
        line = candidate
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines.isEmpty ? [""] : lines
  }

  /// Cuts text to `width` display columns, ending in "…" (styles are dropped from a cut cell).
  public static func truncate(_ text: String, to width: Int, styler: Styler) -> String {
    let plain = text.sanitizedForTerminal
    guard displayWidth(plain) > width else { return plain }
    let ellipsis = styler.unicode ? "…" : "~"
    var result = ""
    var used = 0
    for character in plain {
      let w = displayWidth(String(character))
      if used + w > width - 1 { break }
      result.append(character)
      used += w
    }
    return result + ellipsis
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
