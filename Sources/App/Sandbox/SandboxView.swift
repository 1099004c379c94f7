import Core
import Foundation
import Sandbox
import Simulation
import Terminal

/// Text for the sandbox's commands. Every simulated figure is labelled so.
enum SandboxView {
  static let simulatedLabel = "SIMULATED"

  static func time(_ date: Date) -> String {
    let text = Timestamp.format(date)
    return text.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
  }

  /// What settled before the command ran (jobs that completed, outputs written).
  static func events(_ events: [String], styler: Styler) -> String {
    events.map { styler.accent("• ") + $0.sanitizedForTerminal + "\n" }.joined()
  }

  static func bill(_ bill: SandboxBill, width: Int, styler: Styler) -> String {
    guard !bill.lines.isEmpty else {
      return "Nothing billed yet: the sandbox account has no jobs, models, Provisioned Throughput or invocations.\n"
    }
    var table = TextTable(columns: [
      .init("category", shrinkable: false), .init("item"), .init("how", shrinkable: true),
      .init("cost", alignment: .right, shrinkable: false),
    ])
    for line in bill.lines {
      table.append([
        line.category, line.item, line.detail,
        line.cost.map { Money.amount($0) + (line.running ? " ↑" : "") } ?? "not priced",
      ])
    }
    var out = styler.bold("Sandbox bill (\(simulatedLabel), estimated prices)") + "\n"
    out += table.render(width: width, styler: styler)
    out += "total " + styler.bold(Money.amount(bill.total))
    if bill.unpricedLines > 0 {
      out += " (without the \(Plural.of(bill.unpricedLines, "item")) fmlab has no price for)"
    }
    if bill.hourlyRate > 0 {
      out +=
        " · still accruing \(Money.amount(bill.hourlyRate))/hour (↑): delete Provisioned Throughput and "
        + "custom models you no longer need"
    }
    return out + "\n"
  }

  /// A job as GetModelCustomizationJob shows it.
  static func job(
    _ job: CustomizationJob, snapshot: CustomizationJob.Snapshot, curve: LossCurve?, now: Date, width: Int,
    styler: Styler
  ) -> String {
    var out = styler.bold("\(job.jobName)") + "  \(statusText(snapshot.status.rawValue, styler: styler))"
    out += "  " + styler.dim("(\(simulatedLabel))") + "\n"
    let rows: [(String, String)] = [
      ("jobArn", job.jobArn),
      ("customizationType", job.customizationType.rawValue),
      ("baseModel", job.baseModelId),
      ("customModelName", job.customModelName),
      ("outputModelArn", snapshot.status == .completed ? job.outputModelArn : "(when Completed)"),
      ("roleArn", job.roleArn),
      ("trainingDataConfig", job.trainingDataConfig.description),
      ("validationDataConfig", job.validationDataConfig?.description ?? "(none)"),
      ("outputDataConfig", job.outputDataConfig.description),
      (
        "hyperParameters",
        job.hyperParameters.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }
          .joined(separator: " ")
      ),
      ("teacher", job.teacherModelIdentifier ?? "-"),
      (
        "vpcConfig",
        job.vpcConfig.map {
          "subnets \($0.subnetIds.joined(separator: ",")); security groups \($0.securityGroupIds.joined(separator: ","))"
        } ?? "(none)"
      ),
      ("creationTime", time(job.creationTime)),
      ("endTime", snapshot.endTime.map(time) ?? "-"),
      (
        "statusDetails",
        "validation \(snapshot.validationDetails.rawValue) · dataProcessing \(snapshot.dataProcessingDetails.rawValue) · training \(snapshot.trainingDetails.rawValue)"
      ),
      (
        "data",
        "\(job.records) training records, \(job.validationRecords) validation records, ≈\(job.trainingTokens) tokens per epoch (estimated)"
      ),
    ]
    let labelWidth = rows.map(\.0.count).max() ?? 0
    for (label, value) in rows {
      out +=
        styler.dim(label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)) + "  "
        + value.sanitizedForTerminal + "\n"
    }
    if let message = snapshot.failureMessage {
      out += styler.error("failureMessage") + "  " + message.sanitizedForTerminal + "\n"
    }
    if snapshot.status == .inProgress {
      let stage =
        snapshot.validationDetails == .inProgress
        ? "validating the data" : snapshot.dataProcessingDetails == .inProgress ? "processing the data" : "training"
      let eta = job.failure?.at ?? job.trainingEnd
      out += "Now \(stage); " + String(format: "%.0f%%", snapshot.trainingProgress * 100) + " of training done. "
      out +=
        "Planned to finish \(time(eta)) — 'advance \(DurationText.format(max(60, eta.timeIntervalSince(now))))' to get there.\n"
    }
    out +=
      "Training cost so far: \(Money.amount(job.trainingCost(at: now))) (estimated: tokens × epochs × "
      + "$\(Money.price(job.pricePer1KTokens))/1K\(job.priceIllustrative ? ", illustrative price" : "")"
      + (job.teacherCost > 0 ? ", plus the teacher's inference" : "") + ")\n"
    if let curve, snapshot.trainingDetails != .notStarted {
      out += "\n" + lossChart(curve, upTo: snapshot.trainingProgress, width: width, styler: styler)
      for note in curve.notes { out += styler.dim("  · " + note) + "\n" }
    }
    return out
  }

  static func statusText(_ status: String, styler: Styler) -> String {
    switch status {
    case "Completed", "InService", "Active": styler.success(status)
    case "Failed", "Stopped": styler.error(status)
    default: styler.warning(status)
    }
  }

  /// Training loss (•) and validation loss (○) per step, as far as training got.
  static func lossChart(_ curve: LossCurve, upTo progress: Double, width: Int, styler: Styler) -> String {
    let visibleSteps = max(1, Int((Double(curve.steps.count) * progress).rounded()))
    let steps = Array(curve.steps.prefix(visibleSteps))
    let lastStep = steps.last?.step ?? 0
    let validation = curve.validation.filter { $0.step <= lastStep }
    let chartWidth = max(20, min(72, width - 12))
    let height = 10
    let values = steps.map(\.trainingLoss) + validation.map(\.validationLoss)
    guard let low = values.min(), let high = values.max(), !steps.isEmpty else { return "" }
    let span = max(high - low, 1e-9)
    var grid = Array(repeating: Array(repeating: " ", count: chartWidth), count: height)
    let maxStep = max(1, curve.steps.last?.step ?? 1)
    func place(_ step: Int, _ value: Double, _ mark: String) {
      let x = min(chartWidth - 1, Int(Double(step) / Double(maxStep) * Double(chartWidth - 1)))
      let y = min(height - 1, Int(((high - value) / span * Double(height - 1)).rounded()))
      grid[y][x] = mark
    }
    let training = styler.unicode ? "•" : "*"
    let validating = styler.unicode ? "○" : "o"
    // Average training loss per column, so 10,000 steps draw as fast as 100.
    var columns: [Int: (sum: Double, count: Int)] = [:]
    for step in steps {
      let x = min(chartWidth - 1, Int(Double(step.step) / Double(maxStep) * Double(chartWidth - 1)))
      columns[x, default: (0, 0)].sum += step.trainingLoss
      columns[x, default: (0, 0)].count += 1
    }
    for (x, entry) in columns {
      let value = entry.sum / Double(entry.count)
      let y = min(height - 1, Int(((high - value) / span * Double(height - 1)).rounded()))
      grid[y][x] = training
    }
    for point in validation { place(point.step, point.validationLoss, validating) }
    var out =
      styler.bold("Loss")
      + styler.dim("  \(training) training  \(validating) validation (per epoch)  — \(simulatedLabel)") + "\n"
    for (row, cells) in grid.enumerated() {
      let label = row == 0 ? String(format: "%6.3f", high) : row == height - 1 ? String(format: "%6.3f", low) : "      "
      out +=
        styler.dim(label + " ┤".replacingOccurrences(of: "┤", with: styler.unicode ? "┤" : "|")) + cells.joined() + "\n"
    }
    out += "       " + String(repeating: styler.unicode ? "─" : "-", count: chartWidth + 1) + "\n"
    out += "       step 0" + String(repeating: " ", count: max(1, chartWidth - 14)) + "step \(maxStep)\n"
    return out
  }
}

/// `sandbox status`: a one-screen summary.
enum SandboxStatusView {
  struct Summary: Encodable, Sendable {
    var sandboxTime: String
    var clockOffsetSeconds: Double
    var buckets: [String]
    var roles: [String]
    var jobs: [String: String]
    var customModels: [String]
    var provisionedThroughput: [String: String]
    var deployments: [String]
    var billed: Double
    var hourlyRate: Double

    init(sandbox: Sandbox, now: Date, objects: some ObjectStore) {
      sandboxTime = Timestamp.format(now)
      clockOffsetSeconds = sandbox.state.clockOffset
      buckets = objects.buckets()
      roles = sandbox.state.roles.map(\.name)
      jobs = Dictionary(
        sandbox.state.jobs.map { ($0.jobName, $0.snapshot(at: now).status.rawValue) }, uniquingKeysWith: { a, _ in a })
      customModels = sandbox.customModels(at: now).map {
        "\($0.modelName) (\(sandbox.status(of: $0, at: now).rawValue))"
      }
      provisionedThroughput = Dictionary(
        sandbox.state.provisioned.filter { $0.deletedAt == nil }.map {
          ($0.provisionedModelName, $0.status(at: now).rawValue)
        }, uniquingKeysWith: { a, _ in a })
      deployments = sandbox.state.deployments.filter { $0.deletedAt == nil }.map {
        "\($0.modelDeploymentName) (\($0.status(at: now).rawValue))"
      }
      let bill = sandbox.bill(at: now)
      billed = bill.total
      hourlyRate = bill.hourlyRate
    }
  }

  static func render(_ summary: Summary, styler: Styler) -> String {
    var out =
      styler.bold("Sandbox account \(SandboxAccount.id) · \(SandboxAccount.region)") + "  "
      + styler.dim("(\(SandboxView.simulatedLabel) — nothing here touches AWS)") + "\n"
    let offset = summary.clockOffsetSeconds > 0 ? " (advanced +\(DurationText.format(summary.clockOffsetSeconds)))" : ""
    out += "clock         \(summary.sandboxTime)\(offset)\n"
    func line(_ label: String, _ items: [String], empty: String) {
      out +=
        label.padding(toLength: 14, withPad: " ", startingAt: 0)
        + (items.isEmpty ? styler.dim(empty) : items.joined(separator: ", ")) + "\n"
    }
    line("S3 buckets", summary.buckets, empty: "none — 's3 mb s3://NAME'")
    line("IAM roles", summary.roles, empty: "none — 'iam create-role NAME --trust bedrock.amazonaws.com'")
    line("jobs", summary.jobs.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }, empty: "none — 'customize'")
    line("custom models", summary.customModels, empty: "none")
    line(
      "provisioned", summary.provisionedThroughput.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" },
      empty: "none — 'provision NAME --model ID --units 1'")
    line("deployments", summary.deployments, empty: "none")
    out += "billed        \(Money.amount(summary.billed)) so far (estimated; 'bill' itemises)"
    if summary.hourlyRate > 0 { out += ", accruing \(Money.amount(summary.hourlyRate))/hour" }
    return out + "\n"
  }
}
