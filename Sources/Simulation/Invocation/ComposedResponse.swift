/// A simulated model answer with the metrics the Bedrock console shows beside it in compare mode.
///
/// This is an illustration composed from retrieved passages, never a model's real output: `assumptions`
/// says how it was made and the caller shows it with a label. Field names follow the Converse response
/// (`usage.inputTokens`, `usage.outputTokens`, `stopReason`, `metrics.latencyMs`).
public struct ComposedResponse: Sendable, Equatable, Codable {
  /// The answer text: plain text with light Markdown (bold, numbered lists, `##` headings, `-` bullets).
  /// It never contains ANSI escapes or control characters other than the line feed.
  public var text: String
  /// Estimated tokens of the prompt as the model's tokenizer and prompt template would count them.
  public var inputTokens: Int
  /// Estimated tokens generated; equals `maxTokens` when `stopReason` is `max_tokens`.
  public var outputTokens: Int
  /// Why generation stopped.
  public var stopReason: StopReason
  /// Simulated milliseconds until the first output token.
  public var timeToFirstTokenMs: Int
  /// Simulated milliseconds for the whole answer (Converse `metrics.latencyMs`).
  public var latencyMs: Int
  /// How the answer and its figures were made: tokenizer estimate, speed profile, composition method.
  public var assumptions: [String]

  /// Creates a response from its parts.
  public init(
    text: String, inputTokens: Int, outputTokens: Int, stopReason: StopReason, timeToFirstTokenMs: Int,
    latencyMs: Int, assumptions: [String]
  ) {
    self.text = text
    self.inputTokens = inputTokens
    self.outputTokens = outputTokens
    self.stopReason = stopReason
    self.timeToFirstTokenMs = timeToFirstTokenMs
    self.latencyMs = latencyMs
    self.assumptions = assumptions
  }

  /// Input plus output tokens (Converse `usage.totalTokens`).
  public var totalTokens: Int { inputTokens + outputTokens }
}
