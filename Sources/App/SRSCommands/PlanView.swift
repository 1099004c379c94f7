import Core
import Foundation
import SRS
import Terminal

enum PlanView {
  struct Day: Encodable, Sendable {
    var date: String
    var reviews: Int
    var newItems: Int
    var finalPassReviews: Int
    var minutes: Double
    var overBudget: Bool
    var finalPass: Bool
  }

  struct Report: Encodable, Sendable {
    var examDate: String
    var target: Double
    var cards: Int
    var meanExamRecall: Double
    var fractionAtTarget: Double
    var totalReviews: Int
    var totalMinutes: Double
    var dailyMinutes: Double?
    var secondsPerReview: Double
    var days: [Day]
    var warnings: [String]
    var assumptions: String

    init(plan: ExamPlan, goal: ExamGoal, budget: ExamStudyBudget, cards: Int) {
      func date(_ day: StudyDay) -> String {
        CalendarDay(containing: goal.start(of: day).addingTimeInterval(3600)).description
      }
      examDate = date(goal.examDay)
      target = goal.targetRetention
      self.cards = cards
      meanExamRecall = plan.meanExamRetrievability
      fractionAtTarget = plan.fractionAtTarget
      totalReviews = plan.totalReviews
      totalMinutes = plan.totalMinutes
      dailyMinutes = budget.dailyMinutes
      secondsPerReview = budget.secondsPerReview
      days = plan.days.map {
        Day(
          date: date($0.day), reviews: $0.reviews, newItems: $0.newItems, finalPassReviews: $0.finalPassReviews,
          minutes: $0.minutes, overBudget: $0.overBudget, finalPass: $0.isFinalPass)
      }
      warnings = plan.warnings.map(\.description)
      assumptions =
        "estimated: you study every day, answer 'good', and take about \(Int(budget.secondsPerReview.rounded())) s "
        + "per review and \(Int(budget.secondsPerNewItem.rounded())) s per new card"
    }
  }

  static func render(_ report: Report, styler: Styler) -> String {
    var out = styler.bold("Plan to the exam on \(report.examDate)") + " (\(report.cards) cards, target recall "
    out += String(format: "%.0f%%)\n", report.target * 100)
    out += "day          reviews  new  minutes\n"
    for day in report.days {
      var line = day.date + "  " + pad(day.reviews, 7) + "  " + pad(day.newItems, 3) + "  "
      line += pad(Int(day.minutes.rounded()), 7)
      if day.finalPass { line += "  final pass" }
      out += (day.overBudget ? styler.warning(line + "  over budget") : line) + "\n"
    }
    out += String(
      format: "Expected recall on exam day: %.0f%% on average; %.0f%% of cards at or above target.\n",
      report.meanExamRecall * 100, report.fractionAtTarget * 100)
    out += String(format: "Total: %d reviews, about %.0f minutes.\n", report.totalReviews, report.totalMinutes)
    for warning in report.warnings { out += styler.warning("warning: ") + warning + "\n" }
    out += styler.dim("(\(report.assumptions))") + "\n"
    return out
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
