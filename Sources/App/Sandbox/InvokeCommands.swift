import ArgumentParser
import Core
import Foundation
import Sandbox
import Simulation
import Terminal

/// The inference parameters and attachments `invoke` and `compare` share.
struct InferenceOptions: ParsableArguments {
  @Option(help: "Temperature, 0–1 (default 0.7).") var temperature: Double = 0.7
  @Option(help: "Top P, 0–1 (default 0.9).") var topP: Double = 0.9
  @Option(help: "Top K (model-specific; additionalModelRequestFields in the real API).") var topK: Int?
  @Option(help: "Maximum output tokens (default 512).") var maxTokens = 512
  @Option(help: "A stop sequence (repeatable).") var stop: [String] = []
  @Option(help: "Attach an image (png, jpeg, gif, webp).") var image: String?
  @Option(help: "Attach a document (pdf, csv, doc, docx, xls, xlsx, html, txt, md).") var document: String?
  @Option(help: "Read the prompt from this file instead.") var promptFile: String?

  var settings: InferenceSettings {
    InferenceSettings(temperature: temperature, topP: topP, topK: topK, maxTokens: maxTokens, stopSequences: stop)
  }

  func attachments(in session: Session) throws -> [Attachment] {
    var result: [Attachment] = []
    for (kind, path) in [(Attachment.Kind.image, image), (.document, document)] {
      guard let path else { continue }
      let resolved = session.resolvePath(path)
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved),
        (attributes[.type] as? FileAttributeType) == .typeRegular
      else { throw CommandFailure(message: "\(path.sanitizedForTerminal): no such file", status: .failure) }
      var format = (resolved as NSString).pathExtension.lowercased()
      if format == "jpg" { format = "jpeg" }
      result.append(
        Attachment(
          kind: kind, name: (path as NSString).lastPathComponent.sanitizedForTerminal,
          byteCount: (attributes[.size] as? NSNumber)?.intValue ?? 0, format: format))
    }
    return result
  }

  func prompt(given: String?, session: Session) throws -> String? {
    guard let promptFile else { return given }
    let path = session.resolvePath(promptFile)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandFailure(message: "\(promptFile.sanitizedForTerminal): no such file", status: .failure)
    }
    return String(decoding: data, as: UTF8.self)
  }
}

struct InvokeCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "invoke",
    abstract: "Send a prompt to a model, a Provisioned Throughput or a custom model deployment — simulated.",
    discussion: """
      MODEL is a foundation model id or name, a Provisioned Throughput name or ARN, or a deployment name or ARN. \
      A custom model can't be invoked by its own name: serve it first ('provision' or, where supported, 'deploy'). \
      Video models run asynchronously: give --output s3://BUCKET/PREFIX/. The answer is composed from fmlab's \
      knowledge base in the model's style; tokens, latency and cost are estimates.
      """)

  @Argument(help: "The model (or Provisioned Throughput / deployment).") var model: String
  @Argument(help: "The prompt.") var prompt: String?
  @OptionGroup var options: InferenceOptions
  @Option(help: "Video models: where StartAsyncInvoke writes the output (s3://BUCKET/PREFIX/).") var output: String?
  @Option(
    help: "Video models: length in seconds (Nova Reel 6–120 in steps of 6, Luma Ray2 5 or 9; default the shortest).")
  var seconds: Int?

  func execute(in session: Session) throws -> CommandOutput {
    guard let prompt = try options.prompt(given: prompt, session: session) else {
      throw CommandFailure.usage("invoke needs a prompt: invoke MODEL \"PROMPT\" (or --prompt-file FILE)")
    }
    if let output {
      let outcome = try session.withSandbox { sandbox, now, objects in
        try sandbox.startAsyncInvoke(
          model, prompt: prompt, output: output, durationSeconds: seconds, now: now, objects: objects,
          random: &session.random)
      }
      let invocation = outcome.value
      let minutes = Int((invocation.endTime.timeIntervalSince(invocation.submitTime) / 60).rounded(.up))
      return CommandOutput(
        text: SandboxView.events(outcome.events, styler: session.styler)
          + "StartAsyncInvoke: \(invocation.invocationArn) InProgress — \(SandboxView.simulatedLabel)\n"
          + "The video (\(invocation.durationSeconds) s) will be written under \(invocation.outputDataConfig) by "
          + "\(SandboxView.time(invocation.endTime)) (simulated render time); 'advance \(minutes)m' then 's3 ls \(invocation.outputDataConfig)'.\n"
          + (invocation.cost.map { "Estimated cost \(Money.amount($0)) (per second of video).\n" }
            ?? "Cost not estimated: fmlab's catalog has no per-second price for this model.\n"),
        json: invocation)
    }
    let attachments = try options.attachments(in: session)
    let passages = session.passages(for: prompt)
    let seed = session.random.next()
    let outcome = try session.withSandbox { sandbox, now, _ in
      try sandbox.invoke(
        model, prompt: prompt, attachments: attachments, settings: options.settings, passages: passages, seed: seed,
        now: now)
    }
    return CommandOutput(
      text: SandboxView.events(outcome.events, styler: session.styler)
        + CompareView.render([outcome.value], width: session.configuration.columns, styler: session.styler),
      json: outcome.value, pageable: true)
  }
}

struct CompareCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "The playground's compare mode: one prompt to two or three models side by side — simulated.",
    discussion: """
      compare MODEL MODEL [MODEL] "PROMPT" [--image FILE] [--temperature T] [--max-tokens N] [--stop SEQ] … \
      Each column shows the answer, input and output tokens (each model's tokenizer, estimated), time to first \
      token and total latency, on-demand cost and the stop reason. An image sent to a text-only model is ignored \
      with a warning; a model that can't take an input refuses; speech-to-speech models can't be compared.
      """)

  @Argument(help: "Two or three models, then the prompt.") var words: [String] = []
  @OptionGroup var options: InferenceOptions

  func execute(in session: Session) throws -> CommandOutput {
    var models = words
    var prompt = try options.prompt(given: nil, session: session)
    if prompt == nil, !models.isEmpty { prompt = models.removeLast() }
    if models.isEmpty, session.reader != nil, !session.json {
      let answer = session.ask("Models to compare (two or three, separated by spaces)?", id: "compare-models") ?? ""
      models = answer.split(separator: " ").map(String.init)
      prompt = session.ask("Prompt?", id: "compare-prompt")
    }
    guard let prompt, !prompt.isEmpty, (2...3).contains(models.count) else {
      throw CommandFailure.usage(
        "compare takes two or three models and a prompt: compare nova-micro claude-3-5-sonnet \"What are the top AWS services?\""
      )
    }
    let attachments = try options.attachments(in: session)
    let passages = session.passages(for: prompt)
    let seed = session.random.next()
    let outcome = try session.withSandbox { sandbox, now, _ in
      try sandbox.compare(
        models, prompt: prompt, attachments: attachments, settings: options.settings, passages: passages, seed: seed,
        now: now)
    }
    return CommandOutput(
      text: SandboxView.events(outcome.events, styler: session.styler)
        + CompareView.render(outcome.value, width: session.configuration.columns, styler: session.styler),
      json: outcome.value, pageable: true)
  }
}

/// Results side by side: answers in columns, then one row per metric.
enum CompareView {
  static func render(_ results: [InvocationResult], width: Int, styler: Styler) -> String {
    var out =
      styler.bold(results.count > 1 ? "Compare mode" : "Response") + "  "
      + styler.dim(
        "(\(SandboxView.simulatedLabel): answers composed from fmlab's knowledge base in each model's style; not real model output)"
      )
      + "\n"
    let gap = 3
    let columnWidth = max(18, (max(width, 40) - gap * (results.count - 1)) / results.count)
    var columns: [[String]] = []
    for result in results {
      var lines: [String] = [styler.bold(TextTable.truncate(result.modelName, to: columnWidth, styler: .plain))]
      lines.append(styler.dim(TextTable.truncate(result.servedBy, to: columnWidth, styler: .plain)))
      for warning in result.warnings {
        lines += TextTable.wrap("⚠ " + warning.sanitizedForTerminal, width: columnWidth).map { styler.warning($0) }
      }
      if let error = result.error {
        lines += TextTable.wrap("\(error.name.rawValue): \(error.message)".sanitizedForTerminal, width: columnWidth)
          .map { styler.error($0) }
      } else if let response = result.response {
        lines.append("")
        for paragraph in response.text.sanitizedForTerminal.split(separator: "\n", omittingEmptySubsequences: false) {
          lines += paragraph.isEmpty ? [""] : TextTable.wrap(String(paragraph), width: columnWidth)
        }
      } else if let artefact = result.artefact {
        lines.append("")
        lines += TextTable.wrap(artefact.sanitizedForTerminal, width: columnWidth)
      }
      columns.append(lines)
    }
    let height = columns.map(\.count).max() ?? 0
    for row in 0..<height {
      var line = ""
      for (index, column) in columns.enumerated() {
        let cell = row < column.count ? column[row] : ""
        let padded = cell + String(repeating: " ", count: max(0, columnWidth - TextTable.displayWidth(cell)))
        line += (index == 0 ? "" : String(repeating: " ", count: gap)) + padded
      }
      out += line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
    }
    out += "\n"
    var table = TextTable(
      columns: [.init("", shrinkable: false)] + results.map { .init($0.modelName, alignment: .right) })
    func row(_ label: String, _ value: (InvocationResult) -> String) {
      table.append([label] + results.map { $0.error == nil ? value($0) : "-" })
    }
    row("input tokens") { "\($0.inputTokens)" }
    row("output tokens") { "\($0.outputTokens)" }
    row("time to first token") { $0.response.map { "\($0.timeToFirstTokenMs) ms" } ?? "-" }
    row("latency") { $0.response.map { "\($0.latencyMs) ms" } ?? "-" }
    row("cost") { $0.cost.map(Money.amount) ?? "not priced" }
    row("stop reason") { $0.response?.stopReason.rawValue ?? "-" }
    out += table.render(width: width, styler: styler)
    var notes = Set<String>()
    for result in results where result.error == nil {
      out += styler.dim("cost \(result.modelName): \(result.costBasis)") + "\n"
      for assumption in result.response?.assumptions ?? [] where notes.insert(assumption).inserted {
        out += styler.dim("· " + assumption) + "\n"
      }
    }
    return out
  }
}
