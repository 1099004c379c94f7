import Core
import Yams

/// A foundation model in the catalog (the knowledge-base issue extends the facts it holds).
public struct ModelEntry: Sendable, Codable, Equatable, Identifiable {
  public var id: String
  public var name: String
  public var provider: String
  public var input: [Modality]
  public var output: [Modality]
  public var sources: [String]
  /// When the facts were last checked; nil when missing or invalid (a finding).
  public var verified: CalendarDay?
  /// Where the model's id is written, and that line's text.
  public var location: SourceLocation
  public var sourceLine: String?

  public enum Modality: String, Sendable, Codable, CaseIterable {
    case text, image, video, audio, speech, document, embedding
  }
}

extension ModelEntry {
  static func parse(_ node: Node, collector: FindingCollector) -> ModelEntry? {
    guard let r = MappingReader(node, what: "model", collector: collector, lineOffset: 0) else { return nil }
    let id = r.string("id", required: true) ?? ""
    let name = r.string("name", required: true) ?? ""
    let provider = r.string("provider", required: true) ?? ""
    func modalities(_ key: String) -> [Modality] {
      let names = r.strings(key, required: true)
      var result: [Modality] = []
      for (index, text) in names.enumerated() {
        if let modality = Modality(rawValue: text) {
          result.append(modality)
        } else {
          let at = r.value(key).flatMap { $0.sequence?[index] } ?? node
          let known = Modality.allCases.map(\.rawValue)
          let hint = Suggestion.closest(to: text, in: known).first.map { "; did you mean '\($0)'?" } ?? ""
          r.error(at: at, "'\(text)' is not a modality (\(known.joined(separator: ", ")))\(hint)")
        }
      }
      return result
    }
    let input = modalities("input")
    let output = modalities("output")
    let sources = r.strings("sources", required: true)
    let verified = r.day("verified", required: true)
    r.finish()
    guard !id.isEmpty else { return nil }
    let anchor = r.anchor("id")
    return ModelEntry(
      id: id, name: name, provider: provider, input: input, output: output, sources: sources, verified: verified,
      location: anchor.location, sourceLine: anchor.sourceLine)
  }
}
