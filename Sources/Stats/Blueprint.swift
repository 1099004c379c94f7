/// The shape of the real exam as readiness models it: scored questions per domain and the pass mark.
public struct Blueprint: Sendable, Hashable, Codable {
  /// One exam domain.
  public struct Domain: Sendable, Hashable, Codable {
    /// Domain number (1…5 for AIF-C01).
    public var number: Int
    /// Domain title.
    public var name: String
    /// Scored questions drawn from this domain.
    public var scoredQuestions: Int

    /// Creates a domain.
    public init(number: Int, name: String, scoredQuestions: Int) {
      self.number = number
      self.name = name
      self.scoredQuestions = scoredQuestions
    }
  }

  /// The domains in number order.
  public var domains: [Domain]
  /// Fraction of scored questions needed to pass. fmlab's **estimate**: AWS publishes only the scaled pass mark
  /// (700 of 100–1000), not the raw cut; 0.72 is the assumption the quiz module's `ExamScore` also makes.
  public var passingFraction: Double

  /// Creates a blueprint.
  public init(domains: [Domain], passingFraction: Double = 0.72) {
    self.domains = domains.sorted { $0.number < $1.number }
    self.passingFraction = passingFraction
  }

  /// AIF-C01: 50 scored questions split 10/12/14/7/7 by the domain weights 20/24/28/14/14 %
  /// (the 15 unscored questions do not count and are left out).
  public static let aifC01 = Blueprint(domains: [
    Domain(number: 1, name: "Fundamentals of AI and ML", scoredQuestions: 10),
    Domain(number: 2, name: "Fundamentals of Generative AI", scoredQuestions: 12),
    Domain(number: 3, name: "Applications of Foundation Models", scoredQuestions: 14),
    Domain(number: 4, name: "Guidelines for Responsible AI", scoredQuestions: 7),
    Domain(number: 5, name: "Security, Compliance, and Governance for AI Solutions", scoredQuestions: 7),
  ])

  /// Scored questions in total.
  public var scoredQuestions: Int { domains.reduce(0) { $0 + $1.scoredQuestions } }

  /// Correct answers needed to pass: `ceil(passingFraction × scoredQuestions)` (36 of 50 at 0.72).
  public var passMark: Int {
    Int((passingFraction * Double(scoredQuestions) - 1e-9).rounded(.up))
  }

  /// The name of domain `number`, or `"Domain n"`.
  public func name(of number: Int) -> String {
    domains.first { $0.number == number }?.name ?? "Domain \(number)"
  }
}
