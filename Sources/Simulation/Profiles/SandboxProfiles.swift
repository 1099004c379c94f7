import Datasets

/// Where a simulation figure comes from: a page it was read on, or an illustrative assumption
/// (a plausible value chosen for teaching, always labelled so when shown).
public struct Basis: Sendable, Codable, Equatable {
  /// The https page the figure was read on or derived from; nil for a pure assumption.
  public var source: String?
  /// True when the figure is not published by AWS and was chosen for the simulation.
  public var illustrative: Bool
  /// How the figure was obtained or what it assumes, in a sentence.
  public var note: String?

  public init(source: String? = nil, illustrative: Bool, note: String? = nil) {
    self.source = source
    self.illustrative = illustrative
    self.note = note
  }
}

/// How a model family turns text into tokens (an estimate: real tokenizers are not shipped).
public struct TokenizerProfile: Sendable, Codable, Equatable {
  /// Average characters of English text per token.
  public var charactersPerToken: Double
  /// Tokens the model's prompt template adds around a user message.
  public var promptOverheadTokens: Int
  public var basis: Basis
}

/// How fast a model answers on demand.
public struct SpeedProfile: Sendable, Codable, Equatable {
  /// Median time to the first output token, in milliseconds.
  public var timeToFirstTokenMs: Double
  /// Output tokens generated per second after the first.
  public var outputTokensPerSecond: Double
  public var basis: Basis
}

/// How a model tends to write: used to compose simulated answers.
public struct StyleProfile: Sendable, Codable, Equatable {
  public enum Layout: String, Sendable, Codable, CaseIterable {
    /// A short intro, then a numbered list with bold item names, then a closing line.
    case numberedList = "numbered-list"
    /// Markdown headings per section with bullet points.
    case headedSections = "headed-sections"
    /// Plain paragraphs.
    case prose
    /// One or two sentences.
    case terse
  }
  public var layout: Layout
  /// Typical answer length in output tokens for an open question, before max-tokens.
  public var typicalOutputTokens: Int
  /// An opening sentence template; `{topic}` is replaced by what the prompt asks about.
  public var opening: String?
  public var basis: Basis
}

/// Customization training for one base model: price and simulated pace.
public struct TrainingProfile: Sendable, Codable, Equatable {
  /// US dollars per 1,000 training tokens (tokens in the data × epochs).
  public var pricePer1KTokens: Double
  /// US dollars per custom model per month of storage.
  public var storagePerMonth: Double
  /// Simulated training pace in tokens per minute (sets how long a job runs on the clock).
  public var tokensPerMinute: Double
  /// The dataset shape and limits for each customization type the model supports.
  public var datasets: [DatasetSpec]
  public var basis: Basis
}

/// The dataset a customization type takes for a model.
public struct DatasetSpec: Sendable, Codable, Equatable {
  /// `fine-tuning`, `continued-pre-training` or `distillation` (ModelEntry.CustomizationMethod raw
  /// values, with distillation meaning "as a student").
  public var type: String
  public var format: DatasetFormat
  public var limits: DatasetLimits
  public var basis: Basis
}

/// Provisioned Throughput for one model: capacity of a model unit and hourly prices by term.
public struct ProvisionedProfile: Sendable, Codable, Equatable {
  /// Input tokens per minute one model unit processes.
  public var inputTokensPerMinutePerUnit: Int
  /// Output tokens per minute one model unit generates.
  public var outputTokensPerMinutePerUnit: Int
  /// US dollars per model unit per hour; nil where the term is not offered.
  public var hourlyNoCommitment: Double?
  public var hourlyOneMonth: Double?
  public var hourlySixMonths: Double?
  /// Minutes from purchase to InService in the simulation.
  public var minutesToInService: Double
  public var capacityBasis: Basis
  public var priceBasis: Basis
}

/// Per-family defaults for everything a model does not set itself.
public struct FamilyProfile: Sendable, Codable, Equatable {
  /// Matches `ModelEntry.family` (e.g. "Amazon Nova", "Claude").
  public var family: String
  public var tokenizer: TokenizerProfile
  public var speed: SpeedProfile
  public var style: StyleProfile
}

/// One model's own figures; anything nil falls back to its family.
public struct ModelProfile: Sendable, Codable, Equatable {
  /// The Bedrock model id (as in Resources/models).
  public var id: String
  public var tokenizer: TokenizerProfile?
  public var speed: SpeedProfile?
  public var style: StyleProfile?
  public var training: TrainingProfile?
  public var provisioned: ProvisionedProfile?
  /// For video-generation models: what StartAsyncInvoke accepts and how long a render takes.
  public var video: VideoProfile?
}

/// Everything the sandbox simulates with, read from `Resources/sandbox/profiles.yaml`.
public struct SandboxProfiles: Sendable, Codable, Equatable {
  /// Assumptions that hold for every figure (stated under every simulated result).
  public var assumptions: [String]
  public var defaults: FamilyProfile
  public var families: [FamilyProfile]
  public var models: [ModelProfile]

  public init(assumptions: [String], defaults: FamilyProfile, families: [FamilyProfile], models: [ModelProfile]) {
    self.assumptions = assumptions
    self.defaults = defaults
    self.families = families
    self.models = models
  }

  public func model(_ id: String) -> ModelProfile? { models.first { $0.id == id } }

  public func family(_ name: String) -> FamilyProfile {
    families.first { $0.family == name } ?? defaults
  }
}
