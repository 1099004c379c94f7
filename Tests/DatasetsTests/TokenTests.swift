import Testing

@testable import Datasets

/// Token estimates (characters / charactersPerToken, rounded up) and the per-record limits.
@Suite struct TokenTests {
  static func pc(_ prompt: Int, _ completion: Int) -> String {
    let p = String(repeating: "p", count: prompt)
    let c = String(repeating: "c", count: completion)
    return #"{"prompt": "\#(p)", "completion": "\#(c)"}"#
  }

  @Test("input and output are estimated separately, rounded up, and summed over the file")
  func estimates() {
    let report = Check.report([Self.pc(41, 8), Self.pc(4, 1)], .promptCompletion)
    // ceil(41/4) + ceil(8/4) = 11 + 2 = 13; ceil(4/4) + ceil(1/4) = 1 + 1 = 2.
    #expect(report.estimatedTokens == 15)
    #expect(report.maxRecordTokens == 13)
  }

  @Test("characters per token comes from the limits (Titan Text Premier: about 6)")
  func charactersPerToken() {
    let report = Check.report([Self.pc(60, 7)], .promptCompletion, limits: DatasetLimits(charactersPerToken: 6))
    #expect(report.estimatedTokens == 12)
  }

  @Test("input, output and total limits are each reported on the record's line")
  func limits() throws {
    let limits = DatasetLimits(maxTokensPerRecord: 12, maxInputTokens: 10, maxOutputTokens: 2)
    let spots = Check.spots(
      [Self.pc(40, 8), Self.pc(41, 8), Self.pc(8, 9), Self.pc(40, 12)], .promptCompletion, limits: limits)
    #expect(
      spots == [
        Spot(.tooManyInputTokens, 2, "prompt"), Spot(.tooManyTokens, 2),
        Spot(.tooManyOutputTokens, 3, "completion"),
        Spot(.tooManyOutputTokens, 4, "completion"), Spot(.tooManyTokens, 4),
      ])
    let message = try #require(
      Check.report([Self.pc(41, 8)], .promptCompletion, limits: limits).problems.first?.message)
    #expect(message.contains("about 11 tokens"))
    #expect(message.contains("4 characters per token"))
  }

  @Test("system and user text are input, assistant text is output, images add a fixed estimate")
  func conversationTokens() {
    let record = Check.conversation(
      [Check.mediaTurn(), Check.turn("assistant", String(repeating: "a", count: 40))],
      system: #"[{"text": "\#(String(repeating: "s", count: 20))"}]"#)
    // Input: 20 system + 20 user ("What does this show?") = 40 chars → 10, plus 1,601 for the image.
    let validator = DatasetValidator(format: .conversation, limits: DatasetLimits(acceptsImages: true))
    let report = validator.validate(Array(record.utf8))
    #expect(report.isValid)
    #expect(report.estimatedTokens == 10 + 1_601 + 10)
    let limited = DatasetValidator(
      format: .conversation, limits: DatasetLimits(maxInputTokens: 1_000, acceptsImages: true), mediaTokenEstimate: 500)
    #expect(limited.validate(Array(record.utf8)).estimatedTokens == 10 + 500 + 10)
    let tooMany = DatasetValidator(
      format: .conversation, limits: DatasetLimits(maxInputTokens: 1_000, acceptsImages: true))
    #expect(tooMany.validate(Array(record.utf8)).problems.map(Spot.init) == [Spot(.tooManyInputTokens, 1)])
  }

  @Test("absurd characters-per-token values neither trap nor produce negative estimates")
  func absurdRatios() {
    for ratio in [0, -1, .nan, .infinity, 1e-300] as [Double] {
      let report = Check.report(
        [Self.pc(10, 10), Self.pc(10, 10)], .promptCompletion,
        limits: DatasetLimits(maxTokensPerRecord: 1, charactersPerToken: ratio))
      #expect(report.estimatedTokens >= 0)
      #expect(report.maxRecordTokens >= 1)
    }
  }
}
