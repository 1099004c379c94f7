import Foundation
import GRDB
import TestSupport
import Testing

/// The built binary, driven the way people and scripts drive it.
@Suite struct OneShotAndScriptTests {
  let dataDir = Fixtures.temporaryDirectory("e2e")

  func fmlab(
    _ arguments: [String], stdin: String = "", environment: [String: String] = [:]
  ) throws
    -> ProcessRunner.Result
  {
    try ProcessRunner.fmlab(
      ["--data-dir", dataDir] + arguments, stdin: Data(stdin.utf8),
      environment: ["XDG_CACHE_HOME": dataDir + "/cache"].merging(environment) { _, new in new })
  }

  @Test func aPipedScript_printsPlainTextWithoutEscapesAndExitsZero() throws {
    let result = try fmlab([], stdin: "help\nsettings\n")
    #expect(result.status == 0)
    #expect(!result.stdoutBytes.contains(0x1B))
    #expect(result.stdout.contains("Commands"))
    #expect(result.stdout.contains("desired-retention"))
    #expect(!result.stdout.contains("fmlab> "), "no prompt when stdin is not a terminal")
    #expect(result.stderr.isEmpty)
  }

  @Test func aMisspeltOneShotCommand_exitsTwoAndSuggests() throws {
    let result = try fmlab(["hlep"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("unknown command 'hlep' — did you mean 'help'?"))
  }

  @Test func colourAlways_colours_andAutoNeverColoursAPipe() throws {
    #expect(try fmlab(["--color", "always", "help"]).stdoutBytes.contains(0x1B))
    #expect(try !fmlab(["--color", "auto", "help"], environment: ["NO_COLOR": "1"]).stdoutBytes.contains(0x1B))
    #expect(try !fmlab(["help"]).stdoutBytes.contains(0x1B))
  }

  @Test func bail_stopsAtTheFirstFailureWithItsStatus() throws {
    let result = try fmlab(["--bail"], stdin: "set daily-new-limit 7\nhlep\nset daily-new-limit 8\n")
    #expect(result.status == 2)
    #expect(try fmlab(["settings", "--json"]).stdout.contains(#""value":"7""#))
  }

  @Test func withoutBail_everyLineRunsAndTheFirstFailureIsTheStatus() throws {
    let result = try fmlab([], stdin: "set daily-new-limit 7\nhlep\nset daily-new-limit 8\n# done\n")
    #expect(result.status == 2)
    #expect(result.stderr.contains("(script line 2)"))
    #expect(try fmlab(["settings", "--json"]).stdout.contains(#""value":"8""#))
  }

  @Test func jsonMode_writesOneObjectPerLine() throws {
    let result = try fmlab(["--json"], stdin: "version\nhlep\nset exam-date 2027-02-01\n")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["type"] != nil)
    }
    #expect(result.stderr.isEmpty, "errors are JSON objects on stdout too")
  }

  @Test func invalidUTF8OnStdin_isReportedAndTheRestRuns() throws {
    var input = Data("set daily-new-limit 3\n".utf8)
    input.append(contentsOf: [0x73, 0x65, 0x74, 0x20, 0xFF, 0xFE, 0x0A])
    input.append(Data("set daily-new-limit 4\n".utf8))
    let result = try ProcessRunner.fmlab(
      ["--data-dir", dataDir], stdin: input, environment: ["XDG_CACHE_HOME": dataDir + "/cache"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("line 2 is not valid UTF-8 (byte 0xFF at column 5)"))
    #expect(try fmlab(["settings", "--json"]).stdout.contains(#""value":"4""#))
  }

  @Test func aOneMegabyteLine_isRejectedAndTheScriptContinues() throws {
    let result = try fmlab([], stdin: String(repeating: "z", count: 1_048_576) + "\nversion\n")
    #expect(result.status == 2)
    #expect(result.stderr.contains("line 1 is 1048576 bytes long"))
    #expect(result.stdout.contains("fmlab 0.1.0"))
  }

  @Test func nowThatIsNotADate_isAUsageError() throws {
    let result = try fmlab(["--now", "yesterday", "version"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("'yesterday' is not an ISO 8601 date"))
  }

  @Test func nowPinsTheClock() throws {
    #expect(try fmlab(["--now", "2027-03-01", "set", "exam-date", "2027-02-01"]).status == 2)
    #expect(try fmlab(["--now", "2027-01-01T10:00:00Z", "set", "exam-date", "2027-02-01"]).status == 0)
  }

  @Test func aDataDirThatIsAFile_isRefused() throws {
    let file = dataDir + "/plain-file"
    Fixtures.write("x", to: file)
    let result = try ProcessRunner.fmlab(["--data-dir", file, "settings"])
    #expect(result.status == 10)
    #expect(result.stderr.contains("is not a directory"))
    #expect(String(decoding: FileManager.default.contents(atPath: file)!, as: UTF8.self) == "x")
  }

  @Test func aContentDirThatDoesNotExist_saysSo() throws {
    let result = try fmlab(["--content-dir", dataDir + "/nowhere", "check-content"])
    #expect(result.status == 3)
    #expect(result.stderr.contains("nowhere (--content-dir)"))
  }

  @Test func checkContent_passesOnTheShippedContent() throws {
    let result = try fmlab(["check-content", "--stats"])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("objectives with a page"))
  }

  @Test func aLockedDatabase_exitsWithTheLockedStatus() throws {
    #expect(try fmlab(["settings"]).status == 0)
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let holder = try DatabaseQueue(path: dataDir + "/progress.sqlite", configuration: configuration)
    try holder.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
    defer { try? holder.inDatabase { db in try db.execute(sql: "ROLLBACK") } }
    let result = try fmlab(["set", "daily-new-limit", "3"], environment: ["FMLAB_BUSY_TIMEOUT": "0.3"])
    #expect(result.status == 15)
    #expect(result.stderr.contains("stayed locked by another process for 0.3 s"))
  }

  @Test func version_printsTheVersion() throws {
    #expect(try fmlab(["--version"]).stdout == "fmlab 0.1.0\n")
  }
}
