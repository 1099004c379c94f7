@preconcurrency import CLibEdit
import Synchronization

private let interruptPending = Atomic<Bool>(false)

private let onSIGINT: @convention(c) (Int32) -> Void = { _ in
  interruptPending.store(true, ordering: .relaxed)
}

/// Ctrl-C handling for the interactive REPL: SIGINT sets a flag instead of killing fmlab,
/// a blocking line read returns `.interrupted`, and long commands poll `isPending`.
public enum Interrupt {
  /// Installs the SIGINT handler (without SA_RESTART, so blocking reads return EINTR).
  public static func install() {
    _ = fm_install_sigint(onSIGINT)
  }

  /// Whether Ctrl-C was pressed since the last `clear()`.
  public static var isPending: Bool { interruptPending.load(ordering: .relaxed) }

  /// Returns whether Ctrl-C was pressed, and clears the flag.
  public static func take() -> Bool { interruptPending.exchange(false, ordering: .relaxed) }

  public static func clear() { interruptPending.store(false, ordering: .relaxed) }
}
