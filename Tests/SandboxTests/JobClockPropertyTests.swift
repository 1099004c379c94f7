import Foundation
import PropertyBased
import Sandbox
import Testing

/// Invariants of a job's snapshot at any moment, with or without a stop, checked on generated times.
@Suite("Customization job clock properties")
struct JobClockPropertyTests {
  /// One planned job (and its stopped twin) shared by the properties: built once, read only.
  struct Plan: Sendable {
    var job: CustomizationJob
    var failing: CustomizationJob
  }

  static let plan: Plan? = {
    guard var world = try? SandboxWorld.ready() else { return nil }
    guard let job = try? world.createJob(SandboxWorld.novaRequest(job: "clock", model: "clock")) else { return nil }
    var request = SandboxWorld.titanRequest(job: "diverge", model: "diverge", hyperParameters: ["learningRate": "0.01"])
    request.validationDataURI = nil
    guard let failing = try? world.createJob(request) else { return nil }
    return Plan(job: job, failing: failing)
  }()

  /// Checks what must hold of every snapshot.
  static func checkInvariants(_ snapshot: CustomizationJob.Snapshot, context: String) {
    let stages = [snapshot.validationDetails, snapshot.dataProcessingDetails, snapshot.trainingDetails]
    for index in 1..<stages.count where stages[index] != .notStarted {
      #expect(stages[index - 1] == .completed, "a later stage started before an earlier one completed: \(context)")
    }
    #expect((snapshot.status == .completed) == stages.allSatisfy { $0 == .completed }, "\(context)")
    #expect(stages.filter { $0 == .inProgress }.count <= 1, "\(context)")
    if snapshot.status == .inProgress { #expect(stages.contains(.inProgress), "\(context)") }
    if snapshot.status == .failed {
      #expect(stages.filter { $0 == .failed }.count == 1, "\(context)")
      #expect(snapshot.failureMessage != nil, "\(context)")
    } else {
      #expect(!stages.contains(.failed), "\(context)")
      #expect(snapshot.failureMessage == nil, "\(context)")
    }
    if snapshot.status == .stopped || snapshot.status == .stopping {
      #expect(stages.contains(snapshot.status == .stopped ? .stopped : .stopping), "\(context)")
    }
    #expect((0...1).contains(snapshot.trainingProgress), "\(context)")
    #expect((snapshot.endTime != nil) == [.completed, .failed, .stopped].contains(snapshot.status), "\(context)")
  }

  @Test("at any moment the stages run in order and the job status agrees with them")
  func snapshotsAreConsistent() async throws {
    let plan = try #require(Self.plan)
    await propertyCheck(count: 300, input: Gen.double(in: 0...3_000), Gen.double(in: 0...1)) { offset, pick in
      let job = pick < 0.5 ? plan.job : plan.failing
      Self.checkInvariants(
        job.snapshot(at: job.creationTime.addingTimeInterval(offset)), context: "\(job.jobName) at +\(offset)s")
    }
  }

  @Test("after a stop at any moment of an InProgress job, the invariants hold and it ends Stopped")
  func stoppedSnapshotsAreConsistent() async throws {
    let plan = try #require(Self.plan)
    let span = plan.job.trainingEnd.timeIntervalSince(plan.job.creationTime)
    await propertyCheck(count: 300, input: Gen.double(in: 0...1), Gen.double(in: 0...3_000)) { stopFraction, after in
      var job = plan.job
      let stopAt = job.creationTime.addingTimeInterval(span * stopFraction * 0.999)
      job.stopRequestedAt = stopAt
      let now = stopAt.addingTimeInterval(after)
      Self.checkInvariants(job.snapshot(at: now), context: "stop at \(stopFraction), +\(after)s")
      if after >= CustomizationJob.stoppingSeconds {
        #expect(job.snapshot(at: now).status == .stopped)
      }
    }
  }

  @Test("training progress and cost never decrease as the clock moves on")
  func progressAndCostAreMonotonic() async throws {
    let plan = try #require(Self.plan)
    await propertyCheck(count: 300, input: Gen.double(in: 0...2_500), Gen.double(in: 0...600), Gen.double(in: 0...1)) {
      start, step, pick in
      let job = pick < 0.5 ? plan.job : plan.failing
      let earlier = job.creationTime.addingTimeInterval(start)
      let later = earlier.addingTimeInterval(step)
      #expect(job.snapshot(at: earlier).trainingProgress <= job.snapshot(at: later).trainingProgress)
      #expect(job.trainingCost(at: earlier) <= job.trainingCost(at: later))
    }
  }
}
