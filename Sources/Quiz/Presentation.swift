import Content
import Core

/// How one item is shown in one attempt: the options (or steps, or responses) in a shuffled
/// order drawn from the attempt's seed, with the letters and numbers the learner types.
/// Answers are mapped back to the item's own indices, so scoring never depends on the shuffle.
public struct Presentation: Sendable, Equatable, Codable {
  public var itemID: String
  public var type: QuizItem.ItemType
  /// Choice items: shown position → option index. Ordering: shown position → step index.
  public var order: [Int]
  /// Matching: shown response letter position → response index (pairs first, then distractors).
  public var responseOrder: [Int]
  /// Matching: shown prompt number position → pair index.
  public var promptOrder: [Int]
  /// Multiple response: how many options to choose.
  public var choose: Int

  public static let letters = Array("abcdefghijklmnopqrstuvwxyz")

  public init(item: QuizItem, seed: UInt64) {
    var random = SeededGenerator(seed: seed ^ Presentation.hash(item.id))
    itemID = item.id
    type = item.type
    choose = max(1, item.correctCount)
    switch item.type {
    case .multipleChoice, .multipleResponse:
      order = Array(item.options.indices).shuffled(using: &random)
      responseOrder = []
      promptOrder = []
    case .ordering:
      var shuffled = Array(item.steps.indices).shuffled(using: &random)
      // Never show the steps already in the right order.
      if shuffled == Array(item.steps.indices), shuffled.count > 1 { shuffled.swapAt(0, 1) }
      order = shuffled
      responseOrder = []
      promptOrder = []
    case .matching:
      order = []
      promptOrder = Array(item.pairs.indices).shuffled(using: &random)
      responseOrder = Array(0..<(item.pairs.count + item.distractors.count)).shuffled(using: &random)
    case .caseStudy:
      order = []
      responseOrder = []
      promptOrder = []
    }
  }

  /// A stable 64-bit hash of an id (FNV-1a), so each item shuffles differently under one seed.
  static func hash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }

  /// The text of matching response `index` (pair answers first, then distractors).
  public static func response(_ index: Int, of item: QuizItem) -> String {
    index < item.pairs.count ? item.pairs[index].answer : item.distractors[index - item.pairs.count].answer
  }
}
