import Foundation

extension ExamPlanner {
  /// Plans every study day from `today` to the day before the exam and forecasts each item's exam-day
  /// retrievability.
  ///
  /// The simulation is deterministic (no random numbers): it follows the *planned path*, on which the
  /// learner studies every day and answers each review-state card with ``ExamStudyBudget/assumedRating``
  /// and every learning or relearning step with `good`. Each day, starting at the day's rollover instant:
  /// 1. up to ``ExamStudyBudget/dailyNewLimit`` new items are introduced, in order (`.new` entries of
  ///    `cards` first, then the `newItems` extra items);
  /// 2. every card due before the day ends is reviewed in due order (never before its due time), with
  ///    same-day steps repeated in further passes;
  /// 3. final pass: on each day of the final-pass window, every card that would otherwise reach the exam
  ///    below target (due on or after the exam day and `R(E − r, S) < τ`) is reviewed as well, at the start
  ///    of the day; with ``ExamGoal/finalPassCoversAllItems`` every item not yet reviewed in the window is,
  ///    on its window slot.
  /// Rule 1 (``adjust(_:)-(CardState)``) is applied to every input card first and after every simulated
  /// review, so on the planned path the at-risk final pass is a safety net: rule 1 already places the last
  /// review of every card that needs one in the window. The budget does not postpone reviews: days that
  /// exceed it are flagged and reported.
  ///
  /// Lapses are not on the planned path; their cost is added in expectation as
  /// ``ExamPlanDay/expectedLapseReviews`` (the extra same-day relearning reviews). The later reviews a lapse
  /// would cause are not modelled; use ``simulate(items:days:config:rng:)`` for a stochastic workload check.
  ///
  /// - Parameters:
  ///   - cards: The items' current states; `.new` entries are introduced by the plan.
  ///   - newItems: Further new items, introduced after the `.new` entries of `cards`.
  ///   - today: The first day to plan.
  ///   - budget: Daily limits and time estimates.
  /// - Throws: ``ExamPlanError/examInPast(examDay:today:)`` when the exam day is before `today` (an exam
  ///   today gives a plan with no days), ``ExamPlanError/invalidBudget(_:)`` for a bad budget.
  public func plan(
    cards: [CardState], newItems: Int = 0, today: StudyDay, budget: ExamStudyBudget = ExamStudyBudget()
  ) throws(ExamPlanError) -> ExamPlan {
    try validate(budget, newItems: newItems)
    guard goal.examDay >= today else { throw .examInPast(examDay: goal.examDay, today: today) }
    var run = PlanRun(states: cards.map { adjust($0) } + Array(repeating: .new, count: newItems))
    var days: [ExamPlanDay] = []
    for offset in 0..<today.distance(to: goal.examDay) {
      days.append(simulateDay(today.advanced(by: offset), run: &run, budget: budget))
    }
    let items = run.states.indices.map { i in
      ExamItemForecast(
        index: i, finalState: run.states[i], introducedOn: run.introducedOn[i], plannedReviews: run.reviewCounts[i],
        examRetrievability: examRetrievability(of: run.states[i]))
    }
    return ExamPlan(
      goal: goal, today: today, days: days, items: items, warnings: warnings(days, items, run.remainingNew))
  }

  private func validate(_ budget: ExamStudyBudget, newItems: Int) throws(ExamPlanError) {
    guard newItems >= 0 else { throw .invalidBudget("negative number of new items \(newItems)") }
    guard budget.dailyNewLimit >= 0 else { throw .invalidBudget("negative daily new limit \(budget.dailyNewLimit)") }
    for (name, seconds) in [
      ("seconds per review", budget.secondsPerReview), ("seconds per new item", budget.secondsPerNewItem),
    ]
    where !(seconds > 0 && seconds.isFinite) {
      throw .invalidBudget("\(name) \(seconds) is not a positive duration")
    }
    if let minutes = budget.dailyMinutes, !(minutes >= 0 && minutes.isFinite) {
      throw .invalidBudget("daily minutes \(minutes) is not a non-negative number")
    }
    guard budget.assumedRating != .again else { throw .invalidBudget("the assumed rating must be a recall") }
  }

  private func simulateDay(_ day: StudyDay, run: inout PlanRun, budget: ExamStudyBudget) -> ExamPlanDay {
    let dayStart = goal.start(of: day)
    let dayEnd = goal.start(of: day.advanced(by: 1))
    var newToday = Set<Int>()
    while newToday.count < budget.dailyNewLimit, let i = run.nextNew() {
      run.states[i] = review(.new, rating: .good, at: dayStart).card
      run.introducedOn[i] = day
      run.reviewCounts[i] += 1
      newToday.insert(i)
    }
    var pulled = Set<Int>()
    if day >= goal.finalPassStart {
      pulled = Set(run.states.indices.filter { needsFinalPass(run.states[$0], index: $0, on: day) })
    }
    var reviews = 0
    var lapses = 0.0
    let lapseCost = Double(scheduler.config.relearningSteps.count)
    let finalPassReviews = pulled.count
    var queue = run.states.indices.filter { (run.states[$0].due ?? .distantFuture) < dayEnd || pulled.contains($0) }
    func time(_ i: Int) -> Date { pulled.contains(i) ? dayStart : max(run.states[i].due!, dayStart) }
    while !queue.isEmpty {
      queue.sort { (time($0), $0) < (time($1), $1) }
      var again: [Int] = []
      for i in queue {
        let card = run.states[i]
        let now = time(i)
        pulled.remove(i)
        let rating = card.kind == .review ? budget.assumedRating : .good
        if card.kind == .review, let last = card.lastReview, scheduler.elapsedDays(from: last, to: now) >= 1 {
          lapses += (1 - scheduler.retrievability(of: card, at: now)) * lapseCost
        }
        run.states[i] = review(card, rating: rating, at: now).card
        run.reviewCounts[i] += 1
        if !newToday.contains(i) { reviews += 1 }
        if (run.states[i].due ?? .distantFuture) < dayEnd { again.append(i) }
      }
      queue = again
    }
    let minutes =
      (Double(newToday.count) * budget.secondsPerNewItem + (Double(reviews) + lapses) * budget.secondsPerReview) / 60
    return ExamPlanDay(
      day: day, reviews: reviews, finalPassReviews: finalPassReviews, newItems: newToday.count,
      expectedLapseReviews: lapses, minutes: minutes, overBudget: budget.dailyMinutes.map { minutes > $0 } ?? false,
      isFinalPass: day >= goal.finalPassStart)
  }

  /// Whether the final pass pulls `card` (item `index`) on `day`, a window day: it is not due today and
  /// either would reach the exam below target (not due before the exam, exam-day R below target) or, with
  /// ``ExamGoal/finalPassCoversAllItems``, was last reviewed before the window and its slot has come.
  private func needsFinalPass(_ card: CardState, index: Int, on day: StudyDay) -> Bool {
    guard let schedule = card.schedule, goal.day(containing: schedule.due) > day else { return false }
    if goal.finalPassCoversAllItems, goal.day(containing: schedule.lastReview) < goal.finalPassStart,
      day >= goal.finalPassStart.advanced(by: index % goal.finalPassDays)
    {
      return true
    }
    return goal.day(containing: schedule.due) >= goal.examDay && examRetrievability(of: card) < goal.targetRetention
  }

  private func warnings(_ days: [ExamPlanDay], _ items: [ExamItemForecast], _ remainingNew: Int) -> [ExamPlanWarning] {
    var result: [ExamPlanWarning] = []
    let over = days.filter(\.overBudget)
    if let peak = over.map(\.minutes).max() {
      result.append(.overBudget(days: over.map(\.day), peakMinutes: peak))
    }
    if remainingNew > 0 { result.append(.newItemsNotIntroduced(remaining: remainingNew)) }
    let below = items.count { $0.finalState != .new && $0.examRetrievability < goal.targetRetention }
    if below > 0 { result.append(.itemsBelowTarget(count: below)) }
    return result
  }
}

/// The mutable state of one planning run.
private struct PlanRun {
  var states: [CardState]
  var introducedOn: [StudyDay?]
  var reviewCounts: [Int]
  private var pending: [Int]
  private var nextPending = 0

  init(states: [CardState]) {
    self.states = states
    self.introducedOn = Array(repeating: nil, count: states.count)
    self.reviewCounts = Array(repeating: 0, count: states.count)
    self.pending = states.indices.filter { states[$0] == .new }
  }

  /// New items not yet introduced.
  var remainingNew: Int { pending.count - nextPending }

  /// The next new item to introduce, if any.
  mutating func nextNew() -> Int? {
    guard nextPending < pending.count else { return nil }
    defer { nextPending += 1 }
    return pending[nextPending]
  }
}
