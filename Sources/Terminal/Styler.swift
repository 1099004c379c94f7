/// Applies ANSI styles to text when colour is enabled, and returns text untouched otherwise.
///
/// Views take a `Styler` and return `String`s; they never decide on colour themselves.
public struct Styler: Sendable, Equatable {
  public var enabled: Bool
  /// Whether the output device can show Unicode box and block characters.
  public var unicode: Bool

  public init(enabled: Bool, unicode: Bool = true) {
    self.enabled = enabled
    self.unicode = unicode
  }

  public static let plain = Styler(enabled: false)

  public enum Style: String, Sendable {
    case bold = "1", dim = "2", italic = "3", underline = "4"
    case red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
  }

  public func apply(_ text: String, _ styles: Style...) -> String {
    guard enabled, !styles.isEmpty, !text.isEmpty else { return text }
    return "\u{1B}[" + styles.map(\.rawValue).joined(separator: ";") + "m" + text + "\u{1B}[0m"
  }

  public func bold(_ text: String) -> String { apply(text, .bold) }
  public func dim(_ text: String) -> String { apply(text, .dim) }
  public func error(_ text: String) -> String { apply(text, .bold, .red) }
  public func warning(_ text: String) -> String { apply(text, .bold, .yellow) }
  public func success(_ text: String) -> String { apply(text, .green) }
  public func accent(_ text: String) -> String { apply(text, .cyan) }
}

extension String {
  /// The text with every ANSI escape sequence and other C0/C1 control character removed
  /// (tab and newline kept), so untrusted text can never drive the terminal.
  public var sanitizedForTerminal: String {
    var result = ""
    result.reserveCapacity(utf8.count)
    var iterator = unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      switch scalar.value {
      case 0x1B:
        // Skip a CSI (ESC [ … final byte 0x40–0x7E) or a two-byte escape.
        guard let next = iterator.next() else { break }
        if next == "[" {
          while let c = iterator.next(), !(0x40...0x7E).contains(c.value) {}
        } else if next == "]" {
          // OSC: runs to BEL or ESC \
          while let c = iterator.next(), c.value != 0x07, c.value != 0x1B {}
        }
      case 0x09, 0x0A: result.unicodeScalars.append(scalar)
      case 0x00...0x1F, 0x7F...0x9F: continue
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
