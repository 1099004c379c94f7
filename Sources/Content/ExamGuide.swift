import Core
import Yams

/// The exam guide's structure: domains with weights, task statements and objectives.
public struct ExamGuide: Sendable, Codable, Equatable {
  public var name: String
  public var version: String
  public var domains: [Domain]
  public var sources: [String]
  public var verified: CalendarDay?

  public struct Domain: Sendable, Codable, Equatable {
    public var number: Int
    public var title: String
    /// The domain's share of scored items, in percent.
    public var weight: Int
    public var tasks: [Task]
  }

  public struct Task: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var objectives: [Objective]
  }

  public struct Objective: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var newInV11: Bool
    /// Where the objective's id is written.
    public var location: SourceLocation? = nil
  }

  public static let empty = ExamGuide(name: "", version: "", domains: [], sources: [], verified: nil)

  public var objectives: [Objective] { domains.flatMap { $0.tasks.flatMap(\.objectives) } }
  public var objectiveIDs: Set<String> { Set(objectives.map(\.id)) }
  public func objective(_ id: String) -> Objective? { objectives.first { $0.id == id } }
  public func domain(_ number: Int) -> Domain? { domains.first { $0.number == number } }
}

extension ExamGuide {
  /// Parses `Resources/exam-guide.yaml`.
  static func parse(_ root: Node, collector: FindingCollector) -> ExamGuide? {
    guard let reader = MappingReader(root, what: "exam guide", collector: collector, lineOffset: 0) else { return nil }
    let name = reader.string("guide", required: true) ?? ""
    let version = reader.string("version", required: true) ?? ""
    reader.allow("published")
    _ = reader.day("published")
    let sources = reader.strings("sources", required: true)
    let verified = reader.day("verified", required: true)
    var domains: [Domain] = []
    for node in reader.list("domains", required: true) {
      guard let d = MappingReader(node, what: "domain", collector: collector, lineOffset: 0) else { continue }
      let number = d.int("number", required: true, range: 1...9) ?? 0
      let title = d.string("title", required: true) ?? ""
      let weight = d.int("weight", required: true, range: 1...100) ?? 0
      var tasks: [Task] = []
      for taskNode in d.list("tasks", required: true) {
        guard let t = MappingReader(taskNode, what: "task statement", collector: collector, lineOffset: 0) else {
          continue
        }
        let id = t.string("id", required: true) ?? ""
        let title = t.string("title", required: true) ?? ""
        var objectives: [Objective] = []
        for objectiveNode in t.list("objectives", required: true) {
          guard let o = MappingReader(objectiveNode, what: "objective", collector: collector, lineOffset: 0) else {
            continue
          }
          let objective = Objective(
            id: o.string("id", required: true) ?? "", title: o.string("title", required: true) ?? "",
            newInV11: o.bool("newInV11") ?? false, location: o.anchor("id").location)
          if !objective.id.hasPrefix(id + ".") {
            o.error(at: o.value("id") ?? objectiveNode, "objective '\(objective.id)' is not under task statement \(id)")
          }
          o.finish()
          objectives.append(objective)
        }
        t.finish()
        tasks.append(Task(id: id, title: title, objectives: objectives))
      }
      d.finish()
      domains.append(Domain(number: number, title: title, weight: weight, tasks: tasks))
    }
    reader.finish()
    let total = domains.reduce(0) { $0 + $1.weight }
    if !domains.isEmpty && total != 100 {
      reader.error(at: reader.keyNode("domains") ?? root, "domain weights add up to \(total), not 100")
    }
    return ExamGuide(name: name, version: version, domains: domains, sources: sources, verified: verified)
  }
}
