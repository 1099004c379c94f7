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

var withPager = launch
if launch.device.stdoutIsTerminal {
  // less: quit when it fits one screen, pass colours, keep the text on screen after quitting.
  var pagerEnvironment = environment
  if pagerEnvironment["LESS"] == nil { pagerEnvironment["LESS"] = "FRX" }
  let command = environment["PAGER"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? "less"
  withPager.pager = ExternalPager(command: command, environment: pagerEnvironment.map { "\($0.key)=\($0.value)" })
}

exit(Launcher.run(withPager).rawValue)
