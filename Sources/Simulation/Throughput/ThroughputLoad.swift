/// A steady inference load: how many requests arrive a minute and how large each is.
public struct ThroughputLoad: Sendable, Codable, Equatable {
  /// Requests per minute, averaged over the minute.
  public var requestsPerMinute: Double
  /// Input (prompt) tokens in each request.
  public var inputTokensPerRequest: Int
  /// Output (generated) tokens in each response.
  public var outputTokensPerRequest: Int

  /// Creates a load.
  public init(requestsPerMinute: Double, inputTokensPerRequest: Int, outputTokensPerRequest: Int) {
    self.requestsPerMinute = requestsPerMinute
    self.inputTokensPerRequest = inputTokensPerRequest
    self.outputTokensPerRequest = outputTokensPerRequest
  }

  /// Input tokens a minute the load sends (negative figures count as 0).
  public var inputTokensPerMinute: Double { max(0, requestsPerMinute) * Double(max(0, inputTokensPerRequest)) }

  /// Output tokens a minute the load asks for (negative figures count as 0).
  public var outputTokensPerMinute: Double { max(0, requestsPerMinute) * Double(max(0, outputTokensPerRequest)) }
}
