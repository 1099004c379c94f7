/// Anki's cloze deletions (`{{c1::answer}}`, `{{c2::answer::hint}}`) in a field's HTML.
public enum AnkiCloze {
  /// One deletion: its number, answer and optional hint, and where it sits in the text.
  struct Deletion {
    var number: Int
    var answer: Substring
    var hint: Substring?
    var range: Range<String.Index>
  }

  /// The deletion numbers in `text`, ascending (each becomes one card, ordinal = number − 1).
  public static func numbers(in text: String) -> [Int] {
    Array(Set(deletions(in: text).map(\.number))).sorted()
  }

  /// The question side for deletion `number`: that deletion as `[...]` (or `[hint]`), the others revealed.
  public static func front(_ text: String, number: Int) -> String {
    render(text) { deletion in
      deletion.number == number ? "[" + (deletion.hint.map(String.init) ?? "...") + "]" : String(deletion.answer)
    }
  }

  /// The answer side: every deletion revealed.
  public static func back(_ text: String) -> String {
    render(text) { String($0.answer) }
  }

  static func render(_ text: String, _ replacement: (Deletion) -> String) -> String {
    var out = ""
    var cursor = text.startIndex
    for deletion in deletions(in: text) {
      out += text[cursor..<deletion.range.lowerBound]
      out += replacement(deletion)
      cursor = deletion.range.upperBound
    }
    out += text[cursor...]
    return out
  }

  /// Non-overlapping deletions, left to right, as Anki's `{{c(\d+)::(.*?)(::(.*?))?}}` finds them.
  static func deletions(in text: String) -> [Deletion] {
    var result: [Deletion] = []
    var searchFrom = text.startIndex
    while let open = text[searchFrom...].range(of: "{{c") {
      var index = open.upperBound
      var digits = ""
      while index < text.endIndex, let digit = text[index].wholeNumberValue, text[index].isASCII, digits.count < 4 {
        digits.append(Character(String(digit)))
        index = text.index(after: index)
      }
      guard let number = Int(digits), number > 0, text[index...].hasPrefix("::"),
        let close = text[text.index(index, offsetBy: 2)...].range(of: "}}")
      else {
        searchFrom = open.upperBound
        continue
      }
      let body = text[text.index(index, offsetBy: 2)..<close.lowerBound]
      var answer = body
      var hint: Substring? = nil
      if let separator = body.range(of: "::") {
        answer = body[..<separator.lowerBound]
        hint = body[separator.upperBound...]
      }
      result.append(Deletion(number: number, answer: answer, hint: hint, range: open.lowerBound..<close.upperBound))
      searchFrom = close.upperBound
    }
    return result
  }
}

extension Substring {
  fileprivate func range(of needle: String) -> Range<String.Index>? {
    guard !needle.isEmpty, count >= needle.count else { return nil }
    var index = startIndex
    while index < endIndex {
      if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
      index = self.index(after: index)
    }
    return nil
  }
}
