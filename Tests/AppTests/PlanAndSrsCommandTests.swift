import Core
import Foundation
import SRS
import Store
import TestSupport
import Testing

@testable import App

@Suite struct PlanCommandTests {
  @Test func withoutAnExamDate_planSaysWhatToDo() throws {
    let t = try TestSession(contentRoot: Fixtures.studyContentRoot)
    #expect(t.run("plan")[0].status == .usage)
    #expect(t.sink.errors.contains("no exam date is set; set one with 'set exam-date YYYY-MM-DD'"))
  }

  @Test func planListsEveryDayUntilTheExamAndTheExpectedRecall() throws {
    let t = try TestSession(json: true, contentRoot: Fixtures.studyContentRoot)
    t.run("set exam-date 2026-12-10", "plan")
    let report = try #require(t.jsonLines().last?["data"] as? [String: Any])
    #expect(report["examDate"] as? String == "2026-12-10")
    let days = try #require(report["days"] as? [[String: Any]])
    #expect(days.first?["date"] as? String == "2026-11-26")
    #expect(days.last?["date"] as? String == "2026-12-09")
    #expect(days.count == 14)
    #expect((report["fractionAtTarget"] as? Double ?? 0) >= 0.999, "enough time and budget: every card on target")
    #expect((report["assumptions"] as? String)?.hasPrefix("estimated:") == true)
  }

  @Test func aTightBudgetIsWarnedAbout() throws {
    let t = try TestSession(contentRoot: Fixtures.studyContentRoot)
    t.run("set exam-date 2026-11-28", "set daily-minutes 1", "plan")
    #expect(t.sink.output.contains("over budget"))
    #expect(t.sink.output.contains("warning: "))
  }

  @Test(arguments: ["2026-12-01", "2026-12-06", "2026-12-15"])
  func withAnExamDate_noReviewLandsAfterTheExamWhenExamDayRecallWouldBeLow(examDate: String) throws {
    let reader = ScriptedLineReader(lines: ["4", "3", "4", "2", "4", "4", "quit"])
    let t = try TestSession(contentRoot: Fixtures.studyContentRoot, reader: reader)
    t.run("set exam-date \(examDate)", "set exam-retention 0.97", "review")
    let scheduler = try t.session.scheduler()
    let planner = try #require(try t.session.examPlanner(scheduler: scheduler))
    let exam = planner.goal.start(of: planner.goal.examDay)
    let cards = try t.session.store().cards().filter { $0.state.kind != .new }
    #expect(cards.count == 6)
    var moved = 0
    for card in cards {
      let due = try #require(card.state.due)
      if due >= exam {
        #expect(planner.examRetrievability(of: card.state) >= 0.97, "\(card.id) reaches the exam below target")
      }
      let unadjusted = scheduler.review(.new, rating: .easy, at: TestClock.reference).card.due
      if card.state.kind == .review, let unadjusted, due < unadjusted { moved += 1 }
    }
    if examDate == "2026-12-06" { #expect(moved > 0, "easy cards due after the exam were brought forward") }
  }
}

@Suite struct SrsCommandTests {
  func revlog(_ rows: [String]) -> String {
    let directory = Fixtures.temporaryDirectory("revlog")
    let path = directory + "/log.csv"
    Fixtures.write(
      (["card_id,review_time,review_rating,review_state,review_duration"] + rows).joined(separator: "\n") + "\n",
      to: path)
    return path
  }

  @Test func importThenExport_roundTripsTheHistory() throws {
    let path = revlog([
      "7,1700000000000,3,0,4000", "7,1700600000000,3,2,3000", "8,1700000500000,1,0,9000",
    ])
    let t = try TestSession(contentRoot: Fixtures.studyContentRoot)
    t.run("srs import-revlog \(path)")
    #expect(t.sink.output.contains("Imported 3 reviews of 2 cards"))
    let store = try t.session.store()
    #expect(try store.reviews().map(\.mode) == [.import, .import, .import])
    #expect(try store.card("revlog:7")?.state.kind == .review)
    let out = path + ".out.csv"
    t.run("srs export-revlog \(out)")
    let text = try String(contentsOfFile: out, encoding: .utf8)
    #expect(text.hasPrefix("card_id,review_time,review_rating,review_state,review_duration\n"))
    #expect(text.contains("7,1700000000000,3,0,4000"))
    #expect(text.contains("8,1700000500000,1,0,9000"))
  }

  @Test func aBadRevlogImportsNothingAndNamesTheLine() throws {
    let path = revlog(["7,1700000000000,3,0,4000", "7,1700600000000,9,2,3000"])
    let t = try TestSession(contentRoot: Fixtures.studyContentRoot)
    #expect(t.run("srs import-revlog \(path)")[0].status == .failure)
    #expect(t.sink.errors.contains("nothing was imported"))
    #expect(t.sink.errors.contains("line 3, review_rating"))
    #expect(try t.session.store().reviews().isEmpty)
  }

  @Test func optimizeRefusesPolitelyWithTooLittleHistory() throws {
    let t = try TestSession(contentRoot: Fixtures.studyContentRoot)
    #expect(t.run("srs optimize")[0].status == .failure)
    #expect(t.sink.errors.contains("fitting needs at least 400 reviews; there are 0"))
  }

  @Test func optimizeFitsAndAdoptsOnlyWhenBetter() throws {
    let fixture = Fixtures.repositoryRoot + "/Tests/SRSTests/Fixtures/optimizer_revlog.csv"
    let t = try TestSession(json: true, contentRoot: Fixtures.studyContentRoot)
    t.run("srs import-revlog \(fixture)", "srs optimize --apply")
    let report = try #require(t.jsonLines().last?["data"] as? [String: Any])
    let before = try #require(report["logLossBefore"] as? Double)
    let after = try #require(report["logLossAfter"] as? Double)
    #expect(after < before)
    #expect(report["adopted"] as? Bool == true)
    let active = try #require(try t.session.store().activeParameters())
    let reported = try #require(report["parameters"] as? [Double])
    #expect(active.values.count == 21)
    #expect(zip(active.values, reported).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($0)) })
  }

  @Test func replayInJSONWritesOneObjectPerReview() throws {
    let path = revlog(["7,1700000000000,3,0,4000", "7,1700600000000,3,2,3000"])
    let t = try TestSession(json: true, contentRoot: Fixtures.studyContentRoot)
    t.run("srs replay \(path)")
    let replays = t.jsonLines().filter { $0["type"] as? String == "replay" }
    #expect(replays.count == 2)
    let second = try #require(replays.last?["data"] as? [String: Any])
    #expect(second["elapsedDays"] as? Int == 7, "calendar days with the 04:00 rollover: Nov 14 22:13 → Nov 21 20:53")
    #expect((second["stability"] as? Double ?? 0) > 2)
  }

  @Test func srsWithoutASubcommandListsThem() throws {
    let t = try TestSession(contentRoot: Fixtures.studyContentRoot)
    #expect(t.run("srs")[0].status == .usage)
    #expect(t.sink.errors.contains("optimize, import-revlog, export-revlog or replay"))
  }
}
