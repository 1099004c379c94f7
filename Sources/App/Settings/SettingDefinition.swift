import Core
import Foundation

/// One user setting: its key, default, meaning and the rule its values must follow.
public struct SettingDefinition: Sendable {
  public var key: String
  public var defaultValue: String
  public var summary: String
  /// Describes the accepted values, for messages and `help settings`.
  public var accepts: String
  /// Returns the value in canonical form, or a message saying what is wrong.
  public var normalize: @Sendable (_ value: String, _ now: Date) -> Result<String, SettingError>

  public struct SettingError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
  }

  public init(
    key: String, defaultValue: String, summary: String, accepts: String,
    normalize: @escaping @Sendable (String, Date) -> Result<String, SettingError>
  ) {
    self.key = key
    self.defaultValue = defaultValue
    self.summary = summary
    self.accepts = accepts
    self.normalize = normalize
  }

  /// A decimal number in a closed range.
  public static func decimal(
    _ key: String, default value: String, in range: ClosedRange<Double>, _ summary: String
  ) -> SettingDefinition {
    SettingDefinition(
      key: key, defaultValue: value, summary: summary,
      accepts: "a number from \(range.lowerBound) to \(range.upperBound)"
    ) { text, _ in
      guard let number = Double(text), number.isFinite else {
        return .failure(
          SettingError("'\(text)' is not a number; use a number from \(range.lowerBound) to \(range.upperBound)"))
      }
      guard range.contains(number) else {
        return .failure(SettingError("\(text) is outside \(range.lowerBound)…\(range.upperBound)"))
      }
      return .success(String(number))
    }
  }

  /// A whole number in a closed range.
  public static func integer(
    _ key: String, default value: Int, in range: ClosedRange<Int>, _ summary: String
  )
    -> SettingDefinition
  {
    SettingDefinition(
      key: key, defaultValue: String(value), summary: summary,
      accepts: "a whole number from \(range.lowerBound) to \(range.upperBound)"
    ) { text, _ in
      guard let number = Int(text) else {
        return .failure(SettingError("'\(text)' is not a whole number"))
      }
      guard range.contains(number) else {
        return .failure(SettingError("\(number) is outside \(range.lowerBound)…\(range.upperBound)"))
      }
      return .success(String(number))
    }
  }
}
