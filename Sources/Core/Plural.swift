/// A count and its noun, singular for one: "1 review", "2 reviews", "1,500 reviews".
public enum Plural {
  /// `count` (digits grouped) and `word`, or `plural` (default: `word` + "s") when `count` is not 1.
  public static func of(_ count: Int, _ word: String, plural: String? = nil) -> String {
    DigitGrouping.grouped(count) + " " + (count == 1 ? word : plural ?? word + "s")
  }
}
