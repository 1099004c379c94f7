extension ProvisionedProfile {
  /// The hourly price of one model unit on `term`; nil where the profile gives none (the term is not offered or
  /// its price is unknown).
  public func hourlyPrice(for term: CommitmentTerm) -> Double? {
    switch term {
    case .noCommitment: hourlyNoCommitment
    case .oneMonth: hourlyOneMonth
    case .sixMonths: hourlySixMonths
    }
  }

  /// Problems with the profile's prices and capacity, as sentences; empty when it is consistent: capacities
  /// positive, prices positive, and a longer term never dearer per hour (no commitment > 1 month > 6 months
  /// among the prices given).
  public var throughputProblems: [String] {
    var problems: [String] = []
    if inputTokensPerMinutePerUnit <= 0 || outputTokensPerMinutePerUnit <= 0 {
      problems.append("A model unit must carry a positive number of input and output tokens per minute.")
    }
    let priced = CommitmentTerm.allCases.compactMap { term in hourlyPrice(for: term).map { (term, $0) } }
    for (term, price) in priced where !(price > 0) {
      problems.append("The \(term.label) hourly price must be positive.")
    }
    for (index, (shorter, shorterPrice)) in priced.enumerated() {
      for (longer, longerPrice) in priced[(index + 1)...] where !(shorterPrice > longerPrice) {
        problems.append("The \(longer.label) hourly price should be lower than the \(shorter.label) price.")
      }
    }
    return problems
  }
}
