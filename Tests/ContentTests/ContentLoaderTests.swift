import Foundation
import TestSupport
import Testing

@testable import Content

@Suite struct ContentLoaderTests {
  @Test func aMissingRootIsRootMissing() {
    let path = NSTemporaryDirectory() + "fmlab-no-such-dir-\(UUID().uuidString)"
    #expect(throws: ContentError.rootMissing(path: path)) { try ContentLoader(root: path).load() }
  }

  @Test func aFileInsteadOfADirectoryIsRootNotADirectory() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { Fixtures.remove(directory) }
    let file = directory + "/plain.txt"
    Fixtures.write("not a content root", to: file)
    #expect(throws: ContentError.rootNotADirectory(path: file)) { try ContentLoader(root: file).load() }
  }

  @Test func aDirectoryWithoutContentFoldersIsRootHasNoContent() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { Fixtures.remove(directory) }
    Fixtures.write("# notes", to: directory + "/notes/readme.md")
    #expect(throws: ContentError.rootHasNoContent(path: directory)) { try ContentLoader(root: directory).load() }
  }

  @Test(arguments: ["content", "quizzes", "Resources"])
  func anyOneContentFolderIsEnough(folder: String) throws {
    let directory = Fixtures.temporaryDirectory()
    defer { Fixtures.remove(directory) }
    try FileManager.default.createDirectory(atPath: directory + "/" + folder, withIntermediateDirectories: true)
    let set = try ContentLoader(root: directory).load()
    #expect(set.findings == [])
    #expect(set.fileCount == 0)
  }

  @Test func errorMessagesNameThePath() {
    #expect(ContentError.rootMissing(path: "/x").message == "the content directory /x does not exist")
    #expect(ContentError.rootNotADirectory(path: "/x").message == "the content directory /x is not a directory")
    #expect(
      ContentError.rootHasNoContent(path: "/x").message
        == "/x holds none of content/, quizzes/ or Resources/, so it is not an fmlab content directory")
  }

  @Test func aBrokenFileDoesNotStopTheOtherFilesFromLoading() throws {
    let set = try ContentSamples.load([
      "content/good.md": ContentSamples.page(id: "good"),
      "content/broken.md": "---\nid: broken\ntitle: [\n---\n",
      "content/nested/also-good.md": ContentSamples.page(id: "also-good"),
      "quizzes/good.yaml": ContentSamples.quiz(id: "q-good"),
      "quizzes/broken.yaml": "items:\n  - id: q-broken\n    type: [\n",
      "quizzes/not-a-mapping.yaml": "- just\n- a list\n",
    ])
    #expect(set.topics.map(\.id).sorted() == ["also-good", "good"])
    #expect(set.items.map(\.id) == ["q-good"])
    #expect(
      Set(set.findings.map(\.location.file)) == [
        "content/broken.md", "quizzes/broken.yaml", "quizzes/not-a-mapping.yaml",
      ])
    #expect(set.guide.objectives.count == 69)
    #expect(set.fileCount == 7)
  }

  @Test func aBrokenItemDoesNotStopTheOtherItemsInTheSameFile() throws {
    let quiz =
      ContentSamples.quiz(id: "q-1") + "  - id: q-2\n    type: nonsense\n"
      + ContentSamples.quiz(id: "q-3")
      .replacingOccurrences(of: "items:\n", with: "")
    let set = try ContentSamples.load(["quizzes/q.yaml": quiz])
    #expect(set.items.map(\.id) == ["q-1", "q-3"])
    #expect(
      set.findings.map(\.summaryLine) == [
        "quizzes/q.yaml:18:5: error: the quiz item is missing the required key 'objective'",
        "quizzes/q.yaml:18:5: error: the quiz item is missing the required key 'sources'",
        "quizzes/q.yaml:18:5: error: the quiz item is missing the required key 'stem'",
        "quizzes/q.yaml:18:5: error: the quiz item is missing the required key 'verified'",
        "quizzes/q.yaml:19:11: error: type 'nonsense' is not one of multiple-choice, multiple-response, ordering, "
          + "matching, case-study",
      ])
  }

  @Test(
    arguments: [
      ("content/a.md", ParsedFile.Kind.topic),
      ("content/deep/er/a.MD", .topic),
      ("quizzes/a.yaml", .quizzes),
      ("quizzes/sub/a.yml", .quizzes),
      ("Resources/models/amazon.yaml", .models),
      ("Resources/exam-guide.yaml", .examGuide),
    ] as [(String, ParsedFile.Kind)])
  func filesAreReadByTheirFolderAndExtension(path: String, kind: ParsedFile.Kind) {
    #expect(ParsedFile.kind(of: path) == kind)
  }

  @Test(arguments: [
    "content/README.md", "content/readme.md", "content/_draft.md", "content/.hidden.md", "content/a.yaml",
    "quizzes/a.md", "quizzes/a.json", "Resources/other.yaml", "Resources/models/a.md", "notes/a.md", "a.md",
  ])
  func otherFilesAreIgnored(path: String) {
    #expect(ParsedFile.kind(of: path) == nil)
  }

  @Test func ignoredFilesAreNotLoadedOrCounted() throws {
    let set = try ContentSamples.load([
      "content/README.md": "# About this folder\n", "content/_draft.md": "not front matter\n",
      "content/.swap.md": "junk", "quizzes/notes.txt": "junk", "content/p.md": ContentSamples.page(id: "p"),
    ])
    #expect(set.findings == [])
    #expect(set.topics.map(\.id) == ["p"])
    #expect(set.fileCount == 2)
  }

  @Test func contentFoldersThatAreSymbolicLinksLoadLikeTheRealOnes() throws {
    let real = Fixtures.contentRoot([
      "content/a.md": ContentSamples.page(id: "a"), "quizzes/q.yaml": ContentSamples.quiz(id: "q-1"),
    ])
    defer { Fixtures.remove(real) }
    let linked = Fixtures.temporaryDirectory()
    defer { Fixtures.remove(linked) }
    for folder in ["content", "quizzes", "Resources"] {
      try FileManager.default.createSymbolicLink(
        atPath: linked + "/" + folder, withDestinationPath: real + "/" + folder)
    }
    let direct = try ContentLoader(root: real).load()
    let throughLinks = try ContentLoader(root: linked).load()
    #expect(throughLinks.topics.map(\.id) == ["a"])
    #expect(throughLinks.items.map(\.id) == ["q-1"])
    #expect(throughLinks.guide.objectives.count == 69)
    #expect(throughLinks.fileCount == direct.fileCount)
    #expect(throughLinks.findings == direct.findings)
  }

  @Test func aLinkedFolderInsideIsReadOnceAndALoopOfLinksEnds() throws {
    let root = Fixtures.contentRoot([
      "content/pages/a.md": ContentSamples.page(id: "a"), "content/extra/b.md": ContentSamples.page(id: "b"),
    ])
    defer { Fixtures.remove(root) }
    let manager = FileManager.default
    // A second name for content/pages, a link back up to content/, and a link to nowhere.
    try manager.createSymbolicLink(atPath: root + "/content/pages-again", withDestinationPath: root + "/content/pages")
    try manager.createSymbolicLink(atPath: root + "/content/extra/up", withDestinationPath: root + "/content")
    try manager.createSymbolicLink(atPath: root + "/content/gone", withDestinationPath: root + "/nowhere")
    let set = try ContentLoader(root: root).load()
    #expect(set.topics.map(\.id).sorted() == ["a", "b"])
    #expect(set.findings == [])
    #expect(
      ContentLoader(root: root).discover().map(\.0).filter { $0.hasPrefix("content/") } == [
        "content/extra/b.md", "content/pages/a.md",
      ])
  }

  @Test func aTopicKeepsItsFieldsBodyAndFlashcards() throws {
    let page = """
      ---
      id: guardrails
      title: Guardrails
      kind: feature
      objectives: [4.1.1]
      summary: Filters for prompts and responses.
      related: [other]
      flashcards:
        - q: What do guardrails filter?
          a: Prompts and responses.
        - id: custom-id
          q: Second?
          a: Yes.
      sources: [https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails.html]
      verified: 2026-11-26
      ---
      First paragraph.

      """
    let set = try ContentSamples.load([
      "content/guardrails.md": page, "content/other.md": ContentSamples.page(id: "other"),
    ])
    #expect(set.findings == [])
    let topic = try #require(set.topic("guardrails"))
    #expect(topic.title == "Guardrails")
    #expect(topic.kind == .feature)
    #expect(topic.objectives == ["4.1.1"])
    #expect(topic.related == ["other"])
    #expect(topic.body == "First paragraph.\n")
    #expect(topic.flashcards.map(\.id) == ["guardrails#1", "custom-id"])
    #expect(topic.flashcards.map(\.location.line) == [9, 11], "each card points at its id, else its prompt")
    #expect(topic.verified?.description == "2026-11-26")
    #expect(set.flashcards.count == 2)
  }

  @Test func theRepositoryContentLoadsWithoutErrors() throws {
    let set = try ContentLoader(root: Fixtures.repositoryRoot).load()
    #expect(set.findings.errorCount == 0, "\(set.findings.map { FindingRenderer.render($0) }.joined())")
    #expect(!set.topics.isEmpty)
    #expect(!set.items.isEmpty)
    #expect(!set.models.isEmpty)
  }

  @Test func theRepositoryExamGuideHasItsFiveDomainsAnd69Objectives() throws {
    let guide = try ContentLoader(root: Fixtures.repositoryRoot).load().guide
    #expect(guide.name == "AIF-C01")
    #expect(guide.objectives.count == 69)
    #expect(guide.objectiveIDs.count == 69)
    #expect(guide.domains.map(\.number) == [1, 2, 3, 4, 5])
    #expect(guide.domains.map(\.weight).reduce(0, +) == 100)
    #expect(guide.domains.map { $0.tasks.flatMap(\.objectives).count } == [17, 14, 19, 11, 8])
    for domain in guide.domains {
      for task in domain.tasks {
        #expect(task.id.hasPrefix("\(domain.number)."))
        #expect(task.objectives.allSatisfy { $0.id.hasPrefix(task.id + ".") })
      }
    }
    #expect(guide.objective("3.3.1") != nil)
    #expect(guide.domain(3)?.tasks.contains { $0.id == "3.3" } == true)
  }

  @Test func statisticsCountWhatWasLoaded() throws {
    let set = try ContentSamples.load([
      "content/p.md": ContentSamples.page(id: "p"), "quizzes/q.yaml": ContentSamples.quiz(id: "q-1"),
      "content/bad.md": "oops\n",
    ])
    let stats = set.statistics
    #expect(stats.files == 4)
    #expect(stats.topics == 1)
    #expect(stats.items == 1)
    #expect(stats.objectives == 69)
    #expect(stats.objectivesWithTopic == 1)
    #expect(stats.itemsByDomain == ["3": 1])
    #expect(stats.itemsByType == ["multiple-choice": 1])
    #expect(stats.errors == 1)
    #expect(stats.warnings == 0)
  }
}
