/// Small, valid starter datasets: AWS-themed questions and answers written in each format. The sandbox
/// and labs create starter files with them; tests use them as known-good input.
public enum DatasetSample {
  /// A JSONL dataset of `records` lines in `format` (each ending in "\n"; empty for 0 records). It is
  /// valid under `DatasetLimits()` and any limits it fits: text only, under 200 characters per field,
  /// no reserved words. Records cycle through the sample questions, numbered so no two are identical.
  public static func valid(_ format: DatasetFormat, records: Int) -> String {
    var out = ""
    for index in 0..<max(0, records) {
      out += line(format, index: index)
      out += "\n"
    }
    return out
  }

  /// The sample question-and-answer pairs.
  static let pairs: [(question: String, answer: String)] = [
    (
      "What does Amazon Bedrock provide?",
      "A fully managed service that offers foundation models from several providers through one API."
    ),
    (
      "Which customization method uses unlabeled domain text?",
      "Continued pre-training, which adapts a model to a domain's vocabulary."
    ),
    (
      "What do you need to run inference on a custom model?",
      "Provisioned Throughput, or an on-demand custom model deployment where the model supports it."
    ),
    (
      "Where does a fine-tuning job read its training data?",
      "From a JSONL file in Amazon S3, one record per line."
    ),
    (
      "What does model distillation produce?",
      "A smaller student model that imitates a larger teacher model on your use case."
    ),
    (
      "Which metric shows over-fitting during fine-tuning?",
      "Validation loss rising while training loss keeps falling."
    ),
  ]

  static let system = "You are a concise AWS study assistant."

  /// Record `index` of a sample file, without the newline.
  static func line(_ format: DatasetFormat, index: Int) -> String {
    let pair = pairs[index % pairs.count]
    let question = "Q\(index + 1): \(pair.question)"
    let answer = pair.answer
    switch format {
    case .promptCompletion:
      return object([("prompt", string(question)), ("completion", string(answer))])
    case .continuedPreTraining:
      return object([("input", string("Note \(index + 1). \(pair.question) \(answer)"))])
    case .imageCaption:
      let number = String(index + 1)
      let padded = String(repeating: "0", count: max(0, 4 - number.count)) + number
      return object([
        ("image-ref", string("s3://amzn-s3-demo-bucket/diagrams/diagram-\(padded).png")),
        ("caption", string("An architecture diagram for: \(pair.question)")),
      ])
    case .conversation:
      return conversationRecord(question: question, answer: answer)
    case .distillationPrompts:
      return conversationRecord(question: question, answer: nil)
    case .claudeMessages:
      return object([
        ("system", string(system)),
        (
          "messages",
          "[" + object([("role", string("user")), ("content", string(question))]) + ", "
            + object([("role", string("assistant")), ("content", string(answer))]) + "]"
        ),
      ])
    }
  }

  private static func conversationRecord(question: String, answer: String?) -> String {
    func turn(_ role: String, _ text: String) -> String {
      object([("role", string(role)), ("content", "[" + object([("text", string(text))]) + "]")])
    }
    var turns = [turn("user", question)]
    if let answer { turns.append(turn("assistant", answer)) }
    return object([
      ("schemaVersion", string("bedrock-conversation-2024")),
      ("system", "[" + object([("text", string(system))]) + "]"),
      ("messages", "[" + turns.joined(separator: ", ") + "]"),
    ])
  }

  /// A JSON object from already-encoded member values, keys in the given order.
  private static func object(_ members: [(String, String)]) -> String {
    "{" + members.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
  }

  /// `text` as a JSON string literal.
  static func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
