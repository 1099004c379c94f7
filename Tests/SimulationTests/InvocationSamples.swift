@testable import Simulation

/// Profiles, passages and helpers shared by the invocation tests. The figures are made up for the tests.
enum InvocationSamples {
  static let basis = Basis(illustrative: true, note: "test figure")

  /// Tokenizers chosen so the walkthrough's prompt counts 7 and 15 input tokens (Nova Micro vs Claude).
  static let novaTokenizer = TokenizerProfile(charactersPerToken: 4.5, promptOverheadTokens: 0, basis: basis)
  static let claudeTokenizer = TokenizerProfile(charactersPerToken: 3.5, promptOverheadTokens: 6, basis: basis)

  static let fast = SpeedProfile(timeToFirstTokenMs: 300, outputTokensPerSecond: 200, basis: basis)
  static let slow = SpeedProfile(timeToFirstTokenMs: 900, outputTokensPerSecond: 60, basis: basis)

  static func style(_ layout: StyleProfile.Layout, _ typical: Int, opening: String? = nil) -> StyleProfile {
    StyleProfile(layout: layout, typicalOutputTokens: typical, opening: opening, basis: basis)
  }

  static let list = style(.numberedList, 300)
  static let headed = style(.headedSections, 300)
  static let prose = style(.prose, 300)
  static let terse = style(.terse, 60)

  static let prompt = "What are the top AWS services?"

  /// Plain, general statements about well-known services, best first.
  static let services = [
    Passage(
      id: "s3", title: "Amazon S3",
      sentences: [
        "Amazon S3 is an object storage service.", "It stores data as objects in buckets.",
        "Many services read training data from S3.",
      ]),
    Passage(
      id: "ec2", title: "Amazon EC2",
      sentences: [
        "Amazon EC2 provides virtual servers in the cloud.", "You choose an instance type for each workload.",
      ]),
    Passage(
      id: "lambda", title: "AWS Lambda",
      sentences: ["AWS Lambda runs code without servers to manage.", "It is billed for the compute time used."]),
    Passage(
      id: "dynamodb", title: "Amazon DynamoDB",
      sentences: ["Amazon DynamoDB is a managed NoSQL database.", "It is built for low-latency access at any scale."]),
    Passage(
      id: "bedrock", title: "Amazon Bedrock",
      sentences: [
        "Amazon Bedrock offers foundation models through one API.", "The playground can compare models side by side.",
      ]),
  ]

  /// Plenty of neutral material (far more than any typical length), for length and variety tests.
  static let ample = (1...8).map { item in
    Passage(
      id: "item-\(item)", title: "Topic \(item)",
      sentences: (1...6).map { line in "Topic \(item) has detail number \(line), written as a plain test sentence here."
      })
  }

  static func compose(
    _ style: StyleProfile = list, passages: [Passage] = ample, prompt: String = prompt,
    tokenizer: TokenizerProfile = novaTokenizer, speed: SpeedProfile = fast,
    settings: InferenceSettings = .defaults(maxTokens: 4096), seed: UInt64 = 1
  ) -> ComposedResponse {
    ResponseComposer.compose(
      prompt: prompt, passages: passages, style: style, tokenizer: tokenizer, speed: speed, settings: settings,
      seed: seed)
  }

  static func settings(
    temperature: Double, topP: Double = 1, topK: Int? = nil, maxTokens: Int = 4096, stop: [String] = []
  ) -> InferenceSettings {
    InferenceSettings(temperature: temperature, topP: topP, topK: topK, maxTokens: maxTokens, stopSequences: stop)
  }

  /// How many different texts 20 seeds give.
  static func distinctTexts(
    _ settings: InferenceSettings, style: StyleProfile = list, passages: [Passage] = ample
  ) -> Int {
    Set((0..<20).map { compose(style, passages: passages, settings: settings, seed: UInt64($0)).text }).count
  }

  /// How many lines differ, position by position, from the greedy answer's, summed over 50 seeds: a measure of
  /// variety that does not saturate like counting distinct texts.
  static func linesAwayFromGreedy(_ settings: InferenceSettings, style: StyleProfile = list) -> Int {
    var greedySettings = settings
    greedySettings.temperature = 0
    let greedy = compose(style, settings: greedySettings).text.split(separator: "\n")
    return (0..<50).reduce(0) { total, seed in
      let lines = compose(style, settings: settings, seed: UInt64(seed)).text.split(separator: "\n")
      return total + zip(lines, greedy).filter { $0 != $1 }.count + abs(lines.count - greedy.count)
    }
  }

  /// True when `text` has a control or format character other than the line feed (or any ESC).
  static func hasControlCharacters(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
      guard scalar != "\n" else { return false }
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator: return scalar != "\u{200D}"
      default: return false
      }
    }
  }
}
