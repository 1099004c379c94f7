import Testing

@testable import Content

/// The shapes of ordering, matching and case-study items, as check-content enforces them.
@Suite struct QuizItemShapeTests {
  static func messages(_ yaml: String) throws -> [String] {
    try ContentSamples.load(["quizzes/t.yaml": "items:\n" + yaml]).findings.map(\.message)
  }

  static let tail = """
        sources: [https://docs.aws.amazon.com/bedrock/]
        verified: 2026-11-26

    """

  @Test func aValidOrderingItemKeepsItsStepsInOrder() throws {
    let set = try ContentSamples.load([
      "quizzes/t.yaml": """
      items:
        - id: o-1
          type: ordering
          objective: 3.3.1
          stem: Order these.
          steps:
            - {text: Prepare data, why: First.}
            - {text: Train, why: Second.}
            - {text: Evaluate, why: Third.}
      \(Self.tail)
      """
    ])
    #expect(set.findings == [])
    #expect(set.item("o-1")?.steps.map(\.text) == ["Prepare data", "Train", "Evaluate"])
  }

  @Test func anOrderingWithTooFewStepsOrAStepWithoutWhyIsReported() throws {
    let messages = try Self.messages(
      """
        - id: o-1
          type: ordering
          objective: 3.3.1
          stem: Order these.
          steps:
            - {text: A, why: First.}
            - {text: B}
      \(Self.tail)
      """)
    #expect(messages.contains("an ordering item has 3 to 5 steps; this one has 2"))
    #expect(messages.contains("every step needs a 'why' that explains its place"))
  }

  @Test func aMatchingThatIsNotOneToOneIsReported() throws {
    let messages = try Self.messages(
      """
        - id: m-1
          type: matching
          objective: 1.2.5
          stem: Match.
          pairs:
            - {prompt: Speech to text, answer: Amazon Transcribe, why: ASR.}
            - {prompt: Text to speech, answer: Amazon Polly, why: TTS.}
            - {prompt: Read aloud, answer: Amazon Polly, why: TTS.}
          distractors:
            - {answer: Amazon Transcribe, why: Not this.}
      \(Self.tail)
      """)
    #expect(
      messages.contains(
        "each prompt needs its own response: two prompts share a response, so the match is not one-to-one"))
    #expect(messages.contains("distractor 'Amazon Transcribe' is also the response of a prompt"))
  }

  @Test func aCaseStudyNeedsTwoQuestionsOfChoiceTypesAndSharesItsSources() throws {
    let set = try ContentSamples.load([
      "quizzes/t.yaml": """
      items:
        - id: c-1
          type: case-study
          objective: 3.1.3
          scenario: An insurer wants answers from policy documents.
          questions:
            - id: c-1-q1
              type: multiple-choice
              objective: 3.1.3
              stem: Which approach fits?
              options:
                - {text: RAG, correct: true, why: Current documents at query time.}
                - {text: Pre-training, why: Far too costly.}
                - {text: Provisioned Throughput, why: Capacity, not knowledge.}
                - {text: A larger temperature, why: Randomness, not knowledge.}
            - id: c-1-q2
              type: ordering
              objective: 3.1.3
              stem: Order.
      \(Self.tail)
      """
    ])
    let messages = set.findings.map(\.message)
    #expect(messages.contains("type 'ordering' is not one of multiple-choice, multiple-response"))
    #expect(messages.contains("a case study has at least 2 questions; this one has 1"))
    let question = try #require(set.item("c-1")?.questions.first)
    #expect(question.sources == ["https://docs.aws.amazon.com/bedrock/"])
    #expect(question.scenario == "An insurer wants answers from policy documents.")
  }
}

@Suite struct NearDuplicateStemTests {
  @Test func twoItemsOfAnObjectiveWithNearlyTheSameStemAreReported() throws {
    let first = ContentSamples.quiz(id: "q-1").replacingOccurrences(
      of: "stem: Which option is right?",
      with: "stem: A bank wants to classify loan documents with a foundation model. Which option is right?")
    let second = ContentSamples.quiz(id: "q-2").replacingOccurrences(of: "items:\n", with: "")
      .replacingOccurrences(
        of: "stem: Which option is right?",
        with: "stem: A bank wants to classify its loan documents with a foundation model. Which option is right?")
    let set = try ContentSamples.load(["quizzes/q.yaml": first + second])
    let messages = set.completenessFindings().map(\.message)
    #expect(messages.contains { $0.hasPrefix("item 'q-2' nearly repeats the stem of 'q-1'") })
  }

  @Test func differentScenariosAreNotDuplicates() throws {
    let first = ContentSamples.quiz(id: "q-1").replacingOccurrences(
      of: "stem: Which option is right?",
      with: "stem: A bank wants to classify loan documents with a foundation model. Which option is right?")
    let second = ContentSamples.quiz(id: "q-2").replacingOccurrences(of: "items:\n", with: "")
      .replacingOccurrences(
        of: "stem: Which option is right?",
        with: "stem: A hospital needs to summarise discharge notes in plain language for patients. Which fits?")
    let set = try ContentSamples.load(["quizzes/q.yaml": first + second])
    #expect(!set.completenessFindings().map(\.message).contains { $0.contains("nearly repeats") })
  }
}
