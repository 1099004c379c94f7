import Testing

@testable import Datasets

/// bedrock-conversation-2024 records (Nova, Llama 3.2/3.3) and distillation prompt files.
@Suite struct ConversationTests {
  static let multimodal = DatasetLimits(acceptsImages: true)
  static let nova = DatasetLimits(checksReservedWords: true)

  @Test("a Converse-style file with system, alternating turns and an S3 image is valid")
  func validWithImage() {
    let report = Check.report(
      [
        Check.conversation([Check.turn("user", "What is Bedrock?"), Check.turn("assistant", "A managed FM service.")]),
        Check.conversation(
          [Check.mediaTurn(), Check.turn("assistant", "A VPC diagram.")], system: nil),
        Check.conversation(
          [
            Check.turn("user", "Hi"), Check.turn("assistant", "Hello"), Check.turn("user", "Define PT"),
            Check.turn("assistant", "Provisioned Throughput"),
          ]),
      ], .conversation, limits: Self.multimodal)
    #expect(report.problems.map(Spot.init) == [])
    #expect(report.records == 3)
  }

  @Test("a video block in a user turn is valid where the model takes images and video")
  func validVideo() {
    let record = Check.conversation(
      [Check.mediaTurn(key: "video", format: "mp4", uri: "s3://b/clip.mp4"), Check.turn("assistant", "A demo.")])
    #expect(Check.report([record], .conversation, limits: Self.multimodal).isValid)
  }

  @Test("a missing schemaVersion is a missing field; another version is a wrong schema version")
  func schemaVersion() {
    let turns = #"[{"role": "user", "content": [{"text": "q"}]}, {"role": "assistant", "content": [{"text": "a"}]}]"#
    #expect(
      Check.spots(
        [#"{"messages": \#(turns)}"#, #"{"schemaVersion": "bedrock-conversation-2023", "messages": \#(turns)}"#],
        .conversation) == [Spot(.missingField, 1, "schemaVersion"), Spot(.wrongSchemaVersion, 2, "schemaVersion")])
  }

  @Test("a 'system' role inside messages is a wrong role that points at the system field")
  func systemRole() throws {
    let record = Check.conversation([
      Check.turn("system", "Be brief"), Check.turn("user", "q"), Check.turn("assistant", "a"),
    ])
    let problem = try #require(Check.only([record], .conversation))
    #expect(Spot(problem) == Spot(.wrongRole, 1, "messages[0].role"))
    #expect(problem.message.contains("top-level \"system\""))
  }

  @Test("two user turns in a row break alternation at the second")
  func notAlternating() throws {
    let record = Check.conversation([Check.turn("user", "q1"), Check.turn("user", "q2"), Check.turn("assistant", "a")])
    let problem = try #require(Check.only([record], .conversation))
    #expect(Spot(problem) == Spot(.rolesNotAlternating, 1, "messages[1].role"))
    #expect(problem.message.hasPrefix("expected role 'assistant' after 'user'; roles must alternate user, assistant"))
  }

  @Test("a conversation that starts with the assistant is reported at the first turn")
  func firstTurn() {
    let record = Check.conversation([
      Check.turn("assistant", "a"), Check.turn("user", "q"), Check.turn("assistant", "b"),
    ])
    #expect(Check.spots([record], .conversation) == [Spot(.firstTurnNotUser, 1, "messages[0].role")])
  }

  @Test("a fine-tuning conversation that ends on the user is reported at the last turn")
  func lastTurn() {
    let record = Check.conversation([Check.turn("user", "q"), Check.turn("assistant", "a"), Check.turn("user", "q2")])
    #expect(Check.spots([record], .conversation) == [Spot(.lastTurnNotAssistant, 1, "messages[2].role")])
  }

  @Test("plain-string content names the Claude shape; empty text and empty messages are reported")
  func contentShapes() throws {
    let stringContent = Check.conversation([#"{"role": "user", "content": "q"}"#, Check.turn("assistant", "a")])
    let problem = try #require(Check.only([stringContent], .conversation))
    #expect(Spot(problem) == Spot(.wrongType, 1, "messages[0].content"))
    #expect(problem.message.contains("Claude 3 Haiku"))

    let emptyText = Check.conversation([Check.turn("user", "q"), Check.turn("assistant", "  ")])
    #expect(Check.spots([emptyText], .conversation) == [Spot(.emptyText, 1, "messages[1].content[0].text")])
    #expect(Check.spots([Check.conversation([])], .conversation) == [Spot(.missingField, 1, "messages")])
    let noBlocks = Check.conversation([#"{"role": "user", "content": []}"#, Check.turn("assistant", "a")])
    #expect(Check.spots([noBlocks], .conversation) == [Spot(.missingField, 1, "messages[0].content")])
  }

  @Test("a string system prompt is a wrong type; system blocks need non-empty text")
  func systemShapes() {
    let turns = [Check.turn("user", "q"), Check.turn("assistant", "a")]
    #expect(
      Check.spots([Check.conversation(turns, system: #""Be brief""#)], .conversation) == [Spot(.wrongType, 1, "system")]
    )
    #expect(
      Check.spots([Check.conversation(turns, system: #"[{"text": ""}, {"txt": "x"}]"#)], .conversation) == [
        Spot(.emptyText, 1, "system[0].text"), Spot(.missingField, 1, "system[1].text"),
        Spot(.unexpectedField, 1, "system[1].txt"),
      ])
  }

  @Test("an image for a text-only model is not allowed")
  func imageForTextModel() {
    let record = Check.conversation([Check.mediaTurn(), Check.turn("assistant", "a")])
    #expect(Check.spots([record], .conversation) == [Spot(.imageNotAllowed, 1, "messages[0].content[1].image")])
  }

  @Test("an image in an assistant turn is not allowed even for a multimodal model")
  func imageInAssistantTurn() {
    let record = Check.conversation([Check.turn("user", "q"), Check.mediaTurn("assistant")])
    #expect(
      Check.spots([record], .conversation, limits: Self.multimodal) == [
        Spot(.imageNotAllowed, 1, "messages[1].content[1].image")
      ])
  }

  @Test("bad image format, non-S3 URI and a short bucket owner are bad image references")
  func badImageReferences() {
    let answer = Check.turn("assistant", "a")
    let spots = Check.spots(
      [
        Check.conversation([Check.mediaTurn(format: "bmp"), answer]),
        Check.conversation([Check.mediaTurn(uri: "https://example.com/cat.png"), answer]),
        Check.conversation([Check.mediaTurn(owner: "12345"), answer]),
        Check.conversation([Check.mediaTurn(key: "video", format: "avi", uri: "s3://b/c.avi"), answer]),
      ], .conversation, limits: Self.multimodal)
    #expect(
      spots == [
        Spot(.badImageReference, 1, "messages[0].content[1].image.format"),
        Spot(.badImageReference, 2, "messages[0].content[1].image.source.s3Location.uri"),
        Spot(.badImageReference, 3, "messages[0].content[1].image.source.s3Location.bucketOwner"),
        Spot(.badImageReference, 4, "messages[0].content[1].video.format"),
      ])
  }

  @Test("inline image bytes and a missing s3Location are reported with the S3 shape to use")
  func inlineBytes() {
    let turn = #"{"role": "user", "content": [{"image": {"format": "png", "source": {"bytes": "iVBOR"}}}]}"#
    let spots = Check.spots(
      [Check.conversation([turn, Check.turn("assistant", "a")])], .conversation, limits: Self.multimodal)
    #expect(
      spots == [
        Spot(.unexpectedField, 1, "messages[0].content[0].image.source.bytes"),
        Spot(.missingField, 1, "messages[0].content[0].image.source.s3Location"),
      ])
  }

  @Test("a block holding both text and an image is told to split them")
  func textAndImageInOneBlock() {
    let turn = #"{"role": "user", "content": [{"text": "q", "image": {}}]}"#
    #expect(
      Check.spots([Check.conversation([turn, Check.turn("assistant", "a")])], .conversation, limits: Self.multimodal)
        == [Spot(.unexpectedField, 1, "messages[0].content[0].image")])
  }

  @Test("reserved words are reported only where the model reserves them")
  func reservedWords() throws {
    let record = Check.conversation([Check.turn("user", "User: what is RAG?"), Check.turn("assistant", "Retrieval.")])
    #expect(Check.report([record], .conversation).isValid)
    let problem = try #require(Check.only([record], .conversation, limits: Self.nova))
    #expect(Spot(problem) == Spot(.reservedWord, 1, "messages[0].content[0].text"))
    #expect(problem.message.contains("'User:'"))
    let system = Check.conversation(
      [Check.turn("user", "q"), Check.turn("assistant", "a [EOS]")], system: #"[{"text": "<image>"}]"#)
    #expect(
      Check.spots([system], .conversation, limits: Self.nova) == [
        Spot(.reservedWord, 1, "system[0].text"), Spot(.reservedWord, 1, "messages[1].content[0].text"),
      ])
  }

  // MARK: distillation prompts

  @Test("distillation prompts may end on the user or carry a golden assistant answer")
  func distillationValid() {
    let report = Check.report(
      [
        Check.conversation([Check.turn("user", "Explain model units.")]),
        Check.conversation([Check.turn("user", "Explain PT."), Check.turn("assistant", "Reserved capacity.")]),
      ], .distillationPrompts)
    #expect(report.isValid)
  }

  @Test("distillation prompts still start with the user and alternate")
  func distillationOrder() {
    let spots = Check.spots(
      [
        Check.conversation([Check.turn("assistant", "a")]),
        Check.conversation([Check.turn("user", "q"), Check.turn("user", "q2")]),
      ], .distillationPrompts)
    #expect(
      spots == [Spot(.firstTurnNotUser, 1, "messages[0].role"), Spot(.rolesNotAlternating, 2, "messages[1].role")])
  }

  @Test("distillation is text-to-text: images are refused even for a multimodal student")
  func distillationImages() {
    let record = Check.conversation([Check.mediaTurn()])
    #expect(
      Check.spots([record], .distillationPrompts, limits: Self.multimodal) == [
        Spot(.imageNotAllowed, 1, "messages[0].content[1].image")
      ])
  }
}
