import Testing

@testable import Content

@Suite struct ExamGuideAndModelTests {
  static let guide = """
    guide: TEST-01
    version: "1.0"
    sources: [https://example.com/guide]
    verified: 2026-11-26
    domains:
      - number: 1
        title: First
        weight: 60
        tasks:
          - id: "1.1"
            title: Task one
            objectives:
              - {id: "1.1.1", title: Objective one}
              - {id: "1.2.1", title: Misplaced, newInV11: true}
      - number: 2
        title: Second
        weight: 30
        tasks:
          - id: "2.1"
            title: Task two
            objectives:
              - {id: "2.1.1", title: Objective two}
    """

  @Test func guideProblemsAreReportedAtTheirPlace() throws {
    let set = try ContentSamples.load(["Resources/exam-guide.yaml": Self.guide], includeGuide: false)
    #expect(
      set.findings.map(\.summaryLine) == [
        "Resources/exam-guide.yaml:5:1: error: domain weights add up to 90, not 100",
        "Resources/exam-guide.yaml:14:18: error: objective '1.2.1' is not under task statement 1.1",
      ])
    #expect(set.guide.name == "TEST-01")
    #expect(set.guide.objectives.map(\.id) == ["1.1.1", "1.2.1", "2.1.1"])
    #expect(set.guide.objectives.map(\.newInV11) == [false, true, false])
  }

  static let models = """
    provider: Amazon
    models:
      - id: amazon.titan-text
        slug: titan-text
        name: Titan Text
        family: Amazon Titan
        summary: A text model used by tests.
        modalities:
          input: [text]
          output: [text, imagee]
          source: https://docs.aws.amazon.com/bedrock/
          confidence: confirmed
        customization: {methods: []}
        verified: 2026-11-26
    """

  @Test func anUnknownModalitySuggestsTheNearestOne() throws {
    let set = try ContentSamples.load(["Resources/models/test.yaml": Self.models])
    #expect(
      set.findings.map(\.summaryLine) == [
        "Resources/models/test.yaml:10:22: error: 'imagee' is not a valid output value "
          + "(text, image, video, audio, speech, document, embedding); did you mean 'image'?"
      ])
    let model = try #require(set.model("titan-text"))
    #expect(model.modalities.output == [.text])
    #expect(model.provider == "Amazon")
    #expect(set.model("amazon.titan-text")?.slug == "titan-text")
  }

  @Test func aRelatedLinkMayNameAModelBySlugOrId() throws {
    let page = ContentSamples.page(id: "p").replacingOccurrences(
      of: "verified: 2026-11-26\n", with: "verified: 2026-11-26\nrelated: [titan-text, amazon.titan-text]\n")
    let set = try ContentSamples.load([
      "content/p.md": page, "Resources/models/test.yaml": Self.models.replacingOccurrences(of: "imagee", with: "image"),
    ])
    #expect(set.findings == [])
  }
}
