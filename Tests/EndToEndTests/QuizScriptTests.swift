import Foundation
import TestSupport
import Testing

/// Quiz practice driven by a script on stdin, one item type at a time: a first run shows the item
/// (JSON), a second run with the same seed on a fresh data directory gets the same presentation and
/// answers it correctly.
@Suite struct QuizScriptTests {
  func fmlab(_ dataDir: String, _ arguments: [String], stdin: String) throws -> ProcessRunner.Result {
    try ProcessRunner.fmlab(
      [
        "--data-dir", dataDir, "--content-dir", Fixtures.quizContentRoot, "--seed", "11", "--now",
        "2026-11-26T09:00:00Z",
      ] + arguments,
      stdin: Data(stdin.utf8), environment: ["XDG_CACHE_HOME": dataDir + "/cache"])
  }

  func items(_ output: String) -> [[String: Any]] {
    output.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    .filter { $0["type"] as? String == "item" }.compactMap { $0["data"] as? [String: Any] }
  }

  func answer(_ item: [String: Any]) -> String {
    let letters = Array("abcdefghij")
    let choices = item["choices"] as? [String] ?? []
    switch item["type"] as? String {
    case "ordering":
      return ["Prepare JSONL data in S3", "Create the job", "Review the metrics"].map {
        String((choices.firstIndex(of: $0) ?? 0) + 1)
      }.joined(separator: " ")
    case "matching":
      let key = [
        "speech to text": "Amazon Transcribe", "text to speech": "Amazon Polly",
        "sentiment of reviews": "Amazon Comprehend",
      ]
      let responses = item["responses"] as? [String] ?? []
      return (item["prompts"] as? [String] ?? []).enumerated().map { number, prompt in
        "\(number + 1)\(letters[responses.firstIndex(of: key[prompt] ?? "") ?? 0])"
      }.joined(separator: " ")
    default:
      return choices.indices.filter { choices[$0].hasPrefix("RIGHT") }.map { String(letters[$0]) }.joined(
        separator: ",")
    }
  }

  @Test(arguments: ["multiple-choice", "multiple-response", "ordering", "matching", "case-study"])
  func aScriptAnswersEachItemTypeCorrectly(type: String) throws {
    let probe = Fixtures.temporaryDirectory("quiz-probe")
    let real = Fixtures.temporaryDirectory("quiz-real")
    defer {
      Fixtures.remove(probe)
      Fixtures.remove(real)
    }
    let command = "quiz --type \(type) --n 5\n"
    let shown = items(try fmlab(probe, ["--json"], stdin: command).stdout)
    try #require(!shown.isEmpty)
    // A case study's second question is shown only after the first is answered; the probe saw the first.
    var script = command
    var lines: [String] = []
    for item in shown { lines += [answer(item), ""] }
    if type == "case-study" {
      let first = try fmlab(probe, ["--json"], stdin: command + answer(shown[0]) + "\n\n")
      lines = []
      for item in items(first.stdout) { lines += [answer(item), ""] }
    }
    script += lines.joined(separator: "\n") + "\n"
    let result = try fmlab(real, [], stdin: script)
    #expect(result.status == 0)
    let expected = type == "case-study" ? 2 : 1
    #expect(result.stdout.contains("\(expected) answered, \(expected) correct."), "\(result.stdout)")
    #expect(!result.stdoutBytes.contains(0x1B))
  }
}
