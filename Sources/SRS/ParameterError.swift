/// Why a parameter vector was rejected.
public enum ParameterError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The vector had a length other than 0, 17, 19 or 21.
  case invalidCount(Int)
  /// The value at `index` was NaN or infinite.
  case nonFinite(index: Int)
  /// One or more values lie outside the py-fsrs bounds.
  case outOfRange([ParameterViolation])

  /// A readable message listing what was wrong.
  public var description: String {
    switch self {
    case .invalidCount(let count):
      "expected 17, 19 or 21 parameters, got \(count)"
    case .nonFinite(let index):
      "parameters[\(index)] is not a finite number"
    case .outOfRange(let violations):
      "one or more parameters are out of bounds:\n" + violations.map(\.description).joined(separator: "\n")
    }
  }
}
