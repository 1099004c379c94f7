import Core
import Testing

@testable import Simulation

/// The rules of the simulated answers behind the sandbox's `compare` and `invoke` commands.
@Suite struct InvocationTests {
  typealias S = InvocationSamples

  // MARK: Determinism and sampling

  @Test("the same inputs and seed give the identical response, in every layout")
  func sameSeedSameResponse() {
    for style in [S.list, S.headed, S.prose, S.terse] {
      #expect(S.compose(style, seed: 42) == S.compose(style, seed: 42))
    }
  }

  @Test("temperature 0 is greedy: the same text for any seed")
  func temperatureZeroIgnoresTheSeed() {
    for style in [S.list, S.headed, S.prose, S.terse] {
      let texts = Set((0..<30).map { S.compose(style, settings: S.settings(temperature: 0), seed: UInt64($0)).text })
      #expect(texts.count == 1, "\(style.layout)")
    }
  }

  @Test("at temperature above 0 different seeds give different texts")
  func seedsVaryTheText() {
    let settings = InferenceSettings.defaults(maxTokens: 4096)
    #expect(S.compose(settings: settings, seed: 1).text != S.compose(settings: settings, seed: 2).text)
    #expect(S.distinctTexts(settings) >= 15)
    #expect(S.distinctTexts(settings, passages: S.services) >= 5)
  }

  @Test("higher temperature gives more variety over 20 seeds")
  func temperatureRaisesVariety() {
    let low = S.distinctTexts(S.settings(temperature: 0.2), passages: S.services)
    let high = S.distinctTexts(S.settings(temperature: 1.0), passages: S.services)
    #expect(low < high)
    #expect(S.distinctTexts(S.settings(temperature: 0.05), passages: S.services) <= low)
  }

  @Test("a lower top P narrows the variety")
  func lowerTopPNarrows() {
    #expect(S.distinctTexts(S.settings(temperature: 1, topP: 1)) == 20)
    #expect(S.distinctTexts(S.settings(temperature: 1, topP: 0.5)) == 1, "the top choice alone reaches 0.5")
    let deviations = [1.0, 0.95, 0.9, 0.75].map { S.linesAwayFromGreedy(S.settings(temperature: 1, topP: $0)) }
    #expect(deviations == deviations.sorted(by: >) && deviations.first! > deviations.last!, "\(deviations)")
  }

  @Test("top K 1 acts greedy: the temperature-0 text for every seed")
  func topKOneIsGreedy() {
    let greedy = S.compose(settings: S.settings(temperature: 0)).text
    for seed in UInt64(0)..<20 {
      #expect(S.compose(settings: S.settings(temperature: 1, topK: 1), seed: seed).text == greedy)
    }
    #expect(S.distinctTexts(S.settings(temperature: 1, topK: 2)) > 1)
  }

  @Test("greedy decoding keeps the retrieval order and each passage's sentence order")
  func greedyKeepsTheOrder() throws {
    let text = S.compose(S.style(.numberedList, 2000), passages: S.services, settings: S.settings(temperature: 0)).text
    var last = text.startIndex
    for sentence in S.services.flatMap(\.sentences) {
      let range = try #require(text.firstRange(of: sentence), "\(sentence)")
      #expect(range.lowerBound > last, "\(sentence)")
      last = range.lowerBound
    }
  }

  // MARK: Length and layout

  @Test("length follows the style's typical output tokens", arguments: [120, 250, 400])
  func lengthFollowsTheStyle(typical: Int) {
    for layout in [StyleProfile.Layout.numberedList, .headedSections, .prose] {
      let greedy = S.compose(S.style(layout, typical), settings: S.settings(temperature: 0))
      #expect(abs(greedy.outputTokens - typical) <= typical / 8, "\(layout) \(typical): \(greedy.outputTokens)")
      let sampled = (0..<20).map { S.compose(S.style(layout, typical), seed: UInt64($0)).outputTokens }
      let mean = Double(sampled.reduce(0, +)) / Double(sampled.count)
      #expect(abs(mean - Double(typical)) <= Double(typical) * 0.15, "\(layout) \(typical): mean \(mean)")
      #expect(Set(sampled).count > 1, "temperature above 0 varies the length")
    }
  }

  @Test("a numbered-list answer: intro, '1. **Name** — sentence' items, closing")
  func numberedListLayout() throws {
    let text = S.compose(S.list, passages: S.services, settings: S.settings(temperature: 0)).text
    let blocks = text.split(separator: "\n\n", omittingEmptySubsequences: false).map(String.init)
    try #require(blocks.count == 3)
    #expect(blocks[0] == "Here are the key points about the top AWS services:")
    let items = blocks[1].split(separator: "\n").map(String.init)
    #expect(items.count == S.services.count)
    #expect(items[0].hasPrefix("1. **Amazon S3** — Amazon S3 is an object storage service."))
    #expect(items[1].hasPrefix("2. **Amazon EC2** — "))
    #expect(!blocks[2].isEmpty && !blocks[2].hasPrefix("1."))
  }

  @Test("a headed-sections answer: '## Title' headings with bullet points")
  func headedSectionsLayout() {
    let text = S.compose(S.headed, passages: S.services, settings: S.settings(temperature: 0)).text
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.filter { $0.hasPrefix("## ") } == S.services.map { "## " + $0.title })
    #expect(lines.contains("- Amazon S3 is an object storage service."))
    #expect(!text.contains("1. "))
  }

  @Test("a prose answer: paragraphs, no lists or headings")
  func proseLayout() {
    let text = S.compose(S.prose, passages: S.services, settings: S.settings(temperature: 0)).text
    #expect(text.hasPrefix("Here is an overview of the top AWS services. Amazon S3 is an object storage service."))
    #expect(!text.contains("## ") && !text.contains("**") && !text.contains("\n- ") && !text.contains("1. "))
    #expect(text.split(separator: "\n\n").count >= 3)
  }

  @Test("a terse answer: one or two sentences on one line")
  func terseLayout() {
    let short = S.compose(S.style(.terse, 8), passages: S.services, settings: S.settings(temperature: 0)).text
    #expect(short == "Amazon S3 is an object storage service.")
    let two = S.compose(S.style(.terse, 400), passages: S.services, settings: S.settings(temperature: 0)).text
    #expect(two == "Amazon S3 is an object storage service. Amazon EC2 provides virtual servers in the cloud.")
  }

  @Test("the style's opening is used with {topic} filled in and capitalised")
  func styleOpening() {
    let style = S.style(.numberedList, 300, opening: "{topic} come in many kinds. Here are a few:")
    let text = S.compose(style, settings: S.settings(temperature: 0)).text
    #expect(text.hasPrefix("The top AWS services come in many kinds. Here are a few:\n\n1. **"))
  }

  @Test("different models give different lengths and formats for the same prompt")
  func modelsDiffer() {
    let nova = S.compose(S.style(.numberedList, 512), tokenizer: S.novaTokenizer, speed: S.fast)
    let claude = S.compose(S.style(.headedSections, 393), tokenizer: S.claudeTokenizer, speed: S.slow)
    #expect(nova.text != claude.text)
    #expect(nova.text.contains("\n1. **") && !claude.text.contains("\n1. **"))
    #expect(claude.text.contains("\n## ") && !nova.text.contains("## "))
    #expect(nova.outputTokens != claude.outputTokens)
    #expect(nova.inputTokens == 7 && claude.inputTokens == 15)
    #expect(nova.latencyMs < claude.latencyMs)
  }

  // MARK: Ending

  @Test("maxTokens cuts the text at a word boundary with max_tokens and outputTokens == maxTokens")
  func maxTokensTruncates() throws {
    let full = S.compose(settings: S.settings(temperature: 0)).text
    for budget in [1, 7, 50, 120] {
      let cut = S.compose(settings: S.settings(temperature: 0, maxTokens: budget))
      #expect(cut.stopReason == .maxTokens)
      #expect(cut.outputTokens == budget)
      #expect(TokenEstimator.count(cut.text, profile: S.novaTokenizer) <= budget)
      #expect(full.hasPrefix(cut.text) && cut.text.count < full.count)
      let next = full[full.index(full.startIndex, offsetBy: cut.text.count)]
      #expect(next.isWhitespace, "budget \(budget) cut inside a word: '\(cut.text.suffix(12))'")
      #expect(cut.latencyMs < S.compose(settings: S.settings(temperature: 0)).latencyMs)
    }
  }

  @Test("a budget smaller than the first word cuts inside it; a budget of 0 leaves nothing")
  func tinyBudgets() {
    let tokenizer = TokenizerProfile(charactersPerToken: 2, promptOverheadTokens: 0, basis: S.basis)
    let one = S.compose(tokenizer: tokenizer, settings: S.settings(temperature: 0, maxTokens: 1))
    #expect(one.text == "He" && one.stopReason == .maxTokens && one.outputTokens == 1)
    let none = S.compose(settings: S.settings(temperature: 0, maxTokens: 0))
    #expect(none.text.isEmpty && none.outputTokens == 0 && none.stopReason == .maxTokens)
  }

  @Test("a stop sequence in the text ends it just before, with stop_sequence")
  func stopSequence() throws {
    let full = S.compose(passages: S.services, settings: S.settings(temperature: 0)).text
    let stops = ["DynamoDB", "**Amazon EC2**"]
    let stopped = S.compose(passages: S.services, settings: S.settings(temperature: 0, stop: stops))
    let earliest = try #require(full.firstRange(of: "**Amazon EC2**"))
    #expect(try #require(full.firstRange(of: "DynamoDB")).lowerBound > earliest.lowerBound)
    #expect(stopped.text.hasSuffix("\n2. "))
    #expect(stopped.stopReason == .stopSequence)
    #expect(stopped.text == String(full[..<earliest.lowerBound]))
    #expect(stopped.outputTokens == TokenEstimator.count(stopped.text, profile: S.novaTokenizer))
    let absent = S.compose(passages: S.services, settings: S.settings(temperature: 0, stop: ["zebra", ""]))
    #expect(absent.stopReason == .endTurn && absent.text == full)
  }

  @Test("a stop sequence past the token budget does not apply: max_tokens wins")
  func stopSequenceBeyondBudget() {
    let stopped = S.compose(passages: S.services, settings: S.settings(temperature: 0, maxTokens: 10, stop: ["2."]))
    #expect(stopped.stopReason == .maxTokens && stopped.outputTokens == 10)
  }

  @Test("an answer that fits and meets no stop sequence ends with end_turn")
  func endTurn() {
    let response = S.compose(passages: S.services, settings: S.settings(temperature: 0))
    #expect(response.stopReason == .endTurn)
    #expect(response.outputTokens == TokenEstimator.count(response.text, profile: S.novaTokenizer))
    #expect(response.totalTokens == response.inputTokens + response.outputTokens)
  }

  // MARK: No material, unsafe material

  @Test("no passages: a short honest answer in the model's style", arguments: StyleProfile.Layout.allCases)
  func noPassages(layout: StyleProfile.Layout) {
    for seed in UInt64(0)..<3 {
      let response = S.compose(S.style(layout, 400), passages: [], seed: seed)
      #expect(response.text.contains("I don't have specific information about the top AWS services."))
      #expect(response.outputTokens < 100 && response.stopReason == .endTurn)
      switch layout {
      case .numberedList: #expect(response.text.contains("\n1. **"))
      case .headedSections: #expect(response.text.hasPrefix("## "))
      case .prose: #expect(!response.text.contains("\n"))
      case .terse: #expect(response.text == "I don't have specific information about the top AWS services.")
      }
      #expect(response.assumptions.contains { $0.contains("No passages were retrieved") })
    }
  }

  @Test("passages with no usable sentence count as no passages")
  func emptyPassagesAreIgnored() {
    let hollow = [Passage(id: "x", title: "Nothing", sentences: ["", "  \n", "\u{1B}[2J"])]
    #expect(S.compose(passages: hollow).text == S.compose(passages: []).text)
  }

  @Test("ANSI escapes and control characters in passages and prompts never reach the text")
  func controlCharactersAreStripped() {
    let hostile = [
      Passage(
        id: "s3", title: "Amazon \u{1B}[1;31mS3\u{1B}[0m\u{7}",
        sentences: ["Object\tstorage\r\nservice.\u{0}", "\u{1B}]0;title\u{7}Buckets hold \u{202E}objects.\u{9B}2J"]),
      Passage(id: "", title: "", sentences: ["Plain sentence.\u{85}\u{2028}"]),
    ]
    for style in [S.list, S.headed, S.prose, S.terse] {
      let text = S.compose(style, passages: hostile, prompt: "What is \u{1B}[31mS3\u{1B}[0m?\u{7}").text
      #expect(!S.hasControlCharacters(text), "\(text.debugDescription)")
      #expect(!text.contains("[31m") && !text.contains("[0m") && !text.contains("title") && !text.contains("2J"))
    }
    let text = S.compose(S.list, passages: hostile, settings: S.settings(temperature: 0)).text
    #expect(text.contains("1. **Amazon S3** — Object storage service. Buckets hold objects."))
    #expect(text.contains("2. **Point 2** — Plain sentence."))
    #expect(text.hasPrefix("Here are the key points about the top AWS services:"))
  }

  // MARK: Tokens and time

  @Test("input tokens follow the model's tokenizer: the walkthrough's 7 versus 15")
  func inputTokensPerTokenizer() {
    let nova = S.compose(tokenizer: S.novaTokenizer)
    let claude = S.compose(tokenizer: S.claudeTokenizer)
    #expect(nova.inputTokens == TokenEstimator.inputTokens(prompt: S.prompt, system: nil, profile: S.novaTokenizer))
    #expect(nova.inputTokens == 7)
    #expect(claude.inputTokens == 15)
  }

  @Test("time to first token is the profile's plus a small prompt effect, within ±5 % jitter")
  func timeToFirstToken() {
    for seed in UInt64(0)..<20 {
      let response = S.compose(seed: seed)
      let expected = S.fast.timeToFirstTokenMs + Double(response.inputTokens) / 20_000 * 1000
      #expect(abs(Double(response.timeToFirstTokenMs) - expected) <= expected * 0.05 + 1)
      let generation = Double(response.outputTokens) / S.fast.outputTokensPerSecond * 1000
      let measured = Double(response.latencyMs - response.timeToFirstTokenMs)
      #expect(abs(measured - generation) <= generation * 0.05 + 1)
    }
    let longPrompt = String(repeating: "Explain the shared responsibility model. ", count: 50)
    let long = S.compose(prompt: longPrompt, seed: 3)
    let short = S.compose(seed: 3)
    #expect(long.timeToFirstTokenMs > short.timeToFirstTokenMs)
    #expect(long.timeToFirstTokenMs < short.timeToFirstTokenMs + 100, "a few hundred input tokens add little")
  }

  @Test("a faster speed profile answers faster for the same output")
  func fasterProfileIsFaster() {
    for seed in UInt64(0)..<20 {
      let fast = S.compose(speed: S.fast, seed: seed)
      let slow = S.compose(speed: S.slow, seed: seed)
      #expect(fast.outputTokens == slow.outputTokens)
      #expect(fast.timeToFirstTokenMs < slow.timeToFirstTokenMs && fast.latencyMs < slow.latencyMs)
    }
  }

  @Test("assumptions say it is an illustration and state the tokenizer, speed and composition")
  func assumptionsAreStated() {
    let assumptions = S.compose(passages: S.services, seed: 9).assumptions
    #expect(assumptions.first == "Illustration only: this is not the model's real output.")
    let all = assumptions.joined(separator: "\n")
    #expect(all.contains("Composed from 5 retrieved passages in a numbered-list layout"))
    #expect(all.contains("temperature 0.7, top P 0.9, top K none, seed 9"))
    #expect(all.contains("about 4.5 characters per token"))
    #expect(all.contains("300 ms to the first token") && all.contains("200 output tokens per second"))
    #expect(all.contains("illustrative figure; test figure"))
  }

  @Test("absurd profiles and settings still give a well-formed response")
  func absurdInputs() {
    let tokenizer = TokenizerProfile(charactersPerToken: 1e-300, promptOverheadTokens: .max, basis: S.basis)
    let speed = SpeedProfile(timeToFirstTokenMs: .infinity, outputTokensPerSecond: 0, basis: S.basis)
    let settings = InferenceSettings(temperature: .nan, topP: 7, topK: -1, maxTokens: .max, stopSequences: [""])
    for typical in [Int.min, 0, Int.max] {
      let response = S.compose(
        S.style(.numberedList, typical), tokenizer: tokenizer, speed: speed, settings: settings, seed: .max)
      #expect(!response.text.isEmpty && response.stopReason == .endTurn)
      #expect(response.timeToFirstTokenMs > 0 && response.latencyMs == response.timeToFirstTokenMs)
      #expect(response.inputTokens > 0 && response.outputTokens > 0)
    }
  }

  @Test("a one-megabyte prompt is counted in full and answered about its first sentence")
  func hugePromptIsCountedInFull() {
    let prompt = String(repeating: "What are the top AWS services? ", count: 34_000)
    #expect(prompt.utf8.count > 1_000_000)
    // Speed is measured in scripts/bench-sandbox, never in a timed test; here: it answers, and counts all of it.
    let response: ComposedResponse? = S.compose(prompt: prompt)
    #expect(response?.inputTokens == TokenEstimator.inputTokens(prompt: prompt, system: nil, profile: S.novaTokenizer))
    #expect(response?.text.hasPrefix("Here are the key points about the top AWS services:") == true)
  }
}
