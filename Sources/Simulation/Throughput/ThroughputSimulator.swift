import Core
import Foundation

/// Provisioned Throughput capacity and economics: does a load fit a number of model units, what is throttled,
/// and when is PT cheaper than on-demand.
///
/// A model unit carries a fixed number of input tokens and output tokens a minute (per-model figures from the
/// profile: AWS gives them to customers through their account team). Costs use **730 hours a month**
/// (8,760 hours a year ÷ 12) and so 43,800 minutes of steady load; PT is billed every hour whether or not traffic
/// is sent. Throttling is modelled per minute: requests beyond the minute's capacity get `ThrottlingException`
/// (HTTP 429). How Bedrock meters capacity within a minute is not published; the per-minute budget is a model.
public enum ThroughputSimulator {
  /// Hours in a billing month: 730 (8,760 hours a year ÷ 12).
  public static let hoursPerMonth = 730.0
  /// Minutes in a billing month: 730 × 60 = 43,800.
  public static let minutesPerMonth = 43_800.0

  /// Evaluates `load` against `plan`: utilisation, throttling, units needed, monthly costs and break-even.
  public static func evaluate(_ load: ThroughputLoad, plan: ThroughputPlan) -> ThroughputReport {
    let units = max(1, plan.units)
    let profile = plan.profile
    let rpm = max(0, load.requestsPerMinute)
    let capacity = Capacity(profile: profile, units: units)
    let maxRPM = capacity.maxRequestsPerMinute(load)
    let fits = capacity.carries(load)
    let throttled = fits ? 0 : max(0, rpm - maxRPM)
    let needed = unitsNeeded(load, profile: profile)

    let hourly = profile.hourlyPrice(for: plan.term).map { $0 * Double(units) }
    let monthly = hourly.map { $0 * hoursPerMonth }
    let commitment = plan.term.months > 0 ? monthly.map { $0 * Double(plan.term.months) } : nil
    let perRequest = onDemandCostPerRequest(load, plan: plan)
    let onDemand = perRequest.map { rpm * minutesPerMonth * $0 }
    var breakEven: Double?
    if let monthly, let perRequest, perRequest > 0 {
      breakEven = monthly / (minutesPerMonth * perRequest)
    }
    var cheaper: ThroughputReport.PricingOption?
    if let monthly, let onDemand {
      if abs(monthly - onDemand) <= 1e-12 * max(monthly, onDemand) {
        cheaper = .same
      } else {
        cheaper = monthly < onDemand ? .provisionedThroughput : .onDemand
      }
    }

    var report = ThroughputReport(
      units: units,
      inputUtilization: utilization(load.inputTokensPerMinute, capacity.input),
      outputUtilization: utilization(load.outputTokensPerMinute, capacity.output),
      fits: fits,
      throttledRequestsPerMinute: throttled,
      maxRequestsPerMinute: maxRPM,
      unitsNeeded: needed,
      provisionedHourlyCost: hourly,
      provisionedMonthlyCost: monthly,
      commitmentCost: commitment,
      onDemandMonthlyCost: onDemand,
      breakEvenRequestsPerMinute: breakEven,
      cheaper: cheaper,
      notes: []
    )
    report.notes = ThroughputNotes.report(report, load: load, plan: plan)
    return report
  }

  /// The fewest model units (at least 1) whose capacity carries `load`; 0 when the profile gives no capacity for
  /// a kind of token the load uses.
  public static func unitsNeeded(_ load: ThroughputLoad, profile: ProvisionedProfile) -> Int {
    let perUnitIn = Double(profile.inputTokensPerMinutePerUnit)
    let perUnitOut = Double(profile.outputTokensPerMinutePerUnit)
    let demandIn = load.inputTokensPerMinute
    let demandOut = load.outputTokensPerMinute
    if (demandIn > 0 && perUnitIn <= 0) || (demandOut > 0 && perUnitOut <= 0) { return 0 }
    let estimate = max(demandIn > 0 ? demandIn / perUnitIn : 0, demandOut > 0 ? demandOut / perUnitOut : 0)
    var units = max(1, Int(min(estimate.rounded(.up), 1e15)))
    // Settle rounding at the boundary against the same test `evaluate` uses.
    while !Capacity(profile: profile, units: units).carries(load) { units += 1 }
    while units > 1 && Capacity(profile: profile, units: units - 1).carries(load) { units -= 1 }
    return units
  }

  /// Monthly cost of on-demand and of `plan` at `points` evenly spaced loads from 0 to `maxRequestsPerMinute`
  /// (at least 2 points), for a chart: PT is flat, on-demand a straight line through 0.
  public static func costCurve(
    plan: ThroughputPlan,
    inputTokensPerRequest: Int,
    outputTokensPerRequest: Int,
    maxRequestsPerMinute: Double,
    points: Int
  ) -> [ThroughputCostPoint] {
    let count = max(2, points)
    let top = max(0, maxRequestsPerMinute)
    let units = max(1, plan.units)
    let capacity = Capacity(profile: plan.profile, units: units)
    let monthly = plan.profile.hourlyPrice(for: plan.term).map { $0 * Double(units) * hoursPerMonth }
    return (0..<count).map { index in
      let rpm = top * Double(index) / Double(count - 1)
      let load = ThroughputLoad(
        requestsPerMinute: rpm,
        inputTokensPerRequest: inputTokensPerRequest,
        outputTokensPerRequest: outputTokensPerRequest
      )
      return ThroughputCostPoint(
        requestsPerMinute: rpm,
        onDemandMonthlyCost: onDemandCostPerRequest(load, plan: plan).map { rpm * minutesPerMonth * $0 },
        provisionedMonthlyCost: monthly,
        withinCapacity: capacity.carries(load)
      )
    }
  }

  /// Simulates one minute of bursty traffic at `load` against `units` model units, second by second.
  ///
  /// Arrivals: `⌊requestsPerMinute + u⌋` requests (u uniform, so the mean is the load) spread over 60 seconds in
  /// proportion to weights `(0.5 + u) × (4 if the second is a burst, else 1)`, a second being a burst with
  /// probability 0.15 (illustrative). Capacity: the minute starts with a budget of the units' input and output
  /// tokens per minute, not refilled within the minute (a per-minute token bucket); requests are served in order
  /// of arrival while both budgets cover a request, the rest are throttled. The arrivals depend only on the load
  /// and the seed, so more units never throttle more.
  public static func simulateMinute(
    _ load: ThroughputLoad,
    units: Int,
    profile: ProvisionedProfile,
    seed: UInt64
  ) -> MinuteSimulation {
    var generator = SeededGenerator(seed: seed)
    let arrivals = burstyArrivals(load.requestsPerMinute, generator: &generator)
    let units = max(1, units)
    let inputBudget = units * max(0, profile.inputTokensPerMinutePerUnit)
    let outputBudget = units * max(0, profile.outputTokensPerMinutePerUnit)
    let inputSize = max(0, load.inputTokensPerRequest)
    let outputSize = max(0, load.outputTokensPerRequest)
    var inputLeft = inputBudget
    var outputLeft = outputBudget
    var seconds: [MinuteSimulation.Second] = []
    seconds.reserveCapacity(60)
    var firstThrottled: Int?
    for (second, arrived) in arrivals.enumerated() {
      let byInput = inputSize > 0 ? inputLeft / inputSize : Int.max
      let byOutput = outputSize > 0 ? outputLeft / outputSize : Int.max
      let admitted = min(arrived, byInput, byOutput)
      inputLeft -= admitted * inputSize
      outputLeft -= admitted * outputSize
      if admitted < arrived && firstThrottled == nil { firstThrottled = second }
      seconds.append(
        MinuteSimulation.Second(
          second: second,
          arrived: arrived,
          admitted: admitted,
          throttled: arrived - admitted,
          inputTokensLeft: inputLeft,
          outputTokensLeft: outputLeft
        )
      )
    }
    let requests = arrivals.reduce(0, +)
    let admitted = seconds.reduce(0) { $0 + $1.admitted }
    var minute = MinuteSimulation(
      seconds: seconds,
      inputTokenBudget: inputBudget,
      outputTokenBudget: outputBudget,
      requests: requests,
      admitted: admitted,
      throttled: requests - admitted,
      firstThrottledSecond: firstThrottled,
      notes: []
    )
    minute.notes = ThroughputNotes.minute(minute, units: units)
    return minute
  }

  // MARK: - Helpers

  /// The capacity of a number of units of one model, per minute.
  struct Capacity {
    let input: Double
    let output: Double

    init(profile: ProvisionedProfile, units: Int) {
      input = Double(units) * Double(profile.inputTokensPerMinutePerUnit)
      output = Double(units) * Double(profile.outputTokensPerMinutePerUnit)
    }

    /// True when both demands fit (with a relative 1e-12 allowance for rounding at the exact boundary).
    func carries(_ load: ThroughputLoad) -> Bool {
      load.inputTokensPerMinute <= input * (1 + 1e-12) && load.outputTokensPerMinute <= output * (1 + 1e-12)
    }

    /// Requests a minute at which the first of the two capacities runs out.
    func maxRequestsPerMinute(_ load: ThroughputLoad) -> Double {
      var limit = Double.greatestFiniteMagnitude
      if load.inputTokensPerRequest > 0 { limit = min(limit, max(0, input) / Double(load.inputTokensPerRequest)) }
      if load.outputTokensPerRequest > 0 {
        limit = min(limit, max(0, output) / Double(load.outputTokensPerRequest))
      }
      return limit
    }
  }

  /// Demand ÷ capacity; the largest finite number when there is demand but no capacity.
  private static func utilization(_ demand: Double, _ capacity: Double) -> Double {
    if capacity > 0 { return demand / capacity }
    return demand > 0 ? .greatestFiniteMagnitude : 0
  }

  /// On-demand US dollars for one request of the load; nil when a price the request needs is missing.
  static func onDemandCostPerRequest(_ load: ThroughputLoad, plan: ThroughputPlan) -> Double? {
    let input = Double(max(0, load.inputTokensPerRequest))
    let output = Double(max(0, load.outputTokensPerRequest))
    if plan.onDemandInputPer1K == nil && plan.onDemandOutputPer1K == nil { return nil }
    if input > 0 && plan.onDemandInputPer1K == nil { return nil }
    if output > 0 && plan.onDemandOutputPer1K == nil { return nil }
    return input / 1_000 * (plan.onDemandInputPer1K ?? 0) + output / 1_000 * (plan.onDemandOutputPer1K ?? 0)
  }

  /// Requests arriving in each of 60 seconds, summing to `⌊rpm + u⌋`, with bursts (largest-remainder rounding).
  private static func burstyArrivals(_ rpm: Double, generator: inout SeededGenerator) -> [Int] {
    let mean = min(max(0, rpm.isFinite ? rpm : 0), 1e12)
    let total = Int((mean + generator.nextUnitDouble()).rounded(.down))
    var weights: [Double] = []
    weights.reserveCapacity(60)
    for _ in 0..<60 {
      let jitter = 0.5 + generator.nextUnitDouble()
      let burst = generator.nextUnitDouble() < 0.15 ? 4.0 : 1.0
      weights.append(jitter * burst)
    }
    let sum = weights.reduce(0, +)
    let shares = weights.map { Double(total) * $0 / sum }
    var counts = shares.map { Int($0.rounded(.down)) }
    let remainders = shares.enumerated().map { ($0.offset, $0.element - $0.element.rounded(.down)) }
    let missing = total - counts.reduce(0, +)
    for (index, _) in remainders.sorted(by: { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }).prefix(max(0, missing)) {
      counts[index] += 1
    }
    return counts
  }
}
