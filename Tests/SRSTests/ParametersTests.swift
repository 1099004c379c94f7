import Foundation
import SRS
import Testing

@Suite("Parameters")
struct ParametersTests {
  @Test func emptyVector_meansDefaults() throws {
    #expect(try Parameters([]) == Parameters.default)
  }

  @Test func nineteenValues_becomeFSRS6WithZeroW19AndDecayHalf() throws {
    let fsrs5 = Array(Parameters.defaultValues.prefix(19))
    let p = try Parameters(fsrs5)
    #expect(p.count == 21)
    #expect(Array(p.prefix(19)) == fsrs5)
    #expect(p[19] == 0)
    #expect(p[20] == 0.5)
  }

  @Test func seventeenValues_areConvertedLikeFsrsRs() throws {
    let v4 = [
      0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367, 1.0461, 2.1072, 0.0793,
      0.3246, 1.587, 0.2272, 2.8755,
    ]
    let p = try Parameters(v4)
    #expect(p.count == 21)
    #expect(abs(p[4] - (5.1618 + 2 * 1.2298)) < 1e-12)
    #expect(abs(p[5] - log(3 * 1.2298 + 1) / 3) < 1e-12)
    #expect(abs(p[6] - 1.3975) < 1e-12)
    #expect(Array(p.suffix(4)) == [0, 0, 0, 0.5])
    #expect(Array(p[7..<17]) == Array(v4[7..<17]))
  }

  @Test(arguments: [1, 16, 18, 20, 22])
  func otherLengths_areRejected(count: Int) {
    #expect(throws: ParameterError.invalidCount(count)) { try Parameters(Array(repeating: 1, count: count)) }
  }

  @Test func nonFiniteValue_isRejectedWithItsIndex() {
    var values = Parameters.defaultValues
    values[3] = .nan
    #expect(throws: ParameterError.nonFinite(index: 3)) { try Parameters(values) }
  }

  @Test func defaults_haveNoViolations() {
    #expect(Parameters.default.violations().isEmpty)
  }

  @Test func violations_reportIndexValueAndBounds() throws {
    var values = Parameters.defaultValues
    values[0] = 0
    values[20] = 0.9
    let p = try Parameters(values)
    #expect(
      p.violations() == [
        ParameterViolation(index: 0, value: 0, lowerBound: 0.001, upperBound: 100),
        ParameterViolation(index: 20, value: 0.9, lowerBound: 0.1, upperBound: 0.8),
      ])
    #expect(throws: ParameterError.outOfRange(p.violations())) { try p.validated() }
  }

  /// fsrs-rs `parameter_clipper_works`, extended to 21 values.
  @Test func clipped_clampsLikeFsrsRsClipParameters() throws {
    var values = Parameters.defaultValues
    values.replaceSubrange(0..<9, with: [0.0, -1000.0, 1000.0, 0.0, 1000.0, -1000.0, 1.0, 0.25, -0.1])
    let clipped = try Parameters(values).clipped()
    #expect(Array(clipped.prefix(9)) == [0.001, 0.001, 100.0, 0.001, 10.0, 0.001, 1.0, 0.25, 0.0])
    #expect(clipped.violations().isEmpty)
  }

  /// fsrs-rs `parameter_clipper_works_with_num_relearning_steps`: defaults keep w17…w19 with two steps.
  @Test func clippedWithTwoRelearningSteps_keepsDefaultW17ToW19() {
    let clipped = Parameters.default.clipped(numRelearningSteps: 2)
    #expect(Array(clipped[17...19]) == [0.5425, 0.0912, 0.0658])
  }

  @Test func clippedWithManyRelearningSteps_lowersW17W18Ceiling() throws {
    var values = Parameters.defaultValues
    values[17] = 2
    values[18] = 2
    let w = values
    let ceiling = min(max(-(log(w[11]) + log(pow(2, w[13]) - 1) + w[14] * 0.3) / 3, 0.01).squareRoot(), 2)
    let clipped = try Parameters(values).clipped(numRelearningSteps: 3)
    #expect(ceiling < 2)
    #expect(clipped[17] == ceiling)
    #expect(clipped[18] == ceiling)
  }

  @Test func clippedForShortTermTraining_floorsW19AtOneHundredth() throws {
    var values = Parameters.defaultValues
    values[19] = 0
    #expect(try Parameters(values).clipped(enableShortTerm: true)[19] == 0.01)
    #expect(try Parameters(values).clipped()[19] == 0)
  }

  @Test func codable_roundTripsAndConvertsOlderVectors() throws {
    let data = try JSONEncoder().encode(Parameters.default)
    #expect(try JSONDecoder().decode(Parameters.self, from: data) == Parameters.default)
    let fsrs5 = try JSONEncoder().encode(Array(Parameters.defaultValues.prefix(19)))
    #expect(try JSONDecoder().decode(Parameters.self, from: fsrs5).count == 21)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Parameters.self, from: Data("[1,2]".utf8)) }
  }

  @Test func fsrs5Parameters_giveDecayOneHalf() throws {
    let fsrs = FSRS(parameters: try Parameters(Array(Parameters.defaultValues.prefix(19))))
    #expect(fsrs.decay == -0.5)
    #expect(abs(fsrs.retrievability(elapsedDays: 10, stability: 10) - 0.9) < 1e-12)
  }
}
