import Foundation

/// The learner's attempts folded per item, objective and domain, with the smoothed rates of ``PriorSettings``.
struct Evidence {
  struct Count {
    var correct = 0
    var total = 0
  }

  /// Per item: all attempts, and the first attempt's result (nil if never attempted).
  var itemAttempts: [Count]
  var itemFirst: [Bool?]
  /// Objective names in sorted order, and each item's objective index.
  let objectives: [String]
  let itemObjective: [Int]
  /// The domain of each objective (the domain of its first item).
  var objectiveDomain: [Int]
  /// First attempts and all attempts per objective.
  var objectiveFirst: [Count]
  var objectiveAll: [Count]
  /// First attempts per domain number.
  var domainFirst: [Int: Count] = [:]
  var globalFirst = Count()
  let settings: PriorSettings

  init(items: [ItemInfo], attempts: [AttemptSummary], settings: PriorSettings) {
    self.settings = settings
    var index = StringIndex(capacity: items.count)
    var first = [Int](repeating: 0, count: items.count)
    for (i, item) in items.enumerated() {
      let before = index.count
      let k = index.insert(item.id)
      if k == before { first[k] = i }
    }
    objectives = Self.sortedObjectives(Set(items.map(\.objective)))
    let objectiveIndex = Dictionary(uniqueKeysWithValues: objectives.enumerated().map { ($1, $0) })
    itemObjective = items.map { objectiveIndex[$0.objective]! }
    objectiveDomain = [Int](repeating: 0, count: objectives.count)
    for (i, item) in items.enumerated().reversed() { objectiveDomain[itemObjective[i]] = item.domain }
    itemAttempts = [Count](repeating: Count(), count: items.count)
    itemFirst = [Bool?](repeating: nil, count: items.count)
    objectiveFirst = [Count](repeating: Count(), count: objectives.count)
    objectiveAll = objectiveFirst
    for attempt in attempts {
      guard let k = index.find(attempt.itemID) else { continue }
      let i = first[k]
      let hit = attempt.firstCorrect ? 1 : 0
      let o = itemObjective[i]
      itemAttempts[i].total += attempt.total
      itemAttempts[i].correct += attempt.correct
      objectiveAll[o].total += attempt.total
      objectiveAll[o].correct += attempt.correct
      if itemFirst[i] == nil {
        itemFirst[i] = attempt.firstCorrect
        objectiveFirst[o].total += 1
        objectiveFirst[o].correct += hit
        domainFirst[items[i].domain, default: Count()].total += 1
        domainFirst[items[i].domain, default: Count()].correct += hit
        globalFirst.total += 1
        globalFirst.correct += hit
      }
    }
  }

  /// `names` in ``objectiveOrder(_:_:)``, each split once (not once per comparison).
  static func sortedObjectives(_ names: Set<String>) -> [String] {
    let keyed = names.map { name in (name, name.split(separator: ".").map { Int($0) }) }
    return keyed.sorted { a, b in
      for (p, q) in zip(a.1, b.1) where p != q {
        if let i = p, let j = q { return i < j }
        return objectiveOrder(a.0, b.0)
      }
      return a.1.count != b.1.count ? a.1.count < b.1.count : a.0 < b.0
    }.map(\.0)
  }

  /// Objectives like `3.1.10` sort numerically part by part.
  static func objectiveOrder(_ a: String, _ b: String) -> Bool {
    let x = a.split(separator: "."), y = b.split(separator: ".")
    for (p, q) in zip(x, y) where p != q {
      if let i = Int(p), let j = Int(q) { return i < j }
      return p < q
    }
    return x.count != y.count ? x.count < y.count : a < b
  }

  var globalRate: Double {
    (Double(globalFirst.correct) + settings.globalAlpha)
      / (Double(globalFirst.total) + settings.globalAlpha + settings.globalBeta)
  }

  func domainRate(_ domain: Int) -> Double {
    let c = domainFirst[domain] ?? Count()
    return (Double(c.correct) + settings.domainStrength * globalRate) / (Double(c.total) + settings.domainStrength)
  }

  /// The Beta posterior (a, b) of an objective's first-attempt rate.
  func objectivePosterior(_ o: Int) -> (a: Double, b: Double) {
    let prior = domainRate(objectiveDomain[o])
    let c = objectiveFirst[o]
    let s = settings.objectiveStrength
    return (Double(c.correct) + s * prior, Double(c.total - c.correct) + s * (1 - prior))
  }

  func objectiveRate(_ o: Int) -> Double {
    let (a, b) = objectivePosterior(o)
    return a / (a + b)
  }

  /// An item's rate given its objective's rate.
  func itemRate(_ i: Int, objectiveRate: Double) -> Double {
    let c = itemAttempts[i]
    let s = settings.itemStrength
    return (Double(c.correct) + s * objectiveRate) / (Double(c.total) + s)
  }

  /// Smoothed accuracy over all attempts of an objective, toward its domain's first-attempt rate.
  func objectiveAccuracySmoothed(_ o: Int) -> Double {
    let c = objectiveAll[o]
    let s = settings.objectiveStrength
    return (Double(c.correct) + s * domainRate(objectiveDomain[o])) / (Double(c.total) + s)
  }
}
