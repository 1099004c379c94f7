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
    ("continued pre-training", "continued-pre-training"),
  ])
  func aPageIsFoundByItsIdTitleOrEitherNumber(query: String, id: String) throws {
    try #require(!Self.index.topics.isEmpty, "the repository's content did not load")
    guard case .found(let page) = Self.index.lookup(query) else {
      Issue.record("'\(query)' gave \(Self.index.lookup(query))")
      return
    }
    #expect(page.id == id)
  }

  @Test(arguments: [
    ("guardrails", "guardrail"), ("policies", "policy"), ("loss", "loss"), ("corpus", "corpus"),
    ("gas", "gas"), ("models", "model"), ("analysis", "analysis"),
  ])
  func aPluralBecomesItsSingularAndOtherWordsStay(word: String, singular: String) {
    #expect(TopicIndex.singular(word) == singular)
  }
}
