/// The inference parameters of one request: the Converse `inferenceConfig` plus top K.
///
/// Randomness and diversity: `temperature`, `topP`, `topK`. Length: `maxTokens`, `stopSequences`.
/// Real defaults and ranges are model-specific; the ranges checked here are the Converse API's.
public struct InferenceSettings: Sendable, Codable, Equatable {
  /// Reshapes the next-token distribution: 0 always takes the most likely choice, higher is more random.
  /// Converse range 0 to 1.
  public var temperature: Double
  /// Nucleus sampling: only the most likely candidates whose probabilities add up to `topP` are considered.
  /// Converse range 0 to 1.
  public var topP: Double
  /// Only the `topK` most likely candidates are considered; nil leaves it to the model. Not part of the
  /// Converse base `inferenceConfig`: the real API passes it in `additionalModelRequestFields`.
  public var topK: Int?
  /// The most tokens the answer may have; generation stops with `max_tokens` there. At least 1.
  public var maxTokens: Int
  /// Strings that end generation when the model produces them (`stop_sequence`); the text ends before them.
  public var stopSequences: [String]

  /// The most stop sequences the Converse API accepts in one request (models usually allow far fewer).
  public static let maximumStopSequences = 2500

  /// Creates settings from every parameter.
  public init(temperature: Double, topP: Double, topK: Int? = nil, maxTokens: Int, stopSequences: [String] = []) {
    self.temperature = temperature
    self.topP = topP
    self.topK = topK
    self.maxTokens = maxTokens
    self.stopSequences = stopSequences
  }

  /// The sandbox's starting point: temperature 0.7, top P 0.9, no top K, no stop sequences.
  /// (An illustration; each real model documents its own defaults.)
  public static func defaults(maxTokens: Int) -> InferenceSettings {
    InferenceSettings(temperature: 0.7, topP: 0.9, topK: nil, maxTokens: maxTokens, stopSequences: [])
  }

  /// One message per out-of-range parameter, naming the field and its range; empty when all are valid.
  public func validate() -> [String] {
    var problems: [String] = []
    if !(0...1).contains(temperature) { problems.append("temperature must be between 0 and 1") }
    if !(0...1).contains(topP) { problems.append("topP must be between 0 and 1") }
    if let topK, topK < 1 { problems.append("topK must be at least 1") }
    if maxTokens < 1 { problems.append("maxTokens must be at least 1") }
    if stopSequences.count > Self.maximumStopSequences {
      problems.append("stopSequences must have at most \(Self.maximumStopSequences) items")
    }
    return problems
  }

  /// The same settings with every parameter moved into its range (NaN counts as the low end).
  /// The composer uses this so that an unvalidated request still gives a well-formed answer.
  public var clamped: InferenceSettings {
    InferenceSettings(
      temperature: Self.unit(temperature), topP: Self.unit(topP), topK: topK.map { max(1, $0) },
      maxTokens: max(0, maxTokens), stopSequences: stopSequences)
  }

  private static func unit(_ value: Double) -> Double {
    value.isNaN ? 0 : min(1, max(0, value))
  }
}
