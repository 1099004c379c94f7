import App
import ArgumentParser
import Foundation
import Simulation
import Terminal

/// SandboxBench: times every sandbox command the way the REPL runs it (one warm session over an
/// on-disk store, each command its own transaction), including `job` on a 10,000-step loss curve,
/// and the pure models on their own. Prints median and worst time per command.
struct Options: ParsableArguments {
  @Option(help: "The content root (default: this checkout).") var content: String?
  @Option(help: "Runs per command.") var runs = 30
}

final class CountingSink: OutputSink {
  var characters = 0
  var errors: [String] = []
  func write(_ text: String) { characters += text.count }
  func writeError(_ text: String) { errors.append(text) }
}

let options = Options.parseOrExit()
let root =
  options.content
  ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path
let data = NSTemporaryDirectory() + "fmlab-sandbox-bench-\(UUID().uuidString)"
try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: data) }
let sink = CountingSink()
let now = Date(timeIntervalSince1970: 1_795_683_600)
let session = Session(
  configuration: SessionConfiguration(
    appVersion: "bench", dataDirectory: data, contentRoot: .success(root), cacheDirectory: data + "/cache",
    pinnedNow: now, seed: 1, json: false, styler: .plain, columns: 100),
  clock: { now }, sink: sink)
let dispatcher = Dispatcher(session: session)
let clock = ContinuousClock()
func milliseconds(_ d: Duration) -> Double {
  Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) * 1e-15
}
@MainActor func run(_ line: String) -> Double {
  let start = clock.now
  let outcome = dispatcher.run(line: line)
  let elapsed = milliseconds(clock.now - start)
  if outcome.status.rawValue != 0 {
    FileHandle.standardError.write(Data("failed (\(outcome.status)): \(line)\n\(sink.errors.last ?? "")\n".utf8))
    exit(1)
  }
  return elapsed
}

// Setup: 5,000 Nova Micro records × 2 epochs at batch size 1 = a 10,000-step loss curve.
let dataset = data + "/train.jsonl"
let setup = [
  "sample-dataset \(dataset) --model nova-micro --records 5000", "s3 mb s3://bench-bucket",
  "s3 cp \(dataset) s3://bench-bucket/data/train.jsonl", "iam create-role BenchRole --trust bedrock.amazonaws.com",
  "iam attach BenchRole AmazonS3FullAccess",
  "customize fine-tuning --base nova-micro --model-name BenchModel --job-name bench-job --train s3://bench-bucket/data/train.jsonl --output s3://bench-bucket/out/ --role BenchRole --epochs 2",
  "advance 2d", "provision bench-pt --model BenchModel --units 1", "advance 1h",
]
let setupTimes = setup.map(run)
print(String(format: "setup (first use loads content and the search index): %.1f ms", setupTimes.reduce(0, +)))

var counter = 0
let commands: [(String, () -> String)] = [
  ("job bench-job (10,000-step loss curve)", { "job bench-job" }),
  ("jobs", { "jobs" }),
  ("sandbox status", { "sandbox status" }),
  ("bill", { "bill" }),
  ("custom-models", { "custom-models" }),
  ("pt list", { "pt list" }),
  ("s3 ls", { "s3 ls s3://bench-bucket/" }),
  ("iam show", { "iam show BenchRole" }),
  ("compare (2 models)", { "compare nova-micro claude-3-5-sonnet \"What are the top AWS services?\"" }),
  ("invoke (Provisioned Throughput)", { "invoke bench-pt \"What is fine-tuning?\"" }),
  ("validate-dataset (5,000 records)", { "validate-dataset \(dataset) --model nova-micro" }),
  ("throughput simulate", { "throughput simulate --rpm 200 --input-tokens 800 --output-tokens 300 --model nova-lite" }),
  (
    "customize (5,000 records)",
    {
      counter += 1
      return
        "customize fine-tuning --base nova-micro --model-name M\(counter) --job-name j\(counter) --train s3://bench-bucket/data/train.jsonl --output s3://bench-bucket/out/ --role BenchRole"
    }
  ),
  ("advance 1m", { "advance 1m" }),
]
print(
  "command".padding(toLength: 42, withPad: " ", startingAt: 0)
    + "  median      max  (ms, \(options.runs) runs, warm session)")
var worst = 0.0
for (label, line) in commands {
  var times = (0..<options.runs).map { _ in run(line()) }
  times.sort()
  worst = max(worst, times[times.count / 2])
  print(
    label.padding(toLength: 42, withPad: " ", startingAt: 0)
      + String(format: "  %6.2f  %7.2f", times[times.count / 2], times.last ?? 0))
}
print(String(format: "slowest median: %.2f ms (target < 20 ms)", worst))

// The pure models alone.
let setupCurve = TrainingSetup(
  records: 5_000, validationRecords: 500, tokensPerRecord: 40, epochs: 2, batchSize: 1, learningRate: 1e-5,
  defaultLearningRate: 1e-5, maxLearningRate: 1e-4, warmupSteps: 10, earlyStopping: nil, kind: .fineTuning)
var curveTimes: [Double] = []
for seed in 0..<200 as Range<UInt64> {
  let start = clock.now
  let curve = LossCurveModel.simulate(setupCurve, seed: seed)
  curveTimes.append(milliseconds(clock.now - start))
  precondition(curve.steps.count == 10_000)
}
curveTimes.sort()
print(
  String(
    format: "LossCurveModel.simulate, 10,000 steps: median %.3f ms, max %.3f ms (200 seeds)", curveTimes[100],
    curveTimes.last!))
