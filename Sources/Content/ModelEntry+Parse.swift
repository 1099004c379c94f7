import Core
import Yams

extension ModelEntry {
  nonisolated(unsafe) static let slugPattern = /[a-z0-9]+(-[a-z0-9]+)*/

  /// Parses one catalog entry. `fileProvider` is the file's `provider:`, which entries inherit.
  static func parse(_ node: Node, fileProvider: String?, collector: FindingCollector) -> ModelEntry? {
    guard let r = MappingReader(node, what: "model", collector: collector, lineOffset: 0) else { return nil }
    let id = r.string("id", required: true) ?? ""
    let slug = r.string("slug", required: true) ?? ""
    if !slug.isEmpty && slug.wholeMatch(of: slugPattern) == nil {
      r.error(at: r.value("slug")!, "slug '\(slug)' must be lower-case words joined by hyphens, like 'nova-micro'")
    }
    let name = r.string("name", required: true, maxLength: 80) ?? ""
    var provider = fileProvider ?? ""
    if let own = r.string("provider", required: fileProvider == nil) {
      if let fileProvider, own != fileProvider, let at = r.value("provider") {
        r.error(at: at, "provider '\(own)' differs from the file's provider '\(fileProvider)'")
      }
      provider = own
    }
    let family = r.string("family", required: true, maxLength: 80) ?? ""
    let aliases = r.strings("aliases")
    let summary = r.string("summary", required: true, maxLength: 200) ?? ""
    let modalities =
      parseModalities(r.value("modalities", required: true), collector: collector)
      ?? Modalities(
        input: [], output: [], contextWindow: nil, maxOutput: nil, streaming: nil, apis: [], embeddingDimensions: [],
        provenance: nil)
    let pricing = r.value("pricing").flatMap { parsePricing($0, collector: collector) }
    let customization =
      parseCustomization(r.value("customization", required: true), collector: collector) ?? .none
    let throughput = r.value("provisionedThroughput").flatMap { parseThroughput($0, collector: collector) }
    let lifecycle = r.value("lifecycle").flatMap { parseLifecycle($0, collector: collector) }
    let regions = r.strings("regions")
    let notes = r.strings("notes")
    let verified = r.day("verified", required: true)
    if r.value("sources") != nil, let at = r.keyNode("sources") {
      r.error(at: at, "a model has no top-level 'sources': give each group of facts its own 'source' and 'confidence'")
    }
    r.finish()
    guard !id.isEmpty, !slug.isEmpty else { return nil }
    let anchor = r.anchor("id")
    return ModelEntry(
      id: id, slug: slug, name: name, provider: provider, family: family, aliases: aliases, summary: summary,
      modalities: modalities, pricing: pricing, customization: customization, provisionedThroughput: throughput,
      lifecycle: lifecycle, regions: regions, notes: notes, verified: verified, location: anchor.location,
      sourceLine: anchor.sourceLine)
  }

  private static func parseModalities(_ node: Node?, collector: FindingCollector) -> Modalities? {
    guard let node, let r = MappingReader(node, what: "modalities group", collector: collector, lineOffset: 0) else {
      return nil
    }
    let input = r.enumerations("input", of: Modality.self, required: true)
    let output = r.enumerations("output", of: Modality.self, required: true)
    if input.contains(.embedding), let at = r.value("input") {
      r.error(at: at, "'embedding' is an output modality; an embedding model takes text, image, … as input")
    }
    let result = Modalities(
      input: input, output: output, contextWindow: r.int("contextWindow", range: 1...100_000_000),
      maxOutput: r.int("maxOutput", range: 1...100_000_000), streaming: r.bool("streaming"),
      apis: r.enumerations("apis", of: InvocationAPI.self),
      embeddingDimensions: r.integers("embeddingDimensions", range: 1...100_000), provenance: r.provenance())
    if !result.embeddingDimensions.isEmpty && !output.contains(.embedding), let at = r.keyNode("embeddingDimensions") {
      r.error(at: at, "'embeddingDimensions' is only for models whose output is 'embedding'")
    }
    r.finish()
    return result
  }

  private static func parsePricing(_ node: Node, collector: FindingCollector) -> Pricing? {
    guard let r = MappingReader(node, what: "pricing group", collector: collector, lineOffset: 0) else { return nil }
    let pricing = Pricing(
      inputPer1K: r.price("inputPer1K"), outputPer1K: r.price("outputPer1K"),
      batchInputPer1K: r.price("batchInputPer1K"),
      batchOutputPer1K: r.price("batchOutputPer1K"), perImage: r.price("perImage"),
      perVideoSecond: r.price("perVideoSecond"), region: r.string("region"), read: r.day("read", required: true),
      provenance: r.provenance())
    if [pricing.inputPer1K, pricing.outputPer1K, pricing.perImage, pricing.perVideoSecond].allSatisfy({ $0 == nil }) {
      r.error(at: node, "the pricing group gives no price: set inputPer1K/outputPer1K, perImage or perVideoSecond")
    }
    r.finish()
    return pricing
  }

  private static func parseCustomization(_ node: Node?, collector: FindingCollector) -> Customization? {
    guard let node, let r = MappingReader(node, what: "customization group", collector: collector, lineOffset: 0)
    else { return nil }
    let methodsNode = r.value("methods")
    let methods = r.enumerations("methods", of: CustomizationMethod.self)
    if methodsNode == nil && r.keyNode("methods") == nil {
      r.error(at: node, "the customization group is missing the required key 'methods' (write [] when there are none)")
    }
    let teacherFor = r.strings("teacherFor")
    _ = r.references("teacherFor", target: .student)
    if !teacherFor.isEmpty && !methods.contains(.distillationTeacher), let at = r.keyNode("teacherFor") {
      r.error(at: at, "'teacherFor' needs 'distillation-teacher' in methods")
    }
    if methods.contains(.distillationTeacher) && teacherFor.isEmpty {
      r.error(at: methodsNode ?? node, "a distillation teacher must list its students in 'teacherFor'")
    }
    var hyperparameters: [Hyperparameter] = []
    for element in r.list("hyperparameters") {
      guard let h = MappingReader(element, what: "hyperparameter", collector: collector, lineOffset: 0) else {
        continue
      }
      let parameter = Hyperparameter(
        name: h.string("name", required: true) ?? "", min: h.number("min"), max: h.number("max"),
        defaultValue: h.number("default"))
      if let low = parameter.min.flatMap(Double.init), let high = parameter.max.flatMap(Double.init) {
        if low > high { h.error(at: h.value("min")!, "min \(parameter.min!) is above max \(parameter.max!)") }
        if let value = parameter.defaultValue.flatMap(Double.init), value < low || value > high {
          h.error(at: h.value("default")!, "default \(parameter.defaultValue!) is outside \(low)…\(high)")
        }
      }
      h.finish()
      hyperparameters.append(parameter)
    }
    var dataset: Dataset?
    if let datasetNode = r.value("dataset"),
      let d = MappingReader(datasetNode, what: "dataset", collector: collector, lineOffset: 0)
    {
      dataset = Dataset(
        format: d.string("format", required: true) ?? "", minRecords: d.int("minRecords", range: 0...100_000_000),
        maxRecords: d.int("maxRecords", range: 1...100_000_000), notes: d.string("notes"))
      if let low = dataset?.minRecords, let high = dataset?.maxRecords, low > high {
        d.error(at: d.value("minRecords")!, "minRecords \(low) is above maxRecords \(high)")
      }
      d.finish()
    }
    let trains = methods.contains(.fineTuning) || methods.contains(.continuedPreTraining)
    if trains && hyperparameters.isEmpty {
      r.error(at: methodsNode ?? node, "a model that can be fine-tuned or further pre-trained needs 'hyperparameters'")
    }
    if trains && dataset == nil {
      r.error(at: methodsNode ?? node, "a model that can be fine-tuned or further pre-trained needs a 'dataset' format")
    }
    let result = Customization(
      methods: methods, variants: r.strings("variants"), teacherFor: teacherFor, hyperparameters: hyperparameters,
      dataset: dataset, onDemandDeployment: r.bool("onDemandDeployment"), regions: r.strings("regions"),
      provenance: methods.isEmpty && r.value("source") == nil ? nil : r.provenance())
    r.finish()
    return result
  }

  private static func parseThroughput(_ node: Node, collector: FindingCollector) -> ProvisionedThroughput? {
    guard let r = MappingReader(node, what: "provisionedThroughput group", collector: collector, lineOffset: 0) else {
      return nil
    }
    let result = ProvisionedThroughput(base: r.bool("base"), custom: r.bool("custom"), provenance: r.provenance())
    r.finish()
    return result
  }

  private static func parseLifecycle(_ node: Node, collector: FindingCollector) -> Lifecycle? {
    guard let r = MappingReader(node, what: "lifecycle group", collector: collector, lineOffset: 0) else { return nil }
    let status = r.enumeration("status", of: Lifecycle.Status.self, required: true) ?? .active
    let result = Lifecycle(
      status: status, launched: r.day("launched"), legacySince: r.day("legacySince"), endOfLife: r.day("endOfLife"),
      successor: r.string("successor"), provenance: r.provenance())
    if result.successor != nil { _ = r.references("successor", target: .model) }
    if status != .active && result.endOfLife == nil && result.legacySince == nil, let at = r.value("status") {
      r.warning(
        at: at,
        "\(status == .endOfLife ? "an" : "a") \(status.rawValue) model should give its legacySince or endOfLife date")
    }
    r.finish()
    return result
  }
}

extension MappingReader {
  /// The group's `source` (an https URL) and `confidence`, both required.
  func provenance() -> ModelEntry.Provenance? {
    let source = string("source", required: true)
    let confidence = enumeration("confidence", of: ModelEntry.Confidence.self, required: true)
    if let source, !source.hasPrefix("https://"), let at = value("source") {
      error(at: at, "source '\(source.prefix(60))' must be an https:// URL")
    }
    guard let source, let confidence else { return nil }
    return ModelEntry.Provenance(source: source, confidence: confidence)
  }

  /// One value of a string enumeration, with a suggestion when it is misspelt.
  func enumeration<E: RawRepresentable & CaseIterable>(_ key: String, of type: E.Type, required: Bool = false) -> E?
  where E.RawValue == String {
    guard let text = string(key, required: required) else { return nil }
    if let value = E(rawValue: text) { return value }
    reportUnknown(text, key: key, at: value(key)!, known: E.allCases.map(\.rawValue))
    return nil
  }

  /// A list of string-enumeration values; each unknown one is a finding.
  func enumerations<E: RawRepresentable & CaseIterable>(_ key: String, of type: E.Type, required: Bool = false) -> [E]
  where E.RawValue == String {
    let texts = strings(key, required: required)
    let nodes: [Node] = value(key).flatMap { $0.sequence.map(Array.init) } ?? []
    var result: [E] = []
    for (index, text) in texts.enumerated() {
      if let value = E(rawValue: text) {
        result.append(value)
      } else {
        let at = index < nodes.count ? nodes[index] : (value(key) ?? node)
        reportUnknown(text, key: key, at: at, known: E.allCases.map(\.rawValue))
      }
    }
    return result
  }

  private func reportUnknown(_ text: String, key: String, at node: Node, known: [String]) {
    let hint = Suggestion.closest(to: text, in: known).first.map { "; did you mean '\($0)'?" } ?? ""
    error(at: node, "'\(text)' is not a valid \(key) value (\(known.joined(separator: ", ")))\(hint)")
  }

  /// A list of whole numbers in a range.
  func integers(_ key: String, range: ClosedRange<Int>) -> [Int] {
    let texts = strings(key)
    var result: [Int] = []
    for text in texts {
      guard let number = Int(text), range.contains(number) else {
        error(
          at: value(key) ?? node,
          "each entry of '\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        continue
      }
      result.append(number)
    }
    return result
  }

  /// A number kept as written (for display), or nil with a finding when it is not a number.
  func number(_ key: String) -> String? {
    guard let text = string(key) else { return nil }
    guard Double(text) != nil else {
      error(at: value(key)!, "'\(key)' must be a number, not '\(text.prefix(40))'")
      return nil
    }
    return text
  }

  /// A price in US dollars: a positive number.
  func price(_ key: String) -> Double? {
    guard let text = string(key) else { return nil }
    guard let amount = Double(text), amount.isFinite else {
      error(at: value(key)!, "'\(key)' must be a price in US dollars, like 0.0008, not '\(text.prefix(40))'")
      return nil
    }
    guard amount > 0 else {
      error(at: value(key)!, "'\(key)' must be above zero (omit it when the price is unknown)")
      return nil
    }
    return amount
  }
}
