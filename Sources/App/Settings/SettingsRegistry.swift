import Core
import Foundation

/// Every setting fmlab knows. Later features add theirs here; the store keeps only the
/// values a learner changed, and `settings` shows defaults for the rest.
public enum SettingsRegistry {
  public static let all: [SettingDefinition] = [
    .decimal(
      "desired-retention", default: "0.9", in: 0.7...0.99,
      "the probability of recall the scheduler aims for when an item comes due"),
    .integer("daily-new-limit", default: 20, in: 0...9999, "new items introduced per study day"),
    .integer("daily-review-limit", default: 200, in: 0...99_999, "reviews served per study day"),
    .integer("maximum-interval", default: 36500, in: 1...36500, "the longest gap between two reviews, in days"),
    SettingDefinition(
      key: "learning-steps", defaultValue: "1m 10m", summary: "steps for new items before they graduate",
      accepts: "durations such as '1m 10m' or '10m 1h' (s, m, h, d), or 'none'", normalize: normalizeSteps),
    SettingDefinition(
      key: "relearning-steps", defaultValue: "10m", summary: "steps for forgotten items before they return",
      accepts: "durations such as '10m', or 'none'", normalize: normalizeSteps),
    .integer("rollover-hour", default: 4, in: 0...23, "the local hour at which a new study day starts"),
    .integer("daily-minutes", default: 60, in: 1...1440, "the study time you can give each day"),
    .decimal(
      "exam-retention", default: "0.95", in: 0.7...0.99,
      "the recall to aim for on exam day; reviews are brought forward to reach it"),
    SettingDefinition(
      key: "exam-date", defaultValue: "none", summary: "the day of your exam; plans and readiness aim at it",
      accepts: "a date YYYY-MM-DD today or later, or 'none'"
    ) { text, now in
      if text == "none" { return .success("none") }
      guard let day = try? CalendarDay(parsing: text) else {
        return .failure(.init("'\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2027-01-15"))
      }
      let today = CalendarDay(containing: now)
      guard day >= today else {
        return .failure(.init("\(day) is in the past (today is \(today)); give the date of an upcoming exam"))
      }
      return .success(day.description)
    },
  ]

  public static var keys: [String] { all.map(\.key) }

  public static func definition(_ key: String) -> SettingDefinition? { all.first { $0.key == key } }

  /// Parses `1m 10m`-style steps into seconds; used by the setting and by the scheduler.
  public static func parseSteps(_ text: String) -> [Int]? {
    if text.trimmingCharacters(in: .whitespaces) == "none" { return [] }
    var seconds: [Int] = []
    for word in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
      guard let unit = word.last, let amount = Int(word.dropLast()), amount > 0 else { return nil }
      let factor: Int
      switch unit {
      case "s": factor = 1
      case "m": factor = 60
      case "h": factor = 3600
      case "d": factor = 86400
      default: return nil
      }
      seconds.append(amount * factor)
    }
    return seconds.isEmpty ? nil : seconds
  }

  static let normalizeSteps: @Sendable (String, Date) -> Result<String, SettingDefinition.SettingError> = { text, _ in
    guard let steps = parseSteps(text) else {
      return .failure(.init("'\(text)' is not a list of steps; write durations such as '1m 10m' or 'none'"))
    }
    if steps.isEmpty { return .success("none") }
    if steps.contains(where: { $0 > 30 * 86400 }) {
      return .failure(.init("a step longer than 30 days is not a learning step"))
    }
    let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    return .success(words.joined(separator: " "))
  }
}
