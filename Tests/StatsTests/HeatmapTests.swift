import Core
import Foundation
import PropertyBased
import Testing

@testable import Stats

@Suite("Heatmap and local days")
struct HeatmapTests {
  typealias F = StatsFixtures

  @Test("reviews land on the learner's local calendar day")
  func offsets() {
    let reviews = [
      ReviewEvent(cardID: "a", time: F.at("2026-11-26", 3), rating: 3, stateBefore: "review", scheduledDaysBefore: 3),
      ReviewEvent(cardID: "b", time: F.at("2026-11-25", 16), rating: 3, stateBefore: "review", scheduledDaysBefore: 3),
      ReviewEvent(cardID: "c", time: F.at("2026-11-26", 14), rating: 3, stateBefore: "review", scheduledDaysBefore: 3),
    ]
    let now = F.at("2026-11-26", 20)
    // UTC: 25th: b; 26th: a, c.
    let utc = Heatmap.compute(StatsInput(reviews: reviews, context: F.context(now: now)))
    #expect(utc.counts.suffix(2) == [1, 2])
    // UTC−5: a (03:00Z) is 22:00 on the 25th; now is 15:00 on the 26th.
    let west = Heatmap.compute(StatsInput(reviews: reviews, context: F.context(now: now, offset: -5 * 3600)))
    #expect(west.counts.suffix(2) == [2, 1])
    // UTC+9: b (16:00Z on the 25th) is 01:00 on the 26th; now is 05:00 on the 27th, so c (23:00 on the 26th)
    // and a and b are all yesterday.
    let east = Heatmap.compute(StatsInput(reviews: reviews, context: F.context(now: now, offset: 9 * 3600)))
    #expect(east.counts.suffix(2) == [3, 0])
    #expect(east.firstDay == CalendarDay(year: 2025, month: 11, day: 28))
    #expect(east.max == 3)
    #expect(east.activeDays == 1)
  }

  @Test("365 days, today last; older and future reviews are left out")
  func window() {
    let reviews = [
      F.review("a", "2025-11-26", 12, rating: 3),  // 365 days ago: outside
      F.review("a", "2025-11-27", 12, rating: 3),  // first day
      F.review("a", "2026-11-27", 12, rating: 3),  // future
    ]
    let map = Heatmap.compute(StatsInput(reviews: reviews, context: F.context()))
    #expect(map.counts.count == 365)
    #expect(map.firstDay == CalendarDay(year: 2025, month: 11, day: 27))
    #expect(map.counts[0] == 1)
    #expect(map.total == 1)
  }

  @Test("week columns start on the chosen weekday and end with today")
  func weeks() {
    let map = Heatmap.compute(StatsInput(reviews: [F.review("a", "2026-11-26", 9, rating: 3)], context: F.context()))
    // 2025-11-27 was a Thursday: three empty cells (Mon–Wed) lead the first Monday-first column.
    let columns = map.weeks(firstWeekday: 1)
    #expect(columns.allSatisfy { $0.count == 7 })
    #expect(columns[0].prefix(4) == [nil, nil, nil, 0])
    let cells = columns.flatMap { $0 }
    #expect(cells.compactMap { $0 }.count == 365)
    #expect(cells.last { $0 != nil } == 1)
    // Sunday-first: Thursday is the fifth row.
    #expect(map.weeks(firstWeekday: 7)[0].prefix(5) == [nil, nil, nil, nil, 0])
    #expect(map.level(0) == 0)
    #expect(map.level(1) == 4)
  }

  @Test("day index and calendar day round-trip and agree with Foundation")
  func dayIndexRoundTrip() async {
    await propertyCheck(count: 300, input: Gen.int(in: -50_000...80_000), Gen.int(in: -12...14)) { index, hours in
      let day = Stats.calendarDay(ofIndex: index)
      #expect(Stats.dayIndex(of: day) == index)
      let noon = Date(timeIntervalSince1970: Double(index) * 86_400 + 43_200 - Double(hours * 3600))
      #expect(CalendarDay(containing: noon, utcOffsetSeconds: hours * 3600) == day)
      #expect(Stats.dayIndex(noon, utcOffsetSeconds: hours * 3600) == index)
    }
    #expect(Stats.isoWeekday(ofIndex: 0) == 4)  // 1970-01-01, a Thursday
    #expect(Stats.isoWeekday(ofIndex: Stats.dayIndex(of: CalendarDay(year: 2026, month: 11, day: 26))) == 4)
  }
}
