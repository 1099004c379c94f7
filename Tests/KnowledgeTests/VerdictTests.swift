import Testing

@testable import Content
@testable import Knowledge

@Suite struct VerdictTests {
  static func model(_ slug: String) -> ModelEntry { KnowledgeSamples.catalog.models.first { $0.slug == slug }! }

  @Test func aTextOnlyModelCannotTakeImages() {
    let verdict = Verdict.evaluate(.imageInput, for: Self.model("nova-micro"))
    #expect(verdict.answer == .no)
    #expect(verdict.reason.contains("its input is text"))
    #expect(verdict.source == "https://docs.aws.amazon.com/bedrock/")
  }

  @Test func aVisionModelTakesImages() {
    #expect(Verdict.evaluate(.imageInput, for: Self.model("claude-3-5-sonnet")).answer == .yes)
  }

  @Test func aVideoModelWithoutProvisionedThroughputSaysNoAndNotesItsLifecycle() {
    let verdict = Verdict.evaluate(.provisionedThroughput, for: Self.model("nova-reel"))
    #expect(verdict.answer == .no)
    #expect(verdict.lifecycleNote == "Amazon Nova Reel is a legacy model (end of life 2026-09-30).")
    #expect(Verdict.evaluate(.videoOutput, for: Self.model("nova-reel")).answer == .yes)
    #expect(Verdict.evaluate(.invokeModel, for: Self.model("nova-reel")).answer == .no)
    #expect(Verdict.evaluate(.asyncInvoke, for: Self.model("nova-reel")).answer == .yes)
  }

  @Test func customModelsOnlyProvisionedThroughputIsAYesThatSaysSo() {
    let verdict = Verdict.evaluate(.provisionedThroughput, for: Self.model("claude-3-haiku"))
    #expect(verdict.answer == .yes)
    #expect(verdict.reason.hasPrefix("Custom models built from Claude 3 Haiku"))
  }

  @Test func missingFactsAreUnknownNotNo() {
    #expect(Verdict.evaluate(.provisionedThroughput, for: Self.model("claude-3-5-haiku")).answer == .unknown)
    #expect(Verdict.evaluate(.onDemandCustomDeployment, for: Self.model("claude-3-haiku")).answer == .unknown)
  }

  @Test func distillationCoversTeachersAndStudents() {
    #expect(Verdict.evaluate(.distillation, for: Self.model("nova-pro")).answer == .yes)
    #expect(Verdict.evaluate(.distillation, for: Self.model("nova-micro")).answer == .yes)
    #expect(Verdict.evaluate(.distillation, for: Self.model("nova-reel")).answer == .no)
    #expect(Verdict.evaluate(.distillationTeacher, for: Self.model("nova-pro")).reason.contains("nova-micro"))
  }

  @Test(arguments: [
    ("image-input", Capability.imageInput), ("vision", .imageInput), ("Fine Tuning", .fineTuning),
    ("pt", .provisionedThroughput),
    ("embedding", .embeddings), ("CPT", .continuedPreTraining),
  ])
  func capabilitiesAreParsedFromNamesAndAliases(name: String, capability: Capability) {
    #expect(Capability(name: name) == capability)
  }

  @Test func anUnknownCapabilityDoesNotParse() {
    #expect(Capability(name: "teleportation") == nil)
    #expect(Capability(name: "") == nil)
  }

  @Test func theModelsQueryFiltersAndSorts() {
    var query = ModelQuery()
    query.input = .image
    query.sort = .price
    #expect(
      query.run(on: KnowledgeSamples.catalog).map(\.slug) == [
        "claude-3-haiku", "nova-pro", "claude-3-5-sonnet", "claude-3-5-sonnet-v2", "nova-reel",
      ])
    var cheap = ModelQuery()
    cheap.maxPrice = 0.0008
    cheap.customization = .fineTuning
    #expect(cheap.run(on: KnowledgeSamples.catalog).map(\.slug) == ["nova-micro", "nova-pro", "claude-3-haiku"])
    var which = ModelQuery()
    which.capabilities = [.imageInput, .fineTuning]
    #expect(Set(which.run(on: KnowledgeSamples.catalog).map(\.slug)) == ["nova-pro", "claude-3-haiku"])
  }
}
