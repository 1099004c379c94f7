import Content
import Foundation
import Sandbox
import Simulation
import Testing

/// `check-content`'s reading of `Resources/sandbox/profiles.yaml`: every problem found, each at the line naming
/// the model it concerns.
@Suite struct SandboxProfileCheckTests {
  static let path = SandboxProfileCheck.relativePath

  static func shippedYAML() throws -> String {
    try String(contentsOf: SandboxFixture.root.appendingPathComponent(path), encoding: .utf8)
  }

  static func findings(_ yaml: String) throws -> [Finding] {
    SandboxProfileCheck.findings(yaml: yaml, path: path, models: try SandboxFixture.shipped.get().catalog.models)
  }

  /// The shipped file with `old` replaced by `new` (which must occur exactly once).
  static func shipped(replacing old: String, with new: String) throws -> String {
    let yaml = try shippedYAML()
    try #require(yaml.components(separatedBy: old).count == 2, "'\(old)' must occur once")
    return yaml.replacingOccurrences(of: old, with: new)
  }

  @Test func theShippedProfilesHaveNoFindings() throws {
    #expect(try Self.findings(Self.shippedYAML()).map(\.message) == [])
  }

  @Test func brokenVideoFiguresAreEachReportedAtTheModelsLine() throws {
    let yaml = try Self.shipped(
      replacing: """
        - {upToSeconds: 9, characters: 5000}
        """,
      with: """
        - {upToSeconds: 5, characters: 0}
        """
    ).replacingOccurrences(of: "durations: [5, 9]", with: "durations: [9, 5]")
    let findings = try Self.findings(yaml)
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    let lumaLine = try #require(lines.firstIndex { $0.contains("id: \"luma.ray-v2:0\"") }) + 1
    #expect(findings.count == 3)
    #expect(findings.allSatisfy { $0.location.line == lumaLine && $0.severity == .error })
    #expect(findings.contains { $0.message.contains("shortest first") })
    #expect(findings.contains { $0.message.contains("no video prompt limit covers the longest clip (9 s)") })
    #expect(findings.contains { $0.message.contains("prompt limits must be positive") })
  }

  @Test func aVideoModelWithoutAVideoProfileAndAVideoProfileOnATextModelAreReported() throws {
    let yaml = try Self.shipped(replacing: "- id: \"luma.ray-v2:0\"", with: "- id: \"amazon.nova-micro-v1:0\"")
    let messages = try Self.findings(yaml).map(\.message)
    #expect(messages.contains("luma.ray-v2:0 makes video with StartAsyncInvoke but has no video profile"))
    #expect(messages.contains("model amazon.nova-micro-v1:0 has two profiles"))
    #expect(messages.contains("amazon.nova-micro-v1:0 has a video profile but does not output video"))
  }

  @Test func aVideoSourceThatIsNotHTTPSIsReported() throws {
    let yaml = try Self.shipped(
      replacing: "source: \"https://docs.aws.amazon.com/nova/latest/userguide/video-gen-access.html\"",
      with: "source: \"docs.aws.amazon.com/nova\"")
    let messages = try Self.findings(yaml).map(\.message)
    #expect(
      messages == [
        "amazon.nova-reel-v1:1 video render times: source must be an https URL, not 'docs.aws.amazon.com/nova'"
      ])
  }

  @Test func aMissingVideoFieldIsASchemaError() throws {
    let yaml = try Self.shipped(replacing: "      renderSecondsPerExtraSecond: 15\n", with: "")
    let findings = try Self.findings(yaml)
    #expect(findings.count == 1)
    #expect(findings.first?.message.contains("renderSecondsPerExtraSecond is missing") == true)
  }

  @Test(arguments: [
    ([6, 12, 18, 24], "6 to 24 seconds in steps of 6"), ([5, 9], "5 or 9 seconds"), ([4], "4 seconds"),
    ([4, 8, 16], "4, 8 or 16 seconds"),
  ])
  func theAcceptedLengthsReadAsWords(durations: [Int], words: String) {
    let basis = Basis(illustrative: true)
    let profile = VideoProfile(
      durations: durations, promptLimits: [.init(upToSeconds: 120, characters: 10)], output: "an MP4", basis: basis,
      renderSeconds: 1, renderSecondsPerExtraSecond: 1, renderBasis: basis)
    #expect(profile.durationsDescription == words)
    #expect(profile.problems.isEmpty)
  }
}
