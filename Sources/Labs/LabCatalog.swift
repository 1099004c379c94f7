import Content
import Foundation

/// Every lab under `content/labs/`, with the problems found in them. A broken file is a finding;
/// the other labs still load.
public struct LabCatalog: Sendable {
  public var labs: [Lab]
  public var findings: [Finding]
  public var fileCount: Int

  public static let folder = "content/labs"

  /// Reads the lab files under `root` (file I/O: the executable's content root).
  public static func load(root: String) -> LabCatalog {
    let directory = root + "/" + folder
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
      .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }.sorted()
    var labs: [Lab] = []
    var findings: [Finding] = []
    for name in names {
      let path = folder + "/" + name
      guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
        findings.append(
          Finding(.error, at: SourceLocation(file: path, line: 1, column: 1), "the lab file can't be read"))
        continue
      }
      guard let text = String(data: data, encoding: .utf8) else {
        findings.append(
          Finding(.error, at: SourceLocation(file: path, line: 1, column: 1), "the lab file is not UTF-8"))
        continue
      }
      var parser = LabParser(path: path, text: text)
      let (lab, found) = parser.parse()
      findings += found
      if let lab { labs.append(lab) }
    }
    var catalog = LabCatalog(
      labs: labs.sorted { ($0.order, $0.id) < ($1.order, $1.id) }, findings: findings, fileCount: names.count)
    catalog.findings += catalog.duplicateFindings()
    return catalog
  }

  public init(labs: [Lab], findings: [Finding], fileCount: Int) {
    self.labs = labs
    self.findings = findings
    self.fileCount = fileCount
  }

  func duplicateFindings() -> [Finding] {
    var findings: [Finding] = []
    var ids: [String: Lab] = [:]
    var orders: [Int: Lab] = [:]
    for lab in labs {
      if let first = ids[lab.id] {
        findings.append(
          Finding(
            .error, at: lab.location, "two labs have the id '\(lab.id)'",
            notes: [.init(location: first.location, message: "first defined here")]))
      }
      ids[lab.id] = ids[lab.id] ?? lab
      if let first = orders[lab.order] {
        findings.append(
          Finding(
            .warning, at: lab.location, "labs '\(first.id)' and '\(lab.id)' have the same order \(lab.order)"))
      }
      orders[lab.order] = orders[lab.order] ?? lab
    }
    return findings
  }

  /// Cross-checks against the rest of the content: objectives, topics, quiz items and model ids exist.
  public func crossFindings(content: ContentSet) -> [Finding] {
    let objectives = Set(content.guide.objectives.map(\.id))
    let topics = Set(content.topics.map(\.id))
    let items = Set(content.items.flatMap { [$0.id] + $0.scoredItems.map(\.id) })
    let models = Set(content.models.map(\.id))
    var findings: [Finding] = []
    for lab in labs {
      func error(_ message: String) { findings.append(Finding(.error, at: lab.location, message)) }
      for objective in lab.objectives where !objectives.isEmpty && !objectives.contains(objective) {
        error("lab '\(lab.id)': objective '\(objective)' is not in the exam guide")
      }
      for topic in lab.topics where !topics.contains(topic) { error("lab '\(lab.id)': no page with id '\(topic)'") }
      for item in lab.debrief.items where !items.contains(item) {
        error("lab '\(lab.id)': no quiz item with id '\(item)'")
      }
      for step in lab.steps {
        for model in step.check.modelIDs where !models.isEmpty && !models.contains(model) {
          error("lab '\(lab.id)', step '\(step.id)': model '\(model)' is not in the catalog")
        }
      }
    }
    return findings
  }
}

extension LabCheck {
  /// The model ids a check names.
  var modelIDs: [String] {
    switch self {
    case .datasetValidated(let model, _), .invoked(_, _, let model), .throughputSimulated(let model, _, _):
      return model.map { [$0] } ?? []
    case .job(let criteria): return [criteria.base, criteria.teacher].compactMap { $0 }
    case .customModel(_, _, let base): return base.map { [$0] } ?? []
    case .provisioned(_, _, _, let model, _): return model.map { [$0] } ?? []
    case .compared(let models, _, _): return models
    case .all(let checks): return checks.flatMap(\.modelIDs)
    default: return []
    }
  }
}
