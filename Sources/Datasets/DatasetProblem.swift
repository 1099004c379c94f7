/// One thing wrong with a dataset file: where it is (line and JSON path) and, in plain English, what
/// is wrong and what to do about it.
public struct DatasetProblem: Sendable, Equatable, Codable {
  /// Stable identifiers for the kinds of problem (the raw value is the case name; scripts and tests
  /// match on it, so never rename one).
  public enum Code: String, Sendable, Codable, CaseIterable {
    /// The line is not valid JSON.
    case invalidJSON
    /// The line is valid JSON but not an object (`{…}`).
    case notAnObject
    /// A required field is absent.
    case missingField
    /// A field the format does not define is present.
    case unexpectedField
    /// A field holds the wrong JSON type (a number where a string belongs, …).
    case wrongType
    /// A text field is empty or only whitespace.
    case emptyText
    /// A message role is neither "user" nor "assistant".
    case wrongRole
    /// Two consecutive messages have the same role.
    case rolesNotAlternating
    /// The first message is not the user's.
    case firstTurnNotUser
    /// The last message is not the assistant's (fine-tuning conversations end with the answer).
    case lastTurnNotAssistant
    /// Reserved for prompt-only files that must end on a user turn. Not reported by the current rules:
    /// distillation prompt files may end with an assistant turn (see `DatasetValidator`).
    case lastTurnNotUser
    /// `schemaVersion` is not "bedrock-conversation-2024".
    case wrongSchemaVersion
    /// An image or video block where the model or the turn takes none.
    case imageNotAllowed
    /// An image or video reference is malformed (format, S3 URI, bucket owner, file extension).
    case badImageReference
    /// The record's estimated input and output tokens together exceed the model's per-record limit.
    case tooManyTokens
    /// The record's estimated input tokens exceed the model's limit.
    case tooManyInputTokens
    /// The record's estimated output tokens exceed the model's limit.
    case tooManyOutputTokens
    /// The line is longer than the validator reads; it was not parsed.
    case lineTooLong
    /// A caption is shorter or longer than the model allows.
    case captionLength
    /// Text contains a word the model's prompt template reserves.
    case reservedWord
    /// A blank line between records.
    case blankLine
    /// The record looks like another dataset format's.
    case wrongFormat
    /// Fewer records than the model requires.
    case tooFewRecords
    /// More records than the model allows.
    case tooManyRecords
    /// The file is larger than the model allows.
    case fileTooLarge
    /// The file has no records.
    case emptyFile
    /// The line is not valid UTF-8.
    case invalidUTF8
    /// The model takes no validation dataset.
    case validationNotAccepted
  }

  /// What kind of problem this is.
  public var code: Code
  /// 1-based line number; nil for whole-file problems (record counts, size).
  public var line: Int?
  /// JSON path of the offending field, like "messages[1].role" or "completion"; nil for the whole line
  /// or file.
  public var field: String?
  /// What is wrong and what to do, for a learner.
  public var message: String

  /// A problem with a code, place and explanation.
  public init(code: Code, line: Int?, field: String?, message: String) {
    self.code = code
    self.line = line
    self.field = field
    self.message = message
  }
}
