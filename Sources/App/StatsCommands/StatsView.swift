import Core
import Foundation
import Stats
import Terminal

/// Text for the statistics. Charts use Unicode blocks on a UTF-8 terminal and ASCII otherwise;
/// colour follows the colour policy; everything fits the terminal's width (20 columns included).
enum StatsView {
  static func percent(_ value: Double?) -> String { value.map { String(format: "%.0f%%", $0 * 100) } ?? "—" }

  /// A sparkline of counts.
  static func sparkline(_ values: [Int], unicode: Bool) -> String {
    let marks: [Character] = unicode ? Array("▁▂▃▄▅▆▇█") : Array(" .:-=+*#")
    let top = max(values.max() ?? 0, 1)
    return String(
      values.map {
        $0 == 0 ? (unicode ? "·" : " ") : marks[min(marks.count - 1, $0 * (marks.count - 1) / top + (unicode ? 0 : 0))]
      })
  }

  /// A horizontal bar for a fraction.
  static func bar(_ fraction: Double?, width: Int, unicode: Bool) -> String {
    let width = max(width, 1)
    guard let fraction, fraction.isFinite else { return String(repeating: unicode ? "·" : ".", count: width) }
    let filled = Int((min(max(fraction, 0), 1) * Double(width)).rounded())
    return String(repeating: unicode ? "█" : "#", count: filled)
      + String(repeating: unicode ? "░" : ".", count: width - filled)
  }

  static func overview(_ overview: Overview, readiness: Readiness?, width: Int, styler: Styler) -> String {
    var out =
      styler.bold("Today") + "  \(overview.today.reviews) reviewed (\(overview.today.again) again) · "
      + "\(overview.today.dueNow) due · \(overview.today.newAvailable) new available\n"
    out +=
      "Streak  \(overview.streak) day\(overview.streak == 1 ? "" : "s") · \(overview.totalReviews) reviews in all\n"
    let spark = sparkline(overview.last30Days.map(\.count), unicode: styler.unicode)
    let sparkWidth = max(0, width - 14)
    out += "30 days " + String(spark.suffix(sparkWidth)) + "\n"
    let rows = overview.trueRetention.rows
    let month: TrueRetention.Row? = rows.first { $0.period == .last30Days } ?? rows.last
    if let month {
      let rate: String = percent(month.total.rate)
      let desired: String = percent(overview.trueRetention.desiredRetention)
      out += "True retention (30 days) \(rate) vs desired \(desired)"
      out += styler.dim("  (first review of a card each day, Anki's definition)") + "\n"
    }
    out += styler.bold("Domains") + styler.dim("  recall now (mean R) · accuracy") + "\n"
    let barWidth = max(4, min(20, width - 40))
    for domain in overview.domains {
      let name = TextTable.truncate(
        "\(domain.domain) \(domain.name)", to: max(8, min(30, width - barWidth - 14)), styler: .plain)
      out +=
        name.padding(toLength: max(8, min(30, width - barWidth - 14)), withPad: " ", startingAt: 0) + " "
        + bar(domain.meanRetrievability ?? domain.accuracy, width: barWidth, unicode: styler.unicode) + " "
        + percent(domain.meanRetrievability) + " · " + percent(domain.accuracy) + "\n"
    }
    if let exam = overview.lastExam {
      out +=
        "Last mock exam  \(exam.estimatedScaledScore) (estimated) · \(exam.correct)/\(exam.scored) scored"
        + (exam.passed ? " · " + styler.success("pass") : " · " + styler.warning("below 700")) + "\n"
    }
    if let readiness {
      out += readinessLine(readiness, styler: styler)
    }
    out += styler.accent("Next: ") + overview.nextStep + "\n"
    return out
  }

  static func readinessLine(_ readiness: Readiness, styler: Styler) -> String {
    let target =
      !readiness.examDateSet
      ? "if the exam were today"
      : readiness.examDateInPast ? "today (the exam date has passed)" : "for \(readiness.targetDay)"
    return "Readiness \(target): " + styler.bold(percent(readiness.probability)) + " chance of ≥ 700 "
      + styler.dim(
        "(band \(percent(readiness.low))–\(percent(readiness.high)), \(readiness.confidence.rawValue) confidence; estimated)"
      )
      + "\n"
  }

  /// Prose wrapped to the terminal's width.
  static func wrapped(_ text: String, width: Int) -> String {
    TextTable.wrap(text, width: max(width, 20)).joined(separator: "\n") + "\n"
  }

  static func readiness(_ readiness: Readiness, width: Int, styler: Styler) -> String {
    var out = readinessLine(readiness, styler: styler)
    out +=
      "Expected \(String(format: "%.1f", readiness.expectedCorrect)) of \(readiness.scoredQuestions) scored "
      + "questions right (pass mark \(readiness.passMark)); estimated scaled score \(readiness.expectedScaledScore)\n"
    for domain in readiness.domains {
      out +=
        "  \(domain.domain) \(domain.name): \(percent(domain.meanProbability)) per question, "
        + "\(domain.itemsWithMemory)/\(domain.items) items studied\n"
    }
    if !readiness.topObjectives.isEmpty {
      out += styler.bold("Study these to raise it most") + "\n"
      for gain in readiness.topObjectives {
        out += "  \(gain.objective)  +\(String(format: "%.1f", gain.gain * 100)) points  → \(gain.command)\n"
      }
    }
    for note in readiness.notes { out += styler.dim(wrapped("· " + note, width: width)) }
    out += styler.dim(wrapped(Readiness.method, width: width))
    out += wrapped("Advice: " + readiness.advice, width: width)
    return out
  }

  static func objectives(_ stats: ObjectiveStats, limit: Int, width: Int, styler: Styler) -> String {
    var table = TextTable(columns: [
      .init("objective", shrinkable: false), .init("attempts", alignment: .right, shrinkable: false),
      .init("accuracy", alignment: .right, shrinkable: false), .init("recall", alignment: .right, shrinkable: false),
      .init("train with"),
    ])
    for entry in stats.objectives.prefix(limit) {
      table.append([
        entry.objective, "\(entry.attempts)", percent(entry.accuracy), percent(entry.meanRetrievability), entry.command,
      ])
    }
    return styler.bold("Objectives, weakest first") + "\n" + table.render(width: width, styler: styler)
  }

  static func domains(_ overview: Overview, width: Int, styler: Styler) -> String {
    var table = TextTable(columns: [
      .init("domain"), .init("items", alignment: .right, shrinkable: false),
      .init("cards", alignment: .right, shrinkable: false), .init("recall", alignment: .right, shrinkable: false),
      .init("attempts", alignment: .right, shrinkable: false), .init("accuracy", alignment: .right, shrinkable: false),
    ])
    for domain in overview.domains {
      table.append([
        "\(domain.domain) \(domain.name)", "\(domain.items)", "\(domain.reviewedCards)",
        percent(domain.meanRetrievability), "\(domain.attempts)", percent(domain.accuracy),
      ])
    }
    return table.render(width: width, styler: styler)
  }

  static func forecast(_ forecast: Forecast, width: Int, styler: Styler) -> String {
    var out =
      styler.bold("Due per day")
      + styler.dim(
        forecast.endsAtExam ? "  (until your exam date)" : "  (next \(Plural.of(forecast.duePerDay.count, "day")))")
      + "\n"
    let top = max(forecast.duePerDay.max() ?? 0, 1)
    let barWidth = max(4, min(40, width - 18))
    for (offset, count) in forecast.duePerDay.enumerated() {
      let day = Stats.calendarDay(ofIndex: Stats.dayIndex(of: forecast.startDay) + offset)
      let label = offset == 0 ? "today     " : String(day.description.suffix(5)) + "     "
      out +=
        label + String(bar(Double(count) / Double(top), width: barWidth, unicode: styler.unicode).prefix(barWidth))
        + " \(count)\n"
    }
    out +=
      "Overdue (counted today): \(forecast.overdue) · after the horizon: \(forecast.beyondHorizon) · daily load "
      + String(format: "%.1f", forecast.dailyLoad) + " reviews/day (Σ 1/interval)\n"
    return out
  }

  static func heatmap(_ heatmap: Heatmap, width: Int, styler: Styler) -> String {
    let marks: [String] = styler.unicode ? ["·", "░", "▒", "▓", "█"] : [".", "-", "+", "*", "#"]
    let weeks = heatmap.weeks()
    let shown = weeks.suffix(max(1, width - 5))
    var out =
      styler.bold("Reviews per day, last year")
      + styler.dim("  \(Plural.of(heatmap.total, "review")) on \(Plural.of(heatmap.activeDays, "day"))")
      + "\n"
    let names = ["Mon", "   ", "Wed", "   ", "Fri", "   ", "Sun"]
    for weekday in 0..<7 {
      var line = names[weekday] + " "
      for week in shown {
        guard weekday < week.count, let count = week[weekday] else { line += " "; continue }
        line += marks[min(marks.count - 1, heatmap.level(count))]
      }
      out += line + "\n"
    }
    out += "     less " + marks.joined() + " more\n"
    return out
  }

  static func histogram(_ title: String, _ histogram: Histogram, format: String, width: Int, styler: Styler) -> String {
    var out = styler.bold(title) + "\n"
    let top = max(histogram.counts.max() ?? 0, 1)
    let barWidth = max(4, min(30, width - 26))
    for (index, count) in histogram.counts.enumerated() {
      let low = histogram.edges[index]
      let high = index + 1 < histogram.edges.count ? histogram.edges[index + 1] : .infinity
      let label = (String(format: format, low) + "–" + (high.isFinite ? String(format: format, high) : "∞"))
      out +=
        label.padding(toLength: 14, withPad: " ", startingAt: 0)
        + bar(Double(count) / Double(top), width: barWidth, unicode: styler.unicode) + " \(count)\n"
    }
    return out
  }

  static func memory(_ memory: MemoryStats, width: Int, styler: Styler) -> String {
    guard memory.reviewedCards > 0 else {
      return "No reviewed cards yet: 'review' starts your flashcards; memory statistics follow.\n"
    }
    var out =
      "Reviewed cards: \(memory.reviewedCards) · estimated total knowledge "
      + String(format: "%.0f", memory.estimatedTotalKnowledge) + " cards (Σ recall probability) · mean recall "
      + percent(memory.meanRetrievability) + "\n"
    out += histogram("Stability (days)", memory.stability, format: "%.0f", width: width, styler: styler)
    out += histogram("Difficulty (1–10)", memory.difficulty, format: "%.0f", width: width, styler: styler)
    out += histogram("Recall probability now", memory.retrievability, format: "%.2f", width: width, styler: styler)
    return out
  }

  static func exams(_ history: ExamHistory, width: Int, styler: Styler) -> String {
    guard !history.exams.isEmpty else {
      return "No finished mock exams yet: 'exam' starts one (65 questions, 90 minutes).\n"
    }
    var table = TextTable(columns: [
      .init("#", alignment: .right, shrinkable: false), .init("finished", shrinkable: false),
      .init("scored", alignment: .right, shrinkable: false), .init("estimated", alignment: .right, shrinkable: false),
      .init("result", shrinkable: false),
    ])
    for exam in history.exams {
      table.append([
        "\(exam.id)", Timestamp.format(exam.finishedAt).prefix(10).description, "\(exam.correct)/\(exam.scored)",
        "\(exam.estimatedScaledScore)", exam.passed ? "pass" : "below 700",
      ])
    }
    var out = table.render(width: width, styler: styler)
    out +=
      "Passed \(history.passedCount) of \(history.exams.count) · best \(history.bestScaledScore.map(String.init) ?? "—")"
      + " · trend \(history.trend.rawValue)\n"
    return out
  }
}
