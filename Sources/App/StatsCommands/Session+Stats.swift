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
    // Days are UTC days (utcOffsetSeconds 0 below), as the store summarises them.
    let reviewDays = try store.reviewDays().map {
      ReviewDay(
        day: $0.day, reviews: $0.reviews, again: $0.again,
        young: TrueRetention.Cell(passed: $0.youngPassed, total: $0.youngTotal),
        mature: TrueRetention.Cell(passed: $0.maturePassed, total: $0.matureTotal))
    }
    let cards = try store.statsCards().map { card in
      CardSnapshot(
        id: card.id, kind: card.kind, stateKind: card.stateKind, stability: card.stability,
        difficulty: card.difficulty, due: card.dueEpoch.map(Date.init(timeIntervalSince1970:)),
        lastReview: card.lastReviewEpoch.map(Date.init(timeIntervalSince1970:)),
        scheduledDays: card.scheduledInterval / 86_400)
    }
    let attemptSummaries = try store.attemptSummaries().map {
      AttemptSummary(itemID: $0.itemId, total: $0.total, correct: $0.correct, firstCorrect: $0.firstCorrect)
    }
    let content = try self.content(only: [.quizzes])  // the items alone: the blueprint is built in
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
    return StatsInput(
      reviewDays: reviewDays, cards: cards, attemptSummaries: attemptSummaries, items: items, exams: exams,
      context: context)
  }
}
