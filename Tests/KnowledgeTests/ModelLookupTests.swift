import Testing

@testable import Content
@testable import Knowledge

@Suite struct ModelLookupTests {
  @Test(arguments: [
    ("nova-micro", "nova-micro"), ("nova micro", "nova-micro"), ("Amazon Nova Micro", "nova-micro"),
    ("amazon.nova-micro-v1:0", "nova-micro"), ("micro", "nova-micro"), ("claude 3.5 sonnet", "claude-3-5-sonnet"),
    ("Claude 3.5 Haiku", "claude-3-5-haiku"), ("anthropic claude 3.5 haiku", "claude-3-5-haiku"),
    ("NOVA  REEL", "nova-reel"),
  ])
  func aModelIsFoundFromAnyReasonableName(query: String, slug: String) {
    #expect(
      KnowledgeSamples.catalog.lookup(query) == .found(KnowledgeSamples.catalog.models.first { $0.slug == slug }!))
  }

  @Test func wordsThatFitSeveralModelsAreAmbiguous() {
    guard case .ambiguous(let slugs) = KnowledgeSamples.catalog.lookup("haiku") else {
      Issue.record("expected an ambiguous lookup")
      return
    }
    #expect(Set(slugs) == ["claude-3-haiku", "claude-3-5-haiku"])
  }

  @Test func aTypoSuggestsTheNearestSlug() {
    guard case .notFound(let suggestions) = KnowledgeSamples.catalog.lookup("nova-mirco") else {
      Issue.record("a misspelt name must not match")
      return
    }
    #expect(suggestions.first == "nova-micro")
  }

  @Test func nothingSimilarSuggestsNothing() {
    #expect(KnowledgeSamples.catalog.lookup("zzzzqqq") == .notFound(suggestions: []))
    #expect(KnowledgeSamples.catalog.lookup("   ") == .notFound(suggestions: []))
  }

  @Test func versionDotsAndPunctuationNormalize() {
    #expect(ModelCatalog.words("Claude 3.5 Sonnet v2") == ["claude", "3", "5", "sonnet", "v2"])
    #expect(ModelCatalog.key("amazon.nova-micro-v1:0") == "amazon-nova-micro-v1-0")
  }
}

@Suite struct ProviderLookupTests {
  static let catalog = ModelCatalog(
    models: ["Amazon", "Mistral AI", "TwelveLabs", "AI21 Labs", "Stability AI"].map { provider in
      KnowledgeSamples.model("m", name: "M", provider: provider, input: [.text], output: [.text])
    })

  @Test(arguments: [
    ("mistral", "Mistral AI"), ("Mistral AI", "Mistral AI"), ("MISTRAL-AI", "Mistral AI"), ("ai21", "AI21 Labs"),
    ("twelve labs", "TwelveLabs"), ("twelvelabs", "TwelveLabs"), ("stability", "Stability AI"), ("amazon", "Amazon"),
  ])
  func aProviderIsFoundByItsNameItsFirstWordOrItsIdPrefix(query: String, provider: String) {
    #expect(Self.catalog.provider(named: query) == provider)
  }

  @Test(arguments: ["ai", "labs", "", "  ", "mistra", "amazon nova"])
  func otherWordsFindNoProvider(query: String) {
    #expect(Self.catalog.provider(named: query) == nil)
  }

  @Test func aFirstWordTwoProvidersShareFindsNeither() {
    let catalog = ModelCatalog(
      models: ["Stability AI", "Stability Labs"].map {
        KnowledgeSamples.model("m", name: "M", provider: $0, input: [.text], output: [.text])
      })
    #expect(catalog.provider(named: "stability") == nil)
    #expect(catalog.provider(named: "stability labs") == "Stability Labs")
  }
}
