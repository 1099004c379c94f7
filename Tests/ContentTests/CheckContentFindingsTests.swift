import Foundation
import TestSupport
import Testing

@testable import Content

/// What `check-content` reports for each kind of problem: exact file, line, column and message.
@Suite struct CheckContentFindingsTests {
  @Test func validSamplesHaveNoFindings() throws {
    let set = try ContentSamples.load([
      "content/sample.md": ContentSamples.page(id: "sample"), "quizzes/sample.yaml": ContentSamples.quiz(id: "q-1"),
    ])
    #expect(set.findings == [])
    #expect(set.topics.map(\.id) == ["sample"])
    #expect(set.items.map(\.id) == ["q-1"])
  }

  @Test func yamlSyntaxErrorInFrontMatterIsReportedAtItsFileLine() throws {
    let page = """
      ---
      id: broken
      title: [unclosed
      summary: s
      ---
      Body.
      """
    #expect(
      try ContentSamples.findings(["content/broken.md": page]) == [
        "content/broken.md:4:8: error: YAML syntax error: did not find expected ',' or ']' "
          + "(while parsing a flow sequence at line 3)"
      ])
  }

  @Test func yamlSyntaxErrorInAQuizFileIsReportedAtItsLine() throws {
    let quiz = """
      items:
        - id: a
          stem: "unterminated
      """
    let findings = try ContentSamples.load(["quizzes/q.yaml": quiz]).findings
    try #require(findings.count == 1)
    #expect(findings[0].location == SourceLocation(file: "quizzes/q.yaml", line: 3, column: 24))
    #expect(findings[0].message.hasPrefix("YAML syntax error: found unexpected end of stream"))
    #expect(findings[0].message.hasSuffix("(while scanning a quoted scalar at line 3)"))
  }

  @Test func aQuotedNumberIsNotAWholeNumber() throws {
    let quiz = ContentSamples.quiz(id: "q-1").replacingOccurrences(
      of: "    objective: 3.3.1\n", with: "    objective: 3.3.1\n    difficulty: \"3\"\n")
    #expect(
      try ContentSamples.findings(["quizzes/q.yaml": quiz]) == [
        "quizzes/q.yaml:5:17: error: 'difficulty' must be a whole number from 1 to 3"
      ])
  }

  @Test func aDifficultyOutOfRangeNamesTheRange() throws {
    let quiz = ContentSamples.quiz(id: "q-1").replacingOccurrences(
      of: "    objective: 3.3.1\n", with: "    objective: 3.3.1\n    difficulty: 7\n")
    #expect(
      try ContentSamples.findings(["quizzes/q.yaml": quiz]) == [
        "quizzes/q.yaml:5:17: error: 'difficulty' is 7; it must be from 1 to 3"
      ])
  }

  @Test func wrongValueKindsAreReportedAtTheValue() throws {
    let page = ContentSamples.page(id: "p")
      .replacingOccurrences(of: "objectives: [3.3.1]", with: "objectives: {a: b}")
      .replacingOccurrences(of: "title: Sample page", with: "title: [a, b]")
    #expect(
      try ContentSamples.findings(["content/p.md": page]) == [
        "content/p.md:3:8: error: 'title' must be text, not a list",
        "content/p.md:4:13: error: 'objectives' must be a list, not a mapping",
      ])
  }

  @Test func aDuplicateKeyIsReportedAndTheRestOfTheFileIsStillChecked() throws {
    let page = """
      ---
      id: a
      title: A
      title: B
      summary: s
      sources: [http://example.com]
      verified: 2026-11-26
      sumary: x
      ---
      Body.
      """
    let set = try ContentSamples.load(["content/a.md": page])
    #expect(
      set.findings.map(\.summaryLine) == [
        "content/a.md:4:1: error: duplicate key 'title' in the same mapping",
        "content/a.md:6:11: error: source 'http://example.com' must be an https:// URL",
        "content/a.md:8:1: error: unknown key 'sumary' in the page's front matter; did you mean 'summary'?",
      ])
    #expect(set.topics.map(\.title) == ["A"])
  }

  @Test(
    arguments: [
      (
        "title: A\nsummary: s\ntitle: B\nsummary: t\n",
        ["content/a.md:5:1: duplicate key 'title'", "content/a.md:6:1: duplicate key 'summary'"]
      ),
      (
        "title: A\ntitle: B\ntitle: C\nsummary: s\n",
        ["content/a.md:4:1: duplicate key 'title'", "content/a.md:5:1: duplicate key 'title'"]
      ),
      (
        "title: A\nsummary: s\ntitle: B\nsummary: t\ntitle: C\n",
        [
          "content/a.md:5:1: duplicate key 'title'", "content/a.md:6:1: duplicate key 'summary'",
          "content/a.md:7:1: duplicate key 'title'",
        ]
      ),
    ] as [(String, [String])])
  func everyDuplicateKeyIsReportedOnceAtItsOwnDefinition(keys: String, expected: [String]) throws {
    let page = "---\nid: a\n" + keys + "sources: [https://example.com]\nverified: 2026-11-26\n---\nBody.\n"
    let findings = try ContentSamples.load(["content/a.md": page]).findings
    #expect(findings.map { "\($0.location): \($0.message)" } == expected.map { $0 + " in the same mapping" })
  }

  @Test func keysAreComparedAsTextSoAQuotedAndAPlainNumberAreOneKey() throws {
    // Keys are read as text; with Yams' default resolver a plain 1 (an int) and "1" (a string) were two keys. In a
    // flow mapping the finding points at the mapping (its keys share a line).
    let page =
      "---\nid: a\ntitle: A\nsummary: s\nsources: [https://example.com]\nverified: 2026-11-26\n"
      + "related: {1: x, \"1\": y}\n---\nBody.\n"
    let findings = try ContentSamples.load(["content/a.md": page]).findings
    #expect(
      findings.map { "\($0.location): \($0.message)" }.first
        == "content/a.md:7:11: duplicate key '1' in the same mapping")
  }

  @Test func aDuplicateKeyInsideAQuizItemPointsAtTheSecondKey() throws {
    let quiz = ContentSamples.quiz(id: "q-1").replacingOccurrences(
      of: "    stem: Which option is right?\n", with: "    stem: Which option is right?\n    stem: Again?\n")
    #expect(
      try ContentSamples.findings(["quizzes/q.yaml": quiz]) == [
        "quizzes/q.yaml:6:5: error: duplicate key 'stem' in the same mapping"
      ])
  }

  @Test func aDuplicateTopicIdAcrossFilesNotesTheFirstDefinition() throws {
    let findings = try ContentSamples.load([
      "content/first.md": ContentSamples.page(id: "same"), "content/second.md": ContentSamples.page(id: "same"),
    ]).findings
    try #require(findings.count == 1)
    #expect(findings[0].summaryLine == "content/second.md:2:5: error: duplicate topic id 'same'")
    #expect(
      findings[0].notes == [
        Finding.Note(
          location: SourceLocation(file: "content/first.md", line: 2, column: 5),
          message: "'same' is first defined here")
      ])
  }

  @Test func aDuplicateQuizItemIdAcrossFilesNotesTheFirstDefinition() throws {
    let findings = try ContentSamples.load([
      "quizzes/a.yaml": ContentSamples.quiz(id: "q-1"), "quizzes/b.yaml": ContentSamples.quiz(id: "q-1"),
    ]).findings
    try #require(findings.count == 1)
    #expect(findings[0].summaryLine == "quizzes/b.yaml:2:9: error: duplicate quiz item id 'q-1'")
    #expect(findings[0].notes.map(\.location.description) == ["quizzes/a.yaml:2:9"])
  }

  @Test func duplicateFlashcardIdsAreReported() throws {
    let page = ContentSamples.page(id: "p").replacingOccurrences(
      of: "verified: 2026-11-26\n",
      with: "verified: 2026-11-26\nflashcards:\n  - {id: card, q: Q1, a: A1}\n  - {id: card, q: Q2, a: A2}\n")
    #expect(
      try ContentSamples.findings(["content/p.md": page]) == [
        "content/p.md:10:10: error: duplicate flashcard id 'card'"
      ])
  }

  @Test func anUnknownKeySuggestsTheNearestKnownKey() throws {
    let quiz = ContentSamples.quiz(id: "q-1") + "    topcs: [x]\n"
    #expect(
      try ContentSamples.findings(["quizzes/q.yaml": quiz]) == [
        "quizzes/q.yaml:18:5: error: unknown key 'topcs' in the quiz item; did you mean 'topics'?"
      ])
  }

  @Test func anUnknownKeyFarFromAnyKnownKeyListsTheKnownKeys() throws {
    let quiz = ContentSamples.quiz(id: "q-1").replacingOccurrences(
      of: "        why: It is right.\n", with: "        why: It is right.\n        zzz: 1\n")
    #expect(
      try ContentSamples.findings(["quizzes/q.yaml": quiz]) == [
        "quizzes/q.yaml:10:9: error: unknown key 'zzz' in the option; known keys: correct, text, why"
      ])
  }

  @Test func missingRequiredKeysAreReportedAtTheStartOfTheMapping() throws {
    #expect(
      try ContentSamples.findings(["content/a.md": "---\nid: a\n---\nBody.\n"]) == [
        "content/a.md:2:1: error: the page's front matter is missing the required key 'sources'",
        "content/a.md:2:1: error: the page's front matter is missing the required key 'summary'",
        "content/a.md:2:1: error: the page's front matter is missing the required key 'title'",
        "content/a.md:2:1: error: the page's front matter is missing the required key 'verified'",
      ])
  }

  @Test func anEmptyRequiredValueIsReported() throws {
    let page = ContentSamples.page(id: "p").replacingOccurrences(of: "title: Sample page", with: "title:")
    #expect(
      try ContentSamples.findings(["content/p.md": page]) == ["content/p.md:3:7: error: 'title' must not be empty"])
  }

  @Test(arguments: ["2026-02-30", "2026-13-01", "26-11-2026", "yesterday"])
  func anInvalidDateIsReportedAtTheValue(date: String) throws {
    let page = ContentSamples.page(id: "p").replacingOccurrences(of: "2026-11-26", with: date)
    let set = try ContentSamples.load(["content/p.md": page])
    #expect(
      set.findings.map(\.summaryLine) == [
        "content/p.md:7:11: error: 'verified' must be a date written YYYY-MM-DD, not '\(date)'"
      ])
    #expect(set.topics.map(\.id) == ["p"], "a page with a bad date still loads, so links to it resolve")
    #expect(set.topics.first?.verified == nil)
  }

  @Test func aSourceThatIsNotHTTPSIsReportedAtTheEntry() throws {
    let page = ContentSamples.page(id: "p").replacingOccurrences(
      of: "sources: [https://docs.aws.amazon.com/bedrock/]",
      with: "sources:\n  - https://docs.aws.amazon.com/bedrock/\n  - http://example.com/page")
    #expect(
      try ContentSamples.findings(["content/p.md": page]) == [
        "content/p.md:8:5: error: source 'http://example.com/page' must be an https:// URL"
      ])
  }

  @Test func anUnknownObjectiveIdSuggestsTheNearestOne() throws {
    let quiz = ContentSamples.quiz(id: "q-1").replacingOccurrences(of: "objective: 3.3.1", with: "objective: 3.3.11")
    #expect(
      try ContentSamples.findings(["quizzes/q.yaml": quiz]) == [
        "quizzes/q.yaml:4:16: error: 'objective' names objective '3.3.11', which does not exist; did you mean '3.3.1'?"
      ])
  }

  @Test func anUnknownObjectiveInAListIsReportedAtItsEntry() throws {
    let page = ContentSamples.page(id: "p").replacingOccurrences(
      of: "objectives: [3.3.1]", with: "objectives: [3.3.1, 9.9.9]")
    #expect(
      try ContentSamples.findings(["content/p.md": page]) == [
        "content/p.md:4:21: error: 'objectives' names objective '9.9.9', which does not exist"
      ])
  }

  @Test func objectivesCannotBeCheckedWithoutAnExamGuide() throws {
    let set = try ContentSamples.load(["content/p.md": ContentSamples.page(id: "p")], includeGuide: false)
    #expect(
      set.findings.map(\.summaryLine) == [
        "Resources/exam-guide.yaml:1:1: error: the exam guide is missing, so objective ids cannot be checked",
        "content/p.md:4:14: error: 'objectives' names objective '3.3.1', which does not exist "
          + "(the exam guide did not load)",
      ])
  }

  @Test func anUnknownRelatedTopicSuggestsTheNearestTopic() throws {
    let page = ContentSamples.page(id: "p").replacingOccurrences(
      of: "verified: 2026-11-26\n",
      with: "verified: 2026-11-26\nrelated: [fine-tunin]\nconfuseWith: [nothing-like-it]\n")
    #expect(
      try ContentSamples.findings([
        "content/p.md": page, "content/fine-tuning.md": ContentSamples.page(id: "fine-tuning"),
      ]) == [
        "content/p.md:8:11: error: 'related' names topic or model 'fine-tunin', which does not exist; "
          + "did you mean 'fine-tuning'?",
        "content/p.md:9:15: error: 'confuseWith' names topic or model 'nothing-like-it', which does not exist",
      ])
  }

  @Test func anUnknownQuizTopicIsReported() throws {
    let quiz = ContentSamples.quiz(id: "q-1") + "    topics: [known, unknown]\n"
    #expect(
      try ContentSamples.findings([
        "quizzes/q.yaml": quiz, "content/known.md": ContentSamples.page(id: "known"),
      ]) == [
        "quizzes/q.yaml:18:21: error: 'topics' names topic 'unknown', which does not exist; did you mean 'known'?"
      ])
  }

  @Test func aMultipleChoiceItemWithTwoKeysIsReportedAtItsOptions() throws {
    let quiz = ContentSamples.quiz(id: "q-1").replacingOccurrences(
      of: "      - text: B\n", with: "      - text: B\n        correct: true\n")
    let set = try ContentSamples.load(["quizzes/q.yaml": quiz])
    #expect(
      set.findings.map(\.summaryLine) == [
        "quizzes/q.yaml:7:7: error: a multiple-choice item has exactly one correct option; this one has 2"
      ])
  }

  @Test func aMultipleChoiceItemNeedsFourOptions() throws {
    let quiz = ContentSamples.quiz(id: "q-1").replacingOccurrences(
      of: "      - text: D\n        why: It is wrong.\n", with: "")
    #expect(
      try ContentSamples.findings(["quizzes/q.yaml": quiz]) == [
        "quizzes/q.yaml:7:7: error: a multiple-choice item has 4 options; this one has 3"
      ])
  }

  static let multipleResponse = """
    items:
      - id: mr-1
        type: multiple-response
        objective: 3.3.1
        stem: Which statements are true? (Choose two.)
        options:
          - {text: A, correct: true, why: Right.}
          - {text: B, correct: true, why: Right.}
          - {text: C, correct: true, why: Right.}
          - {text: D, why: Wrong.}
          - {text: E, why: Wrong.}
        sources: [https://docs.aws.amazon.com/bedrock/]
        verified: 2026-11-26
    """

  @Test func aMultipleResponseStemThatAsksForTwoWithThreeKeysIsReportedAtTheStem() throws {
    #expect(
      try ContentSamples.findings(["quizzes/mr.yaml": Self.multipleResponse]) == [
        "quizzes/mr.yaml:5:11: error: the stem asks for 2 choices but 3 options are correct"
      ])
  }

  @Test func aMultipleResponseStemMustSayHowManyToChoose() throws {
    let quiz = Self.multipleResponse.replacingOccurrences(of: " (Choose two.)", with: "")
    #expect(
      try ContentSamples.findings(["quizzes/mr.yaml": quiz]) == [
        "quizzes/mr.yaml:5:11: error: a multiple-response stem must say how many to choose, e.g. '(Choose two.)'"
      ])
  }

  @Test func aMultipleResponseStemThatMatchesItsKeysIsAccepted() throws {
    let quiz = Self.multipleResponse.replacingOccurrences(of: "(Choose two.)", with: "(Choose three.)")
    #expect(try ContentSamples.findings(["quizzes/mr.yaml": quiz]) == [])
  }

  @Test func anOptionWithoutWhyIsReportedAtTheOption() throws {
    let quiz = ContentSamples.quiz(id: "q-1").replacingOccurrences(
      of: "      - text: D\n        why: It is wrong.\n", with: "      - text: D\n")
    #expect(
      try ContentSamples.findings(["quizzes/q.yaml": quiz]) == [
        "quizzes/q.yaml:14:9: error: every option needs a 'why' that explains it"
      ])
  }

  @Test func anUnknownItemTypeSuggestsTheNearestType() throws {
    let quiz = ContentSamples.quiz(id: "q-1").replacingOccurrences(
      of: "type: multiple-choice", with: "type: multiple-choise")
    let set = try ContentSamples.load(["quizzes/q.yaml": quiz])
    #expect(
      set.findings.map(\.summaryLine) == [
        "quizzes/q.yaml:3:11: error: type 'multiple-choise' is not one of multiple-choice, multiple-response, "
          + "ordering, matching, case-study; did you mean 'multiple-choice'?"
      ])
    #expect(set.items.isEmpty)
  }

  @Test func unterminatedFrontMatterIsReportedAtTheOpeningLine() throws {
    #expect(
      try ContentSamples.findings(["content/a.md": "---\nid: a\ntitle: A\n"]) == [
        "content/a.md:1:1: error: the front matter that starts here is never closed by a '---' line"
      ])
  }

  @Test func aPageWithoutFrontMatterIsReported() throws {
    #expect(
      try ContentSamples.findings(["content/a.md": "# Just Markdown\n\nNo front matter.\n"]) == [
        "content/a.md:1:1: error: a page must start with YAML front matter between '---' lines "
          + "(id, title, objectives, …)"
      ])
  }

  @Test func emptyFrontMatterIsReportedRatherThanSilentlySkipped() throws {
    #expect(
      try ContentSamples.findings(["content/a.md": "---\n---\nBody.\n"]) == [
        "content/a.md:2:1: error: the YAML is empty; expected a mapping of keys to values"
      ])
  }

  @Test func aQuizFileWithOnlyCommentsIsReported() throws {
    #expect(
      try ContentSamples.findings(["quizzes/q.yaml": "# nothing here yet\n"]) == [
        "quizzes/q.yaml:1:1: error: the YAML is empty; expected a mapping of keys to values"
      ])
  }

  @Test func aQuizFileWithoutItemsIsReported() throws {
    #expect(
      try ContentSamples.findings(["quizzes/q.yaml": "questions: []\n"]) == [
        "quizzes/q.yaml:1:1: error: the quiz file is missing the required key 'items'",
        "quizzes/q.yaml:1:1: error: unknown key 'questions' in the quiz file; known keys: items",
      ])
  }

  @Test func aNonUTF8FileIsReported() throws {
    let root = Fixtures.contentRoot([:])
    defer { Fixtures.remove(root) }
    try Data([0x2D, 0x2D, 0x2D, 0x0A, 0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(
      to: URL(fileURLWithPath: root + "/content/latin1.md"))
    let findings = try ContentLoader(root: root).load().findings
    #expect(findings.map(\.summaryLine) == ["content/latin1.md:1:1: error: the file is not valid UTF-8 text"])
  }

  @Test func aPageWithoutBodyTextIsAWarningAtTheClosingLine() throws {
    let page = ContentSamples.page(id: "p").replacingOccurrences(of: "Body text.\n", with: "\n")
    let set = try ContentSamples.load(["content/p.md": page])
    #expect(set.findings.map(\.summaryLine) == ["content/p.md:8:1: warning: the page has no body text"])
    #expect(set.findings.errorCount == 0)
    #expect(set.findings.warningCount == 1)
    #expect(set.topics.count == 1)
  }

  @Test func crlfLineEndingsLoadLikeLF() throws {
    let page = ContentSamples.page(id: "p").replacingOccurrences(of: "\n", with: "\r\n")
    let quiz = ContentSamples.quiz(id: "q-1").replacingOccurrences(of: "\n", with: "\r\n")
    let set = try ContentSamples.load(["content/p.md": page, "quizzes/q.yaml": quiz])
    #expect(set.findings == [])
    #expect(set.topics.first?.body == "Body text.\n")
    #expect(set.items.map(\.id) == ["q-1"])
  }

  @Test func crlfFindingsQuoteTheLineWithoutTheCarriageReturn() throws {
    let page = ContentSamples.page(id: "p")
      .replacingOccurrences(of: "title: Sample page", with: "title: [a]")
      .replacingOccurrences(of: "\n", with: "\r\n")
    let findings = try ContentSamples.load(["content/p.md": page]).findings
    #expect(findings.map(\.summaryLine) == ["content/p.md:3:8: error: 'title' must be text, not a list"])
    #expect(findings.first?.sourceLine == "title: [a]")
  }

  @Test func aDuplicateKeyInACRLFFileIsRenamedAndTheRestChecked() throws {
    let page = ContentSamples.page(id: "p")
      .replacingOccurrences(of: "title: Sample page\n", with: "title: A\ntitle: B\n")
      .replacingOccurrences(of: "\n", with: "\r\n")
    let set = try ContentSamples.load(["content/p.md": page])
    #expect(set.findings.map(\.summaryLine) == ["content/p.md:4:1: error: duplicate key 'title' in the same mapping"])
    #expect(set.topics.map(\.title) == ["A"])
  }

  @Test func theRenderedFindingShowsTheLineAndACaretUnderTheColumn() throws {
    let quiz = ContentSamples.quiz(id: "q-1").replacingOccurrences(
      of: "    objective: 3.3.1\n", with: "    objective: 3.3.1\n    difficulty: \"3\"\n")
    let finding = try #require(try ContentSamples.load(["quizzes/q.yaml": quiz]).findings.first)
    #expect(
      FindingRenderer.render(finding) == """
        quizzes/q.yaml:5:17: error: 'difficulty' must be a whole number from 1 to 3
                difficulty: "3"
                            ^

        """)
  }

  @Test func theRenderedDuplicateShowsItsNote() throws {
    let findings = try ContentSamples.load([
      "quizzes/a.yaml": ContentSamples.quiz(id: "q-1"), "quizzes/b.yaml": ContentSamples.quiz(id: "q-1"),
    ]).findings
    let finding = try #require(findings.first)
    #expect(
      FindingRenderer.render(finding) == """
        quizzes/b.yaml:2:9: error: duplicate quiz item id 'q-1'
              - id: q-1
                    ^
        quizzes/a.yaml:2:9: note: 'q-1' is first defined here

        """)
  }

  @Test func findingsAreSortedByFileLineAndColumn() throws {
    let set = try ContentSamples.load([
      "content/b.md": "no front matter\n", "content/a.md": "---\nid: a\n",
      "quizzes/q.yaml": "items: [\n",
    ])
    let locations = set.findings.map(\.location)
    #expect(locations == locations.sorted())
    #expect(set.findings.map(\.location.file) == ["content/a.md", "content/b.md", "quizzes/q.yaml"])
  }
}
