#if canImport(Glibc)
  import Glibc
#endif

/// Shows long output a screen at a time.
public protocol Pager: AnyObject {
  /// Shows the text; false when the pager could not run (the caller then prints it).
  func show(_ text: String) -> Bool
}

/// Runs the user's pager (`$PAGER`, else `less`) through `/bin/sh -c`, feeding it the text on
/// standard input, and waits for it to exit. Made only by the executable, only on a terminal.
public final class ExternalPager: Pager {
  let command: String
  let environment: [String]

  /// `command` is the shell command to run; `environment` the process environment as `KEY=value`.
  public init(command: String, environment: [String]) {
    self.command = command
    self.environment = environment
  }

  public func show(_ text: String) -> Bool {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { return false }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
    let arguments = ["/bin/sh", "-c", command]
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, &argv, &envp)
    close(pipeEnds[0])
    guard spawned == 0 else {
      close(pipeEnds[1])
      return false
    }
    // The pager may quit before reading everything (q): ignore SIGPIPE while writing.
    let previous = signal(SIGPIPE, SIG_IGN)
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { write(pipeEnds[1], $0.baseAddress! + offset, $0.count - offset) }
      if written <= 0 { break }
      offset += written
    }
    close(pipeEnds[1])
    signal(SIGPIPE, previous)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    // 127: the shell could not find the pager command.
    let exited = (status & 0x7f) == 0
    return !(exited && ((status >> 8) & 0xff) == 127)
  }
}
