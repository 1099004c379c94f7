import Content

/// Something a model can or cannot do, as `can` and `which` name it.
public enum Capability: String, Sendable, CaseIterable, Codable {
  case textInput = "text-input"
  case imageInput = "image-input"
  case videoInput = "video-input"
  case audioInput = "audio-input"
  case speechInput = "speech-input"
  case documentInput = "document-input"
  case textOutput = "text-output"
  case imageOutput = "image-output"
  case videoOutput = "video-output"
  case audioOutput = "audio-output"
  case speechOutput = "speech-output"
  case embeddings
  case streaming
  case converse
  case invokeModel = "invoke-model"
  case asyncInvoke = "async-invoke"
  case batchInference = "batch-inference"
  case bidirectionalStreaming = "bidirectional-streaming"
  case fineTuning = "fine-tuning"
  case continuedPreTraining = "continued-pre-training"
  case distillation
  case distillationTeacher = "distillation-teacher"
  case distillationStudent = "distillation-student"
  case reinforcementFineTuning = "reinforcement-fine-tuning"
  case provisionedThroughput = "provisioned-throughput"
  case onDemandCustomDeployment = "on-demand-custom-deployment"

  /// Other words people use for a capability.
  public static let aliases: [String: Capability] = [
    "vision": .imageInput, "image-understanding": .imageInput, "images": .imageInput,
    "text-generation": .textOutput, "image-generation": .imageOutput, "video-generation": .videoOutput,
    "embedding": .embeddings, "embed": .embeddings, "stream": .streaming,
    "invoke": .invokeModel, "async": .asyncInvoke, "batch": .batchInference,
    "ft": .fineTuning, "finetuning": .fineTuning, "fine-tune": .fineTuning,
    "cpt": .continuedPreTraining, "continued-pretraining": .continuedPreTraining,
    "distill": .distillation, "teacher": .distillationTeacher, "student": .distillationStudent,
    "rft": .reinforcementFineTuning, "pt": .provisionedThroughput, "provisioned": .provisionedThroughput,
    "on-demand-deployment": .onDemandCustomDeployment,
  ]

  /// Parses a capability name or alias ("image-input", "vision", "fine tuning").
  public init?(name: String) {
    let key = ModelCatalog.key(name)
    if let capability = Capability(rawValue: key) ?? Capability.aliases[key] {
      self = capability
    } else {
      return nil
    }
  }

  /// Every name `can`/`which` accept, for completion and suggestions.
  public static var names: [String] { allCases.map(\.rawValue) }

  /// A short phrase: "take image input", "be fine-tuned".
  public var phrase: String {
    switch self {
    case .textInput: "take text input"
    case .imageInput: "take image input"
    case .videoInput: "take video input"
    case .audioInput: "take audio input"
    case .speechInput: "take speech input"
    case .documentInput: "take document input"
    case .textOutput: "generate text"
    case .imageOutput: "generate images"
    case .videoOutput: "generate video"
    case .audioOutput: "generate audio"
    case .speechOutput: "generate speech"
    case .embeddings: "produce embeddings"
    case .streaming: "stream its responses"
    case .converse: "be called with the Converse API"
    case .invokeModel: "be called with InvokeModel"
    case .asyncInvoke: "be called asynchronously (StartAsyncInvoke)"
    case .batchInference: "run batch inference"
    case .bidirectionalStreaming: "stream both ways (InvokeModelWithBidirectionalStream)"
    case .fineTuning: "be fine-tuned"
    case .continuedPreTraining: "be further trained with continued pre-training"
    case .distillation: "take part in model distillation"
    case .distillationTeacher: "be a distillation teacher"
    case .distillationStudent: "be a distillation student"
    case .reinforcementFineTuning: "be customized with reinforcement fine-tuning"
    case .provisionedThroughput: "be served with Provisioned Throughput"
    case .onDemandCustomDeployment: "serve its custom versions on demand (custom model deployment)"
    }
  }
}
