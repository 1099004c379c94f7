import Core
import Foundation

/// The probability of passing the real exam on the exam date (or today), with an honest band.
///
/// **Model.** Each item `i` of the bank gets a knowledge probability `k_i` on the target day and a guess
/// probability `g_i = 1/m` (``ItemInfo/guessProbability``); it is answered right with `p_i = k_i + (1 − k_i)·g_i`.
/// - An item whose FSRS card has memory: `k_i = R(t, S)` with `t` = whole local days from the last review to the
///   target day and the learner's FSRS parameters.
/// - Otherwise `p_i` is a rate `r` from the learner's attempts (see ``PriorSettings``: item → objective → domain →
///   global); it already includes guessing, so it is used as it is (the day effect shifts `logit r`).
///
/// The exam draws, per blueprint domain, its scored count of items **without replacement** from that domain's
/// items (a domain with fewer items than questions is padded with virtual unseen items at the domain's rate) and
/// passes with at least ``Blueprint/passMark`` correct. Items are not independent: every simulated exam shares
/// a day effect `ε ~ N(0, dayEffectSD²)` on `logit k` (memory items) and `logit r` (the others).
///
/// **Computation.** Monte Carlo, Rao–Blackwellised: the outer loop draws `worlds` parameter sets (a learner-level
/// FSRS error `δ ~ N(0, memoryLogitSD²)` added to `logit R`, and each objective's rate from its Beta posterior);
/// each world simulates `drawsPerWorld` exams (ε and the items drawn), and for each computes `P(≥ pass mark)`
/// exactly by the Poisson-binomial recurrence over its 50 `p_i`. ``probability`` is the mean over all draws
/// (parameter uncertainty integrated); ``low``/``high`` are the 10th/90th percentiles of the per-world
/// probabilities — how much the answer moves with what we do not know about this learner.
///
/// **Study gains** use a normal approximation: raising an objective's items to `k = desiredRetention` raises the
/// expected score by `Δ = Σ_d n_d · Σ_{i ∈ o∩d} (p'_i − p_i) / N_d`; the gain is
/// `Φ((E + Δ − K + ½)/s) − Φ((E − K + ½)/s)` with `E` and `s²` the Monte Carlo mean and variance of the score.
public struct Readiness: Sendable, Hashable, Codable {
  /// How much evidence the estimate stands on.
  public enum Confidence: String, Sendable, Hashable, Codable {
    case low, medium, high
  }

  /// One domain's expected result.
  public struct DomainReadiness: Sendable, Hashable, Codable {
    /// Domain number.
    public var domain: Int
    /// Domain name.
    public var name: String
    /// Scored questions on the exam.
    public var scoredQuestions: Int
    /// Bank items of the domain.
    public var items: Int
    /// Of which have FSRS memory.
    public var itemsWithMemory: Int
    /// Mean `p_i` on the target day (point estimate; a domain without items uses its first-attempt rate).
    public var meanProbability: Double
    /// `scoredQuestions × meanProbability`.
    public var expectedCorrect: Double
  }

  /// An objective whose study would raise P(pass) most.
  public struct ObjectiveGain: Sendable, Hashable, Codable {
    /// Objective id, e.g. `"3.1.2"`.
    public var objective: String
    /// Its domain.
    public var domain: Int
    /// Approximate increase of P(pass) if its items reached the desired retention.
    public var gain: Double
    /// The command that trains it.
    public var command: String
  }

  /// The day the probability is for.
  public var targetDay: CalendarDay
  /// Whether an exam date is set (when none is, the target is today).
  public var examDateSet: Bool
  /// Whether the exam date was set but already past (then the target is today).
  public var examDateInPast: Bool
  /// P(score ≥ pass mark).
  public var probability: Double
  /// Lower end of the band (10th percentile over parameter worlds).
  public var low: Double
  /// Upper end of the band (90th percentile).
  public var high: Double
  /// Monte Carlo standard error of ``probability``.
  public var standardError: Double
  /// Expected correct scored answers.
  public var expectedCorrect: Double
  /// Scored questions.
  public var scoredQuestions: Int
  /// Correct answers needed.
  public var passMark: Int
  /// fmlab's scaled-score estimate of the expected fraction.
  public var expectedScaledScore: Int
  /// Per blueprint domain.
  public var domains: [DomainReadiness]
  /// Up to three objectives, largest gain first.
  public var topObjectives: [ObjectiveGain]
  /// Evidence level.
  public var confidence: Confidence
  /// Plain-English caveats (past exam date, no history, small bank).
  public var notes: [String]
  /// One sentence of advice.
  public var advice: String

  /// The model's assumptions in one paragraph, for `--explain` output.
  public static let method =
    "P(pass) = chance of at least the pass mark (72% of 50 scored questions, fmlab's estimate of 700) when each "
    + "domain's questions are drawn from your items; an item is right with p = R + (1 − R)/m (R from FSRS on the "
    + "exam day, or your smoothed first-attempt accuracy for unseen items). A shared day effect (logit SD 0.3) and "
    + "FSRS's own error (logit SD 0.35) are assumptions; the band is the 10th–90th percentile over them."

  /// Readiness for `input`, by Monte Carlo with `options`.
  public static func compute(_ input: StatsInput, options: ReadinessOptions = ReadinessOptions()) -> Readiness {
    ReadinessModel(input: input, options: options).run()
  }
}
