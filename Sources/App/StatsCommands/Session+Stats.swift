import Content
import Core
import Foundation
import Quiz
import SRS
import Stats
import Store

extension Session {
  /// Everything the statistics read, from the store and the content.
  func statsInput() throws -> StatsInput {
    let store = try store()
    let reviews = try store.statsReviews().map {
      ReviewEvent(
        cardID: $0.cardId, time: $0.reviewedAt, rating: $0.rating, stateBefore: $0.kindBefore,
        scheduledDaysBefore: $0.intervalBefore, elapsedMs: $0.elapsedMs)
    }
    let cards = try store.cards().map { card in
      CardSnapshot(
        id: card.id, kind: card.kind.rawValue, stateKind: card.state.kind.rawValue,
        stability: card.state.memory?.stability, difficulty: card.state.memory?.difficulty, due: card.state.due,
        lastReview: card.state.lastReview, scheduledDays: card.state.scheduledInterval)
    }
    let attempts = try store.attempts().map {
      AttemptRecord(
        itemID: $0.itemId, time: $0.answeredAt, correct: $0.correct,
        mode: AttemptRecord.Mode(rawValue: $0.mode.rawValue) ?? .quiz)
    }
    let content = try self.content(only: [.quizzes, .resources])
    let cardIDs = Set(cards.filter { $0.kind == "quiz" }.map(\.id))
    let items = content.items.flatMap(\.scoredItems).compactMap { item -> ItemInfo? in
      guard let domain = Int(item.objective.prefix { $0 != "." }) else { return nil }
      return ItemInfo(
        id: item.id, domain: domain, objective: item.objective, cardID: cardIDs.contains(item.id) ? item.id : nil,
        optionCount: item.type == .multipleChoice ? max(item.options.count, 2) : nil)
    }
    let exams = try store.exams().compactMap { exam -> ExamRecord? in
      guard let result = exam.result, let submitted = exam.submittedAt,
        let report = try? JSONDecoder().decode(ExamReport.self, from: Data(result.utf8))
      else { return nil }
      let score = report.score
      return ExamRecord(
        id: Int(exam.id), finishedAt: submitted, correct: score.scoredCorrect, scored: score.scoredTotal,
        estimatedScaledScore: score.scaled, passed: score.passed,
        perDomain: score.byDomain.mapValues { ExamRecord.DomainResult(correct: $0.correct, total: $0.total) })
    }
    let examDate = (try? setting("exam-date")).flatMap { try? CalendarDay(parsing: $0) }
    let retention = (try? setting("desired-retention")).flatMap(Double.init) ?? 0.9
    let parameters = (try? store.activeParameters()) ?? nil
    let context = StatsContext(
      now: now, utcOffsetSeconds: 0, desiredRetention: retention, examDate: examDate,
      parameters: parameters ?? .default)
    return StatsInput(reviews: reviews, cards: cards, attempts: attempts, items: items, exams: exams, context: context)
  }
}
