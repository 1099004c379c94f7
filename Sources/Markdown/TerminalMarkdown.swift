@preconcurrency import CCmarkGFM
import Terminal

/// Renders CommonMark + GFM (tables, strikethrough, autolinks) for a terminal: headings,
/// wrapped paragraphs, lists, quotes, code, tables and emphasis, styled through a `Styler`.
/// Links to other pages show the page id to open. Every byte of text from the document is
/// sanitized, so a page can never send escape sequences to the terminal.
public struct TerminalMarkdown: Sendable {
  public var width: Int
  public var styler: Styler

  public init(width: Int, styler: Styler) {
    self.width = max(20, width)
    self.styler = styler
  }

  /// What rendering produced: the text, and the page ids its links point at (in order, once each).
  public struct Rendered: Sendable, Equatable {
    public var text: String
    public var links: [String]
  }

  public func render(_ markdown: String) -> Rendered {
    TerminalMarkdown.registerExtensions
    guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else {
      return Rendered(text: markdown.sanitizedForTerminal, links: [])
    }
    defer { cmark_parser_free(parser) }
    for name in ["table", "strikethrough", "autolink"] {
      if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
    }
    cmark_parser_feed(parser, markdown, markdown.utf8.count)
    guard let document = cmark_parser_finish(parser) else {
      return Rendered(text: markdown.sanitizedForTerminal, links: [])
    }
    defer { cmark_node_free(document) }
    var state = State()
    let blocks = renderBlocks(children(of: document), indent: 0, state: &state)
    var text = blocks.joined(separator: "\n")
    if !text.hasSuffix("\n") { text += "\n" }
    return Rendered(text: text, links: state.links)
  }

  /// cmark-gfm's extensions register once per process.
  private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

  struct State {
    var links: [String] = []
    mutating func link(_ id: String) { if !links.contains(id) { links.append(id) } }
  }

  // MARK: Blocks

  func children(of node: OpaquePointer) -> [OpaquePointer] {
    var result: [OpaquePointer] = []
    var child = cmark_node_first_child(node)
    while let current = child {
      result.append(current)
      child = cmark_node_next(current)
    }
    return result
  }

  static func typeName(_ node: OpaquePointer) -> String {
    cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
  }

  static func literal(_ node: OpaquePointer) -> String {
    cmark_node_get_literal(node).map { String(cString: $0) }?.sanitizedForTerminal ?? ""
  }

  /// Each block as text ending in a newline; the caller separates blocks with a blank line.
  func renderBlocks(_ nodes: [OpaquePointer], indent: Int, state: inout State) -> [String] {
    nodes.compactMap { renderBlock($0, indent: indent, state: &state) }
  }

  func renderBlock(_ node: OpaquePointer, indent: Int, state: inout State) -> String? {
    let available = max(10, width - indent)
    let pad = String(repeating: " ", count: indent)
    switch Self.typeName(node) {
    case "paragraph":
      return wrap(inlineSegments(node, state: &state), width: available).map { pad + $0 + "\n" }.joined()
    case "heading":
      let level = Int(cmark_node_get_heading_level(node))
      let text = inlineSegments(node, state: &state).map(\.text).joined()
      let styled = level == 1 ? styler.apply(text.uppercased(), .bold) : styler.bold(text)
      return pad + styled + "\n"
    case "thematic_break":
      return pad + styler.dim(String(repeating: styler.unicode ? "─" : "-", count: min(available, 40))) + "\n"
    case "code_block":
      let code = Self.literal(node)
      var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if lines.last == "" { lines.removeLast() }
      return lines.map { pad + "    " + styler.accent($0) + "\n" }.joined()
    case "html_block":
      let text = Self.literal(node).trimmingCharacters(in: .whitespacesAndNewlines)
      return text.isEmpty ? nil : pad + styler.dim(text) + "\n"
    case "block_quote":
      let inner = renderBlocks(children(of: node), indent: 0, state: &state).joined(separator: "\n")
      let bar = styler.dim(styler.unicode ? "│ " : "| ")
      return inner.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
        pad + bar + $0 + "\n"
      }.joined()
    case "list":
      return renderList(node, indent: indent, state: &state)
    case "table":
      return renderTable(node, indent: indent, state: &state)
    default:
      let inner = renderBlocks(children(of: node), indent: indent, state: &state)
      return inner.isEmpty ? nil : inner.joined(separator: "\n")
    }
  }

  func renderList(_ node: OpaquePointer, indent: Int, state: inout State) -> String {
    let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
    let tight = cmark_node_get_list_tight(node) != 0
    var number = Int(cmark_node_get_list_start(node))
    var items: [String] = []
    for item in children(of: node) {
      let marker = ordered ? "\(number)." : (styler.unicode ? "•" : "*")
      number += 1
      let markerWidth = TextTable.displayWidth(marker) + 1
      // Items render at the width left after the marker, then get indented.
      let inner = TerminalMarkdown(width: max(10, width - indent - markerWidth), styler: styler)
      let text = inner.renderBlocks(children(of: item), indent: 0, state: &state).joined(
        separator: tight ? "" : "\n")
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if lines.last == "" { lines.removeLast() }
      var out = ""
      for (index, line) in lines.enumerated() {
        let lead =
          index == 0
          ? String(repeating: " ", count: indent) + marker + " "
          : String(repeating: " ", count: indent + markerWidth)
        out += (line.isEmpty ? "" : lead + line) + "\n"
      }
      items.append(out)
    }
    return items.joined(separator: tight ? "" : "\n")
  }

  func renderTable(_ node: OpaquePointer, indent: Int, state: inout State) -> String {
    let rows = children(of: node)
    guard let header = rows.first else { return "" }
    let alignments = cmark_gfm_extensions_get_table_alignments(node)
    let headerCells = children(of: header).map { inlineSegments($0, state: &state).map(\.text).joined() }
    var columns: [TextTable.Column] = []
    for index in headerCells.indices {
      let align = alignments.map { $0[index] } ?? 0
      columns.append(TextTable.Column(headerCells[index], alignment: align == UInt8(ascii: "r") ? .right : .left))
    }
    var table = TextTable(columns: columns, overflow: .wrap)
    for row in rows.dropFirst() {
      table.append(children(of: row).map { render(inlineSegments($0, state: &state)) })
    }
    let margin = String(repeating: " ", count: indent)
    let lines = table.render(width: max(20, width - indent), styler: styler)
      .split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    // The blank lines between wrapped rows stay blank.
    return lines.map { ($0.isEmpty ? "" : margin + $0) + "\n" }.joined()
  }

  // MARK: Inlines

  /// A run of text with the styles it carries.
  struct Segment: Equatable {
    var text: String
    var styles: [Styler.Style]
    /// A hard line break.
    var isBreak = false
  }

  func inlineSegments(_ node: OpaquePointer, state: inout State) -> [Segment] {
    var segments: [Segment] = []
    func walk(_ node: OpaquePointer, styles: [Styler.Style]) {
      switch Self.typeName(node) {
      case "text": segments.append(Segment(text: Self.literal(node), styles: styles))
      case "softbreak": segments.append(Segment(text: " ", styles: styles))
      case "linebreak": segments.append(Segment(text: "", styles: styles, isBreak: true))
      case "code": segments.append(Segment(text: Self.literal(node), styles: styles + [.cyan]))
      case "html_inline": segments.append(Segment(text: Self.literal(node), styles: styles + [.dim]))
      case "emph": for child in children(of: node) { walk(child, styles: styles + [.italic]) }
      case "strong": for child in children(of: node) { walk(child, styles: styles + [.bold]) }
      case "strikethrough": for child in children(of: node) { walk(child, styles: styles + [.dim]) }
      case "link", "image":
        let url = cmark_node_get_url(node).map { String(cString: $0) }?.sanitizedForTerminal ?? ""
        let isImage = Self.typeName(node) == "image"
        if isImage { segments.append(Segment(text: "[image: ", styles: styles + [.dim])) }
        for child in children(of: node) { walk(child, styles: styles + (isImage ? [.dim] : [.underline])) }
        if isImage { segments.append(Segment(text: "]", styles: styles + [.dim])) }
        let shown = segments.last?.text ?? ""
        if !url.isEmpty && !url.contains(":") && !url.hasPrefix("#") && !url.hasPrefix("/") {
          state.link(url)
          segments.append(Segment(text: " [\(url)]", styles: styles + [.cyan]))
        } else if !url.isEmpty && url != shown && !url.hasPrefix("#") {
          segments.append(Segment(text: " <\(url)>", styles: styles + [.dim]))
        }
      default:
        for child in children(of: node) { walk(child, styles: styles) }
      }
    }
    for child in children(of: node) { walk(child, styles: []) }
    return segments
  }

  func render(_ segments: [Segment]) -> String {
    segments.map { $0.isBreak ? " " : style($0.text, $0.styles) }.joined()
  }

  func style(_ text: String, _ styles: [Styler.Style]) -> String {
    guard !styles.isEmpty else { return text }
    var result = text
    // Styler.apply takes a variadic list; apply the styles one at a time (nested codes are fine).
    for style in styles { result = styler.apply(result, style) }
    return result
  }

  /// Greedy word wrap of styled segments to `width` display columns.
  func wrap(_ segments: [Segment], width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    var pendingSpace = false
    func flush() {
      lines.append(line)
      line = ""
      lineWidth = 0
      pendingSpace = false
    }
    for segment in segments {
      if segment.isBreak {
        flush()
        continue
      }
      var word = ""
      func emitWord() {
        guard !word.isEmpty else { return }
        let w = TextTable.displayWidth(word)
        if lineWidth > 0 && lineWidth + (pendingSpace ? 1 : 0) + w > width { flush() }
        if pendingSpace && lineWidth > 0 {
          line += " "
          lineWidth += 1
        }
        line += style(word, segment.styles)
        lineWidth += w
        pendingSpace = false
        word = ""
      }
      for character in segment.text {
        if character == " " || character == "\t" || character == "\n" {
          emitWord()
          pendingSpace = true
        } else {
          word.append(character)
        }
      }
      emitWord()
    }
    if !line.isEmpty || lines.isEmpty { flush() }
    return lines
  }
}
