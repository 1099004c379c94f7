import Core
import Foundation

/// Cards falling due per local day from today, and Anki's daily load.
///
/// Day 0 is today and **includes every overdue card** (due before today). The horizon is 30 days, or — when an
/// exam date is set and later than today — every day up to and including the exam day; at most 365 days.
/// Cards due after the horizon are counted in ``beyondHorizon``. Daily load is Anki's `Σ 1/I` over cards with
/// memory, `I` the scheduled interval in days, with the term 1 when `I < 1` day.
public struct Forecast: Sendable, Hashable, Codable {
  /// The first day (today).
  public var startDay: CalendarDay
  /// Cards due on each day; index 0 is today, overdue included.
  public var duePerDay: [Int]
  /// Running total of ``duePerDay`` ("if you don't study").
  public var cumulative: [Int]
  /// Of day 0's count, how many were already overdue.
  public var overdue: Int
  /// Cards due after the last day.
  public var beyondHorizon: Int
  /// Whether the horizon ends at the exam date.
  public var endsAtExam: Bool
  /// `Σ 1/max(I, 1)` over cards with memory: the expected reviews per day in the long run.
  public var dailyLoad: Double

  /// The longest horizon, in days.
  public static let maximumDays = 365

  /// The forecast for `input`; `days` is the horizon without an exam date (default 30).
  public static func compute(_ input: StatsInput, days: Int = 30) -> Forecast {
    let context = input.context
    let today = context.today
    var horizon = max(1, min(days, maximumDays))
    var endsAtExam = false
    if let exam = context.examDate {
      let examDay = Stats.dayIndex(of: exam)
      if examDay > today {
        horizon = min(examDay - today + 1, maximumDays)
        endsAtExam = true
      }
    }
    var due = [Int](repeating: 0, count: horizon)
    var overdue = 0
    var beyond = 0
    var load = 0.0
    for card in input.cards where card.stateKind != "new" {
      if card.hasMemory { load += 1 / max(card.scheduledDays, 1) }
      guard let date = card.due else { continue }
      let offset = context.day(date) - today
      if offset < 0 { overdue += 1 }
      if offset < horizon {
        due[max(0, offset)] += 1
      } else {
        beyond += 1
      }
    }
    var running = 0
    var cumulative: [Int] = []
    cumulative.reserveCapacity(due.count)
    for count in due {
      running += count
      cumulative.append(running)
    }
    return Forecast(
      startDay: Stats.calendarDay(ofIndex: today), duePerDay: due, cumulative: cumulative, overdue: overdue,
      beyondHorizon: beyond, endsAtExam: endsAtExam, dailyLoad: load)
  }
}
