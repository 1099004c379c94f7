/// What a Provisioned Throughput plan does with a load: how full it runs, what it throttles, what it costs
/// against on-demand.
///
/// A missing price is not an error: the costs that need it are nil and a note says why (a term with no hourly
/// price in the profile is treated as not offered for the model).
public struct ThroughputReport: Sendable, Codable, Equatable {
  /// Which way of paying costs less at the load.
  public enum PricingOption: String, Sendable, Codable {
    /// Provisioned Throughput (hourly per model unit).
    case provisionedThroughput
    /// On-demand (per token).
    case onDemand
    /// Both cost the same (within a relative 1e-12).
    case same
  }

  /// The model units evaluated (at least 1).
  public var units: Int
  /// Input tokens a minute the load needs ÷ the units' input capacity (above 1 = over capacity).
  public var inputUtilization: Double
  /// Output tokens a minute the load needs ÷ the units' output capacity.
  public var outputUtilization: Double
  /// True when both input and output demand fit the units' per-minute capacity.
  public var fits: Bool
  /// Requests a minute beyond capacity: these get `ThrottlingException` (HTTP 429). 0 when the load fits.
  public var throttledRequestsPerMinute: Double
  /// The most requests a minute these units carry at this request size: where throttling starts.
  public var maxRequestsPerMinute: Double
  /// The fewest model units that carry the load (at least 1); 0 when the profile gives no capacity.
  public var unitsNeeded: Int
  /// US dollars an hour for the units on the plan's term; nil when the term has no price.
  public var provisionedHourlyCost: Double?
  /// Hourly cost × 730 hours; nil when the term has no price.
  public var provisionedMonthlyCost: Double?
  /// What the term commits to in all: monthly cost × months (1 or 6); nil for no commitment or no price.
  public var commitmentCost: Double?
  /// The load at on-demand prices for 43,800 minutes (730 hours); nil without on-demand prices.
  public var onDemandMonthlyCost: Double?
  /// Requests a minute at which on-demand costs the same as these units a month; nil without both prices.
  public var breakEvenRequestsPerMinute: Double?
  /// Which option is cheaper at this load; nil when either cost is unknown.
  public var cheaper: PricingOption?
  /// Plain-English sentences for learners, most important first.
  public var notes: [String]

  /// Creates a report from its parts.
  public init(
    units: Int,
    inputUtilization: Double,
    outputUtilization: Double,
    fits: Bool,
    throttledRequestsPerMinute: Double,
    maxRequestsPerMinute: Double,
    unitsNeeded: Int,
    provisionedHourlyCost: Double?,
    provisionedMonthlyCost: Double?,
    commitmentCost: Double?,
    onDemandMonthlyCost: Double?,
    breakEvenRequestsPerMinute: Double?,
    cheaper: PricingOption?,
    notes: [String]
  ) {
    self.units = units
    self.inputUtilization = inputUtilization
    self.outputUtilization = outputUtilization
    self.fits = fits
    self.throttledRequestsPerMinute = throttledRequestsPerMinute
    self.maxRequestsPerMinute = maxRequestsPerMinute
    self.unitsNeeded = unitsNeeded
    self.provisionedHourlyCost = provisionedHourlyCost
    self.provisionedMonthlyCost = provisionedMonthlyCost
    self.commitmentCost = commitmentCost
    self.onDemandMonthlyCost = onDemandMonthlyCost
    self.breakEvenRequestsPerMinute = breakEvenRequestsPerMinute
    self.cheaper = cheaper
    self.notes = notes
  }
}
