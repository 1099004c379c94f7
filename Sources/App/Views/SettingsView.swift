import Store
import Terminal

enum SettingsView {
  struct Row: Encodable, Sendable, Equatable {
    var key: String
    var value: String
    var isDefault: Bool
    var summary: String
  }

  struct Change: Encodable, Sendable, Equatable {
    var key: String
    var value: String?
    var at: String
  }

  static func rows(stored: [StoredSetting]) -> [Row] {
    let values = Dictionary(uniqueKeysWithValues: stored.map { ($0.key, $0.value) })
    return SettingsRegistry.all.map { definition in
      let value = values[definition.key]
      return Row(
        key: definition.key, value: value ?? definition.defaultValue, isDefault: value == nil,
        summary: definition.summary)
    }
  }

  static func render(_ rows: [Row], styler: Styler) -> String {
    let keyWidth = (rows.map(\.key.count).max() ?? 0) + 2
    let valueWidth = (rows.map(\.value.count).max() ?? 0) + 2
    var out = ""
    for row in rows {
      let value = row.isDefault ? row.value : styler.bold(row.value)
      out += row.key.padding(keyWidth) + value + String(repeating: " ", count: max(1, valueWidth - row.value.count))
      out += styler.dim(row.isDefault ? "(default) " + row.summary : row.summary) + "\n"
    }
    return out
  }

  static func render(_ changes: [Change]) -> String {
    if changes.isEmpty { return "No setting has been changed yet.\n" }
    return changes.map { "\($0.at)  \($0.key) = \($0.value ?? "(default)")\n" }.joined()
  }
}
