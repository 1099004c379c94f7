import Testing

@testable import Content

@Suite struct FindingRendererTests {
  static let location = SourceLocation(file: "content/p.md", line: 3, column: 8)

  @Test func rendersLocationSeverityMessageLineAndCaret() {
    let finding = Finding(.error, at: Self.location, "'title' must be text, not a list", sourceLine: "title: [a, b]")
    #expect(
      FindingRenderer.render(finding) == """
        content/p.md:3:8: error: 'title' must be text, not a list
            title: [a, b]
                   ^

        """)
  }

  @Test func aFindingWithoutASourceLineHasNoCaret() {
    let finding = Finding(.warning, at: Self.location, "something")
    #expect(FindingRenderer.render(finding) == "content/p.md:3:8: warning: something\n")
  }

  @Test func tabsBeforeTheColumnAreKeptSoTheCaretLinesUp() {
    let finding = Finding(.error, at: SourceLocation(file: "f", line: 1, column: 3), "m", sourceLine: "\t\tx")
    #expect(FindingRenderer.render(finding) == "f:1:3: error: m\n    \t\tx\n    \t\t^\n")
  }

  @Test func aColumnPastTheEndOfTheLinePutsTheCaretAfterIt() {
    let finding = Finding(.error, at: SourceLocation(file: "f", line: 1, column: 9), "m", sourceLine: "ab")
    #expect(FindingRenderer.render(finding) == "f:1:9: error: m\n    ab\n      ^\n")
  }

  @Test func controlCharactersAreShownAsQuestionMarks() {
    let finding = Finding(
      .error, at: SourceLocation(file: "f", line: 1, column: 1), "bad \u{1B}[31mred\u{7}",
      sourceLine: "x\u{1B}[0m\u{9B}y")
    #expect(FindingRenderer.render(finding) == "f:1:1: error: bad ?[31mred?\n    x?[0m?y\n    ^\n")
  }

  @Test func notesFollowTheFinding() {
    let finding = Finding(
      .error, at: Self.location, "duplicate topic id 'p'",
      notes: [.init(location: SourceLocation(file: "content/q.md", line: 1, column: 1), message: "first here")])
    #expect(
      FindingRenderer.render(finding)
        == "content/p.md:3:8: error: duplicate topic id 'p'\ncontent/q.md:1:1: note: first here\n"
    )
  }

  @Test func paintIsAskedForEachStyledPart() {
    let finding = Finding(
      .warning, at: Self.location, "msg", sourceLine: "line",
      notes: [.init(location: Self.location, message: "n")])
    let rendered = FindingRenderer.render(finding) { text, style in "<\(style)>\(text)</>" }
    #expect(
      rendered == """
        <bold>content/p.md:3:8: </><warning>warning:</> <bold>msg</>
            line
                <warning>^</>
        <bold>content/p.md:3:8: </><note>note:</> n

        """)
  }

  @Test(arguments: [
    (0, 0, 1, "no problems in 1 file"),
    (0, 0, 14, "no problems in 14 files"),
    (1, 0, 2, "1 error, 0 warnings in 2 files"),
    (2, 1, 1, "2 errors, 1 warning in 1 file"),
    (0, 3, 0, "0 errors, 3 warnings in 0 files"),
  ])
  func summaryCountsErrorsWarningsAndFiles(errors: Int, warnings: Int, files: Int, expected: String) {
    let findings =
      Array(repeating: Finding(.error, at: Self.location, "e"), count: errors)
      + Array(repeating: Finding(.warning, at: Self.location, "w"), count: warnings)
      + [Finding(.note, at: Self.location, "notes are not counted")]
    #expect(FindingRenderer.summary(findings, files: files) == expected)
  }

  @Test func severitiesOrderErrorsFirst() {
    #expect([Finding.Severity.note, .error, .warning].sorted() == [.error, .warning, .note])
  }

  @Test func locationsOrderByFileThenLineThenColumn() {
    let locations = [
      SourceLocation(file: "b", line: 1, column: 1), SourceLocation(file: "a", line: 10, column: 1),
      SourceLocation(file: "a", line: 2, column: 5), SourceLocation(file: "a", line: 2, column: 3),
    ]
    #expect(locations.sorted().map(\.description) == ["a:2:3", "a:2:5", "a:10:1", "b:1:1"])
  }
}
