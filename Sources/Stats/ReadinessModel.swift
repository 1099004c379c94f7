import Core
import Foundation
import SRS

/// The precomputed per-domain item arrays and the Monte Carlo of ``Readiness``.
struct ReadinessModel {
  struct Item {
    /// `logit R` on the target day, or `nil` without FSRS memory.
    var memoryLogit: Double?
    var guess: Double
    /// Objective index (real objectives first, then one pseudo-objective per blueprint domain for padding).
    var objective: Int
    /// Index into the evidence's items, or -1 for a virtual item.
    var evidenceIndex: Int
  }

  struct Domain {
    var number: Int
    var name: String
    var questions: Int
    var items: [Item]
    var realItems: Int
    var withMemory: Int
  }

  let input: StatsInput
  let options: ReadinessOptions
  let evidence: Evidence
  let targetDay: Int
  let examDateInPast: Bool
  var domains: [Domain] = []
  /// Beta posteriors of real objectives then the per-domain pseudo-objectives.
  var posteriors: [(a: Double, b: Double)] = []
  var notes: [String] = []

  init(input: StatsInput, options: ReadinessOptions) {
    self.input = input
    self.options = options
    let context = input.context
    evidence = Evidence(items: input.items, attempts: input.attemptSummaries, settings: options.priors)
    let today = context.today
    if let exam = context.examDate {
      let day = Stats.dayIndex(of: exam)
      examDateInPast = day < today
      targetDay = max(day, today)
      if examDateInPast {
        notes.append("The exam date \(exam) is in the past; readiness is computed for today.")
      }
    } else {
      examDateInPast = false
      targetDay = today
      notes.append("No exam date is set; readiness is computed as if the exam were today.")
    }
    posteriors = evidence.objectives.indices.map { evidence.objectivePosterior($0) }
    buildDomains()
  }

  private mutating func buildDomains() {
    let context = input.context
    let fsrs = FSRS(parameters: context.parameters)
    var memory: [String: Double] = [:]
    memory.reserveCapacity(input.cards.count)
    for card in input.cards where card.hasMemory {
      let t = max(0, targetDay - context.day(card.lastReview!))
      memory[card.id] = fsrs.retrievability(elapsedDays: Double(t), stability: card.stability!)
    }
    var byDomain: [Int: [Item]] = [:]
    for (i, item) in input.items.enumerated() {
      let r = item.cardID.flatMap { memory[$0] }
      byDomain[item.domain, default: []].append(
        Item(
          memoryLogit: r.map(Sampling.logit), guess: item.guessProbability, objective: evidence.itemObjective[i],
          evidenceIndex: i))
    }
    for spec in context.blueprint.domains {
      var items = byDomain[spec.number] ?? []
      let real = items.count
      let withMemory = items.count { $0.memoryLogit != nil }
      // The domain's pseudo-objective: its first-attempt rate, Beta(c + s·μ_g, n − c + s·(1 − μ_g)).
      let pseudo = posteriors.count
      let c = evidence.domainFirst[spec.number] ?? Evidence.Count()
      let s = options.priors.domainStrength
      let mu = evidence.globalRate
      posteriors.append((Double(c.correct) + s * mu, Double(c.total - c.correct) + s * (1 - mu)))
      if real < spec.scoredQuestions {
        let guess = real == 0 ? 0.25 : items.reduce(0) { $0 + $1.guess } / Double(real)
        for _ in real..<spec.scoredQuestions {
          items.append(Item(memoryLogit: nil, guess: guess, objective: pseudo, evidenceIndex: -1))
        }
        notes.append(
          "Domain \(spec.number) has \(real) item\(real == 1 ? "" : "s") for \(spec.scoredQuestions) questions; "
            + "the rest are modelled at the domain's accuracy.")
      }
      domains.append(
        Domain(
          number: spec.number, name: spec.name, questions: spec.scoredQuestions, items: items, realItems: real,
          withMemory: withMemory))
    }
  }

  /// The rate (probability of a right answer) of an item without memory.
  @inline(__always)
  func priorRate(_ item: Item, rates: [Double]) -> Double {
    item.evidenceIndex >= 0
      ? evidence.itemRate(item.evidenceIndex, objectiveRate: rates[item.objective]) : rates[item.objective]
  }

  /// The knowledge a rate implies once guessing is taken out: `max(0, (r − g)/(1 − g))`.
  @inline(__always)
  static func knowledge(rate: Double, guess: Double) -> Double {
    guess < 1 ? min(1, max(0, (rate - guess) / (1 - guess))) : 1
  }

  func run() -> Readiness {
    let blueprint = input.context.blueprint
    let passMark = blueprint.passMark
    let questions = blueprint.scoredQuestions
    let worlds = max(1, options.worlds)
    let draws = max(1, options.drawsPerWorld)
    var g = SeededGenerator(seed: options.seed)
    // Flat arrays for the hot loop: items of all domains back to back, and one permutation per domain.
    let flat = domains.flatMap(\.items)
    var offsets: [Int] = []
    var start = 0
    for domain in domains {
      offsets.append(start)
      start += domain.items.count
    }
    let spans = domains.indices.map { (offset: offsets[$0], count: domains[$0].items.count, n: domains[$0].questions) }
    var perm = [Int](0..<flat.count)
    var buffer = [Double](repeating: 0, count: max(questions, 1))
    var dp = [Double](repeating: 0, count: questions + 2)
    var worldProbabilities: [Double] = []
    worldProbabilities.reserveCapacity(worlds)
    var sumScore = 0.0
    var sumScoreSquared = 0.0
    var rates = [Double](repeating: 0, count: posteriors.count)
    for _ in 0..<worlds {
      let delta = options.memoryLogitSD * Sampling.normal(&g)
      for o in posteriors.indices { rates[o] = Sampling.beta(posteriors[o].a, posteriors[o].b, &g) }
      var worldSum = 0.0
      for _ in 0..<draws {
        let epsilon = options.dayEffectSD * Sampling.normal(&g)
        var filled = 0
        var mean = 0.0
        var variance = 0.0
        perm.withUnsafeMutableBufferPointer { perm in
          buffer.withUnsafeMutableBufferPointer { buffer in
            flat.withUnsafeBufferPointer { flat in
              for span in spans {
                for t in 0..<span.n {
                  // Partial Fisher–Yates within the domain's slice: a uniform draw without replacement.
                  let a = span.offset + t
                  let b = a + Sampling.index(span.count - t, &g)
                  perm.swapAt(a, b)
                  let item = flat[perm[a]]
                  let p: Double
                  if let logit = item.memoryLogit {
                    let k = Sampling.logistic(logit + delta + epsilon)
                    p = k + (1 - k) * item.guess
                  } else {
                    // A rate already includes guessing: the day effect moves it on its own logit.
                    p = Sampling.logistic(Sampling.logit(priorRate(item, rates: rates)) + epsilon)
                  }
                  buffer[filled] = p
                  filled += 1
                  mean += p
                  variance += p * (1 - p)
                }
              }
            }
          }
        }
        let tail = buffer.withUnsafeBufferPointer {
          Sampling.tail(UnsafeBufferPointer(rebasing: $0[0..<filled]), atLeast: passMark, dp: &dp)
        }
        worldSum += tail
        sumScore += mean
        sumScoreSquared += variance + mean * mean
      }
      worldProbabilities.append(worldSum / Double(draws))
    }
    let n = Double(worlds * draws)
    let probability = worldProbabilities.reduce(0, +) / Double(worlds)
    let expected = sumScore / n
    let scoreVariance = max(sumScoreSquared / n - expected * expected, 1e-9)
    let spread = worldProbabilities.reduce(0) { $0 + ($1 - probability) * ($1 - probability) }
    let standardError = worlds > 1 ? (spread / Double(worlds - 1) / Double(worlds)).squareRoot() : 0
    let sorted = worldProbabilities.sorted()
    let low = Sampling.quantile(sorted, options.bandLow) ?? probability
    let high = Sampling.quantile(sorted, options.bandHigh) ?? probability
    let pointRates = posteriors.map { $0.a / ($0.a + $0.b) }
    let domainResults = domains.map { domain in
      let ps = domain.items.map { pointProbability($0, pointRates) }
      let mean = ps.isEmpty ? 0 : ps.reduce(0, +) / Double(ps.count)
      return Readiness.DomainReadiness(
        domain: domain.number, name: domain.name, scoredQuestions: domain.questions, items: domain.realItems,
        itemsWithMemory: domain.withMemory, meanProbability: mean, expectedCorrect: mean * Double(domain.questions))
    }
    let gains = topGains(
      rates: pointRates, expected: expected, sd: scoreVariance.squareRoot(), passMark: passMark)
    let confidence = confidenceLevel(bandWidth: high - low)
    var notes = self.notes
    if evidence.globalFirst.total == 0 && domains.allSatisfy({ $0.withMemory == 0 }) {
      notes.append("No study history yet: the estimate rests on priors only.")
    }
    let scaled = Stats.estimatedScaledScore(
      fraction: questions == 0 ? 0 : expected / Double(questions), cut: blueprint.passingFraction)
    return Readiness(
      targetDay: Stats.calendarDay(ofIndex: targetDay), examDateSet: input.context.examDate != nil,
      examDateInPast: examDateInPast,
      probability: probability, low: min(low, probability), high: max(high, probability),
      standardError: standardError, expectedCorrect: expected, scoredQuestions: questions, passMark: passMark,
      expectedScaledScore: scaled, domains: domainResults, topObjectives: gains, confidence: confidence,
      notes: notes, advice: advice(probability: probability, confidence: confidence, gains: gains))
  }

  /// `p_i` with no day effect, no FSRS error and posterior-mean rates; with `floor`, knowledge raised to it.
  func pointProbability(_ item: Item, _ rates: [Double], raiseTo floor: Double? = nil) -> Double {
    guard let logit = item.memoryLogit else {
      let rate = priorRate(item, rates: rates)
      guard let floor else { return rate }
      let k = max(Self.knowledge(rate: rate, guess: item.guess), floor)
      return max(rate, k + (1 - k) * item.guess)
    }
    var k = Sampling.logistic(logit)
    if let floor { k = max(k, floor) }
    return k + (1 - k) * item.guess
  }

  func topGains(rates: [Double], expected: Double, sd: Double, passMark: Int) -> [Readiness.ObjectiveGain] {
    let target = input.context.desiredRetention
    var shift = [Double](repeating: 0, count: evidence.objectives.count)
    for domain in domains where !domain.items.isEmpty {
      let weight = Double(domain.questions) / Double(domain.items.count)
      for item in domain.items where item.evidenceIndex >= 0 {
        let now = pointProbability(item, rates)
        let raised = pointProbability(item, rates, raiseTo: target)
        shift[item.objective] += weight * (raised - now)
      }
    }
    let base = Sampling.normalCDF((expected - Double(passMark) + 0.5) / sd)
    var gains: [Readiness.ObjectiveGain] = []
    for (o, delta) in shift.enumerated() where delta > 1e-9 {
      let gain = Sampling.normalCDF((expected + delta - Double(passMark) + 0.5) / sd) - base
      let name = evidence.objectives[o]
      gains.append(
        Readiness.ObjectiveGain(
          objective: name, domain: evidence.objectiveDomain[o], gain: gain, command: "quiz --objective \(name)"))
    }
    gains.sort { $0.gain != $1.gain ? $0.gain > $1.gain : Evidence.objectiveOrder($0.objective, $1.objective) }
    return Array(gains.prefix(3))
  }

  /// Low: under a fifth of the items have memory or attempts, or the band is wider than 0.4.
  /// High: at least 70 % covered and a band at most 0.2 wide. Medium otherwise.
  func confidenceLevel(bandWidth: Double) -> Readiness.Confidence {
    let real = domains.reduce(0) { $0 + $1.realItems }
    guard real > 0 else { return .low }
    var covered = 0
    for domain in domains {
      for item in domain.items where item.evidenceIndex >= 0 {
        if item.memoryLogit != nil || evidence.itemAttempts[item.evidenceIndex].total > 0 { covered += 1 }
      }
    }
    let coverage = Double(covered) / Double(real)
    if coverage < 0.2 || bandWidth > 0.4 { return .low }
    if coverage >= 0.7 && bandWidth <= 0.2 { return .high }
    return .medium
  }

  func advice(probability: Double, confidence: Readiness.Confidence, gains: [Readiness.ObjectiveGain]) -> String {
    let focus = gains.first.map { " Focus next on objective \($0.objective) ('\($0.command)')." } ?? ""
    if confidence == .low && probability < 0.8 {
      return "Too little history to judge yet: keep up with 'review' and try questions with 'quiz'." + focus
    }
    switch probability {
    case 0.8...: return "On track to pass: keep your reviews up to date and take a mock 'exam' to confirm." + focus
    case 0.5..<0.8: return "Close to passing, not there yet." + focus
    default: return "Not ready yet: study the weak objectives and keep up with 'review'." + focus
    }
  }
}
