import Foundation

/// The learner's answer to a review, from forgetting (`again`) to effortless recall (`easy`).
///
/// Raw values match FSRS, py-fsrs and Anki (1…4).
public enum Rating: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  case again = 1
  case hard = 2
  case good = 3
  case easy = 4

  /// Parses `"1"`…`"4"` or a case-insensitive name (`"again"`, `"hard"`, `"good"`, `"easy"`).
  ///
  /// Surrounding whitespace is ignored. Returns `nil` for anything else.
  public init?(parsing text: some StringProtocol) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    switch trimmed {
    case "1", "again": self = .again
    case "2", "hard": self = .hard
    case "3", "good": self = .good
    case "4", "easy": self = .easy
    default: return nil
    }
  }

  /// The lower-case name, as used in labels (`"again"` … `"easy"`).
  public var description: String {
    switch self {
    case .again: "again"
    case .hard: "hard"
    case .good: "good"
    case .easy: "easy"
    }
  }

  /// Whether the rating counts as a successful recall (everything except `again`).
  public var isRecall: Bool { self != .again }
}
