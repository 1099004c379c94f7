/// Where fmlab keeps the learner's data and finds its content, resolved once at start-up.
///
/// Resolution is a pure function of what the caller observed (flags, environment, the
/// executable's path and which folders exist), so it is testable without touching a disk.
public struct Locations: Equatable, Sendable {
  public var dataDirectory: String
  public var contentRoot: String
  /// How the content root was chosen, for `doctor` and error messages.
  public var contentRootReason: String

  public init(dataDirectory: String, contentRoot: String, contentRootReason: String) {
    self.dataDirectory = dataDirectory
    self.contentRoot = contentRoot
    self.contentRootReason = contentRootReason
  }

  /// The progress database inside the data directory.
  public var databasePath: String { dataDirectory + "/progress.sqlite" }
  /// The REPL's line history inside the data directory.
  public var historyPath: String { dataDirectory + "/history" }

  /// Everything resolution may look at, gathered by the executable.
  public struct Inputs: Sendable {
    public var dataDirFlag: String?
    public var contentDirFlag: String?
    public var environment: [String: String]
    public var homeDirectory: String
    public var executablePath: String?
    public var workingDirectory: String
    public var sourceRoot: String?
    public var isDirectory: @Sendable (String) -> Bool
    public var isFile: @Sendable (String) -> Bool

    public init(
      dataDirFlag: String? = nil, contentDirFlag: String? = nil, environment: [String: String],
      homeDirectory: String, executablePath: String?, workingDirectory: String, sourceRoot: String?,
      isDirectory: @escaping @Sendable (String) -> Bool, isFile: @escaping @Sendable (String) -> Bool
    ) {
      self.dataDirFlag = dataDirFlag
      self.contentDirFlag = contentDirFlag
      self.environment = environment
      self.homeDirectory = homeDirectory
      self.executablePath = executablePath
      self.workingDirectory = workingDirectory
      self.sourceRoot = sourceRoot
      self.isDirectory = isDirectory
      self.isFile = isFile
    }
  }

  /// The data directory: `--data-dir`, else `FMLAB_DATA_DIR`, else `$XDG_DATA_HOME/fmlab`,
  /// else `~/.local/share/fmlab`. Relative paths are taken from the working directory.
  public static func dataDirectory(_ inputs: Inputs) -> String {
    let env = inputs.environment
    let chosen: String
    if let flag = inputs.dataDirFlag, !flag.isEmpty {
      chosen = flag
    } else if let fromEnv = env["FMLAB_DATA_DIR"], !fromEnv.isEmpty {
      chosen = fromEnv
    } else if let xdg = env["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      chosen = xdg + "/fmlab"
    } else {
      chosen = inputs.homeDirectory + "/.local/share/fmlab"
    }
    return absolute(expandTilde(chosen, home: inputs.homeDirectory), from: inputs.workingDirectory)
  }

  /// The content root (the folder holding `content/`, `quizzes/` and `Resources/`), first match wins:
  /// `--content-dir`, `FMLAB_CONTENT_DIR`, a source checkout above the executable, an installed
  /// `<prefix>/share/fmlab`, the checkout the binary was built from.
  /// Returns the paths tried when none exists.
  public static func contentRoot(_ inputs: Inputs) -> Result<(path: String, reason: String), ContentRootNotFound> {
    let home = inputs.homeDirectory
    let cwd = inputs.workingDirectory
    if let flag = inputs.contentDirFlag, !flag.isEmpty {
      let path = absolute(expandTilde(flag, home: home), from: cwd)
      return inputs.isDirectory(path)
        ? .success((path, "--content-dir")) : .failure(ContentRootNotFound(tried: [path + " (--content-dir)"]))
    }
    if let fromEnv = inputs.environment["FMLAB_CONTENT_DIR"], !fromEnv.isEmpty {
      let path = absolute(expandTilde(fromEnv, home: home), from: cwd)
      return inputs.isDirectory(path)
        ? .success((path, "FMLAB_CONTENT_DIR"))
        : .failure(ContentRootNotFound(tried: [path + " (FMLAB_CONTENT_DIR)"]))
    }
    var tried: [String] = []
    if let exe = inputs.executablePath {
      var dir = parent(of: exe)
      while dir != "/" && !dir.isEmpty {
        if inputs.isFile(dir + "/Package.swift") && inputs.isDirectory(dir + "/content") {
          return .success((dir, "source checkout above the executable"))
        }
        dir = parent(of: dir)
      }
      tried.append("every folder above \(exe) (none holds Package.swift and content/)")
      let installed = parent(of: parent(of: exe)) + "/share/fmlab"
      if inputs.isDirectory(installed + "/content") { return .success((installed, "installed share/fmlab")) }
      tried.append(installed)
    }
    if let source = inputs.sourceRoot {
      if inputs.isDirectory(source + "/content") { return .success((source, "build checkout")) }
      tried.append(source)
    }
    return .failure(ContentRootNotFound(tried: tried))
  }

  public struct ContentRootNotFound: Error, Equatable, Sendable {
    public var tried: [String]
  }

  static func expandTilde(_ path: String, home: String) -> String {
    if path == "~" { return home }
    if path.hasPrefix("~/") { return home + path.dropFirst() }
    return path
  }

  static func absolute(_ path: String, from cwd: String) -> String {
    let joined = path.hasPrefix("/") ? path : (cwd.hasSuffix("/") ? cwd + path : cwd + "/" + path)
    var parts: [Substring] = []
    for part in joined.split(separator: "/") {
      if part == "." { continue }
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    let result = String(path[..<slash])
    return result.isEmpty ? "/" : result
  }
}
