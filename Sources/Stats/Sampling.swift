import Core
import Foundation

/// Random draws built on ``SeededGenerator`` (normal, gamma, beta) and small numeric helpers.
enum Sampling {
  /// A standard normal draw (Box–Muller; one of the pair is used).
  static func normal(_ g: inout SeededGenerator) -> Double {
    let u1 = max(g.nextUnitDouble(), 1e-300)
    let u2 = g.nextUnitDouble()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// A Gamma(shape, 1) draw (Marsaglia–Tsang; boosted for shape < 1).
  static func gamma(_ shape: Double, _ g: inout SeededGenerator) -> Double {
    if shape < 1 {
      let u = max(g.nextUnitDouble(), 1e-300)
      return gamma(shape + 1, &g) * pow(u, 1 / shape)
    }
    let d = shape - 1.0 / 3.0
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x = 0.0
      var v = 0.0
      repeat {
        x = normal(&g)
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = g.nextUnitDouble()
      if u < 1 - 0.0331 * x * x * x * x { return d * v }
      if log(max(u, 1e-300)) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
    }
  }

  /// A Beta(a, b) draw.
  static func beta(_ a: Double, _ b: Double, _ g: inout SeededGenerator) -> Double {
    let x = gamma(max(a, 1e-3), &g)
    let y = gamma(max(b, 1e-3), &g)
    return x + y > 0 ? x / (x + y) : 0.5
  }

  /// A uniform index in `0..<n`.
  @inline(__always)
  static func index(_ n: Int, _ g: inout SeededGenerator) -> Int {
    min(n - 1, Int(g.nextUnitDouble() * Double(n)))
  }

  /// `log(p / (1 − p))` with p clamped to [1e-6, 1 − 1e-6].
  @inline(__always)
  static func logit(_ p: Double) -> Double {
    let q = min(max(p, 1e-6), 1 - 1e-6)
    return log(q / (1 - q))
  }

  /// `1 / (1 + e^(−x))`.
  @inline(__always)
  static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

  /// The standard normal CDF.
  static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

  /// `P(Σ Bernoulli(p_i) ≥ k)`: the Poisson-binomial tail by the O(n²) recurrence, using `dp` as scratch.
  static func tail(_ p: UnsafeBufferPointer<Double>, atLeast k: Int, dp: inout [Double]) -> Double {
    let n = p.count
    if k <= 0 { return 1 }
    if k > n { return 0 }
    // dp[j] = P(j right so far) for j < k; dp[k] = P(at least k), absorbing.
    return dp.withUnsafeMutableBufferPointer { dp in
      for j in 0...k { dp[j] = 0 }
      dp[0] = 1
      for (m, q) in p.enumerated() {
        let r = 1 - q
        var j = min(m + 1, k)
        if j == k { dp[k] += dp[k - 1] * q; j -= 1 }
        while j > 0 {
          dp[j] = dp[j] * r + dp[j - 1] * q
          j -= 1
        }
        dp[0] *= r
      }
      return min(1, max(0, dp[k]))
    }
  }

  /// The `q`-quantile of sorted values (linear interpolation between order statistics).
  static func quantile(_ sorted: [Double], _ q: Double) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let position = q * Double(sorted.count - 1)
    let lo = Int(position.rounded(.down))
    let hi = min(lo + 1, sorted.count - 1)
    let t = position - Double(lo)
    return sorted[lo] + (sorted[hi] - sorted[lo]) * t
  }
}
