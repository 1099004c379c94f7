import Content
import Core
import Foundation
import Knowledge
import Simulation

/// The simulated Bedrock account: its state, the model catalog and the simulation profiles.
/// Every operation takes the sandbox time (`now`) and, where chance plays a part, a generator;
/// S3 objects live behind an `ObjectStore`. Nothing here reads a clock or touches the disk.
public struct Sandbox: Sendable {
  public var state: SandboxState
  public let catalog: ModelCatalog
  public let profiles: SandboxProfiles

  public init(state: SandboxState, catalog: ModelCatalog, profiles: SandboxProfiles) {
    self.state = state
    self.catalog = catalog
    self.profiles = profiles
  }

  // MARK: Models

  /// A foundation model by id, customizable-variant id (`…:0:128k`), foundation-model ARN or slug.
  public func foundationModel(_ identifier: String) throws(SandboxError) -> ModelEntry {
    var id = identifier
    if let range = id.range(of: ":foundation-model/") { id = String(id[range.upperBound...]) }
    if let model = catalog.models.first(where: { $0.id == id || $0.customization.variants.contains(id) }) {
      return model
    }
    switch catalog.lookup(id) {
    case .found(let model): return model
    case .ambiguous(let slugs):
      throw SandboxError.validation(
        "'\(S3Location.clip(identifier))' could be several models (\(slugs.prefix(5).joined(separator: ", "))): give the model id"
      )
    case .notFound(let suggestions):
      let hint = suggestions.first.map { " — did you mean '\($0)'?" } ?? "; 'models' lists the catalog"
      throw SandboxError.validation("The provided model identifier '\(S3Location.clip(identifier))' is invalid\(hint)")
    }
  }

  /// The speed, style and tokenizer a model answers with (its own, else its family's).
  public func answeringProfile(
    _ model: ModelEntry
  ) -> (tokenizer: TokenizerProfile, speed: SpeedProfile, style: StyleProfile) {
    let own = profiles.model(model.id)
    let family = profiles.family(model.family)
    return (own?.tokenizer ?? family.tokenizer, own?.speed ?? family.speed, own?.style ?? family.style)
  }

  // MARK: IAM

  public func role(_ identifier: String) throws(SandboxError) -> IAMRole {
    let name = identifier.split(separator: "/").last.map(String.init) ?? identifier
    guard let role = state.roles.first(where: { $0.name == name }) else {
      throw SandboxError(
        .noSuchEntity,
        "The role with name \(S3Location.clip(name)) cannot be found; create it with 'iam create-role \(S3Location.clip(name)) "
          + "--trust bedrock.amazonaws.com'")
    }
    return role
  }

  /// CreateRole. Trust conditions default to this account and customization-job ARNs (the
  /// confused-deputy protection AWS recommends); `conditions: false` leaves them out.
  public mutating func createRole(
    name: String, trustedService: String, conditions: Bool = true, now: Date
  )
    throws(SandboxError) -> IAMRole
  {
    guard NamePattern.isValidRoleName(name) else {
      throw SandboxError.validation(
        "'\(S3Location.clip(name))' is not a valid role name: use up to 64 letters, digits and +=,.@_-")
    }
    if state.roles.contains(where: { $0.name == name }) {
      throw SandboxError(.entityAlreadyExists, "Role with name \(name) already exists.")
    }
    guard trustedService.hasSuffix(".amazonaws.com"), trustedService.count > 14 else {
      throw SandboxError.validation(
        "'\(S3Location.clip(trustedService))' is not a service principal: write e.g. bedrock.amazonaws.com")
    }
    let trust = TrustPolicy(
      service: trustedService, sourceAccount: conditions ? SandboxAccount.id : nil,
      sourceArn: conditions
        ? "arn:aws:bedrock:\(SandboxAccount.region):\(SandboxAccount.id):model-customization-job/*" : nil)
    let role = IAMRole(
      name: name, arn: SandboxAccount.roleARN(name), trust: trust, managedPolicies: [], statements: [],
      createdAt: now.timeIntervalSince1970)
    state.roles.append(role)
    return role
  }

  /// AttachRolePolicy with a managed policy name.
  public mutating func attachPolicy(role name: String, policy: String) throws(SandboxError) -> IAMRole {
    var role = try role(name)
    guard let managed = ManagedPolicy.allCases.first(where: { $0.rawValue.lowercased() == policy.lowercased() }) else {
      let names = ManagedPolicy.allCases.map(\.rawValue)
      throw SandboxError(
        .noSuchEntity,
        "Policy \(S3Location.clip(policy)) does not exist; the sandbox knows \(names.joined(separator: ", ")), "
          + "or grant exact actions with 'iam allow ROLE ACTIONS BUCKET[/PREFIX]'")
    }
    if !role.managedPolicies.contains(managed.rawValue) { role.managedPolicies.append(managed.rawValue) }
    replace(role)
    return role
  }

  /// PutRolePolicy with one Allow statement: `actions` on a bucket (ListBucket) and its objects.
  public mutating func allow(
    role name: String, actions: [String], bucketAndPrefix: String
  ) throws(SandboxError)
    -> IAMRole
  {
    var role = try role(name)
    let known = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject", "s3:*", "s3:Get*", "s3:List*"]
    for action in actions where !known.contains(where: { $0.lowercased() == action.lowercased() }) {
      throw SandboxError(
        .validation,
        "'\(S3Location.clip(action))' is not an S3 action the sandbox grants; use \(known.joined(separator: ", "))")
    }
    let trimmed = bucketAndPrefix.hasPrefix("s3://") ? String(bucketAndPrefix.dropFirst(5)) : bucketAndPrefix
    let bucket = String(trimmed.prefix { $0 != "/" })
    try S3Location.validateBucket(bucket)
    var prefix = String(trimmed.dropFirst(bucket.count))
    if prefix.hasPrefix("/") { prefix.removeFirst() }
    let objects = "arn:aws:s3:::\(bucket)/\(prefix)*"
    role.statements.append(PolicyStatement(actions: actions, resources: ["arn:aws:s3:::\(bucket)", objects]))
    replace(role)
    return role
  }

  public mutating func deleteRole(_ name: String) throws(SandboxError) {
    let role = try role(name)
    state.roles.removeAll { $0.name == role.name }
  }

  mutating func replace(_ role: IAMRole) {
    if let index = state.roles.firstIndex(where: { $0.name == role.name }) { state.roles[index] = role }
  }

  /// A new 12-character resource id: drawn from the generator, mixed with the number of
  /// resources created so far, so ids never repeat even when every process runs with one seed.
  mutating func newResourceID(_ random: inout SeededGenerator) -> String {
    state.resourcesCreated += 1
    var mixed = SeededGenerator(seed: random.next() &+ UInt64(state.resourcesCreated) &* 0x9E37_79B9_7F4A_7C15)
    return SandboxAccount.resourceID(&mixed)
  }

  // MARK: Clock

  /// Moves the sandbox clock ahead (the `advance` command).
  public mutating func advance(by seconds: TimeInterval) throws(SandboxError) {
    guard seconds > 0, seconds <= 400 * 86_400 else {
      throw SandboxError.validation("advance by a positive duration of at most 400 days (e.g. 30m, 2h, 7d)")
    }
    state.clockOffset += seconds
  }
}
