import ArgumentParser
import Core
import Foundation
import Sandbox
import Terminal

struct SandboxCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "sandbox",
    abstract: "The simulated Bedrock account: what is in it, and starting it afresh.",
    discussion: """
      Everything in the sandbox is simulated offline: S3 buckets are folders in the data directory, IAM roles, \
      customization jobs, custom models, Provisioned Throughput and invocations live in the progress database. \
      Prices and capacities come from Resources/sandbox/profiles.yaml, each sourced or marked illustrative.
      """,
    subcommands: [SandboxStatus.self, SandboxReset.self])

  func execute(in session: Session) throws -> CommandOutput {
    try SandboxStatus().execute(in: session)
  }
}

struct SandboxStatus: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "status", abstract: "Everything in the sandbox account and its running cost.")

  func execute(in session: Session) throws -> CommandOutput {
    let outcome = try session.withSandbox { sandbox, now, objects in
      (SandboxStatusView.Summary(sandbox: sandbox, now: now, objects: objects))
    }
    return CommandOutput(
      text: SandboxView.events(outcome.events, styler: session.styler)
        + SandboxStatusView.render(outcome.value, styler: session.styler),
      json: outcome.value)
  }
}

struct SandboxReset: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "reset",
    abstract: "Delete everything in the sandbox (buckets, roles, jobs, models, Provisioned Throughput).",
    discussion: "Your study progress (reviews, quizzes, exams) is not touched.")

  @Flag(help: "Don't ask for confirmation.") var yes = false

  func execute(in session: Session) throws -> CommandOutput {
    if !yes {
      guard let answer = session.ask("Delete everything in the sandbox?", id: "sandbox-reset", choices: ["y", "n"]),
        answer.lowercased().hasPrefix("y")
      else {
        throw CommandFailure(
          message: "sandbox reset needs confirmation: answer y, or run 'sandbox reset --yes'", status: .usage)
      }
    }
    try session.store().resetSandbox()
    let root = session.sandboxObjects.root
    try? FileManager.default.removeItem(at: root)
    return CommandOutput(
      text: "The sandbox is empty: buckets, roles, jobs, custom models and Provisioned Throughput are gone. "
        + "Study progress is untouched.\n",
      json: ["reset": true])
  }
}

struct AdvanceCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "advance",
    abstract: "Move the sandbox clock ahead (jobs progress, Provisioned Throughput comes into service and bills).",
    discussion: "Durations: 90s, 30m, 2h, 1d, 1h30m. The clock only moves forward; real study dates are unaffected.")

  @Argument(help: "How far: e.g. 30m, 2h, 7d.") var duration: String

  func execute(in session: Session) throws -> CommandOutput {
    guard let seconds = DurationText.seconds(duration) else {
      throw CommandFailure.usage(
        "'\(duration.sanitizedForTerminal.prefix(20))' is not a duration: write e.g. 30m, 2h, 7d")
    }
    let outcome = try session.withSandbox { sandbox, now, objects in
      try sandbox.advance(by: seconds)
      let later = now.addingTimeInterval(seconds)
      return (sandbox.settle(now: later, objects: objects), later)
    }
    let (events, later) = outcome.value
    var text = "Sandbox clock: \(SandboxView.time(later)) (+\(DurationText.format(seconds)))\n"
    text += SandboxView.events(outcome.events + events, styler: session.styler)
    return CommandOutput(
      text: text,
      json: ["sandboxTime": Timestamp.format(later), "events": (outcome.events + events).joined(separator: "\n")])
  }
}

struct BillCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "bill",
    abstract: "What the sandbox account has cost so far, item by item (estimated).")

  func execute(in session: Session) throws -> CommandOutput {
    let outcome = try session.withSandbox { sandbox, now, _ in
      sandbox.state.record(ActivityEvent(kind: .billViewed, time: now))
      return sandbox.bill(at: now)
    }
    return CommandOutput(
      text: SandboxView.events(outcome.events, styler: session.styler)
        + SandboxView.bill(outcome.value, width: session.configuration.columns, styler: session.styler),
      json: outcome.value)
  }
}

/// Durations as people type them: 90s, 30m, 2h, 1d, 1h30m.
enum DurationText {
  static func seconds(_ text: String) -> TimeInterval? {
    var total = 0.0
    var number = ""
    var sawUnit = false
    for character in text.lowercased() {
      if character.isNumber || character == "." {
        number.append(character)
      } else {
        guard let value = Double(number), value >= 0 else { return nil }
        switch character {
        case "s": total += value
        case "m": total += value * 60
        case "h": total += value * 3600
        case "d": total += value * 86_400
        case "w": total += value * 7 * 86_400
        default: return nil
        }
        number = ""
        sawUnit = true
      }
    }
    guard number.isEmpty, sawUnit, total > 0, total.isFinite else { return nil }
    return total
  }

  static func format(_ seconds: TimeInterval) -> String {
    let minutes = Int((seconds / 60).rounded())
    if minutes < 60 { return "\(minutes)m" }
    let hours = minutes / 60
    if hours < 48 { return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m" }
    return "\(hours / 24)d" + (hours % 24 == 0 ? "" : "\(hours % 24)h")
  }
}
