import Foundation
import PropertyBased
import Sandbox
import Testing

/// `s3://` addresses: parsed as the API and S3 check them, and never able to leave their bucket.
@Suite("S3 locations")
struct S3LocationTests {
  @Test("s3://bucket/key parses into its bucket and key")
  func parsesBucketAndKey() throws {
    let location = try S3Location.parse("s3://my-bucket/data/train.jsonl")
    #expect(location.bucket == "my-bucket")
    #expect(location.key == "data/train.jsonl")
    #expect(!location.isPrefix)
    #expect(location.description == "s3://my-bucket/data/train.jsonl")
  }

  @Test("a bucket alone or a key ending in '/' is a prefix")
  func bucketAndFolderArePrefixes() throws {
    let bucket = try S3Location.parse("s3://my-bucket")
    #expect(bucket.bucket == "my-bucket")
    #expect(bucket.key == "")
    #expect(bucket.isPrefix)
    let folder = try S3Location.parse("s3://my-bucket/jobs/")
    #expect(folder.key == "jobs/")
    #expect(folder.isPrefix)
    #expect(folder.appending("a.csv").key == "jobs/a.csv")
    #expect(S3Location(bucket: "my-bucket", key: "jobs").appending("a.csv").key == "jobs/a.csv")
  }

  @Test("text that isn't an s3:// URI is a ValidationException")
  func rejectsOtherSchemes() {
    for text in ["https://my-bucket/k", "my-bucket/k", "S3://my-bucket/k", ""] {
      let error = sandboxError { try S3Location.parse(text) }
      #expect(error?.name == .validation, "\(text)")
      #expect(error?.message.contains("not an S3 URI") == true, "\(text)")
    }
  }

  @Test(
    "keys that climb out of the bucket or hide characters are rejected",
    arguments: [
      "../secret", "data/../../etc/passwd", "data/..", "./train.jsonl", "data/./train.jsonl", "/absolute/key",
      "data\\train.jsonl", "data/\u{0}train", "data/tr\u{1B}[31main", "line\nbreak", "del\u{7F}", "data//train.jsonl",
    ])
  func rejectsUnsafeKeys(key: String) {
    let error = sandboxError { try S3Location.validateKey(key) }
    #expect(error?.name == .invalidKey)
    let parsed = sandboxError { try S3Location.parse("s3://my-bucket/" + key) }
    #expect(parsed?.name == .invalidKey)
  }

  @Test("'//' right after the bucket is an absolute key and is rejected")
  func rejectsDoubleSlashAfterBucket() {
    let error = sandboxError { try S3Location.parse("s3://my-bucket//k") }
    #expect(error?.name == .invalidKey)
    #expect(error?.message.contains("starts with '/'") == true)
  }

  @Test("dots inside names are fine: only whole '.' and '..' segments are refused")
  func acceptsDotsInsideNames() throws {
    for key in ["a..b/c", ".hidden", "v1.2/train.jsonl", "...", "data/file..jsonl", "folder/"] {
      #expect(throws: Never.self, "\(key)") { try S3Location.validateKey(key) }
    }
  }

  @Test("keys are at most 1,024 bytes, counted in UTF-8")
  func limitsKeyLength() {
    #expect(throws: Never.self) { try S3Location.validateKey(String(repeating: "k", count: 1_024)) }
    let long = sandboxError { try S3Location.validateKey(String(repeating: "k", count: 1_025)) }
    #expect(long?.name == .invalidKey)
    #expect(long?.message.contains("1,024") == true)
    // 513 × "é" is only 513 characters but 1,026 bytes.
    let wide = sandboxError { try S3Location.validateKey(String(repeating: "é", count: 513)) }
    #expect(wide?.name == .invalidKey)
  }

  @Test(
    "bucket names follow S3's rules",
    arguments: [
      "My-Bucket", "ab", ".bucket", "bucket.", "-bucket", "bucket-", "my..bucket", "my_bucket", "my bucket",
      String(repeating: "a", count: 64), "",
    ])
  func rejectsBadBucketNames(bucket: String) {
    let error = sandboxError { try S3Location.validateBucket(bucket) }
    #expect(error?.name == .invalidBucketName)
    #expect(error?.message.contains("not a valid bucket name") == true)
  }

  @Test("good bucket names pass, from 3 to 63 characters")
  func acceptsGoodBucketNames() {
    for bucket in ["abc", "my-bucket", "my.bucket.2026", "0data", String(repeating: "a", count: 63)] {
      #expect(throws: Never.self, "\(bucket)") { try S3Location.validateBucket(bucket) }
    }
  }

  @Test("the in-memory store checks bucket names and keeps objects per bucket")
  func inMemoryStoreBehavesLikeS3() throws {
    let store = InMemoryObjectStore()
    #expect(sandboxError { try store.makeBucket("Bad_Bucket") }?.name == .invalidBucketName)
    try store.makeBucket("my-bucket")
    #expect(sandboxError { try store.makeBucket("my-bucket") }?.name == .bucketAlreadyExists)
    let location = try S3Location.parse("s3://my-bucket/a/b.txt")
    try store.write(text: "hello", to: location)
    #expect(store.size(location) == 5)
    #expect(try store.read(location) == Array("hello".utf8))
    #expect(try store.read(S3Location.parse("s3://my-bucket/a/c.txt")) == nil)
    #expect(sandboxError { try store.read(S3Location(bucket: "other-bucket", key: "x")) }?.name == .noSuchBucket)
    #expect(sandboxError { try store.write(text: "x", to: S3Location.parse("s3://my-bucket/a/")) }?.name == .invalidKey)
    #expect(try store.list(bucket: "my-bucket", prefix: "a/").map(\.key) == ["a/b.txt"])
    #expect(sandboxError { try store.removeBucket("my-bucket") }?.name == .conflict)
    try store.delete(location)
    #expect(sandboxError { try store.delete(location) }?.name == .noSuchKey)
    try store.removeBucket("my-bucket")
    #expect(!store.bucketExists("my-bucket"))
  }

  /// Characters that make keys interesting: separators, dots, backslash, a control character.
  static let keyCharacter = Gen<Character?>.element(of: Array("ab./\\\u{0}é") as [Character]).map { $0! }

  @Test("any key validateKey accepts has no '..' or '.' segment, no leading '/', no backslash or control character")
  func acceptedKeysStayInsideTheBucket() async {
    await propertyCheck(count: 1_000, input: Self.keyCharacter.string(of: 0...16)) { key in
      guard (try? S3Location.validateKey(key)) != nil else { return }
      let segments = key.split(separator: "/", omittingEmptySubsequences: false)
      #expect(!segments.contains(".."), "\(key.debugDescription)")
      #expect(!segments.contains("."), "\(key.debugDescription)")
      #expect(!key.hasPrefix("/"), "\(key.debugDescription)")
      #expect(!key.contains("\\"), "\(key.debugDescription)")
      #expect(!key.unicodeScalars.contains { $0.value < 0x20 }, "\(key.debugDescription)")
    }
  }

  @Test("parse and description round-trip for every accepted key")
  func parseRoundTrips() async {
    await propertyCheck(count: 500, input: Self.keyCharacter.string(of: 0...16)) { key in
      guard let location = try? S3Location.parse("s3://my-bucket/" + key) else { return }
      #expect(location.key == key)
      #expect((try? S3Location.parse(location.description)) == location)
    }
  }
}
