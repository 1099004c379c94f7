/// One point of a cost chart: the monthly cost of on-demand and of a Provisioned Throughput plan at a load.
public struct ThroughputCostPoint: Sendable, Codable, Equatable {
  /// The load, in requests a minute.
  public var requestsPerMinute: Double
  /// On-demand cost a month at this load (rises in a straight line); nil without on-demand prices.
  public var onDemandMonthlyCost: Double?
  /// The plan's cost a month (flat: billed whether or not traffic is sent); nil without a price for the term.
  public var provisionedMonthlyCost: Double?
  /// True when the plan's units carry this load without throttling.
  public var withinCapacity: Bool

  /// Creates a point.
  public init(
    requestsPerMinute: Double,
    onDemandMonthlyCost: Double?,
    provisionedMonthlyCost: Double?,
    withinCapacity: Bool
  ) {
    self.requestsPerMinute = requestsPerMinute
    self.onDemandMonthlyCost = onDemandMonthlyCost
    self.provisionedMonthlyCost = provisionedMonthlyCost
    self.withinCapacity = withinCapacity
  }
}
