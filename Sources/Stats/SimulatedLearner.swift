import Core
import Foundation
import SRS

/// One simulated learner for ``ReadinessCalibration``: a hidden "true" FSRS memory per item, a study history
/// as the app would record it, and the true answer probabilities on any later day.
///
/// As in `make_revlog.py`: the learner's brain follows FSRS-6 with its own parameters (the defaults jittered
/// log-normally, clamped to the bounds) while the app schedules with the default parameters, fuzz and
/// Anki-like learning steps. Recall is Bernoulli(true R); a multiple-choice question is also right by a lucky
/// guess (1/m). A right answer is graded Hard/Good/Easy with 0.12/0.78/0.10, a wrong one Again (fmlab's
/// practice rating). Before an item is studied, the learner knows it with a hidden probability `k0` from a
/// learner ability, an objective offset and an item offset on the logit scale.
struct SimulatedLearner {
  let settings: CalibrationSettings
  let memory: FSRS
  var items: [ItemInfo] = []
  /// Hidden prior knowledge of each item.
  var priorKnowledge: [Double] = []
  /// True memory and the day of the last review, per item (nil until introduced).
  var trueMemory: [MemoryState?] = []
  var lastDay: [Int] = []
  var lastTime: [Date] = []
  var appState: [CardState] = []
  var reviews: [ReviewEvent] = []
  var attempts: [AttemptRecord] = []

  static let recallGrades: [Double] = [0.12, 0.78, 0.10]

  init(settings: CalibrationSettings, generator g: inout SeededGenerator) {
    self.settings = settings
    var w = Parameters.defaultValues
    for i in w.indices where w[i] > 0 {
      w[i] = min(
        max(w[i] * exp(settings.parameterJitter * Sampling.normal(&g)), Parameters.lowerBounds[i]),
        Parameters.upperBounds[i])
    }
    memory = FSRS(parameters: (try? Parameters(w)) ?? .default)
    let ability = settings.abilityMean + settings.abilitySD * Sampling.normal(&g)
    for (d, size) in settings.bankSizes.enumerated() {
      let objectiveCount = settings.objectivesPerDomain[d]
      let offsets = (0..<objectiveCount).map { _ in settings.objectiveSD * Sampling.normal(&g) }
      for j in 0..<size {
        let o = j % objectiveCount
        let id = "d\(d + 1)-\(j)"
        let options: Int? = g.nextUnitDouble() < settings.multipleChoiceShare ? 4 : nil
        items.append(ItemInfo(id: id, domain: d + 1, objective: "\(d + 1).\(o + 1)", cardID: id, optionCount: options))
        priorKnowledge.append(Sampling.logistic(ability + offsets[o] + settings.itemSD * Sampling.normal(&g)))
      }
    }
    trueMemory = [MemoryState?](repeating: nil, count: items.count)
    lastDay = [Int](repeating: 0, count: items.count)
    lastTime = [Date](repeating: .distantPast, count: items.count)
    appState = [CardState](repeating: .new, count: items.count)
  }

  /// The true probability of a right answer to item `i` on `day`, with a day effect on the logit of knowledge.
  func trueProbability(_ i: Int, day: Int, dayEffect: Double) -> Double {
    let k: Double
    if let m = trueMemory[i] {
      k = memory.retrievability(elapsedDays: Double(max(0, day - lastDay[i])), stability: m.stability)
    } else {
      k = priorKnowledge[i]
    }
    let shifted = Sampling.logistic(Sampling.logit(k) + dayEffect)
    return shifted + (1 - shifted) * items[i].guessProbability
  }

  /// Simulates `days` study days from `start` (day index `startDay`), introducing `newPerDay` items a day in a
  /// random order, and reviewing whatever the app says is due (learning steps included).
  mutating func study(
    days: Int, newPerDay: Int, startDay: Int, scheduler: Scheduler, generator g: inout SeededGenerator
  ) {
    var order = Array(items.indices)
    order.shuffle(using: &g)
    var next = 0
    var active: [Int] = []
    for day in startDay..<(startDay + days) {
      let dayStart = Date(timeIntervalSince1970: Double(day) * Stats.secondsPerDay)
      let dayEnd = dayStart.addingTimeInterval(Stats.secondsPerDay)
      var clock = dayStart.addingTimeInterval(3600 * (8 + 10 * g.nextUnitDouble()))
      for _ in 0..<newPerDay where next < order.count {
        active.append(order[next])
        next += 1
      }
      for _ in 0..<6 {
        let due = active.filter { (appState[$0].due ?? .distantPast) < dayEnd }
          .sorted { (appState[$0].due ?? .distantPast, $0) < (appState[$1].due ?? .distantPast, $1) }
        if due.isEmpty { break }
        for i in due {
          let at = max(clock, appState[i].due ?? clock)
          guard at < dayEnd else { continue }
          answer(i, at: at, day: day, scheduler: scheduler, generator: &g)
          clock = at.addingTimeInterval(20)
        }
      }
    }
  }

  mutating func answer(_ i: Int, at time: Date, day: Int, scheduler: Scheduler, generator g: inout SeededGenerator) {
    let state = appState[i]
    let recalled: Bool
    var elapsed = 0
    if let m = trueMemory[i] {
      elapsed = day - lastDay[i]
      let t = elapsed > 0 ? Double(elapsed) : time.timeIntervalSince(lastTime[i]) / Stats.secondsPerDay
      recalled = g.nextUnitDouble() < memory.retrievability(elapsedDays: t, stability: m.stability)
    } else {
      recalled = g.nextUnitDouble() < priorKnowledge[i]
    }
    let correct = recalled || g.nextUnitDouble() < items[i].guessProbability
    var rating = Rating.again
    if correct {
      let u = g.nextUnitDouble()
      rating = u < Self.recallGrades[0] ? .hard : (u < Self.recallGrades[0] + Self.recallGrades[1] ? .good : .easy)
    }
    reviews.append(
      ReviewEvent(
        cardID: items[i].id, time: time, rating: rating.rawValue, stateBefore: state.kind.rawValue,
        scheduledDaysBefore: state.scheduledInterval / Stats.secondsPerDay))
    attempts.append(AttemptRecord(itemID: items[i].id, time: time, correct: correct, mode: .quiz))
    trueMemory[i] =
      trueMemory[i].map { memory.nextMemory($0, elapsedDays: elapsed, rating: rating) }
      ?? memory.initialMemory(rating)
    lastDay[i] = day
    lastTime[i] = time
    appState[i] = scheduler.review(state, rating: rating, at: time, fuzz: &g).card
  }

  /// The cards as the store would list them.
  var snapshots: [CardSnapshot] {
    items.indices.map { i in
      let state = appState[i]
      return CardSnapshot(
        id: items[i].id, kind: "quiz", stateKind: state.kind.rawValue, stability: state.memory?.stability,
        difficulty: state.memory?.difficulty, due: state.due, lastReview: state.lastReview,
        scheduledDays: state.scheduledInterval / Stats.secondsPerDay)
    }
  }
}
