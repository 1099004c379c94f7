import ArgumentParser
import Core
import Foundation
import SRS
import Store

struct PlanCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Your study load per day until the exam, and the recall expected on exam day.",
    discussion: """
      Needs an exam date ('set exam-date YYYY-MM-DD'). The plan follows your settings (exam-retention \
      is the target on exam day; daily new limit, daily minutes) and assumes you study \
      every day and answer 'good'. Reviews that would fall after the exam with recall below target \
      are brought forward, with a final pass in the last two days.
      """)

  func execute(in session: Session) throws -> CommandOutput {
    let scheduler = try session.scheduler()
    guard let planner = try session.examPlanner(scheduler: scheduler) else {
      let date = try session.setting("exam-date")
      throw CommandFailure.usage(
        date == "none"
          ? "no exam date is set; set one with 'set exam-date YYYY-MM-DD'"
          : "the exam date \(date) has passed; set the next one with 'set exam-date YYYY-MM-DD'")
    }
    let content = try session.content()
    let deck = FlashcardDeck(content: content)
    let store = try session.store()
    try store.addCards(deck.ids, kind: .flashcard, at: session.now)
    let known = Set(deck.ids)
    let cards = try store.cards().filter { $0.kind == .flashcard && known.contains($0.id) }
    let started = cards.filter { $0.state.kind != .new }.map(\.state)
    let newCount = cards.count - started.count
    let budget = ExamStudyBudget(
      dailyNewLimit: Int(try session.setting("daily-new-limit")) ?? 20,
      dailyMinutes: Double(try session.setting("daily-minutes")),
      secondsPerReview: try Self.secondsPerReview(store.reviews()))
    let today = StudyDay(containing: session.now, rolloverHour: session.rolloverHour)
    let plan: ExamPlan
    do {
      plan = try planner.plan(cards: started, newItems: newCount, today: today, budget: budget)
    } catch {
      throw CommandFailure(message: "cannot plan for the exam: \(error)", status: .failure)
    }
    let report = PlanView.Report(plan: plan, goal: planner.goal, budget: budget, cards: cards.count)
    return CommandOutput(text: PlanView.render(report, styler: session.styler), json: report)
  }

  /// The learner's median seconds per answer (from at least 20 timed answers), else 20 s.
  static func secondsPerReview(_ reviews: [StoredReview]) -> Double {
    let times = reviews.compactMap(\.elapsedMs).filter { $0 > 0 && $0 < 600_000 }.sorted()
    guard times.count >= 20 else { return 20 }
    return Double(times[times.count / 2]) / 1000
  }
}
