import Foundation
import PropertyBased
import TestSupport
import Testing
import ZIPFoundation

@testable import Anki

/// The central-directory check that runs before ZIPFoundation walks a package (it traps on ZIP64 offsets past
/// Int64.max): archives ZIPFoundation writes pass, a ZIP64 marker in any record it would read is refused, and the
/// walk ends where ZIPFoundation's does.
@Suite struct ZipDirectoryCheckTests {
  /// A zip written by ZIPFoundation holding `contents` as entries named `name0`, `name1`, … (deflated when
  /// `deflate`), with its bytes.
  static func archive(_ contents: [Data], deflate: Bool, in directory: String) throws -> (URL, Data) {
    let url = URL(fileURLWithPath: directory + "/test-\(UUID().uuidString.prefix(6)).zip")
    let archive = try Archive(url: url, accessMode: .create)
    for (index, data) in contents.enumerated() {
      try archive.addEntry(
        with: "name\(index)", type: .file, uncompressedSize: Int64(data.count),
        compressionMethod: deflate ? .deflate : .none,
        provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    return (url, try Data(contentsOf: url))
  }

  /// The check run over `bytes` as ZIPFoundation sees them (the directory's start and count from its end record).
  static func problem(_ bytes: Data, at url: URL, limit: Int = 100) throws -> String? {
    try bytes.write(to: url)
    let directory = try #require(ZipDirectoryCheck.centralDirectory(of: try Archive(url: url, accessMode: .read)))
    return ZipDirectoryCheck.problem(
      start: directory.start, entries: directory.entries, limit: limit, fileLength: UInt64(bytes.count)
    ) { offset, count in
      offset < UInt64(bytes.count) ? bytes.subdata(in: Int(offset)..<min(Int(offset) + count, bytes.count)) : Data()
    }
  }

  /// The byte offsets of the central-directory records in `bytes`, in order.
  static func recordOffsets(_ bytes: Data) -> [Int] {
    let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
    return (0..<max(0, bytes.count - 3)).filter { Array(bytes[$0..<$0 + 4]) == signature }
  }

  static func setMarker(_ bytes: inout Data, record: Int, field: Int) {
    bytes.replaceSubrange(record + field..<record + field + 4, with: [0xFF, 0xFF, 0xFF, 0xFF])
  }

  @Test("the directory's start and count are read from the end record ZIPFoundation parsed")
  func centralDirectoryIsTheOneZIPFoundationParsed() throws {
    let directory = Fixtures.temporaryDirectory("zip-check")
    defer { Fixtures.remove(directory) }
    let (url, bytes) = try Self.archive([Data("a".utf8), Data("bb".utf8), Data()], deflate: true, in: directory)
    let found = try #require(ZipDirectoryCheck.centralDirectory(of: try Archive(url: url, accessMode: .read)))
    #expect(found.entries == 3)
    #expect(Int(found.start) == Self.recordOffsets(bytes).first)
  }

  @Test(
    "a ZIP64 marker in a record's compressed size, size or local-header offset is refused, naming the record",
    arguments: [20, 24, 42])
  func zip64MarkerIsRefused(field: Int) throws {
    let directory = Fixtures.temporaryDirectory("zip-check")
    defer { Fixtures.remove(directory) }
    var (url, bytes) = try Self.archive(
      [Data("one".utf8), Data("two".utf8), Data("three".utf8)], deflate: false, in: directory)
    #expect(try Self.problem(bytes, at: url) == nil)
    Self.setMarker(&bytes, record: Self.recordOffsets(bytes)[1], field: field)
    let problem = try #require(try Self.problem(bytes, at: url))
    #expect(problem.contains("entry 2") && problem.contains("ZIP64"), Comment(rawValue: problem))
  }

  @Test("records past the limit, or past one without the signature, are not read (ZIPFoundation stops there too)")
  func walkEndsWhereZIPFoundationsDoes() throws {
    let directory = Fixtures.temporaryDirectory("zip-check")
    defer { Fixtures.remove(directory) }
    var (url, bytes) = try Self.archive([Data("a".utf8), Data("b".utf8)], deflate: false, in: directory)
    let records = Self.recordOffsets(bytes)
    Self.setMarker(&bytes, record: records[1], field: 42)
    #expect(try Self.problem(bytes, at: url, limit: 1) == nil)
    #expect(try Self.problem(bytes, at: url, limit: 2) != nil)
    bytes[records[0]] = 0x00  // The first record loses its signature: ZIPFoundation lists no entry.
    #expect(try Self.problem(bytes, at: url, limit: 2) == nil)
  }

  @Test("a central directory said to start past the end of the file is refused")
  func startPastTheEnd() {
    for start in [UInt64(101), UInt64(Int64.max) + 1, .max] {
      let problem = ZipDirectoryCheck.problem(start: start, entries: 1, limit: 10, fileLength: 100) { _, _ in
        Issue.record("read at \(start)")
        return nil
      }
      #expect(problem?.contains("past the end") == true, Comment(rawValue: "start \(start): \(problem ?? "nil")"))
    }
  }

  @Test("any archive ZIPFoundation writes passes the check and reads back entry for entry")
  func writtenArchivesPass() async {
    let directory = Fixtures.temporaryDirectory("zip-check")
    defer { Fixtures.remove(directory) }
    let contents = Gen.uint8().array(of: 0...300).map { Data($0) }.array(of: 1...6)
    await propertyCheck(count: 40, input: contents, Gen.bool()) { contents, deflate in
      let (url, bytes) = try! Self.archive(contents, deflate: deflate, in: directory)
      #expect(try! Self.problem(bytes, at: url) == nil)
      let archive = try! Archive(url: url, accessMode: .read)
      #expect(archive.map(\.path) == contents.indices.map { "name\($0)" })
    }
  }
}
