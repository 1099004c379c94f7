import Core
import Foundation
import SRS

/// Validates ``Readiness`` on simulated learners: predicted P(pass), computed only from the history the app
/// would have, against the outcome of a simulated real exam drawn with the learners' **true** recall.
///
/// Per learner (see ``SimulatedLearner``): study for a random number of days, predict on the last study
/// evening for an exam a few days later, then sit the exam: per blueprint domain its scored count of items drawn
/// without replacement from the bank, each right with the true probability under a true day effect; pass at the
/// blueprint's pass mark. One exam per learner.
public enum ReadinessCalibration {
  /// One learner's prediction and outcome.
  public struct Case: Sendable, Hashable, Codable {
    /// Predicted P(pass).
    public var predicted: Double
    /// Whether the simulated exam passed.
    public var passed: Bool
    /// Correct answers on it.
    public var correct: Int
  }

  /// Runs `learners` simulated learners from `seed` and evaluates calibration (10 bins).
  public static func run(
    learners: Int, seed: UInt64, settings: CalibrationSettings = CalibrationSettings()
  ) -> CalibrationReport {
    let cases = simulate(learners: learners, seed: seed, settings: settings)
    return CalibrationReport.evaluate(predictions: cases.map(\.predicted), outcomes: cases.map(\.passed))
  }

  /// The individual cases of ``run(learners:seed:settings:)``.
  public static func simulate(learners: Int, seed: UInt64, settings: CalibrationSettings) -> [Case] {
    let blueprint = Blueprint.aifC01
    let config = SchedulerConfig(
      desiredRetention: 0.9, enableFuzz: true, timeSemantics: .calendarDays(rolloverHour: 0, utcOffsetSeconds: 0))
    guard let scheduler = try? Scheduler(config: config) else { return [] }
    var cases: [Case] = []
    cases.reserveCapacity(max(0, learners))
    let startDay = Stats.dayIndex(of: CalendarDay(year: 2026, month: 1, day: 5))
    for index in 0..<max(0, learners) {
      var g = SeededGenerator(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
      var learner = SimulatedLearner(settings: settings, generator: &g)
      let days = draw(settings.studyDays, &g)
      learner.study(
        days: days, newPerDay: draw(settings.newPerDay, &g), startDay: startDay, scheduler: scheduler, generator: &g)
      let lastStudyDay = startDay + days - 1
      let examDay = lastStudyDay + draw(settings.daysToExam, &g)
      let now = Date(timeIntervalSince1970: (Double(lastStudyDay) + 0.95) * Stats.secondsPerDay)
      let context = StatsContext(
        now: now, utcOffsetSeconds: 0, desiredRetention: 0.9, examDate: Stats.calendarDay(ofIndex: examDay),
        blueprint: blueprint)
      let input = StatsInput(
        reviews: learner.reviews, cards: learner.snapshots, attempts: learner.attempts, items: learner.items,
        context: context)
      var options = settings.readiness
      options.seed = g.next()
      let predicted = Readiness.compute(input, options: options).probability
      // The real exam, with the true memories.
      let dayEffect = settings.dayEffectSD * Sampling.normal(&g)
      var correct = 0
      for domain in blueprint.domains {
        var pool = learner.items.indices.filter { learner.items[$0].domain == domain.number }
        for t in 0..<min(domain.scoredQuestions, pool.count) {
          pool.swapAt(t, t + Sampling.index(pool.count - t, &g))
          if g.nextUnitDouble() < learner.trueProbability(pool[t], day: examDay, dayEffect: dayEffect) {
            correct += 1
          }
        }
      }
      cases.append(Case(predicted: predicted, passed: correct >= blueprint.passMark, correct: correct))
    }
    return cases
  }

  static func draw(_ range: ClosedRange<Int>, _ g: inout SeededGenerator) -> Int {
    range.lowerBound + Sampling.index(range.count, &g)
  }
}
