import Testing

@testable import Terminal

@Suite struct ColorPolicyTests {
  @Test(arguments: [
    (ColorMode.always, false, [String: String](), true),
    (.never, true, [:], false),
    (.auto, true, [:], true),
    (.auto, false, [:], false),
    (.auto, true, ["NO_COLOR": "1"], false),
    (.auto, true, ["NO_COLOR": ""], true),
    (.auto, true, ["TERM": "dumb"], false),
    (.always, false, ["NO_COLOR": "1"], true),
  ])
  func colourFollowsTheModeTheTerminalAndTheEnvironment(
    mode: ColorMode, isTerminal: Bool, environment: [String: String], expected: Bool
  ) {
    #expect(ColorPolicy.enabled(mode: mode, stdoutIsTerminal: isTerminal, environment: environment) == expected)
  }

  @Test func aDisabledStyler_returnsTextUnchanged() {
    #expect(Styler.plain.bold("x") == "x")
    #expect(Styler.plain.error("boom") == "boom")
  }

  @Test func anEnabledStyler_wrapsTextInSGRCodes() {
    #expect(Styler(enabled: true).apply("x", .bold, .red) == "\u{1B}[1;31mx\u{1B}[0m")
  }

  @Test func sanitizing_removesEscapeSequencesAndControlCharacters() {
    let hostile = "safe\u{1B}[2J\u{1B}]0;title\u{07}text\u{08}\u{9B}end\tok\n"
    #expect(hostile.sanitizedForTerminal == "safetextend\tok\n")
  }
}

@Suite struct CompletionActionTests {
  @Test func aUniqueMatch_isInsertedWithASpace() {
    #expect(CompletionAction.decide(partial: "he", candidates: ["help", "settings"]) == .insert("lp "))
  }

  @Test func severalMatches_insertTheirCommonPrefixFirst() {
    #expect(CompletionAction.decide(partial: "s", candidates: ["set", "settings"]) == .insert("et"))
  }

  @Test func severalMatchesWithNothingToAdd_areListed() {
    #expect(
      CompletionAction.decide(partial: "set", candidates: ["set", "settings", "help"])
        == .list(["set", "settings"], insert: ""))
  }

  @Test func noMatch_doesNothing() {
    #expect(CompletionAction.decide(partial: "zz", candidates: ["help"]) == .none)
  }

  @Test func theRequestSplitsFinishedWordsFromThePartialWord() {
    #expect(CompletionRequest(textBeforeCursor: "set da") == CompletionRequest(words: ["set"], partial: "da"))
    #expect(CompletionRequest(textBeforeCursor: "set ") == CompletionRequest(words: ["set"], partial: ""))
    #expect(CompletionRequest(textBeforeCursor: "") == CompletionRequest(words: [], partial: ""))
  }

  @Test func listsAreLaidOutInColumns() {
    #expect(CompletionList.render(["a", "bb", "ccc"], width: 10) == "a    bb   \nccc  \n")
  }
}
