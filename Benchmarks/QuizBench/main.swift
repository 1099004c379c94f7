import App
import ArgumentParser
import Content
import Foundation
import Quiz

/// QuizBench: times drawing a 65-question mock exam from the full bank by the blueprint and
/// rendering its first question, over many seeds; prints the median and worst case.
struct Options: ParsableArguments {
  @Option(help: "The content root (default: this checkout).") var content: String?
  @Option(help: "Exams to draw.") var draws = 1_000
}

let options = Options.parseOrExit()
let root =
  options.content
  ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path
let content = try ContentLoader(root: root).load()
var byID: [String: QuizItem] = [:]
for item in content.items.flatMap(\.scoredItems) { byID[item.id] = item }
let clock = ContinuousClock()
func milliseconds(_ d: Duration) -> Double {
  Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) * 1e-15
}
var times: [Double] = []
var characters = 0
for seed in 0..<UInt64(options.draws) {
  let start = clock.now
  let slots = try ExamAssembler.assemble(bank: content.items, seed: seed)
  let text = QuizRendering.render(byID[slots[0].itemID]!, seed: seed)
  times.append(milliseconds(clock.now - start))
  characters += text.count
}
times.sort()
print("bank: \(content.items.count) items (\(byID.count) questions)")
print(
  String(
    format: "exam draw + first item rendered: median %.3f ms, p99 %.3f ms, max %.3f ms over %d seeds (%d chars)",
    times[times.count / 2], times[times.count * 99 / 100], times.last ?? 0, times.count, characters))
