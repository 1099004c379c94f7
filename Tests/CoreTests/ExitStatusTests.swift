import Testing

@testable import Core

@Suite struct ExitStatusTests {
  @Test func rawValuesAreDistinct() {
    let values = Core.ExitStatus.allCases.map(\.rawValue)
    #expect(Set(values).count == values.count)
  }

  @Test(arguments: [
    (Core.ExitStatus.success, Int32(0)), (.failure, 1), (.usage, 2), (.contentUnavailable, 3), (.dataDirInvalid, 10),
    (.dataDirNotWritable, 11), (.notADatabase, 12), (.databaseCorrupt, 13), (.databaseTooNew, 14),
    (.databaseLocked, 15), (.storageFailure, 16), (.interrupted, 130),
  ])
  func eachStatusHasItsDocumentedCode(status: Core.ExitStatus, code: Int32) {
    #expect(status.rawValue == code)
  }

  @Test func usageIsTwoAsArgumentParserExpects() {
    #expect(Core.ExitStatus.usage.rawValue == 2)
    #expect(Core.ExitStatus(rawValue: 2) == .usage)
  }

  @Test func interruptedIs128PlusSIGINT() {
    #expect(Core.ExitStatus.interrupted.rawValue == 128 + 2)
  }

  @Test func everyCodeFitsInAnExitStatusByte() {
    #expect(Core.ExitStatus.allCases.allSatisfy { (0...255).contains($0.rawValue) })
  }

  @Test func summariesAreDistinctAndNonEmpty() {
    let summaries = Core.ExitStatus.allCases.map(\.summary)
    #expect(summaries.allSatisfy { !$0.isEmpty && !$0.contains("\n") })
    #expect(Set(summaries).count == summaries.count)
  }
}
