import Core
import Foundation
import Yams

/// One exam-style question with an explanation for every option.
///
/// Scoring is all-or-nothing, as on the exam. The domain and task statement follow from
/// the objective id (3.3.1 → domain 3, task 3.3).
public struct QuizItem: Sendable, Codable, Equatable, Identifiable {
  public var id: String
  public var type: ItemType
  public var objective: String
  public var difficulty: Int
  public var stem: String
  /// Multiple choice and multiple response: the options, each marked correct or not.
  public var options: [Option]
  /// Ordering: the steps in their correct order.
  public var steps: [Step] = []
  /// Matching: each prompt with its one correct response.
  public var pairs: [Pair] = []
  /// Matching: responses that fit no prompt.
  public var distractors: [Distractor] = []
  /// Case study: the scenario its questions share.
  public var scenario: String? = nil
  /// Case study: the questions (multiple choice or multiple response), each scored separately.
  public var questions: [QuizItem] = []
  public var topics: [String]
  public var sources: [String]
  /// When the facts were last checked; nil when missing or invalid (a finding).
  public var verified: CalendarDay?
  /// Where the item's id is written, and that line's text.
  public var location: SourceLocation
  public var sourceLine: String?

  public enum ItemType: String, Sendable, Codable, CaseIterable {
    case multipleChoice = "multiple-choice"
    case multipleResponse = "multiple-response"
    case ordering
    case matching
    case caseStudy = "case-study"
  }

  public struct Step: Sendable, Codable, Equatable {
    public var text: String
    /// Why the step sits where it does.
    public var why: String
  }

  public struct Pair: Sendable, Codable, Equatable {
    public var prompt: String
    public var answer: String
    public var why: String
  }

  public struct Distractor: Sendable, Codable, Equatable {
    public var answer: String
    public var why: String
  }

  public struct Option: Sendable, Codable, Equatable {
    public var text: String
    public var correct: Bool
    /// Why this option is right, or why it is wrong.
    public var why: String
  }

  public var domain: Int { Int(objective.prefix { $0 != "." }) ?? 0 }
  public var task: String { objective.split(separator: ".").prefix(2).joined(separator: ".") }
  public var correctCount: Int { options.count { $0.correct } }

  /// Whether the item is about Bedrock model capabilities, customization or Provisioned Throughput
  /// (by its topics, or by the words of its stem and options).
  public var isAboutBedrockModels: Bool {
    let pages: Set<String> = [
      "bedrock-custom-models", "bedrock-provisioned-throughput", "bedrock-customization-job", "fine-tuning",
      "continued-pre-training", "model-distillation", "amazon-nova", "bedrock-playgrounds", "fm-selection-criteria",
      "multimodal-models", "bedrock-custom-model-import", "reinforcement-fine-tuning", "token-based-pricing",
      "bedrock-batch-inference", "bedrock-cross-region-inference",
    ]
    if topics.contains(where: pages.contains) { return true }
    let text = (stem + " " + options.map(\.text).joined(separator: " ")).lowercased()
    let words = [
      "provisioned throughput", "model unit", "fine-tun", "continued pre-training", "distillation", "nova ", "claude",
      "titan", "llama", "custom model",
    ]
    return text.contains("bedrock") && words.contains { text.contains($0) }
  }

  /// The items scored one by one: a case study's questions, or the item itself.
  public var scoredItems: [QuizItem] { type == .caseStudy ? questions : [self] }
}

extension QuizItem {
  nonisolated(unsafe) static let idPattern = /[a-z0-9]+(-[a-z0-9]+)*/
  static let numberWords = ["two": 2, "three": 3, "four": 4, "five": 5]

  /// Parses one item mapping from a `quizzes/*.yaml` file. Case-study questions are parsed with
  /// `inCaseStudy` (only multiple choice or multiple response; topics, sources and date inherited).
  static func parse(_ node: Node, collector: FindingCollector, inCaseStudy: Bool = false) -> QuizItem? {
    let what = inCaseStudy ? "case-study question" : "quiz item"
    guard let r = MappingReader(node, what: what, collector: collector, lineOffset: 0) else { return nil }
    let id = r.string("id", required: true) ?? ""
    if !id.isEmpty && id.wholeMatch(of: idPattern) == nil {
      r.error(at: r.value("id")!, "id '\(id)' must be lower-case words and digits joined by hyphens")
    }
    var type: ItemType? = nil
    if let typeText = r.string("type", required: true) {
      let allowed = inCaseStudy ? [ItemType.multipleChoice, .multipleResponse] : ItemType.allCases
      type = ItemType(rawValue: typeText).flatMap { allowed.contains($0) ? $0 : nil }
      if type == nil {
        let names = allowed.map(\.rawValue)
        let hint = Suggestion.closest(to: typeText, in: names).first.map { "; did you mean '\($0)'?" } ?? ""
        r.error(at: r.value("type")!, "type '\(typeText)' is not one of \(names.joined(separator: ", "))\(hint)")
      }
    }
    let objective = r.string("objective", required: true) ?? ""
    let difficulty = r.int("difficulty", range: 1...3) ?? 2
    let isCase = type == .caseStudy
    let stem = r.string("stem", required: !isCase, maxLength: 4000) ?? ""
    var item = QuizItem(
      id: id, type: type ?? .multipleChoice, objective: objective, difficulty: difficulty, stem: stem, options: [],
      topics: [], sources: [], verified: nil, location: SourceLocation(file: "", line: 0, column: 0), sourceLine: nil)
    switch type {
    case .multipleChoice?, .multipleResponse?, nil:
      for optionNode in r.list("options", required: type != nil) {
        guard let o = MappingReader(optionNode, what: "option", collector: collector, lineOffset: 0) else { continue }
        let option = Option(
          text: o.string("text", required: true) ?? "", correct: o.bool("correct") ?? false, why: o.string("why") ?? "")
        if option.why.isEmpty { o.error(at: optionNode, "every option needs a 'why' that explains it") }
        o.finish()
        item.options.append(option)
      }
    case .ordering?:
      for stepNode in r.list("steps", required: true) {
        guard let o = MappingReader(stepNode, what: "step", collector: collector, lineOffset: 0) else { continue }
        let step = Step(text: o.string("text", required: true) ?? "", why: o.string("why") ?? "")
        if step.why.isEmpty { o.error(at: stepNode, "every step needs a 'why' that explains its place") }
        o.finish()
        item.steps.append(step)
      }
    case .matching?:
      for pairNode in r.list("pairs", required: true) {
        guard let o = MappingReader(pairNode, what: "pair", collector: collector, lineOffset: 0) else { continue }
        let pair = Pair(
          prompt: o.string("prompt", required: true) ?? "", answer: o.string("answer", required: true) ?? "",
          why: o.string("why") ?? "")
        if pair.why.isEmpty { o.error(at: pairNode, "every pair needs a 'why' that explains the match") }
        o.finish()
        item.pairs.append(pair)
      }
      for distractorNode in r.list("distractors") {
        guard let o = MappingReader(distractorNode, what: "distractor", collector: collector, lineOffset: 0) else {
          continue
        }
        let distractor = Distractor(answer: o.string("answer", required: true) ?? "", why: o.string("why") ?? "")
        if distractor.why.isEmpty { o.error(at: distractorNode, "every distractor needs a 'why'") }
        o.finish()
        item.distractors.append(distractor)
      }
    case .caseStudy?:
      item.scenario = r.string("scenario", required: true, maxLength: 8000)
      for questionNode in r.list("questions", required: true) {
        if var question = parse(questionNode, collector: collector, inCaseStudy: true) {
          question.scenario = item.scenario
          item.questions.append(question)
        }
      }
    }
    let topicsRequired = false
    item.topics = r.strings("topics", required: topicsRequired)
    item.sources = r.strings("sources", required: !inCaseStudy)
    item.verified = r.day("verified", required: !inCaseStudy)
    _ = r.references("objective", target: .objective) + r.references("topics", target: .topic)
    r.finish()
    guard !id.isEmpty, type != nil else { return nil }
    let anchor = r.anchor("id")
    item.location = anchor.location
    item.sourceLine = anchor.sourceLine
    if isCase {
      for index in item.questions.indices {
        if item.questions[index].topics.isEmpty { item.questions[index].topics = item.topics }
        if item.questions[index].sources.isEmpty { item.questions[index].sources = item.sources }
        if item.questions[index].verified == nil { item.questions[index].verified = item.verified }
      }
    }
    item.checkShape(reader: r, node: node)
    return item
  }

  /// The rules of each item type: how many keys, options, steps or pairs; a stem that says how many to choose.
  func checkShape(reader r: MappingReader, node: Node) {
    let keys = correctCount
    let optionsNode = r.value("options") ?? node
    switch type {
    case .multipleChoice:
      if options.count != 4 {
        r.error(at: optionsNode, "a multiple-choice item has 4 options; this one has \(options.count)")
      }
      if keys != 1 {
        r.error(at: optionsNode, "a multiple-choice item has exactly one correct option; this one has \(keys)")
      }
    case .multipleResponse:
      if options.count < 5 {
        r.error(at: optionsNode, "a multiple-response item has at least 5 options; this one has \(options.count)")
      }
      if keys < 2 {
        r.error(at: optionsNode, "a multiple-response item has at least 2 correct options; this one has \(keys)")
      }
      if let stated = QuizItem.statedChoiceCount(in: stem), stated != keys {
        r.error(
          at: r.value("stem") ?? optionsNode, "the stem asks for \(stated) choices but \(keys) options are correct")
      } else if QuizItem.statedChoiceCount(in: stem) == nil {
        r.error(
          at: r.value("stem") ?? optionsNode,
          "a multiple-response stem must say how many to choose, e.g. '(Choose two.)'")
      }
    case .ordering:
      let at = r.value("steps") ?? node
      if !(3...5).contains(steps.count) {
        r.error(at: at, "an ordering item has 3 to 5 steps; this one has \(steps.count)")
      }
      if Set(steps.map { $0.text.lowercased() }).count != steps.count {
        r.error(at: at, "two steps have the same text, so their order cannot be told apart")
      }
    case .matching:
      let at = r.value("pairs") ?? node
      if !(3...7).contains(pairs.count) {
        r.error(at: at, "a matching item has 3 to 7 prompts; this one has \(pairs.count)")
      }
      let answers = pairs.map { $0.answer.lowercased() }
      if Set(answers).count != answers.count {
        r.error(
          at: at, "each prompt needs its own response: two prompts share a response, so the match is not one-to-one")
      }
      if Set(pairs.map { $0.prompt.lowercased() }).count != pairs.count {
        r.error(at: at, "two prompts have the same text")
      }
      for distractor in distractors where answers.contains(distractor.answer.lowercased()) {
        r.error(at: r.value("distractors") ?? at, "distractor '\(distractor.answer)' is also the response of a prompt")
      }
    case .caseStudy:
      if questions.count < 2 {
        r.error(
          at: r.value("questions") ?? node, "a case study has at least 2 questions; this one has \(questions.count)")
      }
    }
  }

  /// "Choose two", "select 3": compiled once (a regex literal in a function body is compiled on every call).
  nonisolated(unsafe) static let choiceCountPattern = /(?i)\b(?:choose|select)\s+(two|three|four|five|[2-5])\b/

  /// The number in "(Choose two.)" or "Select 3", if the stem states one.
  static func statedChoiceCount(in stem: String) -> Int? {
    guard let match = stem.firstMatch(of: choiceCountPattern) else { return nil }
    let word = String(match.1).lowercased()
    return numberWords[word] ?? Int(word)
  }
}
