/// A strict RFC 8259 parser for one JSONL line (already known to be valid UTF-8). It never traps on
/// any input: nesting is capped, every read is bounds-checked, and failures carry a 1-based column.
struct JSONLineParser {
  /// Why a line is not JSON, and where (1-based byte column).
  struct Failure: Error, Equatable {
    var message: String
    var column: Int
  }

  /// Deepest nesting of arrays and objects accepted; records need about six levels.
  static let maxDepth = 64

  /// Parses `bytes` as exactly one JSON value surrounded by optional whitespace.
  static func parse(_ bytes: ArraySlice<UInt8>) -> Result<JSONValue, Failure> {
    bytes.withUnsafeBufferPointer { buffer in
      var parser = JSONLineParser(buffer: buffer)
      do {
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.position < buffer.count {
          throw parser.failure("unexpected text after the JSON value; put exactly one record on each line")
        }
        return .success(value)
      } catch let failure as Failure {
        return .failure(failure)
      } catch {
        return .failure(Failure(message: "not valid JSON", column: 1))
      }
    }
  }

  private let buffer: UnsafeBufferPointer<UInt8>
  private var position = 0

  private init(buffer: UnsafeBufferPointer<UInt8>) {
    self.buffer = buffer
  }

  private var current: UInt8? { position < buffer.count ? buffer[position] : nil }

  private func failure(_ message: String) -> Failure {
    Failure(message: message, column: position + 1)
  }

  private mutating func skipWhitespace() {
    while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
      position += 1
    }
  }

  private mutating func parseValue(depth: Int) throws(Failure) -> JSONValue {
    guard let byte = current else { throw failure("the line ends where a value was expected") }
    switch byte {
    case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
    case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectLiteral("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    case UInt8(ascii: "'"): throw failure("strings must use double quotes (\"), not single quotes")
    default: throw failure("unexpected character \(Self.describe(byte)) where a value was expected")
    }
  }

  private mutating func expectLiteral(_ literal: StaticString) throws(Failure) {
    let start = position
    for expected in UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount) {
      guard current == expected else {
        position = start
        throw failure("unexpected word; JSON values are strings in double quotes, numbers, true, false or null")
      }
      position += 1
    }
  }

  private mutating func parseObject(depth: Int) throws(Failure) -> JSONValue {
    guard depth <= Self.maxDepth else { throw failure("nested more than \(Self.maxDepth) levels deep") }
    position += 1
    var members: [(key: String, value: JSONValue)] = []
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else {
        throw failure("expected a field name in double quotes (check for a trailing comma)")
      }
      let key = try parseString()
      skipWhitespace()
      guard current == UInt8(ascii: ":") else { throw failure("expected ':' after the field name \"\(key)\"") }
      position += 1
      skipWhitespace()
      members.append((key, try parseValue(depth: depth)))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"): position += 1; return .object(members)
      case nil: throw failure("the line ends inside an object; a '}' is missing")
      default: throw failure("expected ',' or '}' after a field's value")
      }
    }
  }

  private mutating func parseArray(depth: Int) throws(Failure) -> JSONValue {
    guard depth <= Self.maxDepth else { throw failure("nested more than \(Self.maxDepth) levels deep") }
    position += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      position += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(depth: depth))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "]"): position += 1; return .array(elements)
      case nil: throw failure("the line ends inside an array; a ']' is missing")
      default: throw failure("expected ',' or ']' after an array element")
      }
    }
  }

  private mutating func parseNumber() throws(Failure) -> String {
    let start = position
    if current == UInt8(ascii: "-") { position += 1 }
    guard let first = current, Self.isDigit(first) else { throw failure("a '-' must be followed by digits") }
    position += 1
    if first != UInt8(ascii: "0") {
      while let byte = current, Self.isDigit(byte) { position += 1 }
    }
    if current == UInt8(ascii: ".") {
      position += 1
      guard let byte = current, Self.isDigit(byte) else {
        throw failure("a '.' in a number must be followed by digits")
      }
      while let byte = current, Self.isDigit(byte) { position += 1 }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      position += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
      guard let byte = current, Self.isDigit(byte) else { throw failure("a number's exponent needs digits") }
      while let byte = current, Self.isDigit(byte) { position += 1 }
    }
    return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
  }

  private mutating func parseString() throws(Failure) -> String {
    position += 1  // opening quote
    var bytes: [UInt8] = []
    while true {
      guard let byte = current else { throw failure("the line ends inside a string; a closing '\"' is missing") }
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        return String(decoding: bytes, as: UTF8.self)
      case UInt8(ascii: "\\"):
        position += 1
        try parseEscape(into: &bytes)
      case 0..<0x20:
        throw failure("a string contains a raw control character \(Self.describe(byte)); escape it (\\n, \\t, \\u0000)")
      default:
        bytes.append(byte)
        position += 1
      }
    }
  }

  private mutating func parseEscape(into bytes: inout [UInt8]) throws(Failure) {
    guard let byte = current else { throw failure("the line ends inside an escape sequence") }
    position += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(byte)
    case UInt8(ascii: "b"): bytes.append(0x08)
    case UInt8(ascii: "f"): bytes.append(0x0C)
    case UInt8(ascii: "n"): bytes.append(0x0A)
    case UInt8(ascii: "r"): bytes.append(0x0D)
    case UInt8(ascii: "t"): bytes.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try parseHex4()
      if (0xD800...0xDBFF).contains(scalar) {
        guard current == UInt8(ascii: "\\"), position + 1 < buffer.count, buffer[position + 1] == UInt8(ascii: "u")
        else { throw failure("a \\u escape for a high surrogate must be followed by a low surrogate") }
        position += 2
        let low = try parseHex4()
        guard (0xDC00...0xDFFF).contains(low) else { throw failure("a high surrogate is followed by a non-low one") }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      } else if (0xDC00...0xDFFF).contains(scalar) {
        throw failure("a \\u escape encodes a lone low surrogate")
      }
      guard let unicode = Unicode.Scalar(scalar) else { throw failure("a \\u escape is not a Unicode scalar") }
      bytes.append(contentsOf: Array(String(Character(unicode)).utf8))
    default:
      position -= 1
      throw failure(
        "unknown escape \\ followed by \(Self.describe(byte)); valid ones are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
      )
    }
  }

  private mutating func parseHex4() throws(Failure) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = current, let digit = Self.hexValue(byte) else {
        throw failure("a \\u escape needs four hexadecimal digits")
      }
      value = value << 4 | digit
      position += 1
    }
    return value
  }

  private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

  private static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case 0x30...0x39: UInt32(byte - 0x30)
    case 0x41...0x46: UInt32(byte - 0x41 + 10)
    case 0x61...0x66: UInt32(byte - 0x61 + 10)
    default: nil
    }
  }

  /// A byte as a message shows it: printable ASCII in quotes, anything else as hex.
  static func describe(_ byte: UInt8) -> String {
    (0x21...0x7E).contains(byte)
      ? "'\(Character(Unicode.Scalar(byte)))'" : "0x" + String(byte, radix: 16, uppercase: true)
  }
}
