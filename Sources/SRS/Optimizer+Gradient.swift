import Foundation

/// Hand-derived reverse-mode differentiation of the fsrs-rs training forward pass.
///
/// The forward pass replays an item's history as fsrs-rs `Model::step` does (S clamped to [0.001, 36500], D to
/// [1, 10], same-day path when Δt = 0, `min` between the lapse formula and `S/e^(w17·w18)`), recording each step's
/// local Jacobian on a tape. The backward pass walks the tape from the prediction to the first review,
/// accumulating `∂loss/∂w`. Clamps that bind block the gradient, as in burn.
struct GradientWorkspace: Sendable {
  /// Per step: ∂S'/∂w0…w20, ∂S'/∂S, ∂S'/∂D, ∂D'/∂D, ∂D'/∂w4…w7.
  static let stride = 28
  static let sMin = 0.001
  static let sMax = 36_500.0
  static let probabilityEpsilon = 1e-9
  private(set) var tape: [Double] = []

  init() {}

  /// `−[y·ln p + (1−y)·ln(1−p)]` with `p` kept away from 0 and 1.
  @inline(__always)
  static func bce(_ p: Double, label: Double) -> Double {
    let q = min(max(p, probabilityEpsilon), 1 - probabilityEpsilon)
    return -(label * log(q) + (1 - label) * log(1 - q))
  }

  /// Forgetting curve `R = (1 + FACTOR·t/S)^DECAY` with `∂R/∂S` and `∂R/∂w20`.
  @inline(__always)
  static func curve(t: Double, s: Double, w20: Double) -> (r: Double, dS: Double, dW20: Double) {
    let decay = -w20
    let ninth = pow(0.9, 1 / decay)
    let factor = ninth - 1
    let dFactor = ninth * log(0.9) * (-1 / (decay * decay))
    let base = 1 + factor * t / s
    let r = pow(base, decay)
    let dBase = decay * r / base
    let dDecay = r * log(base) + dBase * (t / s) * dFactor
    return (r, dBase * (-factor * t / (s * s)), -dDecay)
  }

  /// The predicted recall of an item (forward pass only).
  static func predict(
    w: UnsafeBufferPointer<Double>, ratings: ArraySlice<Int>, deltas: ArraySlice<Double>, finalDelta: Double
  ) -> Double {
    var workspace = GradientWorkspace()
    return ratings.withUnsafeBufferPointer { rp in
      deltas.withUnsafeBufferPointer { dp in
        workspace.forward(w: w, ratings: rp, deltas: dp, record: false)?.s
      }
    }.map { curve(t: finalDelta, s: $0, w20: w[20]).r } ?? 0.5
  }

  /// Weighted BCE of one item; adds its gradient into `gradient`.
  static func itemLossAndGradient(
    w: UnsafeBufferPointer<Double>, ratings: UnsafeBufferPointer<Int>, deltas: UnsafeBufferPointer<Double>,
    finalDelta: Double, label: Double, weight: Double, gradient: UnsafeMutableBufferPointer<Double>,
    workspace: inout GradientWorkspace
  ) -> Double {
    guard let state = workspace.forward(w: w, ratings: ratings, deltas: deltas, record: true) else { return 0 }
    let (p, dPdS, dPdW20) = curve(t: finalDelta, s: state.s, w20: w[20])
    let loss = bce(p, label: label) * weight
    let inside = p > probabilityEpsilon && p < 1 - probabilityEpsilon
    let dLdP = inside ? -weight * (label / p - (1 - label) / (1 - p)) : 0
    gradient[20] += dLdP * dPdW20
    var gS = dLdP * dPdS
    var gD = 0.0
    workspace.tape.withUnsafeBufferPointer { tape in
      var step = ratings.count - 1
      while step >= 1 {
        let base = (step - 1) * stride
        for k in 0..<21 { gradient[k] += gS * tape[base + k] }
        gradient[4] += gD * tape[base + 24]
        gradient[5] += gD * tape[base + 25]
        gradient[6] += gD * tape[base + 26]
        gradient[7] += gD * tape[base + 27]
        let newGS = gS * tape[base + 21]
        gD = gS * tape[base + 22] + gD * tape[base + 23]
        gS = newGS
        step -= 1
      }
    }
    // First review: S0 = w[g−1], D0 = w4 − e^(w5·(g−1)) + 1.
    let g = ratings[0]
    if state.s0Passed { gradient[g - 1] += gS }
    if state.d0Passed {
      gradient[4] += gD
      gradient[5] += gD * -(Double(g - 1) * exp(w[5] * Double(g - 1)))
    }
    return loss
  }

  /// Replays the history; with `record`, stores one Jacobian block per step after the first.
  mutating func forward(
    w: UnsafeBufferPointer<Double>, ratings: UnsafeBufferPointer<Int>, deltas: UnsafeBufferPointer<Double>,
    record: Bool
  ) -> (s: Double, d: Double, s0Passed: Bool, d0Passed: Bool)? {
    guard let g0 = ratings.first else { return nil }
    let steps = ratings.count - 1
    if record {
      if tape.count < steps * Self.stride { tape = Array(repeating: 0, count: steps * Self.stride) }
    }
    var s = w[g0 - 1]
    let s0Passed = s >= Self.sMin && s <= Self.sMax
    s = min(max(s, Self.sMin), Self.sMax)
    let rawD0 = w[4] - exp(w[5] * Double(g0 - 1)) + 1
    let d0Passed = rawD0 >= 1 && rawD0 <= 10
    var d = min(max(rawD0, 1), 10)
    let easyD0 = w[4] - exp(3 * w[5]) + 1
    let dEasyD0dW5 = -3 * exp(3 * w[5])
    tape.withUnsafeMutableBufferPointer { tape in
      for step in 0..<steps {
        let g = ratings[step + 1]
        let t = deltas[step + 1]
        let base = step * Self.stride
        if record { for k in 0..<Self.stride { tape[base + k] = 0 } }
        // Stability.
        var newS: Double
        if t == 0 {
          let raw = exp(w[17] * (Double(g - 3) + w[18])) * pow(s, -w[19])
          let floored = g >= 2 && raw < 1
          newS = s * (floored ? 1 : raw)
          if record {
            if floored {
              tape[base + 21] = 1
            } else {
              tape[base + 21] = raw * (1 - w[19])
              tape[base + 17] = newS * (Double(g - 3) + w[18])
              tape[base + 18] = newS * w[17]
              tape[base + 19] = newS * -log(s)
            }
          }
        } else {
          let (r, dRdS, dRdW20) = Self.curve(t: t, s: s, w20: w[20])
          if g == 1 {
            let dPow = pow(d, -w[12])
            let sPow = pow(s + 1, w[13])
            let e14 = exp((1 - r) * w[14])
            let lapse = w[11] * dPow * (sPow - 1) * e14
            let shortTermCap = s / exp(w[17] * w[18])
            if shortTermCap < lapse {
              newS = shortTermCap
              if record {
                tape[base + 21] = 1 / exp(w[17] * w[18])
                tape[base + 17] = -shortTermCap * w[18]
                tape[base + 18] = -shortTermCap * w[17]
              }
            } else {
              newS = lapse
              if record {
                let dR = lapse * -w[14]
                tape[base + 11] = dPow * (sPow - 1) * e14
                tape[base + 12] = lapse * -log(d)
                tape[base + 13] = w[11] * dPow * sPow * log(s + 1) * e14
                tape[base + 14] = lapse * (1 - r)
                tape[base + 20] = dR * dRdW20
                tape[base + 21] = w[11] * dPow * w[13] * pow(s + 1, w[13] - 1) * e14 + dR * dRdS
                tape[base + 22] = lapse * -w[12] / d
              }
            }
          } else {
            let e8 = exp(w[8])
            let sPow = pow(s, -w[9])
            let e10 = exp((1 - r) * w[10])
            let hard = g == 2 ? w[15] : 1
            let easy = g == 4 ? w[16] : 1
            let core = e8 * (11 - d) * sPow * (e10 - 1)
            let inner = core * hard * easy
            newS = s * (1 + inner)
            if record {
              let dInnerDR = e8 * (11 - d) * sPow * e10 * -w[10] * hard * easy
              tape[base + 8] = s * inner
              tape[base + 9] = s * inner * -log(s)
              tape[base + 10] = s * e8 * (11 - d) * sPow * e10 * (1 - r) * hard * easy
              if g == 2 { tape[base + 15] = s * core }
              if g == 4 { tape[base + 16] = s * core }
              tape[base + 20] = s * dInnerDR * dRdW20
              tape[base + 21] = 1 + inner * (1 - w[9]) + s * dInnerDR * dRdS
              tape[base + 22] = s * -(e8 * sPow * (e10 - 1) * hard * easy)
            }
          }
        }
        if newS < Self.sMin || newS > Self.sMax {
          newS = min(max(newS, Self.sMin), Self.sMax)
          if record { for k in 0..<23 { tape[base + k] = 0 } }
        }
        // Difficulty: linear damping, then mean reversion towards the unclamped D0(Easy).
        let delta = -w[6] * Double(g - 3)
        let damped = d + delta * (10 - d) / 9
        let reverted = w[7] * easyD0 + (1 - w[7]) * damped
        let newD = min(max(reverted, 1), 10)
        if record && reverted >= 1 && reverted <= 10 {
          tape[base + 23] = (1 - w[7]) * (1 - delta / 9)
          tape[base + 24] = w[7]
          tape[base + 25] = w[7] * dEasyD0dW5
          tape[base + 26] = (1 - w[7]) * ((10 - d) / 9) * -Double(g - 3)
          tape[base + 27] = easyD0 - damped
        }
        s = newS
        d = newD
      }
    }
    return (s, d, s0Passed, d0Passed)
  }
}
