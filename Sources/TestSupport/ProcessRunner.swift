import Foundation

/// Runs the built fmlab binary as a child process, for end-to-end tests.
public struct ProcessRunner {
  public struct Result {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var stdoutBytes: Data
  }

  /// The fmlab executable built beside the test bundle.
  public static var fmlabPath: String {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
    var directory = (exe as NSString).deletingLastPathComponent
    while !directory.isEmpty && directory != "/" {
      let candidate = directory + "/fmlab"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      directory = (directory as NSString).deletingLastPathComponent
    }
    return Fixtures.repositoryRoot + "/.build/debug/fmlab"
  }

  /// Runs fmlab with `arguments`, feeding `stdin`, with a clean environment plus `environment`.
  public static func fmlab(
    _ arguments: [String], stdin: Data = Data(), environment: [String: String] = [:], timeout: TimeInterval = 60
  ) throws -> Result {
    try run(fmlabPath, arguments, stdin: stdin, environment: environment, timeout: timeout)
  }

  public static func run(
    _ executable: String, _ arguments: [String], stdin: Data = Data(), environment: [String: String] = [:],
    timeout: TimeInterval = 60, captureOutput: Bool = true
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
    env.merge(environment) { _, new in new }
    process.environment = env
    let input = Pipe()
    let output = Pipe()
    let error = Pipe()
    process.standardInput = input
    // A daemonizing child (tmux's server) would hold captured pipes open forever.
    process.standardOutput = captureOutput ? output : FileHandle.nullDevice
    process.standardError = captureOutput ? error : FileHandle.nullDevice
    try process.run()
    let writer = Thread {
      input.fileHandleForWriting.write(stdin)
      try? input.fileHandleForWriting.close()
    }
    writer.start()
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    if captureOutput {
      group.enter()
      Thread.detachNewThread {
        outData = output.fileHandleForReading.readDataToEndOfFile()
        group.leave()
      }
      group.enter()
      Thread.detachNewThread {
        errData = error.fileHandleForReading.readDataToEndOfFile()
        group.leave()
      }
    }
    if group.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      throw TimeoutError(seconds: timeout)
    }
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
  }

  public struct TimeoutError: Error {
    public var seconds: TimeInterval
  }
}
