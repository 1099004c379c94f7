import ArgumentParser
import Foundation
import Sandbox
import Terminal

struct S3Command: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "s3",
    abstract: "Simulated S3 buckets for the sandbox (folders in the data directory).",
    discussion: "s3 mb s3://BUCKET · s3 ls [s3://BUCKET[/PREFIX]] · s3 cp FILE s3://BUCKET/KEY · "
      + "s3 cp s3://BUCKET/KEY FILE · s3 rm s3://BUCKET/KEY · s3 rb s3://BUCKET. Keys cannot leave their bucket.",
    subcommands: [S3MakeBucket.self, S3List.self, S3Copy.self, S3Remove.self, S3RemoveBucket.self])

  func execute(in session: Session) throws -> CommandOutput {
    throw CommandFailure.usage("'s3' needs a subcommand: mb, ls, cp, rm or rb (see 'help s3')")
  }
}

/// Runs an S3 operation outside the sandbox transaction (S3 objects are files, not rows).
func s3<T>(_ body: () throws(SandboxError) -> T) throws -> T {
  do { return try body() } catch { throw CommandFailure.sandbox(error) }
}

struct S3MakeBucket: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "mb", abstract: "Create a bucket.")
  @Argument(help: "s3://BUCKET") var bucket: String

  func execute(in session: Session) throws -> CommandOutput {
    let location = try s3 { () throws(SandboxError) in try S3Location.parse(bucket) }
    let objects = session.sandboxObjects
    try? FileManager.default.createDirectory(atPath: objects.root.path, withIntermediateDirectories: true)
    try s3 { () throws(SandboxError) in try objects.makeBucket(location.bucket) }
    return CommandOutput(text: "make_bucket: \(location.bucket)\n", json: ["bucket": location.bucket])
  }
}

struct S3List: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "ls", abstract: "List buckets, or objects under a prefix.")
  @Argument(help: "s3://BUCKET[/PREFIX] (none: the buckets)") var location: String?

  func execute(in session: Session) throws -> CommandOutput {
    let objects = session.sandboxObjects
    guard let location else {
      let buckets = objects.buckets()
      let text =
        buckets.isEmpty ? "No buckets yet: 's3 mb s3://NAME' creates one.\n" : buckets.map { $0 + "\n" }.joined()
      return CommandOutput(text: text, json: buckets)
    }
    let parsed = try s3 { () throws(SandboxError) in try S3Location.parse(location) }
    let listed = try s3 { () throws(SandboxError) in try objects.list(bucket: parsed.bucket, prefix: parsed.key) }
    var table = TextTable(columns: [
      .init("size", alignment: .right, shrinkable: false), .init("key", shrinkable: false),
    ])
    for object in listed { table.append(["\(object.size)", object.key]) }
    let text =
      listed.isEmpty
      ? "No objects under \(parsed).\n" : table.render(width: session.configuration.columns, styler: session.styler)
    return CommandOutput(text: text, json: listed, pageable: true)
  }
}

struct S3Copy: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "cp", abstract: "Upload a local file to a bucket, or download an object to a local file.")
  @Argument(help: "FILE or s3://BUCKET/KEY") var source: String
  @Argument(help: "s3://BUCKET/KEY (a key ending in / keeps the file's name) or FILE") var destination: String

  func execute(in session: Session) throws -> CommandOutput {
    let objects = session.sandboxObjects
    if source.hasPrefix("s3://"), destination.hasPrefix("s3://") {
      let from = try s3 { () throws(SandboxError) in try S3Location.parse(source) }
      let to = try s3 { () throws(SandboxError) in try S3Location.parse(destination) }
      let target = to.isPrefix ? to.appending(String(from.key.split(separator: "/").last ?? "")) : to
      guard let bytes = try s3({ () throws(SandboxError) in try objects.read(from) }) else {
        throw CommandFailure.sandbox(SandboxError(.noSuchKey, "no object at \(from)"))
      }
      try s3 { () throws(SandboxError) in try objects.write(bytes, to: target) }
      return CommandOutput(
        text: "copy: \(from) to \(target)\n", json: ["from": from.description, "to": target.description])
    }
    if destination.hasPrefix("s3://") {
      let path = session.resolvePath(source)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
        throw CommandFailure(message: "\(source): no such file", status: .failure)
      }
      let to = try s3 { () throws(SandboxError) in try S3Location.parse(destination) }
      let target = to.isPrefix ? to.appending((path as NSString).lastPathComponent) : to
      let size = try s3 { () throws(SandboxError) in try objects.upload(file: path, to: target) }
      return CommandOutput(
        text: "upload: \(source.sanitizedForTerminal) to \(target) (\(size) bytes)\n",
        json: ["to": target.description, "bytes": String(size)])
    }
    guard source.hasPrefix("s3://") else {
      throw CommandFailure.usage("one side of 's3 cp' must be an s3:// URI")
    }
    let from = try s3 { () throws(SandboxError) in try S3Location.parse(source) }
    guard let bytes = try s3({ () throws(SandboxError) in try objects.read(from) }) else {
      throw CommandFailure.sandbox(SandboxError(.noSuchKey, "no object at \(from)"))
    }
    let path = session.resolvePath(destination)
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw CommandFailure(message: "could not write \(destination): \(error.localizedDescription)", status: .failure)
    }
    return CommandOutput(
      text: "download: \(from) to \(destination.sanitizedForTerminal)\n", json: ["from": from.description])
  }
}

struct S3Remove: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete an object.")
  @Argument(help: "s3://BUCKET/KEY") var location: String

  func execute(in session: Session) throws -> CommandOutput {
    let parsed = try s3 { () throws(SandboxError) in try S3Location.parse(location) }
    try s3 { () throws(SandboxError) in try session.sandboxObjects.delete(parsed) }
    return CommandOutput(text: "delete: \(parsed)\n", json: ["deleted": parsed.description])
  }
}

struct S3RemoveBucket: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "rb", abstract: "Delete an empty bucket.")
  @Argument(help: "s3://BUCKET") var location: String

  func execute(in session: Session) throws -> CommandOutput {
    let parsed = try s3 { () throws(SandboxError) in try S3Location.parse(location) }
    try s3 { () throws(SandboxError) in try session.sandboxObjects.removeBucket(parsed.bucket) }
    return CommandOutput(text: "remove_bucket: \(parsed.bucket)\n", json: ["removed": parsed.bucket])
  }
}

struct IAMCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "iam",
    abstract: "Simulated IAM roles: the service role a customization job needs.",
    discussion: """
      A customization job's role must trust bedrock.amazonaws.com (create-role adds the aws:SourceAccount and \
      aws:SourceArn conditions AWS recommends), read the training and validation data (s3:GetObject, \
      s3:ListBucket) and write the output (s3:PutObject).
      """,
    subcommands: [IAMCreateRole.self, IAMAttach.self, IAMAllow.self, IAMShow.self, IAMList.self, IAMDelete.self])

  func execute(in session: Session) throws -> CommandOutput { try IAMList().execute(in: session) }
}

struct IAMCreateRole: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "create-role", abstract: "Create a service role.")
  @Argument(help: "The role name.") var name: String
  @Option(help: "The service that may assume it, e.g. bedrock.amazonaws.com.") var trust: String
  @Flag(help: "Leave out the aws:SourceAccount / aws:SourceArn conditions (not recommended).") var noConditions = false

  func execute(in session: Session) throws -> CommandOutput {
    let outcome = try session.withSandbox { sandbox, now, _ in
      try sandbox.createRole(name: name, trustedService: trust, conditions: !noConditions, now: now)
    }
    var text = "Created role \(outcome.value.arn)\n" + IAMShow.render(outcome.value, styler: session.styler)
    if trust != RoleRequirements.bedrockService {
      text +=
        session.styler.warning("note:") + " Bedrock customization jobs need a role that trusts "
        + "\(RoleRequirements.bedrockService).\n"
    }
    return CommandOutput(text: text, json: outcome.value)
  }
}

struct IAMAttach: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "attach", abstract: "Attach an AWS managed policy (AmazonS3ReadOnlyAccess, AmazonS3FullAccess, …).")
  @Argument(help: "The role name.") var name: String
  @Argument(help: "The managed policy name.") var policy: String

  func execute(in session: Session) throws -> CommandOutput {
    let outcome = try session.withSandbox { sandbox, _, _ in try sandbox.attachPolicy(role: name, policy: policy) }
    return CommandOutput(
      text: "Attached \(policy) to \(name).\n" + IAMShow.render(outcome.value, styler: session.styler),
      json: outcome.value)
  }
}

struct IAMAllow: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "allow",
    abstract: "Grant S3 actions on one bucket (and prefix) — least privilege.",
    discussion:
      "Example: iam allow BedrockFT s3:GetObject,s3:ListBucket my-bucket · iam allow BedrockFT s3:PutObject my-bucket/out/"
  )
  @Argument(help: "The role name.") var name: String
  @Argument(help: "Comma-separated actions, e.g. s3:GetObject,s3:ListBucket.") var actions: String
  @Argument(help: "BUCKET or BUCKET/PREFIX (s3:// optional).") var resource: String

  func execute(in session: Session) throws -> CommandOutput {
    let list = actions.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let outcome = try session.withSandbox { sandbox, _, _ in
      try sandbox.allow(role: name, actions: list, bucketAndPrefix: resource)
    }
    return CommandOutput(
      text: "Granted \(list.joined(separator: ", ")) on \(resource).\n"
        + IAMShow.render(outcome.value, styler: session.styler),
      json: outcome.value)
  }
}

struct IAMShow: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "A role's trust policy and permissions.")
  @Argument(help: "The role name.") var name: String

  func execute(in session: Session) throws -> CommandOutput {
    let outcome = try session.withSandbox { sandbox, _, _ in try sandbox.role(name) }
    return CommandOutput(text: Self.render(outcome.value, styler: session.styler), json: outcome.value)
  }

  static func render(_ role: IAMRole, styler: Styler) -> String {
    var out = styler.bold(role.name) + "  " + styler.dim(role.arn) + "\n"
    out +=
      styler.dim("trust policy:") + "\n" + role.trust.document.split(separator: "\n").map { "  " + $0 + "\n" }.joined()
    out += styler.dim("permissions:") + "\n"
    if role.managedPolicies.isEmpty && role.statements.isEmpty { out += "  (none)\n" }
    for policy in role.managedPolicies {
      out += "  \(policy) — \(ManagedPolicy(rawValue: policy)?.summary ?? "")\n"
    }
    for statement in role.statements {
      out += "  Allow \(statement.actions.joined(separator: ", ")) on \(statement.resources.joined(separator: ", "))\n"
    }
    return out
  }
}

struct IAMList: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "The roles in the sandbox.")

  func execute(in session: Session) throws -> CommandOutput {
    let outcome = try session.withSandbox { sandbox, _, _ in sandbox.state.roles }
    let text =
      outcome.value.isEmpty
      ? "No roles yet: 'iam create-role NAME --trust bedrock.amazonaws.com'.\n"
      : outcome.value.map { "\($0.name)  trusts \($0.trust.service)\n" }.joined()
    return CommandOutput(text: text, json: outcome.value)
  }
}

struct IAMDelete: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "delete-role", abstract: "Delete a role.")
  @Argument(help: "The role name.") var name: String

  func execute(in session: Session) throws -> CommandOutput {
    _ = try session.withSandbox { sandbox, _, _ in try sandbox.deleteRole(name) }
    return CommandOutput(text: "Deleted role \(name).\n", json: ["deleted": name])
  }
}
