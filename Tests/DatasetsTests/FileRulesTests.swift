import Core
import Foundation
import Testing

@testable import Datasets

/// Rules about the file as a whole and about lines before they are records.
@Suite struct FileRulesTests {
  static let record = #"{"prompt": "What is Bedrock?", "completion": "A managed FM service."}"#

  static func validate(
    _ bytes: [UInt8], _ limits: DatasetLimits = DatasetLimits(), role: DatasetRole = .training, cap: Int = 100
  ) -> DatasetReport {
    DatasetValidator(format: .promptCompletion, limits: limits, role: role, problemCap: cap).validate(bytes)
  }

  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  @Test("an empty file is one whole-file problem")
  func emptyFile() {
    for text in ["", "\n", "  \n\t\n", "\r\n"] {
      let report = Self.validate(Self.bytes(text), DatasetLimits(minRecords: 32))
      #expect(report.problems.map(Spot.init) == [Spot(.emptyFile, nil)])
      #expect(report.records == 0)
      #expect(report.bytes == text.utf8.count)
    }
  }

  @Test("blank lines at the end are ignored; a run of blank lines between records is one problem")
  func blankLines() {
    let r = Self.record
    #expect(Self.validate(Self.bytes("\(r)\n\(r)\n\n\n  \n")).isValid)
    let report = Self.validate(Self.bytes("\(r)\n\n \n\(r)\n\n\(r)"))
    #expect(report.problems.map(Spot.init) == [Spot(.blankLine, 2), Spot(.blankLine, 5)])
    #expect(report.problems[0].message.contains("lines 2–3 are blank"))
    #expect(report.records == 3)
  }

  @Test("CRLF line endings and a UTF-8 byte-order mark at the start are tolerated")
  func crlfAndBOM() {
    let text = "\u{FEFF}\(Self.record)\r\n\(Self.record)\r\n"
    let report = Self.validate(Self.bytes(text))
    #expect(report.isValid)
    #expect(report.records == 2)
  }

  @Test("a byte-order mark after the first line is not tolerated")
  func lateBOM() {
    let report = Self.validate(Self.bytes("\(Self.record)\n\u{FEFF}\(Self.record)\n"))
    #expect(report.problems.map(Spot.init) == [Spot(.invalidJSON, 2)])
  }

  @Test("invalid UTF-8 is reported with its line and byte, and later lines are still checked")
  func invalidUTF8() {
    var bytes = Self.bytes(Self.record + "\n")
    bytes += [0x7B, 0x22, 0x70, 0xFF, 0xFE, 0x0A]
    bytes += Self.bytes(#"{"prompt": "q"}"# + "\n")
    let report = Self.validate(bytes)
    #expect(report.problems.map(Spot.init) == [Spot(.invalidUTF8, 2), Spot(.missingField, 3, "completion")])
    #expect(report.problems[0].message.contains("byte 4"))
  }

  @Test("overlong encodings and encoded surrogates are invalid UTF-8")
  func strictUTF8() {
    for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
      let report = Self.validate(Self.bytes(#"{"prompt": ""#) + bad + Self.bytes(#"", "completion": "a"}"#))
      #expect(report.problems.map(Spot.init) == [Spot(.invalidUTF8, 1)], "\(bad)")
    }
  }

  @Test("malformed JSON is reported with a column; non-objects are not records")
  func invalidJSON() throws {
    let report = Self.validate(
      Self.bytes(
        [
          #"{"prompt": "a", "completion": "b",}"#, #"{'prompt': 'a'}"#, "[1, 2]", #""just text""#,
          #"{"prompt": "a", "completion": "b"} {"prompt": "c"}"#, "{\"prompt\": \"a\u{0}\", \"completion\": \"b\"}",
        ].joined(separator: "\n")))
    #expect(
      report.problems.map(Spot.init) == [
        Spot(.invalidJSON, 1), Spot(.invalidJSON, 2), Spot(.notAnObject, 3), Spot(.notAnObject, 4),
        Spot(.invalidJSON, 5), Spot(.invalidJSON, 6),
      ])
    #expect(report.problems[0].message.contains("column 35"))
    #expect(report.problems[1].message.contains("double quotes"))
    #expect(report.records == 0)
  }

  @Test("deeply nested JSON is refused without recursion trouble")
  func deepNesting() {
    let deep = #"{"prompt": "# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
    let report = Self.validate(Self.bytes(deep))
    #expect(report.problems.map(Spot.init) == [Spot(.invalidJSON, 1)])
    #expect(report.problems[0].message.contains("nested more than"))
  }

  @Test("JSON escapes decode, including surrogate pairs; repeated keys take the last value")
  func escapes() {
    let report = Self.validate(
      Self.bytes(#"{"prompt": "\u00e9\ud83d\ude00 \"q\"\n", "completion": "", "completion": "a\/b"}"#))
    #expect(report.isValid)
    let lone = Self.validate(Self.bytes(#"{"prompt": "\udc00", "completion": "a"}"#))
    #expect(lone.problems.map(Spot.init) == [Spot(.invalidJSON, 1)])
  }

  @Test("too few training records; the minimum does not apply to validation files")
  func tooFewRecords() {
    let limits = DatasetLimits(minRecords: 32, maxRecords: 10_000, maxValidationRecords: 1_000)
    let few = Self.bytes(DatasetSample.valid(.promptCompletion, records: 31))
    #expect(Self.validate(few, limits).problems.map(Spot.init) == [Spot(.tooFewRecords, nil)])
    #expect(Self.validate(few, limits, role: .validation).isValid)
    #expect(Self.validate(Self.bytes(DatasetSample.valid(.promptCompletion, records: 32)), limits).isValid)
  }

  @Test("record maxima differ for training and validation files")
  func tooManyRecords() {
    let limits = DatasetLimits(maxRecords: 10, maxValidationRecords: 5)
    let six = Self.bytes(DatasetSample.valid(.promptCompletion, records: 6))
    let eleven = Self.bytes(DatasetSample.valid(.promptCompletion, records: 11))
    #expect(Self.validate(six, limits).isValid)
    #expect(Self.validate(six, limits, role: .validation).problems.map(Spot.init) == [Spot(.tooManyRecords, nil)])
    #expect(Self.validate(eleven, limits).problems.map(Spot.init) == [Spot(.tooManyRecords, nil)])
  }

  @Test("files over the training or validation size limit are too large")
  func fileTooLarge() {
    let bytes = Self.bytes(DatasetSample.valid(.promptCompletion, records: 10))
    let limits = DatasetLimits(maxTrainingBytes: bytes.count, maxValidationBytes: bytes.count - 1)
    #expect(Self.validate(bytes, limits).isValid)
    let report = Self.validate(bytes, limits, role: .validation)
    #expect(report.problems.map(Spot.init) == [Spot(.fileTooLarge, nil)])
    #expect(report.problems[0].message.contains(DigitGrouping.grouped(bytes.count)))
  }

  @Test("a 50 MB line is reported as too long without parsing, and the next line is still read")
  func hugeLine() {
    var data = Data(#"{"prompt": ""#.utf8)
    data.append(Data(repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024))
    data.append(Data(#"", "completion": "b"}"#.utf8))
    data.append(0x0A)
    data.append(Data(Self.record.utf8))
    // Its speed is measured in scripts/bench-sandbox, not in a timed test.
    let report: DatasetReport? = DatasetValidator(format: .promptCompletion, limits: DatasetLimits()).validate(data)
    #expect(report?.problems.map(Spot.init) == [Spot(.lineTooLong, 1)])
    #expect(report?.records == 1)
    #expect(report?.bytes == data.count)
  }

  @Test("the line cap is the smaller of maxLineBytes and the file limit")
  func lineCap() {
    let line = Self.bytes(Self.record)
    let atCap = DatasetValidator(format: .promptCompletion, limits: DatasetLimits(), maxLineBytes: line.count)
    #expect(atCap.validate(line).isValid)
    let belowCap = DatasetValidator(format: .promptCompletion, limits: DatasetLimits(), maxLineBytes: line.count - 1)
    #expect(belowCap.validate(line).problems.map(Spot.init) == [Spot(.lineTooLong, 1)])
    let byFile = DatasetValidator(format: .promptCompletion, limits: DatasetLimits(maxTrainingBytes: 10))
    #expect(byFile.validate(line).problems.map(Spot.init) == [Spot(.lineTooLong, 1), Spot(.fileTooLarge, nil)])
  }

  @Test("problems past the cap are counted, and whole-file problems are kept at the end")
  func problemCap() {
    let lines = Array(repeating: #"{"prompt": "q"}"#, count: 250).joined(separator: "\n")
    let report = Self.validate(Self.bytes(lines), DatasetLimits(minRecords: 300), cap: 100)
    #expect(report.problems.count == 100)
    #expect(report.omittedProblems == 151)
    #expect(report.problems.last.map(Spot.init) == Spot(.tooFewRecords, nil))
    #expect(report.problems[0...98].allSatisfy { $0.code == .missingField })
    #expect(report.problems[98].line == 99)
    #expect(!report.isValid)
    let none = Self.validate(Self.bytes(lines), cap: 0)
    #expect(none.problems.isEmpty)
    #expect(none.omittedProblems == 250)
    #expect(!none.isValid)
  }

  @Test("problems come in line order with whole-file problems last")
  func ordering() {
    let text = [#"{"prompt": "q"}"#, "", Self.record, "nope"].joined(separator: "\n")
    let report = Self.validate(Self.bytes(text), DatasetLimits(maxRecords: 2))
    #expect(
      report.problems.map(Spot.init) == [
        Spot(.missingField, 1, "completion"), Spot(.blankLine, 2), Spot(.invalidJSON, 4), Spot(.tooManyRecords, nil),
      ])
  }

  @Test("quoted values are cut to 40 characters and never carry control characters")
  func quoting() throws {
    let value = "\u{1B}[31m" + String(repeating: "x", count: 100) + "\u{7}"
    let line =
      #"{"prompt": "q", "completion": "a", "\u001b[2Jkey": 1, "role": "#
      + DatasetSample.string(value) + "}"
    let report = Self.validate(Self.bytes(line))
    #expect(report.problems.count == 2)
    for problem in report.problems {
      #expect(!problem.message.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }
    let report2 = DatasetValidator(format: .conversation, limits: DatasetLimits()).validate(
      Self.bytes(Check.conversation([#"{"role": \#(DatasetSample.string(value)), "content": [{"text": "q"}]}"#])))
    let problem = try #require(report2.problems.first { $0.code == .wrongRole })
    #expect(problem.message.contains("'?[31m" + String(repeating: "x", count: 35) + "…'"))
  }

  @Test("the streaming form gives the same report as the in-memory form")
  func streaming() {
    let text = "\u{FEFF}" + DatasetSample.valid(.conversation, records: 5) + "\n{}\r\n\n"
    let bytes = Self.bytes(text)
    let validator = DatasetValidator(format: .conversation, limits: DatasetLimits(minRecords: 10))
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
    let streamed = validator.validate(lines: lines, byteCount: bytes.count)
    #expect(streamed == validator.validate(bytes))
    #expect(
      streamed.problems.map(Spot.init) == [
        Spot(.blankLine, 6), Spot(.missingField, 7, "schemaVersion"), Spot(.missingField, 7, "messages"),
        Spot(.tooFewRecords, nil),
      ])
  }

  @Test("limits decode without checksReservedWords and round-trip with it")
  func limitsCoding() throws {
    let json = #"{"minRecords": 32, "acceptsValidation": true, "acceptsImages": false, "charactersPerToken": 4}"#
    let decoded = try JSONDecoder().decode(DatasetLimits.self, from: Data(json.utf8))
    #expect(decoded == DatasetLimits(minRecords: 32))
    let nova = DatasetLimits(maxTokensPerRecord: 16_000, acceptsImages: true, checksReservedWords: true)
    #expect(try JSONDecoder().decode(DatasetLimits.self, from: JSONEncoder().encode(nova)) == nova)
  }
}
