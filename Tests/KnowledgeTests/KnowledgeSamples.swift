import Core

@testable import Content
@testable import Knowledge

/// A small hand-made catalog whose facts tests can rely on (the real catalog changes with content).
enum KnowledgeSamples {
  static let provenance = ModelEntry.Provenance(source: "https://docs.aws.amazon.com/bedrock/", confidence: .confirmed)

  static func model(
    _ slug: String, name: String, provider: String, input: [ModelEntry.Modality], output: [ModelEntry.Modality],
    methods: [ModelEntry.CustomizationMethod] = [], teacherFor: [String] = [], inputPrice: Double? = nil,
    context: Int? = nil, apis: [ModelEntry.InvocationAPI] = [.converse, .invoke], pt: (Bool?, Bool?) = (nil, nil),
    status: ModelEntry.Lifecycle.Status = .active, onDemand: Bool? = nil
  ) -> ModelEntry {
    ModelEntry(
      id: "\(provider.lowercased()).\(slug)-v1:0", slug: slug, name: name, provider: provider, family: provider,
      aliases: [], summary: "A sample.",
      modalities: .init(
        input: input, output: output, contextWindow: context, maxOutput: nil,
        streaming: output == [.text] ? true : false,
        apis: apis, embeddingDimensions: [], provenance: provenance),
      pricing: inputPrice.map {
        .init(
          inputPer1K: $0, outputPer1K: $0 * 4, batchInputPer1K: nil, batchOutputPer1K: nil, perImage: nil,
          perVideoSecond: nil, region: "us-east-1", read: CalendarDay(year: 2026, month: 11, day: 26),
          provenance: .init(source: "https://aws.amazon.com/bedrock/pricing/", confidence: .estimated))
      },
      customization: .init(
        methods: methods, variants: [], teacherFor: teacherFor, hyperparameters: [], dataset: nil,
        onDemandDeployment: onDemand, regions: [], provenance: methods.isEmpty ? nil : provenance),
      provisionedThroughput: pt.0 == nil && pt.1 == nil ? nil : .init(base: pt.0, custom: pt.1, provenance: provenance),
      lifecycle: .init(
        status: status, launched: nil, legacySince: nil,
        endOfLife: status == .active ? nil : CalendarDay(year: 2026, month: 9, day: 30), successor: nil,
        provenance: provenance),
      regions: [], notes: [], verified: CalendarDay(year: 2026, month: 11, day: 26),
      location: SourceLocation(file: "Resources/models/test.yaml", line: 1, column: 1), sourceLine: nil)
  }

  static let catalog = ModelCatalog(models: [
    model(
      "nova-micro", name: "Amazon Nova Micro", provider: "Amazon", input: [.text], output: [.text],
      methods: [.fineTuning, .distillationStudent], inputPrice: 0.000035, context: 128_000, pt: (true, true),
      onDemand: true),
    model(
      "nova-pro", name: "Amazon Nova Pro", provider: "Amazon", input: [.text, .image, .video], output: [.text],
      methods: [.fineTuning, .distillationTeacher], teacherFor: ["nova-micro"], inputPrice: 0.0008, context: 300_000,
      pt: (true, true)),
    model(
      "nova-reel", name: "Amazon Nova Reel", provider: "Amazon", input: [.text, .image], output: [.video],
      apis: [.asyncInvoke], pt: (false, false), status: .legacy),
    model(
      "claude-3-5-sonnet", name: "Claude 3.5 Sonnet", provider: "Anthropic", input: [.text, .image], output: [.text],
      methods: [.distillationTeacher], teacherFor: ["claude-3-haiku"], inputPrice: 0.003, context: 200_000),
    model(
      "claude-3-5-sonnet-v2", name: "Claude 3.5 Sonnet v2", provider: "Anthropic", input: [.text, .image],
      output: [.text], inputPrice: 0.003, context: 200_000),
    model(
      "claude-3-5-haiku", name: "Claude 3.5 Haiku", provider: "Anthropic", input: [.text], output: [.text],
      inputPrice: 0.0008, context: 200_000, status: .endOfLife),
    model(
      "claude-3-haiku", name: "Claude 3 Haiku", provider: "Anthropic", input: [.text, .image], output: [.text],
      methods: [.fineTuning, .distillationStudent], inputPrice: 0.00025, context: 200_000, pt: (nil, true)),
  ])
}
