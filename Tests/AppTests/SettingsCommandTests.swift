import Core
import Foundation
import Store
import TestSupport
import Testing

@testable import App

@Suite struct SettingsCommandTests {
  @Test func setThenSettings_showsTheNewValueAndMarksTheOthersAsDefaults() throws {
    let t = try TestSession()
    t.run("set desired-retention 0.85", "settings")
    #expect(t.sink.output.contains("desired-retention = 0.85\n"))
    let listing = t.sink.output.split(separator: "\n").filter { $0.hasPrefix("desired-retention  ") }
    #expect(listing.count == 1)
    #expect(!listing[0].contains("(default)"))
    #expect(t.sink.output.contains("(default) new items introduced per study day"))
  }

  @Test(arguments: [
    ("desired-retention 1.5", "1.5 is outside 0.7…0.99"),
    ("desired-retention high", "'high' is not a number"),
    ("daily-new-limit -3", "-3 is outside 0…9999"),
    ("learning-steps 1x", "'1x' is not a list of steps"),
    ("exam-date 2026-11-25", "2026-11-25 is in the past (today is 2026-11-26)"),
    ("exam-date tomorrow", "'tomorrow' is not a date"),
    ("rollover-hour 24", "24 is outside 0…23"),
  ])
  func invalidValues_areRefusedWithTheRule(arguments: String, message: String) throws {
    let t = try TestSession()
    #expect(t.run("set \(arguments)")[0].status == .usage)
    #expect(t.sink.errors.contains(message))
    #expect(t.sink.errors.contains("Accepted:"))
  }

  @Test func anUnknownSetting_suggestsTheNearestKey() throws {
    let t = try TestSession()
    #expect(t.run("set daily-new-limt 5")[0].status == .usage)
    #expect(t.sink.errors.contains("unknown setting 'daily-new-limt' — did you mean 'daily-new-limit'?"))
    t.run("unset zzzz")
    #expect(t.sink.errors.contains("unknown setting 'zzzz'. Settings: desired-retention, "))
  }

  @Test func valuesAreStoredInCanonicalForm() throws {
    let t = try TestSession()
    t.run("set learning-steps 1m,20m", "set exam-date 2027-01-15", "set learning-steps none")
    let store = try t.session.store()
    #expect(try store.storedSetting("exam-date") == "2027-01-15")
    #expect(try store.storedSetting("learning-steps") == "none")
    #expect(try store.settingChanges(key: "learning-steps").map(\.value) == ["1m 20m", "none"])
  }

  @Test func settingTheDefaultValue_clearsTheStoredValue() throws {
    let t = try TestSession()
    t.run("set daily-new-limit 5", "set daily-new-limit 20")
    #expect(try t.session.store().storedSetting("daily-new-limit") == nil)
  }

  @Test func resetAsksFirstAndChangesNothingWhenTheAnswerIsNo() throws {
    let reader = ScriptedLineReader(lines: ["n"])
    let t = try TestSession(reader: reader)
    t.run("set daily-new-limit 5", "settings reset")
    #expect(t.sink.output.contains("Reset 1 setting to the defaults? [y/n]"))
    #expect(t.sink.output.contains("Nothing was changed."))
    #expect(try t.session.store().storedSetting("daily-new-limit") == "5")
  }

  @Test func resetWithYes_resetsWithoutAsking() throws {
    let t = try TestSession()
    t.run("set daily-new-limit 5", "set rollover-hour 6", "settings reset --yes")
    #expect(try t.session.store().storedSettings().isEmpty)
    #expect(t.sink.output.contains("Reset daily-new-limit, rollover-hour."))
  }

  @Test func stepsParse_toSeconds() {
    #expect(SettingsRegistry.parseSteps("1m 10m") == [60, 600])
    #expect(SettingsRegistry.parseSteps("30s,1h,2d") == [30, 3600, 172_800])
    #expect(SettingsRegistry.parseSteps("none") == [])
    #expect(SettingsRegistry.parseSteps("0m") == nil)
    #expect(SettingsRegistry.parseSteps("") == nil)
  }
}
