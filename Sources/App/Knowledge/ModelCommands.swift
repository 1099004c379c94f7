import ArgumentParser
import Content
import Core
import Knowledge

extension ModelEntry.Modality: ExpressibleByArgument {}
extension ModelQuery.Sort: ExpressibleByArgument {}

/// The customization methods `models --customization` filters by.
enum CustomizationFilter: String, CaseIterable, ExpressibleByArgument {
  case fineTuning = "fine-tuning"
  case continuedPreTraining = "continued-pre-training"
  case distillation
  case reinforcementFineTuning = "reinforcement-fine-tuning"

  var capability: Capability {
    switch self {
    case .fineTuning: .fineTuning
    case .continuedPreTraining: .continuedPreTraining
    case .distillation: .distillation
    case .reinforcementFineTuning: .reinforcementFineTuning
    }
  }
}

struct ModelsCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "models",
    abstract: "The Bedrock foundation model catalog as a table, with filters.",
    discussion: """
      Columns: modalities (input → output), context window, on-demand price per 1,000 input/output tokens \
      (or per image / per second of video), customization (FT fine-tuning, CPT continued pre-training, \
      D distillation teacher/student, RFT reinforcement fine-tuning), Provisioned Throughput, lifecycle. \
      'model ID' shows every fact with its source.
      """)

  @Option(help: "Only this provider: its name or first word, any case (amazon, mistral, \"twelve labs\").")
  var provider: String?
  @Option(help: "Only models that take this input modality.") var input: ModelEntry.Modality?
  @Option(help: "Only models that produce this output modality.") var output: ModelEntry.Modality?
  @Option(help: "Only models that support this customization method.") var customization: CustomizationFilter?
  @Flag(help: "Only models that can be served with Provisioned Throughput.") var provisioned = false
  @Option(help: "Only models whose on-demand input price per 1K tokens is at most this many US dollars.")
  var maxPrice: Double?
  @Option(help: "Order: provider (default), name, price (cheapest input first), context (largest first).")
  var sort: ModelQuery.Sort = .provider

  func validate() throws {
    if let maxPrice, !(maxPrice >= 0) || !maxPrice.isFinite {
      throw ValidationError("--max-price must be zero or more (US dollars per 1,000 input tokens)")
    }
  }

  func execute(in session: Session) throws -> CommandOutput {
    let catalog = try session.catalog()
    var query = ModelQuery()
    if let provider {
      guard let named = catalog.provider(named: provider) else {
        throw CommandFailure.unknown(
          "provider", String(provider.sanitizedForTerminal.prefix(40)), in: catalog.providers,
          otherwise: "; providers: " + catalog.providers.joined(separator: ", "))
      }
      query.provider = named
    }
    query.input = input
    query.output = output
    query.customization = customization?.capability
    query.provisioned = provisioned
    query.maxPrice = maxPrice
    query.sort = sort
    let models = query.run(on: catalog)
    return CommandOutput(
      text: ModelView.renderTable(
        models, total: catalog.models.count, width: session.configuration.columns, styler: session.styler),
      json: models)
  }
}

struct ModelCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "model",
    abstract: "Everything the catalog knows about one model, with sources.",
    discussion: """
      Name the model any way you like: its short name (nova-micro), its Bedrock id \
      (amazon.nova-micro-v1:0), or words (model nova micro, model claude 3.5 sonnet).
      """)

  @Argument(help: "The model: short name, Bedrock id, or words.") var words: [String] = []

  func execute(in session: Session) throws -> CommandOutput {
    guard !words.isEmpty else {
      throw CommandFailure.usage("name a model, e.g. 'model nova-micro'; 'models' lists them")
    }
    let model = try session.model(named: words)
    return CommandOutput(
      text: ModelView.renderCard(
        model, catalog: try session.catalog(), width: session.configuration.columns, styler: session.styler),
      json: model, pageable: true)
  }
}

struct CanCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "can",
    abstract: "Can a model do something? Yes or no, with the reason and the source.",
    discussion: """
      Examples: can nova-micro image-input · can claude 3.5 sonnet image-input · can nova-reel fine-tuning. \
      Capabilities: \(Capability.names.joined(separator: ", ")).
      """)

  @Argument(help: "The model (short name, id or words), then one capability.") var words: [String] = []

  func execute(in session: Session) throws -> CommandOutput {
    guard words.count >= 2, let last = words.last else {
      throw CommandFailure.usage("usage: can MODEL CAPABILITY, e.g. 'can nova-micro image-input'")
    }
    let capability = try session.capability(named: last)
    let model = try session.model(named: Array(words.dropLast()))
    let verdict = Verdict.evaluate(capability, for: model)
    return CommandOutput(text: ModelView.renderVerdict(verdict, styler: session.styler), json: verdict)
  }
}

struct WhichCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "which",
    abstract: "Which models have all these capabilities?",
    discussion: """
      Example: which image-input fine-tuning. Capabilities: \(Capability.names.joined(separator: ", ")).
      """)

  @Argument(help: "One or more capabilities.") var capabilities: [String] = []

  func execute(in session: Session) throws -> CommandOutput {
    guard !capabilities.isEmpty else {
      throw CommandFailure.usage("name at least one capability, e.g. 'which image-input fine-tuning'")
    }
    var query = ModelQuery()
    query.capabilities = try capabilities.map { try session.capability(named: $0) }
    let catalog = try session.catalog()
    let models = query.run(on: catalog)
    let heading = "Models that can " + query.capabilities.map(\.phrase).joined(separator: " and ") + ":\n"
    let text =
      models.isEmpty
      ? "No model in the catalog can " + query.capabilities.map(\.phrase).joined(separator: " and ") + ".\n"
      : heading
        + ModelView.renderTable(
          models, total: catalog.models.count, width: session.configuration.columns, styler: session.styler)
    return CommandOutput(text: text, json: models)
  }
}
