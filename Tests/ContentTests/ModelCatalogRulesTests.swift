import Testing

@testable import Content

/// The catalog's consistency rules: what check-content says about a model file.
@Suite struct ModelCatalogRulesTests {
  /// A model entry; `customization` and `extra` are spliced in as written.
  static func model(
    slug: String, customization: String = "customization: {methods: []}", extra: String = ""
  ) -> String {
    """
      - id: test.\(slug)-v1:0
        slug: \(slug)
        name: Test \(slug)
        family: Test
        summary: A model used by tests.
        modalities:
          input: [text]
          output: [text]
          source: https://docs.aws.amazon.com/bedrock/
          confidence: confirmed
        \(customization.replacingOccurrences(of: "\n", with: "\n    "))
    \(extra)    verified: 2026-11-26

    """
  }

  static func file(_ models: String...) -> String { "provider: Test\nmodels:\n" + models.joined() }

  static func findings(_ text: String) throws -> [String] {
    try ContentSamples.load(["Resources/models/test.yaml": text]).findings.map(\.message)
  }

  @Test func aValidTeacherAndStudentPairHasNoFindings() throws {
    let text = Self.file(
      Self.model(
        slug: "big",
        customization: """
          customization:
              methods: [distillation-teacher]
              teacherFor: [small]
              source: https://docs.aws.amazon.com/bedrock/
              confidence: confirmed
          """),
      Self.model(
        slug: "small",
        customization: """
          customization:
              methods: [distillation-student]
              source: https://docs.aws.amazon.com/bedrock/
              confidence: confirmed
          """))
    #expect(try Self.findings(text) == [])
  }

  @Test func aTeacherForAModelThatIsNotAStudentIsAnError() throws {
    let text = Self.file(
      Self.model(
        slug: "big",
        customization: """
          customization:
              methods: [distillation-teacher]
              teacherFor: [small, missing]
              source: https://docs.aws.amazon.com/bedrock/
              confidence: confirmed
          """),
      Self.model(slug: "small"))
    let messages = try Self.findings(text)
    #expect(messages.contains { $0.contains("'small' is named as a distillation student") })
    #expect(messages.contains { $0.contains("'teacherFor' names model 'missing', which does not exist") })
  }

  @Test func fineTuningWithoutHyperparametersOrDatasetIsAnError() throws {
    let text = Self.file(
      Self.model(
        slug: "tunable",
        customization: """
          customization:
              methods: [fine-tuning]
              source: https://docs.aws.amazon.com/bedrock/
              confidence: confirmed
          """))
    let messages = try Self.findings(text)
    #expect(messages.contains { $0.contains("needs 'hyperparameters'") })
    #expect(messages.contains { $0.contains("needs a 'dataset' format") })
  }

  @Test func aHyperparameterDefaultOutsideItsRangeIsAnError() throws {
    let text = Self.file(
      Self.model(
        slug: "tunable",
        customization: """
          customization:
              methods: [fine-tuning]
              hyperparameters:
                - {name: epochCount, min: 1, max: 5, default: 9}
              dataset: {format: JSONL, minRecords: 8, maxRecords: 4}
              source: https://docs.aws.amazon.com/bedrock/
              confidence: confirmed
          """))
    let messages = try Self.findings(text)
    #expect(messages.contains { $0.hasPrefix("default 9 is outside") })
    #expect(messages.contains { $0 == "minRecords 8 is above maxRecords 4" })
  }

  @Test func pricesMustBePositiveAndDated() throws {
    let text = Self.file(
      Self.model(
        slug: "priced",
        extra: """
              pricing:
                inputPer1K: 0
                outputPer1K: abc
                source: https://aws.amazon.com/bedrock/pricing/
                confidence: estimated

          """))
    let messages = try Self.findings(text)
    #expect(messages.contains { $0.contains("'inputPer1K' must be above zero") })
    #expect(messages.contains { $0.contains("'outputPer1K' must be a price in US dollars") })
    #expect(messages.contains { $0.contains("missing the required key 'read'") })
  }

  @Test func everyGroupNeedsAnHttpsSourceAndAConfidence() throws {
    let text = Self.file(
      Self.model(
        slug: "m",
        extra: """
              provisionedThroughput:
                base: true
                source: http://example.com/
                confidence: sure

          """))
    let messages = try Self.findings(text)
    #expect(messages.contains { $0.contains("must be an https:// URL") })
    #expect(messages.contains { $0.contains("'sure' is not a valid confidence value") })
  }

  @Test func duplicateSlugsAreReportedWithTheFirstDefinition() throws {
    let text = Self.file(
      Self.model(slug: "same"), Self.model(slug: "same").replacingOccurrences(of: "test.same", with: "test.other"))
    let set = try ContentSamples.load(["Resources/models/test.yaml": text])
    let duplicate = try #require(set.findings.first { $0.message == "duplicate model slug id 'same'" })
    #expect(duplicate.notes.first?.message == "'same' is first defined here")
  }

  @Test func anObjectiveWithoutAPageIsACompletenessFinding() throws {
    let set = try ContentSamples.load(["content/p.md": ContentSamples.page(id: "p")])
    let messages = set.completenessFindings().map(\.message)
    #expect(messages.contains("objective 1.1.1 has no page: list it under 'objectives' in the page that teaches it"))
    #expect(!messages.contains { $0.hasPrefix("objective 3.3.1 ") })
    #expect(messages.contains("page 'p' has 0 flashcard(s); a page needs at least 3"))
  }

  @Test func aBodyLinkToAMissingPageIsReportedAtItsColumn() throws {
    let page = ContentSamples.page(id: "p").replacingOccurrences(
      of: "Body text.", with: "See [the other](missing-page) and [AWS](https://aws.amazon.com/) and `[x](code)`.")
    let set = try ContentSamples.load(["content/p.md": page])
    #expect(
      set.findings.map(\.summaryLine) == [
        "content/p.md:9:17: error: 'link' names topic or model 'missing-page', which does not exist"
      ])
  }

  @Test(
    arguments: [
      ("`[a](in-code)` then [b](missing-b)", ["content/p.md:9:25: error: 'link' names topic or model 'missing-b'"]),
      (
        "``` \n[a](in-fence)\n```\n[b](missing-b)",
        ["content/p.md:12:5: error: 'link' names topic or model 'missing-b'"]
      ),
      ("brackets [a] and (parens) but no link, `code` too", []),
      (
        "[a](missing-a) `x` [b](missing-b)",
        [
          "content/p.md:9:5: error: 'link' names topic or model 'missing-a'",
          "content/p.md:9:24: error: 'link' names topic or model 'missing-b'",
        ]
      ),
    ] as [(String, [String])])
  func bodyLinksAreFoundOutsideCodeOnlyAtTheirColumns(body: String, expected: [String]) throws {
    let page = ContentSamples.page(id: "p").replacingOccurrences(of: "Body text.", with: body)
    let lines = try ContentSamples.load(["content/p.md": page]).findings.map(\.summaryLine)
    #expect(lines == expected.map { $0 + ", which does not exist" })
  }
}
