import PropertyBased
import Testing

@testable import App

/// The start-up fast path reads global options exactly as ArgumentParser does, or defers to it.
@Suite struct QuickStartOptionsTests {
  static let word = Gen.oneOf(
    Gen.always("--data-dir"), Gen.always("--content-dir"), Gen.always("--color"), Gen.always("--now"),
    Gen.always("--seed"), Gen.always("--json"), Gen.always("--bail"), Gen.always("--version"),
    Gen.always("--data-dir=/tmp/x"), Gen.always("--color=never"), Gen.always("--seed=42"), Gen.always("--seed=-1"),
    Gen.always("--color=purple"), Gen.always("--json=true"), Gen.always("--now="), Gen.always("/tmp/data dir"),
    Gen.always("always"), Gen.always("auto"), Gen.always("12"), Gen.always("007"), Gen.always("-5"),
    Gen.always("2026-11-26"), Gen.always(""), Gen.always("x=y"), Gen.always("--nope"),
    Gen.always("18446744073709551616"))

  @Test func whateverTheFastPathAcceptsArgumentParserReadsTheSame() async {
    await propertyCheck(count: 3000, input: Self.word.array(of: 0...6)) { words in
      guard let quick = GlobalOptions.quickParse(words) else { return }
      let parsed = try? GlobalOptions.parse(words).startOptions
      #expect(parsed == quick, "\(words)")
    }
  }

  @Test(arguments: [
    ["--data-dir", "/tmp/d"], ["--data-dir=/tmp/d", "--json"], ["--color", "never", "--seed", "7"], ["--version"],
    ["--now", "2026-11-26", "--bail", "--content-dir", "/c"],
  ])
  func commonStartUpLinesTakeTheFastPath(words: [String]) throws {
    let quick = try #require(GlobalOptions.quickParse(words))
    #expect(try GlobalOptions.parse(words).startOptions == quick)
  }

  @Test(arguments: [["--color", "purple"], ["--seed", "-1"], ["--data-dir"], ["--json", "--json"], ["--nope"]])
  func anythingUnusualGoesToArgumentParser(words: [String]) {
    #expect(GlobalOptions.quickParse(words) == nil)
  }
}
