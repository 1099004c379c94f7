import Foundation
import SRS
import Testing

@Suite("Golden function tables (py-fsrs 6.3.2)")
struct GoldenFunctionTests {
  let tables: GoldenFixture.Functions
  let fsrs = FSRS()

  init() throws {
    tables = try GoldenFixture.shared().functions
  }

  @Test func constants_matchDefaultsBoundsDecayAndFactor() {
    let c = tables.constants
    #expect(Parameters.defaultValues == c.defaultParameters)
    #expect(Parameters.lowerBounds == c.lowerBounds)
    #expect(Parameters.upperBounds == c.upperBounds)
    #expect(fsrs.decay == c.decay)
    #expect(relativelyEqual(fsrs.factor, c.factor))
    #expect(FSRS.minimumStability == c.stabilityMin)
    #expect(FSRS.minimumDifficulty == c.difficultyMin)
    #expect(FSRS.maximumDifficulty == c.difficultyMax)
  }

  @Test func initialStabilityAndDifficulty_matchEveryRating() throws {
    #expect(tables.initial.count == 4)
    for row in tables.initial {
      let rating = try #require(Rating(rawValue: row.rating))
      #expect(relativelyEqual(fsrs.initialStability(rating), row.stability))
      #expect(relativelyEqual(fsrs.initialDifficulty(rating), row.difficulty))
      #expect(relativelyEqual(fsrs.initialDifficulty(rating, clamp: false), row.difficultyUnclamped))
    }
  }

  @Test func retrievabilityCurves_matchForEveryDecay() throws {
    #expect(tables.retrievability.count == 4)
    for curve in tables.retrievability {
      var values = Parameters.defaultValues
      values[20] = curve.w20
      let model = FSRS(parameters: try Parameters(values))
      #expect(model.decay == curve.decay)
      #expect(relativelyEqual(model.factor, curve.factor))
      for point in curve.points {
        let r = model.retrievability(elapsedDays: Double(point.tDays), stability: point.s)
        #expect(relativelyEqual(r, point.r), "w20 \(curve.w20) S \(point.s) t \(point.tDays)")
      }
      for point in curve.libraryCheck {
        let r = model.retrievability(elapsedDays: Double(point.tDays), stability: point.s)
        #expect(relativelyEqual(r, point.rLibrary))
      }
    }
  }

  @Test func nextInterval_matchesRawAndRoundedDays() {
    #expect(tables.nextInterval.count == 77)
    for row in tables.nextInterval {
      let raw = fsrs.rawInterval(stability: row.s, desiredRetention: row.desiredRetention)
      #expect(relativelyEqual(raw, row.rawDays), "r \(row.desiredRetention) S \(row.s)")
      let days = fsrs.interval(stability: row.s, desiredRetention: row.desiredRetention, maximumInterval: 36_500)
      #expect(days == row.intervalDays, "r \(row.desiredRetention) S \(row.s)")
    }
  }

  @Test func fsrsRsIntervalTable_rawValuesMatchPyFSRS() {
    let table = tables.fsrsRsNextIntervalS1
    for (r, raw) in zip(table.desiredRetention, table.pyFsrsRaw) {
      let got = fsrs.rawInterval(stability: 1, desiredRetention: r)
      #expect(relativelyEqual(got, raw) || abs(got - raw) < 1e-12, "r \(r)")
    }
  }

  @Test func nextDifficulty_matchesEveryDifficultyAndRating() throws {
    #expect(tables.nextDifficulty.count == 32)
    for row in tables.nextDifficulty {
      let rating = try #require(Rating(rawValue: row.rating))
      #expect(relativelyEqual(fsrs.nextDifficulty(row.d, rating: rating), row.nextD), "D \(row.d) G \(row.rating)")
    }
  }

  @Test func longTermStability_matchesAllRows() throws {
    #expect(tables.nextStabilityLongTerm.count == 192)
    for row in tables.nextStabilityLongTerm {
      let rating = try #require(Rating(rawValue: row.rating))
      let s = fsrs.nextStability(stability: row.s, difficulty: row.d, retrievability: row.r, rating: rating)
      #expect(relativelyEqual(s, row.nextS), "D \(row.d) S \(row.s) R \(row.r) G \(row.rating)")
    }
  }

  @Test func shortTermStability_matchesAllRows() throws {
    #expect(tables.shortTermStability.count == 20)
    for row in tables.shortTermStability {
      let rating = try #require(Rating(rawValue: row.rating))
      #expect(relativelyEqual(fsrs.shortTermStability(row.s, rating: rating), row.nextS), "S \(row.s) G \(row.rating)")
    }
  }

  @Test func fuzzBounds_matchPyFSRSRangeForEveryInterval() throws {
    let rows = try GoldenFixture.shared().fuzz.rows
    #expect(rows.count == 14)
    for row in rows {
      #expect(relativelyEqual(FuzzBounds.rawDelta(forInterval: Double(row.intervalDays)), row.delta))
      let bounds = FuzzBounds.pyFSRS(intervalDays: row.intervalDays, maximumInterval: 36_500)
      #expect(bounds == FuzzBounds(lower: row.minIvl, upper: row.maxIvl), "ivl \(row.intervalDays)")
    }
  }

  /// Where fuzz applies (≥ 3 days), Anki's bounds equal py-fsrs'; only the draw differs (py-fsrs can reach max+1).
  @Test func ankiFuzzBounds_equalPyFSRSBoundsWhereFuzzApplies() throws {
    for row in try GoldenFixture.shared().fuzz.rows where row.intervalDays >= 3 {
      let anki = FuzzBounds(interval: Double(row.intervalDays), minimum: 1, maximum: 36_500)
      #expect(anki == FuzzBounds(lower: row.minIvl, upper: row.maxIvl), "ivl \(row.intervalDays)")
      #expect(row.observedMax == row.maxIvl + 1, "py-fsrs quirk recorded for ivl \(row.intervalDays)")
      #expect(anki.draw(factor: 0.999_999_9) == row.maxIvl)
    }
  }
}
