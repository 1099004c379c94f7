import Core

/// Help pages that are not about one command.
enum HelpTopics {
  struct Topic {
    var name: String
    var title: String
    var summary: String
    var body: String
  }

  static var names: [String] { all.map(\.name) }
  static func topic(_ name: String) -> Topic? { all.first { $0.name == name } }

  static let all: [Topic] = [
    Topic(
      name: "scripting", title: "Scripts, one-shot commands and JSON",
      summary: "run fmlab from scripts and programs",
      body: """
        Every command works three ways:
          in the REPL           fmlab, then type commands
          one-shot              fmlab settings        (runs one command and exits with its status)
          as a script on stdin  printf 'settings\\nset daily-new-limit 15\\n' | fmlab

        In a script, each line is a command; blank lines and lines starting with # are skipped.
        fmlab prints no prompt and no colour when stdin or stdout is not a terminal.
        Without --bail, every line runs and fmlab exits with the status of the first failure (0 if none);
        with --bail it stops at the first failing line, with that line's status.

        Questions a command asks (a confirmation, a quiz answer) read the next line of the script.

        --json writes one JSON object per line: {"type":"result","command":…,"status":0,"data":…} for
        results, {"type":"error","status":2,"message":…} for failures, and {"type":"prompt","data":{"id":…,
        "text":…,"choices":[…]}} before each question. In the REPL, add --json to a single line.
        """),
    Topic(
      name: "data", title: "Where fmlab keeps your progress",
      summary: "the data directory, the database, backups",
      body: """
        Progress lives in one SQLite database, progress.sqlite, in the data directory:
          --data-dir DIR, else $FMLAB_DATA_DIR, else $XDG_DATA_HOME/fmlab, else ~/.local/share/fmlab.
        The REPL's history is the file 'history' beside it.

        Every change is saved at once, in its own transaction: quitting, Ctrl-C, a crash or a killed
        process never loses what was already answered. Two fmlab windows can share one data directory.
        Before a new fmlab changes the database's layout it saves a copy beside it
        (progress.sqlite.before-<change>).

        fmlab never deletes or overwrites a database it cannot read. 'doctor' runs SQLite's integrity check.
        FMLAB_BUSY_TIMEOUT (seconds, default 5) is how long to wait for another fmlab holding the lock.
        """),
    Topic(
      name: "content", title: "Content: pages, quiz items, the model catalog",
      summary: "where content comes from and how to check it",
      body: """
        fmlab reads a content directory holding:
          content/**/*.md          knowledge-base pages: YAML front matter, then Markdown
          quizzes/**/*.yaml        exam-style items (items: […])
          Resources/models/*.yaml  the foundation-model catalog (models: […])
          Resources/exam-guide.yaml the exam's domains, task statements and objectives
        By default it is the content that ships with fmlab; --content-dir DIR (or FMLAB_CONTENT_DIR) points
        elsewhere. A broken file is reported when fmlab starts, and everything else still loads.

        'check-content [DIR]' reports every problem at once as path:line:col: error: message, with the line
        and a caret; --json lists them; --stats counts pages, items and models.
        Parsed files are cached (in $XDG_CACHE_HOME/fmlab) and parsed again only when they change.
        """),
    Topic(
      name: "keys", title: "Keys in the REPL",
      summary: "editing, history, completion",
      body: """
        Tab          complete a command, option or id (twice: list the choices)
        Up / Down    walk through history (kept across sessions)
        Ctrl-R       search history backwards
        Ctrl-C       cancel the line being typed or the running command (never quits)
        Ctrl-D       quit (on an empty line)
        Ctrl-Z       suspend; 'fg' brings fmlab back
        Emacs keys (Ctrl-A, Ctrl-E, Ctrl-W, Ctrl-U, …) edit the line; ~/.editrc is read if present.
        """),
    Topic(
      name: "settings", title: "Settings",
      summary: "what each setting means and accepts",
      body: SettingsRegistry.all.map { "  \($0.key) (default \($0.defaultValue))\n      \($0.summary); \($0.accepts)" }
        .joined(separator: "\n")),
    Topic(
      name: "exit-codes", title: "Exit codes",
      summary: "what fmlab's exit statuses mean",
      body: ExitStatus.allCases.map { "  \(String($0.rawValue).padding(4))\($0.summary)" }.joined(separator: "\n")),
    Topic(
      name: "options", title: "Start-up options",
      summary: "options that apply to the whole run",
      body: """
        --data-dir DIR        where progress is kept (also FMLAB_DATA_DIR)
        --content-dir DIR     the content to use (also FMLAB_CONTENT_DIR)
        --color auto|always|never
                              auto: colour only on a terminal, never with NO_COLOR set or TERM=dumb
        --now ISO8601         pin the clock (2026-11-26 or 2026-11-26T09:30:00Z): time travel and tests
        --seed N              pin all randomness
        --json                one JSON object per line for results, errors and questions
        --bail                in a script, stop at the first failing line
        --version             print the version and exit
        """),
  ]
}

extension String {
  func padding(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
