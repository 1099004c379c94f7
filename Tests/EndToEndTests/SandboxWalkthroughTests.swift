import Foundation
import TestSupport
import Testing

/// The hands-on walkthrough's parts 2, 4 and 5 (docs/walkthrough.fmlab) run end to end through the
/// built binary, in a fresh data directory, as `scripts/walkthrough` runs them.
@Suite struct SandboxWalkthroughTests {
  @Test func theWalkthroughRunsEndToEndInTheSandbox() throws {
    let root = Fixtures.repositoryRoot
    let data = NSTemporaryDirectory() + "fmlab-walkthrough-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: data) }
    var script = try String(contentsOfFile: root + "/docs/walkthrough.fmlab", encoding: .utf8)
    script = script.replacingOccurrences(of: "/tmp/fmlab-walkthrough-train.jsonl", with: data + "-train.jsonl")
    script = script.replacingOccurrences(of: " Resources/sandbox/", with: " \(root)/Resources/sandbox/")
    let result = try ProcessRunner.fmlab(
      ["--data-dir", data, "--content-dir", root, "--now", "2026-11-26T09:00:00Z", "--seed", "2026"],
      stdin: Data(script.utf8), timeout: 120)
    let out = result.stdout
    // Part 2: both models answer; the image is ignored by Nova Micro; tokens, latency, cost shown.
    #expect(out.contains("Compare mode"))
    #expect(out.contains("⚠ Amazon Nova Micro doesn't accept"))
    #expect(out.contains("time to first token"))
    // Part 4: the job is created, runs on the sandbox clock and writes its metrics.
    #expect(out.contains("Created model customization job demo-fine-tuning-job (InProgress)"))
    #expect(out.contains("job demo-fine-tuning-job Completed: metrics written to s3://fmlab-walkthrough/output/"))
    #expect(out.contains("training_artifacts/step_wise_training_metrics.csv"))
    // Part 5: no on-demand by name; Provisioned Throughput and the on-demand deployment both serve it.
    #expect(result.stderr.contains("ValidationException: custom model DemoCustomModel can't be invoked on demand"))
    #expect(out.contains("Provisioned Throughput demo-throughput (1 MU)"))
    #expect(out.contains("on-demand custom model deployment demo-deployment"))
    #expect(out.contains("Deleted demo-throughput: billing stopped"))
    #expect(out.contains("Deleted custom model DemoCustomModel"))
    // Only the one line that fails on purpose fails.
    #expect(result.stderr.components(separatedBy: "error:").count - 1 == 1, Comment(rawValue: result.stderr))
  }
}
