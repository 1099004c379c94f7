/// "Did you mean …?" suggestions by optimal-string-alignment distance.
public enum Suggestion {
  /// The edit distance (insertions, deletions, substitutions and adjacent transpositions)
  /// between two strings, compared case-insensitively by Unicode scalar.
  public static func distance(_ a: String, _ b: String) -> Int {
    let s = Array(a.lowercased().unicodeScalars)
    let t = Array(b.lowercased().unicodeScalars)
    if s.isEmpty { return t.count }
    if t.isEmpty { return s.count }
    var previousPrevious = [Int](repeating: 0, count: t.count + 1)
    var previous = Array(0...t.count)
    var current = [Int](repeating: 0, count: t.count + 1)
    for i in 1...s.count {
      current[0] = i
      for j in 1...t.count {
        let cost = s[i - 1] == t[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
          value = min(value, previousPrevious[j - 2] + 1)
        }
        current[j] = value
      }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[t.count]
  }

  /// The candidates close enough to `word` to be worth suggesting, best first.
  ///
  /// A candidate qualifies when its distance is at most a third of the word's length
  /// (at least 1, at most 3), or when the word is a prefix of it.
  public static func closest(to word: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
    guard !word.isEmpty, word.count <= 64 else { return [] }
    let budget = max(1, min(3, word.count / 3))
    var scored: [(String, Int)] = []
    for candidate in candidates {
      let d = distance(word, candidate)
      if d <= budget {
        scored.append((candidate, d))
      } else if word.count >= 2, candidate.lowercased().hasPrefix(word.lowercased()) {
        scored.append((candidate, budget + 1))
      }
    }
    scored.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
    return Array(scored.prefix(limit).map(\.0))
  }
}
