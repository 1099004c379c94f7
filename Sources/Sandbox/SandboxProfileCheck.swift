import Content
import Simulation

/// Checks `Resources/sandbox/profiles.yaml` against the schema and the model catalog, reporting
/// every problem at once (compiler-style findings, at the line that names the model).
public enum SandboxProfileCheck {
  public static let relativePath = "Resources/sandbox/profiles.yaml"

  public static func findings(yaml: String, path: String, models: [ModelEntry]) -> [Finding] {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func location(of needle: String?) -> (SourceLocation, String?) {
      let quoted = needle.map { text -> String in
        guard let colon = text.range(of: ": ") else { return text }
        return text[..<colon.upperBound] + "\"" + text[colon.upperBound...] + "\""
      }
      if let needle,
        let index = lines.firstIndex(where: { $0.contains(needle) || quoted.map($0.contains) == true })
      {
        let column =
          ((lines[index].range(of: needle) ?? quoted.flatMap { lines[index].range(of: $0) }).map {
            lines[index].distance(from: lines[index].startIndex, to: $0.lowerBound)
          } ?? 0) + 1
        return (SourceLocation(file: path, line: index + 1, column: column), lines[index])
      }
      return (SourceLocation(file: path, line: 1, column: 1), lines.first)
    }
    func finding(_ severity: Finding.Severity, _ needle: String?, _ message: String) -> Finding {
      let (place, line) = location(of: needle)
      return Finding(severity, at: place, message, sourceLine: line)
    }

    let profiles: SandboxProfiles
    do {
      profiles = try SandboxProfiles.parse(yaml: yaml)
    } catch let error as DecodingError {
      return [finding(.error, nil, "the sandbox profiles don't match the schema: " + describe(error))]
    } catch {
      return [finding(.error, nil, "the sandbox profiles are not valid YAML: \(error)")]
    }

    var findings: [Finding] = []
    let byID = Dictionary(models.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var seen = Set<String>()
    func checkBasis(_ basis: Basis, _ needle: String, _ what: String) {
      if let source = basis.source, !source.hasPrefix("https://") {
        findings.append(finding(.error, needle, "\(what): source must be an https URL, not '\(source)'"))
      }
      if !basis.illustrative, basis.source == nil {
        findings.append(
          finding(
            .error, needle,
            "\(what) is marked as not illustrative but names no source; give its source or mark it illustrative"))
      }
    }
    for family in [profiles.defaults] + profiles.families {
      checkBasis(family.tokenizer.basis, "family: \(family.family)", "\(family.family) tokenizer")
      checkBasis(family.speed.basis, "family: \(family.family)", "\(family.family) speed")
      if family.tokenizer.charactersPerToken <= 0 || family.speed.outputTokensPerSecond <= 0 {
        findings.append(
          finding(
            .error, "family: \(family.family)",
            "\(family.family): charactersPerToken and outputTokensPerSecond must be positive"))
      }
    }
    for profile in profiles.models {
      let needle = "id: \(profile.id)"
      if !seen.insert(profile.id).inserted {
        findings.append(finding(.error, needle, "model \(profile.id) has two profiles"))
      }
      guard byID[profile.id] != nil else {
        findings.append(finding(.error, needle, "model \(profile.id) is not in the catalog (Resources/models)"))
        continue
      }
      if let training = profile.training {
        checkBasis(training.basis, needle, "\(profile.id) training")
        if training.pricePer1KTokens <= 0 || training.storagePerMonth < 0 || training.tokensPerMinute <= 0 {
          findings.append(finding(.error, needle, "\(profile.id): training price and pace must be positive"))
        }
        for spec in training.datasets {
          checkBasis(spec.basis, needle, "\(profile.id) \(spec.type) dataset")
          if !["fine-tuning", "continued-pre-training", "distillation"].contains(spec.type) {
            findings.append(
              finding(
                .error, needle,
                "\(profile.id): dataset type '\(spec.type)' is not fine-tuning, continued-pre-training or distillation")
            )
          }
        }
      }
      if let video = profile.video {
        checkBasis(video.basis, needle, "\(profile.id) video limits")
        checkBasis(video.renderBasis, needle, "\(profile.id) video render times")
        for problem in video.problems {
          findings.append(finding(.error, needle, "\(profile.id): \(problem)"))
        }
        if byID[profile.id]?.modalities.output.contains(.video) != true {
          findings.append(finding(.error, needle, "\(profile.id) has a video profile but does not output video"))
        }
      }
      if let provisioned = profile.provisioned {
        checkBasis(provisioned.priceBasis, needle, "\(profile.id) Provisioned Throughput prices")
        checkBasis(provisioned.capacityBasis, needle, "\(profile.id) Provisioned Throughput capacity")
        for problem in provisioned.throughputProblems {
          findings.append(finding(.error, needle, "\(profile.id): \(problem)"))
        }
      }
    }
    for model in models {
      let methods = model.customization.methods.compactMap { method -> String? in
        switch method {
        case .fineTuning: "fine-tuning"
        case .continuedPreTraining: "continued-pre-training"
        case .distillationStudent: "distillation"
        default: nil
        }
      }
      let profile = profiles.model(model.id)
      for method in methods where profile?.training?.datasets.contains(where: { $0.type == method }) != true {
        findings.append(
          finding(
            .error, nil,
            "\(model.id) supports \(method) in the catalog but has no training profile with a \(method) dataset"))
      }
      if model.modalities.output.contains(.video), model.modalities.apis.contains(.asyncInvoke), profile?.video == nil {
        findings.append(
          finding(.error, nil, "\(model.id) makes video with StartAsyncInvoke but has no video profile"))
      }
      let provisionable = model.provisionedThroughput?.base == true || model.provisionedThroughput?.custom == true
      if provisionable, profile?.provisioned == nil {
        findings.append(
          finding(.error, nil, "\(model.id) can be served with Provisioned Throughput but has no provisioned profile"))
      }
    }
    return findings
  }

  static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? "." + key.stringValue }.joined()
        .trimmingPrefix(".").description
    }
    switch error {
    case .keyNotFound(let key, let context):
      let parent = path(context)
      return (parent.isEmpty ? "" : parent + ".") + "\(key.stringValue) is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return "\(path(context)): \(context.debugDescription)"
    @unknown default: return "\(error)"
    }
  }
}
