import Testing

@testable import Content

@Suite struct FrontMatterTests {
  @Test(
    arguments: [
      ("---\na: 1\n---\nbody", FrontMatter.Split.found(yaml: "a: 1", firstLine: 2, body: "body")),
      ("---\na: 1\nb: 2\n---\n", .found(yaml: "a: 1\nb: 2", firstLine: 2, body: "")),
      ("---\n---\n", .found(yaml: "", firstLine: 2, body: "")),
      ("---\na: 1\n---\nx\n---\ny", .found(yaml: "a: 1", firstLine: 2, body: "x\n---\ny")),
      ("---  \na: 1\n---\t\nbody", .found(yaml: "a: 1", firstLine: 2, body: "body")),
      ("\u{FEFF}---\na: 1\n---\nbody", .found(yaml: "a: 1", firstLine: 2, body: "body")),
      ("---\r\na: 1\r\n---\r\nbody\r\n", .found(yaml: "a: 1", firstLine: 2, body: "body\n")),
      ("---\na: 1\r\n---\nmixed", .found(yaml: "a: 1", firstLine: 2, body: "mixed")),
      ("", .missing),
      ("# Title\n", .missing),
      ("\n---\na: 1\n---\n", .missing),
      ("----\na: 1\n----\n", .missing),
      ("--- a: 1\n---\n", .missing),
      ("---", .unterminated),
      ("---\na: 1\n", .unterminated),
      ("---\na: 1\n----\n", .unterminated),
    ] as [(String, FrontMatter.Split)])
  func splitSeparatesYAMLFromTheBody(text: String, expected: FrontMatter.Split) {
    #expect(FrontMatter.split(text) == expected)
  }
}
