import Core

/// Checks one parsed record (a JSON object) against a format's rules, collecting problems and the
/// character counts the token estimate is built from. Formats with messages live in
/// RecordChecker+Messages.swift, image and video blocks in RecordChecker+Media.swift.
struct RecordChecker {
  let format: DatasetFormat
  let limits: DatasetLimits
  let line: Int
  private(set) var problems: [DatasetProblem] = []
  /// Unicode scalars of input text: prompt, input, caption, system and user turns.
  var inputCharacters = 0
  /// Unicode scalars of output text: completion and assistant turns.
  var outputCharacters = 0
  /// Image and video blocks, each estimated at a fixed token count.
  var mediaBlocks = 0
  /// The field token-limit problems name for input and output (nil: spread over the record).
  var inputField: String?
  var outputField: String?

  init(format: DatasetFormat, limits: DatasetLimits, line: Int) {
    self.format = format
    self.limits = limits
    self.line = line
  }

  mutating func check(_ record: JSONValue) {
    if let other = otherFormat(of: record) {
      add(
        .wrongFormat, Self.requiredKeys(format).first,
        "this record looks like \(Self.summary(other)), but this dataset must hold \(Self.summary(format)): "
          + Self.shape(format))
      return
    }
    switch format {
    case .promptCompletion: checkPromptCompletion(record)
    case .continuedPreTraining: checkContinuedPreTraining(record)
    case .imageCaption: checkImageCaption(record)
    case .conversation, .distillationPrompts: checkConversation(record)
    case .claudeMessages: checkClaudeMessages(record)
    }
  }

  mutating func add(_ code: DatasetProblem.Code, _ field: String?, _ message: String) {
    problems.append(DatasetProblem(code: code, line: line, field: field, message: message))
  }

  // MARK: - Simple formats

  private mutating func checkPromptCompletion(_ record: JSONValue) {
    inputField = "prompt"
    outputField = "completion"
    if let prompt = requireText(record, "prompt", "the input the model sees") {
      inputCharacters += prompt.unicodeScalars.count
    }
    if let completion = requireText(record, "completion", "the answer the model should learn to give") {
      outputCharacters += completion.unicodeScalars.count
    }
    rejectUnexpected(record, allowed: ["prompt", "completion"], at: "")
  }

  private mutating func checkContinuedPreTraining(_ record: JSONValue) {
    inputField = "input"
    if let input = requireText(record, "input", "unlabeled domain text") {
      inputCharacters += input.unicodeScalars.count
    }
    rejectUnexpected(record, allowed: ["input"], at: "")
  }

  private mutating func checkImageCaption(_ record: JSONValue) {
    inputField = "caption"
    if let reference = requireString(
      record, "image-ref", "the S3 URI of the image, like \"s3://bucket/images/cat.png\"")
    {
      let lower = reference.lowercased()
      if !Self.isS3ObjectURI(reference) {
        add(
          .badImageReference, "image-ref",
          "image-ref must be an S3 object URI like \"s3://bucket/images/cat.png\"; found \(Quote.quoted(reference))")
      } else if ![".png", ".jpg", ".jpeg"].contains(where: { lower.hasSuffix($0) }) {
        add(
          .badImageReference, "image-ref",
          "image-ref must name a PNG or JPEG file (.png, .jpg or .jpeg); found \(Quote.quoted(reference))")
      }
    }
    if let caption = requireString(record, "caption", "the text that describes the image") {
      inputCharacters += caption.unicodeScalars.count
      let length = caption.count
      if caption.allSatisfy(\.isWhitespace) {
        add(.emptyText, "caption", "caption is empty; write the text that describes the image")
      } else if let minimum = limits.minCaptionCharacters, length < minimum {
        add(
          .captionLength, "caption",
          "caption has \(length) characters; this model needs at least \(minimum): describe the image in more detail")
      } else if let maximum = limits.maxCaptionCharacters, length > maximum {
        add(
          .captionLength, "caption",
          "caption has \(DigitGrouping.grouped(length)) characters; this model allows at most \(DigitGrouping.grouped(maximum)): "
            + "shorten it")
      }
    }
    rejectUnexpected(record, allowed: ["image-ref", "caption"], at: "")
  }

  // MARK: - Field helpers

  static func path(_ prefix: String, _ key: String) -> String {
    prefix.isEmpty ? key : prefix + "." + key
  }

  /// The string at `key`, reporting a missing field or wrong type (nil then).
  mutating func requireString(
    _ object: JSONValue, _ key: String, _ meaning: String, at prefix: String = ""
  )
    -> String?
  {
    let field = Self.path(prefix, key)
    guard let value = object[key] else {
      add(.missingField, field, "\"\(key)\" is missing; add it as a string: \(meaning)")
      return nil
    }
    guard let text = value.stringValue else {
      add(.wrongType, field, "\"\(key)\" must be a string (\(meaning)); found \(value.described)")
      return nil
    }
    return text
  }

  /// Like `requireString`, and also reports text that is empty after trimming whitespace.
  mutating func requireText(
    _ object: JSONValue, _ key: String, _ meaning: String, at prefix: String = ""
  )
    -> String?
  {
    guard let text = requireString(object, key, meaning, at: prefix) else { return nil }
    if text.allSatisfy(\.isWhitespace) {
      add(.emptyText, Self.path(prefix, key), "\"\(key)\" is empty; write \(meaning)")
    }
    return text
  }

  /// Reports every key of `object` outside `allowed` (hint: extra advice for particular keys).
  mutating func rejectUnexpected(
    _ object: JSONValue, allowed: Set<String>, at prefix: String, hints: [String: String] = [:]
  ) {
    guard case .object(let members) = object else { return }
    if members.allSatisfy({ allowed.contains($0.key) }) { return }
    let expected = allowed.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
    for key in object.keys where !allowed.contains(key) {
      let advice = hints[key] ?? "this format defines only \(expected); remove it"
      add(.unexpectedField, Self.path(prefix, key), "unexpected field \(Quote.quoted(key)): \(advice)")
    }
  }

  /// True for "s3://bucket/key" with a non-empty bucket and key.
  static func isS3ObjectURI(_ uri: String) -> Bool {
    guard uri.hasPrefix("s3://") else { return false }
    let rest = uri.dropFirst(5)
    guard let slash = rest.firstIndex(of: "/") else { return false }
    return slash != rest.startIndex && rest.index(after: slash) != rest.endIndex
  }

  // MARK: - Format recognition

  /// The keys whose presence says a record is trying to be in `format`.
  static func requiredKeys(_ format: DatasetFormat) -> [String] {
    switch format {
    case .promptCompletion: ["prompt", "completion"]
    case .continuedPreTraining: ["input"]
    case .imageCaption: ["image-ref", "caption"]
    case .conversation, .distillationPrompts: ["messages", "schemaVersion", "system"]
    case .claudeMessages: ["messages", "system"]
    }
  }

  /// Another format the record is evidently in, when it has none of this format's keys.
  private func otherFormat(of record: JSONValue) -> DatasetFormat? {
    guard !Self.requiredKeys(format).contains(where: { record[$0] != nil }) else { return nil }
    if record["prompt"] != nil || record["completion"] != nil { return .promptCompletion }
    if record["input"] != nil { return .continuedPreTraining }
    if record["image-ref"] != nil || record["caption"] != nil { return .imageCaption }
    if record["schemaVersion"] != nil { return .conversation }
    if let first = record["messages"]?.arrayValue?.first {
      if first["content"]?.stringValue != nil { return .claudeMessages }
      if first["content"]?.arrayValue != nil { return .conversation }
    }
    return nil
  }

  /// A format as messages name it.
  static func summary(_ format: DatasetFormat) -> String {
    switch format {
    case .promptCompletion: "fine-tuning data (prompt/completion pairs)"
    case .continuedPreTraining: "continued pre-training data (unlabeled text in \"input\")"
    case .imageCaption: "image-caption data (\"image-ref\" and \"caption\")"
    case .conversation: "bedrock-conversation-2024 conversations"
    case .distillationPrompts: "distillation prompts in the bedrock-conversation-2024 schema"
    case .claudeMessages: "Claude 3 Haiku messages (plain-string content)"
    }
  }

  /// A format's record shape, for messages.
  static func shape(_ format: DatasetFormat) -> String {
    switch format {
    case .promptCompletion: #"{"prompt": "…", "completion": "…"}"#
    case .continuedPreTraining: #"{"input": "…"}"#
    case .imageCaption: #"{"image-ref": "s3://bucket/image.png", "caption": "…"}"#
    case .conversation:
      #"{"schemaVersion": "bedrock-conversation-2024", "messages": [{"role": "user", "content": [{"text": "…"}]}, "#
        + #"{"role": "assistant", "content": [{"text": "…"}]}]}"#
    case .distillationPrompts:
      #"{"schemaVersion": "bedrock-conversation-2024", "messages": [{"role": "user", "content": [{"text": "…"}]}]}"#
    case .claudeMessages:
      #"{"system": "…", "messages": [{"role": "user", "content": "…"}, {"role": "assistant", "content": "…"}]}"#
    }
  }
}
