import Foundation

/// A JSON value for the small, dynamic parts of JSON-lines events.
public enum JSONValue: Encodable, Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .int(let value): try container.encode(value)
    case .double(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }
}

/// Encodes one JSON-lines event: `{"type": …, <extra fields>, "data": <payload>}` on one line.
public enum JSONLine {
  public static func encode(type: String, payload: some Encodable, extra: [String: JSONValue] = [:]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    var fields = extra
    fields["type"] = .string(type)
    let isNull = (payload as? JSONValue) == .null
    let envelope = Envelope(fields: fields, data: isNull ? nil : AnyEncodable(base: payload))
    guard let data = try? encoder.encode(envelope) else {
      return #"{"message":"internal: could not encode JSON output","type":"error"}"#
    }
    return String(decoding: data, as: UTF8.self)
  }

  private struct Envelope: Encodable {
    var fields: [String: JSONValue]
    var data: AnyEncodable?

    struct Key: CodingKey {
      var stringValue: String
      var intValue: Int? { nil }
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: Key.self)
      for (key, value) in fields { try container.encode(value, forKey: Key(stringValue: key)) }
      if let data { try container.encode(data, forKey: Key(stringValue: "data")) }
    }
  }
}

/// Type-erases an `Encodable` so command outputs of any type can be encoded.
struct AnyEncodable: Encodable {
  let base: any Encodable
  func encode(to encoder: any Encoder) throws { try base.encode(to: encoder) }
}
