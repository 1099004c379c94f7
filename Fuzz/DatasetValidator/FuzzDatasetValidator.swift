// Fuzz target: the JSONL dataset validator (`Datasets.DatasetValidator`), whatever the bytes.
//
// The first byte chooses the check: `byte % 6` the format, in `DatasetFormat.allCases` order (so the ASCII
// digits '0'…'5' are prompt-completion, bedrock-conversation-2024, distillation-prompts, claude-messages,
// input-text, image-caption) and `byte / 6 % 4` the model limits and role (see `DatasetTarget.setups`). The
// rest of the input is the file. The report must keep its documented promises: at most `problemCap` problems,
// line problems in line order on real lines, whole-file problems last, the byte count of the file.
//
// Built with -DFUZZING (scripts/fuzz) this is a libFuzzer target; otherwise it replays files:
//   swift run FuzzDatasetValidator Fuzz/DatasetValidator/corpus [MORE FILES OR FOLDERS…]
import Datasets
import Foundation
import FuzzSupport

/// The body run for every input.
enum DatasetTarget {
  /// The limits, role, problem cap and line cap of each of the four setups.
  static let setups: [(limits: DatasetLimits, role: DatasetRole, problemCap: Int, maxLineBytes: Int)] = [
    // Nova-like: images allowed, reserved words checked, realistic limits.
    (
      DatasetLimits(
        minRecords: 8, maxRecords: 20_000, maxValidationRecords: 1_000, maxTokensPerRecord: 32_000,
        maxTrainingBytes: 1_000_000, maxValidationBytes: 100_000, minCaptionCharacters: 3,
        maxCaptionCharacters: 1_024, acceptsImages: true, charactersPerToken: 4.5, checksReservedWords: true),
      .training, 100, DatasetValidator.defaultMaxLineBytes
    ),
    // The same model's validation file.
    (
      DatasetLimits(
        minRecords: 8, maxRecords: 20_000, maxValidationRecords: 2, maxTokensPerRecord: 32_000,
        maxTrainingBytes: 1_000_000, maxValidationBytes: 300, acceptsImages: true, charactersPerToken: 4.5,
        checksReservedWords: true),
      .validation, 100, DatasetValidator.defaultMaxLineBytes
    ),
    // Tiny limits, so every limit is reached: tokens, records, bytes, line length, the problem cap.
    (
      DatasetLimits(
        minRecords: 2, maxRecords: 3, maxTokensPerRecord: 12, maxInputTokens: 8, maxOutputTokens: 6,
        maxTrainingBytes: 400, minCaptionCharacters: 2, maxCaptionCharacters: 10, charactersPerToken: 1),
      .training, 3, 96
    ),
    // No limits stated, no validation file, no images: Claude 3 Haiku-like.
    (
      DatasetLimits(acceptsValidation: false, acceptsImages: false, charactersPerToken: 3.5),
      .validation, 100, DatasetValidator.defaultMaxLineBytes
    ),
  ]

  /// Validates the input (first byte: the setup; the rest: the file) and checks the report.
  static func check(_ bytes: UnsafeRawBufferPointer) throws(Unexpected) {
    guard let selector = bytes.first else { return }
    let formats = DatasetFormat.allCases
    let format = formats[Int(selector) % formats.count]
    let setup = setups[Int(selector) / formats.count % setups.count]
    let file = bytes.dropFirst()
    let validator = DatasetValidator(
      format: format, limits: setup.limits, role: setup.role, problemCap: setup.problemCap,
      maxLineBytes: setup.maxLineBytes)
    let report = validator.validate(file)
    try checkReport(report, file: file, validator: validator)
  }

  /// The report's documented promises for `file`.
  static func checkReport(
    _ report: DatasetReport, file: Slice<UnsafeRawBufferPointer>, validator: DatasetValidator
  ) throws(Unexpected) {
    let lineCount = file.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    func fail(_ what: String) -> Unexpected {
      Unexpected(description: "\(what) (format \(validator.format.rawValue), \(validator.role.rawValue))")
    }
    guard report.format == validator.format, report.role == validator.role else { throw fail("wrong format or role") }
    guard report.bytes == file.count else { throw fail("bytes \(report.bytes), the file has \(file.count)") }
    guard report.records >= 0, report.records <= lineCount else { throw fail("\(report.records) records") }
    guard report.problems.count <= validator.problemCap, report.omittedProblems >= 0 else {
      throw fail("\(report.problems.count) problems over the cap of \(validator.problemCap)")
    }
    guard report.estimatedTokens >= 0, report.maxRecordTokens >= 0, report.maxRecordTokens <= report.estimatedTokens
    else { throw fail("token figures \(report.estimatedTokens), \(report.maxRecordTokens)") }
    if report.isValid && report.records == 0 { throw fail("a valid report with no records") }
    var previousLine = 0
    var seenFileProblem = false
    for problem in report.problems {
      guard !problem.message.isEmpty else { throw fail("an empty message for \(problem.code)") }
      guard let line = problem.line else {
        seenFileProblem = true
        continue
      }
      guard !seenFileProblem else { throw fail("a line problem after a whole-file problem") }
      guard line >= 1, line <= lineCount else { throw fail("a problem on line \(line) of \(lineCount)") }
      guard line >= previousLine else { throw fail("line \(line) reported after line \(previousLine)") }
      previousLine = line
    }
  }
}

#if FUZZING
  /// libFuzzer's entry point: one input per call; a broken invariant traps so libFuzzer saves the input.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
      try DatasetTarget.check(UnsafeRawBufferPointer(start: data, count: size))
    } catch {
      fatalError(error.description)
    }
    return 0
  }
#else
  /// The corpus replayer (see `FuzzReplay`).
  @main enum Replay {
    static func main() {
      FuzzReplay.main(name: "FuzzDatasetValidator") { bytes in
        do throws(Unexpected) {
          try DatasetTarget.check(bytes)
          return nil
        } catch {
          return error
        }
      }
    }
  }
#endif
