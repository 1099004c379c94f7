/// How long a Provisioned Throughput purchase commits to paying for its model units.
///
/// Raw values follow the API: `commitmentDuration` is `OneMonth` or `SixMonths`, and omitted for no commitment
/// (here `none`). The longer the term, the lower the hourly price, and a committed PT cannot be deleted before
/// its term ends.
public enum CommitmentTerm: String, Sendable, Codable, CaseIterable {
  /// No commitment: billed hourly while the PT exists, delete any time; highest hourly rate; only some base models.
  case noCommitment = "none"
  /// One month: billed for every hour of the month; cannot be deleted before the month ends.
  case oneMonth = "OneMonth"
  /// Six months: the lowest hourly rate; cannot be deleted before the six months end.
  case sixMonths = "SixMonths"

  /// The `commitmentDuration` the API takes: nil (omitted) for no commitment.
  public var commitmentDuration: String? { self == .noCommitment ? nil : rawValue }

  /// Months the term commits to: 0 for no commitment, 1 or 6.
  public var months: Int {
    switch self {
    case .noCommitment: 0
    case .oneMonth: 1
    case .sixMonths: 6
    }
  }

  /// How the term reads in a sentence ("no-commitment", "1-month", "6-month").
  public var label: String {
    switch self {
    case .noCommitment: "no-commitment"
    case .oneMonth: "1-month"
    case .sixMonths: "6-month"
    }
  }
}
