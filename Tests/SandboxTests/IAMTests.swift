import Foundation
import Sandbox
import Testing

/// The simulated IAM: roles, trust policies, grants, and what a customization job needs of its role.
@Suite("IAM roles and role requirements")
struct IAMTests {
  static let data = S3Location(bucket: "fmlab-data", key: "nova/train.jsonl")
  static let output = S3Location(bucket: "fmlab-output", key: "jobs/")

  @Test("createRole trusts the service with the SourceAccount and SourceArn conditions by default")
  func createRoleDefaults() throws {
    var world = try SandboxWorld()
    let role = try world.sandbox.createRole(name: "FT-Role", trustedService: "bedrock.amazonaws.com", now: world.t0)
    #expect(role.arn == "arn:aws:iam::\(SandboxAccount.id):role/FT-Role")
    #expect(role.trust.service == "bedrock.amazonaws.com")
    #expect(role.trust.sourceAccount == SandboxAccount.id)
    #expect(
      role.trust.sourceArn
        == "arn:aws:bedrock:\(SandboxAccount.region):\(SandboxAccount.id):model-customization-job/*")
    #expect(role.managedPolicies.isEmpty && role.statements.isEmpty)
    #expect(role.createdAt == world.t0.timeIntervalSince1970)
    let document = role.trust.document
    #expect(document.contains("\"Service\": \"bedrock.amazonaws.com\""))
    #expect(document.contains("\"Action\": \"sts:AssumeRole\""))
    #expect(document.contains("\"StringEquals\": {\"aws:SourceAccount\": \"\(SandboxAccount.id)\"}"))
    #expect(document.contains("\"ArnLike\": {\"aws:SourceArn\""))
    #expect(!document.contains("ArnEquals"))
    #expect(try world.sandbox.role("FT-Role") == role)
    #expect(try world.sandbox.role(role.arn) == role)
  }

  @Test("conditions: false leaves the Condition block out of the trust policy")
  func createRoleWithoutConditions() throws {
    var world = try SandboxWorld()
    let role = try world.sandbox.createRole(
      name: "Plain", trustedService: "bedrock.amazonaws.com", conditions: false, now: world.t0)
    #expect(role.trust.sourceAccount == nil && role.trust.sourceArn == nil)
    #expect(!role.trust.document.contains("Condition"))
  }

  @Test("a second role with the same name is EntityAlreadyExists")
  func duplicateRole() throws {
    var world = try SandboxWorld()
    _ = try world.sandbox.createRole(name: "FT-Role", trustedService: "bedrock.amazonaws.com", now: world.t0)
    let error = sandboxError {
      try world.sandbox.createRole(name: "FT-Role", trustedService: "sagemaker.amazonaws.com", now: world.t0)
    }
    #expect(error?.name == .entityAlreadyExists)
    #expect(error?.name.httpStatus == 409)
    #expect(world.sandbox.state.roles.count == 1)
  }

  @Test("bad role names and non-service principals are ValidationExceptions")
  func createRoleValidation() throws {
    var world = try SandboxWorld()
    let badName = sandboxError {
      try world.sandbox.createRole(name: "my role", trustedService: "bedrock.amazonaws.com", now: world.t0)
    }
    #expect(badName?.name == .validation)
    let longName = sandboxError {
      try world.sandbox.createRole(
        name: String(repeating: "r", count: 65), trustedService: "bedrock.amazonaws.com", now: world.t0)
    }
    #expect(longName?.name == .validation)
    let badService = sandboxError {
      try world.sandbox.createRole(name: "ok", trustedService: "bedrock", now: world.t0)
    }
    #expect(badService?.name == .validation)
    #expect(badService?.message.contains("service principal") == true)
    #expect(world.sandbox.state.roles.isEmpty)
  }

  @Test("attaching an unknown managed policy is NoSuchEntity; known names match case-insensitively, once")
  func attachPolicy() throws {
    var world = try SandboxWorld()
    _ = try world.sandbox.createRole(name: "FT-Role", trustedService: "bedrock.amazonaws.com", now: world.t0)
    let unknown = sandboxError { try world.sandbox.attachPolicy(role: "FT-Role", policy: "AmazonS3SuperAccess") }
    #expect(unknown?.name == .noSuchEntity)
    #expect(unknown?.message.contains("AmazonS3FullAccess") == true)
    _ = try world.sandbox.attachPolicy(role: "FT-Role", policy: "amazons3readonlyaccess")
    let role = try world.sandbox.attachPolicy(role: "FT-Role", policy: "AmazonS3ReadOnlyAccess")
    #expect(role.managedPolicies == ["AmazonS3ReadOnlyAccess"])
    #expect(try world.sandbox.role("FT-Role").managedPolicies == ["AmazonS3ReadOnlyAccess"])
    let noRole = sandboxError { try world.sandbox.attachPolicy(role: "Nobody", policy: "AmazonS3FullAccess") }
    #expect(noRole?.name == .noSuchEntity)
  }

  @Test("allow refuses actions the sandbox doesn't grant and bad bucket names")
  func allowValidation() throws {
    var world = try SandboxWorld()
    _ = try world.sandbox.createRole(name: "FT-Role", trustedService: "bedrock.amazonaws.com", now: world.t0)
    let action = sandboxError {
      try world.sandbox.allow(role: "FT-Role", actions: ["s3:GetObject", "ec2:RunInstances"], bucketAndPrefix: "data")
    }
    #expect(action?.name == .validation)
    #expect(action?.message.contains("ec2:RunInstances") == true)
    let bucket = sandboxError {
      try world.sandbox.allow(role: "FT-Role", actions: ["s3:GetObject"], bucketAndPrefix: "Bad_Bucket/x")
    }
    #expect(bucket?.name == .invalidBucketName)
    #expect(try world.sandbox.role("FT-Role").statements.isEmpty)
  }

  @Test("deleteRole removes the role; a missing one is NoSuchEntity")
  func deleteRole() throws {
    var world = try SandboxWorld()
    _ = try world.sandbox.createRole(name: "FT-Role", trustedService: "bedrock.amazonaws.com", now: world.t0)
    try world.sandbox.deleteRole("FT-Role")
    #expect(world.sandbox.state.roles.isEmpty)
    #expect(sandboxError { try world.sandbox.deleteRole("FT-Role") }?.name == .noSuchEntity)
  }

  @Test("a role trusting another service can't be assumed by Bedrock")
  func wrongTrustedService() throws {
    var world = try SandboxWorld()
    _ = try world.sandbox.createRole(name: "SM", trustedService: "sagemaker.amazonaws.com", now: world.t0)
    let role = try world.sandbox.attachPolicy(role: "SM", policy: "AmazonS3FullAccess")
    let problems = RoleRequirements.problems(role: role, reads: [Self.data], writes: Self.output)
    #expect(problems.count == 1)
    #expect(problems.first?.contains("can't assume") == true)
    #expect(problems.first?.contains("sagemaker.amazonaws.com") == true)
  }

  @Test("a role with no grants lacks GetObject, ListBucket and PutObject, each reported")
  func missingPermissionsEachReported() throws {
    var world = try SandboxWorld()
    let role = try world.sandbox.createRole(name: "Bare", trustedService: "bedrock.amazonaws.com", now: world.t0)
    let problems = RoleRequirements.problems(role: role, reads: [Self.data], writes: Self.output)
    #expect(problems.count == 3)
    #expect(problems.contains { $0.contains("s3:GetObject on arn:aws:s3:::fmlab-data/nova/train.jsonl") })
    #expect(problems.contains { $0.contains("s3:ListBucket on arn:aws:s3:::fmlab-data") })
    #expect(problems.contains { $0.contains("s3:PutObject on arn:aws:s3:::fmlab-output/jobs/") })
  }

  @Test("each missing permission is reported alone when the others are granted")
  func eachPermissionIsChecked() throws {
    let cases: [(granted: [String], missing: String)] = [
      (["s3:ListBucket"], "s3:GetObject"),
      (["s3:GetObject"], "s3:ListBucket"),
    ]
    for (granted, missing) in cases {
      var world = try SandboxWorld()
      _ = try world.sandbox.createRole(name: "R", trustedService: "bedrock.amazonaws.com", now: world.t0)
      _ = try world.sandbox.allow(role: "R", actions: granted, bucketAndPrefix: "fmlab-data")
      let role = try world.sandbox.allow(role: "R", actions: ["s3:PutObject"], bucketAndPrefix: "fmlab-output")
      let problems = RoleRequirements.problems(role: role, reads: [Self.data], writes: Self.output)
      #expect(problems.count == 1, "granted \(granted)")
      #expect(problems.first?.contains("lacks \(missing)") == true, "granted \(granted): \(problems)")
    }
    var world = try SandboxWorld()
    _ = try world.sandbox.createRole(name: "R", trustedService: "bedrock.amazonaws.com", now: world.t0)
    let readOnly = try world.sandbox.attachPolicy(role: "R", policy: "AmazonS3ReadOnlyAccess")
    let problems = RoleRequirements.problems(role: readOnly, reads: [Self.data], writes: Self.output)
    #expect(problems.count == 1)
    #expect(problems.first?.contains("lacks s3:PutObject") == true)
  }

  @Test("allow on a prefix grants objects only under that prefix")
  func prefixGrantIsScoped() throws {
    var world = try SandboxWorld()
    _ = try world.sandbox.createRole(name: "R", trustedService: "bedrock.amazonaws.com", now: world.t0)
    let role = try world.sandbox.allow(
      role: "R", actions: ["s3:GetObject", "s3:ListBucket"], bucketAndPrefix: "s3://fmlab-data/nova/")
    #expect(role.statements.last?.resources == ["arn:aws:s3:::fmlab-data", "arn:aws:s3:::fmlab-data/nova/*"])
    #expect(role.allows("s3:GetObject", on: "arn:aws:s3:::fmlab-data/nova/train.jsonl"))
    #expect(!role.allows("s3:GetObject", on: "arn:aws:s3:::fmlab-data/titan/train.jsonl"))
    #expect(!role.allows("s3:GetObject", on: "arn:aws:s3:::fmlab-data-copy/nova/train.jsonl"))
    #expect(!role.allows("s3:PutObject", on: "arn:aws:s3:::fmlab-data/nova/train.jsonl"))
    let other = S3Location(bucket: "fmlab-data", key: "titan/train.jsonl")
    let problems = RoleRequirements.problems(role: role, reads: [Self.data, other], writes: Self.output)
    #expect(problems.contains { $0.contains("s3:GetObject on arn:aws:s3:::fmlab-data/titan/train.jsonl") })
    #expect(!problems.contains { $0.contains("s3:GetObject on arn:aws:s3:::fmlab-data/nova/train.jsonl") })
  }

  @Test("AmazonS3FullAccess satisfies every S3 requirement")
  func fullAccessSatisfiesAll() throws {
    var world = try SandboxWorld()
    _ = try world.sandbox.createRole(name: "R", trustedService: "bedrock.amazonaws.com", now: world.t0)
    let role = try world.sandbox.attachPolicy(role: "R", policy: "AmazonS3FullAccess")
    let validation = S3Location(bucket: "another-bucket", key: "v.jsonl")
    #expect(RoleRequirements.problems(role: role, reads: [Self.data, validation], writes: Self.output).isEmpty)
  }

  @Test("AmazonBedrockFullAccess grants no S3 access at all")
  func bedrockFullAccessHasNoS3() throws {
    var world = try SandboxWorld()
    _ = try world.sandbox.createRole(name: "R", trustedService: "bedrock.amazonaws.com", now: world.t0)
    let role = try world.sandbox.attachPolicy(role: "R", policy: "AmazonBedrockFullAccess")
    #expect(role.allows("bedrock:CreateModelCustomizationJob", on: "*"))
    #expect(RoleRequirements.problems(role: role, reads: [Self.data], writes: Self.output).count == 3)
  }

  @Test("IAM wildcards: '*' any run, '?' one character; actions ignore case, resources don't")
  func wildcardMatching() throws {
    var world = try SandboxWorld()
    _ = try world.sandbox.createRole(name: "R", trustedService: "bedrock.amazonaws.com", now: world.t0)
    _ = try world.sandbox.allow(role: "R", actions: ["s3:Get*"], bucketAndPrefix: "fmlab-data/run?/")
    let role = try world.sandbox.role("R")
    #expect(role.allows("s3:GetObject", on: "arn:aws:s3:::fmlab-data/run1/a/b.csv"))
    #expect(role.allows("s3:GetObjectVersion", on: "arn:aws:s3:::fmlab-data/runX/"))
    #expect(role.allows("S3:GETOBJECT", on: "arn:aws:s3:::fmlab-data/run1/x"))
    #expect(!role.allows("s3:GetObject", on: "arn:aws:s3:::fmlab-data/run12/x"))
    #expect(!role.allows("s3:GetObject", on: "arn:aws:s3:::fmlab-data/run/x"))
    #expect(!role.allows("s3:GetObject", on: "arn:aws:s3:::FMLAB-DATA/run1/x"))
    #expect(!role.allows("s3:PutObject", on: "arn:aws:s3:::fmlab-data/run1/x"))
    #expect(!role.allows("s3:ListBucket", on: "arn:aws:s3:::fmlab-data"))
  }

  @Test("trust conditions naming another Region or account stop Bedrock assuming the role")
  func trustConditionsMustMatch() throws {
    var world = try SandboxWorld()
    var role = try world.sandbox.createRole(name: "R", trustedService: "bedrock.amazonaws.com", now: world.t0)
    role = try world.sandbox.attachPolicy(role: "R", policy: "AmazonS3FullAccess")
    #expect(RoleRequirements.problems(role: role, reads: [Self.data], writes: Self.output).isEmpty)
    var otherRegion = role
    otherRegion.trust.sourceArn = "arn:aws:bedrock:eu-west-1:\(SandboxAccount.id):model-customization-job/*"
    let regionProblems = RoleRequirements.problems(role: otherRegion, reads: [Self.data], writes: Self.output)
    #expect(regionProblems.count == 1)
    #expect(regionProblems.first?.contains("aws:SourceArn") == true)
    var otherAccount = role
    otherAccount.trust.sourceAccount = "210987654321"
    let accountProblems = RoleRequirements.problems(role: otherAccount, reads: [Self.data], writes: Self.output)
    #expect(accountProblems.count == 1)
    #expect(accountProblems.first?.contains("aws:SourceAccount") == true)
    let exact = TrustPolicy(service: "bedrock.amazonaws.com", sourceArn: "arn:aws:bedrock:us-east-1:1:x/y")
    #expect(exact.document.contains("ArnEquals"))
  }
}
