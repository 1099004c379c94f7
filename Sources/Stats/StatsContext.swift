import Core
import Foundation
import SRS

/// The settings every statistic is computed against: the current instant, the local day boundary, the
/// learner's FSRS parameters and desired retention, the exam date and the exam's shape.
public struct StatsContext: Sendable, Hashable, Codable {
  /// The current instant (injected; nothing here reads the clock).
  public var now: Date
  /// The learner's offset from UTC in seconds; days are local calendar days.
  public var utcOffsetSeconds: Int
  /// The desired retention the scheduler aims at (true retention is compared with it).
  public var desiredRetention: Double
  /// The exam date, if one is set.
  public var examDate: CalendarDay?
  /// The exam's shape and pass mark.
  public var blueprint: Blueprint
  /// The FSRS parameters the learner's cards are scheduled with.
  public var parameters: Parameters

  /// Creates a context.
  public init(
    now: Date, utcOffsetSeconds: Int = 0, desiredRetention: Double = 0.9, examDate: CalendarDay? = nil,
    blueprint: Blueprint = .aifC01, parameters: Parameters = .default
  ) {
    self.now = now
    self.utcOffsetSeconds = utcOffsetSeconds
    self.desiredRetention = desiredRetention
    self.examDate = examDate
    self.blueprint = blueprint
    self.parameters = parameters
  }

  /// Today's local day index.
  public var today: Int { Stats.dayIndex(now, utcOffsetSeconds: utcOffsetSeconds) }

  /// The local day index of `date`.
  public func day(_ date: Date) -> Int { Stats.dayIndex(date, utcOffsetSeconds: utcOffsetSeconds) }
}
