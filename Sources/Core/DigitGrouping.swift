/// Numbers as people read them: a comma between each group of three digits before the decimal point.
public enum DigitGrouping {
  /// "43800.00" → "43,800.00", "-1234" → "-1,234": the run of digits just before the first "." (or the end) is
  /// grouped; a sign before it and everything after the "." stay as they are.
  public static func grouped(_ number: String) -> String {
    let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    var digits = Array(parts.first ?? "")
    var index = digits.count - 3
    while index > 0 && digits[index - 1].isNumber {
      digits.insert(",", at: index)
      index -= 3
    }
    return String(digits) + (parts.count > 1 ? "." + parts[1] : "")
  }

  /// 12345 → "12,345".
  public static func grouped(_ value: Int) -> String { grouped(String(value)) }
}
