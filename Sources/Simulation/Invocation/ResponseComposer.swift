import Core

/// Composes the simulated answer a model gives in the sandbox's `compare` and `invoke` commands.
///
/// The answer is built from passages the caller retrieved, arranged in the model's layout and typical length,
/// with sampling choices (length, phrasing, which passages and sentences come first) made by a `RankSampler`
/// from the request's temperature, top P and top K and a seeded generator. It is then ended by the
/// request's stop sequences or `maxTokens`, and timed with the model's speed profile. The same inputs and
/// seed always give the same response; it is an illustration, never a model's real output.
public enum ResponseComposer {
  /// The simulated response of one model to `prompt`.
  ///
  /// - Parameters:
  ///   - prompt: The user's message; only its first few hundred characters are read for the topic, but all of
  ///     it is counted as input tokens.
  ///   - passages: Retrieved material, best first; may be empty (the answer then says it has no information).
  ///     Control characters and ANSI escapes in it are removed.
  ///   - style: The model's layout and typical answer length.
  ///   - tokenizer: How the model counts tokens (estimate).
  ///   - speed: How fast the model answers.
  ///   - settings: Inference parameters; out-of-range values are clamped (validate them first to report them).
  ///   - seed: Fixes every random choice and the latency jitter.
  ///   - system: An optional system prompt, counted as input.
  ///   - latency: The prompt-reading pace and jitter.
  public static func compose(
    prompt: String, passages: [Passage], style: StyleProfile, tokenizer: TokenizerProfile, speed: SpeedProfile,
    settings: InferenceSettings, seed: UInt64, system: String? = nil, latency: LatencyModel = .illustrative
  ) -> ComposedResponse {
    let settings = settings.clamped
    let topic = TopicExtractor.topic(of: prompt)
    let material = passages.enumerated().compactMap { CleanPassage($1, position: $0) }
    let full: String
    if material.isEmpty {
      full = Phrasing.noInformation(about: topic, layout: style.layout)
    } else {
      var generator = SeededGenerator(seed: seed)
      let plan = AnswerPlan.make(
        topic: topic, passages: material, style: style, tokenizer: tokenizer, sampler: RankSampler(settings),
        generator: &generator)
      full = AnswerLayout.render(plan)
    }
    let outcome = OutputLimiter.limit(
      full, maxTokens: settings.maxTokens, stopSequences: settings.stopSequences, tokenizer: tokenizer)
    let inputTokens = TokenEstimator.inputTokens(prompt: prompt, system: system, profile: tokenizer)
    let timing = latency.timing(inputTokens: inputTokens, outputTokens: outcome.outputTokens, speed: speed, seed: seed)
    return ComposedResponse(
      text: outcome.text, inputTokens: inputTokens, outputTokens: outcome.outputTokens,
      stopReason: outcome.stopReason, timeToFirstTokenMs: timing.timeToFirstTokenMs, latencyMs: timing.latencyMs,
      assumptions: assumptions(
        passages: material.count, style: style, tokenizer: tokenizer, speed: speed, settings: settings, seed: seed,
        latency: latency))
  }

  /// The statements shown under a composed response: what it is, how it was composed, how tokens and time
  /// were estimated.
  static func assumptions(
    passages: Int, style: StyleProfile, tokenizer: TokenizerProfile, speed: SpeedProfile,
    settings: InferenceSettings, seed: UInt64, latency: LatencyModel
  ) -> [String] {
    let topK = settings.topK.map(String.init) ?? "none"
    let material =
      passages == 0
      ? "No passages were retrieved, so the answer only says that it has no specific information."
      : "Composed from \(passages) retrieved passage\(passages == 1 ? "" : "s") in a \(style.layout.rawValue) layout"
        + " aiming at about \(style.typicalOutputTokens) output tokens; which passages and sentences come first,"
        + " the phrasing and the exact length are sampled (temperature \(format(settings.temperature)),"
        + " top P \(format(settings.topP)), top K \(topK), seed \(seed))."
    return [
      "Illustration only: this is not the model's real output.",
      material + described(style.basis),
      "Token counts are estimates: about \(format(tokenizer.charactersPerToken)) characters per token (never fewer"
        + " tokens than words), plus \(tokenizer.promptOverheadTokens) tokens of prompt template."
        + described(tokenizer.basis),
      "Timing: \(format(speed.timeToFirstTokenMs)) ms to the first token plus prompt reading at"
        + " \(format(latency.inputTokensPerSecond)) input tokens per second (illustrative), then"
        + " \(format(speed.outputTokensPerSecond)) output tokens per second, each with ±\(format(latency.jitter * 100)) %"
        + " seeded jitter." + described(speed.basis),
    ]
  }

  /// " (illustrative figure: note)" or " (source: url)" for a basis.
  private static func described(_ basis: Basis) -> String {
    var parts: [String] = []
    if basis.illustrative { parts.append("illustrative figure") }
    if let source = basis.source, !source.isEmpty { parts.append("source: \(source)") }
    if let note = basis.note, !note.isEmpty { parts.append(note) }
    return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
  }

  /// A number with at most two decimals and no trailing zeros ("0.7", "4.5", "20000").
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return String(value) }
    let hundredths = (value * 100).rounded()
    guard abs(hundredths) < 1e15 else { return String(Int(value.rounded())) }
    let whole = Int(hundredths) / 100
    let fraction = abs(Int(hundredths) % 100)
    let sign = hundredths < 0 && whole == 0 ? "-" : ""
    if fraction == 0 { return sign + String(whole) }
    let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
    return sign + String(whole) + "." + digits
  }
}
