import Foundation

/// The fsrs-rs 6.6.1 S0 pre-fit (`initialize_stability_parameters`): for each first rating, a ternary search
/// for the initial stability that best explains the recall rate at the first long-term review.
public enum InitialStabilityFit {
  /// Search interval of S0, in days.
  static let searchRange = 0.001...100.0

  /// Mean recall (rating above Again) of the predicted reviews (fsrs-rs `calculate_average_recall`).
  public static func averageRecall(_ items: [ReviewHistory]) -> Double {
    guard !items.isEmpty else { return 0 }
    let recalled = items.reduce(0) { $0 + (($1.reviews.last?.rating.isRecall ?? false) ? 1 : 0) }
    return Double(recalled) / Double(items.count)
  }

  /// Fits w0–w3 on items with exactly one long-term review.
  ///
  /// Items are grouped by first rating and Δt; each group's recall is Laplace-smoothed towards `averageRecall`,
  /// and S0 minimises `Σ count·BCE(R(Δt, S0), recall) + |S0 − S0_default|/16` under the default decay.
  ///
  /// - Returns: The four stabilities and the item count per first rating, or `nil` when no such item exists.
  public static func fit(
    initialization items: [ReviewHistory], averageRecall: Double
  )
    -> (stabilities: [Double], ratingCounts: [Int: Int])?
  {
    var groups: [Int: [Int: (recalled: Int, count: Int)]] = [:]
    for item in items where item.longTermReviewCount == 1 {
      guard let first = item.reviews.first, let current = item.reviews.first(where: { $0.deltaT > 0 }) else {
        continue
      }
      var entry = groups[first.rating.rawValue, default: [:]][current.deltaT] ?? (0, 0)
      entry.recalled += current.rating.isRecall ? 1 : 0
      entry.count += 1
      groups[first.rating.rawValue, default: [:]][current.deltaT] = entry
    }
    var counts: [Int: Int] = [:]
    var stability: [Int: Double] = [:]
    for (rating, byDelta) in groups {
      let rows = byDelta.sorted { $0.key < $1.key }
      counts[rating] = rows.reduce(0) { $0 + $1.value.count }
      let data = rows.map { row -> (t: Double, recall: Double, count: Double) in
        let n = Double(row.value.count)
        let real = Double(row.value.recalled) / n
        return (Double(row.key), (real * n + averageRecall) / (n + 1), n)
      }
      stability[rating] = search(data, defaultS0: Parameters.defaultValues[rating - 1])
    }
    guard let filled = smoothAndFill(stability, counts: counts) else { return nil }
    return (filled, counts)
  }

  /// Ternary search of `loss` over ``searchRange`` to machine precision (at most 1000 iterations).
  static func search(_ data: [(t: Double, recall: Double, count: Double)], defaultS0: Double) -> Double {
    let decay = -Parameters.defaultValues[20]
    let factor = pow(0.9, 1 / decay) - 1
    func loss(_ s: Double) -> Double {
      var total = 0.0
      for row in data {
        let p = pow(1 + factor * row.t / s, decay)
        total += -(row.recall * log(p) + (1 - row.recall) * log(1 - p)) * row.count
      }
      return total + abs(s - defaultS0) / 16
    }
    var low = searchRange.lowerBound
    var high = searchRange.upperBound
    var optimal = defaultS0
    var iteration = 0
    while high - low > Double.ulpOfOne && iteration < 1000 {
      iteration += 1
      let mid1 = low + (high - low) / 3
      let mid2 = high - (high - low) / 3
      if loss(mid1) < loss(mid2) { high = mid2 } else { low = mid1 }
      optimal = (high + low) / 2
    }
    return optimal
  }

  /// fsrs-rs `smooth_and_fill`: makes S0 non-decreasing in the rating (the better-populated rating wins), fills
  /// missing ratings by geometric interpolation (weights 0.41 and 0.54) and clamps to ``searchRange``.
  ///
  /// - Returns: `nil` when no rating has data.
  public static func smoothAndFill(_ input: [Int: Double], counts: [Int: Int]) -> [Double]? {
    var s = input.filter { counts[$0.key] != nil }
    for (small, big) in [(1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4)] {
      guard let a = s[small], let b = s[big], a > b else { continue }
      if counts[small, default: 0] > counts[big, default: 0] { s[big] = a } else { s[small] = b }
    }
    let w1 = 0.41
    let w2 = 0.54
    var r: [Double?] = [nil, s[1], s[2], s[3], s[4]]
    switch s.count {
    case 0:
      return nil
    case 1:
      let (rating, value) = s.first!
      let factor = value / Parameters.defaultValues[rating - 1]
      for i in 1...4 { r[i] = Parameters.defaultValues[i - 1] * factor }
    case 2:
      fillTwo(&r, w1: w1, w2: w2)
    case 3:
      if r[1] == nil, let r2 = r[2], let r3 = r[3] {
        r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
      } else if r[2] == nil, let r1 = r[1], let r3 = r[3] {
        r[2] = pow(r1, w1) * pow(r3, 1 - w1)
      } else if r[3] == nil, let r2 = r[2], let r4 = r[4] {
        r[3] = pow(r2, 1 - w2) * pow(r4, w2)
      } else if r[4] == nil, let r2 = r[2], let r3 = r[3] {
        r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
      }
    default:
      break
    }
    let values = r.compactMap { $0 }
    guard values.count == 4 else { return nil }
    return values.map { min(max($0, searchRange.lowerBound), searchRange.upperBound) }
  }

  private static func fillTwo(_ r: inout [Double?], w1: Double, w2: Double) {
    switch (r[1], r[2], r[3], r[4]) {
    case (nil, nil, let r3?, let r4?):
      let r2 = pow(r3, 1 / (1 - w2)) * pow(r4, 1 - 1 / (1 - w2))
      r[2] = r2
      r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
    case (nil, let r2?, nil, let r4?):
      let r3 = pow(r2, 1 - w2) * pow(r4, w2)
      r[3] = r3
      r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
    case (nil, let r2?, let r3?, nil):
      r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
      r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
    case (let r1?, nil, nil, let r4?):
      let k = w1 / (w1 + w2 - w1 * w2)
      let j = w2 / (w1 + w2 - w1 * w2)
      r[2] = pow(r1, k) * pow(r4, 1 - k)
      r[3] = pow(r1, 1 - j) * pow(r4, j)
    case (let r1?, nil, let r3?, nil):
      let r2 = pow(r1, w1) * pow(r3, 1 - w1)
      r[2] = r2
      r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
    case (let r1?, let r2?, nil, nil):
      let r3 = pow(r1, 1 - 1 / (1 - w1)) * pow(r2, 1 / (1 - w1))
      r[3] = r3
      r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
    default:
      break
    }
  }
}
