import Content
import Core
import Foundation
import Labs
import Search
import Simulation
import Store
import Terminal

/// Everything one run of fmlab works with, built once by the executable.
public struct SessionConfiguration: Sendable {
  public var appVersion: String
  public var dataDirectory: String
  /// The content root, or the paths tried when none was found.
  public var contentRoot: Result<String, Locations.ContentRootNotFound>
  public var cacheDirectory: String?
  public var pinnedNow: Date?
  public var seed: UInt64
  public var json: Bool
  public var styler: Styler
  public var columns: Int
  /// The terminal's height; output longer than this goes through the pager when there is one.
  public var rows: Int = 24
  public var busyTimeout: Double
  /// Identifies this build of fmlab (version and binary), so caches never outlive the code that wrote them.
  public var buildID: String
  /// Relative file names on the command line are taken from here.
  public var workingDirectory: String

  public init(
    appVersion: String, dataDirectory: String, contentRoot: Result<String, Locations.ContentRootNotFound>,
    cacheDirectory: String?, pinnedNow: Date?, seed: UInt64, json: Bool, styler: Styler, columns: Int = 80,
    busyTimeout: Double = 5, buildID: String? = nil, workingDirectory: String = "/"
  ) {
    self.workingDirectory = workingDirectory
    self.buildID = buildID ?? appVersion
    self.appVersion = appVersion
    self.dataDirectory = dataDirectory
    self.contentRoot = contentRoot
    self.cacheDirectory = cacheDirectory
    self.pinnedNow = pinnedNow
    self.seed = seed
    self.json = json
    self.styler = styler
    self.columns = columns
    self.busyTimeout = busyTimeout
  }
}

/// The state a command runs against: the clock, the seeded generator, the learner's store
/// (opened on first use), the content (loaded on first use), and the way to ask questions.
public final class Session {
  public let configuration: SessionConfiguration
  private let clock: @Sendable () -> Date
  public var random: SeededGenerator
  let sink: OutputSink
  /// Where interactive flows read answers: the REPL's editor, the script's next lines, or a test script.
  public var reader: LineReader?
  /// Shows long pages a screen at a time (only on a terminal).
  public var pager: Pager?
  private var openedStore: ProgressStore?
  private var loadedContent: ContentSet?
  private var partialContent: [String: ContentSet] = [:]
  /// The search index, built on the first search of the session.
  var searchIndexCache: SearchIndex?
  var sandboxProfilesCache: SandboxProfiles?
  var labCatalogCache: LabCatalog?
  /// Page id → the prose sentences composed answers quote (extracting them is the slow part of `compare`).
  var pageSentencesCache: [String: [String]] = [:]
  /// Set when a command is the JSON-lines form of a REPL line (`--json` on that line).
  var jsonForCurrentCommand = false
  private(set) var reportedContentFindings = false

  public init(
    configuration: SessionConfiguration, clock: @escaping @Sendable () -> Date, sink: OutputSink,
    reader: LineReader? = nil
  ) {
    self.configuration = configuration
    self.clock = clock
    self.random = SeededGenerator(seed: configuration.seed)
    self.sink = sink
    self.reader = reader
  }

  /// A path given on the command line, made absolute against the working directory.
  public func resolvePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    if path == "~" || path.hasPrefix("~/") { return NSHomeDirectory() + path.dropFirst() }
    return configuration.workingDirectory + (configuration.workingDirectory.hasSuffix("/") ? "" : "/") + path
  }

  /// The current instant: `--now` when pinned, else the executable's clock.
  public var now: Date { configuration.pinnedNow ?? clock() }

  public var json: Bool { configuration.json || jsonForCurrentCommand }
  public var styler: Styler { json ? .plain : configuration.styler }

  /// The progress store, opened (and migrated) on first use.
  public func store() throws(StoreError) -> ProgressStore {
    if let openedStore { return openedStore }
    let path = configuration.dataDirectory + "/progress.sqlite"
    let store = try ProgressStore.open(
      at: path, busyTimeout: configuration.busyTimeout, appVersion: configuration.appVersion, now: now)
    openedStore = store
    return store
  }

  /// Injects a store (tests use an in-memory one).
  public func use(store: ProgressStore) { openedStore = store }

  /// Uses already loaded content (tests share one load of the repository's content).
  public func use(content: ContentSet) { loadedContent = content }

  /// Part of the content (e.g. the model catalog alone), loaded on first use through its own
  /// cache; the whole content when that is already loaded. Knowledge-base commands use this so a
  /// one-shot `can` or `model` does not decode every quiz item.
  func content(only folders: [ContentLoader.Folder]) throws -> ContentSet {
    if let loadedContent { return loadedContent }
    let key = folders.map(\.rawValue).joined(separator: "+")
    if let partial = partialContent[key] { return partial }
    let root = try contentRootPath()
    let cache = configuration.cacheDirectory.map { directory in
      ContentCache(
        path: directory + "/" + ContentCache.fileName(forRoot: root + "|" + key), buildID: configuration.buildID)
    }
    do {
      let content = try ContentLoader(root: root, cache: cache, folders: folders).load()
      partialContent[key] = content
      return content
    } catch {
      throw CommandFailure(message: error.message, status: .contentUnavailable)
    }
  }

  func contentRootPath() throws -> String {
    switch configuration.contentRoot {
    case .success(let path): return path
    case .failure(let notFound):
      throw CommandFailure(
        message: "cannot find fmlab's content; tried:\n" + notFound.tried.map { "  " + $0 }.joined(separator: "\n")
          + "\nPoint --content-dir (or FMLAB_CONTENT_DIR) at a folder holding content/, quizzes/ and Resources/.",
        status: .contentUnavailable)
    }
  }

  /// The content, loaded on first use through the cache.
  public func content() throws -> ContentSet {
    if let loadedContent { return loadedContent }
    let root: String
    switch configuration.contentRoot {
    case .success(let path): root = path
    case .failure(let notFound):
      throw CommandFailure(
        message: "cannot find fmlab's content; tried:\n" + notFound.tried.map { "  " + $0 }.joined(separator: "\n")
          + "\nPoint --content-dir (or FMLAB_CONTENT_DIR) at a folder holding content/, quizzes/ and Resources/.",
        status: .contentUnavailable)
    }
    let content = try loadContent(at: root)
    loadedContent = content
    return content
  }

  func loadContent(at root: String) throws -> ContentSet {
    let cache = configuration.cacheDirectory.map { directory in
      ContentCache(
        path: directory + "/" + ContentCache.fileName(forRoot: root), buildID: configuration.buildID)
    }
    do {
      return try ContentLoader(root: root, cache: cache).load()
    } catch {
      throw CommandFailure(message: error.message, status: .contentUnavailable)
    }
  }

  /// Tells the learner, once per session, that some content files have problems.
  func reportContentProblemsOnce(_ content: ContentSet) {
    guard !reportedContentFindings else { return }
    reportedContentFindings = true
    let errors = content.findings.filter { $0.severity == .error }
    guard !errors.isEmpty else { return }
    if json {
      for finding in errors { emitJSON(FindingsView.JSONFinding(finding), type: "finding") }
      return
    }
    var text = styler.warning("warning:") + " \(errors.count) problem\(errors.count == 1 ? "" : "s") in the content at "
    text += content.root + "; the rest loaded. First:\n"
    for finding in errors.prefix(3) { text += FindingsView.render(finding, styler: styler) }
    if errors.count > 3 { text += "… and \(errors.count - 3) more: run 'check-content' to see them all.\n" }
    sink.writeError(text)
  }

  // MARK: Asking questions

  /// Asks the learner a question and returns the answer, or nil at the end of input or on Ctrl-C.
  ///
  /// In the REPL the question is a prompt; in script mode the answer is the next line of
  /// input; with `--json` the question is first written as a `{"type":"prompt"}` object.
  public func ask(_ question: String, id: String, choices: [String] = []) -> String? {
    guard let reader else { return nil }
    if json {
      emitJSON(PromptEvent(id: id, text: question, choices: choices), type: "prompt")
    } else if !reader.isInteractive {
      sink.write(question + (choices.isEmpty ? "" : " [\(choices.joined(separator: "/"))]") + "\n")
    }
    let prompt = question + (choices.isEmpty ? " " : " [\(choices.joined(separator: "/"))] ")
    while true {
      switch reader.readLine(prompt: reader.isInteractive ? prompt : "") {
      case .line(let text): return text.trimmingCharacters(in: .whitespaces)
      case .interrupted, .endOfInput: return nil
      case .rejected(let message):
        emitError(message, status: .usage, command: id)
        if !reader.isInteractive { return nil }
      }
    }
  }

  struct PromptEvent: Encodable, Sendable {
    var id: String
    var text: String
    var choices: [String]
  }

  // MARK: Output

  /// Progress output of an interactive flow: text for people, or one `{"type": event}` object with `--json`.
  func say(_ text: String, event: String, data: some Encodable) {
    if json {
      emitJSON(data, type: event)
    } else if !text.isEmpty {
      sink.write(text.hasSuffix("\n") ? text : text + "\n")
    }
  }

  func emitJSON(_ value: some Encodable, type: String, extra: [String: JSONValue] = [:]) {
    sink.write(JSONLine.encode(type: type, payload: value, extra: extra) + "\n")
  }

  func emitError(_ message: String, status: ExitStatus, command: String?, suggestions: [String] = []) {
    if json {
      var extra: [String: JSONValue] = ["status": .int(Int(status.rawValue)), "message": .string(message)]
      if let command { extra["command"] = .string(command) }
      if !suggestions.isEmpty { extra["suggestions"] = .array(suggestions.map(JSONValue.string)) }
      sink.write(JSONLine.encode(type: "error", payload: JSONValue.null, extra: extra) + "\n")
    } else {
      sink.writeError(styler.error("error:") + " " + message + "\n")
    }
  }
}
