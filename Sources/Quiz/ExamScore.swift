/// The result of a submitted exam, with an estimated scaled score.
///
/// AWS reports a scaled score from 100 to 1,000 with 700 to pass, and does not publish how raw
/// results map to it (the mapping is equated per exam form). fmlab's estimate assumes the pass
/// mark sits at 72 % of scored items correct and maps linearly on either side:
/// 0 % → 100, 72 % → 700, 100 % → 1,000. The report states this assumption.
public struct ExamScore: Sendable, Equatable, Codable {
  public var scoredCorrect: Int
  public var scoredTotal: Int
  public var scaled: Int
  public var passed: Bool
  /// Per domain: (correct, total) over scored items.
  public var byDomain: [Int: DomainResult]

  public struct DomainResult: Sendable, Equatable, Codable {
    public var correct: Int
    public var total: Int
    public var fraction: Double { total == 0 ? 0 : Double(correct) / Double(total) }
  }

  public static let assumedCutFraction = 0.72
  public static let passingScaled = 700
  public static let method =
    "estimated: AWS does not publish its raw-to-scaled mapping; fmlab assumes 72% of scored items correct "
    + "is the 700 pass mark and maps linearly (0% → 100, 72% → 700, 100% → 1000). Unscored items do not count."

  public static func scaled(fraction: Double) -> Int {
    let p = min(1, max(0, fraction))
    let value =
      p <= assumedCutFraction
      ? 100 + p / assumedCutFraction * 600
      : 700 + (p - assumedCutFraction) / (1 - assumedCutFraction) * 300
    return Int(value.rounded())
  }

  /// Scores slots against a correctness function (unanswered counts as wrong, as on the exam).
  public init(slots: [ExamSlot], correct: (Int) -> Bool) {
    var byDomain: [Int: DomainResult] = [:]
    var right = 0
    var total = 0
    for (index, slot) in slots.enumerated() where slot.scored {
      let ok = correct(index)
      total += 1
      if ok { right += 1 }
      byDomain[slot.domain, default: DomainResult(correct: 0, total: 0)].total += 1
      if ok { byDomain[slot.domain]!.correct += 1 }
    }
    scoredCorrect = right
    scoredTotal = total
    scaled = ExamScore.scaled(fraction: total == 0 ? 0 : Double(right) / Double(total))
    passed = scaled >= ExamScore.passingScaled
    self.byDomain = byDomain
  }
}
