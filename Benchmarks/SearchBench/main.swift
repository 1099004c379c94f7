import ArgumentParser
import Content
import Core
import Foundation
import Search

/// SearchBench: builds the search index over the full content and times 1,000 queries drawn
/// (seeded) from the content's own words — one to four words, some phrases, some typos — and
/// the same queries answered by the peer measured in the same run: a linear scan that keeps
/// every document containing all the words (case-insensitive substring match, as grep would)
/// and ranks by occurrence count.
struct Options: ParsableArguments {
  @Option(help: "The content root (default: this checkout).") var content: String?
  @Option(help: "Queries to time.") var queries = 1_000
  @Option(help: "Seed for drawing queries.") var seed: UInt64 = 42
}

let options = Options.parseOrExit()
let root =
  options.content
  ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path
let clock = ContinuousClock()
func milliseconds(_ d: Duration) -> Double {
  Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) * 1e-15
}
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}
func percentile(_ values: [Double], _ p: Double) -> Double {
  let sorted = values.sorted()
  return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

let content = try ContentLoader(root: root).load()
let buildStart = clock.now
let index = try SearchIndex(content: content)
let buildTime = milliseconds(clock.now - buildStart)

// Documents for the peer: the same text the index holds.
let documents: [String] =
  content.topics.map { ($0.title + " " + $0.summary + " " + $0.body).lowercased() }
  + content.flashcards.map { ($0.prompt + " " + $0.answer).lowercased() }
  + content.models.map { ($0.name + " " + $0.summary + " " + $0.notes.joined(separator: " ")).lowercased() }

// Query words: the content's own words of four letters or more (stopwords excluded by length).
var vocabulary = Set<String>()
for document in documents {
  for word in document.split(whereSeparator: { !$0.isLetter }) where word.count >= 4 { vocabulary.insert(String(word)) }
}
let words = vocabulary.sorted()
var random = SeededGenerator(seed: options.seed)
func typo(_ word: String, _ random: inout SeededGenerator) -> String {
  var characters = Array(word)
  let i = Int.random(in: 1..<(characters.count - 2), using: &random)
  characters.swapAt(i, i + 1)
  return String(characters)
}
var queries: [String] = []
for _ in 0..<options.queries {
  let count = Int.random(in: 1...4, using: &random)
  var query = (0..<count).map { _ in words.randomElement(using: &random)! }
  if Bool.random(using: &random), let first = query.first, first.count >= 6 { query[0] = typo(first, &random) }
  queries.append(query.joined(separator: " "))
}
// A quarter are phrases taken from the text itself.
for i in stride(from: 0, to: queries.count, by: 4) {
  let document = documents.randomElement(using: &random)!.split(whereSeparator: { !$0.isLetter })
  guard document.count > 3 else { continue }
  let start = Int.random(in: 0..<(document.count - 2), using: &random)
  queries[i] = document[start..<start + 2].joined(separator: " ")
}

var ours: [Double] = []
var hits = 0
for query in queries {
  let t = clock.now
  let result = try? index.search(query)
  ours.append(milliseconds(clock.now - t))
  hits += result?.hits.count ?? 0
}

var peer: [Double] = []
var peerHits = 0
for query in queries {
  let t = clock.now
  let terms = query.lowercased().split(separator: " ").map(String.init)
  var scored: [(Int, Int)] = []
  for (i, document) in documents.enumerated() where terms.allSatisfy({ document.contains($0) }) {
    scored.append((i, terms.reduce(0) { $0 + document.components(separatedBy: $1).count - 1 }))
  }
  scored.sort { $0.1 > $1.1 }
  peerHits += min(10, scored.count)
  peer.append(milliseconds(clock.now - t))
}

print("content: \(content.topics.count) pages, \(content.flashcards.count) flashcards, \(content.models.count) models")
print(String(format: "index build: %.1f ms (%d documents)", buildTime, index.documentCount))
print(
  String(
    format: "fmlab search:  median %.3f ms, p95 %.3f ms, max %.3f ms over %d queries (%d hits)", median(ours),
    percentile(ours, 0.95), ours.max() ?? 0, queries.count, hits))
print(
  String(
    format: "peer (linear substring scan): median %.3f ms, p95 %.3f ms (%d hits; no stemming, typos or BM25)",
    median(peer), percentile(peer, 0.95), peerHits))
print(String(format: "ratio (fmlab / peer, median): %.2f", median(ours) / max(median(peer), 1e-9)))
