/// One out-of-range parameter: its index, value and the allowed closed interval.
public struct ParameterViolation: Sendable, Hashable, CustomStringConvertible {
  /// Index in `w0…w20`.
  public let index: Int
  /// The offending value.
  public let value: Double
  /// Smallest allowed value.
  public let lowerBound: Double
  /// Largest allowed value.
  public let upperBound: Double

  /// Creates a violation record.
  public init(index: Int, value: Double, lowerBound: Double, upperBound: Double) {
    self.index = index
    self.value = value
    self.lowerBound = lowerBound
    self.upperBound = upperBound
  }

  /// `parameters[7] = 0.9 is out of bounds: [0.001, 0.75]`
  public var description: String {
    "parameters[\(index)] = \(value) is out of bounds: [\(lowerBound), \(upperBound)]"
  }
}
