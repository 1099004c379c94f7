/// Estimates how many tokens a model's tokenizer makes of a text, from the family's characters-per-token figure.
///
/// Real tokenizers are not shipped, so this is an estimate: `ceil(characters / charactersPerToken)`, but never
/// fewer tokens than words (every word starts at least one token). Characters are Unicode scalars and words are
/// runs of non-whitespace. It reads the UTF-8 bytes once without building intermediate arrays, so a
/// megabyte prompt is counted in a few milliseconds.
public enum TokenEstimator {
  /// The largest estimate returned for any text (2^50), far beyond any real context window.
  public static let maximumCount = 1 << 50

  /// The estimated token count of `text`; 0 for an empty or all-whitespace text.
  ///
  /// A non-positive or non-finite `charactersPerToken` is treated as 1 (every character a token); an absurdly
  /// small one is capped at `maximumCount` tokens so that sums of counts cannot overflow.
  public static func count<S: StringProtocol>(_ text: S, profile: TokenizerProfile) -> Int {
    let shape = TextShape(text)
    guard shape.words > 0 else { return 0 }
    let perToken =
      profile.charactersPerToken.isFinite && profile.charactersPerToken > 0
      ? profile.charactersPerToken : 1
    let byCharacters = min(Double(maximumCount), (Double(shape.characters) / perToken).rounded(.up))
    return max(shape.words, Int(byCharacters))
  }

  /// The estimated input tokens of a request: the prompt, the system prompt if any, and the tokens the
  /// model's prompt template adds around them (`promptOverheadTokens`).
  public static func inputTokens(prompt: String, system: String?, profile: TokenizerProfile) -> Int {
    let systemTokens = system.map { count($0, profile: profile) } ?? 0
    return count(prompt, profile: profile) + systemTokens + min(maximumCount, max(0, profile.promptOverheadTokens))
  }
}

/// Unicode scalars and whitespace-separated words in a text, counted from its UTF-8 bytes in one pass.
struct TextShape: Equatable {
  /// Unicode scalars, counting whitespace.
  private(set) var characters = 0
  /// Maximal runs of non-whitespace scalars (ASCII whitespace separates words).
  private(set) var words = 0
  private var inWord = false

  init<S: StringProtocol>(_ text: S) {
    if let counted = text.utf8.withContiguousStorageIfAvailable({ Self.count($0) }) {
      self = counted
    } else {
      for byte in text.utf8 { feed(byte) }
    }
  }

  /// The shape of contiguous UTF-8 bytes, eight at a time with bit tricks on 64-bit words, so a megabyte takes
  /// a few milliseconds. Flags live in the high bit of each byte lane. Optimized even in debug builds, where
  /// the generic pointer loads would otherwise cost most of the time.
  @_optimize(speed)
  private static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> TextShape {
    var shape = TextShape()
    guard let base = bytes.baseAddress else { return shape }
    let high: UInt64 = 0x8080_8080_8080_8080
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let ones: UInt64 = 0x0101_0101_0101_0101
    var continuations = 0
    var words = 0
    var previousSpace: UInt64 = 0x80  // before the text counts as whitespace
    let raw = UnsafeRawPointer(base)
    var offset = 0
    let wholeWords = bytes.count & ~7
    while offset < wholeWords {
      let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      offset += 8
      let v = x & low7
      let t = v ^ (0x20 &* ones)
      let isBlank = ~(((t & low7) &+ low7) | t) & high  // lane == 0x20
      let atLeast9 = (v &+ 0x77 &* ones) & high
      let atLeast14 = (v &+ 0x72 &* ones) & high
      let isSpace = (isBlank | (atLeast9 & ~atLeast14)) & ~x & high
      let isContinuation = x & ~(x &<< 1) & high
      let previous = (isSpace &<< 8) | previousSpace
      words &+= (~isSpace & high & previous & ~isContinuation).nonzeroBitCount
      continuations &+= isContinuation.nonzeroBitCount
      previousSpace = isSpace &>> 56
    }
    shape.characters = wholeWords - continuations
    shape.words = words
    shape.inWord = previousSpace == 0
    while offset < bytes.count {
      shape.feed(base[offset])
      offset += 1
    }
    return shape
  }

  private init() {}

  private mutating func feed(_ byte: UInt8) {
    if byte & 0xC0 == 0x80 { return }  // a UTF-8 continuation byte: same scalar
    characters += 1
    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
      inWord = false
    } else if !inWord {
      inWord = true
      words += 1
    }
  }
}
