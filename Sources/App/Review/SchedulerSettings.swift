import Foundation
import SRS
import Store

extension Session {
  /// The value of a setting: the learner's, else its default.
  func setting(_ key: String) throws -> String {
    try store().storedSetting(key) ?? SettingsRegistry.definition(key)?.defaultValue ?? ""
  }

  /// The scheduler as the learner's settings and fitted parameters configure it.
  ///
  /// The learner's schedule counts calendar days with the rollover hour (Anki's semantics),
  /// in UTC: fmlab does not read the machine's time zone, so days are reproducible.
  func scheduler() throws -> Scheduler {
    let store = try store()
    var config = SchedulerConfig()
    config.desiredRetention = Double(try setting("desired-retention")) ?? 0.9
    config.learningSteps = (SettingsRegistry.parseSteps(try setting("learning-steps")) ?? [60, 600]).map(
      TimeInterval.init)
    config.relearningSteps = (SettingsRegistry.parseSteps(try setting("relearning-steps")) ?? [600]).map(
      TimeInterval.init)
    config.maximumInterval = Int(try setting("maximum-interval")) ?? 36500
    config.enableFuzz = true
    config.timeSemantics = .calendarDays(rolloverHour: rolloverHour, utcOffsetSeconds: 0)
    if let parameters = try store.activeParameters() { config.parameters = parameters }
    do {
      return try Scheduler(config: config)
    } catch {
      throw CommandFailure(message: "the scheduler settings are invalid: \(error)", status: .failure)
    }
  }

  var rolloverHour: Int { (try? setting("rollover-hour")).flatMap { Int($0) } ?? 4 }

  /// The start of the current study day (the last rollover at or before now, UTC).
  func studyDayStart() -> Date {
    let day = StudyDay(containing: now, rolloverHour: rolloverHour, utcOffsetSeconds: 0)
    return day.start(rolloverHour: rolloverHour, utcOffsetSeconds: 0)
  }
}
