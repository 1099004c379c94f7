/// Splits one command line into words, the way a POSIX shell would for simple input.
///
/// Whitespace separates words; `'…'` quotes literally; `"…"` quotes with `\"` and `\\`
/// escapes; a backslash outside quotes escapes the next character; a `#` that starts a
/// word begins a comment that runs to the end of the line.
public enum CommandLineTokenizer {
  /// A line that cannot be split, with the 1-based column of the problem.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var column: Int
    public var description: String { "column \(column): \(message)" }
  }

  public static func split(_ line: String) throws(Failure) -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character? = nil
    var quoteColumn = 0
    var escaping = false
    var column = 0
    for character in line {
      column += 1
      if escaping {
        // Inside double quotes only `\"` and `\\` are escapes; before anything else the backslash stays.
        if quote == "\"" && character != "\"" && character != "\\" { current.append("\\") }
        current.append(character)
        escaping = false
        continue
      }
      switch quote {
      case "'":
        if character == "'" { quote = nil } else { current.append(character) }
        continue
      case "\"":
        if character == "\"" {
          quote = nil
        } else if character == "\\" {
          escaping = true
        } else {
          current.append(character)
        }
        continue
      default:
        break
      }
      if character.isWhitespace {
        if inWord {
          words.append(current)
          current = ""
          inWord = false
        }
      } else if character == "#" && !inWord {
        break
      } else if character == "'" || character == "\"" {
        quote = character
        quoteColumn = column
        inWord = true
      } else if character == "\\" {
        escaping = true
        inWord = true
      } else {
        current.append(character)
        inWord = true
      }
    }
    if let quote {
      throw Failure(message: "unterminated \(quote == "'" ? "single" : "double") quote", column: quoteColumn)
    }
    if escaping {
      throw Failure(message: "a backslash at the end of the line escapes nothing", column: column)
    }
    if inWord { words.append(current) }
    return words
  }

  /// `word` as ``split(_:)`` reads it back as one word: unchanged when nothing in it means anything to the
  /// tokenizer, else in single quotes (a `'` inside as `'\''`).
  public static func quoted(_ word: String) -> String {
    let plain =
      !word.isEmpty && !word.hasPrefix("#")
      && !word.contains { $0.isWhitespace || $0 == "'" || $0 == "\"" || $0 == "\\" }
    return plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
  }
}
