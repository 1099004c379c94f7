import Content
import Foundation
import Knowledge
import Terminal

/// Renders catalog answers: the models table, a model's card, and capability verdicts.
enum ModelView {
  /// "$0.000035" — a price with as many decimals as it needs, never in scientific notation.
  static func dollars(_ amount: Double) -> String {
    var text = String(format: "%.8f", amount)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text += "00" }
    if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) == 2 { text += "0" }
    return "$" + text
  }

  static func tokens(_ count: Int?) -> String {
    guard let count else { return "–" }
    if count >= 1_000_000 && count % 1_000_000 == 0 { return "\(count / 1_000_000)M" }
    if count >= 1_000 && count % 1_000 == 0 { return "\(count / 1_000)K" }
    if count >= 1_024 && count % 1_024 == 0 { return "\(count / 1_024)K" }
    return "\(count)"
  }

  static func priceCell(_ model: ModelEntry) -> String {
    guard let p = model.pricing else { return "–" }
    if let input = p.inputPer1K {
      return p.outputPer1K.map { "\(dollars(input)) / \(dollars($0))" } ?? "\(dollars(input)) in"
    }
    if let image = p.perImage { return "\(dollars(image))/image" }
    if let second = p.perVideoSecond { return "\(dollars(second))/s video" }
    return "–"
  }

  static func customizationCell(_ model: ModelEntry) -> String {
    let short: [ModelEntry.CustomizationMethod: String] = [
      .fineTuning: "FT", .continuedPreTraining: "CPT", .distillationTeacher: "D-T",
      .distillationStudent: "D-S", .reinforcementFineTuning: "RFT",
    ]
    let methods = model.customization.methods.compactMap { short[$0] }
    return methods.isEmpty ? "–" : methods.joined(separator: " ")
  }

  static func statusCell(_ model: ModelEntry, styler: Styler) -> String {
    guard let lifecycle = model.lifecycle else { return "?" }
    switch lifecycle.status {
    case .active: return "active"
    case .legacy: return styler.warning("legacy")
    case .endOfLife: return styler.error("EOL")
    }
  }

  /// Modality names short enough for a table cell.
  static func short(_ modality: ModelEntry.Modality) -> String {
    switch modality {
    case .text: "text"
    case .image: "img"
    case .video: "video"
    case .audio: "audio"
    case .speech: "speech"
    case .document: "doc"
    case .embedding: "embed"
    }
  }

  static func renderTable(_ models: [ModelEntry], total: Int, width: Int, styler: Styler) -> String {
    guard !models.isEmpty else { return "No model matches (of \(total) in the catalog).\n" }
    let oneProvider = Set(models.map(\.provider)).count == 1
    var columns: [TextTable.Column] = [
      .init("MODEL", shrinkable: false), .init("PROVIDER"), .init("IN → OUT", shrinkable: false),
      .init("CONTEXT", alignment: .right),
      .init("$ IN/OUT per 1K", shrinkable: false), .init("CUSTOMIZE"), .init("PT"), .init("STATUS"),
    ]
    if oneProvider { columns.remove(at: 1) }
    var table = TextTable(columns: columns)
    for model in models {
      let io =
        model.modalities.input.map(short).joined(separator: "+") + " → "
        + model.modalities.output.map(short).joined(separator: "+")
      let pt: String =
        switch Verdict.evaluate(.provisionedThroughput, for: model).answer {
        case .yes: "yes"
        case .no: "no"
        case .unknown: "?"
        }
      var row = [
        styler.accent(model.slug), model.provider, io, tokens(model.modalities.contextWindow), priceCell(model),
        customizationCell(model), pt, statusCell(model, styler: styler),
      ]
      if oneProvider { row.remove(at: 1) }
      table.append(row)
    }
    var out = table.render(width: width, styler: styler)
    out +=
      styler.dim(
        (oneProvider ? "\(models[0].provider): " : "")
          + "\(models.count) of \(total) models. Prices: on-demand, USD, estimated unless the card says confirmed; "
          + "'model ID' shows sources.") + "\n"
    return out
  }

  static func provenance(_ p: ModelEntry.Provenance?, styler: Styler) -> String {
    guard let p else { return styler.dim("  source: not recorded") + "\n" }
    return styler.dim("  source: \(p.source) (\(p.confidence.rawValue))") + "\n"
  }

  static func field(_ label: String, _ value: String, width valueWidth: Int = 60) -> String {
    let lines = value.contains("\u{1B}") ? [value] : TextTable.wrap(value, width: max(20, valueWidth))
    let indent = String(repeating: " ", count: 20)
    return "  " + label.padding(toLength: 18, withPad: " ", startingAt: 0) + lines.joined(separator: "\n" + indent)
      + "\n"
  }

  static func bullet(_ text: String, width valueWidth: Int) -> String {
    let lines = TextTable.wrap(text, width: max(20, valueWidth + 16))
    return "  • " + lines.joined(separator: "\n    ") + "\n"
  }

  static func yesNo(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "not recorded" }

  static func renderCard(_ model: ModelEntry, catalog: ModelCatalog, width: Int = 100, styler: Styler) -> String {
    let valueWidth = min(width, 110) - 22
    func field(_ label: String, _ value: String) -> String { ModelView.field(label, value, width: valueWidth) }
    var out = styler.bold(model.name) + "  " + styler.accent(model.slug) + "\n"
    out += "  \(model.id) · \(model.provider) · \(model.family)\n"
    out += TextTable.wrap(model.summary, width: min(width, 110) - 2).map { "  " + $0 + "\n" }.joined()
    if let lifecycle = model.lifecycle {
      var status = lifecycle.status.rawValue
      if let launched = lifecycle.launched { status += ", launched \(launched)" }
      if let legacy = lifecycle.legacySince { status += ", legacy since \(legacy)" }
      if let end = lifecycle.endOfLife { status += ", end of life \(end)" }
      if let successor = lifecycle.successor { status += "; successor: \(successor)" }
      let styled =
        lifecycle.status == .active
        ? status : (lifecycle.status == .legacy ? styler.warning(status) : styler.error(status))
      out += field("Lifecycle", styled)
      out += provenance(lifecycle.provenance, styler: styler)
    }
    let m = model.modalities
    out += "\n" + styler.bold("Modalities and limits") + "\n"
    out += field("Input", m.input.map(\.rawValue).joined(separator: ", "))
    out += field("Output", m.output.map(\.rawValue).joined(separator: ", "))
    if m.contextWindow != nil || m.maxOutput != nil {
      out += field("Context / output", "\(tokens(m.contextWindow)) / \(tokens(m.maxOutput)) tokens")
    }
    if !m.embeddingDimensions.isEmpty {
      out += field("Dimensions", m.embeddingDimensions.map(String.init).joined(separator: ", "))
    }
    out += field("Streaming", yesNo(m.streaming))
    if !m.apis.isEmpty { out += field("APIs", m.apis.map(\.rawValue).joined(separator: ", ")) }
    out += provenance(m.provenance, styler: styler)
    if let p = model.pricing {
      out += "\n" + styler.bold("On-demand price") + (p.region.map { " (\($0))" } ?? "") + "\n"
      if let input = p.inputPer1K {
        out += field("Input", "\(dollars(input)) per 1K tokens (\(dollars(input * 1000)) per 1M)")
      }
      if let output = p.outputPer1K {
        out += field("Output", "\(dollars(output)) per 1K tokens (\(dollars(output * 1000)) per 1M)")
      }
      if let batch = p.batchInputPer1K { out += field("Batch input", "\(dollars(batch)) per 1K tokens") }
      if let batch = p.batchOutputPer1K { out += field("Batch output", "\(dollars(batch)) per 1K tokens") }
      if let image = p.perImage { out += field("Per image", dollars(image)) }
      if let second = p.perVideoSecond { out += field("Per video second", dollars(second)) }
      if let read = p.read { out += field("Read on", "\(read)") }
      out += provenance(p.provenance, styler: styler)
    }
    let c = model.customization
    out += "\n" + styler.bold("Customization") + "\n"
    let students = catalog.models.filter { $0.customization.teacherFor.contains(model.slug) }.map(\.slug)
    if c.methods.isEmpty {
      out += "  none: \(model.name) cannot be customized in Amazon Bedrock\n"
    } else {
      out += field("Methods", c.methods.map(\.rawValue).joined(separator: ", "))
      if !c.variants.isEmpty { out += field("Customizable ids", c.variants.joined(separator: ", ")) }
      if !c.teacherFor.isEmpty { out += field("Teacher for", c.teacherFor.joined(separator: ", ")) }
      if !students.isEmpty { out += field("Student of", students.joined(separator: ", ")) }
      if !c.hyperparameters.isEmpty {
        var table = TextTable(columns: [
          .init("hyperparameter"), .init("min", alignment: .right), .init("max", alignment: .right),
          .init("default", alignment: .right),
        ])
        for h in c.hyperparameters { table.append([h.name, h.min ?? "–", h.max ?? "–", h.defaultValue ?? "–"]) }
        out += table.render(width: 76, styler: .plain).split(separator: "\n").map { "    " + $0 + "\n" }.joined()
      }
      if let d = c.dataset {
        var records = ""
        if let low = d.minRecords, let high = d.maxRecords { records = "; \(low)–\(high) records" }
        out += field("Dataset", d.format + records)
        if let notes = d.notes { out += field("", notes) }
      }
      out += field("On-demand custom", yesNo(c.onDemandDeployment))
      if !c.regions.isEmpty { out += field("Regions", c.regions.joined(separator: ", ")) }
    }
    if c.provenance != nil { out += provenance(c.provenance, styler: styler) }
    if let pt = model.provisionedThroughput {
      out += "\n" + styler.bold("Provisioned Throughput") + "\n"
      out += field("Base model", yesNo(pt.base))
      out += field("Custom models", yesNo(pt.custom))
      out += provenance(pt.provenance, styler: styler)
    }
    if !model.regions.isEmpty { out += "\n" + field("Regions", model.regions.joined(separator: ", ")) }
    if !model.notes.isEmpty {
      out += "\n" + styler.bold("Notes") + "\n"
      for note in model.notes { out += bullet(note, width: valueWidth) }
    }
    out += styler.dim("\nVerified \(model.verified.map { "\($0)" } ?? "—"). Catalog facts, not a live API call.") + "\n"
    return out
  }

  static func renderVerdict(_ verdict: Verdict, styler: Styler) -> String {
    let word: String =
      switch verdict.answer {
      case .yes: styler.success("yes")
      case .no: styler.error("no")
      case .unknown: styler.warning("unknown")
      }
    var out = "\(word) — \(verdict.reason)\n"
    if let note = verdict.lifecycleNote { out += styler.dim("  \(note)") + "\n" }
    if let source = verdict.source {
      out += styler.dim("  source: \(source) (\(verdict.confidence?.rawValue ?? "unrated"))") + "\n"
    }
    return out
  }
}
