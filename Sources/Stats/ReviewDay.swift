/// One local day of the review log, summarised: what every statistic needs from the log (counts per day and
/// true retention's cells), so a history of millions of reviews is read as a few hundred rows.
///
/// The store keeps these rows up to date with SQLite triggers; ``summarize(_:utcOffsetSeconds:)`` computes the
/// same rows from raw events (simulations and tests), and the two must agree.
public struct ReviewDay: Sendable, Hashable, Codable {
  /// The local day index (days since 1970-01-01 in the learner's offset).
  public var day: Int
  /// Reviews that day (every rating, every state).
  public var reviews: Int
  /// Reviews rated Again that day.
  public var again: Int
  /// True retention's young cell for that day: first reviews of the day of cards in review state with an
  /// interval under 21 days.
  public var young: TrueRetention.Cell
  /// True retention's mature cell for that day (interval of 21 days or more).
  public var mature: TrueRetention.Cell

  /// Creates a day.
  public init(
    day: Int, reviews: Int, again: Int = 0, young: TrueRetention.Cell = .init(), mature: TrueRetention.Cell = .init()
  ) {
    self.day = day
    self.reviews = reviews
    self.again = again
    self.young = young
    self.mature = mature
  }

  /// The days of `events` (in time order: the first-of-day rule follows it), oldest first.
  ///
  /// True retention counts only the first review of a card on a day, and only when it was made in review state
  /// (Anki's definition; see ``TrueRetention``).
  public static func summarize(_ events: [ReviewEvent], utcOffsetSeconds: Int) -> [ReviewDay] {
    var days: [Int: ReviewDay] = [:]
    var lastDay: [String: Int] = [:]
    for event in events {
      let day = Stats.dayIndex(event.time, utcOffsetSeconds: utcOffsetSeconds)
      var summary = days[day] ?? ReviewDay(day: day, reviews: 0)
      summary.reviews += 1
      if event.rating == 1 { summary.again += 1 }
      let previous = lastDay.updateValue(day, forKey: event.cardID)
      if previous != day && event.stateBefore == "review" {
        let pass = event.passed ? 1 : 0
        if event.scheduledDaysBefore >= TrueRetention.matureInterval {
          summary.mature.total += 1
          summary.mature.passed += pass
        } else {
          summary.young.total += 1
          summary.young.passed += pass
        }
      }
      days[day] = summary
    }
    return days.values.sorted { $0.day < $1.day }
  }
}
