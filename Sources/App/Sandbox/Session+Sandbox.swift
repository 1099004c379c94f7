import Content
import Foundation
import Knowledge
import Sandbox
import Search
import Simulation
import Store

extension Session {
  /// The simulation profiles (`Resources/sandbox/profiles.yaml`), decoded once per process and
  /// cached as JSON beside the content cache (YAML decoding is the slow part).
  func sandboxProfiles() throws -> SandboxProfiles {
    if let cached = sandboxProfilesCache { return cached }
    let path = try contentRootPath() + "/Resources/sandbox/profiles.yaml"
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandFailure(
        message: "the sandbox's simulation profiles are missing (\(path))", status: .contentUnavailable)
    }
    let cacheFile = configuration.cacheDirectory.map {
      $0 + "/sandbox-profiles-\(String(FNV1a.hash(data), radix: 16))-\(configuration.buildID.prefix(16)).json"
    }
    if let cacheFile, let json = FileManager.default.contents(atPath: cacheFile),
      let profiles = try? JSONDecoder().decode(SandboxProfiles.self, from: json)
    {
      sandboxProfilesCache = profiles
      return profiles
    }
    let profiles: SandboxProfiles
    do {
      profiles = try SandboxProfiles.parse(yaml: String(decoding: data, as: UTF8.self))
    } catch {
      throw CommandFailure(
        message: "\(path): the sandbox profiles can't be read: \(error); run 'check-content' for details",
        status: .contentUnavailable)
    }
    if let cacheFile, let json = try? JSONEncoder().encode(profiles) {
      try? FileManager.default.createDirectory(
        atPath: (cacheFile as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try? json.write(to: URL(fileURLWithPath: cacheFile), options: .atomic)
    }
    sandboxProfilesCache = profiles
    return profiles
  }

  /// The sandbox's S3 buckets (folders under the data directory).
  var sandboxObjects: FileObjectStore { FileObjectStore(root: configuration.dataDirectory + "/sandbox/s3") }

  /// Runs one sandbox operation: loads the state, brings it up to the sandbox time (completed jobs
  /// write their metrics), runs `body`, and saves the result — one transaction, so a kill or a
  /// second process never sees half a command. A `SandboxError` from `body` saves nothing of
  /// `body`'s changes (the settling is kept) and becomes the command's failure.
  func withSandbox<T>(
    _ body: (inout Sandbox, _ now: Date, _ objects: FileObjectStore) throws -> T
  ) throws -> SandboxOutcome<T> {
    let catalog = try catalog()
    let profiles = try sandboxProfiles()
    let objects = sandboxObjects
    try? FileManager.default.createDirectory(atPath: objects.root.path, withIntermediateDirectories: true)
    let realNow = now
    let result: Result<SandboxOutcome<T>, SandboxFailure> = try store().updateSandbox(now: realNow) { saved in
      var state = SandboxState()
      if let saved {
        do {
          state = try JSONDecoder().decode(SandboxState.self, from: saved)
        } catch {
          return (nil, .failure(.unreadable(String(describing: error).prefix(200).description)))
        }
        if state.formatVersion > SandboxState.formatVersion {
          return (nil, .failure(.unreadable("it was saved by a newer fmlab (format \(state.formatVersion))")))
        }
      }
      var sandbox = Sandbox(state: state, catalog: catalog, profiles: profiles)
      let time = state.time(at: realNow)
      let events = sandbox.settle(now: time, objects: objects)
      let settled = sandbox.state
      do {
        let value = try body(&sandbox, time, objects)
        let changed = sandbox.state != state
        return (
          changed ? try? JSONEncoder.sandbox.encode(sandbox.state) : nil,
          .success(SandboxOutcome(value: value, events: events, now: time, sandbox: sandbox))
        )
      } catch {
        var kept = settled
        if let serviceError = error as? SandboxError {
          // Labs check the errors a learner met ("discover that the custom model can't be invoked on demand").
          kept.record(
            ActivityEvent(
              kind: .error, time: time, errorName: serviceError.name.rawValue, message: serviceError.message))
        }
        let save = kept != state ? try? JSONEncoder.sandbox.encode(kept) : nil
        return (save, .failure(.other(error)))
      }
    }
    switch result {
    case .success(let outcome): return outcome
    case .failure(.other(let error as SandboxError)): throw CommandFailure.sandbox(error)
    case .failure(.other(let error)): throw error
    case .failure(.unreadable(let reason)):
      throw CommandFailure(
        message: "the saved sandbox state can't be read (\(reason)). Nothing was changed; 'sandbox reset --yes' "
          + "starts the sandbox afresh (your study progress is not touched).",
        status: .failure)
    }
  }

  /// Retrieves what the knowledge base says about a prompt, as passages for composed answers.
  /// A prompt about "services" prefers service pages.
  func passages(for prompt: String, limit: Int = 4) -> [Passage] {
    let query = String(prompt.prefix(400))
    guard let index = try? searchIndex(), let result = try? index.search(query, limit: limit * 3),
      let content = try? knowledgeContent()
    else { return [] }
    var hits = result.hits
    if query.lowercased().contains("service") {
      let kinds = Dictionary(content.topics.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
      let services = hits.filter { kinds[$0.id] == .service || kinds[$0.id] == .feature }
      hits = services + hits.filter { !services.contains($0) }
    }
    var passages: [Passage] = []
    for hit in hits.prefix(limit) {
      if hit.kind == .model, let model = content.models.first(where: { $0.slug == hit.id || $0.id == hit.id }) {
        passages.append(Passage(id: model.slug, title: model.name, sentences: [model.summary]))
      } else if let topic = content.topics.first(where: { $0.id == hit.id }) {
        let sentences: [String]
        if let cached = pageSentencesCache[topic.id] {
          sentences = cached
        } else {
          sentences = Array(Self.sentences(markdown: topic.body).prefix(8))
          pageSentencesCache[topic.id] = sentences
        }
        passages.append(Passage(id: topic.id, title: topic.title, sentences: [topic.summary] + sentences))
      }
    }
    return passages
  }

  /// Whole sentences of a page's prose paragraphs (headings, tables and code left out; link
  /// targets dropped, emphasis marks removed).
  static func sentences(markdown: String) -> [String] {
    var result: [String] = []
    for paragraph in markdown.components(separatedBy: "\n\n") {
      let lines = paragraph.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      guard let first = lines.first, !first.hasPrefix("#"), !first.hasPrefix("|"), !first.hasPrefix("```"),
        !first.hasPrefix(">")
      else { continue }
      var text = lines.map { line in
        line.hasPrefix("- ") || line.hasPrefix("* ") ? String(line.dropFirst(2)) : line
      }.joined(separator: " ")
      text = text.replacingOccurrences(of: "\\]\\([^)]*\\)", with: "", options: .regularExpression)
      text = text.replacingOccurrences(of: "[\\[\\]*_`]", with: "", options: .regularExpression)
      var current = ""
      for character in text {
        current.append(character)
        if character == "." || character == "?" || character == "!" {
          let trimmed = current.trimmingCharacters(in: .whitespaces)
          if trimmed.count > 30, trimmed.count < 400 { result.append(trimmed) }
          current = ""
        }
      }
    }
    return result
  }
}

enum SandboxFailure: Error {
  case other(any Error)
  case unreadable(String)
}

/// What a sandbox command did, with what settled on the way (jobs that completed, …).
struct SandboxOutcome<T> {
  var value: T
  var events: [String]
  /// The sandbox time the command ran at.
  var now: Date
  var sandbox: Sandbox
}

extension JSONEncoder {
  static let sandbox: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return encoder
  }()
}

extension CommandFailure {
  /// A service error as the learner sees it: the exception name, then what to do.
  static func sandbox(_ error: SandboxError) -> CommandFailure {
    CommandFailure(message: "\(error.name.rawValue): \(error.message)", status: .failure)
  }
}
