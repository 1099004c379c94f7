import Foundation
import TestSupport
import Testing

@testable import Content
@testable import Knowledge

/// `topic WORDS` finds a page the way a learner names it.
@Suite struct TopicLookupTests {
  static let index = TopicIndex(topics: (try? TestSession.repositoryContent.get().topics) ?? [])

  @Test(arguments: [
    ("bedrock-guardrails", "bedrock-guardrails"), ("guardrail", "bedrock-guardrails"),
    ("guardrails", "bedrock-guardrails"), ("Bedrock Guardrail", "bedrock-guardrails"),
    ("comprehend", "amazon-comprehend"), ("fine tuning", "fine-tuning"),
    ("continued pre-training", "continued-pre-training"), ("rag", "retrieval-augmented-generation"),
    ("RAG", "retrieval-augmented-generation"),
    ("mcp", "model-context-protocol"), ("llm", "transformer-llms"), ("rft", "reinforcement-fine-tuning"),
  ])
  func aPageIsFoundByItsIdTitleOrEitherNumber(query: String, id: String) throws {
    try #require(!Self.index.topics.isEmpty, "the repository's content did not load")
    guard case .found(let page) = Self.index.lookup(query) else {
      Issue.record("'\(query)' gave \(Self.index.lookup(query))")
      return
    }
    #expect(page.id == id)
  }

  @Test func anAcronymOfSeveralPagesListsThem() throws {
    try #require(!Self.index.topics.isEmpty, "the repository's content did not load")
    guard case .ambiguous(let ids) = Self.index.lookup("pt") else {
      Issue.record("'pt' gave \(Self.index.lookup("pt"))")
      return
    }
    #expect(Set(ids) == ["pre-training", "prompting-techniques", "bedrock-provisioned-throughput"])
  }

  @Test(arguments: [
    ("guardrails", "guardrail"), ("policies", "policy"), ("loss", "loss"), ("corpus", "corpus"),
    ("gas", "gas"), ("models", "model"), ("analysis", "analysis"),
  ])
  func aPluralBecomesItsSingularAndOtherWordsStay(word: String, singular: String) {
    #expect(TopicIndex.singular(word) == singular)
  }

  @Test(arguments: [
    ("Retrieval Augmented Generation (RAG)", "retrieval-augmented-generation", ["rag"]),
    ("Transformer-based large language models (LLMs)", "transformer-llms", ["tl", "llms", "llm"]),
    ("Evaluating FM applications (RAG, agents, workflows)", "evaluating-fm-applications", ["efa"]),
    ("Fine-tuning (supervised)", "fine-tuning", ["ft"]), ("Guardrails", "guardrails", []),
    ("Prompt (A) and (BC)", "p", ["bc"]),
  ])
  func aPagesAcronymsAreItsIdsInitialsAndAnAbbreviationAloneInParentheses(
    title: String, id: String, acronyms: [String]
  ) {
    let page = Topic(
      id: id, title: title, kind: .concept, objectives: [], summary: "", body: "", flashcards: [], sources: [],
      verified: nil, location: SourceLocation(file: "t.md", line: 1, column: 1))
    #expect(page.acronyms == Set(acronyms))
  }
}
