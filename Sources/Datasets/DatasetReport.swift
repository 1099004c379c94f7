/// The result of validating one dataset file: counts, token estimates and every problem found (up to
/// the validator's cap).
public struct DatasetReport: Sendable, Equatable, Codable {
  /// The format the file was checked against.
  public var format: DatasetFormat
  /// Whether the file was checked as a training or a validation dataset.
  public var role: DatasetRole
  /// Non-blank lines that parsed as JSON objects (records with field problems still count).
  public var records: Int
  /// Size of the file in bytes.
  public var bytes: Int
  /// Estimated tokens over all records: per record, ceil(input characters / charactersPerToken) plus
  /// ceil(output characters / charactersPerToken) plus a fixed estimate per image or video block.
  public var estimatedTokens: Int
  /// The largest per-record estimate.
  public var maxRecordTokens: Int
  /// Problems in line order, whole-file problems last. Never more than the validator's cap.
  public var problems: [DatasetProblem]
  /// Problems found beyond the cap: counted, not stored.
  public var omittedProblems: Int

  /// True when nothing is wrong with the file.
  public var isValid: Bool { problems.isEmpty && omittedProblems == 0 }

  /// A report with the given figures.
  public init(
    format: DatasetFormat, role: DatasetRole, records: Int, bytes: Int, estimatedTokens: Int, maxRecordTokens: Int,
    problems: [DatasetProblem], omittedProblems: Int
  ) {
    self.format = format
    self.role = role
    self.records = records
    self.bytes = bytes
    self.estimatedTokens = estimatedTokens
    self.maxRecordTokens = maxRecordTokens
    self.problems = problems
    self.omittedProblems = omittedProblems
  }
}
