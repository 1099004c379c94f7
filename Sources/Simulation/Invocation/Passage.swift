/// A knowledge-base passage the caller retrieved for a prompt: the material a simulated answer is composed from.
///
/// The caller does the retrieval and passes passages best-first; the composer only rephrases and arranges them.
public struct Passage: Sendable, Codable, Equatable {
  /// A stable identifier for the passage (a page slug or chunk id).
  public var id: String
  /// A short name for what the passage is about, used as a list item or section heading.
  public var title: String
  /// The passage's sentences, in reading order; the first is taken as its topic sentence.
  public var sentences: [String]

  /// Creates a passage from its id, title and sentences.
  public init(id: String, title: String, sentences: [String]) {
    self.id = id
    self.title = title
    self.sentences = sentences
  }
}
