import Content
import Foundation
import Knowledge
import PropertyBased
import Sandbox
import Simulation
import Testing

import struct Sandbox.Attachment

/// InvokeModel/Converse and compare mode against the shipped catalog and profiles.
@Suite("Invocation and compare mode")
struct InvocationTests {
  static let prompt = "What are the top AWS services?"
  static let settings = InferenceSettings.defaults(maxTokens: 2_048)
  static let image = Attachment(kind: .image, name: "diagram.png", byteCount: 200_000, format: "png")
  static let document = Attachment(kind: .document, name: "notes.pdf", byteCount: 60_000, format: "pdf")
  static let passages = [
    Passage(
      id: "s3", title: "Amazon S3",
      sentences: ["Amazon S3 stores objects in buckets.", "It offers eleven nines of durability."]),
    Passage(
      id: "ec2", title: "Amazon EC2",
      sentences: ["Amazon EC2 provides virtual servers.", "You pay for compute by the second."]),
    Passage(
      id: "lambda", title: "AWS Lambda",
      sentences: ["AWS Lambda runs code without servers.", "It scales with each request."]),
    Passage(
      id: "bedrock", title: "Amazon Bedrock",
      sentences: ["Amazon Bedrock offers foundation models through one API.", "It supports customization."]),
  ]

  /// Invokes `model` with the walkthrough prompt at `t0`.
  static func invoke(
    _ world: inout SandboxWorld, _ model: String, prompt: String = prompt, attachments: [Attachment] = [],
    settings: InferenceSettings = settings, seed: UInt64 = 1, at time: Date? = nil
  ) throws(SandboxError) -> InvocationResult {
    try world.sandbox.invoke(
      model, prompt: prompt, attachments: attachments, settings: settings, passages: passages, seed: seed,
      now: time ?? world.t0)
  }

  @Test("an image sent to text-only Nova Micro is a warning, not an error, and adds no image tokens")
  func imageToTextOnlyModelWarns() throws {
    var world = try SandboxWorld()
    let plain = try Self.invoke(&world, "nova-micro")
    let withImage = try Self.invoke(&world, "nova-micro", attachments: [Self.image])
    #expect(withImage.error == nil)
    #expect(withImage.warnings.contains { $0.contains("doesn't accept image input") && $0.contains("diagram.png") })
    #expect(withImage.inputTokens == plain.inputTokens)
    #expect(plain.warnings.isEmpty)
  }

  @Test("an image sent to Claude 3.5 Sonnet adds Sandbox.tokensPerImage input tokens")
  func imageToClaudeCountsTokens() throws {
    var world = try SandboxWorld()
    let plain = try Self.invoke(&world, SandboxFixture.claude35Sonnet)
    let withImage = try Self.invoke(&world, SandboxFixture.claude35Sonnet, attachments: [Self.image, Self.image])
    #expect(!withImage.warnings.contains { $0.contains("image") })
    #expect(withImage.inputTokens == plain.inputTokens + 2 * Sandbox.tokensPerImage)
    #expect(try #require(withImage.cost) > #require(plain.cost))
  }

  @Test("an unsupported image format or an oversized image is a ValidationException")
  func imageFormatAndSize() throws {
    var world = try SandboxWorld()
    let tiff = Attachment(kind: .image, name: "scan.tiff", byteCount: 1_000, format: "tiff")
    #expect(
      sandboxError { try Self.invoke(&world, SandboxFixture.claude35Sonnet, attachments: [tiff]) }?.name == .validation)
    let huge = Attachment(kind: .image, name: "big.png", byteCount: 3_750_001, format: "png")
    let error = sandboxError { try Self.invoke(&world, SandboxFixture.claude35Sonnet, attachments: [huge]) }
    #expect(error?.message.contains("3.75 MB") == true)
  }

  @Test("a document sent to a model without document input is a ValidationException")
  func documentWithoutDocumentInput() throws {
    var world = try SandboxWorld()
    for model in ["nova-micro", SandboxFixture.claude35Sonnet] {
      let error = sandboxError { try Self.invoke(&world, model, attachments: [Self.document]) }
      #expect(error?.name == .validation, "\(model)")
      #expect(error?.message.contains("doesn't support document input") == true, "\(model)")
    }
    let lite = try Self.invoke(&world, "nova-lite", attachments: [Self.document])
    let litePlain = try Self.invoke(&world, "nova-lite")
    #expect(lite.inputTokens == litePlain.inputTokens + Self.document.byteCount / 6)
    #expect(world.sandbox.state.invocations.count == 2)
  }

  @Test("Nova Reel can't be invoked synchronously: it points to StartAsyncInvoke")
  func novaReelNeedsAsyncInvoke() throws {
    var world = try SandboxWorld()
    let error = sandboxError { try Self.invoke(&world, "nova-reel") }
    #expect(error?.name == .validation)
    #expect(error?.message.contains("asynchronous") == true)
    #expect(error?.message.contains("InvokeModel isn't supported") == true)
    #expect(world.sandbox.state.invocations.isEmpty)
  }

  @Test("startAsyncInvoke writes its output to S3 only once endTime has passed, via settle")
  func asyncInvokeWritesOutputAfterEndTime() throws {
    var world = try SandboxWorld()
    try world.objects.makeBucket("fmlab-videos")
    let invocation = try world.sandbox.startAsyncInvoke(
      "nova-reel", prompt: "A drone shot over a data centre", output: "s3://fmlab-videos/out/", durationSeconds: 12,
      now: world.t0, objects: world.objects, random: &world.random)
    #expect(invocation.endTime == world.t0.addingTimeInterval(90 + 6 * 7.4))
    #expect(invocation.status(at: world.t0) == .inProgress)
    #expect(abs(try #require(invocation.cost) - 12 * 0.08) < 1e-12)
    #expect(world.sandbox.settle(now: invocation.endTime.addingTimeInterval(-1), objects: world.objects).isEmpty)
    #expect(try world.objects.list(bucket: "fmlab-videos", prefix: "").isEmpty)

    let events = world.sandbox.settle(now: invocation.endTime, objects: world.objects)
    #expect(events.count == 1)
    let objects = try world.objects.list(bucket: "fmlab-videos", prefix: "out/")
    #expect(objects.count == 1)
    let key = try #require(objects.first?.key)
    let id = String(invocation.invocationArn.split(separator: "/").last ?? "")
    #expect(key == "out/\(id)/output.mp4.txt")
    let text = try #require(try world.text(at: S3Location(bucket: "fmlab-videos", key: key)))
    #expect(text.contains("A drone shot over a data centre"))
    #expect(text.contains("12-second"))
    #expect(text.contains("1280×720 MP4 at 24 fps"))
    #expect(world.sandbox.settle(now: invocation.endTime.addingTimeInterval(60), objects: world.objects).isEmpty)
  }

  @Test("startAsyncInvoke checks the model, the bucket and the duration")
  func asyncInvokeValidation() throws {
    var world = try SandboxWorld()
    try world.objects.makeBucket("fmlab-videos")
    var random = world.random
    func start(_ model: String, _ output: String, _ seconds: Int) -> SandboxError? {
      sandboxError {
        try world.sandbox.startAsyncInvoke(
          model, prompt: "p", output: output, durationSeconds: seconds, now: world.t0, objects: world.objects,
          random: &random)
      }
    }
    #expect(start("nova-micro", "s3://fmlab-videos/", 6)?.message.contains("doesn't support StartAsyncInvoke") == true)
    #expect(start("nova-reel", "s3://no-such-videos/", 6)?.message.contains("does not exist") == true)
    #expect(start("nova-reel", "s3://fmlab-videos/", 7)?.name == .validation)
    #expect(start("nova-reel", "s3://fmlab-videos/", 126)?.name == .validation)
    #expect(start("luma-ray-2", "s3://fmlab-videos/", 6)?.message.contains("5 or 9 seconds") == true)
    #expect(start("nova-reel", "s3://fmlab-videos/", 0)?.message.contains("6 to 120 seconds in steps of 6") == true)
    let embeddings = start("marengo-embed", "s3://fmlab-videos/", 6)
    #expect(embeddings?.message.contains("video generation only") == true)
    #expect(world.sandbox.state.asyncInvocations.isEmpty)
  }

  @Test("each video model has its own lengths, prompt limits and render time; no length asks for the shortest")
  func videoModelsFollowTheirOwnRules() throws {
    var world = try SandboxWorld()
    try world.objects.makeBucket("fmlab-videos")
    var random = world.random
    func start(_ model: String, _ prompt: String, _ seconds: Int?) throws(SandboxError) -> AsyncInvocation {
      try world.sandbox.startAsyncInvoke(
        model, prompt: prompt, output: "s3://fmlab-videos/", durationSeconds: seconds, now: world.t0,
        objects: world.objects, random: &random)
    }
    let luma = try start("luma-ray-2", "A paper boat on a pond", nil)
    #expect(luma.durationSeconds == 5)
    #expect(luma.cost == nil, "the catalog has no per-second price for Luma Ray2")
    #expect(String(decoding: try JSONEncoder().encode(luma), as: UTF8.self).contains(#""cost":null"#))
    #expect(luma.output?.contains("540p or 720p") == true)
    #expect(luma.endTime == world.t0.addingTimeInterval(90))
    #expect(try start("luma-ray-2", String(repeating: "a", count: 5_000), 9).durationSeconds == 9)
    let reel = try start("nova-reel", String(repeating: "a", count: 512), nil)
    #expect(reel.durationSeconds == 6)
    #expect(reel.endTime == world.t0.addingTimeInterval(90))
    let long = try start("nova-reel", String(repeating: "a", count: 4_000), 120)
    #expect(abs(long.endTime.timeIntervalSince(world.t0) - (90 + 114 * 7.4)) < 1e-3)
    #expect(world.sandbox.state.asyncInvocations.count == 4)

    let errors = [
      sandboxError { try start("nova-reel", String(repeating: "a", count: 513), 6) },
      sandboxError { try start("nova-reel", String(repeating: "a", count: 4_001), 12) },
      sandboxError { try start("luma-ray-2", String(repeating: "a", count: 5_001), 5) },
      sandboxError { try start("luma-ray-2", "", 5) },
    ]
    #expect(errors.map { $0?.message.contains("characters") } == [true, true, true, true])
    #expect(errors[0]?.message.contains("1–512 characters; this one has 513") == true)
    #expect(world.sandbox.state.asyncInvocations.count == 4)
  }

  @Test("a model the catalog has no price for costs nothing known: no cost, a basis that says so, a bill line apart")
  func unpricedModelHasNoCost() throws {
    var world = try SandboxWorld()
    let shipped = try SandboxFixture.shipped.get()
    let models = shipped.catalog.models.map { model in
      var copy = model
      if model.id == SandboxFixture.titanExpress { copy.pricing = nil }
      return copy
    }
    world.sandbox = Sandbox(
      state: SandboxState(), catalog: ModelCatalog(models: models), profiles: shipped.profiles)
    let result = try Self.invoke(&world, SandboxFixture.titanExpress)
    #expect(result.error == nil)
    #expect(result.cost == nil)
    #expect(result.costBasis.contains("no on-demand price"))
    let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
    #expect(json.contains(#""cost":null"#), "scripts find the key whatever the model: \(json)")
    #expect(try JSONDecoder().decode(InvocationResult.self, from: Data(json.utf8)) == result)
    _ = try Self.invoke(&world, "nova-micro")
    let bill = world.sandbox.bill(at: world.t0)
    let lines = bill.lines.filter { $0.category == "on-demand" }
    #expect(lines.count == 2)
    #expect(lines.contains { $0.cost == nil && $0.detail.contains(SandboxFixture.titanExpress) })
    #expect(bill.unpricedLines == 1)
    let billJSON = String(decoding: try JSONEncoder().encode(bill), as: UTF8.self)
    #expect(billJSON.contains(#""cost":null"#), "bill --json keeps the key: \(billJSON)")
    #expect(bill.total == (try #require(world.sandbox.state.invocations.last?.cost)))
  }

  @Test("Nova Sonic in compare mode is a ValidationException about speech-to-speech; alone too")
  func novaSonicInCompare() throws {
    var world = try SandboxWorld()
    let error = sandboxError {
      try world.sandbox.compare(
        ["nova-micro", "nova-sonic"], prompt: Self.prompt, attachments: [], settings: Self.settings,
        passages: Self.passages, seed: 1, now: world.t0)
    }
    #expect(error?.name == .validation)
    #expect(error?.message.contains("speech-to-speech") == true)
    let alone = sandboxError { try Self.invoke(&world, "nova-sonic") }
    #expect(alone?.message.contains("speech-to-speech") == true)
  }

  @Test("compare takes two or three models; a model that refuses shows its error in its column")
  func compareColumns() throws {
    var world = try SandboxWorld()
    let one = sandboxError {
      try world.sandbox.compare(
        ["nova-micro"], prompt: Self.prompt, attachments: [], settings: Self.settings, passages: [], seed: 1,
        now: world.t0)
    }
    #expect(one?.name == .validation)
    let results = try world.sandbox.compare(
      ["nova-micro", "nova-lite", "nova-reel"], prompt: Self.prompt, attachments: [Self.document],
      settings: Self.settings, passages: Self.passages, seed: 1, now: world.t0)
    #expect(results.count == 3)
    #expect(results[0].error?.message.contains("document input") == true)
    #expect(results[1].error == nil)
    #expect(results[2].error?.name == .validation)
    #expect(results[2].modelId == SandboxFixture.novaReel)
  }

  @Test("a custom model invoked by name is a ValidationException naming Provisioned Throughput")
  func customModelByName() throws {
    var (world, now) = try ProvisionedThroughputTests.worldWithCustomModels()
    let micro = sandboxError { try Self.invoke(&world, "micro-a", at: now) }
    #expect(micro?.name == .validation)
    #expect(micro?.message.contains("Provisioned Throughput") == true)
    #expect(micro?.message.contains("deploy") == true)
    let arn = try #require(world.sandbox.customModel("micro-a", now: now)?.modelArn)
    #expect(sandboxError { try Self.invoke(&world, arn, at: now) }?.message.contains("Provisioned Throughput") == true)
    let titan = sandboxError { try Self.invoke(&world, "titan-a", at: now) }
    #expect(titan?.name == .validation)
    #expect(titan?.message.contains("Provisioned Throughput") == true)
    #expect(titan?.message.contains("deploy") == false)
  }

  @Test("deploying a Titan Text Express custom model for on-demand inference is a ValidationException")
  func titanCustomModelCannotDeploy() throws {
    var (world, now) = try ProvisionedThroughputTests.worldWithCustomModels()
    var random = world.random
    let error = sandboxError {
      try world.sandbox.deploy(name: "titan-dep", modelIdentifier: "titan-a", now: now, random: &random)
    }
    #expect(error?.name == .validation)
    #expect(error?.message.contains("can't be deployed for on-demand inference") == true)
    #expect(world.sandbox.state.deployments.isEmpty)
  }

  @Test("a Nova Micro custom deployment is Active after 5 minutes, then answers billed per token")
  func novaMicroDeployment() throws {
    var (world, now) = try ProvisionedThroughputTests.worldWithCustomModels()
    let deployment = try world.sandbox.deploy(
      name: "micro-dep", modelIdentifier: "micro-a", now: now, random: &world.random)
    #expect(deployment.status(at: now) == .creating)
    #expect(deployment.activeAt == now.addingTimeInterval(5 * 60))
    #expect(deployment.status(at: deployment.activeAt) == .active)
    let early = sandboxError { try Self.invoke(&world, "micro-dep", at: now.addingTimeInterval(4 * 60)) }
    #expect(early?.name == .modelNotReady)

    let result = try Self.invoke(&world, deployment.customModelDeploymentArn, at: deployment.activeAt)
    #expect(result.error == nil)
    #expect(result.servedBy.contains("custom model deployment micro-dep"))
    #expect(result.modelName.contains("micro-a"))
    #expect(try #require(result.cost) > 0)
    let inputCost: Double = Double(result.inputTokens) * 0.000035
    let outputCost: Double = Double(result.outputTokens) * 0.00014
    let expected = (inputCost + outputCost) / 1_000
    #expect(abs(try #require(result.cost) - expected) < 1e-15)
    #expect(world.sandbox.state.invocations.last?.cost == result.cost)

    var random = world.random
    let twice = sandboxError {
      try world.sandbox.deploy(name: "micro-dep", modelIdentifier: "micro-b", now: now, random: &random)
    }
    #expect(twice?.name == .conflict)
    #expect(sandboxError { try world.sandbox.deleteCustomModel("micro-a", now: now) }?.name == .conflict)
    _ = try world.sandbox.deleteDeployment("micro-dep", now: now)
    #expect(sandboxError { try Self.invoke(&world, "micro-dep", at: deployment.activeAt) }?.name == .validation)
  }

  @Test("a small maxTokens stops the answer with max_tokens at exactly that many tokens")
  func maxTokensStopsTheAnswer() throws {
    var world = try SandboxWorld()
    let result = try Self.invoke(&world, "nova-micro", settings: .defaults(maxTokens: 5))
    let response = try #require(result.response)
    #expect(response.stopReason == .maxTokens)
    #expect(response.outputTokens == 5)
    #expect(result.outputTokens == 5)
  }

  @Test("out-of-range settings are a ValidationException")
  func settingsAreValidated() throws {
    var world = try SandboxWorld()
    let error = sandboxError {
      try Self.invoke(&world, "nova-micro", settings: InferenceSettings(temperature: 1.5, topP: 0.9, maxTokens: 0))
    }
    #expect(error?.name == .validation)
    #expect(error?.message.contains("temperature") == true)
    #expect(error?.message.contains("maxTokens") == true)
    #expect(sandboxError { try Self.invoke(&world, "nova-micro", prompt: "  \n") }?.name == .validation)
  }

  @Test("the same seed gives the same result")
  func sameSeedSameResult() async throws {
    await propertyCheck(count: 25, input: Gen.uint64(), Gen.double(in: 0...1)) { seed, temperature in
      guard var world = try? SandboxWorld() else {
        Issue.record("no fixture")
        return
      }
      let settings = InferenceSettings(temperature: temperature, topP: 0.9, maxTokens: 2_048)
      let first = try? Self.invoke(&world, "nova-micro", settings: settings, seed: seed)
      let second = try? Self.invoke(&world, "nova-micro", settings: settings, seed: seed)
      #expect(first != nil)
      #expect(first == second)
    }
  }

  @Test("temperature 0 gives the same answer whatever the seed; temperature 1 varies with it")
  func temperatureControlsVariety() throws {
    var world = try SandboxWorld()
    let greedy = InferenceSettings(temperature: 0, topP: 0.9, maxTokens: 2_048)
    let greedyTexts = try (1...6).map { seed in
      try Self.invoke(&world, "nova-micro", settings: greedy, seed: UInt64(seed)).response?.text
    }
    #expect(Set(greedyTexts).count == 1)
    let hot = InferenceSettings(temperature: 1, topP: 1, maxTokens: 2_048)
    let hotTexts = try (1...6).map { seed in
      try Self.invoke(&world, "nova-micro", settings: hot, seed: UInt64(seed)).response?.text
    }
    #expect(Set(hotTexts).count > 1)
  }

  @Test("walkthrough: Nova Micro vs Claude 3.5 Sonnet — 7 vs 15 input tokens, Nova faster and cheaper per token")
  func walkthroughCompare() throws {
    var world = try SandboxWorld()
    let results = try world.sandbox.compare(
      ["nova-micro", "claude-3-5-sonnet"], prompt: Self.prompt, attachments: [], settings: Self.settings,
      passages: Self.passages, seed: 3, now: world.t0)
    #expect(results.count == 2)
    let nova = results[0]
    let claude = results[1]
    #expect(nova.modelId == SandboxFixture.novaMicro)
    #expect(claude.modelId == SandboxFixture.claude35Sonnet)
    #expect(nova.inputTokens == 7)
    #expect(claude.inputTokens == 15)
    let novaLatency = try #require(nova.response?.latencyMs)
    let claudeLatency = try #require(claude.response?.latencyMs)
    #expect(novaLatency < claudeLatency)
    #expect(try #require(nova.response?.timeToFirstTokenMs) < #require(claude.response?.timeToFirstTokenMs))
    let novaPerToken = try #require(nova.cost) / Double(nova.inputTokens + nova.outputTokens)
    let claudePerToken = try #require(claude.cost) / Double(claude.inputTokens + claude.outputTokens)
    #expect(novaPerToken > 0)
    #expect(novaPerToken < claudePerToken)
    #expect(world.sandbox.state.invocations.count == 2)
  }

  @Test("a 1 MB prompt is too long for Nova Micro's 128K context window")
  func oneMegabytePromptIsTooLong() throws {
    var world = try SandboxWorld()
    let prompt = String(repeating: "Amazon Bedrock serves models. ", count: 1_048_576 / 30)
    let error = sandboxError { try Self.invoke(&world, "nova-micro", prompt: prompt) }
    #expect(error?.name == .validation)
    #expect(error?.message.contains("too long") == true)
    #expect(error?.message.contains("128000") == true)
    #expect(world.sandbox.state.invocations.isEmpty)
  }

  @Test("an embedding model returns a vector description and bills input tokens only")
  func embeddingModel() throws {
    var world = try SandboxWorld()
    let result = try Self.invoke(&world, "titan-embed-text-v2")
    #expect(result.kind == .embedding)
    #expect(result.response == nil)
    #expect(result.outputTokens == 0)
    #expect(result.artefact?.contains("1024 numbers") == true)
    #expect(abs(try #require(result.cost) - Double(result.inputTokens) * 0.00002 / 1_000) < 1e-15)
    #expect(try Self.invoke(&world, "titan-embed-text-v2", seed: 1) == result)
  }

  @Test("an image model describes one image and bills it per image")
  func imageModel() throws {
    var world = try SandboxWorld()
    let result = try Self.invoke(&world, "titan-image-generator-v2", prompt: "A diagram of a VPC")
    #expect(result.kind == .image)
    #expect(result.cost == 0.01)
    #expect(result.costBasis.hasPrefix("1 image"))
    #expect(result.artefact?.contains("1024×1024") == true)
  }

  @Test("maxTokens above the model's maximum output is a ValidationException")
  func maxTokensAboveModelMaximum() throws {
    var world = try SandboxWorld()
    let error = sandboxError { try Self.invoke(&world, "nova-lite", settings: .defaults(maxTokens: 5_001)) }
    #expect(error?.name == .validation)
    #expect(error?.message.contains("maximum output of 5000") == true)
    #expect(throws: Never.self) { try Self.invoke(&world, "nova-lite", settings: .defaults(maxTokens: 5_000)) }
  }

  @Test("a model customized before 2025-07-16 can't be deployed for on-demand inference")
  func deploymentCutoff() throws {
    var world = try SandboxWorld.ready()
    let before = try #require(
      Calendar(identifier: .gregorian).date(
        from: DateComponents(timeZone: TimeZone(identifier: "UTC"), year: 2025, month: 6, day: 1, hour: 12)))
    let job = try world.createJob(SandboxWorld.novaRequest(job: "old", model: "old-micro"), at: before)
    let now = job.trainingEnd.addingTimeInterval(3_600)
    _ = world.sandbox.settle(now: now, objects: world.objects)
    #expect(world.sandbox.customModel("old-micro", now: now).map { world.sandbox.status(of: $0, at: now) } == .active)
    var random = world.random
    let error = sandboxError {
      try world.sandbox.deploy(name: "old-dep", modelIdentifier: "old-micro", now: now, random: &random)
    }
    #expect(error?.name == .validation)
    #expect(error?.message.contains("2025-07-16") == true)
  }

  @Test("record: false leaves no invocation on the bill")
  func unrecordedInvocation() throws {
    var world = try SandboxWorld()
    _ = try world.sandbox.invoke(
      "nova-micro", prompt: Self.prompt, attachments: [], settings: Self.settings, passages: [], seed: 1,
      now: world.t0, record: false)
    #expect(world.sandbox.state.invocations.isEmpty)
  }
}
