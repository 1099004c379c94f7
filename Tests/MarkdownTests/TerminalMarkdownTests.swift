import Terminal
import Testing

@testable import Markdown

@Suite struct TerminalMarkdownTests {
  static let plain = TerminalMarkdown(width: 40, styler: .plain)

  @Test func headingsListsAndParagraphsRenderAsText() {
    let rendered = Self.plain.render(
      """
      ## When to use it

      Fine-tuning teaches **a task** from labeled examples.

      - first point
      - second point
        wraps here
      """)
    #expect(
      rendered.text == """
        When to use it

        Fine-tuning teaches a task from labeled
        examples.

        • first point
        • second point wraps here

        """)
  }

  @Test func linksToPagesShowTheIdToOpenAndAreCollected() {
    let rendered = TerminalMarkdown(width: 120, styler: .plain).render(
      "See [continued pre-training](continued-pre-training) and [docs](https://aws.amazon.com/).")
    #expect(rendered.text.contains("continued pre-training [continued-pre-training]"))
    #expect(rendered.text.contains("docs <https://aws.amazon.com/>"))
    #expect(rendered.links == ["continued-pre-training"])
  }

  @Test func tablesBecomeAlignedColumns() {
    let rendered = Self.plain.render(
      """
      | | Fine-tuning | CPT |
      |---|---|---|
      | Data | labeled | unlabeled |
      """)
    #expect(rendered.text == "      Fine-tuning  CPT\nData  labeled      unlabeled\n")
  }

  @Test func aTableTooWideForTheTerminalWrapsItsCellsAndKeepsEveryWord() {
    let rendered = Self.plain.render(
      """
      | Policy | What it catches |
      |---|---|
      | Denied topics | topics you describe in plain language |
      | Word filters | exact words or phrases, managed profanity list |
      """)
    #expect(
      rendered.text == """
        Policy         What it catches

        Denied topics  topics you describe in
                       plain language

        Word filters   exact words or phrases,
                       managed profanity list

        """)
  }

  @Test func unbalancedEmphasisStaysLiteralText() {
    let rendered = Self.plain.render("This has **unbalanced emphasis and a *stray star.")
    #expect(rendered.text == "This has **unbalanced emphasis and a\n*stray star.\n")
  }

  @Test func rawEscapeBytesInAPageNeverReachTheTerminal() {
    let hostile = "Text \u{1B}[31mred\u{1B}[0m and \u{1B}]0;title\u{07} and `code \u{1B}[2J`\n\n```\n\u{1B}[H\n```"
    let styled = TerminalMarkdown(width: 60, styler: Styler(enabled: true)).render(hostile).text
    // The only escapes left are our own SGR styles (ESC [ … m).
    let withoutStyles = styled.replacing(/\x1B\[[0-9;]*m/, with: "")
    #expect(!withoutStyles.contains("\u{1B}"))
    #expect(!Self.plain.render(hostile).text.contains("\u{1B}"))
  }

  @Test func colourIsAppliedOnlyWhenTheStylerIsEnabled() {
    let markdown = "Use **bold** and `code`."
    #expect(!Self.plain.render(markdown).text.contains("\u{1B}"))
    #expect(TerminalMarkdown(width: 40, styler: Styler(enabled: true)).render(markdown).text.contains("\u{1B}[1m"))
  }

  @Test func codeBlocksKeepTheirLines() {
    let rendered = Self.plain.render("```\n{\"prompt\": \"a\",\n \"completion\": \"b\"}\n```")
    #expect(rendered.text == "    {\"prompt\": \"a\",\n     \"completion\": \"b\"}\n")
  }
}
