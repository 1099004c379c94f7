import Anki
import Foundation
import GRDB
import SRS
import TestSupport
import Testing
import ZIPFoundation

@Suite struct AnkiPackageWriterTests {
  static let now = Date(timeIntervalSince1970: 1_795_683_600)  // 2026-11-26T09:00:00Z

  static func sampleExport(now: Date = now, backSuffix: String = "", withSchedule: Bool = true) -> AnkiExport {
    let memory = MemoryState(stability: 12.5, difficulty: 4.25)
    let reviewed = now.addingTimeInterval(-3 * 86_400)
    let review = CardState.review(
      CardSchedule(
        memory: memory, due: now.addingTimeInterval(9 * 86_400), lastReview: reviewed,
        scheduledInterval: 12 * 86_400))
    let learning = CardState.learning(
      step: 1,
      CardSchedule(
        memory: MemoryState(stability: 0.5, difficulty: 6), due: now.addingTimeInterval(600), lastReview: now,
        scheduledInterval: 600))
    return AnkiExport(
      flashcards: [
        AnkiFlashcardNote(
          id: "rag#1", front: "What does RAG add to a prompt?", back: "Retrieved <context> & sources" + backSuffix,
          topic: "Retrieval-augmented generation", source: "https://docs.aws.amazon.com/bedrock/",
          tags: ["fmlab::domain::3", "fmlab::objective::3.1", "fmlab::topic::rag"],
          schedule: withSchedule ? AnkiCardSchedule(state: review, reps: 5, lapses: 1, decay: 0.1542) : nil),
        AnkiFlashcardNote(
          id: "rag#2", front: "Two-line\nquestion", back: "Answer", topic: "RAG", source: "",
          tags: ["fmlab::topic::rag"],
          schedule: withSchedule ? AnkiCardSchedule(state: learning, reps: 1, lapses: 0) : nil),
        AnkiFlashcardNote(
          id: "tokens#1", front: "A new card", back: "Still new", topic: "Tokens", source: "",
          tags: ["fmlab::topic::tokens"],
          schedule: withSchedule ? AnkiCardSchedule(state: .new, reps: 0, lapses: 0) : nil),
      ],
      examItems: [
        AnkiExamItemNote(
          id: "fm-choice-1", stem: "Which service hosts foundation models?", options: ["Amazon S3", "Amazon Bedrock"],
          answer: "B — Amazon Bedrock", explanations: ["S3 stores objects.", "Bedrock serves FMs."],
          objective: "1.1.2", itemType: "multiple-choice", source: "https://aws.amazon.com/bedrock/",
          tags: ["fmlab::domain::1", "fmlab::objective::1.1"])
      ])
  }

  static func write(
    _ export: AnkiExport, to directory: String, name: String = "out.apkg", now: Date = now
  ) throws
    -> URL
  {
    let url = URL(fileURLWithPath: directory + "/" + name)
    _ = try AnkiPackageWriter(now: now).write(
      export, to: url, scratch: URL(fileURLWithPath: directory + "/scratch"))
    return url
  }

  @Test("a package is a zip of collection.anki2 (schema 11) and an empty media list, nothing else")
  func packageLayout() throws {
    let directory = Fixtures.temporaryDirectory("anki-layout")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let url = try Self.write(Self.sampleExport(), to: directory)
    let archive = try Archive(url: url, accessMode: .read)
    #expect(archive.map(\.path).sorted() == ["collection.anki2", "media"])
    var media = Data()
    _ = try archive.extract(archive["media"]!) { media.append($0) }
    #expect(String(decoding: media, as: UTF8.self) == "{}")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0 != "out.apkg" }
    #expect(leftovers == ["scratch"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/scratch").isEmpty)
  }

  @Test("GUIDs and ids are stable, use Anki's base91 alphabet, and differ between notes")
  func stableIdentity() {
    let a = AnkiIdentity.guid(for: "flashcard:rag#1")
    #expect(a == AnkiIdentity.guid(for: "flashcard:rag#1"))
    #expect(a != AnkiIdentity.guid(for: "flashcard:rag#2"))
    #expect(a.allSatisfy { AnkiIdentity.base91Alphabet.contains($0) })
    #expect((1...10).contains(a.count))
    let id = AnkiIdentity.rowID(for: "note:flashcard:rag#1")
    #expect(id > 0 && id < 1 << 53)
  }

  @Test("an empty selection is refused with a message, and no file is written")
  func nothingToExport() throws {
    let directory = Fixtures.temporaryDirectory("anki-empty")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(throws: AnkiError.nothingToExport) {
      try Self.write(AnkiExport(flashcards: [], examItems: []), to: directory)
    }
    #expect(!FileManager.default.fileExists(atPath: directory + "/out.apkg"))
  }

  @Test("fields are HTML-escaped and tags written as Anki's space-padded list")
  func fieldsEscaped() throws {
    let directory = Fixtures.temporaryDirectory("anki-fields")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let url = try Self.write(Self.sampleExport(), to: directory)
    let package = try AnkiPackageReader().read(packageAt: url, scratch: URL(fileURLWithPath: directory + "/s"))
    let note = try #require(package.notes.first { $0.guid == AnkiIdentity.guid(for: "flashcard:rag#1") })
    #expect(note.fields[1] == "Retrieved &lt;context&gt; &amp; sources")
    #expect(note.tags == ["fmlab::domain::3", "fmlab::objective::3.1", "fmlab::topic::rag"])
    let twoLine = try #require(package.notes.first { $0.guid == AnkiIdentity.guid(for: "flashcard:rag#2") })
    #expect(twoLine.fields[0] == "Two-line<br>question")
  }
}
