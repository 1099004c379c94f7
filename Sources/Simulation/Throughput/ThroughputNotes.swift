import Core
import Foundation

/// Writes the plain-English reading of a throughput report or simulated minute.
enum ThroughputNotes {
  /// Sentences for a report: capacity first, then cost, term and billing facts.
  static func report(_ report: ThroughputReport, load: ThroughputLoad, plan: ThroughputPlan) -> [String] {
    var notes: [String] = []
    let units = report.units
    let unitWord = units == 1 ? "model unit" : "model units"
    if plan.units < 1 {
      notes.append("A Provisioned Throughput needs at least 1 model unit; evaluated as 1.")
    }
    if report.unitsNeeded == 0 {
      notes.append("The profile gives no per-unit capacity for the tokens this load uses, so no number of units fits.")
    }
    if report.fits {
      notes.append(
        "\(units) \(unitWord) \(units == 1 ? "carries" : "carry") this load: "
          + "\(percent(report.inputUtilization)) of the input and "
          + "\(percent(report.outputUtilization)) of the output tokens per minute; throttling would start at "
          + "\(count(report.maxRequestsPerMinute)) requests a minute."
      )
    } else {
      notes.append(
        "\(units) \(unitWord) cannot carry this load: about \(count(report.throttledRequestsPerMinute)) requests a "
          + "minute beyond the \(count(report.maxRequestsPerMinute)) they carry get ThrottlingException (HTTP 429)."
          + (report.unitsNeeded > 0 ? " \(report.unitsNeeded) model units would fit." : "")
      )
    }
    if let monthly = report.provisionedMonthlyCost {
      notes.append(
        "Provisioned Throughput costs \(money(monthly)) a month (\(money(report.provisionedHourlyCost ?? 0)) an hour "
          + "× 730 hours), billed every hour whether or not traffic is sent."
      )
    } else {
      notes.append(
        "No \(plan.term.label) hourly price is given for this model, so the Provisioned Throughput cost is unknown: "
          + "the term may not be offered (no-commitment PT exists only for some base models)."
      )
    }
    notes.append(termNote(plan.term, commitment: report.commitmentCost))
    notes.append(contentsOf: costNotes(report, load: load))
    let busiest = max(report.inputUtilization, report.outputUtilization)
    if report.fits && busiest < 0.5 && report.provisionedMonthlyCost != nil {
      notes.append(
        "At \(percent(busiest)) utilisation most of the capacity paid for sits idle; PT pays off for steady, high "
          + "volume."
      )
    }
    notes.append(
      "Monthly figures use 730 hours (8,760 hours a year ÷ 12), i.e. 43,800 minutes of this load. Accounts start "
        + "with zero model units: request them through an AWS Support case before buying."
    )
    return notes
  }

  /// Sentences for a simulated minute.
  static func minute(_ minute: MinuteSimulation, units: Int) -> [String] {
    guard let first = minute.firstThrottledSecond else {
      return [
        "All \(minute.requests) requests were served: the \(units)-unit budget of \(minute.inputTokenBudget) input "
          + "and \(minute.outputTokenBudget) output tokens a minute covered them, bursts included."
      ]
    }
    return [
      "The minute's token budget ran out in second \(first): \(minute.throttled) of \(minute.requests) requests got "
        + "ThrottlingException (HTTP 429) until the next minute. Retry with backoff, or buy more model units."
    ]
  }

  private static func termNote(_ term: CommitmentTerm, commitment: Double?) -> String {
    let total = commitment.map { " (\(money($0)) over the term)" } ?? ""
    switch term {
    case .noCommitment:
      return "No commitment: the highest hourly rate, but you can delete the Provisioned Throughput at any time to "
        + "stop billing (API: commitmentDuration omitted)."
    case .oneMonth:
      return "1-month term: a lower hourly rate, but you pay for the whole month\(total) and cannot delete before "
        + "the term ends (commitmentDuration OneMonth)."
    case .sixMonths:
      return "6-month term: the lowest hourly rate, but you pay for all six months\(total) and cannot delete before "
        + "the term ends (commitmentDuration SixMonths)."
    }
  }

  private static func costNotes(_ report: ThroughputReport, load: ThroughputLoad) -> [String] {
    guard let onDemand = report.onDemandMonthlyCost else {
      return ["No on-demand price is given, so there is no cost comparison with on-demand."]
    }
    var notes = ["The same load on demand would cost \(money(onDemand)) a month."]
    if let breakEven = report.breakEvenRequestsPerMinute {
      if breakEven > report.maxRequestsPerMinute {
        notes.append(
          "On-demand would cost as much as these units only at \(count(breakEven)) requests a minute, more than the "
            + "\(count(report.maxRequestsPerMinute)) they carry: at every load they serve, on-demand is cheaper. "
            + "Buy PT here for guaranteed capacity (or a custom model that needs it), not to save money."
        )
      } else {
        notes.append(
          "Break-even at \(count(breakEven)) requests a minute: below it on-demand is cheaper, above it (up to the "
            + "units' capacity) Provisioned Throughput is."
        )
      }
    }
    return notes
  }

  static func percent(_ fraction: Double) -> String {
    fraction >= 1e6 ? "far over 100%" : String(format: "%.0f%%", fraction * 100)
  }

  static func count(_ value: Double) -> String {
    value >= 1e12 ? "unlimited" : DigitGrouping.grouped(String(format: value < 10 ? "%.1f" : "%.0f", value))
  }

  static func money(_ value: Double) -> String { "$" + DigitGrouping.grouped(String(format: "%.2f", value)) }
}
