import Foundation
import Testing

@testable import Terminal

/// Feeds bytes through a pipe to a `PlainLineReader`, as a script on stdin would.
func reader(for bytes: [UInt8], maximumLineBytes: Int = PlainLineReader.defaultMaximumLineBytes) -> PlainLineReader {
  let pipe = Pipe()
  let handle = pipe.fileHandleForWriting
  let data = Data(bytes)
  Thread.detachNewThread {
    handle.write(data)
    try? handle.close()
  }
  // dup: the reader keeps its own descriptor after the Pipe object (and its handles) are released.
  return PlainLineReader(descriptor: dup(pipe.fileHandleForReading.fileDescriptor), maximumLineBytes: maximumLineBytes)
}

func readAll(_ reader: PlainLineReader) -> [LineReadResult] {
  var results: [LineReadResult] = []
  while true {
    let result = reader.readLine(prompt: "")
    if result == .endOfInput { return results }
    results.append(result)
  }
}

@Suite struct PlainLineReaderTests {
  @Test func splitsLinesAndDropsCarriageReturns() {
    let results = readAll(reader(for: Array("help\r\nsettings\n\nlast".utf8)))
    #expect(results == [.line("help"), .line("settings"), .line(""), .line("last")])
  }

  @Test func emptyInput_isEndOfInputAtOnce() {
    #expect(reader(for: []).readLine(prompt: "") == .endOfInput)
  }

  @Test func invalidUTF8_rejectsOnlyThatLineAndNamesTheByte() {
    let bytes: [UInt8] = Array("ok\n".utf8) + [0x68, 0xC3, 0x28, 0x0A] + Array("after\n".utf8)
    let results = readAll(reader(for: bytes))
    #expect(results.count == 3)
    #expect(results[0] == .line("ok"))
    #expect(results[1] == .rejected("line 2 is not valid UTF-8 (byte 0xC3 at column 2); the line was skipped"))
    #expect(results[2] == .line("after"))
  }

  @Test(arguments: [
    [UInt8]([0xFF]), [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
  ])
  func malformedSequences_areRejected(bytes: [UInt8]) {
    guard case .rejected(let message) = PlainLineReader.decode(bytes, lineNumber: 1) else {
      Issue.record("\(bytes) was accepted")
      return
    }
    #expect(message.contains("not valid UTF-8"))
  }

  @Test func multibyteCharacters_areKept() {
    #expect(readAll(reader(for: Array("héllo wörld 日本語\n".utf8))) == [.line("héllo wörld 日本語")])
  }

  @Test func aLineOverTheLimit_isRejectedWholeAndTheNextLineStillReads() {
    let long = [UInt8](repeating: UInt8(ascii: "a"), count: 1_048_576)
    let results = readAll(reader(for: long + [0x0A] + Array("help\n".utf8)))
    #expect(results.count == 2)
    #expect(results[0] == .rejected("line 1 is 1048576 bytes long; the limit is 262144 bytes"))
    #expect(results[1] == .line("help"))
  }

  @Test func countsLineNumbers() {
    let r = reader(for: Array("a\nb\nc\n".utf8))
    _ = readAll(r)
    #expect(r.lineNumber == 3)
  }
}
