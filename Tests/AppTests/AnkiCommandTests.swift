import Core
import Foundation
import Store
import Terminal
import TestSupport
import Testing

@testable import App

/// `export anki`, `import anki` and the `export`/`import` command families, through the dispatcher.
@Suite struct AnkiCommandTests {
  static func session(json: Bool = false) throws -> (TestSession, String) {
    let directory = NSTemporaryDirectory() + "fmlab-anki-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return (try TestSession(json: json, dataDirectory: directory, workingDirectory: directory), directory)
  }

  /// Runs the Anki oracle's fixture maker (`Tests/AnkiTests/Oracle/make_fixture.py ARGUMENTS…`) in the test venv.
  static func makeFixture(_ arguments: [String]) throws {
    let python = Fixtures.repositoryRoot + "/scripts/.venv/bin/python"
    try #require(
      FileManager.default.isExecutableFile(atPath: python), "the Anki oracle venv is missing: run scripts/setup --test")
    let made = try ProcessRunner.run(
      python, [Fixtures.repositoryRoot + "/Tests/AnkiTests/Oracle/make_fixture.py"] + arguments, timeout: 120)
    try #require(made.status == 0, Comment(rawValue: made.stderr))
  }

  static func flashcardCount() throws -> Int {
    let content = try TestSession.repositoryContent.get()
    return Set(content.topics.flatMap { $0.flashcards.map(\.id) }).count
  }

  static func scoredItemCount() throws -> Int {
    try TestSession.repositoryContent.get().items.flatMap(\.scoredItems).count
  }

  @Test("export anki writes every flashcard and scored item; importing that package back adds no copies")
  func exportThenImportRoundTrip() throws {
    let (test, directory) = try Self.session(json: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(test.run("export anki bank.apkg")[0].status == .success, Comment(rawValue: test.sink.errors))
    let result = try #require((test.jsonLines().last?["data"] as? [String: Any])?["summary"] as? [String: Any])
    let flashcards = try Self.flashcardCount()
    let items = try Self.scoredItemCount()
    #expect(result["flashcards"] as? Int == flashcards)
    #expect(result["examItems"] as? Int == items)
    #expect(FileManager.default.fileExists(atPath: directory + "/bank.apkg"))
    #expect(test.run("import anki bank.apkg")[0].status == .failure)
    #expect(
      (test.sink.output + test.sink.errors).contains(
        "holds only fmlab's own flashcards and exam items (\(Plural.of(flashcards + items, "note")) exported by fmlab)"),
      Comment(rawValue: test.sink.output.suffix(600) + test.sink.errors))
    #expect(try test.session.store().userCards().isEmpty)
    // No scratch files are left in the data directory.
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".anki") }
    #expect(leftovers.isEmpty)
  }

  @Test("--domain and --flashcards narrow the export; a bad domain or file name is a usage error")
  func selection() throws {
    let (test, directory) = try Self.session(json: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(test.run("export anki d3.apkg --domain 3 --flashcards")[0].status == .success)
    let summary = try #require((test.jsonLines().last?["data"] as? [String: Any])?["summary"] as? [String: Any])
    #expect(summary["examItems"] as? Int == 0)
    #expect((summary["flashcards"] as? Int ?? 0) > 0)
    #expect((summary["flashcards"] as? Int ?? 0) < (try Self.flashcardCount()))
    #expect(test.run("export anki x.apkg --domain 9")[0].status == .usage)
    #expect(test.run("export anki deck.zip")[0].status == .usage)
    #expect(test.run("export anki x.apkg --objective 9.9")[0].status == .usage)
    #expect(test.sink.output.contains("nothing to export"))
  }

  @Test("--with-schedule counts the cards that carry a schedule")
  func withSchedule() throws {
    let (test, directory) = try Self.session(json: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = try test.session.store()
    let content = try TestSession.repositoryContent.get()
    let id = try #require(content.topics.first?.flashcards.first?.id)
    try store.addCards([id], kind: .flashcard, at: TestClock.reference)
    let scheduler = try test.session.scheduler()
    let after = scheduler.review(.new, rating: .good, at: TestClock.reference).card
    try store.recordReview(
      cardId: id, rating: .good, at: TestClock.reference, elapsedMs: 1000, mode: .review, before: .new, after: after,
      sessionId: nil)
    #expect(test.run("export anki s.apkg --with-schedule --flashcards")[0].status == .success)
    let summary = try #require((test.jsonLines().last?["data"] as? [String: Any])?["summary"] as? [String: Any])
    #expect(summary["scheduledCards"] as? Int == 1)
  }

  @Test("a file that is not a package is refused with a clear message and nothing is stored")
  func hostileImport() throws {
    let (test, directory) = try Self.session()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Data("front,back\n".utf8).write(to: URL(fileURLWithPath: directory + "/deck.apkg"))
    let outcome = test.run("import anki deck.apkg")[0]
    #expect(outcome.status == .failure)
    #expect(test.sink.errors.contains("not a zip archive"), Comment(rawValue: test.sink.errors))
    #expect(try test.session.store().userCards().isEmpty)
    #expect(test.run("import anki missing.apkg")[0].status == .failure)
    #expect(test.sink.errors.contains("no such file"))
  }

  @Test("imported cards are found by search and served by review; importing again duplicates nothing")
  func importedCardsJoinSearchAndReview() throws {
    let (test, directory) = try Self.session()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Self.makeFixture(["anki", directory + "/geo.apkg"])
    #expect(test.run("import anki geo.apkg")[0].status == .success, Comment(rawValue: test.sink.errors))
    #expect(test.sink.output.contains("Imported 5 cards from 4 notes"), Comment(rawValue: test.sink.output))
    #expect(test.sink.output.contains("11 reviews replayed"))
    let store = try test.session.store()
    #expect(try store.userCards().count == 5)
    #expect(try store.reviews().count == 11)
    #expect(test.run("import anki geo.apkg")[0].status == .success)
    #expect(test.sink.output.contains("0 new, 5 updated; 0 reviews replayed into FSRS (11 already imported)"))
    #expect(try store.reviews().count == 11)
    #expect(try store.userCards().count == 5)
    #expect(test.run("search canberra")[0].status == .success)
    #expect(test.sink.output.contains("Your imported cards:"))
    #expect(test.sink.output.contains("Canberra is the capital of [country]"))
    #expect(test.run("search canberra --json")[0].status == .success)
    let found = (test.jsonLines().last?["data"] as? [String: Any])?["userCards"] as? [[String: Any]]
    #expect(found?.count == 2)
    #expect((test.jsonLines().last?["data"] as? [String: Any])?["terms"] != nil, "the search result's own keys stay")
    let cram = test.run("review --cram anki --limit 1")[0]
    #expect(cram.status == .success, Comment(rawValue: test.sink.errors))
    #expect(test.sink.output.contains("Anki · Oracle::Capitals"), Comment(rawValue: test.sink.output))
  }

  @Test("an Anki collection holding fmlab's export and the learner's own notes gives only the learner's notes")
  func fmlabsOwnNotesInAnAnkiCollectionAreLeftOut() throws {
    let (test, directory) = try Self.session()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(test.run("export anki d1.apkg --domain 1")[0].status == .success)
    let wrote = try #require(test.sink.output.firstMatch(of: /: (\d+) flashcards and (\d+) exam items/))
    let exportedNotes = try #require(Int(wrote.1)) + (try #require(Int(wrote.2)))
    // Real Anki imports fmlab's package, adds four notes of its own, answers cards of both, and exports it all.
    try Self.makeFixture(["anki", directory + "/mixed.apkg", "--merge", directory + "/d1.apkg"])
    let before = test.sink.output.count
    #expect(test.run("import anki mixed.apkg")[0].status == .success, Comment(rawValue: test.sink.errors))
    let shown = String(test.sink.output.dropFirst(before))
    #expect(shown.contains("Imported 5 cards from 4 notes"), Comment(rawValue: shown))
    #expect(shown.contains("11 reviews replayed"), Comment(rawValue: shown))
    #expect(
      shown.contains(
        "Left out \(exportedNotes) notes that are fmlab's own flashcards and exam items (fmlab has them already); "
          + "their 3 reviews in Anki are not brought back."), Comment(rawValue: shown))
    let cards = try test.session.store().userCards()
    #expect(cards.count == 5)
    #expect(cards.allSatisfy { $0.deck.hasPrefix("Oracle") }, Comment(rawValue: "\(cards.map(\.deck))"))
  }

  @Test("export and import have subcommands, and the old names still work")
  func aliases() throws {
    let (test, directory) = try Self.session()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = try test.session.store()
    try store.addCards(["card-1"], kind: .flashcard, at: TestClock.reference)
    let after = try test.session.scheduler().review(.new, rating: .good, at: TestClock.reference).card
    try store.recordReview(
      cardId: "card-1", rating: .good, at: TestClock.reference, elapsedMs: 1000, mode: .review, before: .new,
      after: after, sessionId: nil)
    #expect(test.run("export stats s.json")[0].status == .success, Comment(rawValue: test.sink.errors))
    #expect(test.run("export-stats s2.csv")[0].status == .success)
    #expect(test.run("export revlog r.csv")[0].status == .success, Comment(rawValue: test.sink.errors))
    #expect(test.run("srs export-revlog r2.csv")[0].status == .success)
    #expect(test.run("import revlog r.csv")[0].status == .success, Comment(rawValue: test.sink.errors))
    #expect(test.run("srs import-revlog r2.csv")[0].status == .success)
    for file in ["s.json", "s2.csv", "r.csv", "r2.csv"] {
      #expect(FileManager.default.fileExists(atPath: directory + "/" + file), Comment(rawValue: file))
    }
    #expect(test.run("export")[0].status == .usage)
    #expect(test.run("import")[0].status == .usage)
  }

  @Test("Tab completes export and import subcommands")
  func completion() {
    let completion = CommandCompletion()
    #expect(completion.completions(for: CompletionRequest(textBeforeCursor: "export ")) == ["anki", "stats", "revlog"])
    #expect(completion.completions(for: CompletionRequest(textBeforeCursor: "import ")) == ["anki", "revlog"])
  }
}
