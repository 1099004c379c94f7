import Content
import Foundation
import Quiz
import Terminal

/// Renders quiz and exam items, feedback with an explanation for every option, and exam reports.
enum QuizView {
  static let letters = Presentation.letters

  static func wrap(_ text: String, width: Int, indent: String = "") -> String {
    TextTable.wrap(text, width: max(20, width - indent.count)).map { indent + $0 }.joined(separator: "\n") + "\n"
  }

  /// `label` then `text` wrapped beside it: continuation lines start under the text, not under the label, so
  /// "a) …" options read as a list. `label` may carry styles; `suffix` (styled) ends the last line.
  static func hanging(_ label: String, _ text: String, width: Int, suffix: String = "") -> String {
    let labelWidth = TextTable.displayWidth(label)
    let margin = String(repeating: " ", count: labelWidth)
    let lines = TextTable.wrap(text, width: max(20, width - labelWidth))
    return lines.enumerated().map { offset, line in
      (offset == 0 ? label : margin) + line + (offset == lines.count - 1 ? suffix : "")
    }.joined(separator: "\n") + "\n"
  }

  /// The item as the learner sees it: stem, then options / steps / prompts and responses.
  static func item(
    _ item: QuizItem, _ p: Presentation, header: String, scenario: String?, width: Int, styler: Styler
  ) -> String {
    var out = styler.bold(header) + "\n"
    if let scenario {
      let note = "Case study (an item type listed in the 2024 exam guide; guide v1.1 may not use it):"
      out += TextTable.wrap(note, width: max(20, width)).map { styler.dim($0) + "\n" }.joined()
      out += wrap(scenario, width: width, indent: "  ")
    }
    out += wrap(item.stem, width: width)
    switch item.type {
    case .multipleChoice, .multipleResponse:
      for (position, index) in p.order.enumerated() {
        out += hanging("  \(letters[position])) ", item.options[index].text, width: width)
      }
    case .ordering:
      out += styler.dim("Steps (put them in order):") + "\n"
      for (position, index) in p.order.enumerated() {
        out += hanging("  \(position + 1). ", item.steps[index].text, width: width)
      }
    case .matching:
      out += styler.dim("Prompts:") + "\n"
      for (position, index) in p.promptOrder.enumerated() {
        out += hanging("  \(position + 1). ", item.pairs[index].prompt, width: width)
      }
      out += styler.dim("Responses:") + "\n"
      for (position, index) in p.responseOrder.enumerated() {
        out += hanging("  \(letters[position])) ", Presentation.response(index, of: item), width: width)
      }
    case .caseStudy:
      break
    }
    return out
  }

  /// After an answer: right or wrong, the key, and why for every option (or step, or pair).
  static func feedback(_ item: QuizItem, _ p: Presentation, response: Response?, width: Int, styler: Styler) -> String {
    let correct = response?.isCorrect(for: item) ?? false
    var out =
      correct ? styler.success("✓ Correct.") : styler.error(response == nil ? "✗ Not answered." : "✗ Not quite.")
    out += "\n"
    switch item.type {
    case .multipleChoice, .multipleResponse:
      let chosen: Set<Int> = if case .choice(let set) = response { set } else { [] }
      for (position, index) in p.order.enumerated() {
        let option = item.options[index]
        let mark = option.correct ? styler.success("✓") : (chosen.contains(index) ? styler.error("✗") : " ")
        let you = chosen.contains(index) ? styler.dim(" (your choice)") : ""
        out += hanging(" \(mark) \(letters[position])) ", option.text, width: width, suffix: you)
        out += wrap(option.why, width: width, indent: "       ")
      }
    case .ordering:
      out += "Right order:\n"
      for (rank, step) in item.steps.enumerated() {
        let shown = (p.order.firstIndex(of: rank) ?? 0) + 1
        out += hanging("  \(rank + 1). [\(shown)] ", step.text, width: width)
        out += wrap(step.why, width: width, indent: "       ")
      }
      if case .order(let given) = response {
        let typed = given.map { String((p.order.firstIndex(of: $0) ?? 0) + 1) }.joined(separator: " ")
        let key = item.steps.indices.map { String((p.order.firstIndex(of: $0) ?? 0) + 1) }.joined(separator: " ")
        out += styler.dim("You typed \(typed); the answer is \(key).") + "\n"
      }
    case .matching:
      let given: [Int: Int] = if case .match(let pairs) = response { pairs } else { [:] }
      for (position, index) in p.promptOrder.enumerated() {
        let pair = item.pairs[index]
        let letter = letters[p.responseOrder.firstIndex(of: index) ?? 0]
        let ok = given[index] == index
        let mark = ok ? styler.success("✓") : styler.error("✗")
        out += hanging(" \(mark) \(position + 1) → \(letter)) ", "\(pair.answer): " + pair.prompt, width: width)
        out += wrap(pair.why, width: width, indent: "       ")
      }
      for distractor in item.distractors {
        out += hanging("   " + styler.dim("(matches nothing) "), distractor.answer, width: width)
        out += wrap(distractor.why, width: width, indent: "       ")
      }
    case .caseStudy:
      break
    }
    if !item.topics.isEmpty {
      out += styler.dim("Read more: topic " + item.topics.joined(separator: ", topic ")) + "\n"
    }
    return out
  }

  /// The correct answer in the shown letters/numbers (for JSON and reports).
  static func key(_ item: QuizItem, _ p: Presentation) -> String {
    switch item.type {
    case .multipleChoice, .multipleResponse:
      return p.order.indices.filter { item.options[p.order[$0]].correct }.map { String(letters[$0]) }.joined(
        separator: " ")
    case .ordering:
      return item.steps.indices.map { String((p.order.firstIndex(of: $0) ?? 0) + 1) }.joined(separator: " ")
    case .matching:
      return p.promptOrder.indices.map { number in
        "\(number + 1)\(letters[p.responseOrder.firstIndex(of: p.promptOrder[number]) ?? 0])"
      }.joined(separator: " ")
    case .caseStudy:
      return ""
    }
  }

  static func clock(_ seconds: Double) -> String {
    let total = max(0, Int(seconds.rounded(.down)))
    return String(format: "%d:%02d", total / 60, total % 60)
  }
}

/// Item rendering for benchmarks and tools outside the app.
public enum QuizRendering {
  /// The item as the terminal shows it in a practice sitting, shuffled by `seed`.
  public static func render(_ item: QuizItem, seed: UInt64, width: Int = 80) -> String {
    QuizView.item(
      item, Presentation(item: item, seed: seed), header: item.id, scenario: item.scenario, width: width,
      styler: .plain)
  }
}
