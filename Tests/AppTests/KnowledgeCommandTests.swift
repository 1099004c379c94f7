import App
import Foundation
import TestSupport
import Testing

/// The knowledge-base commands against the repository's own content: the facts the exam and
/// the flagship walkthrough rely on must come out of them.
@Suite struct KnowledgeCommandTests {
  static func run(_ line: String) throws -> (text: String, errors: String, status: Int32) {
    let test = try TestSession()
    let outcome = test.run(line)[0]
    return (test.sink.output, test.sink.errors, outcome.status.rawValue)
  }

  @Test func novaMicroCannotTakeImageInput() throws {
    let result = try Self.run("can nova-micro image-input")
    #expect(result.text.hasPrefix("no — Amazon Nova Micro does not take image as input"))
    #expect(result.text.contains("source: https://"))
    #expect(result.status == 0)
  }

  @Test func claude35SonnetTakesImageInput() throws {
    #expect(try Self.run("can claude-3-5-sonnet image-input").text.hasPrefix("yes — "))
  }

  @Test func videoOutputIncludesNovaReel() throws {
    let text = try Self.run("models --output video").text
    #expect(text.contains("nova-reel"))
    #expect(!text.contains("nova-micro"))
  }

  @Test func aProviderIsNamedByItsFirstWordInAnyCase() throws {
    let mistral = try Self.run("models --provider mistral")
    #expect(mistral.status == 0)
    #expect(mistral.text.contains("mistral-small"))
    #expect(!mistral.text.contains("nova-micro"))
    #expect(try Self.run("models --provider 'twelve labs'").text.contains("marengo"))
    let unknown = try Self.run("models --provider mistrl")
    #expect(unknown.status == 2)
    #expect(unknown.errors.contains("unknown provider 'mistrl'"))
    #expect(unknown.errors.contains("Mistral AI"))
  }

  @Test func claude35HaikuIsTextInTextOut() throws {
    let text = try Self.run("model claude 3.5 haiku").text
    #expect(text.contains("Claude 3.5 Haiku"))
    #expect(text.contains("  Input             text\n"))
    #expect(text.contains("  Output            text\n"))
  }

  @Test func claude35SonnetCostsMoreThanNovaMicro() throws {
    let text = try Self.run("diff nova-micro vs claude-3-5-sonnet").text
    #expect(text.contains("Claude 3.5 Sonnet costs"))
    #expect(text.contains("as much as Amazon Nova Micro"))
  }

  @Test func unlabeledDataFindsContinuedPreTrainingFirst() throws {
    let text = try Self.run("search \"unlabeled data\"").text
    #expect(text.hasPrefix("1. Continued pre-training  topic continued-pre-training"))
  }

  @Test func diffOfTheTwoCustomizationMethodsNamesTheirData() throws {
    let text = try Self.run("diff fine-tuning continued-pre-training").text
    #expect(text.contains("labeled"))
    #expect(text.contains("unlabeled"))
  }

  @Test func theWalkthroughsCorrectedFactsComeOut() throws {
    // Nova Reel: video out, async only, no fine-tuning, no Provisioned Throughput.
    #expect(try Self.run("can nova-reel invoke-model").text.hasPrefix("no — "))
    #expect(try Self.run("can nova-reel fine-tuning").text.hasPrefix("no — "))
    #expect(try Self.run("can nova-reel provisioned-throughput").text.hasPrefix("no — "))
    // Fine-tuned Nova Micro can be served on demand since 2025.
    #expect(try Self.run("can nova-micro on-demand-custom-deployment").text.hasPrefix("yes — "))
    // Training is not Provisioned Throughput: the fine-tuning page says so.
    #expect(try Self.run("topic fine-tuning").text.contains("Training never requires Provisioned Throughput"))
  }

  @Test func anUnknownModelSuggestsAndExitsWithUsage() throws {
    let result = try Self.run("model nova mirco")
    #expect(result.status == 2)
    #expect(result.errors.contains("unknown model 'nova mirco' — did you mean 'nova-micro'?"))
  }

  @Test func anUnknownCapabilitySuggestsAndExitsWithUsage() throws {
    let result = try Self.run("can nova-micro image-inptu")
    #expect(result.status == 2)
    #expect(result.errors.contains("did you mean 'image-input'?"))
  }

  @Test func anEmptySearchAndAStopwordSearchExplainThemselves() throws {
    let empty = try Self.run("search")
    #expect(empty.status == 2)
    #expect(empty.errors.contains("search for some words"))
    let stops = try Self.run("search what is the")
    #expect(stops.status == 2)
    #expect(stops.errors.contains("has only common words"))
  }

  @Test func aTenThousandCharacterSearchAnswers() throws {
    let result = try Self.run("search " + String(repeating: "guardrails ", count: 1_000))
    #expect(result.status == 0)
    #expect(result.text.contains("Guardrails"))
  }

  @Test func jsonOutputIsData() throws {
    let test = try TestSession(json: true)
    test.run("can nova-micro image-input")
    let line = try #require(test.jsonLines().first)
    let result = try #require(line["data"] as? [String: Any])
    #expect(result["answer"] as? String == "no")
    #expect(result["capability"] as? String == "image-input")
  }

  @Test func topicsListsEveryObjectiveWithItsPages() throws {
    let text = try Self.run("topics 3").text
    #expect(text.contains("3.3.1"))
    #expect(text.contains("continued-pre-training"))
    #expect(!text.contains("no page yet"))
  }

  @Test func aModelNameGivenToTopicPointsToTheModelCommand() throws {
    let result = try Self.run("topic nova micro")
    #expect(result.status == 2)
    #expect(result.errors.contains("try 'model nova-micro'"))
  }
}
