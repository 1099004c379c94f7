import Foundation

/// Per exam-guide objective: practice, memory and a weakness score, weakest first.
///
/// **Weakness** = 1 − mastery, where mastery is the mean of what is known: the objective's accuracy over all
/// attempts Beta-smoothed toward its domain (``PriorSettings``; only when it has attempts) and the mean
/// retrievability now of its items' FSRS cards (only when some have memory). An objective with neither has
/// mastery 0 (weakness 1): nothing has been learnt yet. Ties go to the domain with more exam questions, then
/// objective order.
public struct ObjectiveStats: Sendable, Hashable, Codable {
  /// One objective.
  public struct Entry: Sendable, Hashable, Codable {
    /// Objective id, e.g. `"3.1.2"`.
    public var objective: String
    /// Its domain.
    public var domain: Int
    /// Bank items.
    public var items: Int
    /// Items whose FSRS card has memory.
    public var cards: Int
    /// Attempts (quiz, exam, drill).
    public var attempts: Int
    /// Correct attempts.
    public var correct: Int
    /// `correct / attempts`, or `nil` with none.
    public var accuracy: Double?
    /// Mean retrievability now of its cards, or `nil` with none.
    public var meanRetrievability: Double?
    /// In [0, 1]; higher is weaker.
    public var weakness: Double
    /// The command that trains it: `drill weak` when memory is the weaker part, else `quiz --objective …`.
    public var command: String
  }

  /// Objectives, weakest first.
  public var objectives: [Entry]

  /// Objective statistics of `input`.
  public static func compute(_ input: StatsInput, priors: PriorSettings = PriorSettings()) -> ObjectiveStats {
    let evidence = Evidence(items: input.items, attempts: input.attemptSummaries, settings: priors)
    let retrievability = CardMemory.retrievabilityNow(input.cards, context: input.context)
    let count = evidence.objectives.count
    var items = [Int](repeating: 0, count: count)
    var cards = [Int](repeating: 0, count: count)
    var sumR = [Double](repeating: 0, count: count)
    for (i, item) in input.items.enumerated() {
      let o = evidence.itemObjective[i]
      items[o] += 1
      if let id = item.cardID, let r = retrievability[id] {
        cards[o] += 1
        sumR[o] += r
      }
    }
    let weight = Dictionary(
      input.context.blueprint.domains.map { ($0.number, $0.scoredQuestions) }, uniquingKeysWith: { a, _ in a })
    var entries: [Entry] = []
    entries.reserveCapacity(count)
    for o in 0..<count {
      let all = evidence.objectiveAll[o]
      let meanR = cards[o] > 0 ? sumR[o] / Double(cards[o]) : nil
      let smoothed = all.total > 0 ? evidence.objectiveAccuracySmoothed(o) : nil
      let parts = [smoothed, meanR].compactMap { $0 }
      let mastery = parts.isEmpty ? 0 : parts.reduce(0, +) / Double(parts.count)
      let name = evidence.objectives[o]
      let memoryWeaker = meanR != nil && (smoothed == nil || meanR! < smoothed!)
      entries.append(
        Entry(
          objective: name, domain: evidence.objectiveDomain[o], items: items[o], cards: cards[o],
          attempts: all.total, correct: all.correct, accuracy: Stats.ratio(all.correct, all.total),
          meanRetrievability: meanR, weakness: 1 - mastery,
          command: memoryWeaker ? "drill weak" : "quiz --objective \(name)"))
    }
    entries.sort { a, b in
      if a.weakness != b.weakness { return a.weakness > b.weakness }
      let wa = weight[a.domain] ?? 0, wb = weight[b.domain] ?? 0
      if wa != wb { return wa > wb }
      return Evidence.objectiveOrder(a.objective, b.objective)
    }
    return ObjectiveStats(objectives: entries)
  }
}
