/// How the accuracy of items without FSRS memory is estimated: Beta smoothing in three levels.
///
/// The evidence is the learner's **first attempt** at each item (quiz, exam or drill): how often a question is
/// answered right the first time it is seen is the best available proxy for a question never seen (later attempts
/// measure what studying taught, which an unseen question has not had).
/// - global rate `μ_g = (c + α) / (n + α + β)` over all first attempts, from a Beta(α, β) prior;
/// - domain rate `μ_d = (c_d + s_d·μ_g) / (n_d + s_d)`;
/// - objective rate `μ_o = (c_o + s_o·μ_d) / (n_o + s_o)` — the objective's posterior is
///   Beta(c_o + s_o·μ_d, n_o − c_o + s_o·(1 − μ_d));
/// - an item with its own attempts but no FSRS card: `(c_i + s_i·μ_o) / (n_i + s_i)` over all its attempts.
/// Rates are probabilities of a correct answer (guessing included).
public struct PriorSettings: Sendable, Hashable, Codable {
  /// Beta prior of the global rate: α (pseudo-correct).
  public var globalAlpha: Double
  /// Beta prior of the global rate: β (pseudo-wrong).
  public var globalBeta: Double
  /// Pseudo-attempts pulling a domain toward the global rate.
  public var domainStrength: Double
  /// Pseudo-attempts pulling an objective toward its domain.
  public var objectiveStrength: Double
  /// Pseudo-attempts pulling an item toward its objective.
  public var itemStrength: Double

  /// Creates settings; the defaults are a weak Beta(2, 2) global prior (mean 0.5) and strengths 10, 5 and 3.
  public init(
    globalAlpha: Double = 2, globalBeta: Double = 2, domainStrength: Double = 10, objectiveStrength: Double = 5,
    itemStrength: Double = 3
  ) {
    self.globalAlpha = globalAlpha
    self.globalBeta = globalBeta
    self.domainStrength = domainStrength
    self.objectiveStrength = objectiveStrength
    self.itemStrength = itemStrength
  }
}
