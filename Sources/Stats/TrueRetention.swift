/// Anki's true-retention table: the pass rate of reviews of cards in review state, split young/mature.
///
/// Counting rule (anki-manual `stats.md`): only the **first review of a card on a local day** counts, and
/// only if that review was made in review state (`stateBefore == "review"`); Hard, Good and Easy are passes,
/// Again a failure. A review is *young* when the card's interval before it was under 21 days, *mature* at 21
/// days or more. Periods are local days: today; the last 7 and 30 days including today; all time.
public struct TrueRetention: Sendable, Hashable, Codable {
  /// Passes out of counted reviews.
  public struct Cell: Sendable, Hashable, Codable {
    /// Counted reviews that passed.
    public var passed: Int
    /// Counted reviews.
    public var total: Int

    /// Creates a cell.
    public init(passed: Int = 0, total: Int = 0) {
      self.passed = passed
      self.total = total
    }

    /// `passed / total`, or `nil` with no reviews.
    public var rate: Double? { Stats.ratio(passed, total) }
  }

  /// A time window of the table.
  public enum Period: String, Sendable, Hashable, Codable, CaseIterable {
    case today, last7Days, last30Days, allTime

    /// Days in the window (today included), or `nil` for all time.
    public var days: Int? {
      switch self {
      case .today: 1
      case .last7Days: 7
      case .last30Days: 30
      case .allTime: nil
      }
    }
  }

  /// One period's row.
  public struct Row: Sendable, Hashable, Codable {
    /// The window.
    public var period: Period
    /// Reviews with interval < 21 days.
    public var young: Cell
    /// Reviews with interval ≥ 21 days.
    public var mature: Cell

    /// Young and mature together.
    public var total: Cell { Cell(passed: young.passed + mature.passed, total: young.total + mature.total) }
  }

  /// Interval (days) from which a card counts as mature.
  public static let matureInterval = 21.0

  /// Rows for today, 7 days, 30 days and all time, in that order.
  public var rows: [Row]
  /// The desired retention to compare with.
  public var desiredRetention: Double

  /// Creates a table.
  public init(rows: [Row], desiredRetention: Double) {
    self.rows = rows
    self.desiredRetention = desiredRetention
  }

  /// The row of `period`.
  public func row(_ period: Period) -> Row {
    rows.first { $0.period == period } ?? Row(period: period, young: Cell(), mature: Cell())
  }

  /// Accumulates the days' cells into the four periods.
  struct Accumulator {
    var cells = [Cell](repeating: Cell(), count: 8)  // period index * 2 + (mature ? 1 : 0)
    let today: Int

    /// Adds a day's cells (days after `today` are ignored).
    mutating func add(_ summary: ReviewDay) {
      let age = today - summary.day
      guard age >= 0 else { return }
      for (column, cell) in [summary.young, summary.mature].enumerated() {
        for (row, window) in [1, 7, 30, Int.max].enumerated() where age < window {
          cells[row * 2 + column].total += cell.total
          cells[row * 2 + column].passed += cell.passed
        }
      }
    }

    func table(desiredRetention: Double) -> TrueRetention {
      let rows = Period.allCases.enumerated().map { index, period in
        Row(period: period, young: cells[index * 2], mature: cells[index * 2 + 1])
      }
      return TrueRetention(rows: rows, desiredRetention: desiredRetention)
    }
  }

  /// The table for `reviews` (in time order), counted against `context`.
  public static func compute(reviews: [ReviewEvent], context: StatsContext) -> TrueRetention {
    compute(days: ReviewDay.summarize(reviews, utcOffsetSeconds: context.utcOffsetSeconds), context: context)
  }

  /// The table for the review log's days, counted against `context`.
  public static func compute(days: [ReviewDay], context: StatsContext) -> TrueRetention {
    var accumulator = Accumulator(today: context.today)
    for day in days { accumulator.add(day) }
    return accumulator.table(desiredRetention: context.desiredRetention)
  }
}
