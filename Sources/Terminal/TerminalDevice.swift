@preconcurrency import CLibEdit

#if canImport(Glibc)
  import Glibc
#endif

/// Facts about the process's terminal, read once by the executable.
public struct TerminalDevice: Sendable, Equatable {
  public var stdinIsTerminal: Bool
  public var stdoutIsTerminal: Bool
  public var columns: Int
  public var rows: Int

  public init(stdinIsTerminal: Bool, stdoutIsTerminal: Bool, columns: Int, rows: Int) {
    self.stdinIsTerminal = stdinIsTerminal
    self.stdoutIsTerminal = stdoutIsTerminal
    self.columns = columns
    self.rows = rows
  }

  /// Reads the current process's terminal state.
  public static func current() -> TerminalDevice {
    let columns = Int(fm_terminal_columns(1))
    let rows = Int(fm_terminal_rows(1))
    return TerminalDevice(
      stdinIsTerminal: isatty(0) == 1, stdoutIsTerminal: isatty(1) == 1,
      columns: columns > 0 ? columns : 80, rows: rows > 0 ? rows : 24)
  }

  /// Makes libedit and wide characters work: the environment's locale, or C.UTF-8 when that is C/POSIX.
  /// Returns whether the locale in use is UTF-8.
  @discardableResult
  public static func setUpLocale() -> Bool {
    guard let name = fm_setup_utf8_locale() else { return false }
    let text = String(cString: name).lowercased()
    return text.contains("utf-8") || text.contains("utf8")
  }
}

/// The one place that writes to the process's standard output and error.
public protocol OutputSink: AnyObject {
  func write(_ text: String)
  func writeError(_ text: String)
}

/// Writes to file descriptors 1 and 2, unbuffered (each call is one write).
public final class StandardOutputSink: OutputSink {
  public init() {}
  public func write(_ text: String) { Self.writeAll(1, text) }
  public func writeError(_ text: String) { Self.writeAll(2, text) }

  private static func writeAll(_ fd: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    bytes.withUnsafeMutableBytes { raw in
      while offset < raw.count {
        let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return
        }
        offset += n
      }
    }
  }
}
