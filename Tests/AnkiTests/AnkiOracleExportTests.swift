import Anki
import Foundation
import TestSupport
import Testing

/// fmlab's exports imported into a fresh collection by the real `anki` package.
@Suite(.serialized) struct AnkiOracleExportTests {
  static func notes(_ report: [String: Any]) -> [String: [String: Any]] {
    let list = report["notes"] as? [[String: Any]] ?? []
    return Dictionary(list.map { ($0["guid"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
  }

  @Test("Anki imports every note and card with its fields, tags, note type, deck and rendered template")
  func importsIntoAnki() throws {
    let directory = Fixtures.temporaryDirectory("anki-oracle")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let url = try AnkiPackageWriterTests.write(AnkiPackageWriterTests.sampleExport(), to: directory)
    let report = try Oracle.run("check_export.py", [url.path])
    let counts = report["counts"] as? [[Int]]
    #expect(counts == [[4, 4]])
    let notes = Self.notes(report)
    let rag = try #require(notes[AnkiIdentity.guid(for: "flashcard:rag#1")])
    #expect(rag["notetype"] as? String == "fmlab flashcard")
    let fields = rag["fields"] as? [String: String]
    #expect(fields?["Back"] == "Retrieved &lt;context&gt; &amp; sources")
    #expect(fields?["Topic"] == "Retrieval-augmented generation")
    #expect(rag["tags"] as? [String] == ["fmlab::domain::3", "fmlab::objective::3.1", "fmlab::topic::rag"])
    let cards = rag["cards"] as? [[String: Any]] ?? []
    let card = try #require(cards.first)
    #expect(card["deck"] as? String == "fmlab AIF-C01::Flashcards")
    let answer = card["answer"] as? String ?? ""
    #expect(answer.contains("<hr id=answer>"))
    #expect(answer.contains("What does RAG add to a prompt?"))
    let item = try #require(notes[AnkiIdentity.guid(for: "item:fm-choice-1")])
    #expect(item["notetype"] as? String == "fmlab exam item")
    let itemFields = item["fields"] as? [String: String]
    #expect(itemFields?["Options"] == "<ol type=\"A\"><li>Amazon S3</li><li>Amazon Bedrock</li></ol>")
    #expect(itemFields?["Item type"] == "multiple-choice")
    #expect(itemFields?["Objective"] == "1.1.2")
  }

  @Test("the schedule continues in Anki: review due day, interval, FSRS memory state; learning due time; new stays new")
  func scheduleContinuity() throws {
    let directory = Fixtures.temporaryDirectory("anki-oracle-schedule")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // Written "now" (the oracle's real clock), so Anki's today matches the export's day.
    let now = Date()
    let url = try AnkiPackageWriterTests.write(AnkiPackageWriterTests.sampleExport(now: now), to: directory, now: now)
    let report = try Oracle.run("check_export.py", [url.path])
    let today = report["today"] as? Int ?? -1
    let notes = Self.notes(report)
    let review = try #require((notes[AnkiIdentity.guid(for: "flashcard:rag#1")]?["cards"] as? [[String: Any]])?.first)
    #expect(review["type"] as? Int == 2)
    #expect(review["queue"] as? Int == 2)
    #expect(review["ivl"] as? Int == 12)
    #expect(review["reps"] as? Int == 5)
    #expect(review["lapses"] as? Int == 1)
    #expect((review["due"] as? Int).map { $0 - today } == 9, "due in 9 days in Anki as in fmlab")
    #expect(review["memory"] as? [Double] == [12.5, 4.25])
    let learning = try #require(
      (notes[AnkiIdentity.guid(for: "flashcard:rag#2")]?["cards"] as? [[String: Any]])?.first)
    #expect(learning["queue"] as? Int == 1)
    #expect(learning["due"] as? Int == Int(now.timeIntervalSince1970) + 600)
    #expect(learning["memory"] as? [Double] == [0.5, 6.0])
    let new = try #require((notes[AnkiIdentity.guid(for: "flashcard:tokens#1")]?["cards"] as? [[String: Any]])?.first)
    #expect(new["type"] as? Int == 0)
    #expect(new["memory"] is NSNull)
  }

  @Test("re-exporting updates the notes in Anki instead of duplicating them")
  func reexportUpdates() throws {
    let directory = Fixtures.temporaryDirectory("anki-oracle-update")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let first = try AnkiPackageWriterTests.write(AnkiPackageWriterTests.sampleExport(), to: directory, name: "a.apkg")
    let later = AnkiPackageWriterTests.now.addingTimeInterval(86_400)
    let second = try AnkiPackageWriterTests.write(
      AnkiPackageWriterTests.sampleExport(now: later, backSuffix: " (edited)"), to: directory, name: "b.apkg",
      now: later)
    let report = try Oracle.run("check_export.py", [first.path, second.path])
    #expect(report["counts"] as? [[Int]] == [[4, 4], [4, 4]])
    let rag = Self.notes(report)[AnkiIdentity.guid(for: "flashcard:rag#1")]
    #expect((rag?["fields"] as? [String: String])?["Back"] == "Retrieved &lt;context&gt; &amp; sources (edited)")
  }
}
