import Content
import Core
import Foundation
import Simulation

/// A file attached to a prompt (`--image`, `--document`).
public struct Attachment: Sendable, Codable, Equatable {
  public enum Kind: String, Sendable, Codable { case image, document }
  public var kind: Kind
  public var name: String
  public var byteCount: Int
  /// The format the runtime API names (`png`, `jpeg`, `gif`, `webp`; `pdf`, `csv`, `docx`, `txt`, `md`, …).
  public var format: String

  public init(kind: Kind, name: String, byteCount: Int, format: String) {
    self.kind = kind
    self.name = name
    self.byteCount = byteCount
    self.format = format
  }

  public static let imageFormats = ["png", "jpeg", "gif", "webp"]
  public static let documentFormats = ["pdf", "csv", "doc", "docx", "xls", "xlsx", "html", "txt", "md"]
}

/// What one model made of a request.
public struct InvocationResult: Sendable, Codable, Equatable {
  public enum Kind: String, Sendable, Codable { case text, image, embedding, video }
  public var modelId: String
  public var modelName: String
  /// How the call was served: on-demand, a Provisioned Throughput, a custom model deployment.
  public var servedBy: String
  public var kind: Kind
  public var response: ComposedResponse?
  /// For image, embedding and video models: what the artefact is.
  public var artefact: String?
  public var inputTokens: Int
  public var outputTokens: Int
  /// US dollars; nil when fmlab's catalog has no on-demand price for the model (the basis says so).
  public var cost: Double?
  /// How the cost was computed, e.g. "7 × $0.000035/1K in + 512 × $0.00014/1K out (estimated prices)".
  public var costBasis: String
  public var warnings: [String]
  /// Set when the model refused the request; the other fields are then empty.
  public var error: SandboxError?

  /// Every key always written, absent values as null (`"cost": null` for a model without a price), so a
  /// script reading `--json` finds the same keys whatever the model.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(modelId, forKey: .modelId)
    try container.encode(modelName, forKey: .modelName)
    try container.encode(servedBy, forKey: .servedBy)
    try container.encode(kind, forKey: .kind)
    try container.encode(response, forKey: .response)
    try container.encode(artefact, forKey: .artefact)
    try container.encode(inputTokens, forKey: .inputTokens)
    try container.encode(outputTokens, forKey: .outputTokens)
    try container.encode(cost, forKey: .cost)
    try container.encode(costBasis, forKey: .costBasis)
    try container.encode(warnings, forKey: .warnings)
    try container.encode(error, forKey: .error)
  }
}

/// The resolved target of an invocation.
struct InvocationTarget {
  var model: ModelEntry
  var servedBy: String
  /// "on-demand", "provisioned" or "deployment" (the activity log's and the bill's word for it).
  var via: String
  var customModelName: String?

  /// Provisioned calls cost nothing per token (the hourly bill pays for them).
  var perTokenBilling: Bool { via != "provisioned" }
}

extension Sandbox {
  /// Resolves a runtime `modelId`: a foundation model, a Provisioned Throughput (name or ARN), a
  /// custom model deployment (name or ARN) — or a custom model, which can't be invoked directly.
  func invocationTarget(_ identifier: String, now: Date) throws(SandboxError) -> InvocationTarget {
    if let purchase = state.provisioned.first(where: {
      $0.deletedAt == nil && ($0.provisionedModelName == identifier || $0.provisionedModelArn == identifier)
    }) {
      let status = purchase.status(at: now)
      guard status == .inService || status == .updating else {
        throw SandboxError(
          .modelNotReady,
          "Provisioned Throughput \(purchase.provisionedModelName) is \(status.rawValue); it serves requests once "
            + "InService (at \(Timestamp.format(purchase.inServiceTime)); 'advance' moves the sandbox clock)")
      }
      let custom = state.customModels.first { $0.modelArn == purchase.modelArn }
      return InvocationTarget(
        model: try foundationModel(purchase.foundationModelId),
        servedBy: "Provisioned Throughput \(purchase.provisionedModelName) (\(purchase.modelUnits) MU)",
        via: "provisioned", customModelName: custom?.modelName)
    }
    if let deployment = state.deployments.first(where: {
      $0.deletedAt == nil && ($0.modelDeploymentName == identifier || $0.customModelDeploymentArn == identifier)
    }) {
      guard deployment.status(at: now) == .active else {
        throw SandboxError(
          .modelNotReady, "custom model deployment \(deployment.modelDeploymentName) is Creating; try again shortly")
      }
      let custom = state.customModels.first { $0.modelArn == deployment.modelArn }
      return InvocationTarget(
        model: try foundationModel(deployment.baseModelId),
        servedBy: "on-demand custom model deployment \(deployment.modelDeploymentName)", via: "deployment",
        customModelName: custom?.modelName)
    }
    if let custom = customModel(identifier, now: now) {
      let base = try foundationModel(custom.baseModelId)
      var message =
        "custom model \(custom.modelName) can't be invoked on demand by its name or ARN. Buy Provisioned Throughput "
        + "('provision NAME --model \(custom.modelName) --units 1') and invoke the Provisioned Throughput"
      if base.customization.onDemandDeployment == true {
        message +=
          ", or — because \(base.name) supports it since 2025-07-16 — deploy it for on-demand, pay-per-token "
          + "inference ('deploy NAME --model \(custom.modelName)') and invoke the deployment"
      }
      throw SandboxError.validation(message + ".")
    }
    let model = try foundationModel(identifier)
    return InvocationTarget(model: model, servedBy: "on-demand", via: "on-demand", customModelName: nil)
  }

  /// A note when the model is Legacy or past its end of life on real Bedrock (the sandbox still
  /// runs it as a teaching example).
  public func lifecycleWarning(_ model: ModelEntry, now: Date) -> String? {
    guard let lifecycle = model.lifecycle else { return nil }
    let successor = lifecycle.successor.map { "; successor: \($0)" } ?? ""
    if let end = lifecycle.endOfLife, end.startInUTC <= now {
      return "\(model.name) reached end of life on Bedrock on \(end): real calls fail; the sandbox keeps it as a "
        + "teaching example\(successor)"
    }
    if lifecycle.status != .active {
      let date = lifecycle.endOfLife.map { ", end of life \($0)" } ?? ""
      return "\(model.name) is \(lifecycle.status.rawValue) on Bedrock\(date)\(successor)"
    }
    return nil
  }

  /// InvokeModel / Converse for one model. `passages` is what the knowledge base holds about the
  /// prompt (the caller retrieves it); the answer is composed from it in the model's style.
  public mutating func invoke(
    _ identifier: String, prompt: String, attachments: [Attachment], settings: InferenceSettings,
    passages: [Passage], seed: UInt64, now: Date, record: Bool = true
  ) throws(SandboxError) -> InvocationResult {
    let target = try invocationTarget(identifier, now: now)
    let model = target.model
    let settingProblems = settings.validate()
    if !settingProblems.isEmpty { throw SandboxError.validation(settingProblems.joined(separator: "; ")) }
    if prompt.utf8.count > 25_000_000 {
      throw SandboxError.validation("the request body is over 25,000,000 bytes (InvokeModel's limit)")
    }
    if prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw SandboxError.validation("the prompt is empty: a message needs at least one text content block")
    }
    let apis = model.modalities.apis
    if apis.contains(.bidirectionalStream), !apis.contains(.converse), !apis.contains(.invoke) {
      throw SandboxError.validation(
        "\(model.name) is a speech-to-speech model: it streams audio both ways (InvokeModelWithBidirectionalStream) "
          + "and can't be used with a text prompt, in compare mode or in the sandbox")
    }
    if model.modalities.output.contains(.video) {
      throw SandboxError.validation(
        "\(model.name) makes video asynchronously: InvokeModel isn't supported. Start an asynchronous invocation "
          + "with an S3 output: 'invoke \(model.slug) \"PROMPT\" --output s3://BUCKET/videos/'")
    }
    var warnings: [String] = []
    if let note = lifecycleWarning(model, now: now) { warnings.append(note) }
    for attachment in attachments {
      switch attachment.kind {
      case .image where !model.modalities.input.contains(.image):
        if model.modalities.output.contains(.text) {
          warnings.append(
            "\(model.name) doesn't accept image input: \(attachment.name) was ignored and only the text was sent")
        } else {
          throw SandboxError.validation("\(model.name) doesn't accept image input")
        }
      case .image:
        guard Attachment.imageFormats.contains(attachment.format) else {
          throw SandboxError.validation(
            "image format '\(attachment.format)' isn't supported: use \(Attachment.imageFormats.joined(separator: ", "))"
          )
        }
        guard attachment.byteCount <= 3_750_000 else {
          throw SandboxError.validation(
            "\(attachment.name) is \(attachment.byteCount) bytes; the sandbox takes images up to 3.75 MB")
        }
      case .document where !model.modalities.input.contains(.document):
        throw SandboxError.validation(
          "\(model.name) doesn't support document input: choose a model that does ('which document-input')")
      case .document:
        guard Attachment.documentFormats.contains(attachment.format) else {
          throw SandboxError.validation(
            "document format '\(attachment.format)' isn't supported: use \(Attachment.documentFormats.joined(separator: ", "))"
          )
        }
      }
    }
    let profile = answeringProfile(model)
    var inputTokens = TokenEstimator.inputTokens(prompt: prompt, system: nil, profile: profile.tokenizer)
    let acceptedImages = attachments.filter { $0.kind == .image && model.modalities.input.contains(.image) }.count
    let documents = attachments.filter { $0.kind == .document }
    inputTokens += acceptedImages * Self.tokensPerImage
    inputTokens += documents.map { $0.byteCount / 6 }.reduce(0, +)
    if let window = model.modalities.contextWindow, inputTokens > window {
      throw SandboxError.validation(
        "Input is too long for requested model: about \(inputTokens) tokens against \(model.name)'s context window of "
          + "\(window) (token counts are estimates)")
    }
    if let maxOutput = model.modalities.maxOutput, settings.maxTokens > maxOutput {
      throw SandboxError.validation(
        "maxTokens \(settings.maxTokens) exceeds \(model.name)'s maximum output of \(maxOutput) tokens")
    }
    let pricing = model.pricing
    let priceNote = pricing?.provenance?.confidence == .confirmed ? "" : " (estimated prices)"
    let unpriced =
      "not counted: fmlab's catalog has no on-demand price for \(model.name) (see https://aws.amazon.com/bedrock/pricing/)"
    var result = InvocationResult(
      modelId: model.id, modelName: target.customModelName.map { "\($0) (custom, from \(model.name))" } ?? model.name,
      servedBy: target.servedBy, kind: .text, response: nil, artefact: nil, inputTokens: inputTokens, outputTokens: 0,
      cost: nil, costBasis: unpriced, warnings: warnings, error: nil)
    if model.modalities.output.contains(.text) {
      var response = ResponseComposer.compose(
        prompt: prompt, passages: passages, style: profile.style, tokenizer: profile.tokenizer, speed: profile.speed,
        settings: settings, seed: seed)
      response.inputTokens = inputTokens
      result.response = response
      result.outputTokens = response.outputTokens
      if let inPrice = pricing?.inputPer1K, let outPrice = pricing?.outputPer1K {
        result.cost = (Double(inputTokens) * inPrice + Double(response.outputTokens) * outPrice) / 1000
        result.costBasis =
          "\(inputTokens) in × $\(Money.price(inPrice))/1K + \(response.outputTokens) out × $\(Money.price(outPrice))/1K"
          + priceNote
      }
    } else if model.modalities.output.contains(.embedding) {
      let dimensions = model.modalities.embeddingDimensions.first ?? 1024
      var generator = SeededGenerator(seed: seed)
      let head = (0..<4).map { _ in String(format: "%.4f", generator.nextUnitDouble() * 2 - 1) }
      result.kind = .embedding
      result.artefact =
        "an embedding vector of \(dimensions) numbers [\(head.joined(separator: ", ")), …] (simulated values)"
      if let inPrice = pricing?.inputPer1K {
        result.cost = Double(inputTokens) * inPrice / 1000
        result.costBasis = "\(inputTokens) in × $\(Money.price(inPrice))/1K" + priceNote
      }
    } else if model.modalities.output.contains(.image) {
      result.kind = .image
      result.artefact =
        "one 1024×1024 image generated for the prompt (the sandbox describes the artefact; it draws nothing)"
      if let perImage = pricing?.perImage {
        result.cost = perImage
        result.costBasis = "1 image × $\(Money.price(perImage))" + priceNote
      }
    } else {
      throw SandboxError.validation(
        "\(model.name) produces \(model.modalities.output.map(\.rawValue)) output, which the sandbox can't simulate")
    }
    if !target.perTokenBilling {
      result.costBasis = "no per-token charge: the Provisioned Throughput bills by the hour"
      result.cost = 0
    }
    if record {
      state.record(
        ActivityEvent(
          kind: .invoked, time: now, models: [model.id],
          via: target.via, custom: target.customModelName != nil))
      state.invocations.append(
        InvocationRecord(
          modelId: model.id,
          throughput: target.via, inputTokens: result.inputTokens, outputTokens: result.outputTokens, cost: result.cost,
          time: now))
    }
    return result
  }

  /// Tokens one image adds to the input (an estimate; real counts depend on the model and size).
  public static let tokensPerImage = 1_600

  /// Compare mode: the same request to two or three models side by side. A model that refuses
  /// shows its error in its column; speech-to-speech models can't be compared at all.
  public mutating func compare(
    _ identifiers: [String], prompt: String, attachments: [Attachment], settings: InferenceSettings,
    passages: [Passage], seed: UInt64, now: Date
  ) throws(SandboxError) -> [InvocationResult] {
    guard (2...3).contains(identifiers.count) else {
      throw SandboxError.validation("compare takes two or three models")
    }
    var results: [InvocationResult] = []
    for identifier in identifiers {
      let model = try? foundationModel(identifier)
      if let model, model.modalities.apis.contains(.bidirectionalStream), !model.modalities.apis.contains(.converse) {
        throw SandboxError.validation(
          "compare mode doesn't support speech-to-speech models such as \(model.name); try it alone in chat mode")
      }
      do {
        results.append(
          try invoke(
            identifier, prompt: prompt, attachments: attachments, settings: settings, passages: passages, seed: seed,
            now: now))
      } catch {
        state.record(ActivityEvent(kind: .error, time: now, errorName: error.name.rawValue, message: error.message))
        results.append(
          InvocationResult(
            modelId: model?.id ?? identifier, modelName: model?.name ?? identifier, servedBy: "-", kind: .text,
            response: nil, artefact: nil, inputTokens: 0, outputTokens: 0, cost: nil, costBasis: "", warnings: [],
            error: error))
      }
    }
    state.record(
      ActivityEvent(
        kind: .compared, time: now, models: results.map(\.modelId),
        image: attachments.contains { $0.kind == .image }))
    return results
  }

  /// StartAsyncInvoke for a video model: output goes to `output` in sandbox S3 when done. `durationSeconds` nil
  /// asks for the model's shortest clip. The lengths, prompt limits and render time come from the model's video
  /// profile; the cost is nil when the catalog has no per-second price for the model.
  public mutating func startAsyncInvoke(
    _ identifier: String, prompt: String, output: String, durationSeconds: Int?, now: Date,
    objects: some ObjectStore, random: inout SeededGenerator
  ) throws(SandboxError) -> AsyncInvocation {
    let model = try foundationModel(identifier)
    guard model.modalities.apis.contains(.asyncInvoke) else {
      throw SandboxError.validation(
        "\(model.name) doesn't support StartAsyncInvoke; call it with 'invoke \(model.slug) \"PROMPT\"'")
    }
    guard model.modalities.output.contains(.video), let video = profiles.model(model.id)?.video else {
      throw SandboxError.validation(
        "the sandbox simulates StartAsyncInvoke for video generation only; \(model.name)'s asynchronous "
          + "\(model.modalities.output.map(\.rawValue).joined(separator: ", ")) jobs are not simulated")
    }
    let location = try S3Location.parse(output)
    guard objects.bucketExists(location.bucket) else {
      throw SandboxError.validation(
        "output bucket '\(location.bucket)' does not exist: 's3 mb s3://\(location.bucket)'")
    }
    let seconds = durationSeconds ?? video.defaultDuration ?? 0
    guard video.durations.contains(seconds) else {
      throw SandboxError.validation(
        "\(model.name) makes videos of \(video.durationsDescription), not \(seconds)")
    }
    let limit = video.promptLimit(forSeconds: seconds) ?? 0
    guard !prompt.isEmpty, prompt.count <= limit else {
      throw SandboxError.validation(
        "\(model.name)'s prompt for a \(seconds)-second video must be 1–\(DigitGrouping.grouped(limit)) "
          + "characters; this one has \(DigitGrouping.grouped(prompt.count))")
    }
    let invocation = AsyncInvocation(
      invocationArn: SandboxAccount.asyncInvokeARN(resourceID: newResourceID(&random)),
      modelId: model.id, prompt: prompt, outputDataConfig: location, submitTime: now,
      endTime: now.addingTimeInterval(video.renderTime(forSeconds: seconds)), durationSeconds: seconds,
      cost: model.pricing?.perVideoSecond.map { Double(seconds) * $0 }, outputWritten: false,
      output: video.output)
    state.asyncInvocations.append(invocation)
    return invocation
  }
}

/// Money as the sandbox prints it.
public enum Money {
  /// A price with enough digits to be read ($0.000035 stays visible).
  public static func price(_ value: Double) -> String {
    if value == 0 { return "0" }
    if value >= 1 { return String(format: "%.2f", value) }
    var digits = 2
    while digits < 8, value * pow(10, Double(digits)) < 10 { digits += 1 }
    return String(format: "%.\(digits)f", value)
  }

  /// An amount: cents for dollars (thousands grouped: $88,330.00), more digits for fractions of a cent.
  public static func amount(_ value: Double) -> String {
    if value >= 0.01 || value == 0 { return "$" + DigitGrouping.grouped(String(format: "%.2f", value)) }
    return "$" + price(value)
  }
}
