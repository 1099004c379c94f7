import Core

/// Checks a JSONL customization dataset the way Bedrock's job validation would, and reports every
/// problem (up to a cap) with its line, field and what to fix. Never traps, whatever the bytes.
///
/// Lines: split at "\n"; a trailing "\r" (CRLF files) and a UTF-8 byte-order mark at the start of
/// the file are tolerated. Blank lines (only spaces, tabs) at the end of the file are ignored; a run
/// of blank lines between records is one `blankLine` problem. A line longer than `maxLineBytes` (or
/// than the file limit) is reported as `lineTooLong` without being read further; a line that is not
/// UTF-8 as `invalidUTF8`.
///
/// Records: each non-blank line must be one JSON object in `format` (see `DatasetFormat`).
/// Distillation prompts (`.distillationPrompts`) follow the bedrock-conversation-2024 schema with
/// these choices: the first turn is the user's and roles alternate; a final assistant turn is allowed
/// (a golden answer) but not required, so `lastTurnNotUser` is never reported; image and video blocks
/// are rejected because distillation is text-to-text only.
///
/// Counts: record-count limits apply to the non-blank lines (each is meant as a record, whether or not
/// it parses): `minRecords` and `maxRecords` to training files, `maxValidationRecords` to validation
/// files. Tokens are estimates: characters (Unicode scalars) divided by `limits.charactersPerToken`,
/// rounded up, separately for input and output text, plus `mediaTokenEstimate` per image or video block.
public struct DatasetValidator: Sendable {
  /// The record shape checked.
  public var format: DatasetFormat
  /// The model's dataset limits.
  public var limits: DatasetLimits
  /// Whether the file is the training or the validation dataset.
  public var role: DatasetRole
  /// Most problems stored in a report; further ones are counted in `omittedProblems`.
  public var problemCap: Int
  /// Longest line parsed, in bytes (the "\n" excluded); longer lines are `lineTooLong`.
  public var maxLineBytes: Int
  /// Tokens counted for each image or video block. Default 1,601: the low end of AWS's Llama 3.2
  /// estimate (an image is about 1,601–6,404 tokens); no figure is published for other models.
  public var mediaTokenEstimate: Int

  /// The default `maxLineBytes`: 10 MiB, far above any record a per-record token limit allows.
  public static let defaultMaxLineBytes = 10 * 1024 * 1024

  /// A validator for `format` under `limits`, checking a `role` file.
  public init(
    format: DatasetFormat, limits: DatasetLimits, role: DatasetRole = .training, problemCap: Int = 100,
    maxLineBytes: Int = DatasetValidator.defaultMaxLineBytes, mediaTokenEstimate: Int = 1_601
  ) {
    self.format = format
    self.limits = limits
    self.role = role
    self.problemCap = problemCap
    self.maxLineBytes = maxLineBytes
    self.mediaTokenEstimate = mediaTokenEstimate
  }

  /// Validates a whole file held in memory.
  public func validate(_ data: some Collection<UInt8>) -> DatasetReport {
    let bytes = Array(data)
    return validate(lines: ByteLines(bytes: bytes), byteCount: bytes.count)
  }

  /// Validates a file given as its lines (without the "\n"; a trailing "\r" or "\n" is stripped),
  /// for files read piecewise. `byteCount` is the file's size, for the size limit.
  public func validate(lines: some Sequence<ArraySlice<UInt8>>, byteCount: Int) -> DatasetReport {
    var log = ProblemLog(cap: problemCap)
    var lineNumber = 0
    var blankRun: (first: Int, count: Int)?
    var nonBlankLines = 0
    var records = 0
    var totalTokens = 0
    var maxRecordTokens = 0
    let lineCap = max(0, min(maxLineBytes, fileByteLimit ?? Int.max))

    for raw in lines {
      lineNumber += 1
      var line = raw
      if lineNumber == 1 && line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
      if line.last == 0x0A { line = line.dropLast() }
      if line.last == 0x0D { line = line.dropLast() }
      if line.count <= lineCap && line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
        blankRun = blankRun.map { ($0.first, $0.count + 1) } ?? (lineNumber, 1)
        continue
      }
      if let run = blankRun {
        log.add(Self.blankLineProblem(run))
        blankRun = nil
      }
      nonBlankLines += 1
      guard line.count <= lineCap else {
        log.add(
          DatasetProblem(
            code: .lineTooLong, line: lineNumber, field: nil,
            message:
              "the line is \(DigitGrouping.grouped(line.count)) bytes, over the \(DigitGrouping.grouped(lineCap))-byte limit "
              + "this check reads; it was not parsed. Put one record on each line and shorten it"))
        continue
      }
      if let offset = UTF8Check.firstInvalidOffset(line) {
        log.add(
          DatasetProblem(
            code: .invalidUTF8, line: lineNumber, field: nil,
            message: "byte \(offset + 1) of the line is not valid UTF-8; save the file as UTF-8"))
        continue
      }
      let value: JSONValue
      switch JSONLineParser.parse(line) {
      case .failure(let failure):
        log.add(
          DatasetProblem(
            code: .invalidJSON, line: lineNumber, field: nil,
            message: "not valid JSON at column \(failure.column): \(failure.message)"))
        continue
      case .success(let parsed):
        value = parsed
      }
      guard value.isObject else {
        log.add(
          DatasetProblem(
            code: .notAnObject, line: lineNumber, field: nil,
            message: "each line must be one JSON object {…}; found \(value.described)"))
        continue
      }
      records += 1
      var checker = RecordChecker(format: format, limits: limits, line: lineNumber)
      checker.check(value)
      for problem in checker.problems { log.add(problem) }
      let tokens = recordTokens(checker)
      for problem in tokenProblems(tokens, checker: checker) { log.add(problem) }
      totalTokens = Self.saturatingAdd(totalTokens, tokens.total)
      maxRecordTokens = max(maxRecordTokens, tokens.total)
    }

    for problem in fileProblems(nonBlankLines: nonBlankLines, byteCount: byteCount) { log.addFileProblem(problem) }
    let (problems, omitted) = log.finish()
    return DatasetReport(
      format: format, role: role, records: records, bytes: byteCount, estimatedTokens: totalTokens,
      maxRecordTokens: maxRecordTokens, problems: problems, omittedProblems: omitted)
  }

  // MARK: - Whole file

  private var fileByteLimit: Int? {
    role == .training ? limits.maxTrainingBytes : limits.maxValidationBytes
  }

  private func fileProblems(nonBlankLines: Int, byteCount: Int) -> [DatasetProblem] {
    var problems: [DatasetProblem] = []
    func add(_ code: DatasetProblem.Code, _ message: String) {
      problems.append(DatasetProblem(code: code, line: nil, field: nil, message: message))
    }
    if role == .validation && !limits.acceptsValidation {
      add(.validationNotAccepted, "this model takes no validation dataset; leave validationDataConfig out of the job")
    }
    let count = DigitGrouping.grouped(nonBlankLines)
    if nonBlankLines == 0 {
      add(.emptyFile, "the file has no records; add one JSON object per line")
    } else if role == .training, let minimum = limits.minRecords, nonBlankLines < minimum {
      add(
        .tooFewRecords,
        "the file has \(count) records; this model needs at least \(DigitGrouping.grouped(minimum)) training records: "
          + "add more examples")
    } else if let maximum = role == .training ? limits.maxRecords : limits.maxValidationRecords, nonBlankLines > maximum
    {
      add(
        .tooManyRecords,
        "the file has \(count) records; this model allows at most \(DigitGrouping.grouped(maximum)) \(role.rawValue) "
          + "records: remove some or split the data")
    }
    if let limit = fileByteLimit, byteCount > limit {
      add(
        .fileTooLarge,
        "the file is \(DigitGrouping.grouped(byteCount)) bytes; this model allows \(DigitGrouping.grouped(limit)) bytes for a "
          + "\(role.rawValue) file: remove records or shorten them")
    }
    return problems
  }

  private static func blankLineProblem(_ run: (first: Int, count: Int)) -> DatasetProblem {
    let which =
      run.count == 1 ? "line \(run.first) is blank" : "lines \(run.first)–\(run.first + run.count - 1) are blank"
    return DatasetProblem(
      code: .blankLine, line: run.first, field: nil,
      message: "\(which); JSONL has one record on every line, so remove blank lines between records")
  }

  // MARK: - Tokens

  private struct RecordTokens {
    var input: Int
    var output: Int
    var total: Int { DatasetValidator.saturatingAdd(input, output) }
  }

  private func recordTokens(_ checker: RecordChecker) -> RecordTokens {
    let media = checker.mediaBlocks.multipliedReportingOverflow(by: max(0, mediaTokenEstimate))
    return RecordTokens(
      input: Self.saturatingAdd(estimate(checker.inputCharacters), media.overflow ? Int.max : media.partialValue),
      output: estimate(checker.outputCharacters))
  }

  private func tokenProblems(_ tokens: RecordTokens, checker: RecordChecker) -> [DatasetProblem] {
    var problems: [DatasetProblem] = []
    let basis = "estimated at \(Self.describe(safeCharactersPerToken)) characters per token"
    func add(_ code: DatasetProblem.Code, _ field: String?, _ what: String, _ count: Int, _ limit: Int) {
      problems.append(
        DatasetProblem(
          code: code, line: checker.line, field: field,
          message: "\(what) is about \(DigitGrouping.grouped(count)) tokens (\(basis)); this model allows "
            + "\(DigitGrouping.grouped(limit)): shorten the text or split the example"))
    }
    if let limit = limits.maxInputTokens, tokens.input > limit {
      add(.tooManyInputTokens, checker.inputField, "the input (prompt, system and user text)", tokens.input, limit)
    }
    if let limit = limits.maxOutputTokens, tokens.output > limit {
      add(.tooManyOutputTokens, checker.outputField, "the output (completion or assistant text)", tokens.output, limit)
    }
    if let limit = limits.maxTokensPerRecord, tokens.total > limit {
      add(.tooManyTokens, nil, "the record (input and output together)", tokens.total, limit)
    }
    return problems
  }

  private var safeCharactersPerToken: Double {
    limits.charactersPerToken.isFinite && limits.charactersPerToken > 0 ? limits.charactersPerToken : 4
  }

  /// ceil(characters / charactersPerToken), saturating rather than trapping on absurd limits.
  private func estimate(_ characters: Int) -> Int {
    guard characters > 0 else { return 0 }
    let tokens = (Double(characters) / safeCharactersPerToken).rounded(.up)
    return tokens < Double(Int.max / 2) ? Int(tokens) : Int.max / 2
  }

  private static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
    let sum = a.addingReportingOverflow(b)
    return sum.overflow ? Int.max : sum.partialValue
  }

  private static func describe(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}

/// Problems as they are found: the first `cap` stored, the rest counted; whole-file problems are
/// kept in preference to line problems when the cap is reached.
private struct ProblemLog {
  let cap: Int
  var lineProblems: [DatasetProblem] = []
  var fileProblems: [DatasetProblem] = []
  var omitted = 0

  init(cap: Int) {
    self.cap = max(0, cap)
  }

  mutating func add(_ problem: DatasetProblem) {
    if lineProblems.count < cap {
      lineProblems.append(problem)
    } else {
      omitted += 1
    }
  }

  mutating func addFileProblem(_ problem: DatasetProblem) {
    fileProblems.append(problem)
  }

  /// Stored problems (line order, whole-file last; at most `cap`) and the count left out.
  func finish() -> ([DatasetProblem], Int) {
    let keptFile = Array(fileProblems.prefix(cap))
    let keptLine = Array(lineProblems.prefix(cap - keptFile.count))
    let dropped = (lineProblems.count - keptLine.count) + (fileProblems.count - keptFile.count)
    return (keptLine + keptFile, omitted + dropped)
  }
}
