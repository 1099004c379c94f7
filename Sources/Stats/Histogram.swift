/// Counts of values in fixed bins.
///
/// Bin `i` holds `edges[i] ≤ x < edges[i + 1]`; the **last bin is closed** (`x ≤ edges.last`, or open-ended
/// when the last edge is infinite). Values below the first edge count in the first bin and values above the
/// last in the last bin.
public struct Histogram: Sendable, Hashable, Codable {
  /// `bins + 1` increasing edges.
  public var edges: [Double]
  /// Count per bin.
  public var counts: [Int]

  /// An empty histogram over `edges` (at least two, increasing).
  public init(edges: [Double]) {
    precondition(edges.count >= 2, "a histogram needs at least two edges")
    self.edges = edges
    self.counts = [Int](repeating: 0, count: edges.count - 1)
  }

  /// The bin of `x` by the rule above.
  public func bin(of x: Double) -> Int {
    var lo = 0
    var hi = counts.count - 1
    if x < edges[1] { return 0 }
    if x >= edges[hi] { return hi }
    // Binary search for the last edge ≤ x among edges[1..<hi].
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if edges[mid] <= x { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }

  /// Adds one value.
  public mutating func add(_ x: Double) {
    counts[bin(of: x)] += 1
  }

  /// Values counted.
  public var total: Int { counts.reduce(0, +) }
}

/// The 10th, 25th, 50th, 75th and 90th percentiles of a sample (linear interpolation between order statistics).
public struct Quantiles: Sendable, Hashable, Codable {
  /// 10th percentile.
  public var p10: Double
  /// 25th percentile.
  public var p25: Double
  /// Median.
  public var p50: Double
  /// 75th percentile.
  public var p75: Double
  /// 90th percentile.
  public var p90: Double

  /// The quantiles of `values`, or `nil` when there are none.
  public init?(_ values: [Double]) {
    let sorted = values.sorted()
    guard let p10 = Sampling.quantile(sorted, 0.1) else { return nil }
    self.p10 = p10
    p25 = Sampling.quantile(sorted, 0.25)!
    p50 = Sampling.quantile(sorted, 0.5)!
    p75 = Sampling.quantile(sorted, 0.75)!
    p90 = Sampling.quantile(sorted, 0.9)!
  }
}
