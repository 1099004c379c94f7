import Content

/// Reads what a learner typed for an item: an answer in one of the quick, forgiving forms
/// (`b`, `a c`, `a,c`, `3 1 2`, `1b 2a 3c`), a navigation command, or something unreadable —
/// which is re-asked with the expected form and never counts as a wrong answer.
public enum AnswerParser {
  public enum Command: Equatable, Sendable {
    case flag, skip, back, next, hint, explain, quit, help
    case goto(Int)
  }

  public enum Outcome: Equatable, Sendable {
    case answer(Response)
    case command(Command)
    /// Why the text could not be read, and the form expected.
    case invalid(String)
  }

  public static func parse(_ text: String, item: QuizItem, presentation: Presentation) -> Outcome {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    guard !trimmed.isEmpty else { return .invalid("type an answer — " + expectedForm(item, presentation)) }
    if let command = command(trimmed) { return .command(command) }
    switch item.type {
    case .multipleChoice, .multipleResponse: return choice(trimmed, item: item, presentation: presentation)
    case .ordering: return ordering(trimmed, item: item, presentation: presentation)
    case .matching: return matching(trimmed, item: item, presentation: presentation)
    case .caseStudy: return .invalid("a case study is answered question by question")
    }
  }

  static func command(_ text: String) -> Command? {
    switch text {
    case "flag", "f": return .flag
    case "skip", "s": return .skip
    case "back", "prev", "previous": return .back
    case "next", "n": return .next
    case "hint": return .hint
    case "explain", "why": return .explain
    case "quit", "q", "exit": return .quit
    case "help", "?": return .help
    default:
      let parts = text.split(separator: " ")
      if parts.count == 2, parts[0] == "goto" || parts[0] == "go", let number = Int(parts[1]) { return .goto(number) }
      return nil
    }
  }

  /// The answer forms for this item, for prompts and re-asks.
  public static func expectedForm(_ item: QuizItem, _ presentation: Presentation) -> String {
    switch item.type {
    case .multipleChoice:
      let last = Presentation.letters[item.options.count - 1]
      return "one letter, a–\(last)"
    case .multipleResponse:
      let last = Presentation.letters[item.options.count - 1]
      return "\(presentation.choose) letters from a–\(last), like 'a c' or 'a,c'"
    case .ordering:
      let n = item.steps.count
      return
        "the step numbers 1–\(n) in the right order, like '\((1...n).reversed().map(String.init).joined(separator: " "))'"
    case .matching:
      let last = Presentation.letters[item.pairs.count + item.distractors.count - 1]
      return "a letter (a–\(last)) for each prompt 1–\(item.pairs.count), like '1b 2a 3c'"
    case .caseStudy:
      return "answers to each question"
    }
  }

  /// Letters typed for choice items, in order: "a c", "a,c", "ac", "a, c", "(a) (c)".
  static func letters(_ text: String) -> [Character]? {
    var result: [Character] = []
    for character in text {
      if character.isLetter {
        result.append(character)
      } else if character == " " || character == "," || character == ";" || character == "(" || character == ")"
        || character == "." || character == "&" || character == "+"
      {
        continue
      } else if character.isNumber {
        guard let value = character.wholeNumberValue, value >= 1, value <= Presentation.letters.count else {
          return nil
        }
        result.append(Presentation.letters[value - 1])
      } else {
        return nil
      }
    }
    // "and" between letters ("a and c").
    let joined = String(result)
    if joined.contains("and") { return letters(text.replacingOccurrences(of: "and", with: " ")) }
    return result
  }

  static func choice(_ text: String, item: QuizItem, presentation: Presentation) -> Outcome {
    let form = expectedForm(item, presentation)
    guard let typed = letters(text), !typed.isEmpty else { return .invalid("that is not an answer: type " + form) }
    var shown: [Int] = []
    for letter in typed {
      guard let position = Presentation.letters.firstIndex(of: letter), position < presentation.order.count else {
        return .invalid("'\(letter)' is not one of the options: type " + form)
      }
      if shown.contains(position) { return .invalid("'\(letter)' is repeated: type " + form) }
      shown.append(position)
    }
    let wanted = item.type == .multipleChoice ? 1 : presentation.choose
    guard shown.count == wanted else {
      return .invalid(
        wanted == 1
          ? "choose exactly one option: type " + form
          : "choose exactly \(wanted) options (you chose \(shown.count)): type " + form)
    }
    return .answer(.choice(Set(shown.map { presentation.order[$0] })))
  }

  static func ordering(_ text: String, item: QuizItem, presentation: Presentation) -> Outcome {
    let form = expectedForm(item, presentation)
    let n = item.steps.count
    var numbers: [Int] = []
    let pieces = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" || $0 == ">" })
    if pieces.count == 1, let only = pieces.first, only.count == n, only.allSatisfy(\.isNumber), n <= 9 {
      numbers = only.compactMap(\.wholeNumberValue)
    } else {
      for piece in pieces {
        guard let number = Int(piece) else { return .invalid("that is not an order: type " + form) }
        numbers.append(number)
      }
    }
    guard numbers.allSatisfy({ (1...n).contains($0) }) else {
      return .invalid("use only the step numbers 1–\(n): type " + form)
    }
    guard Set(numbers).count == numbers.count else { return .invalid("each step goes in once: type " + form) }
    guard numbers.count == n else {
      return .invalid("put all \(n) steps in order (you gave \(numbers.count)): type " + form)
    }
    return .answer(.order(numbers.map { presentation.order[$0 - 1] }))
  }

  static func matching(_ text: String, item: QuizItem, presentation: Presentation) -> Outcome {
    let form = expectedForm(item, presentation)
    let prompts = item.pairs.count
    let responses = presentation.responseOrder.count
    var assignment: [Int: Int] = [:]  // shown prompt number (1-based) → shown response position
    let compact = text.replacingOccurrences(of: " ", with: ",").split(separator: ",").map(String.init)
    let tokens = compact.flatMap { token -> [String] in
      // "1b2a3c" → ["1b", "2a", "3c"]
      var parts: [String] = []
      var current = ""
      for character in token {
        if character.isNumber && !current.isEmpty && current.last?.isLetter == true {
          parts.append(current)
          current = ""
        }
        current.append(character)
      }
      if !current.isEmpty { parts.append(current) }
      return parts
    }
    if tokens.allSatisfy({ $0.count == 1 && $0.first!.isLetter }) {
      // Letters only: one per prompt, in prompt order ("b a c").
      guard tokens.count == prompts else {
        return .invalid("give a letter for each of the \(prompts) prompts: type " + form)
      }
      for (index, token) in tokens.enumerated() {
        guard let position = Presentation.letters.firstIndex(of: token.first!), position < responses else {
          return .invalid("'\(token)' is not one of the responses: type " + form)
        }
        assignment[index + 1] = position
      }
    } else {
      for token in tokens {
        let cleaned = token.filter { $0 != "=" && $0 != ":" && $0 != "-" && $0 != ")" }
        guard let letter = cleaned.last, letter.isLetter, let number = Int(cleaned.dropLast()) else {
          return .invalid("'\(token)' is not a prompt number and a letter: type " + form)
        }
        guard (1...prompts).contains(number) else {
          return .invalid("there is no prompt \(number): type " + form)
        }
        guard let position = Presentation.letters.firstIndex(of: letter), position < responses else {
          return .invalid("'\(letter)' is not one of the responses: type " + form)
        }
        guard assignment[number] == nil else { return .invalid("prompt \(number) is matched twice: type " + form) }
        assignment[number] = position
      }
    }
    let missing = (1...prompts).filter { assignment[$0] == nil }
    guard missing.isEmpty else {
      return .invalid(
        "prompt\(missing.count == 1 ? "" : "s") \(missing.map(String.init).joined(separator: ", ")) "
          + "\(missing.count == 1 ? "has" : "have") no match: type " + form)
    }
    guard Set(assignment.values).count == assignment.count else {
      return .invalid("each response matches one prompt at most: type " + form)
    }
    var pairs: [Int: Int] = [:]
    for (number, position) in assignment {
      pairs[presentation.promptOrder[number - 1]] = presentation.responseOrder[position]
    }
    return .answer(.match(pairs))
  }
}
