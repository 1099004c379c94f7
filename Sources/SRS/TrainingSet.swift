import Foundation

/// Training items flattened into contiguous arrays for the gradient loop.
///
/// Item `i` replays `historyLength[i]` reviews starting at `start[i]` in ``ratings``/``deltas`` and predicts
/// recall after `finalDelta[i]` days; `label` is 1 for a recall, 0 for Again.
struct TrainingSet: Sendable {
  var ratings: [Int] = []
  var deltas: [Double] = []
  var start: [Int] = []
  var historyLength: [Int] = []
  var finalDelta: [Double] = []
  var label: [Double] = []
  var weight: [Double] = []

  var count: Int { start.count }

  /// Flattens `items` (each with at least two reviews) with the given weights, in the given order.
  init(items: some Sequence<(item: ReviewHistory, weight: Double)>) {
    for (item, weight) in items {
      let reviews = item.reviews
      guard reviews.count >= 2, let last = reviews.last else { continue }
      start.append(ratings.count)
      historyLength.append(reviews.count - 1)
      for review in reviews.dropLast() {
        ratings.append(review.rating.rawValue)
        deltas.append(Double(review.deltaT))
      }
      finalDelta.append(Double(last.deltaT))
      label.append(last.rating.isRecall ? 1 : 0)
      self.weight.append(weight)
    }
  }

  /// Σ of the weighted BCE over items `range`, adding the gradient into `gradient` (21 values).
  func lossAndGradient(
    _ w: [Double], range: Range<Int>, gradient: inout [Double], workspace: inout GradientWorkspace
  ) -> Double {
    var total = 0.0
    w.withUnsafeBufferPointer { wp in
      ratings.withUnsafeBufferPointer { rp in
        deltas.withUnsafeBufferPointer { dp in
          gradient.withUnsafeMutableBufferPointer { gp in
            for i in range {
              let lo = start[i]
              let hi = lo + historyLength[i]
              total += GradientWorkspace.itemLossAndGradient(
                w: wp, ratings: UnsafeBufferPointer(rebasing: rp[lo..<hi]),
                deltas: UnsafeBufferPointer(rebasing: dp[lo..<hi]), finalDelta: finalDelta[i], label: label[i],
                weight: weight[i], gradient: gp, workspace: &workspace)
            }
          }
        }
      }
    }
    return total
  }

  /// Σ of the weighted BCE over items `range` (forward pass only).
  func loss(_ w: [Double], range: Range<Int>) -> Double {
    var total = 0.0
    w.withUnsafeBufferPointer { wp in
      for i in range {
        let lo = start[i]
        let p = GradientWorkspace.predict(
          w: wp, ratings: ratings[lo..<(lo + historyLength[i])], deltas: deltas[lo..<(lo + historyLength[i])],
          finalDelta: finalDelta[i])
        total += GradientWorkspace.bce(p, label: label[i]) * weight[i]
      }
    }
    return total
  }
}
