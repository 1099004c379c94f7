import App
import Terminal
import TestSupport
import Testing

/// Long pages go through the pager; short output, failures and JSON never do.
@Suite struct PagerTests {
  final class RecordingPager: Pager {
    var shown: [String] = []
    var works = true
    func show(_ text: String) -> Bool {
      shown.append(text)
      return works
    }
  }

  @Test func aPageLongerThanTheScreenGoesThroughThePager() throws {
    let t = try TestSession()
    let pager = RecordingPager()
    t.session.pager = pager
    t.run("topic fine-tuning")
    #expect(pager.shown.count == 1)
    #expect(pager.shown[0].contains("Fine-tuning (supervised)"))
    #expect(t.sink.output.isEmpty)
  }

  @Test func shortOutputIsPrintedDirectly() throws {
    let t = try TestSession()
    let pager = RecordingPager()
    t.session.pager = pager
    t.run("can nova-micro image-input")
    #expect(pager.shown.isEmpty)
    #expect(t.sink.output.hasPrefix("no — "))
  }

  @Test func aPagerThatCannotRunFallsBackToPrinting() throws {
    let t = try TestSession()
    let pager = RecordingPager()
    pager.works = false
    t.session.pager = pager
    t.run("topic fine-tuning")
    #expect(t.sink.output.contains("Fine-tuning (supervised)"))
  }

  @Test func jsonOutputIsNeverPaged() throws {
    let t = try TestSession(json: true)
    let pager = RecordingPager()
    t.session.pager = pager
    t.run("topic fine-tuning")
    #expect(pager.shown.isEmpty)
    #expect(t.sink.output.hasPrefix("{"))
  }
}
