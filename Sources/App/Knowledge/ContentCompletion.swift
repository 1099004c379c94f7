import Content
import Foundation
import Knowledge

/// The ids Tab completes (model slugs, page ids, capabilities, objectives), read from the
/// content the first time Tab needs them, so start-up never pays for it.
final class ContentCompletionIDs: @unchecked Sendable {
  struct IDs {
    var models: [String] = []
    var topics: [String] = []
    var objectives: [String] = []
    var domains: [String] = []
    var providers: [String] = []
  }

  private let lock = NSLock()
  private var loaded: IDs?
  private let load: @Sendable () -> IDs

  init(load: @escaping @Sendable () -> IDs) { self.load = load }

  var ids: IDs {
    lock.lock()
    defer { lock.unlock() }
    if let loaded { return loaded }
    let fresh = load()
    loaded = fresh
    return fresh
  }

  /// Loads from a content root through the content cache; empty lists when it cannot.
  static func fromContent(root: String?, cacheDirectory: String?, buildID: String) -> ContentCompletionIDs {
    ContentCompletionIDs {
      guard let root else { return IDs() }
      // The same partial load (and cache file) as the knowledge-base commands use.
      let cache = cacheDirectory.map {
        ContentCache(path: $0 + "/" + ContentCache.fileName(forRoot: root + "|content+Resources"), buildID: buildID)
      }
      guard let content = try? ContentLoader(root: root, cache: cache, folders: [.content, .resources]).load() else {
        return IDs()
      }
      return IDs(
        models: content.models.map(\.slug).sorted(), topics: content.topics.map(\.id).sorted(),
        objectives: content.guide.objectives.map(\.id), domains: content.guide.domains.map { "\($0.number)" },
        providers: Array(Set(content.models.map { ModelCatalog.key($0.provider) })).sorted())
    }
  }

  /// Completers for the knowledge-base commands.
  var completers: [String: CommandCompletion.ArgumentCompleter] {
    [
      "model": { [self] arguments in arguments.isEmpty ? self.ids.models : [] },
      "can": { [self] arguments in arguments.isEmpty ? self.ids.models : Capability.names },
      "which": { _ in Capability.names },
      "topic": { [self] arguments in arguments.isEmpty ? self.ids.topics : [] },
      "topics": { [self] arguments in arguments.isEmpty ? self.ids.domains + self.ids.objectives + ["services"] : [] },
      "diff": { [self] arguments in arguments.count < 2 ? self.ids.topics + self.ids.models : [] },
      "models": { [self] arguments in
        switch arguments.last {
        case "--input", "--output": ModelEntry.Modality.allCases.map(\.rawValue)
        case "--customization": CustomizationFilter.allCases.map(\.rawValue)
        case "--provider": self.ids.providers
        case "--sort": ModelQuery.Sort.allCases.map(\.rawValue)
        default: []
        }
      },
      // The sandbox: model slugs where a model goes, the enum values of options.
      "compare": { [self] arguments in arguments.count < 3 ? self.ids.models : [] },
      "invoke": { [self] arguments in arguments.isEmpty ? self.ids.models : [] },
      "customize": { [self] arguments in
        switch arguments.last {
        case nil: ["fine-tuning", "continued-pre-training", "distillation"]
        case "--base", "--teacher": self.ids.models
        default: []
        }
      },
      "validate-dataset": { [self] arguments in Self.sandboxOption(arguments.last, models: self.ids.models) },
      "sample-dataset": { [self] arguments in Self.sandboxOption(arguments.last, models: self.ids.models) },
      "provision": { [self] arguments in Self.sandboxOption(arguments.last, models: self.ids.models) },
      "throughput": { [self] arguments in
        arguments.isEmpty ? ["simulate"] : Self.sandboxOption(arguments.last, models: self.ids.models)
      },
      "s3": { arguments in arguments.isEmpty ? ["mb", "ls", "cp", "rm", "rb"] : [] },
      "iam": { arguments in
        switch arguments.first {
        case nil: ["create-role", "attach", "allow", "show", "list", "delete-role"]
        case "attach" where arguments.count == 2:
          ["AmazonS3ReadOnlyAccess", "AmazonS3FullAccess", "AmazonBedrockFullAccess"]
        case "create-role" where arguments.last == "--trust": ["bedrock.amazonaws.com"]
        default: []
        }
      },
      "pt": { arguments in arguments.isEmpty ? ["list", "update", "delete"] : [] },
      "sandbox": { arguments in arguments.isEmpty ? ["status", "reset"] : [] },
    ]
  }

  /// Values for the sandbox commands' options.
  static func sandboxOption(_ option: String?, models: [String]) -> [String] {
    switch option {
    case "--model": models
    case "--type": ["fine-tuning", "continued-pre-training", "distillation"]
    case "--commitment": ["none", "1m", "6m"]
    default: []
    }
  }
}
