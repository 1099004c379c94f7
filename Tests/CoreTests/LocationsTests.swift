import Testing

@testable import Core

@Suite struct LocationsTests {
  /// Inputs over an imaginary file system holding exactly `directories` and `files`.
  static func inputs(
    dataDir: String? = nil, contentDir: String? = nil, environment: [String: String] = [:],
    executable: String? = "/opt/fmlab/bin/fmlab", cwd: String = "/home/ada/work", sourceRoot: String? = nil,
    directories: Set<String> = [], files: Set<String> = []
  ) -> Locations.Inputs {
    Locations.Inputs(
      dataDirFlag: dataDir, contentDirFlag: contentDir, environment: environment, homeDirectory: "/home/ada",
      executablePath: executable, workingDirectory: cwd, sourceRoot: sourceRoot,
      isDirectory: { directories.contains($0) }, isFile: { files.contains($0) })
  }

  // MARK: Data directory

  @Test func dataDirFlagWinsOverEverything() {
    let inputs = Self.inputs(
      dataDir: "/flag", environment: ["FMLAB_DATA_DIR": "/env", "XDG_DATA_HOME": "/xdg"])
    #expect(Locations.dataDirectory(inputs) == "/flag")
  }

  @Test func fmlabDataDirWinsOverXDG() {
    let inputs = Self.inputs(environment: ["FMLAB_DATA_DIR": "/env", "XDG_DATA_HOME": "/xdg"])
    #expect(Locations.dataDirectory(inputs) == "/env")
  }

  @Test func xdgDataHomeGetsAnFmlabSubfolder() {
    #expect(Locations.dataDirectory(Self.inputs(environment: ["XDG_DATA_HOME": "/xdg"])) == "/xdg/fmlab")
  }

  @Test func defaultIsUnderDotLocalShare() {
    #expect(Locations.dataDirectory(Self.inputs()) == "/home/ada/.local/share/fmlab")
  }

  @Test(arguments: [
    [String: String](), ["FMLAB_DATA_DIR": ""], ["XDG_DATA_HOME": ""], ["XDG_DATA_HOME": "relative/xdg"],
    ["FMLAB_DATA_DIR": "", "XDG_DATA_HOME": "xdg"],
  ])
  func emptyValuesAndARelativeXDGDataHomeAreIgnored(environment: [String: String]) {
    #expect(Locations.dataDirectory(Self.inputs(environment: environment)) == "/home/ada/.local/share/fmlab")
  }

  @Test func anEmptyFlagFallsThroughToTheEnvironment() {
    #expect(Locations.dataDirectory(Self.inputs(dataDir: "", environment: ["FMLAB_DATA_DIR": "/env"])) == "/env")
  }

  @Test(arguments: [
    ("data", "/home/ada/work/data"),
    ("./data", "/home/ada/work/data"),
    ("../data", "/home/ada/data"),
    ("../../../../data", "/data"),
    ("~", "/home/ada"),
    ("~/fm", "/home/ada/fm"),
    ("~other/fm", "/home/ada/work/~other/fm"),
    ("/a/./b/../c/", "/a/c"),
    ("/a//b", "/a/b"),
    ("/", "/"),
    ("~/x/../y", "/home/ada/y"),
  ])
  func pathsAreMadeAbsoluteAndNormalised(flag: String, expected: String) {
    #expect(Locations.dataDirectory(Self.inputs(dataDir: flag)) == expected)
    #expect(Locations.dataDirectory(Self.inputs(environment: ["FMLAB_DATA_DIR": flag])) == expected)
  }

  @Test func aWorkingDirectoryWithATrailingSlashJoinsCleanly() {
    #expect(Locations.dataDirectory(Self.inputs(dataDir: "d", cwd: "/w/")) == "/w/d")
    #expect(Locations.dataDirectory(Self.inputs(dataDir: "d", cwd: "/")) == "/d")
  }

  @Test func databaseAndHistoryLiveInTheDataDirectory() {
    let locations = Locations(dataDirectory: "/d", contentRoot: "/c", contentRootReason: "test")
    #expect(locations.databasePath == "/d/progress.sqlite")
    #expect(locations.historyPath == "/d/history")
  }

  // MARK: Content root

  @Test func contentDirFlagWinsWhenItExists() throws {
    let inputs = Self.inputs(
      contentDir: "../content-root", environment: ["FMLAB_CONTENT_DIR": "/env"], sourceRoot: "/src",
      directories: ["/home/ada/content-root", "/env", "/src/content"])
    let found = try Locations.contentRoot(inputs).get()
    #expect(found.path == "/home/ada/content-root")
    #expect(found.reason == "--content-dir")
  }

  @Test func aMissingContentDirFlagFailsWithoutFallingBack() {
    let inputs = Self.inputs(
      contentDir: "~/nowhere", environment: ["FMLAB_CONTENT_DIR": "/env"], sourceRoot: "/src",
      directories: ["/env", "/src/content"])
    #expect(throws: Locations.ContentRootNotFound(tried: ["/home/ada/nowhere (--content-dir)"])) {
      try Locations.contentRoot(inputs).get()
    }
  }

  @Test func environmentWinsOverDiscovery() throws {
    let inputs = Self.inputs(
      environment: ["FMLAB_CONTENT_DIR": "~/c"], sourceRoot: "/src", directories: ["/home/ada/c", "/src/content"])
    let found = try Locations.contentRoot(inputs).get()
    #expect(found.path == "/home/ada/c")
    #expect(found.reason == "FMLAB_CONTENT_DIR")
  }

  @Test func aMissingEnvironmentDirectoryFailsWithoutFallingBack() {
    let inputs = Self.inputs(
      environment: ["FMLAB_CONTENT_DIR": "rel"], sourceRoot: "/src", directories: ["/src/content"])
    #expect(throws: Locations.ContentRootNotFound(tried: ["/home/ada/work/rel (FMLAB_CONTENT_DIR)"])) {
      try Locations.contentRoot(inputs).get()
    }
  }

  @Test func anEmptyEnvironmentValueIsIgnored() throws {
    let inputs = Self.inputs(
      contentDir: "", environment: ["FMLAB_CONTENT_DIR": ""], sourceRoot: "/src", directories: ["/src/content"])
    #expect(try Locations.contentRoot(inputs).get().path == "/src")
  }

  @Test func aSourceCheckoutAboveTheExecutableIsFound() throws {
    let inputs = Self.inputs(
      executable: "/repo/.build/debug/fmlab", sourceRoot: "/src", directories: ["/repo/content", "/src/content"],
      files: ["/repo/Package.swift"])
    let found = try Locations.contentRoot(inputs).get()
    #expect(found.path == "/repo")
    #expect(found.reason == "source checkout above the executable")
  }

  @Test func theNearestCheckoutAboveTheExecutableWins() throws {
    let inputs = Self.inputs(
      executable: "/outer/inner/.build/fmlab", directories: ["/outer/content", "/outer/inner/content"],
      files: ["/outer/Package.swift", "/outer/inner/Package.swift"])
    #expect(try Locations.contentRoot(inputs).get().path == "/outer/inner")
  }

  @Test func aFolderNeedsBothPackageSwiftAndContent() throws {
    let inputs = Self.inputs(
      executable: "/a/b/c/fmlab", sourceRoot: "/src",
      directories: ["/a/b/content", "/src/content"], files: ["/a/b/c/Package.swift"])
    #expect(try Locations.contentRoot(inputs).get().reason == "build checkout")
  }

  @Test func anInstalledShareFolderIsFound() throws {
    let inputs = Self.inputs(
      executable: "/usr/local/bin/fmlab", sourceRoot: "/src",
      directories: ["/usr/local/share/fmlab/content", "/src/content"])
    let found = try Locations.contentRoot(inputs).get()
    #expect(found.path == "/usr/local/share/fmlab")
    #expect(found.reason == "installed share/fmlab")
  }

  @Test func theBuildCheckoutIsTheLastResort() throws {
    let inputs = Self.inputs(sourceRoot: "/src", directories: ["/src/content"])
    let found = try Locations.contentRoot(inputs).get()
    #expect(found.path == "/src")
    #expect(found.reason == "build checkout")
  }

  @Test func whenNothingExistsEveryPlaceTriedIsListed() {
    let inputs = Self.inputs(executable: "/opt/fmlab/bin/fmlab", sourceRoot: "/src")
    #expect(
      throws: Locations.ContentRootNotFound(tried: [
        "every folder above /opt/fmlab/bin/fmlab (none holds Package.swift and content/)",
        "/opt/fmlab/share/fmlab",
        "/src",
      ])
    ) {
      try Locations.contentRoot(inputs).get()
    }
  }

  @Test func withoutExecutableOrSourceRootNothingIsTried() {
    let inputs = Self.inputs(executable: nil, sourceRoot: nil)
    #expect(throws: Locations.ContentRootNotFound(tried: [])) { try Locations.contentRoot(inputs).get() }
  }

  @Test func theWalkUpChecksEveryAncestorBelowTheRoot() {
    let asked = AskedPaths()
    let inputs = Locations.Inputs(
      environment: [:], homeDirectory: "/h", executablePath: "/a/b/c/fmlab", workingDirectory: "/",
      sourceRoot: nil, isDirectory: { _ in false }, isFile: { asked.record($0) })
    _ = Locations.contentRoot(inputs)
    #expect(asked.paths == ["/a/b/c/Package.swift", "/a/b/Package.swift", "/a/Package.swift"])
  }

  @Test(arguments: [("/a/b", "/a"), ("/a", "/"), ("/", "/"), ("a", "")])
  func parentOfAPath(path: String, parent: String) {
    #expect(Locations.parent(of: path) == parent)
  }
}

/// Records the paths a resolution asked about (resolution is synchronous, so no lock is needed
/// beyond what makes the type `Sendable`).
final class AskedPaths: @unchecked Sendable {
  private(set) var paths: [String] = []
  func record(_ path: String) -> Bool {
    paths.append(path)
    return false
  }
}
