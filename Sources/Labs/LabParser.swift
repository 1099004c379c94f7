import Content
import Core
import Yams

/// Reads a lab file (`content/labs/*.yaml`), strictly: unknown keys, missing fields, bad check
/// kinds and duplicate step ids are findings at their line, all reported at once; a file with
/// errors gives no lab (the other labs still load).
public struct LabParser {
  public let path: String
  let text: String
  var findings: [Finding] = []

  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }

  /// A lab id: lowercase letters and digits in hyphen-separated runs.
  nonisolated(unsafe) static let idPattern = /[a-z0-9]+(-[a-z0-9]+)*/

  static let labKeys: Set<String> = [
    "id", "title", "summary", "order", "minutes", "objectives", "topics", "verified", "sources", "setup", "steps",
    "debrief",
  ]
  static let stepKeys: Set<String> = [
    "id", "title", "instructions", "command", "solution", "check", "hints", "explain",
  ]
  static let debriefKeys: Set<String> = ["summary", "flashcards", "items"]

  public mutating func parse() -> (lab: Lab?, findings: [Finding]) {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: text) else {
        error(at: nil, "the lab file is empty")
        return (nil, findings)
      }
      root = node
    } catch let yamlError as YamlError {
      error(at: nil, "not valid YAML: \(yamlError)")
      return (nil, findings)
    } catch let other {
      error(at: nil, "not valid YAML: \(other)")
      return (nil, findings)
    }
    guard let mapping = root.mapping else {
      error(at: root, "a lab file is a mapping with id, title, steps, …")
      return (nil, findings)
    }
    unknownKeys(mapping, allowed: Self.labKeys, what: "lab")
    let id = string(mapping, "id", required: true) ?? ""
    if !id.isEmpty, id.wholeMatch(of: Self.idPattern) == nil {
      error(at: mapping["id"], "lab id '\(id)' must be lowercase letters, digits and hyphens")
    }
    let title = string(mapping, "title", required: true) ?? ""
    let summary = string(mapping, "summary", required: true) ?? ""
    let order = int(mapping, "order", required: true) ?? 0
    let minutes = int(mapping, "minutes", required: false) ?? 0
    let objectives = strings(mapping, "objectives")
    let topics = strings(mapping, "topics")
    var verified: CalendarDay?
    if let text = string(mapping, "verified", required: true) {
      verified = try? CalendarDay(parsing: text)
      if verified == nil { error(at: mapping["verified"], "verified must be a date YYYY-MM-DD") }
    }
    let sources = strings(mapping, "sources")
    for source in sources where !source.hasPrefix("https://") {
      error(at: mapping["sources"], "source '\(source)' must be an https URL")
    }
    let setup = strings(mapping, "setup")
    var steps: [Lab.Step] = []
    if let list = mapping["steps"]?.sequence, !list.isEmpty {
      var seen = Set<String>()
      for node in list {
        if let step = parseStep(node) {
          if !seen.insert(step.id).inserted { error(at: node, "two steps have the id '\(step.id)'") }
          steps.append(step)
        }
      }
    } else {
      error(at: mapping["steps"] ?? root, "a lab needs a non-empty list of steps")
    }
    var debrief = Lab.Debrief(summary: "", flashcards: [], items: [])
    if let node = mapping["debrief"], let debriefMapping = node.mapping {
      unknownKeys(debriefMapping, allowed: Self.debriefKeys, what: "debrief")
      debrief.summary = string(debriefMapping, "summary", required: true) ?? ""
      debrief.items = strings(debriefMapping, "items")
      for (index, card) in (debriefMapping["flashcards"]?.sequence ?? []).enumerated() {
        guard let cardMapping = card.mapping else {
          error(at: card, "a flashcard is {prompt: …, answer: …}")
          continue
        }
        unknownKeys(cardMapping, allowed: ["prompt", "answer"], what: "flashcard")
        let prompt = string(cardMapping, "prompt", required: true) ?? ""
        let answer = string(cardMapping, "answer", required: true) ?? ""
        debrief.flashcards.append(
          Flashcard(
            id: Lab.flashcardID(lab: id, index: index), prompt: prompt, answer: answer,
            location: location(card), sourceLine: line(card)))
      }
    } else {
      error(at: mapping["debrief"] ?? root, "a lab needs a debrief (summary, flashcards, items)")
    }
    let hasErrors = findings.contains { $0.severity == .error }
    let lab = Lab(
      id: id, title: title, summary: summary, order: order, minutes: minutes, objectives: objectives, topics: topics,
      verified: verified, sources: sources, setup: setup, steps: steps, debrief: debrief,
      location: location(mapping["id"] ?? root))
    return (hasErrors ? nil : lab, findings)
  }

  mutating func parseStep(_ node: Node) -> Lab.Step? {
    guard let mapping = node.mapping else {
      error(at: node, "a step is a mapping with id, title, instructions, check, hints, explain")
      return nil
    }
    unknownKeys(mapping, allowed: Self.stepKeys, what: "step")
    let id = string(mapping, "id", required: true) ?? ""
    let title = string(mapping, "title", required: true) ?? ""
    let instructions = string(mapping, "instructions", required: true) ?? ""
    let explain = string(mapping, "explain", required: false) ?? ""
    let command = string(mapping, "command", required: false)
    let hints = strings(mapping, "hints")
    let solution = strings(mapping, "solution")
    guard let checkNode = mapping["check"] else {
      error(at: node, "step '\(id)' needs a check (what in the sandbox completes it)")
      return nil
    }
    guard let check = parseCheck(checkNode) else { return nil }
    return Lab.Step(
      id: id, title: title, instructions: instructions, command: command, solution: solution, check: check,
      hints: hints, explain: explain)
  }

  mutating func parseCheck(_ node: Node) -> LabCheck? {
    guard let mapping = node.mapping, let kind = mapping["kind"]?.string else {
      error(at: node, "a check is a mapping with a kind: \(LabCheck.fields.keys.sorted().joined(separator: ", "))")
      return nil
    }
    guard let allowed = LabCheck.fields[kind] else {
      let suggestion = Suggestion.closest(to: kind, in: Array(LabCheck.fields.keys)).first.map {
        " — did you mean '\($0)'?"
      }
      error(at: mapping["kind"], "unknown check kind '\(kind)'\(suggestion ?? "")")
      return nil
    }
    unknownKeys(mapping, allowed: allowed.union(["kind"]), what: "\(kind) check")
    func text(_ key: String) -> String? { mapping[key]?.string }
    func flag(_ key: String) -> Bool? {
      guard let node = mapping[key] else { return nil }
      guard let value = node.bool else {
        error(at: node, "\(key) must be true or false")
        return nil
      }
      return value
    }
    func number(_ key: String) -> Int? {
      guard let node = mapping[key] else { return nil }
      guard let value = node.int else {
        error(at: node, "\(key) must be a whole number")
        return nil
      }
      return value
    }
    func list(_ key: String) -> [String] { mapping[key]?.sequence?.compactMap(\.string) ?? [] }
    switch kind {
    case "bucket": return .bucket(name: text("name"))
    case "object": return .object(bucket: text("bucket"), prefix: text("prefix"), suffix: text("suffix"))
    case "dataset-validated": return .datasetValidated(model: text("model"), valid: flag("valid"))
    case "role": return .role(name: text("name"), trusts: text("trusts"), actions: list("actions"))
    case "job":
      let criteria = LabCheck.JobCriteria(
        name: text("name"), type: text("type"), base: text("base"), status: text("status"),
        hasValidation: flag("hasValidation"), failedStage: text("failedStage"),
        failureContains: text("failureContains"), outcome: text("outcome"), teacher: text("teacher"),
        minEpochs: number("minEpochs"), maxEpochs: number("maxEpochs"))
      let statuses = ["InProgress", "Completed", "Failed", "Stopping", "Stopped", "started"]
      if let status = criteria.status, !statuses.contains(status) {
        error(at: mapping["status"], "job status '\(status)' is not one of \(statuses.joined(separator: ", "))")
      }
      let outcomes = ["converged", "overfitting", "underfitting", "diverged", "earlyStopped"]
      if let outcome = criteria.outcome, !outcomes.contains(outcome) {
        error(at: mapping["outcome"], "outcome '\(outcome)' is not one of \(outcomes.joined(separator: ", "))")
      }
      return .job(criteria)
    case "custom-model": return .customModel(status: text("status"), type: text("type"), base: text("base"))
    case "provisioned":
      return .provisioned(
        status: text("status"), custom: flag("custom"), commitment: text("commitment"), model: text("model"),
        deleted: flag("deleted"))
    case "deployment": return .deployment(status: text("status"))
    case "invoked": return .invoked(via: text("via"), custom: flag("custom"), model: text("model"))
    case "compared": return .compared(models: list("models"), image: flag("image"), count: number("count"))
    case "error-seen":
      guard let name = text("name") else {
        error(at: node, "an error-seen check needs the exception name (e.g. ValidationException)")
        return nil
      }
      return .errorSeen(name: name, contains: text("contains"))
    case "throughput-simulated":
      return .throughputSimulated(model: text("model"), fits: flag("fits"), throttled: flag("throttled"))
    case "bill-viewed": return .billViewed
    case "cleaned-up": return .cleanedUp
    default:
      guard let checks = mapping["checks"]?.sequence, !checks.isEmpty else {
        error(at: node, "an all check needs a non-empty list of checks")
        return nil
      }
      let parsed = checks.compactMap { parseCheck($0) }
      return parsed.count == checks.count ? .all(parsed) : nil
    }
  }

  // MARK: Helpers

  mutating func string(_ mapping: Node.Mapping, _ key: String, required: Bool) -> String? {
    guard let node = mapping[key] else {
      if required { error(at: nil, "'\(key)' is missing") }
      return nil
    }
    guard let value = node.string, node.scalar != nil else {
      error(at: node, "'\(key)' must be text")
      return nil
    }
    if required && value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      error(at: node, "'\(key)' is empty")
    }
    return value
  }

  mutating func int(_ mapping: Node.Mapping, _ key: String, required: Bool) -> Int? {
    guard let node = mapping[key] else {
      if required { error(at: nil, "'\(key)' is missing") }
      return nil
    }
    guard let value = node.int else {
      error(at: node, "'\(key)' must be a whole number")
      return nil
    }
    return value
  }

  mutating func strings(_ mapping: Node.Mapping, _ key: String) -> [String] {
    guard let node = mapping[key] else { return [] }
    guard let list = node.sequence else {
      error(at: node, "'\(key)' must be a list")
      return []
    }
    return list.compactMap { item in
      guard let value = item.string, item.scalar != nil else {
        error(at: item, "each entry of '\(key)' must be text")
        return nil
      }
      return value
    }
  }

  mutating func unknownKeys(_ mapping: Node.Mapping, allowed: Set<String>, what: String) {
    for key in mapping.keys {
      guard let name = key.string, !allowed.contains(name) else { continue }
      let suggestion = Suggestion.closest(to: name, in: Array(allowed)).first.map { " — did you mean '\($0)'?" } ?? ""
      error(at: key, "unknown \(what) field '\(name)'\(suggestion)")
    }
  }

  func location(_ node: Node?) -> SourceLocation {
    guard let mark = node?.mark else { return SourceLocation(file: path, line: 1, column: 1) }
    return SourceLocation(file: path, line: mark.line, column: mark.column)
  }

  func line(_ node: Node?) -> String? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let number = node?.mark?.line ?? 1
    return number >= 1 && number <= lines.count ? String(lines[number - 1]) : nil
  }

  mutating func error(at node: Node?, _ message: String) {
    findings.append(Finding(.error, at: location(node), message, sourceLine: line(node)))
  }
}
