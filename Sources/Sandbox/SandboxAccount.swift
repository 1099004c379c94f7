import Core

/// The simulated AWS account every sandbox resource lives in.
public enum SandboxAccount {
  /// The documentation account id AWS uses in its examples.
  public static let id = "123456789012"
  public static let region = "us-east-1"

  public static func foundationModelARN(_ modelID: String) -> String {
    "arn:aws:bedrock:\(region)::foundation-model/\(modelID)"
  }
  public static func jobARN(baseModelID: String, resourceID: String) -> String {
    "arn:aws:bedrock:\(region):\(id):model-customization-job/\(baseModelID)/\(resourceID)"
  }
  public static func customModelARN(baseModelID: String, resourceID: String) -> String {
    "arn:aws:bedrock:\(region):\(id):custom-model/\(baseModelID)/\(resourceID)"
  }
  public static func provisionedModelARN(resourceID: String) -> String {
    "arn:aws:bedrock:\(region):\(id):provisioned-model/\(resourceID)"
  }
  public static func deploymentARN(resourceID: String) -> String {
    "arn:aws:bedrock:\(region):\(id):custom-model-deployment/\(resourceID)"
  }
  public static func asyncInvokeARN(resourceID: String) -> String {
    "arn:aws:bedrock:\(region):\(id):async-invoke/\(resourceID)"
  }
  public static func roleARN(_ name: String) -> String { "arn:aws:iam::\(id):role/\(name)" }

  /// A 12-character lowercase resource id as the real ARNs end with, drawn from the generator.
  public static func resourceID(_ random: inout SeededGenerator) -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    return String((0..<12).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
  }
}

/// The name patterns of the real API (bedrock-api.md §3), checked without regular expressions.
public enum NamePattern {
  /// `jobName`: 1–63, `[a-zA-Z0-9](-*[a-zA-Z0-9\+\-\.])*`.
  public static func isValidJobName(_ name: String) -> Bool {
    guard (1...63).contains(name.count), let first = name.unicodeScalars.first, isAlnum(first) else { return false }
    return name.unicodeScalars.allSatisfy { isAlnum($0) || $0 == "-" || $0 == "+" || $0 == "." }
  }

  /// `customModelName` / `modelDeploymentName` / `provisionedModelName`: 1–63,
  /// `([0-9a-zA-Z][_-]?)+` — letters and digits, each optionally followed by one `_` or `-`.
  public static func isValidModelName(_ name: String) -> Bool {
    guard (1...63).contains(name.count) else { return false }
    var previousWasSeparator = true
    for scalar in name.unicodeScalars {
      if isAlnum(scalar) {
        previousWasSeparator = false
      } else if scalar == "_" || scalar == "-" {
        if previousWasSeparator { return false }
        previousWasSeparator = true
      } else {
        return false
      }
    }
    return true
  }

  /// IAM role names: 1–64 of letters, digits and `+=,.@_-`.
  public static func isValidRoleName(_ name: String) -> Bool {
    (1...64).contains(name.count)
      && name.unicodeScalars.allSatisfy { isAlnum($0) || "+=,.@_-".unicodeScalars.contains($0) }
  }

  static func isAlnum(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
  }
}
