import Core
import Foundation

/// The `stats` front page: today, streak, the last 30 days, true retention, per-domain mastery, the last mock
/// exam, a readiness summary and one next step. Every field is safe on empty input (counts 0, rates `nil`).
public struct Overview: Sendable, Hashable, Codable {
  /// Today's work.
  public struct Today: Sendable, Hashable, Codable {
    /// Reviews done today (local day).
    public var reviews: Int
    /// Of which Again.
    public var again: Int
    /// Cards with memory due at or before now.
    public var dueNow: Int
    /// Cards never reviewed.
    public var newAvailable: Int
  }

  /// Reviews on one day.
  public struct DayCount: Sendable, Hashable, Codable {
    /// The day.
    public var day: CalendarDay
    /// Reviews that day.
    public var count: Int
  }

  /// One domain's mastery.
  public struct DomainMastery: Sendable, Hashable, Codable {
    /// Domain number.
    public var domain: Int
    /// Domain name.
    public var name: String
    /// Bank items.
    public var items: Int
    /// Items whose card has memory.
    public var reviewedCards: Int
    /// Mean R now of those cards, or `nil` with none.
    public var meanRetrievability: Double?
    /// Attempts at the domain's items.
    public var attempts: Int
    /// Correct attempts.
    public var correct: Int
    /// `correct / attempts`, or `nil`.
    public var accuracy: Double?
  }

  /// The readiness figures shown on the front page.
  public struct ReadinessSummary: Sendable, Hashable, Codable {
    /// P(pass).
    public var probability: Double
    /// Band low end.
    public var low: Double
    /// Band high end.
    public var high: Double
    /// Expected correct of ``scoredQuestions``.
    public var expectedCorrect: Double
    /// Scored questions.
    public var scoredQuestions: Int
    /// Evidence level.
    public var confidence: Readiness.Confidence
    /// The day it is for.
    public var targetDay: CalendarDay
  }

  /// Today's work.
  public var today: Today
  /// Consecutive days with at least one review, ending today or (if nothing yet today) yesterday.
  public var streak: Int
  /// Reviews per day for the last 30 days, oldest first, today last.
  public var last30Days: [DayCount]
  /// All reviews ever.
  public var totalReviews: Int
  /// Anki's true-retention table against the desired retention.
  public var trueRetention: TrueRetention
  /// Per blueprint domain.
  public var domains: [DomainMastery]
  /// The most recent mock exam.
  public var lastExam: ExamRecord?
  /// Readiness, when computed.
  public var readiness: ReadinessSummary?
  /// One sentence: what to do next.
  public var nextStep: String

  /// The overview of `input`. Pass a ``Readiness`` to include its summary, and the ``ObjectiveStats`` if already
  /// computed (the next step names the weakest objective; otherwise they are computed here).
  public static func compute(
    _ input: StatsInput, readiness: Readiness? = nil, objectives: ObjectiveStats? = nil
  ) -> Overview {
    let context = input.context
    let today = context.today
    let windowStart = today - 29
    var perDay = [Int](repeating: 0, count: 30)
    var reviewsToday = 0
    var againToday = 0
    var activeDays = Set<Int>()
    for summary in input.reviewDays where summary.day <= today && summary.reviews > 0 {
      activeDays.insert(summary.day)
      if summary.day >= windowStart { perDay[summary.day - windowStart] += summary.reviews }
      if summary.day == today {
        reviewsToday += summary.reviews
        againToday += summary.again
      }
    }
    var streak = 0
    var cursor = activeDays.contains(today) ? today : today - 1
    while activeDays.contains(cursor) {
      streak += 1
      cursor -= 1
    }
    var dueNow = 0
    var newCards = 0
    for card in input.cards {
      if card.stateKind == "new" {
        newCards += 1
      } else if let due = card.due, due <= context.now {
        dueNow += 1
      }
    }
    let todayBlock = Today(reviews: reviewsToday, again: againToday, dueNow: dueNow, newAvailable: newCards)
    let last30 = perDay.enumerated().map { DayCount(day: Stats.calendarDay(ofIndex: windowStart + $0), count: $1) }
    let objectives = objectives ?? ObjectiveStats.compute(input)
    let summary = readiness.map {
      ReadinessSummary(
        probability: $0.probability, low: $0.low, high: $0.high, expectedCorrect: $0.expectedCorrect,
        scoredQuestions: $0.scoredQuestions, confidence: $0.confidence, targetDay: $0.targetDay)
    }
    let lastExam = input.exams.max { $0.finishedAt != $1.finishedAt ? $0.finishedAt < $1.finishedAt : $0.id < $1.id }
    return Overview(
      today: todayBlock, streak: streak, last30Days: last30, totalReviews: input.totalReviews,
      trueRetention: TrueRetention.compute(days: input.reviewDays, context: context),
      domains: domainMastery(input), lastExam: lastExam, readiness: summary,
      nextStep: nextStep(input, today: todayBlock, objectives: objectives))
  }

  static func domainMastery(_ input: StatsInput) -> [DomainMastery] {
    let retrievability = CardMemory.retrievabilityNow(input.cards, context: input.context)
    var itemIndex = StringIndex(capacity: input.items.count)
    var itemDomain: [Int] = []
    var items: [Int: Int] = [:]
    var cards: [Int: Int] = [:]
    var sumR: [Int: Double] = [:]
    for item in input.items {
      if itemIndex.insert(item.id) == itemDomain.count { itemDomain.append(item.domain) }
      items[item.domain, default: 0] += 1
      if let id = item.cardID, let r = retrievability[id] {
        cards[item.domain, default: 0] += 1
        sumR[item.domain, default: 0] += r
      }
    }
    var attempts: [Int: Int] = [:]
    var correct: [Int: Int] = [:]
    for attempt in input.attemptSummaries {
      guard let k = itemIndex.find(attempt.itemID) else { continue }
      let domain = itemDomain[k]
      attempts[domain, default: 0] += attempt.total
      correct[domain, default: 0] += attempt.correct
    }
    return input.context.blueprint.domains.map { spec in
      let n = cards[spec.number] ?? 0
      let a = attempts[spec.number] ?? 0
      let c = correct[spec.number] ?? 0
      return DomainMastery(
        domain: spec.number, name: spec.name, items: items[spec.number] ?? 0, reviewedCards: n,
        meanRetrievability: n > 0 ? (sumR[spec.number] ?? 0) / Double(n) : nil, attempts: a, correct: c,
        accuracy: Stats.ratio(c, a))
    }
  }

  static func nextStep(_ input: StatsInput, today: Today, objectives: ObjectiveStats) -> String {
    if input.reviewDays.isEmpty && input.attemptSummaries.isEmpty {
      return "Start with 'review' to learn your first cards, then try questions with 'quiz'."
    }
    if today.dueNow > 0 {
      return "Run 'review': \(today.dueNow) card\(today.dueNow == 1 ? " is" : "s are") due."
    }
    if input.exams.isEmpty && input.totalAttempts >= 50 {
      return "Take a timed mock exam with 'exam' to see where you stand."
    }
    if let weakest = objectives.objectives.first {
      return "Nothing is due. Train your weakest objective, \(weakest.objective): '\(weakest.command)'."
    }
    return "All caught up. Come back tomorrow for your next reviews."
  }
}
