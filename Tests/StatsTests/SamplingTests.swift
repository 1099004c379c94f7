import Core
import Foundation
import PropertyBased
import Testing

@testable import Stats

@Suite("Sampling helpers")
struct SamplingTests {
  @Test("the Poisson-binomial tail equals brute-force enumeration")
  func tailMatchesEnumeration() async {
    await propertyCheck(count: 100, input: Gen.double(in: 0...1).array(of: 1...8), Gen.int(in: 0...9)) { ps, k in
      var exact = 0.0
      for mask in 0..<(1 << ps.count) {
        var probability = 1.0
        var right = 0
        for (i, p) in ps.enumerated() {
          if mask & (1 << i) != 0 {
            probability *= p
            right += 1
          } else {
            probability *= 1 - p
          }
        }
        if right >= k { exact += probability }
      }
      var dp = [Double](repeating: 0, count: ps.count + 2)
      let tail = ps.withUnsafeBufferPointer { Sampling.tail($0, atLeast: k, dp: &dp) }
      #expect(abs(tail - exact) < 1e-12)
    }
  }

  @Test("Beta draws have the right mean; quantiles interpolate")
  func betaAndQuantiles() {
    var g = SeededGenerator(seed: 3)
    let draws = (0..<20_000).map { _ in Sampling.beta(2, 6, &g) }
    #expect(abs(draws.reduce(0, +) / 20_000 - 0.25) < 0.005)
    #expect(draws.allSatisfy { (0...1).contains($0) })
    #expect(Sampling.quantile([1, 2, 3, 4, 5], 0.5) == 3)
    #expect(Sampling.quantile([1, 2], 0.25) == 1.25)
    #expect(Sampling.quantile([], 0.5) == nil)
  }

  @Test("the string index finds what it inserted, through growth")
  func stringIndex() {
    var index = StringIndex(capacity: 2)
    let keys = (0..<500).map { "card-\($0)-" + String(repeating: "x", count: $0 % 30) }
    for (i, key) in keys.enumerated() { #expect(index.insert(key) == i) }
    for (i, key) in keys.enumerated() { #expect(index.find(key) == i) }
    #expect(index.insert(keys[7]) == 7)
    #expect(index.find("missing") == nil)
    #expect(index.count == 500)
  }
}
