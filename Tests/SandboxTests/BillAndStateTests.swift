import Foundation
import Sandbox
import Simulation
import Testing

/// The account's bill, and the saved state surviving a JSON round trip.
@Suite("Bill and saved state")
struct BillAndStateTests {
  /// A full scenario: jobs (completed, failed, stopped, distilled), a deployment, Provisioned
  /// Throughput (one deleted), on-demand and provisioned invocations, a video, a clock advance.
  static func fullScenario() throws -> (world: SandboxWorld, now: Date) {
    var (world, now) = try ProvisionedThroughputTests.worldWithCustomModels()
    _ = try world.sandbox.createRole(name: "NoRead", trustedService: "bedrock.amazonaws.com", now: world.t0)
    var denied = SandboxWorld.novaRequest(job: "denied", model: "denied")
    denied.roleIdentifier = "NoRead"
    _ = try world.createJob(denied, at: now)
    let stopped = try world.createJob(SandboxWorld.novaRequest(job: "stopped", model: "stopped"), at: now)
    _ = try world.sandbox.stopJob(stopped.jobName, now: now.addingTimeInterval(60))
    _ = try world.createJob(JobCreationTests.distillation(teacher: "nova-pro"), at: now)
    let purchase = try world.sandbox.createProvisionedThroughput(
      name: "custom-pt", modelIdentifier: "micro-a", modelUnits: 2, commitment: .oneMonth, now: now,
      random: &world.random)
    _ = try world.sandbox.createProvisionedThroughput(
      name: "short-pt", modelIdentifier: "nova-lite", modelUnits: 1, commitment: nil, now: now, random: &world.random)
    _ = try world.sandbox.deleteProvisionedThroughput("short-pt", now: now.addingTimeInterval(3_600))
    let deployment = try world.sandbox.deploy(
      name: "micro-dep", modelIdentifier: "micro-b", now: now, random: &world.random)
    let settings = InferenceSettings.defaults(maxTokens: 512)
    _ = try world.sandbox.invoke(
      "nova-micro", prompt: "What is Amazon Bedrock?", attachments: [], settings: settings,
      passages: InvocationTests.passages, seed: 1, now: now)
    _ = try world.sandbox.invoke(
      "micro-dep", prompt: "What is Amazon S3?", attachments: [], settings: settings, passages: [], seed: 2,
      now: deployment.activeAt)
    _ = try world.sandbox.invoke(
      "custom-pt", prompt: "What is AWS Lambda?", attachments: [], settings: settings, passages: [], seed: 3,
      now: purchase.inServiceTime)
    try world.objects.makeBucket("fmlab-videos")
    _ = try world.sandbox.startAsyncInvoke(
      "nova-reel", prompt: "Clouds", output: "s3://fmlab-videos/", durationSeconds: 6, now: now,
      objects: world.objects, random: &world.random)
    try world.sandbox.advance(by: 2 * 86_400)
    let later = world.sandbox.state.time(at: now)
    _ = world.sandbox.settle(now: later, objects: world.objects)
    return (world, later)
  }

  @Test("the bill has a line per training job, stored model, purchase and on-demand use, and totals them")
  func billLines() throws {
    let (world, now) = try Self.fullScenario()
    let bill = world.sandbox.bill(at: now)
    let state = world.sandbox.state

    let training = bill.lines.filter { $0.category == "training" }
    #expect(training.map(\.item) == state.jobs.map(\.jobName))
    for (line, job) in zip(training, state.jobs) {
      #expect(line.cost == job.trainingCost(at: now), "\(job.jobName)")
      #expect(line.detail.contains(job.snapshot(at: now).status.rawValue), "\(job.jobName)")
      #expect(!line.running, "\(job.jobName) finished long ago")
    }
    #expect(training.first { $0.item == "denied" }?.cost == 0)
    let distilled = try #require(state.jobs.first { $0.customizationType == .distillation })
    #expect(try #require(training.first { $0.item == distilled.jobName }).detail.contains("teacher inference"))

    let storage = bill.lines.filter { $0.category == "storage" }
    #expect(Set(storage.map(\.item)) == ["micro-a", "micro-b", "titan-a", distilled.customModelName])
    #expect(storage.allSatisfy { $0.running && ($0.cost ?? 0) > 0 })

    let provisioned = bill.lines.filter { $0.category == "provisioned-throughput" }
    let running = try #require(provisioned.first { $0.item == "custom-pt" })
    let deleted = try #require(provisioned.first { $0.item == "short-pt" })
    #expect(running.running)
    #expect(!deleted.running)
    #expect(abs(try #require(deleted.cost) - 60.50) < 1e-9)
    let purchase = try world.sandbox.provisionedThroughput("custom-pt")
    #expect(running.cost == purchase.cost(at: now))
    let twoDaysOfTwoUnits: Double = 2 * 24 * 55.00 * 2
    #expect(try #require(running.cost) > twoDaysOfTwoUnits - 1e-6)

    let onDemand = try #require(bill.lines.first { $0.category == "on-demand" })
    let paid = state.invocations.compactMap(\.cost).filter { $0 > 0 }
    #expect(paid.count == 2)
    #expect(onDemand.item == "2 invocations")
    #expect(abs(try #require(onDemand.cost) - paid.reduce(0, +)) < 1e-15)
    #expect(bill.lines.filter { $0.category == "async-video" }.compactMap(\.cost) == [6 * 0.08])

    #expect(bill.total == bill.lines.compactMap(\.cost).reduce(0, +))
    let perCategory = [training, storage, provisioned].map { $0.compactMap(\.cost).reduce(0, +) }
    let expected = perCategory.reduce(0, +) + (onDemand.cost ?? 0) + 6 * 0.08
    #expect(abs(bill.total - expected) < 1e-6)
    let storageRate = 4 * 1.95 / 730
    #expect(abs(bill.hourlyRate - (2 * 55.00 + storageRate)) < 1e-9)
  }

  @Test("an empty account has an empty bill")
  func emptyBill() throws {
    let world = try SandboxWorld()
    let bill = world.sandbox.bill(at: world.t0)
    #expect(bill.lines.isEmpty)
    #expect(bill.total == 0)
    #expect(bill.hourlyRate == 0)
    #expect(world.sandbox.state.isEmpty)
  }

  @Test("the bill keeps growing with the hours of a live purchase and stops when it is deleted")
  func billFollowsTheClock() throws {
    var world = try SandboxWorld()
    _ = try world.sandbox.createProvisionedThroughput(
      name: "pt", modelIdentifier: "nova-micro", modelUnits: 1, commitment: nil, now: world.t0, random: &world.random)
    let hour1 = world.sandbox.bill(at: world.t0.addingTimeInterval(3_600)).total
    let hour2 = world.sandbox.bill(at: world.t0.addingTimeInterval(7_200)).total
    #expect(abs(hour1 - 60.50) < 1e-9)
    #expect(abs(hour2 - 121.00) < 1e-9)
    _ = try world.sandbox.deleteProvisionedThroughput("pt", now: world.t0.addingTimeInterval(7_200))
    #expect(world.sandbox.bill(at: world.t0.addingTimeInterval(86_400)).total == hour2)
    #expect(world.sandbox.bill(at: world.t0.addingTimeInterval(86_400)).hourlyRate == 0)
  }

  @Test("storage is billed per month from the moment the custom model became Active, and stops at deletion")
  func storageBilling() throws {
    var world = try SandboxWorld.ready()
    let job = try world.createJob(SandboxWorld.novaRequest())
    let active = job.trainingEnd
    _ = world.sandbox.settle(now: active, objects: world.objects)
    #expect(world.sandbox.bill(at: active.addingTimeInterval(-1)).lines.allSatisfy { $0.category != "storage" })
    let month = active.addingTimeInterval(730 * 3_600)
    let line = try #require(world.sandbox.bill(at: month).lines.first { $0.category == "storage" })
    #expect(line.item == "nova-micro-custom-1")
    #expect(abs(try #require(line.cost) - 1.95) < 1e-9)
    #expect(line.running)
    _ = try world.sandbox.deleteCustomModel("nova-micro-custom-1", now: month)
    let after = try #require(
      world.sandbox.bill(at: month.addingTimeInterval(730 * 3_600)).lines.first {
        $0.category == "storage"
      })
    #expect(abs(try #require(after.cost) - 1.95) < 1e-9)
    #expect(!after.running)
  }

  @Test("SandboxState survives a JSON round trip after a full scenario")
  func stateRoundTrip() throws {
    let (world, now) = try Self.fullScenario()
    let state = world.sandbox.state
    #expect(!state.isEmpty)
    #expect(state.clockOffset == 2 * 86_400)
    #expect(state.jobs.count == 6)
    #expect(state.resourcesCreated > 0)
    let data = try JSONEncoder().encode(state)
    let decoded = try JSONDecoder().decode(SandboxState.self, from: data)
    #expect(decoded == state)
    let reloaded = Sandbox(state: decoded, catalog: world.sandbox.catalog, profiles: world.sandbox.profiles)
    #expect(reloaded.bill(at: now) == world.sandbox.bill(at: now))
    #expect(reloaded.customModels(at: now).map(\.modelName) == world.sandbox.customModels(at: now).map(\.modelName))
    for job in state.jobs {
      #expect(reloaded.lossCurve(of: job) == world.sandbox.lossCurve(of: job))
    }
  }

  @Test("advance moves the sandbox clock by a positive duration of at most 400 days")
  func advanceLimits() throws {
    var world = try SandboxWorld()
    #expect(sandboxError { try world.sandbox.advance(by: 0) }?.name == .validation)
    #expect(sandboxError { try world.sandbox.advance(by: 401 * 86_400) }?.name == .validation)
    try world.sandbox.advance(by: 1_800)
    try world.sandbox.advance(by: 1_800)
    #expect(world.sandbox.state.time(at: world.t0) == world.t0.addingTimeInterval(3_600))
  }

  @Test("resource ids never repeat, even with the same seed")
  func resourceIDsAreUnique() throws {
    var world = try SandboxWorld()
    var seen = Set<String>()
    for index in 0..<Sandbox.modelUnitQuota {
      var random = world.random
      let purchase = try world.sandbox.createProvisionedThroughput(
        name: "pt-\(index)", modelIdentifier: "nova-micro", modelUnits: 1, commitment: nil, now: world.t0,
        random: &random)
      seen.insert(purchase.provisionedModelArn)
    }
    #expect(seen.count == Sandbox.modelUnitQuota)
  }
}
