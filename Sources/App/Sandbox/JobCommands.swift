import ArgumentParser
import Core
import Foundation
import Sandbox
import Simulation
import Terminal

struct JobsCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "jobs", abstract: "The sandbox's model customization jobs, newest first.")
  @Option(help: "Only jobs in this status (InProgress, Completed, Failed, Stopping, Stopped).") var status: String?

  func execute(in session: Session) throws -> CommandOutput {
    if let status, JobStatus(rawValue: status) == nil {
      throw CommandFailure.usage(
        "--status takes \(JobStatus.allCases.map(\.rawValue).joined(separator: ", ")) (the API's spelling)")
    }
    let outcome = try session.withSandbox { sandbox, now, _ in
      sandbox.state.jobs.reversed().map { ($0, $0.snapshot(at: now)) }
        .filter { status == nil || $0.1.status.rawValue == status }
    }
    struct Row: Encodable, Sendable {
      var jobName: String
      var jobArn: String
      var customizationType: String
      var baseModelId: String
      var customModelName: String
      var status: String
      var creationTime: String
    }
    let rows = outcome.value.map {
      Row(
        jobName: $0.0.jobName, jobArn: $0.0.jobArn, customizationType: $0.0.customizationType.rawValue,
        baseModelId: $0.0.baseModelId, customModelName: $0.0.customModelName, status: $0.1.status.rawValue,
        creationTime: Timestamp.format($0.0.creationTime))
    }
    var text = SandboxView.events(outcome.events, styler: session.styler)
    if rows.isEmpty {
      text += "No customization jobs\(status.map { " in status \($0)" } ?? ""). 'customize' creates one.\n"
    } else {
      var table = TextTable(columns: [
        .init("job"), .init("type"), .init("base model"), .init("custom model"), .init("status", shrinkable: false),
        .init("created", shrinkable: false),
      ])
      for row in rows {
        table.append([
          row.jobName, row.customizationType, row.baseModelId, row.customModelName,
          SandboxView.statusText(row.status, styler: session.styler),
          SandboxView.time(Timestamp.parseOrNow(row.creationTime)),
        ])
      }
      text += table.render(width: session.configuration.columns, styler: session.styler)
    }
    return CommandOutput(text: text, json: rows, pageable: true)
  }
}

extension Timestamp {
  static func parseOrNow(_ text: String) -> Date { (try? parse(text)) ?? Date(timeIntervalSince1970: 0) }
}

struct JobCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "job",
    abstract: "One job: status and stage details as the API reports them, cost, and a chart of its loss curves.")
  @Argument(help: "Job name or ARN.") var name: String

  func execute(in session: Session) throws -> CommandOutput {
    let outcome = try session.withSandbox { sandbox, now, _ in
      let job = try sandbox.job(name)
      return (job, job.snapshot(at: now), sandbox.lossCurve(of: job))
    }
    let (job, snapshot, curve) = outcome.value
    struct Detail: Encodable, Sendable {
      var job: CustomizationJob
      var snapshot: CustomizationJob.Snapshot
      var trainingCost: Double
      var trainingMetrics: Double?
      var validationMetrics: Double?
      var outcome: String
    }
    let shown = snapshot.status == .completed
    return CommandOutput(
      text: SandboxView.events(outcome.events, styler: session.styler)
        + SandboxView.job(
          job, snapshot: snapshot, curve: curve, now: outcome.now, width: session.configuration.columns,
          styler: session.styler),
      json: Detail(
        job: job, snapshot: snapshot, trainingCost: job.trainingCost(at: outcome.now),
        trainingMetrics: shown ? curve.finalTrainingLoss : nil,
        validationMetrics: shown ? curve.finalValidationLoss : nil,
        outcome: String(describing: curve.outcome)),
      pageable: true)
  }
}

struct StopJobCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "stop", abstract: "Stop an InProgress customization job (Stopping, then Stopped).")
  @Argument(help: "Job name or ARN.") var name: String

  func execute(in session: Session) throws -> CommandOutput {
    let outcome = try session.withSandbox { sandbox, now, _ in try sandbox.stopJob(name, now: now) }
    return CommandOutput(
      text: "Stopping \(outcome.value.jobName): it will be Stopped in \(Int(CustomizationJob.stoppingSeconds / 60)) "
        + "minutes. You pay for the training done so far; no custom model is produced.\n",
      json: outcome.value)
  }
}

struct CustomModelsCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "custom-models", abstract: "Custom models in the sandbox and how each can be served.")
  @Option(help: "Delete this custom model (not while Provisioned Throughput or a deployment serves it).")
  var delete: String?

  func execute(in session: Session) throws -> CommandOutput {
    if let delete {
      let outcome = try session.withSandbox { sandbox, now, _ in try sandbox.deleteCustomModel(delete, now: now) }
      return CommandOutput(
        text: "Deleted custom model \(outcome.value.modelName); its storage stops billing.\n", json: outcome.value)
    }
    let outcome = try session.withSandbox { sandbox, now, _ in
      sandbox.customModels(at: now).map { model -> (CustomModel, String, String) in
        let base = try? sandbox.foundationModel(model.baseModelId)
        let serving =
          base?.customization.onDemandDeployment == true
          ? "Provisioned Throughput, or on-demand via 'deploy'" : "Provisioned Throughput only"
        return (model, sandbox.status(of: model, at: now).rawValue, serving)
      }
    }
    var text = SandboxView.events(outcome.events, styler: session.styler)
    if outcome.value.isEmpty {
      text += "No custom models yet: a completed customization job creates one.\n"
    } else {
      var table = TextTable(columns: [
        .init("custom model"), .init("base model"), .init("type"), .init("status", shrinkable: false),
        .init("serve with"),
      ])
      for (model, status, serving) in outcome.value {
        table.append([
          model.modelName, model.baseModelId, model.customizationType.rawValue,
          SandboxView.statusText(status, styler: session.styler), serving,
        ])
      }
      text += table.render(width: session.configuration.columns, styler: session.styler)
    }
    return CommandOutput(text: text, json: outcome.value.map(\.0))
  }
}
