import Core

/// What a simulated answer will say, before it is laid out: the opening and closing lines and, for each
/// passage used, the sentences taken from it, in answer order.
///
/// Every random choice is made here, through a `RankSampler`, in a fixed order: length, opening, closing,
/// passage order, sentence order within each passage, paragraph connectives. The choices do not depend on
/// `maxTokens` or stop sequences, which only cut the finished text.
struct AnswerPlan: Equatable {
  /// One passage's share of the answer.
  struct Item: Equatable {
    var title: String
    var sentences: [String]
    /// A linking phrase before the item's first sentence in prose ("In addition, "), or "".
    var connective: String
  }

  var layout: StyleProfile.Layout
  var opening: String?
  var items: [Item]
  var closing: String?
  /// The output tokens the plan aimed for (the style's typical length times the sampled length factor).
  var targetTokens: Int

  /// Answer lengths relative to the style's typical length, most likely first.
  static let lengthFactors = [1.0, 0.92, 1.08, 0.85, 1.15, 0.78, 1.22]
  /// The most sentences a terse answer has.
  static let terseSentences = 2

  /// Plans an answer to a prompt about `topic` from sanitised `passages` (each with at least one sentence).
  static func make(
    topic: String, passages: [CleanPassage], style: StyleProfile, tokenizer: TokenizerProfile,
    sampler: RankSampler, generator: inout SeededGenerator
  ) -> AnswerPlan {
    let layout = style.layout
    let factor = sampler.pick(lengthFactors, using: &generator) ?? 1
    let target = max(1, Int(min(1e12, Double(max(0, style.typicalOutputTokens)) * factor).rounded()))
    let opening =
      layout == .terse
      ? nil : sampler.pick(Phrasing.openings(for: layout, styleOpening: style.opening, topic: topic), using: &generator)
    let closing = layout == .terse ? nil : sampler.pick(Phrasing.closings, using: &generator)
    let order = sampledOrder(passages.count, sampler: sampler, generator: &generator)
    let sentenceOrders = order.map {
      sampledOrder(passages[$0].sentences.count, sampler: sampler, generator: &generator)
    }
    let connectives = order.map { _ in sampler.pick(Phrasing.connectives, using: &generator) ?? "" }

    var items = order.indices.map { position in
      Item(title: passages[order[position]].title, sentences: [], connective: connectives[position])
    }
    let fixedCost = [opening, closing].compactMap { $0 }.reduce(0) { $0 + TokenEstimator.count($1, profile: tokenizer) }
    var used = fixedCost
    var taken = 0
    var round = 0
    filling: while true {
      var anyLeft = false
      for position in order.indices {
        let passage = passages[order[position]]
        let sentenceOrder = sentenceOrders[position]
        guard round < sentenceOrder.count else { continue }
        anyLeft = true
        let sentence = passage.sentences[sentenceOrder[round]]
        let cost = Self.cost(of: sentence, in: items[position], layout: layout, tokenizer: tokenizer)
        let fits = used + cost / 2 <= target
        if taken > 0 && (!fits || (layout == .terse && taken >= terseSentences)) { break filling }
        items[position].sentences.append(sentence)
        used += cost
        taken += 1
      }
      if !anyLeft { break }
      round += 1
    }
    items.removeAll { $0.sentences.isEmpty }
    return AnswerPlan(layout: layout, opening: opening, items: items, closing: closing, targetTokens: target)
  }

  /// How many of the remaining passages or sentences each sampling step ranks. Beyond this the rank weights
  /// (below e^-32 even at temperature 1) are negligible, and the cap keeps long retrieval lists linear.
  static let candidateWindow = 32

  /// A best-first ranking of `count` things reordered by sampling: each next element is picked among the
  /// first `candidateWindow` remaining ones by rank, so greedy sampling keeps the original order.
  private static func sampledOrder(_ count: Int, sampler: RankSampler, generator: inout SeededGenerator) -> [Int] {
    var remaining = Array(0..<count)
    var order: [Int] = []
    order.reserveCapacity(count)
    while !remaining.isEmpty {
      let window = min(remaining.count, candidateWindow)
      order.append(remaining.remove(at: sampler.pick(from: window, using: &generator)))
    }
    return order
  }

  /// The estimated tokens `sentence` adds to `item` once laid out (with the item's marker or heading when it
  /// is the item's first sentence).
  private static func cost(
    of sentence: String, in item: Item, layout: StyleProfile.Layout, tokenizer: TokenizerProfile
  ) -> Int {
    let sentenceTokens = TokenEstimator.count(sentence, profile: tokenizer)
    guard item.sentences.isEmpty else { return sentenceTokens + (layout == .headedSections ? 1 : 0) }
    switch layout {
    case .numberedList: return sentenceTokens + TokenEstimator.count("1. **\(item.title)** —", profile: tokenizer)
    case .headedSections: return sentenceTokens + TokenEstimator.count("## \(item.title) -", profile: tokenizer)
    case .prose: return sentenceTokens + TokenEstimator.count(item.connective, profile: tokenizer)
    case .terse: return sentenceTokens
    }
  }
}

/// A passage with its title and sentences sanitised and empty sentences dropped.
struct CleanPassage: Equatable {
  var title: String
  var sentences: [String]

  /// Nil when the passage has no sentence left after cleaning.
  init?(_ passage: Passage, position: Int) {
    sentences = passage.sentences.map { TextSanitizer.clean($0) }.filter { !$0.isEmpty }
    guard !sentences.isEmpty else { return nil }
    let title = TextSanitizer.clean(passage.title).replacing("**", with: "")
    let id = TextSanitizer.clean(passage.id)
    self.title = !title.isEmpty ? title : !id.isEmpty ? id : "Point \(position + 1)"
  }
}
