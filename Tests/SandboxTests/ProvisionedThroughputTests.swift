import Core
import Foundation
import Sandbox
import Simulation
import Testing

/// Provisioned Throughput: buying it, its status on the clock, commitment terms, swapping models, cost.
@Suite("Provisioned Throughput")
struct ProvisionedThroughputTests {
  /// A world with two Active Nova Micro custom models and one Active Titan Text Express custom model.
  static func worldWithCustomModels() throws -> (world: SandboxWorld, now: Date) {
    var world = try SandboxWorld.ready()
    let jobs = [
      try world.createJob(SandboxWorld.novaRequest(job: "micro-a", model: "micro-a")),
      try world.createJob(SandboxWorld.novaRequest(job: "micro-b", model: "micro-b")),
      try world.createJob(SandboxWorld.titanRequest(job: "titan-a", model: "titan-a")),
    ]
    let now = jobs.map(\.trainingEnd).max()!.addingTimeInterval(60)
    _ = world.sandbox.settle(now: now, objects: world.objects)
    return (world, now)
  }

  /// Buys Provisioned Throughput in `world` at `now`.
  static func buy(
    _ world: inout SandboxWorld, name: String, model: String, units: Int = 1, commitment: CommitmentDuration? = nil,
    now: Date
  ) throws(SandboxError) -> ProvisionedThroughput {
    try world.sandbox.createProvisionedThroughput(
      name: name, modelIdentifier: model, modelUnits: units, commitment: commitment, now: now, random: &world.random)
  }

  @Test("a base model that can't be provisioned is a ValidationException")
  func baseModelNotProvisionable() throws {
    var world = try SandboxWorld()
    for model in [SandboxFixture.titanExpress, SandboxFixture.novaReel] {
      let error = sandboxError { try Self.buy(&world, name: "pt", model: model, now: world.t0) }
      #expect(error?.name == .validation, "\(model)")
      #expect(error?.message.contains("can't be bought as Provisioned Throughput") == true, "\(model)")
    }
    #expect(world.sandbox.state.provisioned.isEmpty)
  }

  @Test("a custom model still Creating can't be provisioned; a Failed one neither")
  func customModelMustBeActive() throws {
    var world = try SandboxWorld.ready()
    let job = try world.createJob(SandboxWorld.novaRequest(model: "creating-model"))
    let creating = sandboxError { try Self.buy(&world, name: "pt", model: "creating-model", now: world.t0) }
    #expect(creating?.name == .validation)
    #expect(creating?.message.contains("still Creating") == true)
    _ = try world.sandbox.stopJob(job.jobName, now: world.t0)
    let later = world.t0.addingTimeInterval(3_600)
    let failed = sandboxError { try Self.buy(&world, name: "pt", model: "creating-model", now: later) }
    #expect(failed?.name == .validation)
    #expect(failed?.message.contains("did not complete training") == true)
    #expect(world.sandbox.state.provisioned.isEmpty)
  }

  @Test("model units must be at least 1 and at most the quota")
  func modelUnitLimits() throws {
    var world = try SandboxWorld()
    let zero = sandboxError { try Self.buy(&world, name: "pt", model: "nova-micro", units: 0, now: world.t0) }
    #expect(zero?.name == .validation)
    let over = sandboxError {
      try Self.buy(&world, name: "pt", model: "nova-micro", units: Sandbox.modelUnitQuota + 1, now: world.t0)
    }
    #expect(over?.name == .serviceQuotaExceeded)
    #expect(over?.message.contains("AWS Support") == true)
    let atQuota = try Self.buy(&world, name: "pt", model: "nova-micro", units: Sandbox.modelUnitQuota, now: world.t0)
    #expect(atQuota.modelUnits == Sandbox.modelUnitQuota)
  }

  @Test("names follow the API pattern and are unique among live purchases")
  func namesAreCheckedAndUnique() throws {
    var world = try SandboxWorld()
    let bad = sandboxError { try Self.buy(&world, name: "bad name", model: "nova-micro", now: world.t0) }
    #expect(bad?.name == .validation)
    _ = try Self.buy(&world, name: "pt", model: "nova-micro", now: world.t0)
    let twice = sandboxError { try Self.buy(&world, name: "pt", model: "nova-lite", now: world.t0) }
    #expect(twice?.name == .conflict)
    _ = try world.sandbox.deleteProvisionedThroughput("pt", now: world.t0)
    #expect(
      try Self.buy(&world, name: "pt", model: "nova-lite", now: world.t0).foundationModelId == SandboxFixture.novaLite)
  }

  @Test("Creating until inServiceTime, then InService; invoking before is ModelNotReadyException")
  func creatingThenInService() throws {
    var world = try SandboxWorld()
    let purchase = try Self.buy(&world, name: "micro-pt", model: "nova-micro", units: 2, now: world.t0)
    #expect(purchase.inServiceTime == world.t0.addingTimeInterval(15 * 60))
    #expect(purchase.modelArn == SandboxAccount.foundationModelARN("amazon.nova-micro-v1:0:128k"))
    #expect(purchase.provisionedModelArn.hasPrefix("arn:aws:bedrock:us-east-1:\(SandboxAccount.id):provisioned-model/"))
    #expect(purchase.hourlyPricePerUnit == 60.50)
    #expect(purchase.status(at: world.t0) == .creating)
    #expect(purchase.status(at: purchase.inServiceTime.addingTimeInterval(-1)) == .creating)
    #expect(purchase.status(at: purchase.inServiceTime) == .inService)

    let settings = InferenceSettings.defaults(maxTokens: 256)
    let early = sandboxError {
      try world.sandbox.invoke(
        "micro-pt", prompt: "Hello", attachments: [], settings: settings, passages: [], seed: 1, now: world.t0)
    }
    #expect(early?.name == .modelNotReady)
    #expect(early?.name.httpStatus == 429)
    let served = try world.sandbox.invoke(
      purchase.provisionedModelArn, prompt: "Hello", attachments: [], settings: settings, passages: [], seed: 1,
      now: purchase.inServiceTime)
    #expect(served.servedBy.contains("Provisioned Throughput micro-pt (2 MU)"))
    #expect(served.cost == 0)
    #expect(served.costBasis.contains("bills by the hour"))
    #expect(world.sandbox.state.invocations.last?.throughput == "provisioned")
  }

  @Test("a OneMonth purchase can't be deleted before its term; after it, deletion works and billing stops")
  func commitmentBlocksDeletion() throws {
    var world = try SandboxWorld()
    let purchase = try Self.buy(&world, name: "committed", model: "nova-micro", commitment: .oneMonth, now: world.t0)
    #expect(purchase.hourlyPricePerUnit == 55.00)
    let expiry = try #require(purchase.commitmentExpirationTime)
    #expect(expiry == world.t0.addingTimeInterval(31 * 86_400))  // 15 January → 15 February

    try world.sandbox.advance(by: 30 * 86_400)
    let early = sandboxError {
      try world.sandbox.deleteProvisionedThroughput("committed", now: world.sandbox.state.time(at: world.t0))
    }
    #expect(early?.name == .conflict)
    #expect(early?.message.contains("1 day left") == true)
    #expect(try world.sandbox.provisionedThroughput("committed").deletedAt == nil)

    try world.sandbox.advance(by: 2 * 86_400)
    let deletedAt = world.sandbox.state.time(at: world.t0)
    let deleted = try world.sandbox.deleteProvisionedThroughput(purchase.provisionedModelArn, now: deletedAt)
    #expect(deleted.deletedAt == deletedAt)
    #expect(sandboxError { try world.sandbox.provisionedThroughput("committed") }?.name == .resourceNotFound)
    let stored = try #require(world.sandbox.state.provisioned.first)
    let atDeletion = stored.cost(at: deletedAt)
    #expect(atDeletion == 32 * 24 * 55.00)
    #expect(stored.cost(at: deletedAt.addingTimeInterval(90 * 86_400)) == atDeletion)
  }

  @Test("SixMonths runs six calendar months")
  func sixMonthTerm() throws {
    var world = try SandboxWorld()
    let purchase = try Self.buy(&world, name: "long", model: "nova-micro", commitment: .sixMonths, now: world.t0)
    #expect(purchase.hourlyPricePerUnit == 30.25)
    let expiry = try #require(purchase.commitmentExpirationTime)
    let days = expiry.timeIntervalSince(world.t0) / 86_400
    #expect((181...184).contains(days))
    #expect(
      sandboxError { try world.sandbox.deleteProvisionedThroughput("long", now: expiry.addingTimeInterval(-1)) }?.name
        == .conflict)
    #expect(throws: Never.self) { try world.sandbox.deleteProvisionedThroughput("long", now: expiry) }
  }

  @Test("a no-commitment purchase can be deleted at once")
  func noCommitmentDeletesAtOnce() throws {
    var world = try SandboxWorld()
    let purchase = try Self.buy(&world, name: "hourly", model: "nova-micro", now: world.t0)
    #expect(purchase.commitmentExpirationTime == nil)
    let deleted = try world.sandbox.deleteProvisionedThroughput("hourly", now: world.t0.addingTimeInterval(60))
    #expect(deleted.deletedAt == world.t0.addingTimeInterval(60))
    #expect(
      sandboxError { try world.sandbox.deleteProvisionedThroughput("hourly", now: world.t0) }?.name == .resourceNotFound
    )
  }

  @Test("a base-model purchase can't swap its model")
  func baseModelPurchaseCannotSwap() throws {
    var (world, now) = try Self.worldWithCustomModels()
    _ = try Self.buy(&world, name: "base-pt", model: "nova-micro", now: now)
    let error = sandboxError { try world.sandbox.swapModel(of: "base-pt", to: "micro-a", now: now) }
    #expect(error?.name == .validation)
    #expect(error?.message.contains("serves a base model") == true)
  }

  @Test("a custom-model purchase swaps to a sibling of the same base or to the base, not to another base's model")
  func customModelPurchaseSwaps() throws {
    var (world, now) = try Self.worldWithCustomModels()
    let purchase = try Self.buy(&world, name: "custom-pt", model: "micro-a", now: now)
    let microA = try #require(world.sandbox.customModel("micro-a", now: now))
    let microB = try #require(world.sandbox.customModel("micro-b", now: now))
    #expect(purchase.modelArn == microA.modelArn)
    #expect(purchase.foundationModelId == SandboxFixture.novaMicro)

    let ready = purchase.inServiceTime
    let sibling = try world.sandbox.swapModel(of: "custom-pt", to: "micro-b", now: ready)
    #expect(sibling.modelArn == microB.modelArn)
    #expect(sibling.status(at: ready) == .updating)
    #expect(sibling.status(at: ready.addingTimeInterval(5 * 60)) == .inService)
    let during = try world.sandbox.invoke(
      "custom-pt", prompt: "Hi", attachments: [], settings: .defaults(maxTokens: 64), passages: [], seed: 1, now: ready)
    #expect(during.modelName.contains("micro-b"))

    let other = sandboxError { try world.sandbox.swapModel(of: "custom-pt", to: "titan-a", now: ready) }
    #expect(other?.name == .validation)
    #expect(other?.message.contains("same base") == true)
    let otherBase = sandboxError { try world.sandbox.swapModel(of: "custom-pt", to: "nova-lite", now: ready) }
    #expect(otherBase?.name == .validation)
    #expect(try world.sandbox.provisionedThroughput("custom-pt").modelArn == microB.modelArn)

    let base = try world.sandbox.swapModel(of: "custom-pt", to: "nova-micro", now: ready)
    #expect(base.modelArn == SandboxAccount.foundationModelARN("amazon.nova-micro-v1:0:128k"))
  }

  @Test("a Titan Text Express custom model is provisionable, though its base model isn't")
  func titanCustomModelIsProvisionable() throws {
    var (world, now) = try Self.worldWithCustomModels()
    let purchase = try Self.buy(&world, name: "titan-pt", model: "titan-a", commitment: .oneMonth, now: now)
    #expect(purchase.foundationModelId == SandboxFixture.titanExpress)
    #expect(purchase.hourlyPricePerUnit == 18.40)
  }

  @Test("a custom model served by Provisioned Throughput can't be deleted until the purchase is")
  func customModelInUseCannotBeDeleted() throws {
    var (world, now) = try Self.worldWithCustomModels()
    _ = try Self.buy(&world, name: "custom-pt", model: "micro-a", now: now)
    let error = sandboxError { try world.sandbox.deleteCustomModel("micro-a", now: now) }
    #expect(error?.name == .conflict)
    _ = try world.sandbox.deleteProvisionedThroughput("custom-pt", now: now)
    #expect(try world.sandbox.deleteCustomModel("micro-a", now: now).deletedAt == now)
    #expect(world.sandbox.customModel("micro-a", now: now) == nil)
  }

  @Test("cost is hours × hourly price × model units")
  func costIsHoursTimesPriceTimesUnits() throws {
    var world = try SandboxWorld()
    let purchase = try Self.buy(&world, name: "pt", model: "nova-micro", units: 3, now: world.t0)
    #expect(purchase.cost(at: world.t0) == 0)
    #expect(purchase.billedHours(at: world.t0.addingTimeInterval(2.5 * 3_600)) == 2.5)
    #expect(abs(purchase.cost(at: world.t0.addingTimeInterval(2.5 * 3_600)) - 2.5 * 60.50 * 3) < 1e-9)
    #expect(abs(purchase.cost(at: world.t0.addingTimeInterval(24 * 3_600)) - 24 * 60.50 * 3) < 1e-9)
  }
}
