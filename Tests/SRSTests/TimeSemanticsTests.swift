import Foundation
import SRS
import Testing

@Suite("Time semantics and study days")
struct TimeSemanticsTests {
  static let gaps: [(Double, Int)] = [(1439, 0), (2160, 1), (2879, 1), (2880, 2), (-60, -1)]

  @Test(arguments: gaps)
  func elapsedDays_floorsWhole24HourPeriods(minutes: Double, days: Int) {
    let end = TestClock.at(minutes: minutes)
    #expect(TimeSemantics.elapsedDays.elapsedDays(from: TestClock.t0, to: end) == days)
  }

  @Test func calendarDays_countsRolloversNotHours() {
    let semantics = TimeSemantics.calendarDays(rolloverHour: 4, utcOffsetSeconds: 0)
    let lateEvening = Date(timeIntervalSince1970: 1_704_150_000)  // 2024-01-01T23:00Z
    let nextMorning = lateEvening.addingTimeInterval(6 * 3600)  // 05:00, after the 04:00 rollover
    let beforeRollover = lateEvening.addingTimeInterval(4 * 3600)  // 03:00, still the same study day
    #expect(semantics.elapsedDays(from: lateEvening, to: nextMorning) == 1)
    #expect(semantics.elapsedDays(from: lateEvening, to: beforeRollover) == 0)
    #expect(TimeSemantics.elapsedDays.elapsedDays(from: lateEvening, to: nextMorning) == 0)
  }

  @Test func studyDay_usesLocalOffsetAndRolloverHour() {
    // 2024-01-01T02:30Z is 03:30 at UTC+1: before a 04:00 rollover, so still 2023-12-31's study day.
    let date = Date(timeIntervalSince1970: 1_704_076_200)
    let day = StudyDay(containing: date, rolloverHour: 4, utcOffsetSeconds: 3600)
    #expect(day.index == 19_722)
    #expect(StudyDay(containing: date, rolloverHour: 0, utcOffsetSeconds: 3600).index == 19_723)
    #expect(
      day.start(rolloverHour: 4, utcOffsetSeconds: 3600) == Date(timeIntervalSince1970: 19_722 * 86_400 + 3 * 3600))
    #expect(day.advanced(by: 2).days(since: day) == 2)
  }

  @Test func calendarScheduler_takesLongTermPathAcrossRolloverEvenWithinHours() throws {
    let calendar = try Scheduler(config: SchedulerConfig(timeSemantics: .ankiDefault))
    let hours = try Scheduler()
    let evening = Date(timeIntervalSince1970: 1_704_150_000)  // 23:00Z
    let card = calendar.review(.new, rating: .easy, at: evening).card
    let morning = evening.addingTimeInterval(6 * 3600)
    let s0 = card.memory!.stability
    #expect(calendar.review(card, rating: .good, at: morning).card.memory!.stability > s0)
    #expect(hours.review(card, rating: .good, at: morning).card.memory!.stability == s0)
    #expect(calendar.retrievability(of: card, at: morning) < 1)
    #expect(hours.retrievability(of: card, at: morning) == 1)
  }
}
