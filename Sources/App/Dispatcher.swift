import ArgumentParser
import Content
import Core
import Store

/// What running one line or one command produced.
public struct DispatchOutcome: Equatable, Sendable {
  public var status: ExitStatus
  public var endsSession: Bool
  /// False for blank lines and comments.
  public var ranCommand: Bool
}

/// Parses a command line with the command table, runs it, and prints its output: text for
/// people or one JSON object per line. The single place where command results are printed.
public struct Dispatcher {
  public let session: Session

  public init(session: Session) {
    self.session = session
  }

  /// Runs one line typed in the REPL or read from a script.
  public func run(line: String) -> DispatchOutcome {
    let words: [String]
    do {
      words = try CommandLineTokenizer.split(line)
    } catch {
      session.emitError("cannot read the line: \(error)", status: .usage, command: nil)
      return DispatchOutcome(status: .usage, endsSession: false, ranCommand: true)
    }
    guard !words.isEmpty else { return DispatchOutcome(status: .success, endsSession: false, ranCommand: false) }
    let jsonFlag = words.contains("--json")
    session.jsonForCurrentCommand = jsonFlag
    defer { session.jsonForCurrentCommand = false }
    return run(words: words.filter { $0 != "--json" })
  }

  /// Runs one command given as words (a one-shot invocation, or a tokenized line).
  public func run(words: [String]) -> DispatchOutcome {
    guard var name = words.first else {
      return DispatchOutcome(status: .success, endsSession: false, ranCommand: false)
    }
    var arguments = words
    if name == "-h" || name == "--help" {
      name = "help"
      arguments = ["help"] + words.dropFirst()
    } else if words.dropFirst().contains(where: { $0 == "-h" || $0 == "--help" }), name != "help" {
      arguments = ["help", name]
      name = "help"
    }
    let misplaced = GlobalOptions.startUpOnlyNames.first { option in
      words.contains { $0 == option || $0.hasPrefix(option + "=") }
    }
    if let misplaced {
      return fail(
        CommandFailure.usage("\(misplaced) is a start-up option; give it when starting fmlab (see 'help options')"),
        command: name)
    }
    guard CommandTable.command(named: name) != nil else {
      let suggestions = Suggestion.closest(to: name, in: CommandTable.names.filter { $0 != "?" })
      let shown = name.count > 40 ? String(name.prefix(40)) + "…" : name
      var message = "unknown command '\(shown)'"
      message += suggestions.first.map { " — did you mean '\($0)'?" } ?? "."
      message += " Type 'help' for the list of commands."
      return fail(CommandFailure.usage(message, suggestions: suggestions), command: name)
    }
    if arguments == ["help"] || arguments == ["?"] {
      return print(HelpCommand.overview(session), command: "help")
    }
    let command: any FmlabCommand
    do {
      let parsed = try FmlabRoot.parseAsRoot(arguments)
      guard let fmlabCommand = parsed as? any FmlabCommand else {
        return fail(CommandFailure.usage("'\(name)' needs a subcommand; see 'help \(name)'"), command: name)
      }
      command = fmlabCommand
    } catch {
      if FmlabRoot.exitCode(for: error) == .success {
        let text = FmlabRoot.fullMessage(for: error, columns: session.configuration.columns)
        return print(CommandOutput(text: text + "\n", json: ["command": name, "text": text]), command: name)
      }
      let message = FmlabRoot.message(for: error)
      return fail(CommandFailure.usage("\(name): \(message) (see 'help \(name)')"), command: name)
    }
    do {
      let output = try command.execute(in: session)
      return print(output, command: name)
    } catch let failure as CommandFailure {
      return fail(failure, command: name)
    } catch let error as StoreError {
      return fail(CommandFailure(message: error.message, status: error.exitStatus), command: name)
    } catch let error as ContentError {
      return fail(CommandFailure(message: error.message, status: .contentUnavailable), command: name)
    } catch {
      return fail(CommandFailure(message: "\(name) failed: \(error)", status: .failure), command: name)
    }
  }

  private func print(_ output: CommandOutput, command: String) -> DispatchOutcome {
    if session.json {
      let payload = output.json.map { AnyEncodable(base: $0) }
      session.sink.write(
        JSONLine.encode(
          type: "result", payload: payload,
          extra: ["command": .string(command), "status": .int(Int(output.status.rawValue))]) + "\n")
    } else if !output.text.isEmpty {
      // A terminal whose locale isn't UTF-8 gets ASCII for fmlab's punctuation and charts.
      let text = session.configuration.styler.unicode ? output.text : output.text.asciiFallback
      let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
      if output.pageable, let pager = session.pager, lines >= session.configuration.rows - 1, pager.show(text) {
        return DispatchOutcome(status: output.status, endsSession: output.endsSession, ranCommand: true)
      }
      session.sink.write(text)
    }
    return DispatchOutcome(status: output.status, endsSession: output.endsSession, ranCommand: true)
  }

  private func fail(_ failure: CommandFailure, command: String) -> DispatchOutcome {
    session.emitError(failure.message, status: failure.status, command: command, suggestions: failure.suggestions)
    return DispatchOutcome(status: failure.status, endsSession: false, ranCommand: true)
  }
}
