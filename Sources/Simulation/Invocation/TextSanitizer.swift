/// Makes untrusted text (passages, prompts) safe to show: no ANSI escape sequences, no control characters.
enum TextSanitizer {
  /// `text` on one line: ANSI/VT escape sequences (CSI, OSC and other ESC forms) removed, control and format
  /// characters removed (the zero-width joiner kept, for emoji), line breaks and tabs turned into spaces,
  /// runs of whitespace collapsed to one space, and the ends trimmed.
  static func clean<S: StringProtocol>(_ text: S) -> String {
    var output = String.UnicodeScalarView()
    var pendingSpace = false
    var escape = EscapeState.none
    for scalar in text.unicodeScalars {
      if escape.consumes(scalar) { continue }
      if scalar == "\u{1B}" {
        escape = .introducer
        continue
      }
      if scalar == "\u{9B}" {  // the C1 form of ESC [
        escape = .controlSequence
        continue
      }
      if scalar.properties.isWhitespace {
        pendingSpace = !output.isEmpty
        continue
      }
      if isControl(scalar) { continue }
      if pendingSpace {
        output.append(" ")
        pendingSpace = false
      }
      output.append(scalar)
    }
    return String(output)
  }

  /// True for a scalar that is not allowed in composed text apart from the line feed: C0/C1 controls,
  /// DEL, format characters (except the zero-width joiner) and line/paragraph separators.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator: return true
    case .format: return scalar != "\u{200D}"
    default: return false
    }
  }

  /// Where the cleaner is inside an escape sequence.
  private enum EscapeState {
    case none
    /// Just after ESC.
    case introducer
    /// Inside `ESC [ …`, up to a final byte 0x40–0x7E.
    case controlSequence
    /// Inside a string sequence (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _`), up to BEL or ESC \.
    case string
    /// Inside a string sequence, just after ESC.
    case stringEscape

    /// Advances the state by `scalar` and tells whether the scalar belongs to the sequence.
    mutating func consumes(_ scalar: Unicode.Scalar) -> Bool {
      switch self {
      case .none:
        return false
      case .introducer:
        switch scalar {
        case "[": self = .controlSequence
        case "]", "P", "X", "^", "_": self = .string
        default: self = .none  // a two-character escape such as ESC 7 or ESC c
        }
        return true
      case .controlSequence:
        // Parameter and intermediate bytes continue the sequence; a final byte ends it. Anything else ends a
        // malformed sequence and is handled as ordinary text.
        if (0x20...0x3F).contains(scalar.value) { return true }
        self = .none
        return (0x40...0x7E).contains(scalar.value)
      case .string:
        if scalar == "\u{07}" || scalar == "\u{9C}" { self = .none }
        if scalar == "\u{1B}" { self = .stringEscape }
        return true
      case .stringEscape:
        self = scalar == "\\" ? .none : .string
        return true
      }
    }
  }
}
