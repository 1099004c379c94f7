/// Ends a composed answer the way generation would end: at a stop sequence or at the token budget.
enum OutputLimiter {
  /// The part of the answer that is returned, its token count and why it ended.
  struct Outcome: Equatable {
    var text: String
    var outputTokens: Int
    var stopReason: StopReason
  }

  /// Applies `maxTokens` and `stopSequences` to the complete answer `full`.
  ///
  /// The earliest stop sequence (empty ones are ignored) ends the text just before it, if the text up to
  /// there fits the budget. Otherwise an answer over budget is cut after its last whole word that fits, and
  /// reports `maxTokens` output tokens as the real API does (the cut-off partial word is not shown); only when
  /// not even a first word fits is it cut inside that word. The returned text is always a prefix of `full`.
  static func limit(
    _ full: String, maxTokens: Int, stopSequences: [String], tokenizer: TokenizerProfile
  ) -> Outcome {
    let budget = max(0, maxTokens)
    let stop = stopSequences.lazy.filter { !$0.isEmpty }.compactMap { full.firstRange(of: $0)?.lowerBound }.min()
    if let stop {
      let before = full[..<stop]
      let tokens = TokenEstimator.count(before, profile: tokenizer)
      if tokens <= budget { return Outcome(text: String(before), outputTokens: tokens, stopReason: .stopSequence) }
    } else {
      let tokens = TokenEstimator.count(full, profile: tokenizer)
      if tokens <= budget { return Outcome(text: full, outputTokens: tokens, stopReason: .endTurn) }
    }
    let cut = longestPrefix(of: full, within: budget, tokenizer: tokenizer)
    return Outcome(text: String(cut), outputTokens: budget, stopReason: .maxTokens)
  }

  /// The longest prefix of `text` ending at a word's end whose estimate is at most `budget`; failing that,
  /// the longest such prefix of the first word; empty when the budget is 0.
  private static func longestPrefix(of text: String, within budget: Int, tokenizer: TokenizerProfile) -> Substring {
    guard budget > 0 else { return text[..<text.startIndex] }
    var wordEnds: [String.Index] = []
    var previousWasSpace = true
    var index = text.startIndex
    while index < text.endIndex {
      let isSpace = text[index].isWhitespace
      if isSpace && !previousWasSpace { wordEnds.append(index) }
      previousWasSpace = isSpace
      index = text.index(after: index)
    }
    if !previousWasSpace { wordEnds.append(text.endIndex) }
    // The estimate grows with the prefix, so binary search for the last word end that fits.
    var low = 0
    var high = wordEnds.count
    while low < high {
      let middle = (low + high) / 2
      if TokenEstimator.count(text[..<wordEnds[middle]], profile: tokenizer) <= budget {
        low = middle + 1
      } else {
        high = middle
      }
    }
    if low > 0 { return text[..<wordEnds[low - 1]] }
    var end = text.startIndex
    while end < text.endIndex, !text[end].isWhitespace {
      let next = text.index(after: end)
      if TokenEstimator.count(text[..<next], profile: tokenizer) > budget { break }
      end = next
    }
    return text[..<end]
  }
}
