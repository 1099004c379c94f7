#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines from a file descriptor (a pipe, a file, a non-terminal stdin), without prompts.
///
/// Lines end at `\n` (a trailing `\r` is dropped). A line that is not valid UTF-8, or is
/// longer than `maximumLineBytes`, is consumed whole and reported as `.rejected` with its
/// line number, so one bad line never stops or corrupts the rest of a script.
public final class PlainLineReader: LineReader {
  public static let defaultMaximumLineBytes = 256 * 1024

  private let descriptor: Int32
  private let maximumLineBytes: Int
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  public private(set) var lineNumber = 0
  public var isInteractive: Bool { false }

  public init(descriptor: Int32 = 0, maximumLineBytes: Int = PlainLineReader.defaultMaximumLineBytes) {
    self.descriptor = descriptor
    self.maximumLineBytes = maximumLineBytes
  }

  public func readLine(prompt: String) -> LineReadResult {
    var lineBytes: [UInt8] = []
    var length = 0
    var overLimit = false
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        length += newline - start
        if !overLimit { lineBytes.append(contentsOf: buffer[start..<newline]) }
        start = newline + 1
        break
      }
      length += buffer.count - start
      if !overLimit { lineBytes.append(contentsOf: buffer[start...]) }
      buffer.removeAll(keepingCapacity: true)
      start = 0
      if length > maximumLineBytes {
        overLimit = true
        lineBytes = []
      }
      if atEnd || !fill() {
        if length == 0 { return .endOfInput }
        break
      }
    }
    lineNumber += 1
    if overLimit || length > maximumLineBytes {
      return .rejected("line \(lineNumber) is \(length) bytes long; the limit is \(maximumLineBytes) bytes")
    }
    if lineBytes.last == 0x0D { lineBytes.removeLast() }
    return PlainLineReader.decode(lineBytes, lineNumber: lineNumber)
  }

  /// Decodes one line's bytes as UTF-8, naming the first bad byte when they are not.
  static func decode(_ bytes: [UInt8], lineNumber: Int) -> LineReadResult {
    if let text = String(validating: bytes, as: UTF8.self) { return .line(text) }
    var index = 0
    var column = 1
    while index < bytes.count {
      let width = utf8SequenceLength(bytes, at: index)
      if width == 0 {
        let hex = String(bytes[index], radix: 16, uppercase: true)
        return .rejected(
          "line \(lineNumber) is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex) at column \(column)); "
            + "the line was skipped")
      }
      index += width
      column += 1
    }
    return .rejected("line \(lineNumber) is not valid UTF-8; the line was skipped")
  }

  /// The length of the well-formed UTF-8 sequence starting at `index`, or 0 if there is none.
  static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let lead = bytes[index]
    let width: Int
    var lowest: UInt8 = 0x80
    var highest: UInt8 = 0xBF
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: width = 2
    case 0xE0: (width, lowest) = (3, 0xA0)
    case 0xED: (width, highest) = (3, 0x9F)
    case 0xE1...0xEF: width = 3
    case 0xF0: (width, lowest) = (4, 0x90)
    case 0xF4: (width, highest) = (4, 0x8F)
    case 0xF1...0xF3: width = 4
    default: return 0
    }
    guard index + width <= bytes.count else { return 0 }
    for offset in 1..<width {
      let byte = bytes[index + offset]
      let (lo, hi) = offset == 1 ? (lowest, highest) : (UInt8(0x80), UInt8(0xBF))
      guard byte >= lo, byte <= hi else { return 0 }
    }
    return width
  }

  private func fill() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        buffer.append(contentsOf: chunk[0..<count])
        return true
      }
      if count < 0 && errno == EINTR { continue }
      atEnd = true
      return false
    }
  }
}
