/// What a video-generation model accepts in StartAsyncInvoke, and how long the simulated render takes.
public struct VideoProfile: Sendable, Codable, Equatable {
  /// The clip lengths the model accepts, in seconds, shortest first (Nova Reel 1.1: 6, 12, … 120; Luma Ray2: 5, 9).
  public var durations: [Int]
  /// The longest prompt for clips up to a length: the first limit whose `upToSeconds` covers the clip applies.
  public var promptLimits: [PromptLimit]
  /// What the real output file is, for the simulated output's description (e.g. "1280×720 at 24 fps").
  public var output: String
  public var basis: Basis
  /// Simulated wall-clock seconds to render the shortest clip.
  public var renderSeconds: Double
  /// Simulated wall-clock seconds added per second of video beyond the shortest clip.
  public var renderSecondsPerExtraSecond: Double
  public var renderBasis: Basis

  public struct PromptLimit: Sendable, Codable, Equatable {
    public var upToSeconds: Int
    public var characters: Int

    public init(upToSeconds: Int, characters: Int) {
      self.upToSeconds = upToSeconds
      self.characters = characters
    }
  }

  public init(
    durations: [Int], promptLimits: [PromptLimit], output: String, basis: Basis, renderSeconds: Double,
    renderSecondsPerExtraSecond: Double, renderBasis: Basis
  ) {
    self.durations = durations
    self.promptLimits = promptLimits
    self.output = output
    self.basis = basis
    self.renderSeconds = renderSeconds
    self.renderSecondsPerExtraSecond = renderSecondsPerExtraSecond
    self.renderBasis = renderBasis
  }

  /// The clip length used when none is asked for: the shortest.
  public var defaultDuration: Int? { durations.first }

  /// The longest prompt a clip of `seconds` takes; nil when no limit covers it.
  public func promptLimit(forSeconds seconds: Int) -> Int? {
    promptLimits.first { seconds <= $0.upToSeconds }?.characters
  }

  /// Simulated seconds from StartAsyncInvoke to Completed for a clip of `seconds`.
  public func renderTime(forSeconds seconds: Int) -> Double {
    renderSeconds + Double(max(0, seconds - (durations.first ?? seconds))) * renderSecondsPerExtraSecond
  }

  /// The accepted lengths in words: "6 to 120 seconds in steps of 6" for an even run of three or more, else
  /// "5 or 9 seconds".
  public var durationsDescription: String {
    guard let first = durations.first, let last = durations.last else { return "no length" }
    if durations.count >= 3 {
      let step = durations[1] - first
      let even = step > 0 && zip(durations, durations.dropFirst()).allSatisfy { $1 - $0 == step }
      if even { return "\(first) to \(last) seconds in steps of \(step)" }
    }
    if durations.count == 1 { return "\(first) seconds" }
    return durations.dropLast().map(String.init).joined(separator: ", ") + " or \(last) seconds"
  }

  /// What is wrong with these figures (empty when nothing): lengths ascending and positive, a prompt limit for the
  /// longest clip, render times not negative.
  public var problems: [String] {
    var found: [String] = []
    if durations.isEmpty || durations.contains(where: { $0 <= 0 }) || durations != durations.sorted()
      || Set(durations).count != durations.count
    {
      found.append("video durations must be positive whole seconds, shortest first, each once")
    }
    if let longest = durations.max(), promptLimit(forSeconds: longest) == nil {
      found.append("no video prompt limit covers the longest clip (\(longest) s)")
    }
    if promptLimits.contains(where: { $0.characters <= 0 }) {
      found.append("video prompt limits must be positive")
    }
    if !(renderSeconds >= 0) || !(renderSecondsPerExtraSecond >= 0) {
      found.append("video render times must be zero or more")
    }
    return found
  }
}
