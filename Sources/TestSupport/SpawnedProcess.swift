import Foundation

/// A child process whose output is collected as it arrives, so a test can wait for a
/// given output (not for a fixed time) and then act, e.g. send SIGKILL.
public final class SpawnedProcess: @unchecked Sendable {
  public let process = Process()
  private let condition = NSCondition()
  private var stdoutBuffer = Data()
  private var stderrBuffer = Data()
  private var openStreams = 2

  public init(
    _ executable: String, _ arguments: [String], stdin: Data, environment: [String: String] = [:]
  ) throws {
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
    env.merge(environment) { _, new in new }
    process.environment = env
    let input = Pipe()
    let output = Pipe()
    let error = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    try process.run()
    collect(output.fileHandleForReading, isError: false)
    collect(error.fileHandleForReading, isError: true)
    let writer = input.fileHandleForWriting
    Thread.detachNewThread {
      try? writer.write(contentsOf: stdin)
      try? writer.close()
    }
  }

  private func collect(_ handle: FileHandle, isError: Bool) {
    Thread.detachNewThread { [self] in
      while true {
        let chunk = handle.availableData
        condition.lock()
        if chunk.isEmpty {
          openStreams -= 1
          condition.broadcast()
          condition.unlock()
          return
        }
        if isError { stderrBuffer.append(chunk) } else { stdoutBuffer.append(chunk) }
        condition.broadcast()
        condition.unlock()
      }
    }
  }

  public var stdout: String {
    condition.lock()
    defer { condition.unlock() }
    return String(decoding: stdoutBuffer, as: UTF8.self)
  }

  public var stderr: String {
    condition.lock()
    defer { condition.unlock() }
    return String(decoding: stderrBuffer, as: UTF8.self)
  }

  /// Waits until `predicate` holds for the output so far, or the streams close, or the deadline.
  /// Returns whether the predicate held.
  @discardableResult
  public func waitForOutput(timeout: TimeInterval, _ predicate: (String) -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    condition.lock()
    defer { condition.unlock() }
    while true {
      if predicate(String(decoding: stdoutBuffer, as: UTF8.self)) { return true }
      if openStreams == 0 || !condition.wait(until: deadline) { return false }
    }
  }

  public func kill(signal: Int32 = SIGKILL) { Foundation.kill(process.processIdentifier, signal) }

  /// Waits for the process to end (and its output to be read); returns its termination status.
  public func wait(timeout: TimeInterval = 120) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    condition.lock()
    while openStreams > 0 { if !condition.wait(until: deadline) { break } }
    condition.unlock()
    while process.isRunning {
      if Date() > deadline { return nil }
      usleep(1000)
    }
    return process.terminationStatus
  }
}
