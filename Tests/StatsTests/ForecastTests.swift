import Core
import Foundation
import Testing

@testable import Stats

@Suite("Forecast")
struct ForecastTests {
  typealias F = StatsFixtures

  static func card(_ id: String, due: Date, interval: Double) -> CardSnapshot {
    CardSnapshot(
      id: id, stateKind: "review", stability: 10, difficulty: 5, due: due, lastReview: F.at("2026-11-01"),
      scheduledDays: interval)
  }

  static let cards = [
    card("overdue", due: F.at("2026-11-20", 9), interval: 10),
    card("today", due: F.at("2026-11-26", 18), interval: 0.5),
    card("tomorrow", due: F.at("2026-11-27", 1), interval: 4),
    card("later", due: F.at("2026-12-30", 9), interval: 40),  // day 34
    CardSnapshot(id: "new", stateKind: "new"),
  ]

  @Test("overdue cards count on day 0; 30 days without an exam date; load is Σ 1/max(I, 1)")
  func defaultHorizon() {
    let forecast = Forecast.compute(StatsInput(cards: Self.cards, context: F.context(now: F.at("2026-11-26", 12))))
    #expect(forecast.duePerDay.count == 30)
    #expect(forecast.duePerDay[0] == 2)
    #expect(forecast.overdue == 1)
    #expect(forecast.duePerDay[1] == 1)
    #expect(forecast.duePerDay.reduce(0, +) == 3)
    #expect(forecast.beyondHorizon == 1)
    #expect(forecast.cumulative.last == 3)
    #expect(forecast.cumulative[1] == 3)
    #expect(!forecast.endsAtExam)
    #expect(abs(forecast.dailyLoad - (0.1 + 1 + 0.25 + 0.025)) < 1e-12)
    #expect(forecast.startDay == CalendarDay(year: 2026, month: 11, day: 26))
  }

  @Test("a later exam date sets the horizon to the exam day inclusive, capped at 365")
  func examHorizon() {
    let exam = CalendarDay(year: 2026, month: 12, day: 31)
    let forecast = Forecast.compute(
      StatsInput(cards: Self.cards, context: F.context(now: F.at("2026-11-26", 12), examDate: exam)))
    #expect(forecast.duePerDay.count == 36)
    #expect(forecast.endsAtExam)
    #expect(forecast.duePerDay[34] == 1)
    #expect(forecast.beyondHorizon == 0)
    let far = Forecast.compute(
      StatsInput(
        cards: Self.cards,
        context: F.context(now: F.at("2026-11-26", 12), examDate: CalendarDay(year: 2028, month: 1, day: 1))))
    #expect(far.duePerDay.count == 365)
  }

  @Test("an exam date today or in the past keeps the default horizon")
  func pastExam() {
    let forecast = Forecast.compute(
      StatsInput(
        cards: Self.cards,
        context: F.context(now: F.at("2026-11-26", 12), examDate: CalendarDay(year: 2026, month: 11, day: 1))))
    #expect(forecast.duePerDay.count == 30)
    #expect(!forecast.endsAtExam)
  }

  @Test("no cards: zeros, no load")
  func empty() {
    let forecast = Forecast.compute(StatsInput(context: F.context()))
    #expect(forecast.duePerDay == [Int](repeating: 0, count: 30))
    #expect(forecast.dailyLoad == 0)
  }
}
