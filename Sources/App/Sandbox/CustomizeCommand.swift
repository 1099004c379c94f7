import ArgumentParser
import Content
import Core
import Foundation
import Knowledge
import Sandbox
import Simulation
import Terminal

extension CustomizationType: ExpressibleByArgument {
  public init?(argument: String) { self.init(commandName: argument) }
  public static var allValueStrings: [String] { allCases.map(\.commandName) }
}

struct CustomizeCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "customize",
    abstract: "Create a model customization job (fine-tuning, continued pre-training, distillation) — simulated.",
    discussion: """
      The console's nine settings: base model, custom model name, job name, VPC (optional), training data, \
      validation data (optional), hyperparameters, output location, service role. Give them as options, or leave \
      some out in the REPL and the wizard asks for them. Example: customize fine-tuning --base \
      amazon.nova-micro-v1:0 --model-name Demo --job-name j1 --train s3://b/train.jsonl --output s3://b/out/ \
      --role BedrockFT --epochs 2. Hyperparameters are strings, as the API takes them; --hp NAME=VALUE sets any.
      """)

  @Argument(help: "fine-tuning, continued-pre-training or distillation.") var type: CustomizationType?
  @Option(help: "Base model id (or slug).") var base: String?
  @Option(help: "Custom model name.") var modelName: String?
  @Option(help: "Job name.") var jobName: String?
  @Option(help: "VPC subnet id (repeat for several).") var subnet: [String] = []
  @Option(help: "VPC security group id (repeat for several).") var securityGroup: [String] = []
  @Option(help: "Training data, s3://BUCKET/KEY.jsonl.") var train: String?
  @Option(help: "Validation data, s3://BUCKET/KEY.jsonl (optional).") var validation: String?
  @Option(help: "Output location, s3://BUCKET/PREFIX/.") var output: String?
  @Option(help: "Service role name or ARN.") var role: String?
  @Option(help: "epochCount.") var epochs: String?
  @Option(help: "batchSize.") var batchSize: String?
  @Option(help: "learningRate.") var learningRate: String?
  @Option(help: "learningRateWarmupSteps.") var warmupSteps: String?
  @Option(help: "Any hyperparameter as NAME=VALUE (repeatable).") var hp: [String] = []
  @Option(help: "Distillation: the teacher model.") var teacher: String?
  @Option(help: "Distillation: most tokens the teacher may answer with.") var maxResponseLength: Int?

  func execute(in session: Session) throws -> CommandOutput {
    var request = try buildRequest(in: session)
    request.hyperParameters = request.hyperParameters.filter { !$0.value.isEmpty }
    let outcome = try session.withSandbox { sandbox, now, objects in
      let job = try sandbox.createJob(request, now: now, objects: objects, random: &session.random)
      let base = try sandbox.foundationModel(job.baseModelId)
      return (job, sandbox.lifecycleWarning(base, now: now))
    }
    let (job, warning) = outcome.value
    let snapshot = job.snapshot(at: outcome.now)
    var text = SandboxView.events(outcome.events, styler: session.styler)
    text +=
      "Created model customization job " + session.styler.bold(job.jobName) + " (\(snapshot.status.rawValue)) — "
      + session.styler.dim(SandboxView.simulatedLabel) + "\n"
    text += "jobArn \(job.jobArn)\n"
    if let warning { text += session.styler.warning("note:") + " \(warning)\n" }
    text +=
      "Stages: validation → data processing → training. Planned to end \(SandboxView.time(job.failure?.at ?? job.trainingEnd)); "
      + "'job \(job.jobName)' shows progress, 'advance 1h' moves the sandbox clock.\n"
    text +=
      "Estimated training cost: \(Money.amount(Double(job.trainingTokens) * job.plannedEpochs * job.pricePer1KTokens / 1000))"
      + " (≈\(job.trainingTokens) tokens × \(String(format: "%.2g", job.plannedEpochs)) epochs × $\(Money.price(job.pricePer1KTokens))/1K"
      + (job.teacherCost > 0 ? ", plus \(Money.amount(job.teacherCost)) of teacher inference" : "")
      + "), then \(Money.amount(outcome.sandbox.profiles.model(job.baseModelId)?.training?.storagePerMonth ?? 0))/month to store the model. "
      + "Training never needs Provisioned Throughput.\n"
    return CommandOutput(text: text, json: job)
  }

  /// The request from the options, asking for missing settings when a learner is at the keyboard.
  func buildRequest(in session: Session) throws -> JobRequest {
    let interactive = session.reader != nil && !session.json
    var missing: [String] = []
    // Asks for a setting that was not given. A required one is asked again while the answer is empty or fails
    // `check` (which says what is wrong), so a typo is caught at its question rather than after all nine; the end
    // of input (Ctrl-D) stops asking and leaves it missing.
    func value(
      _ given: String?, _ option: String, _ question: String, optional: Bool = false,
      check: ((String) -> String?)? = nil
    ) -> String? {
      if let given { return given }
      guard interactive else {
        if !optional { missing.append("--" + option) }
        return nil
      }
      while let answer = session.ask(question, id: "customize-\(option)") {
        if answer.isEmpty {
          if optional { return nil }
          session.say("   This one is required (Ctrl-D stops).", event: "info", data: ["required": option])
          continue
        }
        if let problem = check?(answer) {
          session.say("   " + problem, event: "info", data: ["invalid": option, "problem": problem])
          continue
        }
        return answer
      }
      if !optional { missing.append("--" + option) }
      return nil
    }
    let catalog = try? session.catalog()
    func checkModel(_ text: String) -> String? {
      guard let catalog, catalog.lookupModel(text) == nil else { return nil }
      if case .ambiguous(let slugs) = catalog.lookup(text) {
        return "'\(text)' fits \(slugs.count) models: \(slugs.prefix(6).joined(separator: ", ")); name one."
      }
      let suggestion = Suggestion.closest(to: text, in: catalog.models.map(\.slug)).first
      return "No model '\(text)' in the catalog"
        + (suggestion.map { " — did you mean '\($0)'?" } ?? "; 'models' lists them.")
    }
    func checkModelName(_ text: String) -> String? {
      NamePattern.isValidModelName(text)
        ? nil : "Use 1–63 letters and digits, each followed by at most one - or _ (e.g. support-bot_v2)."
    }
    // The account's job names, read without settling the sandbox (the job's own command does that and reports
    // what happened meanwhile).
    let takenJobNames = Set(
      ((try? session.store().sandboxState()).flatMap { try? JSONDecoder().decode(SandboxState.self, from: $0) })?
        .jobs.map(\.jobName) ?? [])
    func checkJobName(_ text: String) -> String? {
      if !NamePattern.isValidJobName(text) {
        return "Use 1–63 letters, digits, -, + and ., starting with a letter or digit (e.g. support-ft-1)."
      }
      return takenJobNames.contains(text)
        ? "A job named \(text) already exists ('jobs' lists them); choose another." : nil
    }
    func checkS3(_ text: String) -> String? {
      (try? S3Location.parse(text)) == nil ? "That is not an S3 URI: write s3://BUCKET/KEY." : nil
    }
    var type = self.type
    if type == nil, interactive,
      let answer = session.ask(
        "Customization method?", id: "customize-type",
        choices: CustomizationType.allCases.map(\.commandName))
    {
      type = CustomizationType(commandName: answer)
    }
    guard let type else {
      throw CommandFailure.usage(
        "customize needs a method: fine-tuning, continued-pre-training or distillation (e.g. 'customize fine-tuning …')"
      )
    }
    let anyMissing = [base, modelName, jobName, train, output, role].contains { $0 == nil }
    if interactive, anyMissing {
      session.say(
        "Creating a \(type.commandName) job: the console's nine settings (Enter skips an optional one).", event: "info",
        data: ["step": "start"])
    }
    let base = value(self.base, "base", "1. Base model (id or name, e.g. amazon.nova-micro-v1:0)?", check: checkModel)
    var teacher = self.teacher
    if type == .distillation, teacher == nil {
      teacher = value(nil, "teacher", "   Teacher model (e.g. amazon.nova-pro-v1:0)?", check: checkModel)
    }
    let modelName = value(
      self.modelName, "model-name", "2. Custom model name (letters, digits, - and _)?", check: checkModelName)
    let jobName = value(self.jobName, "job-name", "3. Job name?", check: checkJobName)
    var subnets = subnet
    var groups = securityGroup
    if subnets.isEmpty, groups.isEmpty, interactive, self.train == nil,
      let answer = session.ask("4. VPC subnet ids, comma-separated (optional, Enter to skip)?", id: "customize-vpc"),
      !answer.isEmpty
    {
      subnets = answer.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      groups = (session.ask("   Security group ids, comma-separated?", id: "customize-sg") ?? "")
        .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
    let train = value(self.train, "train", "5. Training data S3 URI (s3://BUCKET/KEY.jsonl)?", check: checkS3)
    let validation =
      self.validation
      ?? (interactive && self.train == nil
        ? value(
          nil, "validation", "6. Validation data S3 URI (optional, Enter to skip)?", optional: true, check: checkS3)
        : nil)
    var hyper: [String: String] = [:]
    if let epochs { hyper["epochCount"] = epochs }
    if let batchSize { hyper["batchSize"] = batchSize }
    if let learningRate { hyper["learningRate"] = learningRate }
    if let warmupSteps { hyper["learningRateWarmupSteps"] = warmupSteps }
    for pair in hp {
      let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, !parts[0].isEmpty else {
        throw CommandFailure.usage("--hp takes NAME=VALUE, e.g. --hp epochCount=3")
      }
      hyper[parts[0]] = parts[1]
    }
    if hyper.isEmpty, interactive, self.train == nil, let base, let model = try? session.catalog().lookupModel(base) {
      let ranges = model.customization.hyperparameters.map {
        "\($0.name) \($0.min ?? "?")–\($0.max ?? "?") (default \($0.defaultValue ?? "none"))"
      }
      if let answer = session.ask(
        "7. Hyperparameters as NAME=VALUE … (Enter keeps the defaults: \(ranges.joined(separator: "; ")))?",
        id: "customize-hyperparameters"), !answer.isEmpty
      {
        for pair in answer.split(separator: " ") {
          let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
          if parts.count == 2 { hyper[parts[0]] = parts[1] }
        }
      }
    }
    let output = value(self.output, "output", "8. Output S3 URI for metrics (s3://BUCKET/PREFIX/)?", check: checkS3)
    let role = value(self.role, "role", "9. Service role (name or ARN)?")
    if !missing.isEmpty {
      throw CommandFailure.usage(
        "customize needs \(missing.joined(separator: ", ")); see 'help customize' (the REPL asks for them one by one)")
    }
    if !subnets.isEmpty != !groups.isEmpty {
      throw CommandFailure.usage("a VPC configuration needs both --subnet and --security-group")
    }
    return JobRequest(
      customizationType: type, baseModelIdentifier: base!, customModelName: modelName!, jobName: jobName!,
      vpcConfig: subnets.isEmpty ? nil : .init(subnetIds: subnets, securityGroupIds: groups),
      trainingDataURI: train!, validationDataURI: validation, hyperParameters: hyper, outputDataURI: output!,
      roleIdentifier: role!, teacherModelIdentifier: teacher, maxResponseLengthForInference: maxResponseLength)
  }
}

extension Knowledge.ModelCatalog {
  /// A model by id, variant id or forgiving name (nil when not exactly one).
  func lookupModel(_ text: String) -> ModelEntry? {
    if let model = models.first(where: { $0.id == text || $0.customization.variants.contains(text) }) { return model }
    if case .found(let model) = lookup(text) { return model }
    return nil
  }
}
