import Core
import Foundation

/// The running cost of everything in the sandbox account, item by item (all estimated).
public struct SandboxBill: Sendable, Codable, Equatable {
  public struct Line: Sendable, Codable, Equatable {
    /// training, storage, provisioned-throughput, on-demand, async-video
    public var category: String
    public var item: String
    public var detail: String
    /// US dollars; nil for items fmlab's catalog has no price for (left out of the total).
    public var cost: Double?
    /// Still accruing (a live Provisioned Throughput, a stored model).
    public var running: Bool

    /// Every key always written (`"cost": null` for an item without a price), for `bill --json`.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(category, forKey: .category)
      try container.encode(item, forKey: .item)
      try container.encode(detail, forKey: .detail)
      try container.encode(cost, forKey: .cost)
      try container.encode(running, forKey: .running)
    }
  }
  public var lines: [Line]
  public var total: Double { lines.compactMap(\.cost).reduce(0, +) }
  /// Lines with no price, which the total leaves out.
  public var unpricedLines: Int { lines.filter { $0.cost == nil }.count }
  /// What the account costs per hour right now (Provisioned Throughput plus storage).
  public var hourlyRate: Double
}

extension Sandbox {
  /// Days in the storage month used to prorate storage fees.
  static let hoursPerMonth = 730.0

  /// The bill at `now`.
  public func bill(at now: Date) -> SandboxBill {
    var lines: [SandboxBill.Line] = []
    var hourly = 0.0
    for job in state.jobs {
      let cost = job.trainingCost(at: now)
      let snapshot = job.snapshot(at: now)
      let epochs = job.plannedEpochs * snapshot.trainingProgress
      var detail =
        "\(job.trainingTokens) tokens × \(String(format: "%.2f", epochs)) epochs × $\(Money.price(job.pricePer1KTokens))/1K"
      if job.teacherCost > 0 { detail += " + teacher inference \(Money.amount(job.teacherCost))" }
      lines.append(
        .init(
          category: "training", item: job.jobName, detail: detail + " (\(snapshot.status.rawValue))", cost: cost,
          running: snapshot.status == .inProgress || snapshot.status == .stopping))
    }
    for model in state.customModels where status(of: model, at: now) == .active {
      let end = model.deletedAt ?? now
      let hours = max(0, end.timeIntervalSince(model.creationTime)) / 3600
      let cost = hours / Self.hoursPerMonth * model.storagePerMonth
      if model.deletedAt == nil { hourly += model.storagePerMonth / Self.hoursPerMonth }
      lines.append(
        .init(
          category: "storage", item: model.modelName,
          detail: "$\(Money.price(model.storagePerMonth))/month × \(String(format: "%.1f", hours)) h",
          cost: cost, running: model.deletedAt == nil))
    }
    for purchase in state.provisioned {
      let hours = purchase.billedHours(at: now)
      let term = purchase.commitmentDuration?.rawValue ?? "no commitment"
      if purchase.deletedAt == nil { hourly += purchase.hourlyPricePerUnit * Double(purchase.modelUnits) }
      lines.append(
        .init(
          category: "provisioned-throughput", item: purchase.provisionedModelName,
          detail:
            "\(purchase.modelUnits) MU × $\(Money.price(purchase.hourlyPricePerUnit))/h (\(term)) × "
            + String(format: "%.1f h", hours) + (purchase.deletedAt == nil ? ", still billing" : ", deleted"),
          cost: purchase.cost(at: now), running: purchase.deletedAt == nil))
    }
    let onDemand = state.invocations.filter { ($0.cost ?? 0) > 0 }
    if !onDemand.isEmpty {
      let tokens = onDemand.map { $0.inputTokens + $0.outputTokens }.reduce(0, +)
      lines.append(
        .init(
          category: "on-demand", item: Plural.of(onDemand.count, "invocation"),
          detail: "\(DigitGrouping.grouped(tokens)) tokens at on-demand prices",
          cost: onDemand.compactMap(\.cost).reduce(0, +), running: false))
    }
    let unpriced = state.invocations.filter { $0.cost == nil }
    if !unpriced.isEmpty {
      let models = Set(unpriced.map(\.modelId)).sorted()
      lines.append(
        .init(
          category: "on-demand", item: Plural.of(unpriced.count, "invocation"),
          detail: "no catalog price: \(models.joined(separator: ", "))", cost: nil, running: false))
    }
    for invocation in state.asyncInvocations {
      lines.append(
        .init(
          category: "async-video", item: String(invocation.invocationArn.split(separator: "/").last ?? ""),
          detail: "\(invocation.durationSeconds) s of video"
            + (invocation.cost == nil ? "; no catalog price: \(invocation.modelId)" : ""),
          cost: invocation.cost, running: false))
    }
    return SandboxBill(lines: lines, hourlyRate: hourly)
  }
}
