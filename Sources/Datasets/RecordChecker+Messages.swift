/// The formats made of conversation turns: bedrock-conversation-2024 (fine-tuning and distillation
/// prompts) and Claude 3 Haiku's plain-string messages.
extension RecordChecker {
  /// The schema version bedrock-conversation-2024 records must declare.
  static let schemaVersion = "bedrock-conversation-2024"

  /// Words Nova's prompt template reserves (checked when `limits.checksReservedWords`), case-sensitive.
  static let reservedWords = ["User:", "Bot:", "Assistant:", "System:", "<image>", "<video>", "[EOS]"]

  /// A message's role when it is a valid one.
  enum Role: String {
    case user, assistant
  }

  // MARK: - bedrock-conversation-2024

  mutating func checkConversation(_ record: JSONValue) {
    switch record["schemaVersion"] {
    case nil:
      add(
        .missingField, "schemaVersion", "\"schemaVersion\" is missing; add \"schemaVersion\": \"\(Self.schemaVersion)\""
      )
    case .string(Self.schemaVersion):
      break
    case let value?:
      add(
        .wrongSchemaVersion, "schemaVersion",
        "\"schemaVersion\" must be \"\(Self.schemaVersion)\"; found \(value.described)")
    }
    if let system = record["system"] {
      checkSystemBlocks(system)
    }
    let roles = checkMessages(record) { checker, message, role, path in
      checker.checkContentBlocks(message, role: role, at: path)
    }
    checkTurnOrder(roles, lastMustBeAssistant: format != .distillationPrompts)
    rejectUnexpected(record, allowed: ["schemaVersion", "system", "messages"], at: "")
  }

  private mutating func checkSystemBlocks(_ system: JSONValue) {
    guard let blocks = system.arrayValue else {
      let hint = system.stringValue != nil ? " (a plain string is the Claude 3 Haiku shape)" : ""
      add(
        .wrongType, "system",
        "\"system\" must be an array of text blocks like [{\"text\": \"You are …\"}]\(hint); "
          + "found \(system.described)")
      return
    }
    for (index, block) in blocks.enumerated() {
      let path = "system[\(index)]"
      guard block.isObject else {
        add(.wrongType, path, "each system entry must be an object like {\"text\": \"…\"}; found \(block.described)")
        continue
      }
      if let text = requireText(block, "text", "the system instructions", at: path) {
        inputCharacters += text.unicodeScalars.count
        checkReservedWords(text, at: Self.path(path, "text"))
      }
      rejectUnexpected(block, allowed: ["text"], at: path)
    }
  }

  private mutating func checkContentBlocks(_ message: JSONValue, role: Role?, at path: String) {
    let field = Self.path(path, "content")
    guard let content = message["content"] else {
      add(.missingField, field, "\"content\" is missing; add \"content\": [{\"text\": \"…\"}]")
      return
    }
    guard let blocks = content.arrayValue else {
      let hint =
        content.stringValue != nil
        ? "; a plain string is the Claude 3 Haiku shape, this schema needs [{\"text\": \"…\"}]" : ""
      add(.wrongType, field, "\"content\" must be an array of content blocks\(hint); found \(content.described)")
      return
    }
    if blocks.isEmpty {
      add(.missingField, field, "\"content\" is empty; add at least one block like {\"text\": \"…\"}")
    }
    for (index, block) in blocks.enumerated() {
      checkContentBlock(block, role: role, at: "\(field)[\(index)]")
    }
  }

  private mutating func checkContentBlock(_ block: JSONValue, role: Role?, at path: String) {
    guard block.isObject else {
      add(.wrongType, path, "each content block must be an object like {\"text\": \"…\"}; found \(block.described)")
      return
    }
    let kinds = block.keys.filter { ["text", "image", "video"].contains($0) }
    if kinds.isEmpty {
      add(.missingField, Self.path(path, "text"), "the content block has no \"text\"; add {\"text\": \"…\"}")
    }
    for extra in kinds.dropFirst() {
      add(
        .unexpectedField, Self.path(path, extra),
        "a content block holds exactly one of \"text\", \"image\" or \"video\"; put \"\(extra)\" in its own block")
    }
    for kind in kinds.prefix(1) {
      if kind == "text" {
        guard let text = requireText(block, "text", "the turn's text", at: path) else { continue }
        if role == .assistant {
          outputCharacters += text.unicodeScalars.count
        } else {
          inputCharacters += text.unicodeScalars.count
        }
        checkReservedWords(text, at: Self.path(path, "text"))
      } else if let media = block[kind] {
        checkMedia(kind, media, role: role, at: Self.path(path, kind))
      }
    }
    rejectUnexpected(block, allowed: ["text", "image", "video"], at: path)
  }

  private mutating func checkReservedWords(_ text: String, at field: String) {
    guard limits.checksReservedWords else { return }
    let found = Self.reservedWords.filter { text.contains($0) }
    guard !found.isEmpty else { return }
    let list = found.map { "'\($0)'" }.joined(separator: ", ")
    add(
      .reservedWord, field,
      "text contains \(list), reserved by this model's prompt template; reword it (for example drop the colon "
        + "or the brackets)")
  }

  // MARK: - Claude 3 Haiku messages

  mutating func checkClaudeMessages(_ record: JSONValue) {
    if let system = record["system"] {
      if let text = system.stringValue {
        inputCharacters += text.unicodeScalars.count
      } else {
        let hint =
          system.arrayValue != nil ? " (an array of {\"text\"} blocks is the bedrock-conversation-2024 shape)" : ""
        add(.wrongType, "system", "\"system\" must be a string\(hint); found \(system.described)")
      }
    }
    let roles = checkMessages(record) { checker, message, role, path in
      checker.checkStringContent(message, role: role, at: path)
    }
    checkTurnOrder(roles, lastMustBeAssistant: true)
    rejectUnexpected(
      record, allowed: ["system", "messages"], at: "",
      hints: [
        "schemaVersion": "the Claude 3 Haiku format has no schemaVersion (that is bedrock-conversation-2024); remove it"
      ])
  }

  private mutating func checkStringContent(_ message: JSONValue, role: Role?, at path: String) {
    let field = Self.path(path, "content")
    guard let content = message["content"] else {
      add(.missingField, field, "\"content\" is missing; add \"content\": \"…\" (a string)")
      return
    }
    guard let text = content.stringValue else {
      let hint =
        content.arrayValue != nil
        ? "; an array of blocks like [{\"text\": \"…\"}] is the bedrock-conversation-2024 shape, "
          + "here use \"content\": \"…\""
        : ""
      add(.wrongType, field, "\"content\" must be a plain string\(hint); found \(content.described)")
      return
    }
    if text.allSatisfy(\.isWhitespace) {
      add(.emptyText, field, "\"content\" is empty; write the turn's text")
    }
    if role == .assistant {
      outputCharacters += text.unicodeScalars.count
    } else {
      inputCharacters += text.unicodeScalars.count
    }
  }

  // MARK: - Shared

  /// Checks `messages` is a non-empty array of {"role", "content"} objects; `content` checks each
  /// message's content. Returns each message's valid role (nil where missing or invalid).
  private mutating func checkMessages(
    _ record: JSONValue, content: (inout RecordChecker, JSONValue, Role?, String) -> Void
  ) -> [Role?] {
    guard let value = record["messages"] else {
      add(.missingField, "messages", "\"messages\" is missing; add the conversation: \(Self.shape(format))")
      return []
    }
    guard let messages = value.arrayValue else {
      add(.wrongType, "messages", "\"messages\" must be an array of turns; found \(value.described)")
      return []
    }
    if messages.isEmpty {
      add(.missingField, "messages", "\"messages\" is empty; add a user turn and an assistant turn")
    }
    var roles: [Role?] = []
    for (index, message) in messages.enumerated() {
      let path = "messages[\(index)]"
      guard message.isObject else {
        add(
          .wrongType, path, "each message must be an object with \"role\" and \"content\"; found \(message.described)")
        roles.append(nil)
        continue
      }
      let role = checkRole(message, at: path)
      roles.append(role)
      content(&self, message, role, path)
      rejectUnexpected(message, allowed: ["role", "content"], at: path)
    }
    return roles
  }

  private mutating func checkRole(_ message: JSONValue, at path: String) -> Role? {
    let field = Self.path(path, "role")
    guard let value = message["role"] else {
      add(.missingField, field, "\"role\" is missing; add \"role\": \"user\" or \"role\": \"assistant\"")
      return nil
    }
    guard let text = value.stringValue else {
      add(.wrongType, field, "\"role\" must be the string \"user\" or \"assistant\"; found \(value.described)")
      return nil
    }
    guard let role = Role(rawValue: text) else {
      let hint = text == "system" ? "; put system instructions in the top-level \"system\" field" : ""
      add(
        .wrongRole, field, "\"role\" must be \"user\" or \"assistant\" (lowercase); found \(Quote.quoted(text))\(hint)")
      return nil
    }
    return role
  }

  private mutating func checkTurnOrder(_ roles: [Role?], lastMustBeAssistant: Bool) {
    guard !roles.isEmpty else { return }
    if let first = roles[0], first != .user {
      add(
        .firstTurnNotUser, "messages[0].role",
        "the first turn must be the user's; found '\(first.rawValue)'. Start the conversation with a user message")
    }
    for index in roles.indices.dropFirst() {
      guard let previous = roles[index - 1], let current = roles[index], previous == current else { continue }
      let expected: Role = previous == .user ? .assistant : .user
      add(
        .rolesNotAlternating, "messages[\(index)].role",
        "expected role '\(expected.rawValue)' after '\(previous.rawValue)'; roles must alternate user, assistant, "
          + "user, … (merge the two turns or add the missing one)")
    }
    if lastMustBeAssistant, let last = roles[roles.count - 1], last != .assistant {
      add(
        .lastTurnNotAssistant, "messages[\(roles.count - 1)].role",
        "the last turn must be the assistant's: it is the answer the model learns. Add an assistant message "
          + "or remove the final user message")
    }
  }
}
