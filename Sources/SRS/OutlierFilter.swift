import Foundation

/// fsrs-rs 6.6.1 `prepare_training_data`: split the items into the S0 "initialization" set and the training set,
/// dropping outlier (first rating, first interval) groups.
public enum OutlierFilter {
  /// The two sets the optimiser works on.
  public struct Split: Sendable, Hashable {
    /// Items with exactly one long-term review whose group survived; used by the S0 search.
    public var initialization: [ReviewHistory]
    /// All items (in the input order) whose (first rating, first long-term Δt) pair survived.
    public var training: [ReviewHistory]
  }

  /// Groups the single-long-term-review items by first rating and Δt. Within each rating, groups are visited
  /// from the smallest (ties: shortest Δt first); they are removed until 5% of the rating's items (at least 20)
  /// are gone, and any later group with fewer than 6 items or a Δt above 100 days (365 for Easy) is removed too.
  /// A training item is dropped when its (first rating, first long-term Δt) pair was removed.
  ///
  /// - Parameter enabled: When false, return the plain partition (fsrs-rs `FSRS_NO_OUTLIER`): initialization =
  ///   items with one long-term review, training = the others.
  public static func split(_ items: [ReviewHistory], enabled: Bool = true) -> Split {
    guard enabled else {
      let initial = items.filter { $0.longTermReviewCount == 1 }
      return Split(initialization: initial, training: items.filter { $0.longTermReviewCount != 1 })
    }
    var groups: [Int: [Int: [Int]]] = [:]
    for (index, item) in items.enumerated() where item.longTermReviewCount == 1 {
      guard let first = item.reviews.first, let last = item.reviews.last else { continue }
      groups[first.rating.rawValue, default: [:]][last.deltaT, default: []].append(index)
    }
    var removed: [Int: Set<Int>] = [:]
    var kept: [Int] = []
    for rating in groups.keys.sorted() {
      // Size descending, Δt descending; then visited in reverse (size ascending, Δt ascending).
      let subGroups = groups[rating, default: [:]].sorted {
        $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key > $1.key
      }
      let total = subGroups.reduce(0) { $0 + $1.value.count }
      var hasBeenRemoved = 0
      for (deltaT, indices) in subGroups.reversed() {
        if hasBeenRemoved + indices.count >= max(20, total / 20) {
          if indices.count >= 6 && deltaT <= (rating != 4 ? 100 : 365) {
            kept.append(contentsOf: indices)
          } else {
            removed[rating, default: []].insert(deltaT)
          }
        } else {
          hasBeenRemoved += indices.count
          removed[rating, default: []].insert(deltaT)
        }
      }
    }
    let training = items.filter { item in
      guard let first = item.reviews.first, let deltaT = item.firstLongTermDeltaT else { return false }
      return !(removed[first.rating.rawValue]?.contains(deltaT) ?? false)
    }
    return Split(initialization: kept.map { items[$0] }, training: training)
  }
}

extension ReviewHistory {
  /// Reviews with Δt > 0 (fsrs-rs `long_term_review_cnt`), the predicted one included.
  public var longTermReviewCount: Int { reviews.reduce(0) { $0 + ($1.deltaT > 0 ? 1 : 0) } }

  /// Δt of the first review with Δt > 0, or `nil` if there is none.
  public var firstLongTermDeltaT: Int? { reviews.first { $0.deltaT > 0 }?.deltaT }
}
