import Foundation

/// Something a fuzz target's parser did that it must never do; libFuzzer treats it as a crash.
public struct Unexpected: Error, CustomStringConvertible {
  /// What went wrong.
  public var description: String

  /// Creates a report.
  public init(description: String) { self.description = description }
}

/// The replayer every fuzz target is in a normal build: runs the target's body over the files it is given (or
/// every file in the folders it is given), so a crash input found by libFuzzer becomes a regression check.
public enum FuzzReplay {
  /// Replays the command line's inputs through `check`: prints "ok N inputs", or each failing file and exits 1.
  /// A crash input crashes here too, with a Swift backtrace. `cleanup` runs before exiting.
  public static func main(
    name: String, cleanup: () -> Void = {}, _ check: (UnsafeRawBufferPointer) -> Unexpected?
  ) -> Never {
    let paths = Array(CommandLine.arguments.dropFirst())
    guard !paths.isEmpty else {
      FileHandle.standardError.write(Data("usage: \(name) FILE-OR-FOLDER…\n".utf8))
      exit(2)
    }
    var count = 0
    var failed = 0
    for file in paths.flatMap(inputFiles) {
      guard let data = FileManager.default.contents(atPath: file) else {
        print("\(file): cannot read the file")
        failed += 1
        continue
      }
      count += 1
      // A non-throwing closure: a typed-throws one passed to withUnsafeBytes crashes Swift 6.3.1's IRGen.
      if let problem = data.withUnsafeBytes({ check($0) }) {
        print("\(file): \(problem)")
        failed += 1
      }
    }
    cleanup()
    guard failed == 0 else {
      print("FAILED \(failed) of \(count) inputs")
      exit(1)
    }
    print("ok \(count) inputs")
    exit(0)
  }

  /// `path` itself, or the files directly inside it when it is a folder (dotfiles left out), sorted.
  public static func inputFiles(_ path: String) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
      return [path]
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
  }
}
