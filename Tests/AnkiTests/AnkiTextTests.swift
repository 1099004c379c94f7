import Anki
import Testing

@Suite struct AnkiTextTests {
  @Test("HTML fields become plain text: breaks and blocks as newlines, entities decoded, scripts dropped")
  func plainText() {
    #expect(AnkiText.plain("a<br>b<br/>c") == "a\nb\nc")
    #expect(AnkiText.plain("<div>one</div><div>two</div>") == "one\ntwo")
    #expect(AnkiText.plain("x &lt;y&gt; &amp; &quot;z&quot; &#65;&#x42;") == "x <y> & \"z\" AB")
    #expect(AnkiText.plain("<b>bold</b> <span style=\"color:red\">red</span>") == "bold red")
    #expect(AnkiText.plain("ok<script>alert('x')</script> done<style>p{}</style>") == "ok done")
    #expect(AnkiText.plain("<ul><li>a</li><li>b</li></ul>") == "• a\n• b")
    #expect(AnkiText.plain("3 < 4 and a lone & stay") == "3 < 4 and a lone & stay")
  }

  @Test("terminal control: CSI, OSC, C1 controls, bidi overrides and bells are removed; tab and newline kept")
  func sanitised() {
    #expect(AnkiText.sanitized("\u{1B}[31mred\u{1B}[0m") == "red")
    #expect(AnkiText.sanitized("a\u{1B}]0;title\u{07}b") == "ab")
    #expect(AnkiText.sanitized("a\u{9B}2Jb\u{85}c") == "abc")
    #expect(AnkiText.sanitized("tab\there\nline\r") == "tab\there\nline")
    #expect(AnkiText.sanitized("\u{202E}evil") == "evil")
    #expect(AnkiText.plain("a&#27;[2Jb") == "ab", "an escape spelled as an entity is removed too")
  }

  @Test("plain text is escaped for Anki's HTML fields")
  func escaped() {
    #expect(AnkiText.html("a < b & \"c\"\nnext") == "a &lt; b &amp; &quot;c&quot;<br>next")
  }

  @Test("cloze deletions: one card per number, the asked one hidden (or its hint), the others shown")
  func cloze() {
    let text = "{{c1::Paris}} is in {{c2::France::country}}; {{c1::it}} is big"
    #expect(AnkiCloze.numbers(in: text) == [1, 2])
    #expect(AnkiCloze.front(text, number: 1) == "[...] is in France; [...] is big")
    #expect(AnkiCloze.front(text, number: 2) == "Paris is in [country]; it is big")
    #expect(AnkiCloze.back(text) == "Paris is in France; it is big")
    #expect(AnkiCloze.numbers(in: "{{c::x}} {{cx::y}} {{c1:z}} no close {{c3::open") == [])
  }
}
