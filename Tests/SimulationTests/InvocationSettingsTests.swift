import Core
import Foundation
import PropertyBased
import Testing

@testable import Simulation

/// Inference settings, their validation, and how the sampler turns them into choices.
@Suite struct InvocationSettingsTests {
  @Test("defaults are temperature 0.7, top P 0.9, no top K and no stop sequences")
  func defaults() {
    let settings = InferenceSettings.defaults(maxTokens: 512)
    #expect(settings == InferenceSettings(temperature: 0.7, topP: 0.9, topK: nil, maxTokens: 512, stopSequences: []))
    #expect(settings.validate().isEmpty)
  }

  @Test("validation names each out-of-range field and its range")
  func validation() {
    #expect(
      InferenceSettings(temperature: 1.5, topP: 0.9, maxTokens: 10).validate()
        == ["temperature must be between 0 and 1"])
    #expect(
      InferenceSettings(temperature: .nan, topP: -0.1, maxTokens: 10).validate()
        == ["temperature must be between 0 and 1", "topP must be between 0 and 1"])
    #expect(
      InferenceSettings(temperature: 0, topP: 1, topK: 0, maxTokens: 0).validate()
        == ["topK must be at least 1", "maxTokens must be at least 1"])
    let tooMany = InferenceSettings(
      temperature: 0, topP: 1, maxTokens: 1, stopSequences: Array(repeating: "x", count: 2501))
    #expect(tooMany.validate() == ["stopSequences must have at most 2500 items"])
    #expect(InferenceSettings(temperature: 0, topP: 0, topK: 1, maxTokens: 1).validate().isEmpty)
    #expect(InferenceSettings(temperature: 1, topP: 1, topK: 500, maxTokens: 200_000).validate().isEmpty)
  }

  @Test("clamping moves every field into its range")
  func clamping() {
    let clamped = InferenceSettings(temperature: 3, topP: .nan, topK: -2, maxTokens: -5).clamped
    #expect(clamped == InferenceSettings(temperature: 1, topP: 0, topK: 1, maxTokens: 0))
    #expect(clamped.validate() == ["maxTokens must be at least 1"])
  }

  @Test("settings and responses round-trip through JSON; stop reasons use the Converse spelling")
  func codable() throws {
    let settings = InferenceSettings(temperature: 0.3, topP: 0.8, topK: 40, maxTokens: 99, stopSequences: ["END"])
    let decoded = try JSONDecoder().decode(InferenceSettings.self, from: JSONEncoder().encode(settings))
    #expect(decoded == settings)
    let response = InvocationSamples.compose(seed: 5)
    #expect(try JSONDecoder().decode(ComposedResponse.self, from: JSONEncoder().encode(response)) == response)
    #expect(StopReason.allCases.map(\.rawValue) == ["end_turn", "max_tokens", "stop_sequence"])
  }

  @Test("the sampler's probabilities: greedy at temperature 0 or top K 1, flatter as temperature rises")
  func samplerProbabilities() {
    #expect(RankSampler(temperature: 0, topP: 1, topK: nil).probabilities(count: 3) == [1, 0, 0])
    #expect(RankSampler(temperature: 1, topP: 1, topK: 1).probabilities(count: 3) == [1, 0, 0])
    #expect(RankSampler(temperature: 1, topP: 1, topK: nil).probabilities(count: 0).isEmpty)
    let cool = RankSampler(temperature: 0.2, topP: 1, topK: nil).probabilities(count: 5)
    let warm = RankSampler(temperature: 1, topP: 1, topK: nil).probabilities(count: 5)
    #expect(cool[0] > warm[0] && cool[4] < warm[4])
    #expect(warm == warm.sorted(by: >))
    let topK = RankSampler(temperature: 1, topP: 1, topK: 2).probabilities(count: 5)
    #expect(topK[2...].allSatisfy { $0 == 0 } && topK[1] > 0)
    let topP = RankSampler(temperature: 1, topP: 0.8, topK: nil).probabilities(count: 5)
    #expect(topP.filter { $0 > 0 }.count == 2, "0.63 + 0.23 reaches 0.8")
  }

  @Test("the sampler only picks candidates with a nonzero probability, and they sum to 1") func samplerPicks() async {
    await propertyCheck(
      count: 300, input: Gen.double(in: 0...1), Gen.double(in: 0...1), Gen.int(in: 0...6), Gen.int(in: 1...12),
      Gen.uint64()
    ) { temperature, topP, topK, count, seed in
      let sampler = RankSampler(temperature: temperature, topP: topP, topK: topK == 0 ? nil : topK)
      let probabilities = sampler.probabilities(count: count)
      #expect(abs(probabilities.reduce(0, +) - 1) < 1e-9)
      #expect(probabilities[0] > 0)
      var generator = SeededGenerator(seed: seed)
      for _ in 0..<10 {
        let pick = sampler.pick(from: count, using: &generator)
        #expect(probabilities.indices.contains(pick) && probabilities[pick] > 0)
      }
    }
  }

  @Test("the greedy sampler draws nothing from the generator")
  func greedyDrawsNothing() {
    var generator = SeededGenerator(seed: 11)
    let before = generator
    _ = RankSampler(temperature: 0, topP: 1, topK: nil).pick(from: 9, using: &generator)
    _ = RankSampler(temperature: 0.9, topP: 1, topK: 1).pick(from: 9, using: &generator)
    #expect(generator == before)
  }
}
