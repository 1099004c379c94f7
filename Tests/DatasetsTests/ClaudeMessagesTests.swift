import Testing

@testable import Datasets

/// Claude 3 Haiku's documented fine-tuning shape: a string system prompt and plain-string turns.
@Suite struct ClaudeMessagesTests {
  @Test("single- and multi-turn Claude records are valid, with or without a system prompt")
  func valid() {
    let report = Check.report(
      [
        Check.claude([("user", "What is a model unit?"), ("assistant", "A unit of Provisioned Throughput.")]),
        Check.claude(
          [("user", "Hi"), ("assistant", "Hello"), ("user", "Define RAG"), ("assistant", "Retrieval first.")],
          system: nil),
      ], .claudeMessages)
    #expect(report.isValid)
    #expect(report.records == 2)
  }

  @Test("conversation-schema content arrays are a wrong type that names the difference")
  func conversationContent() throws {
    let record = #"{"messages": [{"role": "user", "content": [{"text": "q"}]}, {"role": "assistant", "content": "a"}]}"#
    let problem = try #require(Check.only([record], .claudeMessages))
    #expect(Spot(problem) == Spot(.wrongType, 1, "messages[0].content"))
    #expect(problem.message.contains("bedrock-conversation-2024"))
    #expect(problem.message.contains("plain string"))
  }

  @Test("a whole conversation-schema record gets the schemaVersion and content differences reported")
  func wholeConversationRecord() {
    let record = Check.conversation([Check.turn("user", "q"), Check.turn("assistant", "a")], system: nil)
    #expect(
      Check.spots([record], .claudeMessages) == [
        Spot(.wrongType, 1, "messages[0].content"), Spot(.wrongType, 1, "messages[1].content"),
        Spot(.unexpectedField, 1, "schemaVersion"),
      ])
  }

  @Test("an array system prompt, empty content and a non-alternating pair are each reported")
  func rules() {
    let spots = Check.spots(
      [
        #"{"system": [{"text": "Be brief"}], "messages": "#
          + #"[{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]}"#,
        Check.claude([("user", "q"), ("assistant", "")]),
        Check.claude([("user", "q"), ("assistant", "a"), ("assistant", "b")]),
        Check.claude([("user", "q")]),
        Check.claude([("Human", "q"), ("assistant", "a")]),
      ], .claudeMessages)
    #expect(
      spots == [
        Spot(.wrongType, 1, "system"),
        Spot(.emptyText, 2, "messages[1].content"),
        Spot(.rolesNotAlternating, 3, "messages[2].role"),
        Spot(.lastTurnNotAssistant, 4, "messages[0].role"),
        Spot(.wrongRole, 5, "messages[0].role"),
      ])
  }

  @Test("messages that are not an array, or missing, are reported at messages")
  func messagesShape() {
    #expect(
      Check.spots([#"{"system": "s", "messages": "hi"}"#, #"{"system": "s"}"#], .claudeMessages) == [
        Spot(.wrongType, 1, "messages"), Spot(.missingField, 2, "messages"),
      ])
  }
}
