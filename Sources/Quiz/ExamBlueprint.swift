import Content
import Core

/// The shape of a mock exam: how many items per domain, how many of them are unscored, and the time.
public struct ExamBlueprint: Sendable, Equatable, Codable {
  /// Items per domain number (scored and unscored together).
  public var items: [Int: Int]
  /// Items that do not count (AWS trials future questions this way; the learner cannot tell them
  /// apart), spread over the domains in proportion to their items.
  public var unscored: Int
  public var minutes: Int

  /// AIF-C01: 65 questions split 13/16/18/9/9 by the domain weights 20/24/28/14/14 %, of which 15
  /// are unscored (3/4/4/2/2), leaving 50 scored (10/12/14/7/7 — the weights exactly), in 90 minutes.
  public static let aifC01 = ExamBlueprint(items: [1: 13, 2: 16, 3: 18, 4: 9, 5: 9], unscored: 15, minutes: 90)

  public var total: Int { items.values.reduce(0, +) }

  /// Unscored items per domain: proportional, largest remainders first.
  public var unscoredByDomain: [Int: Int] {
    var quota: [Int: Int] = [:]
    var remainders: [(Int, Double)] = []
    for (domain, count) in items {
      let exact = Double(unscored) * Double(count) / Double(total)
      quota[domain] = Int(exact)
      remainders.append((domain, exact - Double(Int(exact))))
    }
    var left = unscored - quota.values.reduce(0, +)
    for (domain, _) in remainders.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }) where left > 0 {
      quota[domain, default: 0] += 1
      left -= 1
    }
    return quota
  }

  /// Scored items per domain.
  public var scoredByDomain: [Int: Int] {
    let unscored = unscoredByDomain
    return items.mapValues { $0 }.reduce(into: [:]) { $0[$1.key] = $1.value - (unscored[$1.key] ?? 0) }
  }
}

/// One question of an exam: a bank item, or one question of a case study (kept next to its
/// siblings), and whether it counts for the score.
public struct ExamSlot: Sendable, Equatable, Codable {
  public var itemID: String
  /// For a case-study question, the case study's id.
  public var caseID: String?
  public var domain: Int
  public var scored: Bool
}

/// Draws an exam from the bank by the blueprint: per domain, case studies (as whole units) and
/// single items chosen with the seed; unscored items drawn the same way from what is left, in
/// proportion to the domain weights; then every unit shuffled into one order.
public enum ExamAssembler {
  public enum Failure: Error, Equatable {
    /// The bank has too few items for a domain.
    case notEnoughItems(domain: Int, needed: Int, available: Int)
  }

  struct Unit {
    var slots: [ExamSlot]
    var domain: Int
  }

  static func units(_ items: [QuizItem]) -> [Int: [Unit]] {
    var byDomain: [Int: [Unit]] = [:]
    for item in items {
      if item.type == .caseStudy {
        let slots = item.questions.map {
          ExamSlot(itemID: $0.id, caseID: item.id, domain: item.domain, scored: true)
        }
        guard !slots.isEmpty else { continue }
        byDomain[item.domain, default: []].append(Unit(slots: slots, domain: item.domain))
      } else {
        byDomain[item.domain, default: []].append(
          Unit(slots: [ExamSlot(itemID: item.id, caseID: nil, domain: item.domain, scored: true)], domain: item.domain))
      }
    }
    // A stable base order, so a seed always gives the same exam.
    for key in byDomain.keys { byDomain[key]!.sort { $0.slots[0].itemID < $1.slots[0].itemID } }
    return byDomain
  }

  /// Takes units totalling exactly `count` questions from `pool` (shuffled), removing them.
  static func take(_ count: Int, from pool: inout [Unit], using random: inout SeededGenerator) -> [Unit]? {
    pool.shuffle(using: &random)
    var chosen: [Unit] = []
    var remaining = count
    var singlesLeft = pool.count { $0.slots.count == 1 }
    var kept: [Unit] = []
    kept.reserveCapacity(pool.count)
    for unit in pool {
      let size = unit.slots.count
      // A case study only when enough single items remain to finish the domain exactly.
      if remaining > 0 && size <= remaining && (size == 1 || singlesLeft >= remaining - size) {
        remaining -= size
        if size == 1 { singlesLeft -= 1 }
        chosen.append(unit)
      } else {
        kept.append(unit)
      }
    }
    pool = kept
    return remaining == 0 ? chosen : nil
  }

  public static func assemble(
    bank: [QuizItem], blueprint: ExamBlueprint = .aifC01, seed: UInt64
  ) throws(Failure) -> [ExamSlot] {
    var random = SeededGenerator(seed: seed)
    let pools = units(bank)
    var chosen: [Unit] = []
    let unscoredQuota = blueprint.unscoredByDomain
    for domain in blueprint.items.keys.sorted() {
      let needed = blueprint.items[domain]!
      var pool = pools[domain] ?? []
      guard var units = take(needed, from: &pool, using: &random) else {
        throw .notEnoughItems(domain: domain, needed: needed, available: (pools[domain] ?? []).count)
      }
      // Unscored items are single items of the domain, picked with the seed.
      let singles = units.indices.filter { units[$0].slots.count == 1 }.shuffled(using: &random)
      let quota = unscoredQuota[domain] ?? 0
      guard singles.count >= quota else {
        throw .notEnoughItems(domain: domain, needed: quota, available: singles.count)
      }
      for index in singles.prefix(quota) { units[index].slots[0].scored = false }
      chosen += units
    }
    chosen.shuffle(using: &random)
    return chosen.flatMap(\.slots)
  }
}
