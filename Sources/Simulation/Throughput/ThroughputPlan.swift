/// A Provisioned Throughput purchase to evaluate: model units and term for one model, with that model's
/// on-demand prices for comparison.
public struct ThroughputPlan: Sendable, Codable, Equatable {
  /// `modelUnits`: at least 1 (a smaller figure is evaluated as 1, with a note).
  public var units: Int
  /// The commitment term.
  public var term: CommitmentTerm
  /// The model's per-unit capacity and hourly prices.
  public var profile: ProvisionedProfile
  /// On-demand US dollars per 1,000 input tokens; nil when unknown (no cost comparison then).
  public var onDemandInputPer1K: Double?
  /// On-demand US dollars per 1,000 output tokens; nil when unknown.
  public var onDemandOutputPer1K: Double?

  /// Creates a plan.
  public init(
    units: Int,
    term: CommitmentTerm,
    profile: ProvisionedProfile,
    onDemandInputPer1K: Double? = nil,
    onDemandOutputPer1K: Double? = nil
  ) {
    self.units = units
    self.term = term
    self.profile = profile
    self.onDemandInputPer1K = onDemandInputPer1K
    self.onDemandOutputPer1K = onDemandOutputPer1K
  }
}
