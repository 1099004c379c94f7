import Foundation

/// The FSRS-6 formulas, evaluated in `Double` with the same operation order as py-fsrs 6.3.2.
///
/// All functions are pure. Stability is clamped to at least ``minimumStability`` and difficulty to
/// [``minimumDifficulty``, ``maximumDifficulty``]. Like py-fsrs (and unlike fsrs-rs, which caps it at 36,500 days)
/// stability has no upper clamp; the two only differ above 36,500 days of stability.
public struct FSRS: Sendable, Hashable {
  /// Smallest stability, in days.
  public static let minimumStability = 0.001
  /// Smallest difficulty.
  public static let minimumDifficulty = 1.0
  /// Largest difficulty.
  public static let maximumDifficulty = 10.0
  /// Python's `math.e`; py-fsrs writes `math.e ** x`, i.e. `pow(e, x)`, not `exp(x)`.
  static let e = 2.718281828459045

  /// The weights in use.
  public let parameters: Parameters
  /// `DECAY = −w20`.
  public let decay: Double
  /// `FACTOR = 0.9^(1/DECAY) − 1`, so that `R(S, S) = 0.9`.
  public let factor: Double

  /// Creates the model for a parameter vector (ranges are not checked here).
  public init(parameters: Parameters = .default) {
    self.parameters = parameters
    self.decay = -parameters[20]
    self.factor = pow(0.9, 1.0 / decay) - 1.0
  }

  // MARK: Forgetting curve and interval

  /// Retrievability `R(t, S) = (1 + FACTOR·t/S)^DECAY` after `elapsedDays` days.
  public func retrievability(elapsedDays: Double, stability: Double) -> Double {
    pow(1.0 + factor * elapsedDays / stability, decay)
  }

  /// The unrounded interval `I(r, S) = S/FACTOR · (r^(1/DECAY) − 1)` in days, as fsrs-rs returns it.
  public func rawInterval(stability: Double, desiredRetention: Double) -> Double {
    (stability / factor) * (pow(desiredRetention, 1.0 / decay) - 1.0)
  }

  /// The py-fsrs interval in whole days: banker's rounding, at least 1, at most `maximumInterval`.
  public func interval(stability: Double, desiredRetention: Double, maximumInterval: Int) -> Int {
    let rounded = rawInterval(stability: stability, desiredRetention: desiredRetention).rounded(.toNearestOrEven)
    let days = max(rounded, 1.0)
    return days >= Double(maximumInterval) ? maximumInterval : Int(days)
  }

  // MARK: Initial state

  /// `S0(G) = w[G−1]`, clamped to at least 0.001.
  public func initialStability(_ rating: Rating) -> Double {
    max(parameters[rating.rawValue - 1], Self.minimumStability)
  }

  /// `D0(G) = w4 − e^(w5·(G−1)) + 1`, clamped to [1, 10] unless `clamp` is false.
  public func initialDifficulty(_ rating: Rating, clamp: Bool = true) -> Double {
    let d = parameters[4] - pow(Self.e, parameters[5] * Double(rating.rawValue - 1)) + 1.0
    return clamp ? Self.clampDifficulty(d) : d
  }

  /// The memory state after the first review of a new card.
  public func initialMemory(_ rating: Rating) -> MemoryState {
    MemoryState(stability: initialStability(rating), difficulty: initialDifficulty(rating))
  }

  // MARK: Updates

  /// Next difficulty: linear damping `D + ΔD·(10−D)/9` with `ΔD = −w6·(G−3)`, then mean reversion
  /// `w7·D0(4) + (1−w7)·D'` towards the unclamped `D0(4)`, clamped to [1, 10].
  public func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
    let target = initialDifficulty(.easy, clamp: false)
    let delta = -(parameters[6] * Double(rating.rawValue - 3))
    let damped = difficulty + (10.0 - difficulty) * delta / 9.0
    return Self.clampDifficulty(parameters[7] * target + (1.0 - parameters[7]) * damped)
  }

  /// Stability after a successful long-term review (Hard, Good or Easy; elapsed ≥ 1 day).
  public func stabilityAfterRecall(
    stability s: Double, difficulty d: Double, retrievability r: Double, rating: Rating
  )
    -> Double
  {
    let w = parameters
    let hardPenalty = rating == .hard ? w[15] : 1.0
    let easyBonus = rating == .easy ? w[16] : 1.0
    let growth =
      pow(Self.e, w[8]) * (11.0 - d) * pow(s, -w[9]) * (pow(Self.e, (1.0 - r) * w[10]) - 1.0) * hardPenalty * easyBonus
    return s * (1.0 + growth)
  }

  /// Stability after a long-term lapse (Again; elapsed ≥ 1 day), at most `S / e^(w17·w18)`.
  public func stabilityAfterLapse(stability s: Double, difficulty d: Double, retrievability r: Double) -> Double {
    let w = parameters
    let longTerm = w[11] * pow(d, -w[12]) * (pow(s + 1.0, w[13]) - 1.0) * pow(Self.e, (1.0 - r) * w[14])
    let shortTerm = s / pow(Self.e, w[17] * w[18])
    return min(longTerm, shortTerm)
  }

  /// The long-term stability update for any rating, clamped to at least 0.001.
  public func nextStability(stability: Double, difficulty: Double, retrievability: Double, rating: Rating) -> Double {
    let next =
      rating == .again
      ? stabilityAfterLapse(stability: stability, difficulty: difficulty, retrievability: retrievability)
      : stabilityAfterRecall(
        stability: stability, difficulty: difficulty, retrievability: retrievability, rating: rating)
    return max(next, Self.minimumStability)
  }

  /// Same-day stability `S·SInc` with `SInc = e^(w17·(G−3+w18))·S^(−w19)`, floored at 1 for G ≥ 2.
  public func shortTermStability(_ s: Double, rating: Rating) -> Double {
    let w = parameters
    var increase = pow(Self.e, w[17] * (Double(rating.rawValue - 3) + w[18])) * pow(s, -w[19])
    if rating != .again { increase = max(increase, 1.0) }
    return max(s * increase, Self.minimumStability)
  }

  /// The memory state after a review `elapsedDays` after the previous one.
  ///
  /// `elapsedDays < 1` takes the same-day path; otherwise R is evaluated at `elapsedDays`.
  /// Difficulty is updated in both cases.
  public func nextMemory(_ memory: MemoryState, elapsedDays: Int, rating: Rating) -> MemoryState {
    let stability: Double
    if elapsedDays < 1 {
      stability = shortTermStability(memory.stability, rating: rating)
    } else {
      let r = retrievability(elapsedDays: Double(elapsedDays), stability: memory.stability)
      stability = nextStability(
        stability: memory.stability, difficulty: memory.difficulty, retrievability: r, rating: rating)
    }
    return MemoryState(stability: stability, difficulty: nextDifficulty(memory.difficulty, rating: rating))
  }

  static func clampDifficulty(_ d: Double) -> Double {
    min(max(d, minimumDifficulty), maximumDifficulty)
  }
}
