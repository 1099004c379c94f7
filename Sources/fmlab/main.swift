import App
import Foundation
import Terminal

// The composition root: the only place that reads the process's arguments, environment,
// clock, terminal and entropy. Everything else receives them as values.

let environment = ProcessInfo.processInfo.environment
let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path

let launch = LaunchEnvironment(
  arguments: Array(CommandLine.arguments.dropFirst()),
  environment: environment,
  homeDirectory: environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory(),
  executablePath: executable,
  workingDirectory: FileManager.default.currentDirectoryPath,
  sourceRoot: sourceRoot,
  device: TerminalDevice.current(),
  clock: { Date() },
  entropy: UInt64.random(in: .min ... .max),
  sink: StandardOutputSink(),
  makeReader: { interactive, historyPath, completion in
    if interactive,
      let editor = EditLineReader(programName: "fmlab", historyPath: historyPath, completion: completion)
    {
      return editor
    }
    return PlainLineReader(descriptor: 0)
  })

exit(Launcher.run(launch).rawValue)
