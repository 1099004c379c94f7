#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lines of an in-memory file, split at "\n" (the "\n" not included; a final empty piece after a
/// trailing newline is not a line). Splitting uses `memchr`, so a 50 MB line costs one scan.
struct ByteLines: Sequence {
  let bytes: [UInt8]

  func makeIterator() -> Iterator { Iterator(bytes: bytes) }

  struct Iterator: IteratorProtocol {
    let bytes: [UInt8]
    var start = 0

    mutating func next() -> ArraySlice<UInt8>? {
      guard start < bytes.count else { return nil }
      let end = bytes.withUnsafeBufferPointer { buffer -> Int in
        guard let base = buffer.baseAddress else { return buffer.count }
        let remaining = buffer.count - start
        guard let found = memchr(base + start, 0x0A, remaining) else { return buffer.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      }
      let line = bytes[start..<end]
      start = end + 1
      return line
    }
  }
}

/// UTF-8 well-formedness (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Check {
  /// The 0-based offset (from the slice's start) of the first byte that is not valid UTF-8, or nil.
  static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
    bytes.withUnsafeBufferPointer { buffer -> Int? in
      var i = 0
      let n = buffer.count
      while i < n {
        let b0 = buffer[i]
        if b0 < 0x80 {
          i += 1
          continue
        }
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return i
        }
        guard i + length <= n else { return i }
        let b1 = buffer[i + 1]
        guard b1 >= lower && b1 <= upper else { return i }
        for k in 2..<max(2, length) where buffer[i + k] & 0xC0 != 0x80 {
          return i
        }
        i += length
      }
      return nil
    }
  }
}
