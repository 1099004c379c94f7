import Foundation
import PropertyBased
import Testing

@testable import Simulation

/// Provisioned Throughput capacity, throttling and cost against on-demand. The figures are made up for the tests.
@Suite struct ThroughputTests {
  static let basis = Basis(illustrative: true, note: "test figure")

  /// 10,000 input and 2,000 output tokens a minute per unit; $40 / $30 / $20 an hour by term.
  static func profile(none: Double? = 40, oneMonth: Double? = 30, sixMonths: Double? = 20) -> ProvisionedProfile {
    ProvisionedProfile(
      inputTokensPerMinutePerUnit: 10_000, outputTokensPerMinutePerUnit: 2_000, hourlyNoCommitment: none,
      hourlyOneMonth: oneMonth, hourlySixMonths: sixMonths, minutesToInService: 10, capacityBasis: basis,
      priceBasis: basis
    )
  }

  static func plan(
    units: Int = 2,
    term: CommitmentTerm = .oneMonth,
    profile: ProvisionedProfile = profile(),
    input: Double? = 0.0008,
    output: Double? = 0.0032
  ) -> ThroughputPlan {
    ThroughputPlan(units: units, term: term, profile: profile, onDemandInputPer1K: input, onDemandOutputPer1K: output)
  }

  static func load(_ rpm: Double, _ input: Int = 500, _ output: Int = 50) -> ThroughputLoad {
    ThroughputLoad(requestsPerMinute: rpm, inputTokensPerRequest: input, outputTokensPerRequest: output)
  }

  @Test("a load exactly at capacity fits; a hair above it does not and the excess is throttled")
  func fitsAtTheBoundary() {
    // 2 units: 20,000 input tokens a minute ÷ 500 = 40 requests; 4,000 output ÷ 50 = 80: input binds at 40.
    let at = ThroughputSimulator.evaluate(Self.load(40), plan: Self.plan())
    #expect(at.fits)
    #expect(at.maxRequestsPerMinute == 40)
    #expect(at.inputUtilization == 1)
    #expect(at.outputUtilization == 0.5)
    #expect(at.throttledRequestsPerMinute == 0)
    #expect(at.unitsNeeded == 2)

    let over = ThroughputSimulator.evaluate(Self.load(40.5), plan: Self.plan())
    #expect(!over.fits)
    #expect(abs(over.throttledRequestsPerMinute - 0.5) < 1e-12)
    #expect(over.unitsNeeded == 3)
    #expect(over.notes.first?.contains("ThrottlingException") == true)
  }

  @Test("output capacity can be the limit too")
  func outputCanBind() {
    // 300 output tokens: 4,000 ÷ 300 = 13.33 requests a minute, below input's 20,000 ÷ 100 = 200.
    let report = ThroughputSimulator.evaluate(Self.load(14, 100, 300), plan: Self.plan())
    #expect(!report.fits)
    #expect(abs(report.maxRequestsPerMinute - 4_000.0 / 300) < 1e-9)
    #expect(report.outputUtilization > 1)
    #expect(report.inputUtilization < 1)
  }

  @Test("a boundary that is not a round number still fits exactly at capacity")
  func roundingAtTheBoundary() async {
    await propertyCheck(count: 300, input: Gen.int(in: 1...9_999), Gen.int(in: 1...1_999), Gen.int(in: 1...20)) {
      input, output, units in
      let plan = Self.plan(units: units)
      let capacity = ThroughputSimulator.evaluate(Self.load(1, input, output), plan: plan).maxRequestsPerMinute
      let report = ThroughputSimulator.evaluate(Self.load(capacity, input, output), plan: plan)
      #expect(report.fits)
      #expect(report.unitsNeeded <= units)
    }
  }

  @Test("unitsNeeded is the smallest number of units that fits")
  func unitsNeededIsTheSmallestThatFits() async {
    await propertyCheck(
      count: 300, input: Gen.double(in: 0...5_000), Gen.int(in: 0...8_000), Gen.int(in: 0...3_000)
    ) { rpm, input, output in
      let load = Self.load(rpm, input, output)
      let needed = ThroughputSimulator.evaluate(load, plan: Self.plan(units: 1)).unitsNeeded
      #expect(needed >= 1)
      #expect(ThroughputSimulator.evaluate(load, plan: Self.plan(units: needed)).fits)
      if needed > 1 {
        #expect(!ThroughputSimulator.evaluate(load, plan: Self.plan(units: needed - 1)).fits)
      }
    }
  }

  @Test("more units never throttle more, per minute or in a simulated bursty minute")
  func moreUnitsNeverThrottleMore() async {
    await propertyCheck(
      count: 200, input: Gen.double(in: 0...3_000), Gen.int(in: 1...4_000), Gen.int(in: 0...1_000),
      Gen.int(in: 1...10), Gen.int(in: 1...5), Gen.uint64()
    ) { rpm, input, output, units, extra, seed in
      let load = Self.load(rpm, input, output)
      let fewer = ThroughputSimulator.evaluate(load, plan: Self.plan(units: units))
      let more = ThroughputSimulator.evaluate(load, plan: Self.plan(units: units + extra))
      #expect(more.throttledRequestsPerMinute <= fewer.throttledRequestsPerMinute)
      #expect(!fewer.fits || more.fits)
      let minuteFewer = ThroughputSimulator.simulateMinute(load, units: units, profile: Self.profile(), seed: seed)
      let minuteMore = ThroughputSimulator.simulateMinute(
        load, units: units + extra, profile: Self.profile(), seed: seed
      )
      #expect(minuteMore.requests == minuteFewer.requests)
      #expect(minuteMore.throttled <= minuteFewer.throttled)
    }
  }

  @Test("at the break-even load on-demand costs the same as the units a month")
  func breakEvenEqualsCosts() async throws {
    await propertyCheck(
      count: 300, input: Gen.int(in: 1...5), Gen.int(in: 0...4_000), Gen.int(in: 0...2_000),
      Gen.double(in: 0.00001...0.02), Gen.double(in: 0.00001...0.08), Gen.double(in: 1...200)
    ) { units, input, output, inputPrice, outputPrice, hourly in
      guard input + output > 0 else { return }
      let plan = Self.plan(
        units: units, profile: Self.profile(oneMonth: hourly), input: inputPrice, output: outputPrice
      )
      let breakEven = try #require(
        ThroughputSimulator.evaluate(Self.load(1, input, output), plan: plan)
          .breakEvenRequestsPerMinute)
      let there = ThroughputSimulator.evaluate(Self.load(breakEven, input, output), plan: plan)
      let onDemand = try #require(there.onDemandMonthlyCost)
      let provisioned = try #require(there.provisionedMonthlyCost)
      #expect(abs(onDemand - provisioned) <= 1e-9 * provisioned)
    }
  }

  @Test("below break-even on-demand is cheaper, above it Provisioned Throughput is")
  func cheaperSwitchesAtBreakEven() throws {
    let plan = Self.plan(units: 1, profile: Self.profile(oneMonth: 1))
    // 1 unit at $1 an hour = $730 a month; a request costs 500 × 0.0008/1000 + 50 × 0.0032/1000 = $0.00056.
    let breakEven = try #require(ThroughputSimulator.evaluate(Self.load(1), plan: plan).breakEvenRequestsPerMinute)
    #expect(abs(breakEven - 730 / (43_800 * 0.00056)) < 1e-9)
    #expect(ThroughputSimulator.evaluate(Self.load(breakEven * 0.9), plan: plan).cheaper == .onDemand)
    #expect(ThroughputSimulator.evaluate(Self.load(breakEven * 1.1), plan: plan).cheaper == .provisionedThroughput)
  }

  @Test("monthly cost is hourly × units × 730 hours; on-demand is the load for 43,800 minutes")
  func monthlyCosts() throws {
    let report = ThroughputSimulator.evaluate(Self.load(30), plan: Self.plan(units: 3, term: .sixMonths))
    #expect(report.provisionedHourlyCost == 60)
    let monthly = try #require(report.provisionedMonthlyCost)
    #expect(monthly == 43_800, "$60 an hour × 730 hours")
    let commitment = try #require(report.commitmentCost)
    #expect(commitment == 262_800, "six months of it")
    let onDemand = try #require(report.onDemandMonthlyCost)
    #expect(abs(onDemand - 30 * 43_800 * (0.5 * 0.0008 + 0.05 * 0.0032)) < 1e-9)
    #expect(ThroughputSimulator.hoursPerMonth == 730)
    #expect(ThroughputSimulator.minutesPerMonth == 730 * 60)
    #expect(report.notes.contains { $0.contains("$43,800.00 a month ($60.00 an hour × 730 hours)") })
  }

  @Test("with every term priced, no commitment costs more than 1 month, which costs more than 6 months")
  func longerTermsAreCheaper() throws {
    let costs = try CommitmentTerm.allCases.map { term in
      try #require(ThroughputSimulator.evaluate(Self.load(10), plan: Self.plan(term: term)).provisionedMonthlyCost)
    }
    #expect(costs[0] > costs[1])
    #expect(costs[1] > costs[2])
    #expect(Self.profile().throughputProblems.isEmpty)
    let inverted = Self.profile(none: 20, oneMonth: 30, sixMonths: 40)
    #expect(inverted.throughputProblems.count == 3)
    #expect(Self.profile(none: nil).throughputProblems.isEmpty, "a missing term is not a problem")
  }

  @Test("a term with no price gives no PT cost and a note saying the term may not be offered")
  func missingTermPriceIsANote() {
    let plan = Self.plan(term: .noCommitment, profile: Self.profile(none: nil))
    let report = ThroughputSimulator.evaluate(Self.load(10), plan: plan)
    #expect(report.provisionedHourlyCost == nil)
    #expect(report.provisionedMonthlyCost == nil)
    #expect(report.breakEvenRequestsPerMinute == nil)
    #expect(report.cheaper == nil)
    #expect(report.onDemandMonthlyCost != nil)
    #expect(report.fits, "capacity is still evaluated")
    #expect(report.notes.contains { $0.contains("No no-commitment hourly price") })
  }

  @Test("without on-demand prices there is no on-demand cost, break-even or comparison")
  func missingOnDemandPrice() {
    let report = ThroughputSimulator.evaluate(Self.load(10), plan: Self.plan(input: nil, output: nil))
    #expect(report.onDemandMonthlyCost == nil)
    #expect(report.breakEvenRequestsPerMinute == nil)
    #expect(report.cheaper == nil)
    #expect(report.provisionedMonthlyCost != nil)
    let embeddings = ThroughputSimulator.evaluate(Self.load(10, 500, 0), plan: Self.plan(output: nil))
    #expect(embeddings.onDemandMonthlyCost != nil, "an output price is not needed when nothing is generated")
  }

  @Test("a plan with fewer than 1 unit is evaluated as 1, with a note")
  func atLeastOneUnit() {
    let report = ThroughputSimulator.evaluate(Self.load(10), plan: Self.plan(units: 0))
    #expect(report.units == 1)
    #expect(report.notes.first?.contains("at least 1 model unit") == true)
  }

  @Test("the terms carry the API's commitmentDuration values")
  func termRawValues() {
    #expect(CommitmentTerm.noCommitment.rawValue == "none")
    #expect(CommitmentTerm.oneMonth.rawValue == "OneMonth")
    #expect(CommitmentTerm.sixMonths.rawValue == "SixMonths")
    #expect(CommitmentTerm.noCommitment.commitmentDuration == nil)
    #expect(CommitmentTerm.sixMonths.commitmentDuration == "SixMonths")
    #expect(
      ThroughputSimulator.evaluate(Self.load(1), plan: Self.plan(term: .sixMonths)).notes
        .contains { $0.contains("cannot delete before the term ends") })
  }

  @Test("the cost curve is flat for PT and a straight line through zero for on-demand")
  func costCurveShape() throws {
    let points = ThroughputSimulator.costCurve(
      plan: Self.plan(), inputTokensPerRequest: 500, outputTokensPerRequest: 50, maxRequestsPerMinute: 100,
      points: 11
    )
    try #require(points.count == 11)
    #expect(points.first?.requestsPerMinute == 0)
    #expect(points.last?.requestsPerMinute == 100)
    #expect(points.first?.onDemandMonthlyCost == 0)
    #expect(Set(points.map(\.provisionedMonthlyCost)).count == 1)
    let onDemand = try points.map { try #require($0.onDemandMonthlyCost) }
    let steps = zip(onDemand, onDemand.dropFirst()).map { $1 - $0 }
    #expect(steps.allSatisfy { abs($0 - steps[0]) < 1e-9 })
    #expect(points.map(\.withinCapacity) == points.map { $0.requestsPerMinute <= 40 })
    #expect(
      ThroughputSimulator.costCurve(
        plan: Self.plan(), inputTokensPerRequest: 1, outputTokensPerRequest: 1, maxRequestsPerMinute: 5, points: 0
      ).count == 2)
  }

  @Test("a simulated minute is deterministic by seed and its counts add up")
  func minuteIsConsistent() async {
    await propertyCheck(count: 200, input: Gen.double(in: 0...200), Gen.int(in: 1...5), Gen.uint64()) {
      rpm, units, seed in
      let load = Self.load(rpm)
      let minute = ThroughputSimulator.simulateMinute(load, units: units, profile: Self.profile(), seed: seed)
      #expect(minute == ThroughputSimulator.simulateMinute(load, units: units, profile: Self.profile(), seed: seed))
      #expect(minute.seconds.map(\.second) == Array(0..<60))
      #expect(minute.requests == minute.seconds.reduce(0) { $0 + $1.arrived })
      #expect(abs(Double(minute.requests) - rpm) < 1, "the minute carries the load, rounded")
      #expect(minute.admitted + minute.throttled == minute.requests)
      #expect(minute.seconds.allSatisfy { $0.admitted + $0.throttled == $0.arrived })
      // Requests are all the same size, so the budget serves the first floor(capacity) of them.
      let capacity = Int(
        (ThroughputSimulator.evaluate(load, plan: Self.plan(units: units)).maxRequestsPerMinute)
          .rounded(.down))
      #expect(minute.admitted == min(minute.requests, capacity))
      #expect((minute.firstThrottledSecond == nil) == (minute.throttled == 0))
      #expect(minute.seconds.allSatisfy { $0.inputTokensLeft >= 0 && $0.outputTokensLeft >= 0 })
    }
  }

  @Test("traffic in a simulated minute comes in bursts, and throttling starts when the budget runs out")
  func minuteIsBursty() throws {
    // 200 units carry 4,000 requests a minute of this size; 3,000 arrive, unevenly.
    let minute = ThroughputSimulator.simulateMinute(Self.load(3_000), units: 200, profile: Self.profile(), seed: 7)
    let arrivals = minute.seconds.map(\.arrived)
    #expect(arrivals.max()! > 2 * arrivals.min()!)
    #expect(minute.throttled == 0)
    #expect(minute.firstThrottledSecond == nil)
    #expect(minute.notes.first?.hasPrefix("All 3000 requests were served") == true)
    let over = ThroughputSimulator.simulateMinute(Self.load(100), units: 1, profile: Self.profile(), seed: 7)
    let first = try #require(over.firstThrottledSecond)
    #expect(over.admitted == 20)
    #expect(over.throttled == over.requests - 20)
    #expect(over.seconds[..<first].allSatisfy { $0.throttled == 0 })
    #expect(over.seconds[(first + 1)...].allSatisfy { $0.admitted == 0 }, "once spent, the budget stays spent")
    #expect(over.notes.first?.contains("ThrottlingException") == true)
  }
}
