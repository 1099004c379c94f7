/// A small, fast, seedable generator (SplitMix64) for reproducible fuzz and simulations.
///
/// Not cryptographic. The same seed always yields the same sequence on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable, Codable {
  /// The internal state; advancing it by the golden gamma produces the next output.
  public private(set) var state: UInt64

  /// Creates a generator from a seed.
  public init(seed: UInt64) {
    self.state = seed
  }

  /// Returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
