import App
import Foundation
import Labs
import TestSupport
import Testing

/// The guided labs run through the dispatcher: every shipped lab completes when its steps' own
/// commands are typed in order, steps done out of order count, and a broken lab file is a finding
/// while the other labs still work.
@Suite struct LabCommandTests {
  static func session() throws -> (TestSession, String) {
    let directory = NSTemporaryDirectory() + "fmlab-lab-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    // Relative file names in the labs' commands land in the data directory.
    return (try TestSession(dataDirectory: directory, workingDirectory: directory), directory)
  }

  static let catalog = LabCatalog.load(root: Fixtures.repositoryRoot)

  @Test func theShippedLabFilesHaveNoProblems() {
    #expect(
      Self.catalog.findings.isEmpty, Comment(rawValue: Self.catalog.findings.map(\.message).joined(separator: "\n")))
    #expect(Self.catalog.labs.count >= 8)
  }

  @Test(arguments: LabCommandTests.catalog.labs.map(\.id))
  func eachLabCompletesWhenItsStepsCommandsAreTypedInOrder(_ id: String) throws {
    let (test, _) = try Self.session()
    let lab = try #require(Self.catalog.labs.first { $0.id == id })
    #expect(test.run("lab start \(id)")[0].status == .success)
    let samples = Fixtures.repositoryRoot + "/Resources/sandbox/samples"
    for step in lab.steps {
      let lines = step.solution.isEmpty ? step.command.map { [$0] } ?? [] : step.solution
      #expect(!lines.isEmpty, "\(id) step \(step.id) has no solution or command")
      for line in lines { _ = test.run(line.replacingOccurrences(of: "${SAMPLES}", with: samples)) }
      let before = test.sink.output.count
      let outcome = test.run("lab check")[0]
      let shown = String(test.sink.output.dropFirst(before))
      // A step already completed by an earlier check ("already done") leaves this check nothing new to do.
      let stillOpen = shown.contains("Not yet: step '\(step.title)'")
      #expect(outcome.status == .success || !stillOpen, "\(id) step \(step.id): \(shown.prefix(400))")
    }
    #expect(test.sink.output.contains("Lab finished: \(lab.title)"))
  }

  @Test func aLabStartsByItsNumberInTheLabsTable() throws {
    let (test, _) = try Self.session()
    let last = try #require(Self.catalog.labs.last)
    let number = Self.catalog.labs.count
    #expect(test.run("lab start \(number)")[0].status == .success)
    let before = test.sink.output.count
    test.run("lab")
    #expect(String(test.sink.output.dropFirst(before)).contains(last.title))
    let beyond = test.run("lab start \(number + 1)")[0]
    #expect(beyond.status == .usage)
  }

  @Test func aLaterStepDoneFirstCountsWhenItsTurnComes() throws {
    let (test, _) = try Self.session()
    test.run("lab start bedrock-walkthrough")
    // Step 2 (compare without an image) before step 1 (with an image): checking after step 1 completes both.
    test.run("compare nova-micro claude-3-5-sonnet \"What are the top AWS services?\"")
    #expect(test.run("lab check")[0].status != .success)
    let image = Fixtures.repositoryRoot + "/Resources/sandbox/samples/architecture-diagram.png"
    test.run("compare nova-micro claude-3-5-sonnet \"What are the top AWS services?\" --image \(image)")
    let before = test.sink.output.count
    #expect(test.run("lab check")[0].status == .success)
    #expect(String(test.sink.output.dropFirst(before)).contains("(already done)"))
  }

  @Test func aBrokenLabFileIsAFindingAndTheOtherLabsStillLoad() throws {
    let root = NSTemporaryDirectory() + "fmlab-labs-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: root + "/content/labs", withIntermediateDirectories: true)
    let good = try String(
      contentsOfFile: Fixtures.repositoryRoot + "/content/labs/01-walkthrough.yaml", encoding: .utf8)
    try good.write(toFile: root + "/content/labs/01-good.yaml", atomically: true, encoding: .utf8)
    try "id: broken\ntitle: [unclosed\n".write(
      toFile: root + "/content/labs/02-broken.yaml", atomically: true, encoding: .utf8)
    try "id: typo\ntitel: x\n".write(toFile: root + "/content/labs/03-typo.yaml", atomically: true, encoding: .utf8)
    let catalog = LabCatalog.load(root: root)
    #expect(catalog.labs.map(\.id) == ["bedrock-walkthrough"])
    #expect(catalog.findings.contains { $0.location.file == "content/labs/02-broken.yaml" })
    #expect(catalog.findings.contains { $0.message.contains("unknown lab field 'titel' — did you mean 'title'?") })
  }

  @Test func labHintGivesTheHintsThenTheCommand() throws {
    let (test, _) = try Self.session()
    test.run("lab start bedrock-walkthrough")
    let lab = try #require(Self.catalog.labs.first { $0.id == "bedrock-walkthrough" })
    for _ in lab.steps[0].hints { test.run("lab hint") }
    let before = test.sink.output.count
    test.run("lab hint")
    #expect(String(test.sink.output.dropFirst(before)).contains("hint: type this:\n      compare nova-micro"))
  }

  @Test func hintsAreRenderedAsMarkdownAndTheLastIsTheWholeCommandOnItsOwnLine() throws {
    let (test, _) = try Self.session()
    test.run("lab start bedrock-walkthrough")
    let lab = try #require(Self.catalog.labs.first { $0.id == "bedrock-walkthrough" })
    #expect(lab.steps[0].hints[0].contains("`compare`"))
    var before = test.sink.output.count
    test.run("lab hint")
    #expect(String(test.sink.output.dropFirst(before)).hasPrefix("hint: Use compare followed by"))
    for _ in lab.steps[0].hints.dropFirst() { test.run("lab hint") }
    before = test.sink.output.count
    test.run("lab hint")
    let command = try #require(lab.steps[0].command)
    let samples = Fixtures.repositoryRoot + "/Resources/sandbox/samples"
    let expanded = command.replacingOccurrences(of: "${SAMPLES}", with: samples)
    #expect(String(test.sink.output.dropFirst(before)) == "hint: type this:\n      \(expanded)\n")
  }

  @Test func aLongHintWrapsUnderItsLabel() throws {
    let (test, _) = try Self.session()
    test.run("lab start bedrock-walkthrough")
    test.run("lab hint")
    let before = test.sink.output.count
    test.run("lab hint")
    let lines = String(test.sink.output.dropFirst(before)).split(separator: "\n")
    #expect(lines.count > 1)
    #expect(lines.first?.hasPrefix("hint: ") == true)
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("      ") && !$0.hasPrefix("       ") })
  }

  /// fmlab run from a folder whose path has a space and a quote in it: the sample files' paths in a lab's set-up
  /// and in the command a hint gives are quoted, so they stay one word.
  @Test func samplePathsWorkFromAFolderWithASpaceAndAQuoteInItsName() throws {
    let root = NSTemporaryDirectory() + "fmlab Sam's copy \(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for folder in ["content", "quizzes", "Resources"] {
      try FileManager.default.createSymbolicLink(
        atPath: root + "/" + folder, withDestinationPath: Fixtures.repositoryRoot + "/" + folder)
    }
    let directory = NSTemporaryDirectory() + "fmlab-lab-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let test = try TestSession(contentRoot: root, dataDirectory: directory, workingDirectory: directory)

    #expect(test.run("lab start fix-broken-dataset")[0].status == .success)
    #expect(test.run("s3 ls s3://lab-broken-data/data/")[0].status == .success)
    #expect(test.sink.output.contains("train.jsonl"))

    #expect(test.run("lab start bedrock-walkthrough")[0].status == .success)
    let lab = try #require(Self.catalog.labs.first { $0.id == "bedrock-walkthrough" })
    for _ in lab.steps[0].hints { test.run("lab hint") }
    let before = test.sink.output.count
    test.run("lab hint")
    let hint = String(test.sink.output.dropFirst(before)).split(separator: "\n")
    let command = try #require(hint.last).trimmingCharacters(in: .whitespaces)
    #expect(command.contains("'\(root.replacingOccurrences(of: "'", with: #"'\''"#))/Resources/sandbox/samples'/"))
    let ran = test.sink.output.count
    #expect(test.run(command)[0].status == .success, "\(test.sink.output.dropFirst(ran))")
    let checked = test.sink.output.count
    #expect(test.run("lab check")[0].status == .success, "\(test.sink.output.dropFirst(checked))")
  }

  @Test func finishingALabSchedulesItsDebriefFlashcards() throws {
    let (test, _) = try Self.session()
    let lab = try #require(Self.catalog.labs.first { $0.id == "bedrock-walkthrough" })
    test.run("lab start bedrock-walkthrough")
    for _ in lab.steps { test.run("lab skip") }
    #expect(test.sink.output.contains("Lab finished"))
    let cards = test.session.finishedLabFlashcardIDs()
    #expect(cards.count == lab.debrief.flashcards.count)
    #expect(cards.allSatisfy { $0.hasPrefix("lab-bedrock-walkthrough#") })
  }
}
