import SRS

/// How a practice answer becomes an FSRS rating: wrong → again; right after a hint or slowly →
/// hard; right and fast → easy; otherwise good. The learner may override it.
public enum PracticeRating {
  /// Seconds a reasonable answer takes for each item type, before it counts as slow.
  public static func expectedSeconds(for type: String) -> Double {
    switch type {
    case "multiple-response": 60
    case "ordering", "matching": 75
    default: 45
    }
  }

  public static func rating(correct: Bool, usedHint: Bool, seconds: Double?, type: String) -> Rating {
    guard correct else { return .again }
    if usedHint { return .hard }
    guard let seconds else { return .good }
    let expected = expectedSeconds(for: type)
    if seconds > expected * 2 { return .hard }
    if seconds < expected / 3 { return .easy }
    return .good
  }
}
