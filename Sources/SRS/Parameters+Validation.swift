import Foundation

extension Parameters {
  /// Every value outside the py-fsrs bounds, in index order (empty when all are valid).
  public func violations() -> [ParameterViolation] {
    values.indices.compactMap { i in
      let (lo, hi) = (Self.lowerBounds[i], Self.upperBounds[i])
      return (lo...hi).contains(values[i])
        ? nil : ParameterViolation(index: i, value: values[i], lowerBound: lo, upperBound: hi)
    }
  }

  /// Returns `self` if every value is in range, like py-fsrs `Scheduler()` (which raises otherwise).
  ///
  /// - Throws: ``ParameterError/outOfRange(_:)`` listing each violation with its index and bounds.
  public func validated() throws(ParameterError) -> Parameters {
    let found = violations()
    if !found.isEmpty { throw .outOfRange(found) }
    return self
  }

  /// Clamps every value into range, as fsrs-rs `clip_parameters` does silently.
  ///
  /// With more than one relearning step the ceiling of w17 and w18 becomes
  /// `min(2, sqrt(max(0.01, −(ln w11 + ln(2^w13 − 1) + 0.3·w14) / n)))`, so that the post-lapse
  /// stability after `n` same-day steps cannot exceed the pre-lapse stability.
  ///
  /// - Parameters:
  ///   - numRelearningSteps: The number of relearning steps the parameters will be used with.
  ///   - enableShortTerm: When true (short-term training), w19 is floored at 0.01 instead of 0.
  public func clipped(numRelearningSteps: Int = 1, enableShortTerm: Bool = false) -> Parameters {
    var lower = Self.lowerBounds
    var upper = Self.upperBounds
    if numRelearningSteps > 1 {
      let w = values
      let bound = -(log(w[11]) + log(pow(2.0, w[13]) - 1.0) + w[14] * 0.3) / Double(numRelearningSteps)
      let ceiling = Swift.min(Swift.max(bound, 0.01).squareRoot(), 2.0)
      upper[17] = ceiling
      upper[18] = ceiling
    }
    if enableShortTerm { lower[19] = 0.01 }
    let clamped = values.indices.map { i in Swift.min(Swift.max(values[i], lower[i]), upper[i]) }
    return Parameters(uncheckedValues: clamped)
  }
}
