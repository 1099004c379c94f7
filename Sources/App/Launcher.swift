import ArgumentParser
import Core
import Foundation
import Store
import Terminal

/// fmlab's version, shown by `--version` and recorded in the database.
public enum FmlabVersion {
  public static let current = "0.1.0"
}

/// What the executable observed about its process: arguments, environment, terminal,
/// clock and entropy. Everything fmlab does follows from these values.
public struct LaunchEnvironment {
  public var arguments: [String]
  public var environment: [String: String]
  public var homeDirectory: String
  public var executablePath: String?
  public var workingDirectory: String
  public var sourceRoot: String?
  public var device: TerminalDevice
  public var clock: @Sendable () -> Date
  public var entropy: UInt64
  public var sink: OutputSink
  /// Shows long output a screen at a time; nil when output is not a terminal.
  public var pager: Pager? = nil
  /// Makes the reader for REPL or script input (libedit on a terminal, plain lines otherwise).
  public var makeReader: (_ interactive: Bool, _ historyPath: String?, _ completion: CompletionProvider) -> LineReader

  public init(
    arguments: [String], environment: [String: String], homeDirectory: String, executablePath: String?,
    workingDirectory: String, sourceRoot: String?, device: TerminalDevice, clock: @escaping @Sendable () -> Date,
    entropy: UInt64, sink: OutputSink,
    makeReader: @escaping (Bool, String?, CompletionProvider) -> LineReader
  ) {
    self.arguments = arguments
    self.environment = environment
    self.homeDirectory = homeDirectory
    self.executablePath = executablePath
    self.workingDirectory = workingDirectory
    self.sourceRoot = sourceRoot
    self.device = device
    self.clock = clock
    self.entropy = entropy
    self.sink = sink
    self.makeReader = makeReader
  }
}

/// Starts fmlab: parses the global options, resolves where things are, and runs one
/// command, a script, or the REPL. Returns the process's exit status.
public enum Launcher {
  public static func run(_ launch: LaunchEnvironment) -> ExitStatus {
    let sink = launch.sink
    let (globalWords, commandWords) = GlobalOptions.split(launch.arguments)
    let options: StartOptions
    do {
      // Parsing reflects over the options' property wrappers (dynamic casts that scan every
      // protocol conformance in the binary); with no global options there is nothing to parse.
      options = try GlobalOptions.quickParse(globalWords) ?? GlobalOptions.parse(globalWords).startOptions
    } catch {
      sink.writeError("error: " + GlobalOptions.message(for: error) + " (see 'fmlab help options')\n")
      return .usage
    }
    if options.version {
      sink.write("fmlab \(FmlabVersion.current)\n")
      return .success
    }
    var pinnedNow: Date? = nil
    if let nowText = options.now {
      do { pinnedNow = try Timestamp.parse(nowText) } catch {
        sink.writeError("error: --now: \(error.description)\n")
        return .usage
      }
    }
    let inputs = Locations.Inputs(
      dataDirFlag: options.dataDir, contentDirFlag: options.contentDir, environment: launch.environment,
      homeDirectory: launch.homeDirectory, executablePath: launch.executablePath,
      workingDirectory: launch.workingDirectory, sourceRoot: launch.sourceRoot,
      isDirectory: { path in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
      },
      isFile: { FileManager.default.fileExists(atPath: $0) })
    let dataDirectory = Locations.dataDirectory(inputs)
    let contentRoot = Locations.contentRoot(inputs).map(\.path)
    let interactive = launch.device.stdinIsTerminal && launch.device.stdoutIsTerminal && commandWords.isEmpty
    let colour = ColorPolicy.enabled(
      mode: options.color, stdoutIsTerminal: launch.device.stdoutIsTerminal, environment: launch.environment)
    let unicode = Terminal.TerminalDevice.setUpLocale()
    let cacheBase =
      launch.environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? launch.homeDirectory + "/.cache"
    let busyTimeout = launch.environment["FMLAB_BUSY_TIMEOUT"].flatMap(Double.init).map { max(0, min($0, 600)) } ?? 5
    let configuration = SessionConfiguration(
      appVersion: FmlabVersion.current, dataDirectory: dataDirectory, contentRoot: contentRoot,
      cacheDirectory: cacheBase + "/fmlab", pinnedNow: pinnedNow, seed: options.seed ?? launch.entropy,
      json: options.json, styler: Styler(enabled: colour, unicode: unicode), columns: launch.device.columns,
      busyTimeout: busyTimeout, buildID: buildID(launch.executablePath), workingDirectory: launch.workingDirectory)
    var sessionConfiguration = configuration
    sessionConfiguration.rows = launch.device.rows
    let session = Session(configuration: sessionConfiguration, clock: launch.clock, sink: sink)
    if launch.device.stdoutIsTerminal && !options.json { session.pager = launch.pager }
    let ids = ContentCompletionIDs.fromContent(
      root: try? contentRoot.get(), cacheDirectory: configuration.cacheDirectory, buildID: configuration.buildID)
    let completion = CommandCompletion(extra: ids.completers)
    if let status = rejectFileAsDataDir(dataDirectory, sink: sink, session: session) { return status }

    if !commandWords.isEmpty {
      session.reader = launch.makeReader(
        launch.device.stdinIsTerminal && launch.device.stdoutIsTerminal, nil, completion)
      return Dispatcher(session: session).run(words: commandWords).status
    }
    let reader = launch.makeReader(interactive, interactive ? dataDirectory + "/history" : nil, completion)
    if interactive { Interrupt.install() }
    if interactive {
      try? FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
    }
    return Repl(session: session, reader: reader, bail: options.bail).run()
  }

  /// The version plus the executable's size and modification time: a rebuilt binary gets a new id.
  static func buildID(_ executablePath: String?) -> String {
    guard let executablePath, let attributes = try? FileManager.default.attributesOfItem(atPath: executablePath),
      let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date
    else { return FmlabVersion.current }
    return "\(FmlabVersion.current)-\(size)-\(Int64(modified.timeIntervalSince1970 * 1000))"
  }

  /// A data directory that is a file is refused before anything runs.
  private static func rejectFileAsDataDir(_ path: String, sink: OutputSink, session: Session) -> ExitStatus? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
      return nil
    }
    let error = Store.StoreError.dataDirIsNotADirectory(path: path)
    session.emitError(error.message, status: error.exitStatus, command: nil)
    return error.exitStatus
  }
}
