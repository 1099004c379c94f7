import Content

/// The answer to "can MODEL do CAPABILITY?": yes, no or unknown, why, and where it comes from.
public struct Verdict: Sendable, Equatable, Codable {
  public enum Answer: String, Sendable, Codable {
    case yes, no, unknown
  }

  public var model: String
  public var capability: Capability
  public var answer: Answer
  public var reason: String
  public var source: String?
  public var confidence: ModelEntry.Confidence?
  /// The model's lifecycle, when it is no longer active (an answer about a retired model still teaches).
  public var lifecycleNote: String?

  /// Answers for one model.
  public static func evaluate(_ capability: Capability, for model: ModelEntry) -> Verdict {
    let m = model.modalities
    func modality(_ wanted: ModelEntry.Modality, input: Bool) -> Verdict {
      let list = input ? m.input : m.output
      let listed = list.map(\.rawValue).joined(separator: ", ")
      let has = list.contains(wanted)
      let side = input ? "input" : "output"
      let reason =
        has
        ? "\(model.name) accepts \(wanted.rawValue) as \(side) (\(side): \(listed))."
        : "\(model.name) does not take \(wanted.rawValue) as \(side); its \(side) is \(listed.isEmpty ? "not recorded" : listed)."
          + (input && wanted == .image && !has ? " An uploaded image is ignored or rejected." : "")
      return make(has ? .yes : .no, reason, m.provenance)
    }
    func api(_ wanted: ModelEntry.InvocationAPI, _ label: String) -> Verdict {
      guard !m.apis.isEmpty else {
        return make(.unknown, "The catalog does not record which APIs \(model.name) supports.", m.provenance)
      }
      let listed = m.apis.map(\.rawValue).joined(separator: ", ")
      return m.apis.contains(wanted)
        ? make(.yes, "\(model.name) supports \(label) (APIs: \(listed)).", m.provenance)
        : make(.no, "\(model.name) does not support \(label) (APIs: \(listed)).", m.provenance)
    }
    func make(_ answer: Answer, _ reason: String, _ provenance: ModelEntry.Provenance?) -> Verdict {
      Verdict(
        model: model.slug, capability: capability, answer: answer, reason: reason, source: provenance?.source,
        confidence: provenance?.confidence, lifecycleNote: lifecycleNote(model))
    }
    let c = model.customization
    func method(_ wanted: ModelEntry.CustomizationMethod, _ label: String) -> Verdict {
      if c.supports(wanted) {
        var reason = "\(model.name) supports \(label)."
        if wanted == .distillationTeacher && !c.teacherFor.isEmpty {
          reason += " Allowed students: \(c.teacherFor.joined(separator: ", "))."
        }
        return make(.yes, reason, c.provenance)
      }
      let others = c.methods.map(\.rawValue)
      let reason =
        others.isEmpty
        ? "\(model.name) cannot be customized in Amazon Bedrock."
        : "\(model.name) does not support \(label); it supports \(others.joined(separator: ", "))."
      return make(.no, reason, c.provenance ?? m.provenance)
    }
    switch capability {
    case .textInput: return modality(.text, input: true)
    case .imageInput: return modality(.image, input: true)
    case .videoInput: return modality(.video, input: true)
    case .audioInput: return modality(.audio, input: true)
    case .speechInput: return modality(.speech, input: true)
    case .documentInput: return modality(.document, input: true)
    case .textOutput: return modality(.text, input: false)
    case .imageOutput: return modality(.image, input: false)
    case .videoOutput: return modality(.video, input: false)
    case .audioOutput: return modality(.audio, input: false)
    case .speechOutput: return modality(.speech, input: false)
    case .embeddings: return modality(.embedding, input: false)
    case .streaming:
      guard let streaming = m.streaming else {
        return make(.unknown, "The catalog does not record whether \(model.name) streams.", m.provenance)
      }
      return streaming
        ? make(.yes, "\(model.name) can stream its response as it is generated.", m.provenance)
        : make(.no, "\(model.name) returns its whole result at once; it does not stream.", m.provenance)
    case .converse: return api(.converse, "the Converse API")
    case .invokeModel: return api(.invoke, "InvokeModel")
    case .asyncInvoke: return api(.asyncInvoke, "asynchronous invocation (StartAsyncInvoke, output to S3)")
    case .batchInference: return api(.batch, "batch inference")
    case .bidirectionalStreaming: return api(.bidirectionalStream, "bidirectional streaming")
    case .fineTuning: return method(.fineTuning, "fine-tuning with labeled data")
    case .continuedPreTraining: return method(.continuedPreTraining, "continued pre-training with unlabeled data")
    case .distillationTeacher: return method(.distillationTeacher, "being a distillation teacher")
    case .distillationStudent: return method(.distillationStudent, "being a distillation student")
    case .reinforcementFineTuning: return method(.reinforcementFineTuning, "reinforcement fine-tuning")
    case .distillation:
      if c.supports(.distillationTeacher) { return method(.distillationTeacher, "distillation as a teacher") }
      if c.supports(.distillationStudent) { return method(.distillationStudent, "distillation as a student") }
      return method(.distillationStudent, "model distillation (as teacher or student)")
    case .onDemandCustomDeployment:
      guard let onDemand = c.onDemandDeployment else {
        let reason =
          c.methods.isEmpty
          ? "\(model.name) cannot be customized, so it has no custom versions to deploy."
          : "The catalog does not record on-demand deployment for custom versions of \(model.name)."
        return make(c.methods.isEmpty ? .no : .unknown, reason, c.provenance ?? m.provenance)
      }
      return onDemand
        ? make(
          .yes,
          "Custom versions of \(model.name) can be served on demand, paid per token, through a custom model deployment.",
          c.provenance)
        : make(
          .no, "Custom versions of \(model.name) are not served on demand; they need Provisioned Throughput.",
          c.provenance)
    case .provisionedThroughput:
      guard let pt = model.provisionedThroughput, pt.base != nil || pt.custom != nil else {
        return make(.unknown, "The catalog does not record Provisioned Throughput for \(model.name).", nil)
      }
      switch (pt.base, pt.custom) {
      case (true, true):
        return make(
          .yes, "Both \(model.name) and its custom models can be served with Provisioned Throughput.", pt.provenance)
      case (true, _):
        return make(.yes, "\(model.name) can be bought as Provisioned Throughput (model units).", pt.provenance)
      case (_, true):
        return make(
          .yes,
          "Custom models built from \(model.name) are served with Provisioned Throughput; the base model "
            + (pt.base == false ? "is not offered that way." : "is not recorded as offered that way."),
          pt.provenance)
      default:
        return make(.no, "\(model.name) is not offered with Provisioned Throughput.", pt.provenance)
      }
    }
  }

  static func lifecycleNote(_ model: ModelEntry) -> String? {
    guard let lifecycle = model.lifecycle, lifecycle.status != .active else { return nil }
    var note = "\(model.name) is \(lifecycle.status == .legacy ? "a legacy model" : "past its end of life")"
    if let end = lifecycle.endOfLife { note += " (end of life \(end))" }
    if let successor = lifecycle.successor { note += "; consider \(successor)" }
    return note + "."
  }
}
