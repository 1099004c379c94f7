import Foundation

/// Drives a program in a detached tmux session (a real terminal), for end-to-end tests of
/// the line editor: keys go in with send-keys, the screen comes out with capture-pane.
/// Every wait polls the screen until a condition holds or a deadline passes.
public final class TmuxSession {
  public let socket: String
  public let name = "t"

  public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

  /// Starts `command` (a shell command line) in a new tmux server with its own socket.
  public init(command: String, environment: [String: String], width: Int = 100, height: Int = 30) throws {
    socket = "fmlab-test-\(UUID().uuidString.prefix(8))"
    let exports = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(TmuxSession.quote($0.value))" }
    let shellCommand =
      "env -i PATH=/usr/bin:/bin " + exports.joined(separator: " ") + " " + command
      + "; echo \"[exit $?]\"; sleep 30"
    try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", shellCommand])
  }

  deinit { _ = try? tmux(["kill-server"]) }

  static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

  /// Runs one tmux client command and returns what it printed.
  ///
  /// Uses posix_spawn and waitpid rather than Foundation's Process: tmux's server daemonizes
  /// and would inherit the descriptor Process uses to notice the child's exit, so Process
  /// would wait for the server (that is, forever). Output goes through a temporary file.
  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    let outputPath = NSTemporaryDirectory() + "tmux-out-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ["/usr/bin/tmux", "-L", socket] + arguments
    var cArguments = argv.map { strdup($0) } + [nil]
    defer { for pointer in cArguments { free(pointer) } }
    // The test runner may block or ignore signals; the terminal's programs must get them as usual.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    var defaults = sigset_t()
    sigfillset(&defaults)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, &cArguments, environ)
    guard spawned == 0 else { throw SpawnError(code: spawned) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
  }

  public struct SpawnError: Error {
    public var code: Int32
  }

  /// Sends keys: literal text, or tmux key names such as "Tab", "Enter", "C-c", "C-d", "Up".
  public func send(_ keys: String..., literal: Bool = false) throws {
    try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
  }

  public func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

  /// The visible screen; with `escapes`, including colour escape sequences.
  public func screen(escapes: Bool = false) throws -> String {
    try tmux(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))
  }

  /// Polls the screen until `predicate` holds; returns the last screen and whether it held.
  @discardableResult
  public func waitFor(
    timeout: TimeInterval = 10, escapes: Bool = false, _ predicate: (String) -> Bool
  ) throws
    -> (screen: String, matched: Bool)
  {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen(escapes: escapes)
      if predicate(last) { return (last, true) }
      usleep(50_000)
    }
    return (last, false)
  }

  /// The last line on screen that is not blank.
  public static func lastLine(_ screen: String) -> String {
    screen.split(separator: "\n").last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }).map(String.init)
      ?? ""
  }
}
