import Core

/// How long a simulated invocation takes: a model's time to first token, a small effect of prompt length,
/// then its output pace, with seeded jitter.
///
/// `timeToFirstTokenMs = (speed.timeToFirstTokenMs + inputTokens / inputTokensPerSecond × 1000) × jitter₁` and
/// `latencyMs = timeToFirstTokenMs + outputTokens / speed.outputTokensPerSecond × 1000 × jitter₂`, where each
/// jitter is drawn uniformly from `1 ± jitter`. The prompt-reading pace is not published: it is a parameter.
public struct LatencyModel: Sendable, Codable, Equatable {
  /// Input tokens the model reads per second before its first output token (illustrative).
  public var inputTokensPerSecond: Double
  /// The largest relative deviation of each time from its expected value, e.g. 0.05 for ±5 %.
  public var jitter: Double

  /// Creates a latency model from its two parameters.
  public init(inputTokensPerSecond: Double, jitter: Double) {
    self.inputTokensPerSecond = inputTokensPerSecond
    self.jitter = jitter
  }

  /// The sandbox's choice: prompts read at 20,000 tokens per second (1,000 input tokens add 50 ms), ±5 %
  /// jitter. Illustrative figures, not published ones.
  public static let illustrative = LatencyModel(inputTokensPerSecond: 20_000, jitter: 0.05)

  /// Simulated time to first token and total latency in milliseconds for one invocation.
  ///
  /// The jitter comes from its own generator seeded with `seed`, so it does not depend on the text.
  /// Non-positive or non-finite speeds contribute no time rather than infinite time.
  public func timing(
    inputTokens: Int, outputTokens: Int, speed: SpeedProfile, seed: UInt64
  ) -> (timeToFirstTokenMs: Int, latencyMs: Int) {
    var generator = SeededGenerator(seed: seed ^ 0x6C61_7465_6E63_7921)
    let spread = jitter.isFinite ? min(0.5, max(0, jitter)) : 0
    let firstJitter = 1 + spread * (2 * generator.nextUnitDouble() - 1)
    let paceJitter = 1 + spread * (2 * generator.nextUnitDouble() - 1)
    let reading = Self.milliseconds(tokens: inputTokens, perSecond: inputTokensPerSecond)
    let base = speed.timeToFirstTokenMs.isFinite ? max(0, speed.timeToFirstTokenMs) : 0
    let firstToken = ((base + reading) * firstJitter).rounded()
    let generating = (Self.milliseconds(tokens: outputTokens, perSecond: speed.outputTokensPerSecond) * paceJitter)
      .rounded()
    return (Self.int(firstToken), Self.int(firstToken + generating))
  }

  private static func milliseconds(tokens: Int, perSecond: Double) -> Double {
    guard perSecond.isFinite, perSecond > 0 else { return 0 }
    return Double(max(0, tokens)) / perSecond * 1000
  }

  private static func int(_ value: Double) -> Int {
    value >= Double(Int.max) ? Int.max : Int(max(0, value))
  }
}
