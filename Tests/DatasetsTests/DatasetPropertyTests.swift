import PropertyBased
import Testing

@testable import Datasets

/// Properties that hold for any bytes and for every generated sample.
@Suite struct DatasetPropertyTests {
  /// Fragments that reach deep into the parser and the record checks, plus hostile bytes.
  static let fragments: [[UInt8]] =
    [
      "{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "d83d", "prompt", "completion", "input", "messages",
      "schemaVersion", "bedrock-conversation-2024", "role", "user", "assistant", "content", "text", "image",
      "image-ref", "caption", "s3://b/a.png", "\n", "\r\n", " ", "\t", "0", "-1.5e3", "true", "null", "\u{FEFF}",
      "\u{0}", "é", "🙂", "User:",
    ].map { Array($0.utf8) } + [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0xE2, 0x82]]

  static let jsonish = Gen<[UInt8]?>.element(of: fragments).map { $0! }.array(of: 0...80).map { $0.flatMap { $0 } }
  static let anyBytes = Gen.uint8().array(of: 0...300)
  static let format = Gen<DatasetFormat>.case

  /// Lines as the validator numbers them: pieces split at "\n", without a final empty piece.
  static func lineCount(_ bytes: [UInt8]) -> Int {
    let pieces = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
    return bytes.last == 0x0A ? pieces - 1 : (bytes.isEmpty ? 0 : pieces)
  }

  static func checkInvariants(_ bytes: [UInt8], _ format: DatasetFormat, limits: DatasetLimits, cap: Int) {
    let report = DatasetValidator(format: format, limits: limits, problemCap: cap).validate(bytes)
    let lines = lineCount(bytes)
    for problem in report.problems {
      if let line = problem.line {
        #expect((1...max(1, lines)).contains(line) && line <= lines, "\(problem) in \(lines) lines")
      }
    }
    #expect(report.problems.count <= cap)
    #expect(report.records <= lines)
    #expect(report.bytes == bytes.count)
    #expect(report.estimatedTokens >= report.maxRecordTokens)
    #expect(report.isValid == (report.problems.isEmpty && report.omittedProblems == 0))
    let lineProblems = report.problems.filter { $0.line != nil }
    #expect(lineProblems.map { $0.line! } == lineProblems.map { $0.line! }.sorted())
    #expect(report.problems.drop { $0.line != nil }.allSatisfy { $0.line == nil })
  }

  @Test("any byte string validates without trapping, with every problem's line inside the file")
  func anyBytesNeverCrash() async {
    await propertyCheck(count: 400, input: Self.anyBytes, Self.format) { bytes, format in
      Self.checkInvariants(bytes, format, limits: DatasetLimits(minRecords: 2, maxRecords: 3), cap: 100)
    }
  }

  @Test("JSON-like fragments validate without trapping under every format and limit set")
  func jsonishNeverCrash() async {
    let limits = DatasetLimits(
      minRecords: 1, maxRecords: 4, maxTokensPerRecord: 3, maxInputTokens: 2, maxOutputTokens: 1, maxTrainingBytes: 200,
      minCaptionCharacters: 2, maxCaptionCharacters: 5, acceptsImages: true, checksReservedWords: true)
    await propertyCheck(count: 600, input: Self.jsonish, Self.format, Gen.int(in: 0...12)) { bytes, format, cap in
      Self.checkInvariants(bytes, format, limits: limits, cap: cap)
      Self.checkInvariants(bytes, format, limits: DatasetLimits(), cap: 100)
    }
  }

  @Test("a generated sample is valid for its format, with one record per requested line")
  func samplesAreValid() async {
    await propertyCheck(count: 120, input: Self.format, Gen.int(in: 1...120)) { format, count in
      let text = DatasetSample.valid(format, records: count)
      for limits in [DatasetLimits(), DatasetLimits(acceptsImages: true, checksReservedWords: true)] {
        let report = DatasetValidator(format: format, limits: limits).validate(Array(text.utf8))
        #expect(report.problems.map(Spot.init) == [], "\(format) × \(count)")
        #expect(report.records == count)
        #expect(report.estimatedTokens > 0)
      }
      #expect(text.split(separator: "\n").count == count)
    }
  }
}
