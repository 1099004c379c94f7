import Testing

@testable import Core

@Suite struct CommandLineTokenizerTests {
  @Test(
    arguments: [
      ("", []),
      ("   \t  ", []),
      ("review", ["review"]),
      ("quiz --domain 3", ["quiz", "--domain", "3"]),
      ("  leading and   trailing  ", ["leading", "and", "trailing"]),
      ("tabs\tseparate\twords", ["tabs", "separate", "words"]),
      ("ünïcödé wörds 日本語", ["ünïcödé", "wörds", "日本語"]),
    ] as [(String, [String])])
  func whitespaceSeparatesWords(line: String, expected: [String]) throws {
    #expect(try CommandLineTokenizer.split(line) == expected)
  }

  @Test(
    arguments: [
      ("'two words'", ["two words"]),
      ("'keeps \\ and \" and #'", ["keeps \\ and \" and #"]),
      ("''", [""]),
      ("a '' b", ["a", "", "b"]),
      ("pre'fix'post", ["prefixpost"]),
      ("'/a b/samples'/x.png", ["/a b/samples/x.png"]),
      ("'  spaced  '", ["  spaced  "]),
    ] as [(String, [String])])
  func singleQuotesAreLiteral(line: String, expected: [String]) throws {
    #expect(try CommandLineTokenizer.split(line) == expected)
  }

  @Test(
    arguments: [
      (#""two words""#, ["two words"]),
      (#""say \"hi\"""#, [#"say "hi""#]),
      (#""back\\slash""#, [#"back\slash"#]),
      (#""it's""#, ["it's"]),
      (#""""#, [""]),
      (##""# not a comment""##, ["# not a comment"]),
      (#"a"b c"d"#, ["ab cd"]),
    ] as [(String, [String])])
  func doubleQuotesAllowEscapedQuoteAndBackslash(line: String, expected: [String]) throws {
    #expect(try CommandLineTokenizer.split(line) == expected)
  }

  @Test(
    arguments: [
      (#""C:\path""#, [#"C:\path"#]),
      (#""a\nb""#, [#"a\nb"#]),
    ] as [(String, [String])])
  func backslashBeforeAnOrdinaryCharacterInDoubleQuotesIsKept(line: String, expected: [String]) throws {
    #expect(try CommandLineTokenizer.split(line) == expected)
  }

  @Test(
    arguments: [
      (#"two\ words"#, ["two words"]),
      (#"\'quoted\'"#, ["'quoted'"]),
      (#"\"x\""#, [#""x""#]),
      (#"\\"#, [#"\"#]),
      (##"\#hash"##, ["#hash"]),
      (#"a\bc"#, ["abc"]),
    ] as [(String, [String])])
  func backslashOutsideQuotesEscapesTheNextCharacter(line: String, expected: [String]) throws {
    #expect(try CommandLineTokenizer.split(line) == expected)
  }

  @Test(
    arguments: [
      ("# whole line", []),
      ("quiz # start a quiz", ["quiz"]),
      ("quiz\t#tab before", ["quiz"]),
      ("issue#42", ["issue#42"]),
      ("a #b 'unterminated", ["a"]),
      ("c# sharp", ["c#", "sharp"]),
      ("'#' literal", ["#", "literal"]),
    ] as [(String, [String])])
  func hashStartsACommentOnlyAtTheStartOfAWord(line: String, expected: [String]) throws {
    #expect(try CommandLineTokenizer.split(line) == expected)
  }

  @Test(
    arguments: [
      ("'open", "unterminated single quote", 1),
      ("say 'hello world", "unterminated single quote", 5),
      (#"say "hello"#, "unterminated double quote", 5),
      (#"a "b" 'c"#, "unterminated single quote", 7),
      (#"x "it's"#, "unterminated double quote", 3),
      (#""escaped \""#, "unterminated double quote", 1),
      ("日本 'x", "unterminated single quote", 4),
    ] as [(String, String, Int)])
  func unterminatedQuoteReportsTheColumnOfTheOpeningQuote(line: String, message: String, column: Int) {
    #expect(throws: CommandLineTokenizer.Failure(message: message, column: column)) {
      try CommandLineTokenizer.split(line)
    }
  }

  @Test(
    arguments: [
      (#"\"#, 1),
      (#"quiz \"#, 6),
      (#"ab\"#, 3),
    ] as [(String, Int)])
  func trailingBackslashIsAnErrorAtItsColumn(line: String, column: Int) {
    #expect(
      throws: CommandLineTokenizer.Failure(
        message: "a backslash at the end of the line escapes nothing", column: column)
    ) {
      try CommandLineTokenizer.split(line)
    }
  }

  @Test func failureDescriptionNamesTheColumn() {
    let failure = CommandLineTokenizer.Failure(message: "unterminated single quote", column: 7)
    #expect(failure.description == "column 7: unterminated single quote")
  }
}
