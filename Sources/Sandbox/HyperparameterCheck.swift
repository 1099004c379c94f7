import Content

/// Checks `hyperParameters` (a map of strings, as the API takes them) against a model's ranges
/// from the catalog, and fills the defaults.
public enum HyperparameterCheck {
  /// Names whose values must be whole numbers.
  static let integerNames: Set<String> = [
    "epochCount", "batchSize", "learningRateWarmupSteps", "stepCount", "earlyStoppingPatience",
  ]

  /// The values with defaults filled in, or every problem found.
  public static func resolve(_ given: [String: String], for model: ModelEntry) -> Result<[String: String], SandboxError>
  {
    let known = model.customization.hyperparameters
    var problems: [String] = []
    var values: [String: String] = [:]
    for (name, value) in given.sorted(by: { $0.key < $1.key }) {
      guard let spec = known.first(where: { $0.name == name }) else {
        let names = known.map(\.name).joined(separator: ", ")
        problems.append("'\(S3Location.clip(name))' is not a hyperparameter of \(model.name) (it takes \(names))")
        continue
      }
      let trimmed = value.trimmingCharacters(in: .whitespaces)
      guard let number = Double(trimmed), number.isFinite else {
        problems.append("\(name) must be a number, not '\(S3Location.clip(value))'")
        continue
      }
      if integerNames.contains(name), number.rounded() != number {
        problems.append("\(name) must be a whole number, not \(trimmed)")
        continue
      }
      let low = spec.min.flatMap(Double.init)
      let high = spec.max.flatMap(Double.init)
      if let low, number < low || (high.map { number > $0 } ?? false) {
        problems.append("\(name) must be between \(spec.min!) and \(spec.max ?? "∞") for \(model.name); got \(trimmed)")
        continue
      } else if let high, number > high {
        problems.append("\(name) must be at most \(spec.max!) for \(model.name); got \(trimmed)")
        continue
      }
      values[name] = trimmed
    }
    for spec in known where values[spec.name] == nil && given[spec.name] == nil {
      if let value = spec.defaultValue { values[spec.name] = value }
    }
    if problems.isEmpty { return .success(values) }
    return .failure(.validation("Invalid hyperparameters: " + problems.joined(separator: "; ")))
  }

  /// A number from the resolved map.
  static func number(_ name: String, in values: [String: String]) -> Double? { values[name].flatMap(Double.init) }
}
