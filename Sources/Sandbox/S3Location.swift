/// An `s3://bucket/key` address in the sandbox, checked the way the real API and S3 check it, and
/// so that no key can reach outside its bucket's folder (`..`, absolute paths, backslashes, NUL).
public struct S3Location: Sendable, Codable, Hashable, CustomStringConvertible {
  public var bucket: String
  /// The object key; empty for the bucket itself. A trailing `/` marks a prefix ("folder").
  public var key: String

  public init(bucket: String, key: String) {
    self.bucket = bucket
    self.key = key
  }

  public var description: String { "s3://\(bucket)/\(key)" }
  public var isPrefix: Bool { key.isEmpty || key.hasSuffix("/") }

  /// The location of `name` under this prefix.
  public func appending(_ name: String) -> S3Location {
    S3Location(bucket: bucket, key: (key.isEmpty || key.hasSuffix("/") ? key : key + "/") + name)
  }

  /// Parses `s3://bucket[/key]`, reporting what is wrong in the words S3 would use.
  public static func parse(_ text: String) throws(SandboxError) -> S3Location {
    guard text.hasPrefix("s3://") else {
      throw SandboxError.validation(
        "'\(clip(text))' is not an S3 URI: write s3://BUCKET/KEY (for example s3://my-bucket/train.jsonl)")
    }
    let rest = text.dropFirst(5)
    let bucket = String(rest.prefix { $0 != "/" })
    let key = rest.count > bucket.count ? String(rest.dropFirst(bucket.count + 1)) : ""
    try validateBucket(bucket)
    try validateKey(key)
    return S3Location(bucket: bucket, key: key)
  }

  /// Bucket names: 3–63 characters of lowercase letters, digits, dots and hyphens, starting and
  /// ending with a letter or digit (the API's `s3://[a-z0-9][-.a-z0-9]{1,61}[a-z0-9]`).
  public static func validateBucket(_ bucket: String) throws(SandboxError) {
    let scalars = Array(bucket.unicodeScalars)
    let allowed = scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
    let edgesOK =
      scalars.first.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) } == true
      && scalars.last.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) } == true
    guard (3...63).contains(scalars.count), allowed, edgesOK, !bucket.contains("..") else {
      throw SandboxError(
        .invalidBucketName,
        "'\(clip(bucket))' is not a valid bucket name: use 3–63 lowercase letters, digits, dots or hyphens, "
          + "starting and ending with a letter or digit")
    }
  }

  /// Keys: at most 1,024 bytes, no `.`/`..` segments, no leading `/`, no backslash or control characters.
  public static func validateKey(_ key: String) throws(SandboxError) {
    if key.utf8.count > 1024 {
      throw SandboxError(.invalidKey, "the key is \(key.utf8.count) bytes; S3 keys are at most 1,024 bytes")
    }
    if key.hasPrefix("/") {
      throw SandboxError(
        .invalidKey, "'\(clip(key))' starts with '/': write keys relative to the bucket (s3://BUCKET/KEY)")
    }
    if key.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) {
      throw SandboxError(.invalidKey, "the key contains a backslash or a control character; use '/' between folders")
    }
    let segments = key.split(separator: "/", omittingEmptySubsequences: false)
    if segments.contains(where: { $0 == ".." || $0 == "." }) {
      throw SandboxError(
        .invalidKey, "'\(clip(key))' contains a '.' or '..' segment; the sandbox keeps every key inside its bucket")
    }
    if segments.dropLast().contains(where: \.isEmpty) {
      throw SandboxError(.invalidKey, "'\(clip(key))' contains an empty folder name ('//')")
    }
  }

  static func clip(_ text: String) -> String {
    let clean = String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
    return clean.count > 60 ? String(clean.prefix(57)) + "…" : clean
  }
}

/// One object in a bucket listing.
public struct S3Object: Sendable, Codable, Equatable {
  public var key: String
  public var size: Int
  public init(key: String, size: Int) {
    self.key = key
    self.size = size
  }
}

/// Where the sandbox's S3 objects live. The executable stores them in files under the data
/// directory; tests use `InMemoryObjectStore`.
public protocol ObjectStore {
  func bucketExists(_ bucket: String) -> Bool
  func buckets() -> [String]
  func makeBucket(_ bucket: String) throws(SandboxError)
  func removeBucket(_ bucket: String) throws(SandboxError)
  /// The object's bytes, or nil when there is none.
  func read(_ location: S3Location) throws(SandboxError) -> [UInt8]?
  func size(_ location: S3Location) -> Int?
  func write(_ bytes: [UInt8], to location: S3Location) throws(SandboxError)
  func delete(_ location: S3Location) throws(SandboxError)
  /// Objects whose keys start with `prefix`, sorted by key.
  func list(bucket: String, prefix: String) throws(SandboxError) -> [S3Object]
}

extension ObjectStore {
  public func exists(_ location: S3Location) -> Bool { size(location) != nil }

  /// Writes text as UTF-8.
  public func write(text: String, to location: S3Location) throws(SandboxError) {
    try write(Array(text.utf8), to: location)
  }
}

/// An object store in memory, for tests and for simulations that must not touch the disk.
public final class InMemoryObjectStore: ObjectStore, @unchecked Sendable {
  private var objects: [String: [String: [UInt8]]] = [:]

  public init() {}

  public func bucketExists(_ bucket: String) -> Bool { objects[bucket] != nil }
  public func buckets() -> [String] { objects.keys.sorted() }

  public func makeBucket(_ bucket: String) throws(SandboxError) {
    try S3Location.validateBucket(bucket)
    if objects[bucket] != nil { throw SandboxError(.bucketAlreadyExists, "bucket '\(bucket)' already exists") }
    objects[bucket] = [:]
  }

  public func removeBucket(_ bucket: String) throws(SandboxError) {
    guard let contents = objects[bucket] else { throw Self.noBucket(bucket) }
    if !contents.isEmpty {
      throw SandboxError(.conflict, "bucket '\(bucket)' is not empty: remove its objects first")
    }
    objects[bucket] = nil
  }

  public func read(_ location: S3Location) throws(SandboxError) -> [UInt8]? {
    guard let bucket = objects[location.bucket] else { throw Self.noBucket(location.bucket) }
    return bucket[location.key]
  }

  public func size(_ location: S3Location) -> Int? { objects[location.bucket]?[location.key]?.count }

  public func write(_ bytes: [UInt8], to location: S3Location) throws(SandboxError) {
    guard objects[location.bucket] != nil else { throw Self.noBucket(location.bucket) }
    if location.isPrefix { throw SandboxError(.invalidKey, "\(location) names a folder; give an object key") }
    objects[location.bucket]![location.key] = bytes
  }

  public func delete(_ location: S3Location) throws(SandboxError) {
    guard objects[location.bucket] != nil else { throw Self.noBucket(location.bucket) }
    guard objects[location.bucket]![location.key] != nil else {
      throw SandboxError(.noSuchKey, "no object at \(location)")
    }
    objects[location.bucket]![location.key] = nil
  }

  public func list(bucket: String, prefix: String) throws(SandboxError) -> [S3Object] {
    guard let contents = objects[bucket] else { throw Self.noBucket(bucket) }
    return contents.filter { $0.key.hasPrefix(prefix) }.map { S3Object(key: $0.key, size: $0.value.count) }
      .sorted { $0.key < $1.key }
  }

  public static func noBucket(_ bucket: String) -> SandboxError {
    SandboxError(.noSuchBucket, "bucket '\(bucket)' does not exist: create it with 's3 mb s3://\(bucket)'")
  }
}
