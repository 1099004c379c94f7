/// A simulated IAM role: who may assume it (the trust policy) and what it may do (statements from
/// attached managed policies and inline grants). Just enough IAM to make a customization job's
/// real mistakes possible: the wrong trusted service, no S3 read on the data, no write on the output.
public struct IAMRole: Sendable, Codable, Equatable {
  public var name: String
  public var arn: String
  public var trust: TrustPolicy
  /// Managed policies attached by name (see `ManagedPolicy`).
  public var managedPolicies: [String]
  /// Inline grants (`iam allow`).
  public var statements: [PolicyStatement]
  public var createdAt: Double

  /// Everything the role is allowed, managed policies expanded.
  public var allStatements: [PolicyStatement] {
    managedPolicies.compactMap { ManagedPolicy(rawValue: $0)?.statements }.flatMap { $0 } + statements
  }

  /// Whether some statement allows `action` on `resource` (IAM's `*` and `?` wildcards).
  public func allows(_ action: String, on resource: String) -> Bool {
    allStatements.contains { statement in
      statement.actions.contains { Wildcard.matches(pattern: $0, text: action, caseSensitive: false) }
        && statement.resources.contains { Wildcard.matches(pattern: $0, text: resource, caseSensitive: true) }
    }
  }
}

/// Who may assume a role.
public struct TrustPolicy: Sendable, Codable, Equatable {
  /// The service principal, e.g. `bedrock.amazonaws.com`.
  public var service: String
  /// `aws:SourceAccount` condition, when set.
  public var sourceAccount: String?
  /// `aws:SourceArn` condition (ArnEquals/ArnLike), when set.
  public var sourceArn: String?

  public init(service: String, sourceAccount: String? = nil, sourceArn: String? = nil) {
    self.service = service
    self.sourceAccount = sourceAccount
    self.sourceArn = sourceArn
  }

  /// The trust policy document as IAM shows it.
  public var document: String {
    var conditions: [String] = []
    if let sourceAccount { conditions.append("\"StringEquals\": {\"aws:SourceAccount\": \"\(sourceAccount)\"}") }
    if let sourceArn {
      let op = sourceArn.contains("*") ? "ArnLike" : "ArnEquals"
      conditions.append("\"\(op)\": {\"aws:SourceArn\": \"\(sourceArn)\"}")
    }
    let condition = conditions.isEmpty ? "" : ",\n    \"Condition\": {\(conditions.joined(separator: ", "))}"
    return """
      {
        "Version": "2012-10-17",
        "Statement": [{
          "Effect": "Allow",
          "Principal": {"Service": "\(service)"},
          "Action": "sts:AssumeRole"\(condition)
        }]
      }
      """
  }
}

/// An Allow statement.
public struct PolicyStatement: Sendable, Codable, Equatable {
  public var actions: [String]
  public var resources: [String]
  public init(actions: [String], resources: [String]) {
    self.actions = actions
    self.resources = resources
  }
}

/// The AWS managed policies the sandbox knows (their S3 and Bedrock parts only).
public enum ManagedPolicy: String, Sendable, CaseIterable {
  case amazonS3ReadOnlyAccess = "AmazonS3ReadOnlyAccess"
  case amazonS3FullAccess = "AmazonS3FullAccess"
  case amazonBedrockFullAccess = "AmazonBedrockFullAccess"

  public var statements: [PolicyStatement] {
    switch self {
    case .amazonS3ReadOnlyAccess: [PolicyStatement(actions: ["s3:Get*", "s3:List*"], resources: ["*"])]
    case .amazonS3FullAccess: [PolicyStatement(actions: ["s3:*"], resources: ["*"])]
    case .amazonBedrockFullAccess: [PolicyStatement(actions: ["bedrock:*"], resources: ["*"])]
    }
  }

  public var summary: String {
    switch self {
    case .amazonS3ReadOnlyAccess: "s3:Get*, s3:List* on every bucket (broad: least privilege would name the buckets)"
    case .amazonS3FullAccess: "s3:* on every bucket (far broader than a job needs)"
    case .amazonBedrockFullAccess: "bedrock:* (no S3 access at all)"
    }
  }
}

/// IAM's glob matching: `*` any run of characters, `?` one character.
public enum Wildcard {
  public static func matches(pattern: String, text: String, caseSensitive: Bool) -> Bool {
    let p = Array(caseSensitive ? pattern : pattern.lowercased())
    let t = Array(caseSensitive ? text : text.lowercased())
    var pi = 0
    var ti = 0
    var star = -1
    var mark = 0
    while ti < t.count {
      if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
        pi += 1
        ti += 1
      } else if pi < p.count, p[pi] == "*" {
        star = pi
        mark = ti
        pi += 1
      } else if star >= 0 {
        pi = star + 1
        mark += 1
        ti = mark
      } else {
        return false
      }
    }
    while pi < p.count, p[pi] == "*" { pi += 1 }
    return pi == p.count
  }
}

/// What a customization job needs from its service role, checked as Bedrock checks it when the
/// job starts: trust for bedrock.amazonaws.com, read on the data, write on the output.
public enum RoleRequirements {
  public static let bedrockService = "bedrock.amazonaws.com"

  /// The problems, each saying what to attach; empty when the role is fit for the job.
  public static func problems(
    role: IAMRole, reads: [S3Location], writes: S3Location
  ) -> [String] {
    var problems: [String] = []
    if role.trust.service != bedrockService {
      problems.append(
        "Amazon Bedrock can't assume role '\(role.name)': its trust policy trusts \(role.trust.service), not "
          + "\(bedrockService). Create a role with 'iam create-role NAME --trust \(bedrockService)'.")
    } else {
      if let account = role.trust.sourceAccount, account != SandboxAccount.id {
        problems.append(
          "the trust policy's aws:SourceAccount condition is \(account), not this account (\(SandboxAccount.id)), "
            + "so Bedrock can't assume role '\(role.name)'.")
      }
      if let arn = role.trust.sourceArn,
        !Wildcard.matches(
          pattern: arn,
          text: "arn:aws:bedrock:\(SandboxAccount.region):\(SandboxAccount.id):model-customization-job/x",
          caseSensitive: true)
      {
        problems.append(
          "the trust policy's aws:SourceArn condition (\(arn)) doesn't match model-customization-job ARNs in "
            + "\(SandboxAccount.region), so Bedrock can't assume role '\(role.name)'.")
      }
    }
    for location in reads {
      let object = "arn:aws:s3:::\(location.bucket)/\(location.key)"
      let bucket = "arn:aws:s3:::\(location.bucket)"
      if !role.allows("s3:GetObject", on: object) {
        problems.append(
          "role '\(role.name)' lacks s3:GetObject on \(object): run 'iam allow \(role.name) s3:GetObject,s3:ListBucket "
            + "\(location.bucket)'.")
      }
      if !role.allows("s3:ListBucket", on: bucket) {
        problems.append(
          "role '\(role.name)' lacks s3:ListBucket on \(bucket): run 'iam allow \(role.name) s3:ListBucket "
            + "\(location.bucket)'.")
      }
    }
    let output = "arn:aws:s3:::\(writes.bucket)/\(writes.key)"
    if !role.allows("s3:PutObject", on: output + "x") {
      problems.append(
        "role '\(role.name)' lacks s3:PutObject on \(output)*: run 'iam allow \(role.name) s3:PutObject "
          + "\(writes.bucket)' so Bedrock can write the metrics.")
    }
    return problems
  }
}
