import Core
import Foundation

/// Chooses among candidates ranked best-first the way a language model chooses its next token, so that the
/// sandbox's temperature, top P and top K have the effects the exam describes.
///
/// Candidate `i` (0 is the most likely) gets the weight `exp(-i / temperature)`; top K keeps the first K
/// candidates, top P keeps the smallest best-first set whose probabilities reach P, and the rest is
/// renormalised. Temperature 0 or top K 1 is greedy: always candidate 0, with no random draw at all.
/// The rank-based weights are an illustration, not any model's real distribution.
public struct RankSampler: Sendable, Equatable {
  /// 0 to 1; 0 is greedy.
  public let temperature: Double
  /// 0 to 1; the probability mass the nucleus keeps.
  public let topP: Double
  /// At least 1, or nil for no limit.
  public let topK: Int?

  /// Creates a sampler; out-of-range values are clamped (NaN to 0, top K to at least 1).
  public init(temperature: Double, topP: Double, topK: Int?) {
    let settings = InferenceSettings(temperature: temperature, topP: topP, topK: topK, maxTokens: 1).clamped
    self.temperature = settings.temperature
    self.topP = settings.topP
    self.topK = settings.topK
  }

  /// A sampler for a request's randomness parameters.
  public init(_ settings: InferenceSettings) {
    self.init(temperature: settings.temperature, topP: settings.topP, topK: settings.topK)
  }

  /// True when every choice is the top candidate (temperature 0 or top K 1).
  public var isGreedy: Bool { temperature <= 0 || topK == 1 }

  /// The probability of each of `count` ranked candidates after temperature, top K and top P; they sum to 1,
  /// and candidates outside the top K or the nucleus get 0. Empty for a count below 1.
  public func probabilities(count: Int) -> [Double] {
    guard count > 0 else { return [] }
    var result = [Double](repeating: 0, count: count)
    guard !isGreedy, count > 1 else {
      result[0] = 1
      return result
    }
    let kept = min(count, topK ?? count)
    var total = 0.0
    for rank in 0..<kept {
      result[rank] = exp(-Double(rank) / temperature)
      total += result[rank]
    }
    // Nucleus: the smallest best-first prefix whose share reaches top P (at least one candidate).
    var cumulative = 0.0
    var nucleus = 0
    while nucleus < kept {
      cumulative += result[nucleus] / total
      nucleus += 1
      if cumulative >= topP - 1e-12 { break }
    }
    var nucleusTotal = 0.0
    for rank in 0..<count {
      if rank >= nucleus { result[rank] = 0 }
      nucleusTotal += result[rank]
    }
    for rank in 0..<nucleus { result[rank] /= nucleusTotal }
    return result
  }

  /// Picks one of `count` ranked candidates, drawing from `generator` only when more than one is possible.
  /// Returns 0 for a count below 2.
  public func pick(from count: Int, using generator: inout SeededGenerator) -> Int {
    guard count > 1, !isGreedy else { return 0 }
    let weights = probabilities(count: count)
    guard weights.count > 1, weights[1] > 0 else { return 0 }
    let draw = generator.nextUnitDouble()
    var cumulative = 0.0
    for (rank, weight) in weights.enumerated() where weight > 0 {
      cumulative += weight
      if draw < cumulative { return rank }
    }
    return weights.lastIndex { $0 > 0 } ?? 0
  }

  /// Picks one element of `candidates` (ranked best-first); nil when there are none.
  public func pick<T>(_ candidates: [T], using generator: inout SeededGenerator) -> T? {
    candidates.isEmpty ? nil : candidates[pick(from: candidates.count, using: &generator)]
  }
}
