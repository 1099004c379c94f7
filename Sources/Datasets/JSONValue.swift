/// A parsed JSON value, as the validator needs it: objects keep their members in order (a repeated
/// key resolves to its last occurrence, as JSONSerialization and Python's json do); numbers keep
/// their text.
indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])

  static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)): a.elementsEqual(b) { $0.key == $1.key && $0.value == $1.value }
    default: false
    }
  }

  /// The member named `key` of an object (its last occurrence), nil otherwise.
  subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.last { $0.key == key }?.value
  }

  /// The object's distinct keys in first-appearance order; empty for non-objects.
  var keys: [String] {
    guard case .object(let members) = self else { return [] }
    // Records have a handful of keys: a linear scan beats hashing.
    var keys: [String] = []
    keys.reserveCapacity(members.count)
    for member in members where !keys.contains(member.key) { keys.append(member.key) }
    return keys
  }

  var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  var isObject: Bool {
    if case .object = self { return true }
    return false
  }

  /// How a message names this value: "a number (42)", "an array", "a string ('abc')".
  var described: String {
    switch self {
    case .null: "null"
    case .bool(let b): b ? "true" : "false"
    case .number(let text): "a number (\(Quote.text(text)))"
    case .string(let s): "a string (\(Quote.quoted(s)))"
    case .array: "an array"
    case .object: "an object"
    }
  }
}
