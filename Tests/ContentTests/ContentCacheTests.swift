import Foundation
import TestSupport
import Testing

@testable import Content

/// The per-file parse cache: reused while files are unchanged, rebuilt when it cannot be trusted.
@Suite struct ContentCacheTests {
  /// A content root with two pages and a quiz file, and a cache file beside it.
  struct Scenario: ~Copyable {
    let root: String
    let cacheDirectory: String
    let cache: ContentCache

    init(buildID: String = "build-1") {
      root = Fixtures.contentRoot([
        "content/alpha.md": ContentSamples.page(id: "alpha", title: "Alpha"),
        "content/beta.md": ContentSamples.page(id: "beta", title: "Beta"),
        "quizzes/q.yaml": ContentSamples.quiz(id: "q-1"),
      ])
      cacheDirectory = Fixtures.temporaryDirectory("cache")
      cache = ContentCache(path: cacheDirectory + "/nested/content-cache.json", buildID: buildID)
    }

    deinit {
      Fixtures.remove(root)
      Fixtures.remove(cacheDirectory)
    }

    func load(cache: ContentCache? = nil) throws -> ContentSet {
      try ContentLoader(root: root, cache: cache ?? self.cache).load()
    }

    func title(of id: String, in set: ContentSet) -> String? { set.topic(id)?.title }

    /// Replaces the cached title of `alpha`, so a load that returns it provably used the cache.
    func plantCachedTitle(_ title: String, in cache: ContentCache? = nil) throws {
      let cache = cache ?? self.cache
      var snapshot = try #require(cache.read())
      var entry = try #require(snapshot.files["content/alpha.md"])
      entry.result.topics[0].title = title
      snapshot.files["content/alpha.md"] = entry
      cache.write(snapshot)
    }

    func setModificationDate(_ date: Date, of relativePath: String) throws {
      try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: root + "/" + relativePath)
    }
  }

  @Test func theFirstLoadParsesEveryFileAndWritesTheCache() throws {
    let scenario = Scenario()
    #expect(scenario.cache.read() == nil)
    let set = try scenario.load()
    #expect(set.findings == [])
    let snapshot = try #require(scenario.cache.read())
    #expect(snapshot.format == ContentCache.formatVersion)
    #expect(snapshot.buildID == "build-1")
    #expect(
      Set(snapshot.files.keys) == [
        "Resources/exam-guide.yaml", "content/alpha.md", "content/beta.md", "quizzes/q.yaml",
      ])
    for (relativePath, entry) in snapshot.files {
      let bytes = try #require(FileManager.default.contents(atPath: scenario.root + "/" + relativePath))
      #expect(entry.hash == FNV1a.hash(bytes))
      #expect(entry.size == Int64(bytes.count))
      #expect(entry.result == ParsedFile.parse(relativePath: relativePath, kind: entry.result.kind, bytes: bytes))
    }
  }

  @Test func aLoadFromTheCacheEqualsAFreshLoad() throws {
    let scenario = Scenario()
    let fresh = try scenario.load(cache: nil)
    _ = try scenario.load()
    let cached = try scenario.load()
    #expect(cached.topics == fresh.topics)
    #expect(cached.items == fresh.items)
    #expect(cached.guide == fresh.guide)
    #expect(cached.references == fresh.references)
    #expect(cached.findings == fresh.findings)
  }

  @Test func unchangedFilesAreServedFromTheCache() throws {
    let scenario = Scenario()
    _ = try scenario.load()
    try scenario.plantCachedTitle("From the cache")
    let set = try scenario.load()
    #expect(scenario.title(of: "alpha", in: set) == "From the cache")
    #expect(scenario.title(of: "beta", in: set) == "Beta")
  }

  @Test func anEditedFileIsParsedAgain() throws {
    let scenario = Scenario()
    _ = try scenario.load()
    try scenario.plantCachedTitle("From the cache")
    Fixtures.write(ContentSamples.page(id: "alpha", title: "Alpha, edited"), to: scenario.root + "/content/alpha.md")
    let set = try scenario.load()
    #expect(scenario.title(of: "alpha", in: set) == "Alpha, edited")
    let entry = try #require(scenario.cache.read()?.files["content/alpha.md"])
    #expect(entry.result.topics.first?.title == "Alpha, edited")
  }

  @Test func anEditThatKeepsTheSizeIsParsedAgain() throws {
    let scenario = Scenario()
    _ = try scenario.load()
    try scenario.plantCachedTitle("From the cache")
    Fixtures.write(ContentSamples.page(id: "alpha", title: "Alphz"), to: scenario.root + "/content/alpha.md")
    try scenario.setModificationDate(Date(timeIntervalSince1970: 1_000_000_000), of: "content/alpha.md")
    let set = try scenario.load()
    #expect(scenario.title(of: "alpha", in: set) == "Alphz")
  }

  @Test func aTouchedFileWithIdenticalBytesIsReusedByItsHash() throws {
    let scenario = Scenario()
    _ = try scenario.load()
    try scenario.plantCachedTitle("From the cache")
    try scenario.setModificationDate(Date(timeIntervalSince1970: 1_000_000_000), of: "content/alpha.md")
    let set = try scenario.load()
    #expect(scenario.title(of: "alpha", in: set) == "From the cache")
    let entry = try #require(scenario.cache.read()?.files["content/alpha.md"])
    #expect(entry.modified == 1_000_000_000 * 1_000_000_000)
    #expect(entry.result.topics.first?.title == "From the cache")
  }

  @Test func aDeletedFileIsDroppedFromTheResultAndTheCache() throws {
    let scenario = Scenario()
    _ = try scenario.load()
    Fixtures.remove(scenario.root + "/content/beta.md")
    let set = try scenario.load()
    #expect(set.topics.map(\.id) == ["alpha"])
    #expect(set.fileCount == 3)
    let snapshot = try #require(scenario.cache.read())
    #expect(snapshot.files["content/beta.md"] == nil)
    #expect(snapshot.files.count == 3)
  }

  @Test func aNewFileIsParsedAndAdded() throws {
    let scenario = Scenario()
    _ = try scenario.load()
    Fixtures.write(ContentSamples.page(id: "gamma"), to: scenario.root + "/content/gamma.md")
    let set = try scenario.load()
    #expect(set.topics.map(\.id).sorted() == ["alpha", "beta", "gamma"])
    #expect(scenario.cache.read()?.files["content/gamma.md"] != nil)
  }

  @Test func cachedFindingsAndCrossFileChecksSurviveAReload() throws {
    let scenario = Scenario()
    Fixtures.write(ContentSamples.page(id: "alpha"), to: scenario.root + "/content/copy.md")
    Fixtures.write("no front matter\n", to: scenario.root + "/content/broken.md")
    let expected = [
      "content/broken.md:1:1: error: a page must start with YAML front matter between '---' lines "
        + "(id, title, objectives, …)",
      "content/copy.md:2:5: error: duplicate topic id 'alpha'",
    ]
    #expect(try scenario.load().findings.map(\.summaryLine) == expected)
    try scenario.plantCachedTitle("From the cache")
    let second = try scenario.load()
    #expect(scenario.title(of: "alpha", in: second) == "From the cache")
    #expect(second.findings.map(\.summaryLine) == expected)
  }

  @Test(arguments: ["", "not json at all", "{\"format\": 2}", "[1, 2, 3]"])
  func aDamagedCacheFileIsIgnoredAndRebuilt(contents: String) throws {
    let scenario = Scenario()
    Fixtures.write(contents, to: scenario.cache.path)
    let set = try scenario.load()
    #expect(set.findings == [])
    #expect(scenario.title(of: "alpha", in: set) == "Alpha")
    #expect(try #require(scenario.cache.read()).files.count == 4)
  }

  @Test func aCacheFromAnotherBuildIsIgnoredAndRebuilt() throws {
    let scenario = Scenario(buildID: "old-build")
    _ = try scenario.load()
    try scenario.plantCachedTitle("Stale")
    let newCache = ContentCache(path: scenario.cache.path, buildID: "new-build")
    #expect(newCache.read() == nil)
    let set = try scenario.load(cache: newCache)
    #expect(scenario.title(of: "alpha", in: set) == "Alpha")
    #expect(try #require(newCache.read()).buildID == "new-build")
    #expect(scenario.cache.read() == nil)
  }

  @Test func aCacheInAnotherFormatIsIgnored() throws {
    let scenario = Scenario()
    _ = try scenario.load()
    try scenario.plantCachedTitle("Old format")
    var snapshot = try #require(scenario.cache.read())
    snapshot.format = ContentCache.formatVersion - 1
    try JSONEncoder().encode(snapshot).write(to: URL(fileURLWithPath: scenario.cache.path))
    #expect(scenario.cache.read() == nil)
    let set = try scenario.load()
    #expect(scenario.title(of: "alpha", in: set) == "Alpha")
  }

  @Test func anUnwritableCachePathDoesNotBreakLoading() throws {
    let scenario = Scenario()
    let blocker = scenario.cacheDirectory + "/a-file"
    Fixtures.write("I am a file, not a folder", to: blocker)
    let cache = ContentCache(path: blocker + "/cache.json", buildID: "build-1")
    let first = try scenario.load(cache: cache)
    let second = try scenario.load(cache: cache)
    #expect(first.findings == [])
    #expect(second.topics.map(\.id).sorted() == ["alpha", "beta"])
    #expect(cache.read() == nil)
  }

  @Test func aCacheDirectoryIsCreatedWhenMissing() throws {
    let scenario = Scenario()
    #expect(!FileManager.default.fileExists(atPath: scenario.cacheDirectory + "/nested"))
    _ = try scenario.load()
    #expect(FileManager.default.fileExists(atPath: scenario.cache.path))
  }

  @Test func anUnchangedLoadDoesNotRewriteTheCache() throws {
    let scenario = Scenario()
    _ = try scenario.load()
    let marker = Date(timeIntervalSince1970: 1_500_000_000)
    try FileManager.default.setAttributes([.modificationDate: marker], ofItemAtPath: scenario.cache.path)
    _ = try scenario.load()
    let attributes = try FileManager.default.attributesOfItem(atPath: scenario.cache.path)
    #expect(attributes[.modificationDate] as? Date == marker)
  }

  @Test(
    arguments: [
      (Data(), UInt64(0xcbf2_9ce4_8422_2325)),
      (Data("a".utf8), 0xaf63_dc4c_8601_ec8c),
      (Data("foobar".utf8), 0x8594_4171_f739_67e8),
    ] as [(Data, UInt64)])
  func fnv1aMatchesThePublishedTestVectors(data: Data, hash: UInt64) {
    #expect(FNV1a.hash(data) == hash)
  }
}
