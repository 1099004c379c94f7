import PropertyBased
import Testing

@testable import Simulation

/// Invariants of composed answers for any settings within the Converse ranges.
@Suite struct InvocationPropertyTests {
  typealias S = InvocationSamples

  /// Stop sequences, some of which occur in typical answers.
  static let stopSequence = Gen<String?>.element(of: ["2.", "the", "**", "\n\n", "## ", "zebra", "", ".", "Topic 3"])
    .map { $0! }

  static let layout = Gen<StyleProfile.Layout?>.element(of: StyleProfile.Layout.allCases).map { $0! }

  /// Sentence fragments including escapes and controls.
  static let fragment = Gen<String?>
    .element(of: [
      "Plain words here.", "\u{1B}[31mred\u{1B}[0m text.", "tab\there.", "line\nbreak.", "\u{0}nul.", "日本語。", "🙂 ok.",
    ])
    .map { $0! }

  @Test("outputTokens ≤ maxTokens, the stop reason matches the text, and no control characters")
  func invariants() async {
    await propertyCheck(
      count: 250,
      input: Gen.double(in: 0...1), Gen.double(in: 0...1), Gen.int(in: 0...20), Gen.int(in: 1...600),
      Self.stopSequence.array(of: 0...3), Gen.uint64()
    ) { temperature, topP, topK, maxTokens, stops, seed in
      let layout = StyleProfile.Layout.allCases[Int(seed % 4)]
      let style = S.style(layout, 50 + Int(seed % 500))
      let settings = S.settings(
        temperature: temperature, topP: topP, topK: topK == 0 ? nil : topK, maxTokens: maxTokens, stop: stops)
      #expect(settings.validate().isEmpty)
      let passages = seed % 7 == 0 ? [] : S.ample
      let response = S.compose(style, passages: passages, settings: settings, seed: seed)
      var unlimited = settings
      unlimited.maxTokens = 1_000_000
      unlimited.stopSequences = []
      let full = S.compose(style, passages: passages, settings: unlimited, seed: seed).text

      #expect(response.outputTokens <= maxTokens)
      #expect(TokenEstimator.count(response.text, profile: S.novaTokenizer) <= response.outputTokens)
      #expect(!S.hasControlCharacters(response.text))
      #expect(full.hasPrefix(response.text))
      let live = stops.filter { !$0.isEmpty }
      switch response.stopReason {
      case .endTurn:
        #expect(response.text == full)
        #expect(!live.contains { full.contains($0) })
      case .maxTokens:
        #expect(response.text != full && response.outputTokens == maxTokens)
        #expect(!live.contains { response.text.contains($0) })
      case .stopSequence:
        #expect(live.contains { full.hasPrefix(response.text + $0) })
        #expect(!live.contains { response.text.contains($0) })
      }
      #expect(response.latencyMs >= response.timeToFirstTokenMs && response.timeToFirstTokenMs > 0)
    }
  }

  @Test("passages full of escapes and controls never put a control character in the text") func hostilePassages() async
  {
    await propertyCheck(count: 200, input: Self.fragment.array(of: 1...4).array(of: 0...4), Self.layout, Gen.uint64()) {
      sentences, layout, seed in
      let passages = sentences.enumerated().map { index, lines in
        Passage(id: "p\(index)", title: "\u{1B}[1mTitle\u{7} \(index)", sentences: lines)
      }
      let response = S.compose(
        S.style(layout, 200), passages: passages, prompt: "What is \u{1B}[2J\u{0}this?", seed: seed)
      #expect(!S.hasControlCharacters(response.text), "\(response.text.debugDescription)")
      #expect(!response.text.contains("[31m") && !response.text.contains("[1m") && !response.text.contains("[2J"))
    }
  }
}
