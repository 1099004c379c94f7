import Core

/// A Bedrock foundation model in the catalog: what it takes and makes, what it costs, how it
/// can be customized and served, and where it is in its lifecycle. Each group of facts carries
/// the URL it was checked at and how sure we are of it.
public struct ModelEntry: Sendable, Codable, Equatable, Identifiable {
  /// The Bedrock model id, e.g. `amazon.nova-micro-v1:0`.
  public var id: String
  /// The short name commands use, e.g. `nova-micro`.
  public var slug: String
  public var name: String
  public var provider: String
  public var family: String
  public var aliases: [String]
  public var summary: String
  public var modalities: Modalities
  public var pricing: Pricing?
  public var customization: Customization
  public var provisionedThroughput: ProvisionedThroughput?
  public var lifecycle: Lifecycle?
  public var regions: [String]
  public var notes: [String]
  /// When the facts were last checked; nil when missing or invalid (a finding).
  public var verified: CalendarDay?
  /// Where the model's id is written, and that line's text.
  public var location: SourceLocation
  public var sourceLine: String?

  public enum Modality: String, Sendable, Codable, CaseIterable {
    case text, image, video, audio, speech, document, embedding
  }

  /// How sure the catalog is of a group of facts.
  public enum Confidence: String, Sendable, Codable, CaseIterable {
    /// Read on an AWS page (or the API model) on the verified date.
    case confirmed
    /// From a third-party page or inferred; the notes say why.
    case estimated
  }

  /// Where a group of facts comes from.
  public struct Provenance: Sendable, Codable, Equatable {
    public var source: String
    public var confidence: Confidence
  }

  public enum InvocationAPI: String, Sendable, Codable, CaseIterable {
    case converse, invoke
    case asyncInvoke = "async-invoke"
    case bidirectionalStream = "bidirectional-stream"
    case batch
  }

  public struct Modalities: Sendable, Codable, Equatable {
    public var input: [Modality]
    public var output: [Modality]
    public var contextWindow: Int?
    public var maxOutput: Int?
    public var streaming: Bool?
    public var apis: [InvocationAPI]
    public var embeddingDimensions: [Int]
    public var provenance: Provenance?
  }

  /// On-demand (Standard tier) prices in US dollars.
  public struct Pricing: Sendable, Codable, Equatable {
    public var inputPer1K: Double?
    public var outputPer1K: Double?
    public var batchInputPer1K: Double?
    public var batchOutputPer1K: Double?
    public var perImage: Double?
    public var perVideoSecond: Double?
    public var region: String?
    /// The day the prices were read.
    public var read: CalendarDay?
    public var provenance: Provenance?
  }

  public enum CustomizationMethod: String, Sendable, Codable, CaseIterable {
    case fineTuning = "fine-tuning"
    case continuedPreTraining = "continued-pre-training"
    case distillationTeacher = "distillation-teacher"
    case distillationStudent = "distillation-student"
    case reinforcementFineTuning = "reinforcement-fine-tuning"
  }

  /// A training setting with its allowed range and default, kept as written (for display).
  public struct Hyperparameter: Sendable, Codable, Equatable {
    public var name: String
    public var min: String?
    public var max: String?
    public var defaultValue: String?
  }

  public struct Dataset: Sendable, Codable, Equatable {
    public var format: String
    public var minRecords: Int?
    public var maxRecords: Int?
    public var notes: String?
  }

  public struct Customization: Sendable, Codable, Equatable {
    public var methods: [CustomizationMethod]
    public var variants: [String]
    /// Slugs of the students this model may teach.
    public var teacherFor: [String]
    public var hyperparameters: [Hyperparameter]
    public var dataset: Dataset?
    public var onDemandDeployment: Bool?
    public var regions: [String]
    public var provenance: Provenance?

    public static let none = Customization(
      methods: [], variants: [], teacherFor: [], hyperparameters: [], dataset: nil, onDemandDeployment: nil,
      regions: [], provenance: nil)

    public func supports(_ method: CustomizationMethod) -> Bool { methods.contains(method) }
  }

  public struct ProvisionedThroughput: Sendable, Codable, Equatable {
    /// The base model can be bought as Provisioned Throughput.
    public var base: Bool?
    /// Custom models built from it are served through Provisioned Throughput.
    public var custom: Bool?
    public var provenance: Provenance?
  }

  public struct Lifecycle: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable {
      case active, legacy
      case endOfLife = "end-of-life"
    }
    public var status: Status
    public var launched: CalendarDay?
    public var legacySince: CalendarDay?
    public var endOfLife: CalendarDay?
    public var successor: String?
    public var provenance: Provenance?
  }
}
