/// A fast string → dense index map for the hot loops (a million review lookups): open addressing with linear
/// probing and a multiply-xorshift hash of the UTF-8 bytes, cheaper than `Dictionary`'s seeded SipHash for short ids.
struct StringIndex {
  private(set) var keys: [String] = []
  private var slots: [Int32]
  private var mask: Int

  /// An empty index sized for about `capacity` keys.
  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = [Int32](repeating: -1, count: size)
    mask = size - 1
    keys.reserveCapacity(capacity)
  }

  var count: Int { keys.count }

  /// A multiply-xorshift hash of the UTF-8 bytes read eight at a time.
  @inline(__always)
  static func hash(_ key: String) -> Int {
    var key = key
    return key.withUTF8 { bytes in
      var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
      var offset = 0
      let raw = UnsafeRawBufferPointer(bytes)
      while offset + 8 <= bytes.count {
        h = (h ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        offset += 8
      }
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while offset < bytes.count {
        tail |= UInt64(bytes[offset]) << shift
        shift += 8
        offset += 1
      }
      h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
      return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
  }

  /// The index of `key`, or `nil`.
  @inline(__always)
  func find(_ key: String) -> Int? {
    var slot = Self.hash(key) & mask
    while true {
      let value = slots[slot]
      if value < 0 { return nil }
      if keys[Int(value)] == key { return Int(value) }
      slot = (slot + 1) & mask
    }
  }

  /// The index of `key`, inserting it (with the next index) when absent.
  @inline(__always)
  mutating func insert(_ key: String) -> Int {
    var slot = Self.hash(key) & mask
    while true {
      let value = slots[slot]
      if value < 0 { break }
      if keys[Int(value)] == key { return Int(value) }
      slot = (slot + 1) & mask
    }
    let index = keys.count
    keys.append(key)
    slots[slot] = Int32(index)
    if keys.count * 2 > slots.count { grow() }
    return index
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = [Int32](repeating: -1, count: size)
    mask = size - 1
    for (index, key) in keys.enumerated() {
      var slot = Self.hash(key) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index)
    }
  }
}
