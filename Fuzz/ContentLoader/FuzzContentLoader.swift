// Fuzz target: the content loader's per-file parsers (`Content.ContentLoader.load(files:)`, in memory).
//
// The first byte chooses what the rest of the input is: 't' a Markdown page with YAML front matter
// (`content/concepts/fuzz.md`), 'q' a quiz file (`quizzes/d1/fuzz.yaml`), 'm' a model catalog file
// (`Resources/models/fuzz.yaml`), 'g' the exam guide (`Resources/exam-guide.yaml`); any other byte picks one
// of the four by `byte % 4` in that order. Pages, quiz files and model files are loaded together with a small
// valid exam guide (parsed once, `ContentLoader.prepare`), so the cross-file checks (objective ids, related pages)
// run too. Every finding must point at a real place (line and column from 1), and render as `check-content`
// prints it.
//
// Built with -DFUZZING (scripts/fuzz) this is a libFuzzer target; otherwise it replays files:
//   swift run FuzzContentLoader Fuzz/ContentLoader/corpus [MORE FILES OR FOLDERS…]
import Content
import Core
import Foundation
import FuzzSupport

/// The body run for every input.
enum ContentTarget {
  /// The paths the selector byte chooses among, in `byte % 4` order.
  static let paths = [
    "content/concepts/fuzz.md", "quizzes/d1/fuzz.yaml", "Resources/models/fuzz.yaml", "Resources/exam-guide.yaml",
  ]

  /// A valid exam guide with one objective per domain (1.1.1, 2.1.1, 3.1.1, 3.3.1, 4.1.1, 5.1.1).
  static let guide = ContentLoader.MemoryFile(
    relativePath: "Resources/exam-guide.yaml",
    bytes: Data(
      """
      guide: AIF-C01
      version: "1.1"
      sources: [https://docs.aws.amazon.com/aws-certification/latest/ai-practitioner-01/ai-practitioner-01.html]
      verified: 2026-11-26
      domains:
        - {number: 1, title: "Fundamentals of AI and ML", weight: 20, tasks: [{id: "1.1", title: "Basics",
           objectives: [{id: "1.1.1", title: "Define core terms"}]}]}
        - {number: 2, title: "Fundamentals of generative AI", weight: 24, tasks: [{id: "2.1", title: "Concepts",
           objectives: [{id: "2.1.1", title: "Tokens"}]}]}
        - {number: 3, title: "Applications of foundation models", weight: 28, tasks: [{id: "3.1", title: "Design",
           objectives: [{id: "3.1.1", title: "Selection"}]}, {id: "3.3", title: "Training",
           objectives: [{id: "3.3.1", title: "Fine-tuning"}]}]}
        - {number: 4, title: "Guidelines for responsible AI", weight: 14, tasks: [{id: "4.1", title: "Responsible",
           objectives: [{id: "4.1.1", title: "Features"}]}]}
        - {number: 5, title: "Security, compliance and governance", weight: 14, tasks: [{id: "5.1", title: "Security",
           objectives: [{id: "5.1.1", title: "IAM"}]}]}
      """.utf8))

  static let loader = ContentLoader(root: "/fuzz")
  /// The guide, parsed once: it is the same for every input (loading it with each input is what
  /// `load(files:prepared:)` is for; the guide itself is fuzzed through selector 'g').
  static let preparedGuide = loader.prepare(guide)!

  /// Loads the input as the file its first byte chooses and checks the findings.
  static func check(_ bytes: UnsafeRawBufferPointer) throws(Unexpected) {
    guard let selector = bytes.first else { return }
    let index: Int
    switch selector {
    case UInt8(ascii: "t"): index = 0
    case UInt8(ascii: "q"): index = 1
    case UInt8(ascii: "m"): index = 2
    case UInt8(ascii: "g"): index = 3
    default: index = Int(selector) % 4
    }
    let file = ContentLoader.MemoryFile(relativePath: paths[index], bytes: Data(bytes.dropFirst()))
    let set = index == 3 ? loader.load(files: [file]) : loader.load(files: [file], prepared: [preparedGuide])
    guard set.fileCount == (index == 3 ? 1 : 2) else {
      throw Unexpected(description: "\(set.fileCount) files counted for \(paths[index])")
    }
    for finding in set.findings {
      let location = finding.location
      guard location.line >= 1, location.column >= 1, !finding.message.isEmpty else {
        throw Unexpected(description: "a finding at no real place: \(location): \(finding.message)")
      }
      let rendered = FindingRenderer.render(finding)
      guard rendered.hasPrefix("\(location): ") else {
        throw Unexpected(description: "a finding rendered as \(rendered.debugDescription)")
      }
    }
    _ = FindingRenderer.summary(set.findings, files: set.fileCount)
    _ = set.statistics
    _ = set.flashcards.count
  }
}

#if FUZZING
  /// libFuzzer's entry point: one input per call; a broken invariant traps so libFuzzer saves the input.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
      try ContentTarget.check(UnsafeRawBufferPointer(start: data, count: size))
    } catch {
      fatalError(error.description)
    }
    return 0
  }
#else
  /// The corpus replayer (see `FuzzReplay`).
  @main enum Replay {
    static func main() {
      FuzzReplay.main(name: "FuzzContentLoader") { bytes in
        do throws(Unexpected) {
          try ContentTarget.check(bytes)
          return nil
        } catch {
          return error
        }
      }
    }
  }
#endif
