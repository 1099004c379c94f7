/// Why a simulated generation stopped, spelled as the Converse API's `stopReason`.
///
/// Only the three reasons a plain text answer can produce are modelled; the real enum also has `tool_use`,
/// `guardrail_intervened`, `content_filtered` and others.
public enum StopReason: String, Sendable, Codable, CaseIterable {
  /// The model finished its answer on its own.
  case endTurn = "end_turn"
  /// The answer reached the `maxTokens` budget and was cut off.
  case maxTokens = "max_tokens"
  /// The answer reached one of the request's stop sequences; the text ends just before it.
  case stopSequence = "stop_sequence"
}
