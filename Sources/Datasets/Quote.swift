/// Safe quoting of learner data inside messages: at most 40 characters, control and invisible
/// formatting characters replaced, so a report never carries terminal escapes or line breaks.
enum Quote {
  /// The longest excerpt of a value a message shows.
  static let maxCharacters = 40

  /// `value` sanitised and shortened, in single quotes: 'What is Amazon Bedrock?'.
  static func quoted(_ value: String) -> String {
    "'" + text(value) + "'"
  }

  /// `value` sanitised and shortened to 40 characters ("…" marks a cut).
  static func text(_ value: String) -> String {
    var result = ""
    var count = 0
    for character in value {
      if count == maxCharacters {
        result += "…"
        break
      }
      result += sanitised(character)
      count += 1
    }
    return result
  }

  private static func sanitised(_ character: Character) -> String {
    var out = ""
    for scalar in character.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
        out += scalar == "\t" || scalar == "\n" || scalar == "\r" ? " " : "?"
      default:
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
