import Foundation

/// The Adam optimiser (Kingma & Ba) as burn and fsrs-rs run it: β1 = 0.9, β2 = 0.999, ε = 1e-8, bias-corrected,
/// no weight decay.
struct Adam: Sendable {
  let beta1 = 0.9
  let beta2 = 0.999
  let epsilon = 1e-8
  private var m: [Double]
  private var v: [Double]
  private var t = 0

  init(count: Int) {
    m = Array(repeating: 0, count: count)
    v = Array(repeating: 0, count: count)
  }

  /// `w −= lr · m̂ / (√v̂ + ε)` with the running moments updated from `gradient`.
  mutating func step(_ w: inout [Double], gradient: [Double], learningRate: Double) {
    t += 1
    let c1 = 1 - pow(beta1, Double(t))
    let c2 = 1 - pow(beta2, Double(t))
    for i in w.indices {
      m[i] = beta1 * m[i] + (1 - beta1) * gradient[i]
      v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i]
      let mHat = m[i] / c1
      let vHat = v[i] / c2
      w[i] -= learningRate * mHat / (vHat.squareRoot() + epsilon)
    }
  }
}

/// fsrs-rs `CosineAnnealingLR` with η_min = 0: step `k` (from 1) uses `lr · (1 + cos(π·k/T)) / 2`,
/// the closed form of its recursive update.
struct CosineAnnealing: Sendable {
  let initial: Double
  let period: Double
  private var stepCount = 0.0

  init(initial: Double, period: Double) {
    self.initial = initial
    self.period = period
  }

  /// Advances one step and returns its learning rate.
  mutating func step() -> Double {
    stepCount += 1
    return initial * (1 + cos(Double.pi * stepCount / period)) / 2
  }
}
