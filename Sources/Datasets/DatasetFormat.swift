/// The JSONL record shapes Amazon Bedrock model customization accepts. Which one a model takes
/// is data (the sandbox profiles); the validator checks a file against one of them.
public enum DatasetFormat: String, Sendable, Codable, CaseIterable {
  /// `{"prompt": "…", "completion": "…"}` — Titan Text, Cohere Command, Llama 3.1 fine-tuning.
  case promptCompletion = "prompt-completion"
  /// `{"schemaVersion": "bedrock-conversation-2024", "system": [{"text": …}], "messages": [{"role":
  /// "user", "content": [{"text": …}]}, {"role": "assistant", …}]}` — Nova, Llama 3.2/3.3 fine-tuning.
  case conversation = "bedrock-conversation-2024"
  /// The conversation schema with prompts only (the last turn is the user's): distillation input,
  /// where the teacher writes the responses.
  case distillationPrompts = "distillation-prompts"
  /// `{"system": "…", "messages": [{"role": "user", "content": "…"}, {"role": "assistant", …}]}` —
  /// Claude 3 Haiku's documented fine-tuning shape (plain-string content).
  case claudeMessages = "claude-messages"
  /// `{"input": "…"}` — unlabeled text for continued pre-training.
  case continuedPreTraining = "input-text"
  /// `{"image-ref": "s3://…", "caption": "…"}` — Titan Image Generator and Titan Multimodal
  /// Embeddings fine-tuning.
  case imageCaption = "image-caption"
}

/// Which of a job's two datasets a file is.
public enum DatasetRole: String, Sendable, Codable {
  /// The training dataset (`trainingDataConfig`).
  case training
  /// The optional validation dataset (`validationDataConfig.validators`).
  case validation
}

/// The limits a model puts on a dataset. `nil` means the model states no limit.
public struct DatasetLimits: Sendable, Codable, Equatable {
  /// Fewest records the training file may have (e.g. 32 for Claude 3 Haiku, 100 for Llama 3.x).
  public var minRecords: Int?
  /// Most training records.
  public var maxRecords: Int?
  /// Most validation records.
  public var maxValidationRecords: Int?
  /// Most tokens in one record (input and output together).
  public var maxTokensPerRecord: Int?
  /// Most tokens in a record's input (prompt, system and user turns).
  public var maxInputTokens: Int?
  /// Most tokens in a record's output (completion or assistant turns).
  public var maxOutputTokens: Int?
  /// Largest training file in bytes.
  public var maxTrainingBytes: Int?
  /// Largest validation file in bytes.
  public var maxValidationBytes: Int?
  /// Shortest caption in characters (image-caption format).
  public var minCaptionCharacters: Int?
  /// Longest caption in characters (image-caption format).
  public var maxCaptionCharacters: Int?
  /// Whether the model takes a validation dataset at all (image-caption models do not).
  public var acceptsValidation: Bool
  /// Whether user turns may reference images (`{"image": {"format": …, "source": {"s3Location": …}}}`).
  public var acceptsImages: Bool
  /// Characters per token used to estimate token counts (stated as an estimate in reports).
  public var charactersPerToken: Double
  /// Whether text in conversation-schema records is checked for the words a model's prompt template
  /// reserves ("User:", "Bot:", "Assistant:", "System:", "<image>", "<video>", "[EOS]" — Nova).
  /// Optional when decoding (absent means false), so profiles written before it still load.
  public var checksReservedWords: Bool

  /// Limits as a model states them; every limit defaults to "none stated".
  public init(
    minRecords: Int? = nil, maxRecords: Int? = nil, maxValidationRecords: Int? = nil,
    maxTokensPerRecord: Int? = nil, maxInputTokens: Int? = nil, maxOutputTokens: Int? = nil,
    maxTrainingBytes: Int? = nil, maxValidationBytes: Int? = nil, minCaptionCharacters: Int? = nil,
    maxCaptionCharacters: Int? = nil, acceptsValidation: Bool = true, acceptsImages: Bool = false,
    charactersPerToken: Double = 4, checksReservedWords: Bool = false
  ) {
    self.minRecords = minRecords
    self.maxRecords = maxRecords
    self.maxValidationRecords = maxValidationRecords
    self.maxTokensPerRecord = maxTokensPerRecord
    self.maxInputTokens = maxInputTokens
    self.maxOutputTokens = maxOutputTokens
    self.maxTrainingBytes = maxTrainingBytes
    self.maxValidationBytes = maxValidationBytes
    self.minCaptionCharacters = minCaptionCharacters
    self.maxCaptionCharacters = maxCaptionCharacters
    self.acceptsValidation = acceptsValidation
    self.acceptsImages = acceptsImages
    self.charactersPerToken = charactersPerToken
    self.checksReservedWords = checksReservedWords
  }

  private enum CodingKeys: String, CodingKey {
    case minRecords, maxRecords, maxValidationRecords, maxTokensPerRecord, maxInputTokens, maxOutputTokens
    case maxTrainingBytes, maxValidationBytes, minCaptionCharacters, maxCaptionCharacters
    case acceptsValidation, acceptsImages, charactersPerToken, checksReservedWords
  }

  /// Decodes limits as the synthesized decoder would, except that `checksReservedWords` may be absent.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    minRecords = try c.decodeIfPresent(Int.self, forKey: .minRecords)
    maxRecords = try c.decodeIfPresent(Int.self, forKey: .maxRecords)
    maxValidationRecords = try c.decodeIfPresent(Int.self, forKey: .maxValidationRecords)
    maxTokensPerRecord = try c.decodeIfPresent(Int.self, forKey: .maxTokensPerRecord)
    maxInputTokens = try c.decodeIfPresent(Int.self, forKey: .maxInputTokens)
    maxOutputTokens = try c.decodeIfPresent(Int.self, forKey: .maxOutputTokens)
    maxTrainingBytes = try c.decodeIfPresent(Int.self, forKey: .maxTrainingBytes)
    maxValidationBytes = try c.decodeIfPresent(Int.self, forKey: .maxValidationBytes)
    minCaptionCharacters = try c.decodeIfPresent(Int.self, forKey: .minCaptionCharacters)
    maxCaptionCharacters = try c.decodeIfPresent(Int.self, forKey: .maxCaptionCharacters)
    acceptsValidation = try c.decode(Bool.self, forKey: .acceptsValidation)
    acceptsImages = try c.decode(Bool.self, forKey: .acceptsImages)
    charactersPerToken = try c.decode(Double.self, forKey: .charactersPerToken)
    checksReservedWords = try c.decodeIfPresent(Bool.self, forKey: .checksReservedWords) ?? false
  }
}
