extension LabCheck {
  /// What the check looks for, in words ("a fine-tuning job on amazon.nova-micro-v1:0 that Completed").
  public var summary: String {
    switch self {
    case .bucket(let name): return name.map { "an S3 bucket named \($0)" } ?? "an S3 bucket"
    case .object(let bucket, let prefix, let suffix):
      return "an S3 object" + (bucket.map { " in \($0)" } ?? "") + (prefix.map { " under \($0)" } ?? "")
        + (suffix.map { " ending in \($0)" } ?? "")
    case .datasetValidated(let model, let valid):
      return "a validate-dataset run" + (model.map { " for \($0)" } ?? "")
        + (valid.map { $0 ? " that found the file valid" : " that found problems" } ?? "")
    case .role(let name, let trusts, let actions):
      return "an IAM role" + (name.map { " named \($0)" } ?? "") + (trusts.map { " that trusts \($0)" } ?? "")
        + (actions.isEmpty ? "" : " and is allowed \(actions.joined(separator: ", "))")
    case .job(let c):
      var text =
        "a " + (c.type.map { $0.lowercased().replacingOccurrences(of: "_", with: "-") + " " } ?? "")
        + "customization job"
      if let name = c.name { text += " named \(name)" }
      if let base = c.base { text += " on \(base)" }
      if let teacher = c.teacher { text += " taught by \(teacher)" }
      if c.hasValidation == true { text += " with a validation dataset" }
      if let minEpochs = c.minEpochs { text += " with at least \(minEpochs) epochs" }
      if let maxEpochs = c.maxEpochs { text += " with at most \(maxEpochs) epochs" }
      if let status = c.status { text += status == "started" ? "" : " that is \(status)" }
      if let stage = c.failedStage { text += " that failed in its \(stage) stage" }
      if let contains = c.failureContains { text += " with a failure message mentioning '\(contains)'" }
      if let outcome = c.outcome { text += " whose loss curve shows \(outcome)" }
      return text
    case .customModel(let status, let type, let base):
      return "a custom model" + (type.map { " (\($0))" } ?? "") + (base.map { " from \($0)" } ?? "")
        + (status.map { " that is \($0)" } ?? "")
    case .provisioned(let status, let custom, let commitment, let model, let deleted):
      var text = "a Provisioned Throughput"
      if custom == true { text += " for a custom model" }
      if let model { text += " for \(model)" }
      if let commitment { text += commitment == "none" ? " with no commitment" : " with a \(commitment) commitment" }
      if let status { text += " that is \(status)" }
      if deleted == true { text += ", deleted" }
      return text
    case .deployment(let status): return "a custom model deployment" + (status.map { " that is \($0)" } ?? "")
    case .invoked(let via, let custom, let model):
      return "an invocation" + (custom == true ? " of a custom model" : "") + (model.map { " of \($0)" } ?? "")
        + (via.map {
          " served \($0 == "on-demand" ? "on demand" : "by \($0 == "provisioned" ? "Provisioned Throughput" : "a deployment")")"
        } ?? "")
    case .compared(let models, let image, let count):
      return "a compare run" + (models.isEmpty ? "" : " including \(models.joined(separator: " and "))")
        + (image == true ? " with an image attached" : "") + (count.map { " of \($0) models" } ?? "")
    case .errorSeen(let name, let contains):
      return "meeting a \(name)" + (contains.map { " that mentions '\($0)'" } ?? "")
    case .throughputSimulated(let model, let fits, let throttled):
      return "a 'throughput simulate' run" + (model.map { " for \($0)" } ?? "")
        + (fits.map { $0 ? " where the load fits" : " where the load doesn't fit" } ?? "")
        + (throttled == true ? " with throttling" : "")
    case .billViewed: return "a look at the bill ('bill')"
    case .cleanedUp: return "no Provisioned Throughput or deployment left running"
    case .all(let checks): return checks.map(\.summary).joined(separator: "; and ")
    }
  }
}
