import Foundation

/// Fixed instants for tests (no clock reads).
enum TestClock {
  /// 2024-01-01T09:00:00Z.
  static let t0 = Date(timeIntervalSince1970: 1_704_099_600)
  static let minute = 60.0
  static let hour = 3_600.0
  static let day = 86_400.0

  static func at(days: Double = 0, hours: Double = 0, minutes: Double = 0) -> Date {
    t0.addingTimeInterval(days * day + hours * hour + minutes * minute)
  }
}

/// A generator that always returns the same bits, to pin the fuzz factor.
struct ConstantGenerator: RandomNumberGenerator {
  let value: UInt64
  mutating func next() -> UInt64 { value }
}
