import Core
import Testing

@testable import Content
@testable import Search

@Suite struct SearchIndexTests {
  static func page(
    _ id: String, title: String, summary: String, body: String, cards: [(String, String)] = []
  ) -> Topic {
    Topic(
      id: id, title: title, kind: .concept, objectives: [], summary: summary, body: body, related: [],
      confuseWith: [],
      flashcards: cards.enumerated().map { index, card in
        Flashcard(
          id: "\(id)#\(index + 1)", prompt: card.0, answer: card.1,
          location: SourceLocation(file: "t.md", line: 1, column: 1), sourceLine: nil)
      }, sources: [], verified: nil, location: SourceLocation(file: "t.md", line: 1, column: 1), sourceLine: nil)
  }

  static let content = ContentSet(
    root: "/tmp", guide: .empty,
    topics: [
      page(
        "pre-training", title: "Pre-training", summary: "Self-supervised training on a huge corpus.",
        body: "Pre-training uses unlabeled data at web scale to learn language in general.",
        cards: [("What data does pre-training use?", "Web-scale text.")]),
      page(
        "continued-pre-training", title: "Continued pre-training",
        summary: "Further training on unlabeled data from one domain.", body: "Bring your domain documents."),
      page(
        "fine-tuning", title: "Fine-tuning", summary: "Training on labeled examples.",
        body: "Fine-tuning teaches a task; the model is trained on prompt and completion pairs.",
        cards: [("What does fine-tuning need?", "Labeled prompt-response pairs.")]),
      page(
        "guardrails", title: "Guardrails", summary: "Filters harmful content and PII.",
        body: "Content filters, denied topics and sensitive information filters."),
    ], items: [], models: [], findings: [], fileCount: 4)

  static let index = try! SearchIndex(content: content)

  @Test func indexedTextKeepsALinksTextButNotItsTargetAndDropsListMarkers() {
    let text = SearchIndex.plainText(
      markdown: """
        See [Bedrock Guardrails](bedrock-guardrails) and [the guide](https://aws.amazon.com/x_(y)).
        - first point with a-dash
          + nested item
        * starred
        (plain parentheses) stay; an [unclosed](link
        """)
    #expect(
      text == """
        See Bedrock Guardrails and the guide.
        first point with a-dash
        nested item
        starred
        (plain parentheses) stay; an unclosed (link
        """)
  }

  @Test func aWordThatIsAPagesAcronymPutsThatPageFirst() throws {
    let rag = Self.page(
      "retrieval-augmented-generation", title: "Retrieval Augmented Generation (RAG)",
      summary: "Answers grounded in documents retrieved at question time.", body: "RAG adds retrieved passages.")
    let evaluation = Self.page(
      "evaluating-fm-applications", title: "Evaluating FM applications (RAG, agents)",
      summary: "How RAG systems and agents are evaluated.",
      body: "RAG evaluation: retrieval RAG metrics, RAG correctness, RAG faithfulness, and RAG citations.")
    let index = try SearchIndex(
      content: ContentSet(
        root: "/tmp", guide: .empty, topics: [evaluation, rag], items: [], models: [], findings: [], fileCount: 2))
    #expect(
      try index.search("what is rag").hits.map(\.id) == [
        "retrieval-augmented-generation", "evaluating-fm-applications",
      ])
    #expect(try index.search("rag evaluation").hits.first?.id == "evaluating-fm-applications")
  }

  @Test(
    arguments: [
      ("retrieval-augmented-generation", "rag"), ("bedrock-provisioned-throughput", "pt"),
      ("large-language-models", "llm"), ("amazon-comprehend", nil), ("fine-tuning", "ft"), ("guardrails", nil),
      ("aws-well-architected-ml-lens", "waml"), ("top-p-2", nil),
    ] as [(String, String?)])
  func aPagesAcronymIsTheInitialsOfItsIdAfterAServicePrefix(id: String, acronym: String?) {
    #expect(Topic.acronym(ofID: id) == acronym)
  }

  @Test func aSnippetShowsALinksTextOnce() throws {
    let linking = Self.page(
      "prompt-attacks", title: "Prompt attacks", summary: "Injection and jailbreaks.",
      body: "Mitigations: [Amazon Bedrock Guardrails](bedrock-guardrails) detects jailbreaks.")
    let index = try SearchIndex(
      content: ContentSet(
        root: "/tmp", guide: .empty, topics: [linking], items: [], models: [], findings: [], fileCount: 1))
    let hit = try #require(try index.search("mitigations").hits.first)
    #expect(hit.snippet.contains("Amazon Bedrock Guardrails"))
    #expect(!hit.snippet.lowercased().contains("guardrails bedrock guardrails"))
  }

  @Test func aDefinitionWithTheExactPhraseRanksFirst() throws {
    let result = try Self.index.search("unlabeled data")
    #expect(result.hits.map(\.id).prefix(2) == ["continued-pre-training", "pre-training"])
    #expect(!result.partial)
  }

  @Test func wordFormsMatchThroughStemming() throws {
    #expect(try Self.index.search("trains").hits.map(\.id).contains("fine-tuning"))
    #expect(try Self.index.search("filtering").hits.first?.id == "guardrails")
  }

  @Test func typosAreCorrectedFromTheIndexVocabulary() throws {
    let result = try Self.index.search("fien tuning")
    #expect(result.corrections == [SearchIndex.Correction(typed: "fien", used: "fine")])
    #expect(result.hits.first?.id == "fine-tuning")
  }

  @Test func matchingFlashcardsAreShownUnderTheirPage() throws {
    let result = try Self.index.search("what does fine-tuning need")
    let hit = try #require(result.hits.first)
    #expect(hit.id == "fine-tuning")
    #expect(hit.flashcards.first?.contains("need") == true)
  }

  @Test func snippetsMarkTheMatchedWords() throws {
    let hit = try #require(try Self.index.search("denied topics").hits.first)
    #expect(hit.snippet.contains(SearchIndex.highlightStart + "denied" + SearchIndex.highlightEnd))
  }

  @Test func wordsNoPageHasTogetherGivePartialResults() throws {
    let result = try Self.index.search("guardrails corpus")
    #expect(result.hits.count == 2)
    #expect(result.partial)
    #expect(Set(result.hits.map(\.id)).isSuperset(of: ["guardrails", "pre-training"]))
  }

  @Test func anEmptyQueryAndAStopwordQueryAreProblemsNotSearches() {
    #expect(throws: SearchIndex.Problem.empty) { try Self.index.search("  ?! ") }
    #expect(throws: SearchIndex.Problem.onlyStopwords(["what", "is", "the"])) { try Self.index.search("what is the") }
  }

  @Test func searchSyntaxCharactersAreTakenAsWords() throws {
    for query in ["\"unbalanced", "NEAR(a b)", "a OR", "*", "col:term", "^start", "AND AND"] {
      _ = try? Self.index.search(query)
    }
    #expect(try Self.index.search("unlabeled\" OR \"").hits.isEmpty == false)
  }

  @Test func aTenThousandCharacterQueryIsCappedNotRejected() throws {
    let long = String(repeating: "unlabeled data ", count: 700)
    #expect(long.count > 10_000)
    let result = try Self.index.search(long)
    #expect(result.terms.count <= SearchIndex.maximumTerms)
    #expect(result.hits.first?.id == "continued-pre-training")
  }
}
