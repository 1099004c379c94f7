import Foundation

/// The fsrs-rs RMSE(bins) key of one prediction (`r_matrix_index`), computed in `Double` with Python rounding.
///
/// - `deltaT`: `round(2.48 · 3.62^floor(log₃.₆₂ Δt) · 100)`;
/// - `length`: `round(1.99 · 1.89^floor(log₁.₈₉ (n + 1)))`, `n` = long-term reviews (Δt > 0) including the current one;
/// - `lapses`: `round(1.65 · 1.73^floor(log₁.₇₃ lapses))`, or 0 without lapses (Again with Δt > 0 before the current).
public struct RMSEBin: Sendable, Hashable {
  /// Bin of the elapsed days before the predicted review.
  public let deltaT: Int
  /// Bin of the number of long-term reviews.
  public let length: Int
  /// Bin of the number of earlier long-term lapses.
  public let lapses: Int

  /// Computes the bin from the raw counts.
  ///
  /// - Parameters:
  ///   - deltaT: Days since the previous review (must be ≥ 1 for a long-term prediction).
  ///   - longTermReviewCount: Reviews with Δt > 0 in the history, the predicted review included.
  ///   - lapseCount: Again ratings with Δt > 0 before the predicted review.
  public init(deltaT: Int, longTermReviewCount: Int, lapseCount: Int) {
    self.deltaT = Self.bucket(Double(deltaT), base: 3.62, leading: 2.48, multiplier: 100)
    self.length = Self.bucket(Double(longTermReviewCount + 1), base: 1.89, leading: 1.99, multiplier: 1)
    self.lapses =
      lapseCount == 0 ? 0 : Self.bucket(Double(lapseCount), base: 1.73, leading: 1.65, multiplier: 1)
  }

  /// The bin of the last review of `history` (the one being predicted), counting the earlier ones.
  public init(history: ReviewHistory) {
    let reviews = history.reviews
    let current = reviews.last?.deltaT ?? 0
    let longTerm = reviews.filter { $0.deltaT > 0 }.count
    let lapses = reviews.dropLast().filter { $0.deltaT > 0 && $0.rating == .again }.count
    self.init(deltaT: current, longTermReviewCount: longTerm, lapseCount: lapses)
  }

  /// `round(leading · base^floor(log_base x) · multiplier)` with the same operation order as fsrs-rs/Python.
  private static func bucket(_ x: Double, base: Double, leading: Double, multiplier: Double) -> Int {
    let exponent = (log(x) / log(base)).rounded(.down)
    return Int((leading * pow(base, exponent) * multiplier).rounded(.toNearestOrEven))
  }
}
