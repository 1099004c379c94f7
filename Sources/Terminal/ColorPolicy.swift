/// When fmlab may colour its output.
public enum ColorMode: String, CaseIterable, Sendable, Codable {
  case auto, always, never
}

/// The colour decision: `always` and `never` are obeyed; `auto` colours only when stdout
/// is a terminal, `NO_COLOR` is unset or empty (no-color.org), and `TERM` is not `dumb`.
public enum ColorPolicy {
  public static func enabled(mode: ColorMode, stdoutIsTerminal: Bool, environment: [String: String]) -> Bool {
    switch mode {
    case .always: return true
    case .never: return false
    case .auto:
      if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
      if environment["TERM"] == "dumb" { return false }
      return stdoutIsTerminal
    }
  }
}
