import Foundation
import Sandbox

/// The sandbox's S3 buckets as folders under the data directory (`sandbox/s3/BUCKET/KEY`).
/// Keys are checked by `S3Location` before they get here; this store also refuses any path that
/// would resolve outside its root, and writes objects atomically (temporary file, then rename).
struct FileObjectStore: ObjectStore {
  let root: URL

  init(root: String) {
    self.root = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
  }

  private var fileManager: FileManager { .default }

  func bucketURL(_ bucket: String) -> URL { root.appendingPathComponent(bucket, isDirectory: true) }

  /// The file for a key, refusing anything that leaves the bucket folder.
  func url(_ location: S3Location) throws(SandboxError) -> URL {
    try S3Location.validateBucket(location.bucket)
    try S3Location.validateKey(location.key)
    let bucket = bucketURL(location.bucket).standardizedFileURL
    let url = bucket.appendingPathComponent(location.key).standardizedFileURL
    guard url.path.hasPrefix(bucket.path + "/") else {
      throw SandboxError(.invalidKey, "\(location) resolves outside its bucket; the sandbox refuses it")
    }
    return url
  }

  func bucketExists(_ bucket: String) -> Bool {
    var isDirectory: ObjCBool = false
    return (try? S3Location.validateBucket(bucket)) != nil
      && fileManager.fileExists(atPath: bucketURL(bucket).path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  func buckets() -> [String] {
    ((try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []).filter(bucketExists).sorted()
  }

  func makeBucket(_ bucket: String) throws(SandboxError) {
    try S3Location.validateBucket(bucket)
    if bucketExists(bucket) { throw SandboxError(.bucketAlreadyExists, "bucket '\(bucket)' already exists") }
    do {
      try fileManager.createDirectory(at: bucketURL(bucket), withIntermediateDirectories: true)
    } catch {
      throw SandboxError(
        .validation, "could not create bucket folder \(bucketURL(bucket).path): \(error.localizedDescription)")
    }
  }

  func removeBucket(_ bucket: String) throws(SandboxError) {
    guard bucketExists(bucket) else { throw InMemoryObjectStore.noBucket(bucket) }
    if !((try? list(bucket: bucket, prefix: "")) ?? []).isEmpty {
      throw SandboxError(.conflict, "bucket '\(bucket)' is not empty: remove its objects first (s3 rm)")
    }
    try? fileManager.removeItem(at: bucketURL(bucket))
  }

  func read(_ location: S3Location) throws(SandboxError) -> [UInt8]? {
    guard bucketExists(location.bucket) else { throw InMemoryObjectStore.noBucket(location.bucket) }
    let url = try url(location)
    guard let data = fileManager.contents(atPath: url.path), !isDirectory(url) else { return nil }
    return Array(data)
  }

  func size(_ location: S3Location) -> Int? {
    guard let url = try? url(location), !isDirectory(url),
      let attributes = try? fileManager.attributesOfItem(atPath: url.path)
    else { return nil }
    return (attributes[.size] as? NSNumber)?.intValue
  }

  func write(_ bytes: [UInt8], to location: S3Location) throws(SandboxError) {
    guard bucketExists(location.bucket) else { throw InMemoryObjectStore.noBucket(location.bucket) }
    if location.isPrefix { throw SandboxError(.invalidKey, "\(location) names a folder; give an object key") }
    let url = try url(location)
    do {
      try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url, options: .atomic)
    } catch {
      throw SandboxError(.validation, "could not write \(location): \(error.localizedDescription)")
    }
  }

  /// Copies a local file in without reading it whole into memory twice.
  func upload(file: String, to location: S3Location) throws(SandboxError) -> Int {
    guard bucketExists(location.bucket) else { throw InMemoryObjectStore.noBucket(location.bucket) }
    let url = try url(location)
    do {
      try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      let temporary = url.deletingLastPathComponent().appendingPathComponent(".upload-\(UUID().uuidString)")
      try fileManager.copyItem(atPath: file, toPath: temporary.path)
      guard rename(temporary.path, url.path) == 0 else {
        try? fileManager.removeItem(at: temporary)
        throw CocoaError(.fileWriteUnknown)
      }
    } catch {
      throw SandboxError(.validation, "could not upload \(file) to \(location): \(error.localizedDescription)")
    }
    return size(location) ?? 0
  }

  func delete(_ location: S3Location) throws(SandboxError) {
    guard bucketExists(location.bucket) else { throw InMemoryObjectStore.noBucket(location.bucket) }
    let url = try url(location)
    guard fileManager.fileExists(atPath: url.path), !isDirectory(url) else {
      throw SandboxError(.noSuchKey, "no object at \(location)")
    }
    try? fileManager.removeItem(at: url)
  }

  func list(bucket: String, prefix: String) throws(SandboxError) -> [S3Object] {
    guard bucketExists(bucket) else { throw InMemoryObjectStore.noBucket(bucket) }
    let base = bucketURL(bucket).standardizedFileURL
    guard
      let enumerator = fileManager.enumerator(at: base, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
    else { return [] }
    var objects: [S3Object] = []
    for case let url as URL in enumerator {
      let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
      guard values?.isRegularFile == true else { continue }
      let key = String(url.standardizedFileURL.path.dropFirst(base.path.count + 1))
      if key.hasPrefix(".upload-") || key.contains("/.upload-") { continue }
      if key.hasPrefix(prefix) { objects.append(S3Object(key: key, size: values?.fileSize ?? 0)) }
    }
    return objects.sorted { $0.key < $1.key }
  }

  private func isDirectory(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
  }
}
