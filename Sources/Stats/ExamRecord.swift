import Foundation

/// A finished mock exam.
public struct ExamRecord: Sendable, Hashable, Codable {
  /// Scored items right and in total for one domain.
  public struct DomainResult: Sendable, Hashable, Codable {
    /// Correct scored items.
    public var correct: Int
    /// Scored items.
    public var total: Int

    /// Creates a result.
    public init(correct: Int, total: Int) {
      self.correct = correct
      self.total = total
    }

    /// `correct / total`, or `nil` for no items.
    public var fraction: Double? { Stats.ratio(correct, total) }
  }

  /// The store's exam id.
  public var id: Int
  /// When it was submitted.
  public var finishedAt: Date
  /// Scored items correct.
  public var correct: Int
  /// Scored items.
  public var scored: Int
  /// fmlab's estimated scaled score (100–1000).
  public var estimatedScaledScore: Int
  /// Whether the estimate reached 700.
  public var passed: Bool
  /// Per domain number.
  public var perDomain: [Int: DomainResult]

  /// Creates a record.
  public init(
    id: Int, finishedAt: Date, correct: Int, scored: Int, estimatedScaledScore: Int, passed: Bool,
    perDomain: [Int: DomainResult] = [:]
  ) {
    self.id = id
    self.finishedAt = finishedAt
    self.correct = correct
    self.scored = scored
    self.estimatedScaledScore = estimatedScaledScore
    self.passed = passed
    self.perDomain = perDomain
  }

  /// `correct / scored`, or `nil` if nothing was scored.
  public var fraction: Double? { Stats.ratio(correct, scored) }
}
