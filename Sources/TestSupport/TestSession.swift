import App
import Content
import Core
import Foundation
import Store
import Terminal

/// Builds sessions over an in-memory store, a pinned clock and a capturing sink.
public struct TestSession {
  public let session: Session
  public let sink: CapturingSink

  /// - Parameters:
  ///   - contentRoot: defaults to the repository's own content.
  public init(
    now: Date = TestClock.reference, json: Bool = false, color: Bool = false, contentRoot: String? = nil,
    dataDirectory: String = "/nonexistent-fmlab-test", store: ProgressStore? = nil, reader: LineReader? = nil,
    clock: (@Sendable () -> Date)? = nil, workingDirectory: String = "/", columns: Int = 100, unicode: Bool = true
  ) throws {
    let configuration = SessionConfiguration(
      appVersion: "test", dataDirectory: dataDirectory,
      contentRoot: .success(contentRoot ?? Fixtures.repositoryRoot), cacheDirectory: nil,
      pinnedNow: clock == nil ? now : nil, seed: 42,
      json: json, styler: Styler(enabled: color, unicode: unicode), columns: columns,
      workingDirectory: workingDirectory)
    sink = CapturingSink()
    session = Session(configuration: configuration, clock: clock ?? { now }, sink: sink, reader: reader)
    session.use(store: try store ?? ProgressStore.inMemory(now: now))
    if contentRoot == nil, let shared = try? TestSession.repositoryContent.get() { session.use(content: shared) }
  }

  /// The repository's content, loaded once per test process (parsing every file takes seconds in a debug build).
  public static let repositoryContent: Result<ContentSet, Error> = Result {
    try ContentLoader(root: Fixtures.repositoryRoot).load()
  }

  /// Runs lines through the dispatcher as a script would, returning each line's outcome.
  @discardableResult
  public func run(_ lines: String...) -> [DispatchOutcome] {
    let dispatcher = Dispatcher(session: session)
    return lines.map { dispatcher.run(line: $0) }
  }

  /// The JSON objects written so far, one per output line.
  public func jsonLines() -> [[String: Any]] {
    sink.output.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
  }
}

public enum TestClock {
  /// 2026-11-26T09:00:00Z, the instant tests pin the clock to.
  public static let reference = Date(timeIntervalSince1970: 1_795_683_600)
}
