import Foundation
import TestSupport
import Testing

@testable import Store

@Suite struct SettingsStoreTests {
  let now = TestClock.reference

  @Test func setSetting_storesTheValueAndLogsTheChange() throws {
    let store = try ProgressStore.inMemory()
    try store.setSetting("daily-new-limit", to: "10", at: now)
    try store.setSetting("daily-new-limit", to: "12", at: now.addingTimeInterval(60))
    #expect(try store.storedSetting("daily-new-limit") == "12")
    let changes = try store.settingChanges(key: "daily-new-limit")
    #expect(changes.map(\.value) == ["10", "12"])
    #expect(changes.last?.at == now.addingTimeInterval(60))
  }

  @Test func resetSetting_removesTheValueAndLogsANullChange() throws {
    let store = try ProgressStore.inMemory()
    try store.setSetting("exam-date", to: "2027-01-15", at: now)
    try store.resetSetting("exam-date", at: now)
    #expect(try store.storedSetting("exam-date") == nil)
    #expect(try store.storedSettings().isEmpty)
    #expect(try store.settingChanges().map(\.value) == ["2027-01-15", nil])
  }
}
