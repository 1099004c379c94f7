import Core
import Foundation

/// Reviews per local calendar day over the last 365 days (today last), for a calendar heatmap.
public struct Heatmap: Sendable, Hashable, Codable {
  /// The oldest day shown (today − 364).
  public var firstDay: CalendarDay
  /// Reviews per day, oldest first; the last entry is today.
  public var counts: [Int]
  /// The largest daily count (0 when empty).
  public var max: Int
  /// Reviews in the window.
  public var total: Int
  /// Days with at least one review.
  public var activeDays: Int
  /// Local day index of ``firstDay`` (for layout).
  public var firstDayIndex: Int

  /// Days shown.
  public static let days = 365

  /// The heatmap of the review log (days after today are ignored).
  public static func compute(_ input: StatsInput) -> Heatmap {
    let context = input.context
    let today = context.today
    let first = today - days + 1
    var counts = [Int](repeating: 0, count: days)
    for summary in input.reviewDays where summary.day >= first && summary.day <= today {
      counts[summary.day - first] += summary.reviews
    }
    return Heatmap(
      firstDay: Stats.calendarDay(ofIndex: first), counts: counts, max: counts.max() ?? 0,
      total: counts.reduce(0, +), activeDays: counts.count { $0 > 0 }, firstDayIndex: first)
  }

  /// The counts laid out in week columns of 7 rows (row 0 = `firstWeekday`, ISO numbering 1 = Monday …
  /// 7 = Sunday); days before ``firstDay`` in the first column and after today in the last are `nil`.
  public func weeks(firstWeekday: Int = 1) -> [[Int?]] {
    let lead = (Stats.isoWeekday(ofIndex: firstDayIndex) - firstWeekday + 7) % 7
    var cells: [Int?] = Array(repeating: nil, count: lead) + counts.map { Optional($0) }
    while cells.count % 7 != 0 { cells.append(nil) }
    return stride(from: 0, to: cells.count, by: 7).map { Array(cells[$0..<$0 + 7]) }
  }

  /// A shading level 0…4: 0 for no reviews, otherwise `ceil(4 · count / max)` (the busiest day is 4).
  public func level(_ count: Int) -> Int {
    guard count > 0, max > 0 else { return 0 }
    return Swift.min(4, (count * 4 + max - 1) / max)
  }
}
