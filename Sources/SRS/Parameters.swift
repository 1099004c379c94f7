import Foundation

/// The 21 FSRS-6 weights `w0…w20`.
///
/// Older vectors are converted exactly as fsrs-rs `check_and_fill_parameters` does:
/// - 17 values (FSRS-4.5): `w4 += 2·w5`, `w5 = ln(3·w5 + 1)/3`, `w6 += 0.5`, then `[0, 0, 0, 0.5]` is appended;
/// - 19 values (FSRS-5): `[0, 0.5]` is appended (FSRS-5 is FSRS-6 with `w19 = 0`, `w20 = 0.5`);
/// - an empty vector means the defaults.
///
/// Construction does not check ranges; see ``violations()``, ``validated()`` and ``clipped(numRelearningSteps:enableShortTerm:)``.
public struct Parameters: Sendable, Hashable, Codable, RandomAccessCollection {
  /// The 21 weights.
  public let values: [Double]

  /// The FSRS-6 defaults shared by py-fsrs 6.3.2, fsrs-rs 6.6.1 and the srs-benchmark README.
  public static let defaultValues: [Double] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
  ]

  /// The default parameters.
  public static let `default` = Parameters(uncheckedValues: defaultValues)

  /// The decay FSRS-5 vectors imply (`w20` after conversion).
  public static let fsrs5Decay = 0.5

  /// Lower bounds (py-fsrs `LOWER_BOUNDS_PARAMETERS`, fsrs-rs `clip_parameters`).
  public static let lowerBounds: [Double] = [
    0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
    0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
  ]

  /// Upper bounds (py-fsrs `UPPER_BOUNDS_PARAMETERS`; fsrs-rs tightens w17/w18 for several relearning steps).
  public static let upperBounds: [Double] = [
    100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
    5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
  ]

  /// Creates parameters from 0, 17, 19 or 21 values, converting older versions to FSRS-6.
  ///
  /// - Throws: ``ParameterError/invalidCount(_:)`` for other lengths and ``ParameterError/nonFinite(index:)``
  ///   when a value is NaN or infinite.
  public init(_ values: [Double]) throws(ParameterError) {
    var w = values
    switch values.count {
    case 0:
      w = Self.defaultValues
    case 17:
      w[4] = w[4].addingProduct(w[5], 2.0)
      w[5] = log(1.0.addingProduct(w[5], 3.0)) / 3.0
      w[6] += 0.5
      w += [0.0, 0.0, 0.0, Self.fsrs5Decay]
    case 19:
      w += [0.0, Self.fsrs5Decay]
    case 21:
      break
    default:
      throw .invalidCount(values.count)
    }
    if let index = w.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(index: index) }
    self.values = w
  }

  init(uncheckedValues: [Double]) {
    self.values = uncheckedValues
  }

  /// Decodes a JSON array of 0/17/19/21 numbers with the same conversion as ``init(_:)``.
  public init(from decoder: any Decoder) throws {
    let raw = try decoder.singleValueContainer().decode([Double].self)
    do {
      try self.init(raw)
    } catch {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
    }
  }

  /// Encodes the 21 weights as a JSON array.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(values)
  }

  /// Always 0.
  public var startIndex: Int { values.startIndex }
  /// Always 21.
  public var endIndex: Int { values.endIndex }
  /// The weight `w[position]`.
  public subscript(position: Int) -> Double { values[position] }
}
