import Foundation
import TestSupport
import Testing

/// The knowledge-base commands as one-shot invocations of the built binary: exit statuses,
/// stdout/stderr, and the partial content loads (models alone; pages without quiz items).
@Suite struct KnowledgeOneShotTests {
  let dataDir = Fixtures.temporaryDirectory("e2e-kb")

  func fmlab(_ arguments: [String], stdin: String = "") throws -> ProcessRunner.Result {
    try ProcessRunner.fmlab(
      ["--data-dir", dataDir] + arguments, stdin: Data(stdin.utf8), environment: ["XDG_CACHE_HOME": dataDir + "/cache"])
  }

  @Test func canAnswersNoForNovaMicroImages_andExitsZero() throws {
    let result = try fmlab(["can", "nova-micro", "image-input"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("no — "))
    #expect(result.stderr.isEmpty)
  }

  @Test func anUnknownModelOneShot_exitsTwoWithASuggestion() throws {
    let result = try fmlab(["model", "nova", "mirco"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("did you mean 'nova-micro'?"))
    #expect(result.stdout.isEmpty)
  }

  @Test func anUnknownCapabilityOneShot_exitsTwo() throws {
    let result = try fmlab(["which", "teleportation"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("unknown capability 'teleportation'"))
  }

  @Test func aPipedTopicIsPlainTextNeverPaged() throws {
    let result = try fmlab([], stdin: "topic fine-tuning\n")
    #expect(result.status == 0)
    #expect(result.stdout.contains("Fine-tuning (supervised)"))
    #expect(!result.stdoutBytes.contains(0x1B))
  }

  @Test func searchInAScriptWithJSON_givesOneResultObject() throws {
    let result = try fmlab(["--json"], stdin: "search unlabeled data\n")
    #expect(result.status == 0)
    let line = try #require(result.stdout.split(separator: "\n").first)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    let data = try #require(object["data"] as? [String: Any])
    let hits = try #require(data["hits"] as? [[String: Any]])
    #expect(hits.first?["id"] as? String == "continued-pre-training")
  }
}
