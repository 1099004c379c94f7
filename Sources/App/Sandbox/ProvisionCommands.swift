import ArgumentParser
import Core
import Foundation
import Sandbox
import Simulation
import Terminal

/// `none`, `1m`, `6m` (and the API's `OneMonth`, `SixMonths`).
enum CommitmentOption: String, CaseIterable, ExpressibleByArgument {
  case none
  case oneMonth = "1m"
  case sixMonths = "6m"

  init?(argument: String) {
    switch argument.lowercased() {
    case "none", "no", "no-commitment": self = .none
    case "1m", "onemonth", "1-month": self = .oneMonth
    case "6m", "sixmonths", "6-month": self = .sixMonths
    default: return nil
    }
  }

  var duration: CommitmentDuration? {
    switch self {
    case .none: nil
    case .oneMonth: .oneMonth
    case .sixMonths: .sixMonths
    }
  }

  var term: CommitmentTerm {
    switch self {
    case .none: .noCommitment
    case .oneMonth: .oneMonth
    case .sixMonths: .sixMonths
    }
  }
}

struct ProvisionCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "provision",
    abstract: "Buy Provisioned Throughput for a base or custom model — simulated, billed hourly.",
    discussion: """
      Model units (MU) guarantee a number of input and output tokens per minute. Terms: none (delete any time, \
      highest hourly rate), 1m and 6m (cheaper per hour; can't be deleted before the term ends). Status goes \
      Creating → InService on the sandbox clock. Invoke it by its name or ARN. 'pt' lists, updates and deletes.
      """)

  @Argument(help: "A name for the Provisioned Throughput.") var name: String
  @Option(help: "The model: a foundation model id or a custom model name/ARN.") var model: String
  @Option(help: "Model units (at least 1).") var units: Int
  @Option(help: "none, 1m or 6m.") var commitment: CommitmentOption = .none

  func execute(in session: Session) throws -> CommandOutput {
    let outcome = try session.withSandbox { sandbox, now, _ in
      try sandbox.createProvisionedThroughput(
        name: name, modelIdentifier: model, modelUnits: units, commitment: commitment.duration, now: now,
        random: &session.random)
    }
    let purchase = outcome.value
    let hourly = purchase.hourlyPricePerUnit * Double(purchase.modelUnits)
    var text = SandboxView.events(outcome.events, styler: session.styler)
    text +=
      "Provisioned Throughput " + session.styler.bold(purchase.provisionedModelName) + " Creating — "
      + session.styler.dim(SandboxView.simulatedLabel) + "\n"
    text += "provisionedModelArn \(purchase.provisionedModelArn)\nmodel \(purchase.modelArn)\n"
    text +=
      "InService at \(SandboxView.time(purchase.inServiceTime)). Billing starts now: "
      + "\(purchase.modelUnits) MU × $\(Money.price(purchase.hourlyPricePerUnit))/h = \(Money.amount(hourly))/hour "
      + "(≈\(Money.amount(hourly * 730))/month\(purchase.priceIllustrative ? ", illustrative price" : ", estimated"))"
      + ", whether or not you send requests.\n"
    if let end = purchase.commitmentExpirationTime {
      text += "Commitment \(purchase.commitmentDuration!.rawValue): can't be deleted before \(SandboxView.time(end)).\n"
    } else {
      text += "No commitment: delete it when you are done ('pt delete \(purchase.provisionedModelName)').\n"
    }
    return CommandOutput(text: text, json: purchase)
  }
}

struct PTCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "pt",
    abstract: "Provisioned Throughput in the sandbox: list, switch its model, delete.",
    subcommands: [PTList.self, PTUpdate.self, PTDelete.self])

  func execute(in session: Session) throws -> CommandOutput { try PTList().execute(in: session) }
}

struct PTList: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "Provisioned Throughput and its cost.")

  func execute(in session: Session) throws -> CommandOutput {
    let outcome = try session.withSandbox { sandbox, now, _ in
      sandbox.state.provisioned.filter { $0.deletedAt == nil }.map { purchase in
        // What it serves, short: a custom model's name, or the foundation model's slug.
        let model =
          sandbox.state.customModels.first { $0.modelArn == purchase.modelArn }?.modelName
          ?? sandbox.catalog.models.first { $0.id == purchase.foundationModelId }?.slug ?? purchase.foundationModelId
        return (purchase, purchase.status(at: now), purchase.cost(at: now), model)
      }
    }
    var text = SandboxView.events(outcome.events, styler: session.styler)
    if outcome.value.isEmpty {
      text += "No Provisioned Throughput: 'provision NAME --model ID --units 1'.\n"
    } else {
      var table = TextTable(columns: [
        .init("name"), .init("model"), .init("MU", alignment: .right, shrinkable: false),
        .init("term", shrinkable: false), .init("status", shrinkable: false), .init("$/hour", alignment: .right),
        .init("billed", alignment: .right), .init("term ends (UTC)", shrinkable: false),
      ])
      for (purchase, status, cost, model) in outcome.value {
        table.append([
          purchase.provisionedModelName, model,
          "\(purchase.modelUnits)", purchase.commitmentDuration?.rawValue ?? "none",
          SandboxView.statusText(status.rawValue, styler: session.styler),
          Money.amount(purchase.hourlyPricePerUnit * Double(purchase.modelUnits)),
          // Whole cents: a purchase a moment old has billed a fraction of one, not worth eight digits.
          Money.amount((cost * 100).rounded() / 100),
          purchase.commitmentExpirationTime.map { String(Timestamp.format($0).prefix(10)) } ?? "-",
        ])
      }
      text += table.render(width: session.configuration.columns, styler: session.styler)
    }
    return CommandOutput(text: text, json: outcome.value.map(\.0))
  }
}

struct PTUpdate: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "update",
    abstract: "Switch the model a custom-model Provisioned Throughput serves (its base, or a sibling custom model).")
  @Argument(help: "The Provisioned Throughput.") var name: String
  @Option(help: "The model to serve instead.") var model: String

  func execute(in session: Session) throws -> CommandOutput {
    let outcome = try session.withSandbox { sandbox, now, _ in try sandbox.swapModel(of: name, to: model, now: now) }
    return CommandOutput(
      text: "\(outcome.value.provisionedModelName) is Updating to serve \(outcome.value.modelArn); "
        + "InService again in about 5 minutes. Units and term are unchanged.\n",
      json: outcome.value)
  }
}

struct PTDelete: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete", abstract: "Delete a Provisioned Throughput (not before its commitment ends).")
  @Argument(help: "The Provisioned Throughput.") var name: String

  func execute(in session: Session) throws -> CommandOutput {
    let outcome = try session.withSandbox { sandbox, now, _ in try sandbox.deleteProvisionedThroughput(name, now: now) }
    let purchase = outcome.value
    return CommandOutput(
      text: "Deleted \(purchase.provisionedModelName): billing stopped after "
        + String(format: "%.1f", purchase.billedHours(at: purchase.deletedAt ?? outcome.now))
        + " h (\(Money.amount(purchase.cost(at: outcome.now)))). The model it served is not deleted.\n",
      json: purchase)
  }
}

struct DeployCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "deploy",
    abstract: "Deploy a custom model for on-demand, pay-per-token inference (where its base supports it).",
    discussion: """
      CreateCustomModelDeployment: since 2025, custom models of Nova Micro, Nova Lite, Nova Pro, Nova 2 Lite \
      (us-east-1) and Llama 3.3 70B (us-west-2) customized on or after 2025-07-16 can be served on demand; other \
      custom models need Provisioned Throughput. 'deploy --delete NAME' removes a deployment (the model stays).
      """)
  @Argument(help: "A name for the deployment (or the deployment to delete with --delete).") var name: String
  @Option(help: "The custom model.") var model: String?
  @Flag(help: "Delete the deployment instead.") var delete = false

  func execute(in session: Session) throws -> CommandOutput {
    if delete {
      let outcome = try session.withSandbox { sandbox, now, _ in try sandbox.deleteDeployment(name, now: now) }
      return CommandOutput(text: "Deleted deployment \(outcome.value.modelDeploymentName).\n", json: outcome.value)
    }
    guard let model else { throw CommandFailure.usage("deploy NAME --model CUSTOM_MODEL") }
    let outcome = try session.withSandbox { sandbox, now, _ in
      try sandbox.deploy(name: name, modelIdentifier: model, now: now, random: &session.random)
    }
    let deployment = outcome.value
    return CommandOutput(
      text: "Custom model deployment \(deployment.modelDeploymentName) Creating — \(SandboxView.simulatedLabel)\n"
        + "customModelDeploymentArn \(deployment.customModelDeploymentArn)\n"
        + "Active at \(SandboxView.time(deployment.activeAt)); then 'invoke \(deployment.modelDeploymentName) \"PROMPT\"' "
        + "bills per token at the base model's on-demand price, with no hourly charge.\n",
      json: deployment)
  }
}

struct ThroughputCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "throughput",
    abstract:
      "Will a load fit Provisioned Throughput, where does throttling start, and what does it cost vs on-demand?",
    subcommands: [ThroughputSimulate.self], defaultSubcommand: ThroughputSimulate.self)

  func execute(in session: Session) throws -> CommandOutput {
    throw CommandFailure.usage(
      "throughput [simulate] --rpm R --input-tokens I --output-tokens O [--units N] [--model ID]")
  }
}

struct ThroughputSimulate: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Capacity, throttling (429) and monthly cost of Provisioned Throughput against on-demand.",
    discussion: """
      Per-model-unit capacities are not published by AWS: the sandbox's figures are illustrative (labelled). \
      Prices come from Resources/sandbox/profiles.yaml (sourced or illustrative); a month is 730 hours.
      """)
  @Option(help: "Requests per minute.") var rpm: Double
  @Option(help: "Input tokens per request.") var inputTokens: Int
  @Option(help: "Output tokens per request.") var outputTokens: Int
  @Option(help: "Model units (default: the fewest that fit).") var units: Int?
  @Option(help: "The model: id or short name.") var model = "amazon.nova-lite-v1:0"
  @Option(help: "none, 1m or 6m.") var commitment: CommitmentOption = .none

  func validate() throws {
    guard rpm >= 0, rpm.isFinite, rpm <= 1_000_000 else { throw ValidationError("--rpm must be 0–1,000,000") }
    guard inputTokens >= 0, outputTokens >= 0 else { throw ValidationError("token counts must be 0 or more") }
    if let units, !(1...1000).contains(units) { throw ValidationError("--units must be 1–1,000") }
  }

  func execute(in session: Session) throws -> CommandOutput {
    let catalog = try session.catalog()
    guard let entry = catalog.lookupModel(model) else {
      throw CommandFailure.unknown("model", model, in: catalog.models.map(\.slug))
    }
    guard let profile = try session.sandboxProfiles().model(entry.id)?.provisioned else {
      let provisionable = catalog.models.filter {
        $0.provisionedThroughput?.base == true || $0.provisionedThroughput?.custom == true
      }
      throw CommandFailure(
        message:
          "\(entry.name) has no Provisioned Throughput profile; try \(provisionable.prefix(6).map(\.slug).joined(separator: ", "))",
        status: .failure)
    }
    guard profile.hourlyPrice(for: commitment.term) != nil else {
      throw CommandFailure(
        message: "\(commitment.term.label) Provisioned Throughput has no price for \(entry.name) in the sandbox",
        status: .failure)
    }
    let load = ThroughputLoad(
      requestsPerMinute: rpm, inputTokensPerRequest: inputTokens, outputTokensPerRequest: outputTokens)
    let chosen = units ?? max(1, ThroughputSimulator.unitsNeeded(load, profile: profile))
    let plan = ThroughputPlan(
      units: chosen, term: commitment.term, profile: profile, onDemandInputPer1K: entry.pricing?.inputPer1K,
      onDemandOutputPer1K: entry.pricing?.outputPer1K)
    let report = ThroughputSimulator.evaluate(load, plan: plan)
    let top = max(
      rpm * 2, report.breakEvenRequestsPerMinute.map { $0 * 1.5 } ?? 0, report.maxRequestsPerMinute * 1.2, 10)
    let curve = ThroughputSimulator.costCurve(
      plan: plan, inputTokensPerRequest: inputTokens, outputTokensPerRequest: outputTokens, maxRequestsPerMinute: top,
      points: 60)
    let minute = ThroughputSimulator.simulateMinute(load, units: chosen, profile: profile, seed: session.random.next())
    _ = try? session.withSandbox { sandbox, now, _ in
      sandbox.state.record(
        ActivityEvent(
          kind: .throughputSimulated, time: now, models: [entry.id], fits: report.fits,
          throttled: report.throttledRequestsPerMinute > 0))
    }
    struct Output: Encodable, Sendable {
      var model: String
      var load: ThroughputLoad
      var report: ThroughputReport
      var curve: [ThroughputCostPoint]
      var minute: MinuteSimulation
      var capacityBasis: Basis
      var priceBasis: Basis
    }
    return CommandOutput(
      text: ThroughputView.render(
        model: entry.name, load: load, plan: plan, report: report, curve: curve, minute: minute,
        width: session.configuration.columns, styler: session.styler),
      json: Output(
        model: entry.id, load: load, report: report, curve: curve, minute: minute, capacityBasis: profile.capacityBasis,
        priceBasis: profile.priceBasis),
      pageable: true)
  }
}

enum ThroughputView {
  static func render(
    model: String, load: ThroughputLoad, plan: ThroughputPlan, report: ThroughputReport,
    curve: [ThroughputCostPoint], minute: MinuteSimulation, width: Int, styler: Styler
  ) -> String {
    let g = { (value: Int) in DigitGrouping.grouped(value) }
    var out =
      styler.bold("Provisioned Throughput for \(model)") + "  " + styler.dim("(\(SandboxView.simulatedLabel))") + "\n"
    out +=
      "Load: \(g(Int(load.requestsPerMinute))) requests/min × (\(g(load.inputTokensPerRequest)) in + "
      + "\(g(load.outputTokensPerRequest)) out) tokens = \(g(Int(load.inputTokensPerMinute))) input and "
      + "\(g(Int(load.outputTokensPerMinute))) output tokens per minute\n"
    out +=
      "Capacity of \(plan.units) MU: \(g(plan.units * plan.profile.inputTokensPerMinutePerUnit)) input and "
      + "\(g(plan.units * plan.profile.outputTokensPerMinutePerUnit)) output tokens/min "
      + styler.dim("(illustrative: AWS doesn't publish per-unit capacity)") + "\n"
    out +=
      "Utilization: input " + String(format: "%.0f%%", report.inputUtilization * 100) + ", output "
      + String(format: "%.0f%%", report.outputUtilization * 100) + " → "
      + (report.fits ? styler.success("fits") : styler.error("doesn't fit")) + "\n"
    out +=
      "Throttling (ThrottlingException, HTTP 429) starts above \(g(Int(report.maxRequestsPerMinute))) requests/min"
    if report.throttledRequestsPerMinute > 0 {
      out += "; at this load ≈\(g(Int(report.throttledRequestsPerMinute.rounded()))) requests/min are throttled"
    }
    out += ". Fewest units that fit: \(report.unitsNeeded).\n"
    out += "One simulated minute with bursts: \(g(minute.admitted)) served, \(g(minute.throttled)) throttled"
    if let first = minute.firstThrottledSecond { out += " (first 429 at second \(first))" }
    out += ".\n\n"
    var table = TextTable(columns: [.init(""), .init("monthly cost", alignment: .right)])
    table.append([
      "Provisioned Throughput (\(plan.term.label), \(plan.units) MU × 730 h)",
      report.provisionedMonthlyCost.map(Money.amount) ?? "-",
    ])
    table.append(["On-demand at this load (43,800 min)", report.onDemandMonthlyCost.map(Money.amount) ?? "-"])
    out += table.render(width: width, styler: styler)
    if let breakEven = report.breakEvenRequestsPerMinute {
      out += "Break-even: at ≈\(g(Int(breakEven.rounded()))) requests/min on-demand costs as much as these units"
      if breakEven > report.maxRequestsPerMinute {
        out +=
          " — above their capacity (\(g(Int(report.maxRequestsPerMinute))) requests/min), so on-demand is cheaper "
          + "at every load these units can carry"
      }
      out += ".\n"
    }
    if let cheaper = report.cheaper { out += "Cheaper at this load: " + styler.bold(label(cheaper)) + "\n" }
    for note in report.notes { out += styler.dim("· " + note) + "\n" }
    out += "\n" + costChart(curve, current: load.requestsPerMinute, width: width, styler: styler)
    return out
  }

  /// The way of paying, as the report's text names it.
  static func label(_ option: ThroughputReport.PricingOption) -> String {
    switch option {
    case .provisionedThroughput: "Provisioned Throughput"
    case .onDemand: "on-demand"
    case .same: "neither (they cost the same)"
    }
  }

  /// Monthly cost against load: on-demand (/) rises, Provisioned Throughput (─) is flat; × marks loads that
  /// exceed the units' capacity.
  static func costChart(_ points: [ThroughputCostPoint], current: Double, width: Int, styler: Styler) -> String {
    let values = points.flatMap { [$0.onDemandMonthlyCost, $0.provisionedMonthlyCost].compactMap { $0 } }
    guard let high = values.max(), high > 0, let top = points.last?.requestsPerMinute, top > 0 else { return "" }
    let chartWidth = max(20, min(60, width - 14))
    let height = 10
    var grid = Array(repeating: Array(repeating: " ", count: chartWidth), count: height)
    let onDemandMark = styler.unicode ? "•" : "*"
    let provisionedMark = styler.unicode ? "─" : "-"
    for point in points {
      let x = min(chartWidth - 1, Int(point.requestsPerMinute / top * Double(chartWidth - 1)))
      if let cost = point.provisionedMonthlyCost {
        let y = min(height - 1, Int(((high - cost) / high * Double(height - 1)).rounded()))
        grid[y][x] = point.withinCapacity ? provisionedMark : "×"
      }
      if let cost = point.onDemandMonthlyCost {
        let y = min(height - 1, Int(((high - cost) / high * Double(height - 1)).rounded()))
        grid[y][x] = onDemandMark
      }
    }
    var out =
      styler.bold("Monthly cost vs load")
      + styler.dim("  \(onDemandMark) on-demand  \(provisionedMark) Provisioned Throughput  × over capacity") + "\n"
    let topLabel = "$" + DigitGrouping.grouped(Int(high.rounded()))
    let labelWidth = max(9, topLabel.count)
    for (row, cells) in grid.enumerated() {
      let label = row == 0 ? topLabel : row == height - 1 ? "$0" : ""
      let padded = String(repeating: " ", count: labelWidth - label.count) + label
      out += styler.dim(padded + (styler.unicode ? " ┤" : " |")) + cells.joined() + "\n"
    }
    let margin = String(repeating: " ", count: labelWidth + 1)
    out += margin + String(repeating: styler.unicode ? "─" : "-", count: chartWidth + 1) + "\n"
    out +=
      margin + "0 req/min" + String(repeating: " ", count: max(1, chartWidth - 20))
      + "\(DigitGrouping.grouped(Int(top))) req/min\n"
    return out
  }
}
