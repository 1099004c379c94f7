import ArgumentParser
import Content
import Datasets
import Foundation
import Knowledge
import Sandbox
import Simulation
import Terminal

/// Finds the dataset spec for a model and customization type from the profiles.
func datasetSpec(model: String, type: CustomizationType?, session: Session) throws -> (ModelEntry, DatasetSpec) {
  let catalog = try session.catalog()
  guard let entry = catalog.lookupModel(model) else {
    throw CommandFailure.unknown("model", model, in: catalog.models.map(\.slug), otherwise: "; 'models' lists them")
  }
  guard let training = try session.sandboxProfiles().model(entry.id)?.training, !training.datasets.isEmpty else {
    let customizable = catalog.models.filter { !$0.customization.methods.isEmpty }.map(\.slug)
    throw CommandFailure(
      message: "\(entry.name) can't be customized on Bedrock, so it has no dataset format. Customizable models: "
        + customizable.prefix(12).joined(separator: ", "),
      status: .failure)
  }
  let wanted = type.map { $0 == .distillation ? "distillation" : $0.commandName }
  if let wanted {
    guard let spec = training.datasets.first(where: { $0.type == wanted }) else {
      throw CommandFailure(
        message:
          "\(entry.name) doesn't support \(wanted); it takes \(training.datasets.map(\.type).joined(separator: ", "))",
        status: .failure)
    }
    return (entry, spec)
  }
  return (entry, training.datasets[0])
}

struct ValidateDatasetCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate-dataset",
    abstract: "Check a local JSONL dataset the way Bedrock's job validation would (works for real jobs too).",
    discussion: """
      Every problem is reported, each with its line and field, up to 100. The format and limits come from the \
      model (Resources/sandbox/profiles.yaml, sourced): prompt/completion, bedrock-conversation-2024, Claude 3 \
      Haiku's messages, {"input": …} for continued pre-training, image-ref/caption. Token counts are estimates.
      """)

  @Argument(help: "The JSONL file.") var file: String
  @Option(help: "The base model (id or name).") var model: String
  @Option(help: "fine-tuning (default: the model's first), continued-pre-training or distillation.")
  var type: CustomizationType?
  @Flag(help: "Check it as a validation dataset (its own record limits).") var validation = false

  func execute(in session: Session) throws -> CommandOutput {
    let (entry, spec) = try datasetSpec(model: model, type: type, session: session)
    let path = session.resolvePath(file)
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CommandFailure(message: "\(file.sanitizedForTerminal): no such file or not readable", status: .failure)
    }
    defer { try? handle.close() }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    let validator = DatasetValidator(
      format: spec.format, limits: spec.limits, role: validation ? .validation : .training)
    let report = validator.validate(lines: FileLines(handle: handle), byteCount: size)
    // Labs check that the learner ran the check; a real-job user without a usable data directory still gets it.
    _ = try? session.withSandbox { sandbox, now, _ in
      sandbox.state.record(ActivityEvent(kind: .datasetValidated, time: now, models: [entry.id], valid: report.isValid))
    }
    var out =
      "\(file.sanitizedForTerminal): \(report.records) record\(report.records == 1 ? "" : "s"), \(report.bytes) bytes, "
      + "≈\(report.estimatedTokens) tokens (estimated), longest record ≈\(report.maxRecordTokens) tokens\n"
    out += session.styler.dim("format \(spec.format.rawValue) for \(entry.name) \(spec.type)") + "\n"
    for problem in report.problems {
      let place = problem.line.map { "\(file.sanitizedForTerminal):\($0)" } ?? file.sanitizedForTerminal
      let field = problem.field.map { " (\($0))" } ?? ""
      out +=
        place + ": " + session.styler.error("error:")
        + " \(problem.message.sanitizedForTerminal)\(field) [\(problem.code.rawValue)]\n"
    }
    if report.omittedProblems > 0 { out += "… and \(report.omittedProblems) more problems\n" }
    out +=
      report.isValid
      ? session.styler.success("valid") + "\n" : "\(report.problems.count + report.omittedProblems) problem(s)\n"
    return CommandOutput(text: out, json: report, status: report.isValid ? .success : .failure, pageable: true)
  }
}

/// A file's lines as byte slices, read in chunks (a 50 MB line is never split into a String).
struct FileLines: Sequence, IteratorProtocol {
  let handle: FileHandle
  var buffer: [UInt8] = []
  var start = 0
  var finished = false

  init(handle: FileHandle) { self.handle = handle }

  mutating func next() -> ArraySlice<UInt8>? {
    while true {
      if let newline = buffer[start...].firstIndex(of: 10) {
        let line = buffer[start..<newline]
        start = newline + 1
        return line
      }
      if finished {
        guard start < buffer.count else { return nil }
        let line = buffer[start...]
        start = buffer.count
        return line
      }
      if start > 0 {
        buffer.removeFirst(start)
        start = 0
      }
      let chunk = (try? handle.read(upToCount: 1 << 20)) ?? nil
      if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { finished = true }
    }
  }
}

struct SampleDatasetCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "sample-dataset",
    abstract: "Write a small valid starter dataset in a model's format (then 's3 cp' it to a bucket).")

  @Argument(help: "The file to write.") var file: String
  @Option(help: "The base model (id or name).") var model: String
  @Option(help: "fine-tuning, continued-pre-training or distillation.") var type: CustomizationType?
  @Option(help: "How many records (1–20,000).") var records = 200

  func validate() throws {
    guard (1...20_000).contains(records) else { throw ValidationError("--records must be from 1 to 20,000") }
  }

  func execute(in session: Session) throws -> CommandOutput {
    let (entry, spec) = try datasetSpec(model: model, type: type, session: session)
    let text = DatasetSample.valid(spec.format, records: records)
    let path = session.resolvePath(file)
    do {
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw CommandFailure(message: "could not write \(file): \(error.localizedDescription)", status: .failure)
    }
    return CommandOutput(
      text:
        "Wrote \(records) \(spec.format.rawValue) records for \(entry.name) \(spec.type) to \(file.sanitizedForTerminal).\n",
      json: ["file": file, "format": spec.format.rawValue, "records": String(records)])
  }
}
