import Testing

@testable import Datasets

/// The starter datasets the sandbox and labs hand out.
@Suite struct DatasetSampleTests {
  @Test("zero records is an empty file, which validates as empty")
  func zeroRecords() {
    #expect(DatasetSample.valid(.promptCompletion, records: 0) == "")
    let report = DatasetValidator(format: .promptCompletion, limits: DatasetLimits()).validate([UInt8]())
    #expect(report.problems.map(Spot.init) == [Spot(.emptyFile, nil)])
  }

  @Test("samples fit the documented Claude 3 Haiku and Titan Image Generator limits", arguments: [32, 100])
  func documentedLimits(records: Int) {
    let haiku = DatasetLimits(
      minRecords: 32, maxRecords: 10_000, maxValidationRecords: 1_000, maxTokensPerRecord: 32_000)
    let titanImage = DatasetLimits(
      minRecords: 5, maxRecords: 10_000, minCaptionCharacters: 3, maxCaptionCharacters: 1_024, acceptsValidation: false)
    for (format, limits) in [(DatasetFormat.claudeMessages, haiku), (.imageCaption, titanImage)] {
      let text = DatasetSample.valid(format, records: records)
      #expect(DatasetValidator(format: format, limits: limits).validate(Array(text.utf8)).isValid)
    }
  }

  @Test("sample lines are in each format's documented shape")
  func shapes() {
    #expect(DatasetSample.valid(.promptCompletion, records: 1).hasPrefix(#"{"prompt": "Q1: What does Amazon Bedrock"#))
    #expect(DatasetSample.valid(.continuedPreTraining, records: 1).hasPrefix(#"{"input": "#))
    #expect(DatasetSample.valid(.conversation, records: 1).hasPrefix(#"{"schemaVersion": "bedrock-conversation-2024""#))
    #expect(!DatasetSample.valid(.distillationPrompts, records: 1).contains(#""role": "assistant""#))
    #expect(DatasetSample.valid(.claudeMessages, records: 1).contains(#""content": "Q1:"#))
    #expect(DatasetSample.valid(.imageCaption, records: 2).contains("diagram-0002.png"))
  }

  @Test("records are numbered so no two lines repeat")
  func distinctLines() {
    let lines = DatasetSample.valid(.conversation, records: 40).split(separator: "\n")
    #expect(Set(lines).count == 40)
  }
}
