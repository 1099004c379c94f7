import Foundation

/// Text conversions between fmlab's plain text and Anki's HTML fields.
public enum AnkiText {
  /// `text` as HTML field content: `&`, `<`, `>`, `"` escaped and newlines as `<br>`.
  public static func html(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\n", "\r\n": out += "<br>"
      default: out.append(character)
      }
    }
    return out
  }

  /// An Anki field as plain text safe for a terminal: tags removed (`<br>`, `<div>`, `<p>`, `<li>` become line
  /// breaks), `<script>`/`<style>` contents dropped, entities decoded, then every C0/C1 control character and
  /// escape sequence removed (tab and newline kept), runs of blank lines squeezed and the ends trimmed.
  public static func plain(_ html: String) -> String {
    // Most fields are plain already: no tag, entity, control character, non-breaking space or line to tidy.
    if !html.utf8.contains(where: { $0 == 0x3C || $0 == 0x26 || $0 < 0x20 || $0 >= 0x80 || $0 == 0x7F }),
      html.utf8.first != 0x20, html.utf8.last != 0x20
    {
      return html
    }
    var out = ""
    var index = html.startIndex
    while index < html.endIndex {
      let character = html[index]
      if character == "<", let close = html[index...].firstIndex(of: ">") {
        let tag = html[html.index(after: index)..<close].lowercased()
        let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
        index = html.index(after: close)
        if !tag.hasPrefix("/"), name == "script" || name == "style" {
          if let end = html[index...].range(of: "</\(name)", options: .caseInsensitive) {
            index = html[end.upperBound...].firstIndex(of: ">").map { html.index(after: $0) } ?? html.endIndex
          } else {
            index = html.endIndex
          }
          continue
        }
        if ["br", "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr"].contains(String(name)) {
          if name == "li" {
            if !tag.hasPrefix("/") { out += "\n• " }
          } else if !out.hasSuffix("\n") || name == "br" {
            out += "\n"
          }
        }
        continue
      }
      if character == "&", let semicolon = html[index...].prefix(12).firstIndex(of: ";"),
        let decoded = entity(String(html[html.index(after: index)..<semicolon]))
      {
        out.unicodeScalars.append(decoded)
        index = html.index(after: semicolon)
        continue
      }
      out.append(character)
      index = html.index(after: index)
    }
    return squeezed(sanitized(out.replacingOccurrences(of: "\u{A0}", with: " ")))
  }

  /// The text with every ANSI escape sequence and other C0/C1 control character removed (tab and newline kept).
  public static func sanitized(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var iterator = text.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      switch scalar.value {
      case 0x1B, 0x9B:
        // CSI (ESC [ or 0x9B … final byte 0x40–0x7E), OSC/DCS/PM/APC strings (to BEL or ESC \), or ESC + one byte.
        let introducer: UInt32 = scalar.value == 0x9B ? 0x5B : (iterator.next()?.value ?? 0)
        if introducer == 0x5B {
          while let c = iterator.next(), !(0x40...0x7E).contains(c.value) {}
        } else if [0x5D, 0x50, 0x5E, 0x5F, 0x58].contains(introducer) {
          while let c = iterator.next(), c.value != 0x07, c.value != 0x1B, c.value != 0x9C {}
        }
      case 0x90, 0x9D, 0x9E, 0x9F, 0x98:
        while let c = iterator.next(), c.value != 0x07, c.value != 0x9C, c.value != 0x1B {}
      case 0x09, 0x0A: result.unicodeScalars.append(scalar)
      case 0x0D: continue
      case 0x00...0x1F, 0x7F...0x9F: continue
      case 0x202A...0x202E, 0x2066...0x2069: continue  // bidirectional overrides
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  static func squeezed(_ text: String) -> String {
    var lines: [Substring] = []
    var blank = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var start = line.startIndex
      var end = line.endIndex
      while start < end, line[start] == " " || line[start] == "\t" { start = line.index(after: start) }
      while end > start {
        let before = line.index(before: end)
        guard line[before] == " " || line[before] == "\t" else { break }
        end = before
      }
      let trimmed = line[start..<end]
      if trimmed.isEmpty {
        blank += 1
        if blank > 1 || lines.isEmpty { continue }
      } else {
        blank = 0
      }
      lines.append(trimmed)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  static let namedEntities: [String: Unicode.Scalar] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
    "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "times": "×", "middot": "·",
    "bull": "•", "rarr": "→", "larr": "←", "copy": "©", "reg": "®", "deg": "°", "euro": "€",
  ]

  static func entity(_ name: String) -> Unicode.Scalar? {
    if name.hasPrefix("#x") || name.hasPrefix("#X") {
      return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
    }
    if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
    return namedEntities[name]
  }
}
