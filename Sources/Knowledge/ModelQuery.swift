import Content

/// The filters and order of the `models` table.
public struct ModelQuery: Sendable, Equatable {
  public enum Sort: String, Sendable, CaseIterable {
    case name, provider, price, context
  }

  public var provider: String?
  public var input: ModelEntry.Modality?
  public var output: ModelEntry.Modality?
  public var customization: Capability?
  public var provisioned = false
  /// Highest on-demand price per 1,000 input tokens, in US dollars.
  public var maxPrice: Double?
  /// Every capability listed must hold (`which`).
  public var capabilities: [Capability] = []
  public var sort: Sort = .provider

  public init() {}

  public func matches(_ model: ModelEntry) -> Bool {
    if let provider, ModelCatalog.key(model.provider) != ModelCatalog.key(provider) { return false }
    if let input, !model.modalities.input.contains(input) { return false }
    if let output, !model.modalities.output.contains(output) { return false }
    if let customization, Verdict.evaluate(customization, for: model).answer != .yes { return false }
    if provisioned, Verdict.evaluate(.provisionedThroughput, for: model).answer != .yes { return false }
    if let maxPrice {
      guard let price = model.pricing?.inputPer1K, price <= maxPrice else { return false }
    }
    return capabilities.allSatisfy { Verdict.evaluate($0, for: model).answer == .yes }
  }

  public func run(on catalog: ModelCatalog) -> [ModelEntry] {
    let found = catalog.models.filter(matches)
    switch sort {
    case .name: return found.sorted { $0.name.lowercased() < $1.name.lowercased() }
    case .provider: return found
    case .price:
      // Cheapest token price first; models priced per image or second, then unpriced ones, last.
      return found.sorted { a, b in
        let (pa, pb) = (a.pricing?.inputPer1K ?? .infinity, b.pricing?.inputPer1K ?? .infinity)
        if pa != pb { return pa < pb }
        let (oa, ob) = (a.pricing?.outputPer1K ?? .infinity, b.pricing?.outputPer1K ?? .infinity)
        return oa != ob ? oa < ob : a.name < b.name
      }
    case .context:
      return found.sorted { a, b in
        let (ca, cb) = (a.modalities.contextWindow ?? -1, b.modalities.contextWindow ?? -1)
        return ca != cb ? ca > cb : a.name < b.name
      }
    }
  }
}
