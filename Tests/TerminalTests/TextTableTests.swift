import PropertyBased
import Terminal
import Testing

/// Tables fit the terminal: data tables cut cells with "…", prose tables wrap them and lose nothing.
@Suite struct TextTableTests {
  static func table(_ overflow: TextTable.Overflow) -> TextTable {
    var table = TextTable(
      columns: [TextTable.Column("Policy"), TextTable.Column("What it blocks")], overflow: overflow)
    table.append(["Denied topics", "whole subjects described in natural language, such as investment advice"])
    table.append(["Word filters", "exact words"])
    return table
  }

  @Test func aDataTableCutsTheCellThatDoesNotFit() {
    let text = Self.table(.truncate).render(width: 40, styler: .plain)
    #expect(
      text == """
        Policy         What it blocks
        Denied topics  whole subjects described…
        Word filters   exact words

        """)
  }

  @Test func aProseTableWrapsTheCellAndSeparatesTheRows() {
    let text = Self.table(.wrap).render(width: 40, styler: .plain)
    #expect(
      text == """
        Policy         What it blocks

        Denied topics  whole subjects described
                       in natural language, such
                       as investment advice

        Word filters   exact words

        """)
  }

  @Test func aProseTableThatFitsIsOneLinePerRow() {
    let text = Self.table(.wrap).render(width: 120, styler: .plain)
    #expect(text.split(separator: "\n").count == 3)
    #expect(!text.contains("\n\n"))
  }

  /// Words of 1–12 letters; the widths asked for always leave room for every column's longest word.
  static let word = Gen<Character?>.element(of: Array("abcdefghij") as [Character]).map { $0! }.string(of: 1...12)
  static let cell = word.array(of: 0...12).map { $0.joined(separator: " ") }

  @Test func aWrappedTableFitsItsWidthAndKeepsEveryWord() async {
    await propertyCheck(
      input: Gen.int(in: 1...4), Self.word.array(of: 4), Self.cell.array(of: 4).array(of: 0...5), Gen.int(in: 0...40)
    ) { count, allTitles, allRows, extra in
      let titles = Array(allTitles.prefix(count))
      let rows = allRows.map { Array($0.prefix(count)) }
      var table = TextTable(columns: titles.map { TextTable.Column($0) }, overflow: .wrap)
      for row in rows { table.append(row) }
      let width = count * 12 + (count - 1) * 2 + extra
      let text = table.render(width: width, styler: .plain)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.allSatisfy { TextTable.displayWidth(String($0)) <= width })
      let words = { (texts: [String]) in texts.flatMap { $0.split(separator: " ").map(String.init) }.sorted() }
      #expect(words([text.replacingOccurrences(of: "\n", with: " ")]) == words(titles + rows.flatMap { $0 }))
    }
  }
}
