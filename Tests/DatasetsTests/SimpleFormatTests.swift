import Testing

@testable import Datasets

/// prompt-completion, continued pre-training and image-caption records.
@Suite struct SimpleFormatTests {
  // MARK: prompt-completion

  @Test("a Titan-style prompt/completion file is valid")
  func promptCompletionValid() {
    let report = Check.report(
      [
        #"{"prompt": "What is Amazon Bedrock?", "completion": "A managed service for foundation models."}"#,
        #"{"prompt": "Name a Titan model.", "completion": "Titan Text G1 Express."}"#,
      ], .promptCompletion)
    #expect(report.isValid)
    #expect(report.problems.isEmpty)
    #expect(report.records == 2)
  }

  @Test("a missing completion is reported on its line and field")
  func missingCompletion() {
    let spots = Check.spots(
      [#"{"prompt": "a", "completion": "b"}"#, #"{"prompt": "What is RAG?"}"#], .promptCompletion)
    #expect(spots == [Spot(.missingField, 2, "completion")])
  }

  @Test("a number where the prompt string belongs is a wrong type, quoting the number")
  func numberPrompt() throws {
    let problem = try #require(Check.only([#"{"prompt": 42, "completion": "b"}"#], .promptCompletion))
    #expect(Spot(problem) == Spot(.wrongType, 1, "prompt"))
    #expect(problem.message.contains("a number (42)"))
  }

  @Test("a completion of only whitespace is empty text")
  func blankCompletion() {
    #expect(
      Check.spots([#"{"prompt": "a", "completion": " \t\n "}"#], .promptCompletion) == [
        Spot(.emptyText, 1, "completion")
      ])
  }

  @Test("an extra key is reported as an unexpected field")
  func extraKey() {
    #expect(
      Check.spots([#"{"prompt": "a", "completion": "b", "id": 7}"#], .promptCompletion) == [
        Spot(.unexpectedField, 1, "id")
      ])
  }

  @Test("a conversation record in a prompt-completion file is one wrong-format problem")
  func conversationInPromptCompletion() throws {
    let record = Check.conversation([Check.turn("user", "hi"), Check.turn("assistant", "hello")])
    let problem = try #require(Check.only([record], .promptCompletion))
    #expect(Spot(problem) == Spot(.wrongFormat, 1, "prompt"))
    #expect(problem.message.contains("bedrock-conversation-2024"))
  }

  // MARK: continued pre-training

  @Test("unlabeled input text is valid for continued pre-training")
  func continuedPreTrainingValid() {
    let report = Check.report(
      [#"{"input": "Amazon S3 stores objects in buckets."}"#, #"{"input": "IAM roles grant temporary credentials."}"#],
      .continuedPreTraining)
    #expect(report.isValid)
    #expect(report.records == 2)
  }

  @Test("prompt/completion data for continued pre-training says it looks like fine-tuning data")
  func fineTuningDataForPreTraining() throws {
    let problem = try #require(Check.only([#"{"prompt": "q", "completion": "a"}"#], .continuedPreTraining))
    #expect(Spot(problem) == Spot(.wrongFormat, 1, "input"))
    #expect(problem.message.contains("fine-tuning"))
    #expect(problem.message.contains("\"input\""))
  }

  @Test("empty input and extra keys are reported for continued pre-training")
  func emptyInput() {
    #expect(
      Check.spots([#"{"input": "", "source": "wiki"}"#], .continuedPreTraining) == [
        Spot(.emptyText, 1, "input"), Spot(.unexpectedField, 1, "source"),
      ])
  }

  // MARK: image-caption

  static let captionLimits = DatasetLimits(
    minCaptionCharacters: 3, maxCaptionCharacters: 1_024, acceptsValidation: false)

  @Test("an image-caption file in the Titan Image Generator shape is valid, extension case ignored")
  func imageCaptionValid() {
    let report = Check.report(
      [
        #"{"image-ref": "s3://bucket/path/img.png", "caption": "A red bicycle leaning on a wall"}"#,
        #"{"image-ref": "s3://bucket/path/photo.JPEG", "caption": "A lighthouse at dusk"}"#,
        #"{"image-ref": "s3://bucket/x.jpg", "caption": "Cat"}"#,
      ], .imageCaption, limits: Self.captionLimits)
    #expect(report.isValid)
  }

  @Test("an image-ref that is not an S3 object URI is a bad image reference")
  func imageRefNotS3() {
    #expect(
      Check.spots([#"{"image-ref": "https://example.com/a.png", "caption": "A cat"}"#], .imageCaption) == [
        Spot(.badImageReference, 1, "image-ref")
      ])
    #expect(
      Check.spots([#"{"image-ref": "s3://bucket-only.png", "caption": "A cat"}"#], .imageCaption) == [
        Spot(.badImageReference, 1, "image-ref")
      ])
  }

  @Test("an image-ref naming a GIF is a bad image reference: Titan takes PNG and JPEG")
  func imageRefGif() throws {
    let problem = try #require(Check.only([#"{"image-ref": "s3://b/a.gif", "caption": "A cat"}"#], .imageCaption))
    #expect(Spot(problem) == Spot(.badImageReference, 1, "image-ref"))
    #expect(problem.message.contains("PNG or JPEG"))
  }

  @Test("captions shorter or longer than the model allows are caption-length problems")
  func captionLength() {
    let long = String(repeating: "a", count: 1_025)
    let spots = Check.spots(
      [
        #"{"image-ref": "s3://b/a.png", "caption": "ab"}"#,
        #"{"image-ref": "s3://b/a.png", "caption": "\#(long)"}"#,
        #"{"image-ref": "s3://b/a.png", "caption": "abc"}"#,
      ], .imageCaption, limits: Self.captionLimits)
    #expect(spots == [Spot(.captionLength, 1, "caption"), Spot(.captionLength, 2, "caption")])
  }

  @Test("a missing caption and a numeric image-ref are reported separately")
  func missingCaption() {
    #expect(
      Check.spots([#"{"image-ref": 5}"#], .imageCaption) == [
        Spot(.wrongType, 1, "image-ref"), Spot(.missingField, 1, "caption"),
      ])
  }

  @Test("a validation file for an image-caption model is not accepted")
  func validationNotAccepted() {
    let report = Check.report(
      [#"{"image-ref": "s3://b/a.png", "caption": "A cat"}"#], .imageCaption, limits: Self.captionLimits,
      role: .validation)
    #expect(report.problems.map(Spot.init) == [Spot(.validationNotAccepted, nil)])
  }
}
