import Core
import Foundation
import Stats

/// Small builders for hand-made statistics fixtures.
enum StatsFixtures {
  /// An instant: `day` (YYYY-MM-DD) at `hour:minute` UTC.
  static func at(_ day: String, _ hour: Int = 12, _ minute: Int = 0) -> Date {
    let start = (try! CalendarDay(parsing: day)).startInUTC
    return start.addingTimeInterval(Double(hour * 3600 + minute * 60))
  }

  static func review(
    _ card: String, _ day: String, _ hour: Int, rating: Int, state: String = "review", interval: Double = 5
  ) -> ReviewEvent {
    ReviewEvent(cardID: card, time: at(day, hour), rating: rating, stateBefore: state, scheduledDaysBefore: interval)
  }

  static func context(
    now: Date = at("2026-11-26", 20), offset: Int = 0, examDate: CalendarDay? = nil
  ) -> StatsContext {
    StatsContext(now: now, utcOffsetSeconds: offset, desiredRetention: 0.9, examDate: examDate)
  }

  /// A card with memory reviewed at `last` with stability `s`.
  static func reviewedCard(_ id: String, stability s: Double, last: Date, difficulty: Double = 5) -> CardSnapshot {
    CardSnapshot(
      id: id, kind: "quiz", stateKind: "review", stability: s, difficulty: difficulty,
      due: last.addingTimeInterval(s * 86_400), lastReview: last, scheduledDays: s)
  }

  /// A bank of `perDomain` 4-option items per AIF-C01 domain, each on its own card `c-<id>`, two objectives a domain.
  static func bank(perDomain: Int) -> [ItemInfo] {
    (1...5).flatMap { d in
      (0..<perDomain).map { j in
        ItemInfo(id: "i\(d)-\(j)", domain: d, objective: "\(d).1.\(j % 2 + 1)", cardID: "c\(d)-\(j)", optionCount: 4)
      }
    }
  }
}
