import Foundation

/// The closed range of whole days a fuzzed review interval may take (Anki `fuzz.rs` = py-fsrs `FUZZ_RANGES`).
///
/// `delta = 1 + 0.15·clip(ivl, 2.5…7) + 0.10·clip(ivl, 7…20) + 0.05·max(ivl − 20, 0)`, where
/// `clip(x, a…b) = max(min(x, b) − a, 0)`; bounds are `round(ivl ± delta)`.
public struct FuzzBounds: Sendable, Hashable {
  /// Smallest allowed interval in days.
  public let lower: Int
  /// Largest allowed interval in days.
  public let upper: Int

  /// Creates bounds directly.
  public init(lower: Int, upper: Int) {
    self.lower = lower
    self.upper = upper
  }

  private static let ranges: [(start: Double, end: Double, factor: Double)] = [
    (2.5, 7.0, 0.15), (7.0, 20.0, 0.10), (20.0, .infinity, 0.05),
  ]

  /// The fuzz half-width for an interval, without the short-interval cut-off.
  public static func rawDelta(forInterval interval: Double) -> Double {
    ranges.reduce(1.0) { delta, range in delta + range.factor * max(min(interval, range.end) - range.start, 0.0) }
  }

  /// Anki's fuzz half-width: 0 below 2.5 days, ``rawDelta(forInterval:)`` otherwise.
  public static func delta(forInterval interval: Double) -> Double {
    interval < 2.5 ? 0.0 : rawDelta(forInterval: interval)
  }

  /// Anki's constrained bounds: the interval is clamped to `[minimum, maximum]`, both bounds are rounded
  /// (half away from zero) and clamped to it, and a one-day range is widened to two days when
  /// `upper > 2` and `upper < maximum`.
  public init(interval: Double, minimum: Int = 1, maximum: Int) {
    let minimum = min(minimum, maximum)
    let ivl = min(max(interval, Double(minimum)), Double(maximum))
    let delta = Self.delta(forInterval: ivl)
    var lower = Int((ivl - delta).rounded(.toNearestOrAwayFromZero))
    var upper = Int((ivl + delta).rounded(.toNearestOrAwayFromZero))
    lower = min(max(lower, minimum), maximum)
    upper = min(max(upper, minimum), maximum)
    if upper == lower && upper > 2 && upper < maximum { upper = lower + 1 }
    self.init(lower: lower, upper: upper)
  }

  /// py-fsrs `_get_fuzz_range`: `min = max(2, round(ivl − delta))`, `max = min(round(ivl + delta), maximum)`,
  /// `min = min(min, max)`, with banker's rounding and no short-interval cut-off.
  public static func pyFSRS(intervalDays: Int, maximumInterval: Int) -> FuzzBounds {
    let ivl = Double(intervalDays)
    let delta = rawDelta(forInterval: ivl)
    let lower = max(2, Int((ivl - delta).rounded(.toNearestOrEven)))
    let upper = min(Int((ivl + delta).rounded(.toNearestOrEven)), maximumInterval)
    return FuzzBounds(lower: min(lower, upper), upper: upper)
  }

  /// Anki's draw `floor(lower + f·(1 + upper − lower))` for a fuzz factor `f` in [0, 1); never exceeds ``upper``.
  public func draw(factor f: Double) -> Int {
    let value = Int((Double(lower) + f * Double(1 + upper - lower)).rounded(.down))
    return min(max(value, lower), upper)
  }

  /// Draws with a fuzz factor taken from `generator`.
  public func draw(using generator: inout some RandomNumberGenerator) -> Int {
    draw(factor: Double.random(in: 0..<1, using: &generator))
  }
}
