import Terminal
import Testing

@testable import App

/// Tab completion of model slugs, page ids, capabilities and option values.
@Suite struct KnowledgeCompletionTests {
  static let ids = ContentCompletionIDs {
    .init(
      models: ["claude-3-5-haiku", "nova-micro", "nova-reel"], topics: ["fine-tuning", "rlhf"],
      objectives: ["3.3.1"], domains: ["3"], providers: ["amazon", "luma-ai"])
  }
  static let completion = CommandCompletion(extra: ids.completers)

  static func complete(_ text: String) -> [String] {
    let request = CompletionRequest(textBeforeCursor: text)
    return completion.completions(for: request).filter { $0.hasPrefix(request.partial) }
  }

  @Test func modelCompletesSlugs() {
    #expect(Self.complete("model nova-") == ["nova-micro", "nova-reel"])
  }

  @Test func canCompletesAModelThenACapability() {
    #expect(Self.complete("can claude") == ["claude-3-5-haiku"])
    #expect(Self.complete("can nova-micro image-i") == ["image-input"])
  }

  @Test func whichCompletesCapabilities() {
    #expect(Self.complete("which fine-") == ["fine-tuning"])
  }

  @Test func topicAndDiffCompletePageIds() {
    #expect(Self.complete("topic rl") == ["rlhf"])
    #expect(Self.complete("diff fine-tuning nova-m") == ["nova-micro"])
    #expect(Self.complete("topics 3") == ["3", "3.3.1"])
  }

  @Test func modelsCompletesOptionValues() {
    #expect(Self.complete("models --output vid") == ["video"])
    #expect(Self.complete("models --provider lu") == ["luma-ai"])
    #expect(Set(Self.complete("models --sort pr")) == ["price", "provider"])
  }

  @Test func idsAreLoadedOnceOnFirstUse() {
    final class Counter: @unchecked Sendable { var loads = 0 }
    let counter = Counter()
    let ids = ContentCompletionIDs {
      counter.loads += 1
      return .init(models: ["nova-micro"])
    }
    #expect(counter.loads == 0)
    _ = ids.ids
    _ = ids.ids
    #expect(counter.loads == 1)
  }
}
