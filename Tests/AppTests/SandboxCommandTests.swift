import App
import Foundation
import Store
import Terminal
import TestSupport
import Testing

/// The sandbox's commands end to end through the dispatcher, over a temporary data directory
/// (S3 buckets are folders there) and an in-memory or on-disk store, with the clock pinned.
@Suite struct SandboxCommandTests {
  /// A fresh data directory and a session over it.
  static func sandboxSession(
    reader: LineReader? = nil, store: ProgressStore? = nil, directory: String? = nil, json: Bool = false
  ) throws -> (TestSession, String) {
    let directory = directory ?? NSTemporaryDirectory() + "fmlab-sandbox-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return (try TestSession(json: json, dataDirectory: directory, store: store, reader: reader), directory)
  }

  /// Runs lines and returns what the last one printed (output and errors) and its status.
  static func last(_ test: TestSession, _ lines: String...) -> (text: String, errors: String, status: Int32) {
    var status: Int32 = 0
    var text = ""
    var errors = ""
    for line in lines {
      let before = (test.sink.output.count, test.sink.errors.count)
      status = test.run(line)[0].status.rawValue
      text = String(test.sink.output.dropFirst(before.0))
      errors = String(test.sink.errors.dropFirst(before.1))
    }
    return (text, errors, status)
  }

  /// Bucket, data, a role with exactly the permissions a job needs.
  static func prepareFineTuning(_ test: TestSession, directory: String, records: Int = 300) {
    let file = directory + "/train.jsonl"
    _ = last(
      test, "sample-dataset \(file) --model nova-micro --records \(records)", "s3 mb s3://demo-bucket",
      "s3 cp \(file) s3://demo-bucket/data/train.jsonl", "iam create-role BedrockFT --trust bedrock.amazonaws.com",
      "iam allow BedrockFT s3:GetObject,s3:ListBucket demo-bucket/data/",
      "iam allow BedrockFT s3:PutObject demo-bucket/out/")
  }

  // MARK: Walkthrough part 2

  @Test func compareShowsTheWalkthroughsContrastWithTheImageIgnoredByNovaMicro() throws {
    let (test, directory) = try Self.sandboxSession()
    let image = directory + "/photo.png"
    _ = FileManager.default.createFile(atPath: image, contents: Data([0x89, 0x50, 0x4E, 0x47]))
    let result = Self.last(
      test, "compare nova-micro claude-3-5-sonnet \"What are the top AWS services?\" --image \(image)")
    #expect(result.status == 0)
    #expect(result.text.contains("SIMULATED"))
    #expect(result.text.contains("⚠ Amazon Nova Micro doesn't accept"))
    #expect(result.text.contains("photo.png"))
    #expect(result.text.contains("input tokens"))
    #expect(result.text.contains("stop reason"))
  }

  @Test func compareAsJSONHasNovaMicroFasterCheaperAndBothTokenCounts() throws {
    let (test, _) = try Self.sandboxSession(json: true)
    test.run("compare nova-micro claude-3-5-sonnet \"What are the top AWS services?\"")
    let last = test.jsonLines().last
    let data = try #require(last?["data"] as? [[String: Any]])
    #expect(data.count == 2)
    let micro = data[0]
    let sonnet = data[1]
    #expect(micro["inputTokens"] as? Int == 7)
    #expect(sonnet["inputTokens"] as? Int == 15)
    let microResponse = try #require(micro["response"] as? [String: Any])
    let sonnetResponse = try #require(sonnet["response"] as? [String: Any])
    #expect((microResponse["latencyMs"] as? Int ?? .max) < (sonnetResponse["latencyMs"] as? Int ?? 0))
    let microCost = try #require(micro["cost"] as? Double)
    let sonnetCost = try #require(sonnet["cost"] as? Double)
    let microTokens = Double((micro["inputTokens"] as? Int ?? 0) + (micro["outputTokens"] as? Int ?? 0))
    let sonnetTokens = Double((sonnet["inputTokens"] as? Int ?? 0) + (sonnet["outputTokens"] as? Int ?? 0))
    #expect(microCost / microTokens * 10 < sonnetCost / sonnetTokens)
    #expect((microResponse["text"] as? String) != (sonnetResponse["text"] as? String))
  }

  @Test func compareRefusesSpeechToSpeechModels() throws {
    let (test, _) = try Self.sandboxSession()
    let result = Self.last(test, "compare nova-micro nova-sonic \"Hello\"")
    #expect(result.status != 0)
    #expect(result.errors.contains("ValidationException"))
    #expect(result.errors.contains("speech-to-speech"))
  }

  @Test func maxTokensTruncatesWithTheMaxTokensStopReason() throws {
    let (test, _) = try Self.sandboxSession(json: true)
    test.run("invoke nova-micro \"What is Amazon Bedrock?\" --max-tokens 20")
    let last = test.jsonLines().last
    let data = try #require(last?["data"] as? [String: Any])
    let response = try #require(data["response"] as? [String: Any])
    #expect(response["stopReason"] as? String == "max_tokens")
    #expect(response["outputTokens"] as? Int == 20)
  }

  @Test func aOneMegabytePromptIsTooLongForNovaMicrosContextWindow() throws {
    let (test, directory) = try Self.sandboxSession()
    let file = directory + "/prompt.txt"
    try String(repeating: "word ", count: 210_000).write(toFile: file, atomically: true, encoding: .utf8)
    let result = Self.last(test, "invoke nova-micro --prompt-file \(file)")
    #expect(result.status != 0)
    #expect(result.errors.contains("ValidationException: Input is too long for requested model"))
  }

  // MARK: Walkthrough part 4

  @Test func theWizardAsksForTheNineSettingsAndCreatesTheJob() throws {
    let reader = ScriptedLineReader(lines: [
      "amazon.nova-micro-v1:0", "DemoCustomModel", "demo-job", "", "s3://demo-bucket/data/train.jsonl", "",
      "epochCount=3", "s3://demo-bucket/out/", "BedrockFT",
    ])
    let (test, directory) = try Self.sandboxSession(reader: reader)
    Self.prepareFineTuning(test, directory: directory)
    let result = Self.last(test, "customize fine-tuning")
    #expect(result.status == 0, Comment(rawValue: result.errors))
    #expect(result.text.contains("1. Base model"))
    #expect(result.text.contains("9. Service role"))
    #expect(result.text.contains("Created model customization job demo-job (InProgress)"))
    let job = Self.last(test, "job demo-job").text
    #expect(job.contains("epochCount=\"3\""))
    #expect(job.contains("validation InProgress"))
  }

  @Test func theWizardAsksAgainForAMissingOrMistypedSettingAtItsOwnQuestion() throws {
    let reader = ScriptedLineReader(lines: [
      "", "nova-mirco", "nova-micro", "bad name!", "DemoCustomModel", "demo-job", "demo-job-2", "",
      "demo-bucket/data/train.jsonl", "s3://demo-bucket/data/train.jsonl", "", "", "s3://demo-bucket/out/", "BedrockFT",
    ])
    let (test, directory) = try Self.sandboxSession()
    Self.prepareFineTuning(test, directory: directory)
    let first = Self.last(
      test,
      "customize fine-tuning --base nova-micro --model-name M1 --job-name demo-job "
        + "--train s3://demo-bucket/data/train.jsonl --output s3://demo-bucket/out/ --role BedrockFT")
    #expect(first.status == 0, Comment(rawValue: first.errors))
    test.session.reader = reader
    let result = Self.last(test, "customize fine-tuning")
    #expect(result.status == 0, Comment(rawValue: result.errors))
    #expect(result.text.hasPrefix("Creating a fine-tuning job: the console's nine settings"))
    #expect(result.text.contains("This one is required"))
    #expect(result.text.contains("No model 'nova-mirco' in the catalog — did you mean 'nova-micro'?"))
    #expect(result.text.contains("Use 1–63 letters and digits"))
    #expect(result.text.contains("A job named demo-job already exists"))
    #expect(result.text.contains("That is not an S3 URI"))
    #expect(result.text.contains("Created model customization job demo-job-2 (InProgress)"))
  }

  @Test func theWizardStoppedWithCtrlDNamesWhatIsMissingAndCreatesNothing() throws {
    let (test, directory) = try Self.sandboxSession(reader: ScriptedLineReader(lines: ["nova-micro", "Demo"]))
    Self.prepareFineTuning(test, directory: directory)
    let result = Self.last(test, "customize fine-tuning")
    #expect(result.status == 2)
    #expect(
      result.errors.contains("customize needs --job-name, --train, --output, --role"), Comment(rawValue: result.errors))
    #expect(Self.last(test, "jobs").text.contains("No customization jobs"))
  }

  @Test func aJobRunsOnTheSandboxClockAndWritesItsMetrics() throws {
    let (test, directory) = try Self.sandboxSession()
    Self.prepareFineTuning(test, directory: directory)
    let created = Self.last(
      test,
      "customize fine-tuning --base amazon.nova-micro-v1:0 --model-name DemoCustomModel --job-name demo-job "
        + "--train s3://demo-bucket/data/train.jsonl --output s3://demo-bucket/out/ --role BedrockFT --epochs 2")
    #expect(created.status == 0, Comment(rawValue: created.errors))
    #expect(Self.last(test, "jobs").text.contains("InProgress"))
    let advanced = Self.last(test, "advance 1d").text
    #expect(
      advanced.contains("job demo-job Completed: metrics written to s3://demo-bucket/out/model-customization-job-"))
    #expect(advanced.contains("custom model DemoCustomModel is Active"))
    let listing = Self.last(test, "s3 ls s3://demo-bucket/out/").text
    #expect(listing.contains("training_artifacts/step_wise_training_metrics.csv"))
    let detail = Self.last(test, "job demo-job").text
    #expect(detail.contains("training Completed"))
    #expect(detail.contains("Loss"))
    #expect(Self.last(test, "custom-models").text.contains("DemoCustomModel"))
  }

  @Test func aRoleWithoutS3PermissionsFailsTheJobInValidationWithAccessDenied() throws {
    let (test, directory) = try Self.sandboxSession()
    Self.prepareFineTuning(test, directory: directory)
    _ = Self.last(test, "iam create-role Bare --trust bedrock.amazonaws.com")
    _ = Self.last(
      test,
      "customize fine-tuning --base nova-micro --model-name M1 --job-name j1 --train s3://demo-bucket/data/train.jsonl "
        + "--output s3://demo-bucket/out/ --role Bare")
    _ = Self.last(test, "advance 1h")
    let detail = Self.last(test, "job j1").text
    #expect(detail.contains("Failed"))
    #expect(detail.contains("AccessDenied: role 'Bare' lacks s3:GetObject"))
  }

  @Test func aRoleTrustingAnotherServiceIsRefusedAtCreation() throws {
    let (test, directory) = try Self.sandboxSession()
    Self.prepareFineTuning(test, directory: directory)
    _ = Self.last(test, "iam create-role SageRole --trust sagemaker.amazonaws.com")
    let result = Self.last(
      test,
      "customize fine-tuning --base nova-micro --model-name M1 --job-name j1 --train s3://demo-bucket/data/train.jsonl "
        + "--output s3://demo-bucket/out/ --role SageRole")
    #expect(result.status == 1)
    #expect(result.errors.contains("AccessDeniedException: Amazon Bedrock can't assume role 'SageRole'"))
  }

  @Test func hyperparametersOutOfRangeOrNotNumbersAreAllReported() throws {
    let (test, directory) = try Self.sandboxSession()
    Self.prepareFineTuning(test, directory: directory)
    let result = Self.last(
      test,
      "customize fine-tuning --base nova-micro --model-name M1 --job-name j1 --train s3://demo-bucket/data/train.jsonl "
        + "--output s3://demo-bucket/out/ --role BedrockFT --epochs 9 --learning-rate fast")
    #expect(result.errors.contains("ValidationException: Invalid hyperparameters"))
    #expect(result.errors.contains("epochCount must be between 1 and 5"))
    #expect(result.errors.contains("learningRate must be a number, not 'fast'"))
  }

  @Test func continuedPreTrainingOnNovaMicroIsNotSupported() throws {
    let (test, directory) = try Self.sandboxSession()
    Self.prepareFineTuning(test, directory: directory)
    let result = Self.last(
      test,
      "customize continued-pre-training --base nova-micro --model-name M1 --job-name j1 "
        + "--train s3://demo-bucket/data/train.jsonl --output s3://demo-bucket/out/ --role BedrockFT")
    #expect(result.errors.contains("does not support CONTINUED_PRE_TRAINING"))
  }

  @Test func validateDatasetReportsEveryBrokenLineWithItsField() throws {
    let (test, directory) = try Self.sandboxSession()
    let file = directory + "/bad.jsonl"
    let lines = [
      #"{"prompt": "What is Bedrock?", "completion": "A managed service."}"#,
      #"{"prompt": "broken""#,
      #"{"prompt": "", "completion": "x"}"#,
    ]
    try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
    let result = Self.last(test, "validate-dataset \(file) --model cohere.command-text-v14")
    #expect(result.status == 1)
    #expect(result.text.contains("bad.jsonl:2: error:"))
    #expect(result.text.contains("bad.jsonl:3: error:"))
    #expect(result.text.contains("(prompt)"))
  }

  @Test func s3KeysCannotEscapeTheirBucket() throws {
    let (test, directory) = try Self.sandboxSession()
    let file = directory + "/f.txt"
    try "x".write(toFile: file, atomically: true, encoding: .utf8)
    _ = Self.last(test, "s3 mb s3://safe-bucket")
    let dotdot = Self.last(test, "s3 cp \(file) s3://safe-bucket/../../escape.txt")
    #expect(dotdot.errors.contains("InvalidObjectKey"))
    let absolute = Self.last(test, "s3 cp \(file) s3://safe-bucket//etc/passwd")
    #expect(absolute.errors.contains("InvalidObjectKey"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/sandbox/escape.txt"))
    #expect(!FileManager.default.fileExists(atPath: directory + "/escape.txt"))
  }

  // MARK: Walkthrough part 5

  @Test func aCustomModelNeedsProvisionedThroughputOrAnOnDemandDeployment() throws {
    let (test, directory) = try Self.sandboxSession()
    Self.prepareFineTuning(test, directory: directory)
    _ = Self.last(
      test,
      "customize fine-tuning --base nova-micro --model-name DemoCustomModel --job-name demo-job "
        + "--train s3://demo-bucket/data/train.jsonl --output s3://demo-bucket/out/ --role BedrockFT", "advance 1d")
    let direct = Self.last(test, "invoke DemoCustomModel \"What is fine-tuning?\"")
    #expect(direct.errors.contains("ValidationException: custom model DemoCustomModel can't be invoked on demand"))
    #expect(direct.errors.contains("deploy NAME --model DemoCustomModel"))
    let bought = Self.last(test, "provision demo-pt --model DemoCustomModel --units 1 --commitment 1m")
    #expect(bought.text.contains("Creating"))
    #expect(Self.last(test, "invoke demo-pt \"What is fine-tuning?\"").errors.contains("ModelNotReadyException"))
    _ = Self.last(test, "advance 1h")
    let served = Self.last(test, "invoke demo-pt \"What is fine-tuning?\"")
    #expect(served.status == 0, Comment(rawValue: served.errors))
    #expect(served.text.contains("DemoCustomModel (custom, from Amazon Nova Micro)"))
    let early = Self.last(test, "pt delete demo-pt")
    #expect(early.errors.contains("ConflictException"))
    #expect(early.errors.contains("can't be deleted before the term ends"))
    let bill = Self.last(test, "bill").text
    #expect(bill.contains("provisioned-throughput"))
    #expect(bill.contains("still accruing"))
    _ = Self.last(test, "advance 32d")
    #expect(Self.last(test, "pt delete demo-pt").status == 0)
  }

  @Test func theSandboxSurvivesARestartOfTheProcess() throws {
    let directory = NSTemporaryDirectory() + "fmlab-sandbox-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/progress.sqlite"
    do {
      let store = try ProgressStore.open(at: path, appVersion: "test", now: TestClock.reference)
      let (test, _) = try Self.sandboxSession(store: store, directory: directory)
      Self.prepareFineTuning(test, directory: directory)
      _ = Self.last(
        test,
        "customize fine-tuning --base nova-micro --model-name DemoCustomModel --job-name demo-job "
          + "--train s3://demo-bucket/data/train.jsonl --output s3://demo-bucket/out/ --role BedrockFT")
      try store.close()
    }
    let reopened = try ProgressStore.open(at: path, appVersion: "test", now: TestClock.reference)
    let (test, _) = try Self.sandboxSession(store: reopened, directory: directory)
    let status = Self.last(test, "sandbox status").text
    #expect(status.contains("demo-job (InProgress)"))
    #expect(status.contains("BedrockFT"))
    #expect(status.contains("demo-bucket"))
  }

  @Test func anUnreadableSavedStateIsReportedAndLeftUntouched() throws {
    let store = try ProgressStore.inMemory(now: TestClock.reference)
    _ = try store.updateSandbox(now: TestClock.reference) { _ in (Data("{not json".utf8), ()) }
    let (test, _) = try Self.sandboxSession(store: store)
    let result = Self.last(test, "iam create-role R --trust bedrock.amazonaws.com")
    #expect(result.status == 1)
    #expect(result.errors.contains("the saved sandbox state can't be read"))
    #expect(result.errors.contains("sandbox reset --yes"))
    #expect(try store.sandboxState() == Data("{not json".utf8))
  }

  @Test func throughputSimulationShowsCapacityThrottlingAndBreakEven() throws {
    let (test, _) = try Self.sandboxSession()
    let result = Self.last(
      test, "throughput simulate --rpm 100 --input-tokens 500 --output-tokens 300 --model nova-lite")
    #expect(result.status == 0, Comment(rawValue: result.errors))
    #expect(result.text.contains("Throttling (ThrottlingException, HTTP 429) starts above"))
    #expect(result.text.contains("Break-even"))
    #expect(result.text.contains("illustrative"))
    #expect(result.text.contains("Monthly cost vs load"))
  }

  @Test func throughputFiguresAreGroupedAndTheCheaperOptionIsNamedInWords() throws {
    let (test, _) = try Self.sandboxSession()
    let result = Self.last(
      test, "throughput simulate --rpm 600 --input-tokens 500 --output-tokens 300 --model nova-micro")
    #expect(result.status == 0, Comment(rawValue: result.errors))
    #expect(result.text.contains("= 300,000 input and 180,000 output tokens per minute"))
    #expect(result.text.contains("Cheaper at this load: on-demand\n"))
    #expect(!result.text.contains("onDemand"))
    // Every dollar amount of a thousand or more has its comma.
    #expect(result.text.firstMatch(of: /\$[0-9]{4,}/) == nil, Comment(rawValue: result.text))
  }

  @Test func throughputWithoutTheWordSimulateSimulates() throws {
    let (test, _) = try Self.sandboxSession()
    let result = Self.last(test, "throughput --rpm 100 --input-tokens 500 --output-tokens 300 --model nova-micro")
    #expect(result.status == 0, Comment(rawValue: result.errors))
    #expect(result.text.hasPrefix("Provisioned Throughput for Amazon Nova Micro"))
    let bare = Self.last(test, "throughput")
    #expect(bare.status == 2)
    #expect(bare.errors.contains("--rpm"))
  }

  @Test func theProvisionedThroughputListNamesTheModelShortlyAndFitsEightyColumns() throws {
    let (test, _) = try Self.sandboxSession()
    let list = Self.last(test, "provision quick-pt --model nova-micro --units 1 --commitment 1m", "pt")
    #expect(list.status == 0, Comment(rawValue: list.errors))
    let row = try #require(list.text.split(separator: "\n").first { $0.hasPrefix("quick-pt") })
    #expect(row.contains(" nova-micro "))
    #expect(!row.contains("…"), "the row fits 80 columns: \(row)")
  }

  @Test func sandboxResetEmptiesTheAccountButNotStudyProgress() throws {
    let (test, directory) = try Self.sandboxSession()
    Self.prepareFineTuning(test, directory: directory)
    #expect(Self.last(test, "sandbox reset --yes").status == 0)
    let status = Self.last(test, "sandbox status").text
    #expect(status.contains("S3 buckets    none"))
    #expect(status.contains("IAM roles     none"))
  }
}

@Suite struct SubcommandHelpTests {
  @Test func helpForASubcommandShowsItsOwnOptions() throws {
    let test = try TestSession()
    test.run("help throughput simulate")
    #expect(test.sink.output.contains("--input-tokens"))
    #expect(!test.sink.output.contains("<subcommand>"))
  }
}
