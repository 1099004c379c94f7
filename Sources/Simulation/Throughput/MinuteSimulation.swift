/// One simulated minute of bursty traffic against Provisioned Throughput: second by second, which requests
/// were served and which were throttled once the minute's token budget ran out.
public struct MinuteSimulation: Sendable, Codable, Equatable {
  /// One second of the minute.
  public struct Second: Sendable, Codable, Equatable {
    /// The second, 0 to 59.
    public var second: Int
    /// Requests that arrived in this second.
    public var arrived: Int
    /// Requests served.
    public var admitted: Int
    /// Requests refused with `ThrottlingException` (HTTP 429).
    public var throttled: Int
    /// Input tokens left in the minute's budget after this second.
    public var inputTokensLeft: Int
    /// Output tokens left in the minute's budget after this second.
    public var outputTokensLeft: Int

    /// Creates a second.
    public init(second: Int, arrived: Int, admitted: Int, throttled: Int, inputTokensLeft: Int, outputTokensLeft: Int) {
      self.second = second
      self.arrived = arrived
      self.admitted = admitted
      self.throttled = throttled
      self.inputTokensLeft = inputTokensLeft
      self.outputTokensLeft = outputTokensLeft
    }
  }

  /// The 60 seconds in order.
  public var seconds: [Second]
  /// Input tokens the units process in a minute (the budget the minute starts with).
  public var inputTokenBudget: Int
  /// Output tokens the units generate in a minute.
  public var outputTokenBudget: Int
  /// Requests that arrived in the minute.
  public var requests: Int
  /// Requests served.
  public var admitted: Int
  /// Requests throttled.
  public var throttled: Int
  /// The first second with a throttled request; nil when none was.
  public var firstThrottledSecond: Int?
  /// Plain-English reading of the minute.
  public var notes: [String]

  /// Creates a simulated minute from its parts.
  public init(
    seconds: [Second],
    inputTokenBudget: Int,
    outputTokenBudget: Int,
    requests: Int,
    admitted: Int,
    throttled: Int,
    firstThrottledSecond: Int?,
    notes: [String]
  ) {
    self.seconds = seconds
    self.inputTokenBudget = inputTokenBudget
    self.outputTokenBudget = outputTokenBudget
    self.requests = requests
    self.admitted = admitted
    self.throttled = throttled
    self.firstThrottledSecond = firstThrottledSecond
    self.notes = notes
  }
}
