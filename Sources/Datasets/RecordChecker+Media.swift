/// Image and video blocks in bedrock-conversation-2024 user turns:
/// `{"image": {"format": "png", "source": {"s3Location": {"uri": "s3://…", "bucketOwner": "111122223333"}}}}`.
extension RecordChecker {
  /// Converse `ImageFormat` values.
  static let imageFormats = ["png", "jpeg", "gif", "webp"]
  /// Converse `VideoFormat` values.
  static let videoFormats = ["mkv", "mov", "mp4", "webm", "flv", "mpeg", "mpg", "wmv", "three_gp"]

  /// Checks an "image" or "video" block's value; `kind` is the key.
  mutating func checkMedia(_ kind: String, _ value: JSONValue, role: Role?, at path: String) {
    if format == .distillationPrompts {
      add(.imageNotAllowed, path, "distillation is text-to-text only; remove the \(kind) block and describe it in text")
      return
    }
    guard limits.acceptsImages else {
      add(.imageNotAllowed, path, "this model is customized on text only; remove the \(kind) block")
      return
    }
    if role == .assistant {
      add(.imageNotAllowed, path, "assistant turns are text only; put the \(kind) in a user turn")
      return
    }
    mediaBlocks += 1
    guard value.isObject else {
      add(
        .wrongType, path,
        "\"\(kind)\" must be an object like {\"format\": …, \"source\": {\"s3Location\": {\"uri\": \"s3://…\"}}}; "
          + "found \(value.described)")
      return
    }
    let formats = kind == "image" ? Self.imageFormats : Self.videoFormats
    let formatList = formats.joined(separator: ", ")
    if let format = requireString(value, "format", "one of \(formatList)", at: path), !formats.contains(format) {
      add(
        .badImageReference, Self.path(path, "format"),
        "\(kind) format must be one of \(formatList); found \(Quote.quoted(format))")
    }
    checkSource(value, kind: kind, at: path)
    rejectUnexpected(value, allowed: ["format", "source"], at: path)
  }

  private mutating func checkSource(_ media: JSONValue, kind: String, at path: String) {
    let field = Self.path(path, "source")
    let shape = "{\"s3Location\": {\"uri\": \"s3://bucket/key\"}}"
    guard let source = media["source"] else {
      add(.missingField, field, "\"source\" is missing; datasets reference the \(kind) in S3: \"source\": \(shape)")
      return
    }
    guard source.isObject else {
      add(.wrongType, field, "\"source\" must be an object like \(shape); found \(source.described)")
      return
    }
    rejectUnexpected(
      source, allowed: ["s3Location"], at: field,
      hints: ["bytes": "datasets cannot embed \(kind) bytes; upload the file to S3 and use \"s3Location\""])
    let locationField = Self.path(field, "s3Location")
    guard let location = source["s3Location"] else {
      add(.missingField, locationField, "\"s3Location\" is missing; add \"s3Location\": {\"uri\": \"s3://bucket/key\"}")
      return
    }
    guard location.isObject else {
      add(
        .wrongType, locationField,
        "\"s3Location\" must be an object like {\"uri\": \"s3://…\"}; found \(location.described)")
      return
    }
    if let uri = requireString(location, "uri", "the S3 URI of the \(kind)", at: locationField),
      !Self.isS3ObjectURI(uri)
    {
      add(
        .badImageReference, Self.path(locationField, "uri"),
        "\"uri\" must be an S3 object URI like \"s3://bucket/images/photo.png\"; found \(Quote.quoted(uri))")
    }
    if let owner = location["bucketOwner"] {
      let ownerField = Self.path(locationField, "bucketOwner")
      if let text = owner.stringValue {
        if text.utf8.count != 12 || !text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
          add(
            .badImageReference, ownerField,
            "\"bucketOwner\" must be the 12-digit AWS account ID that owns the bucket; found \(Quote.quoted(text))")
        }
      } else {
        add(
          .wrongType, ownerField,
          "\"bucketOwner\" must be a string of 12 digits (quote it, so leading zeros survive); found \(owner.described)"
        )
      }
    }
    rejectUnexpected(location, allowed: ["uri", "bucketOwner"], at: locationField)
  }
}
