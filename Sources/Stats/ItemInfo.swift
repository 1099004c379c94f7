/// What statistics need to know about one exam item of the bank.
public struct ItemInfo: Sendable, Hashable, Codable {
  /// Item id.
  public var id: String
  /// Exam domain 1…5.
  public var domain: Int
  /// Exam-guide objective, e.g. `"3.1.2"`.
  public var objective: String
  /// The FSRS card that schedules this item, if any.
  public var cardID: String?
  /// Number of options a guess chooses from (4 for single-answer multiple choice); `nil` when guessing earns
  /// no credit to speak of (multiple response, ordering, matching, free recall).
  public var optionCount: Int?

  /// Creates an item.
  public init(id: String, domain: Int, objective: String, cardID: String? = nil, optionCount: Int? = 4) {
    self.id = id
    self.domain = domain
    self.objective = objective
    self.cardID = cardID
    self.optionCount = optionCount
  }

  /// Probability of a correct blind guess: `1/m` for `m ≥ 2` options, otherwise 0.
  public var guessProbability: Double {
    guard let m = optionCount, m >= 2 else { return 0 }
    return 1 / Double(m)
  }
}
