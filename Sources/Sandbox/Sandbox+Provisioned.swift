import Content
import Core
import Foundation
import Simulation

extension Sandbox {
  /// The most model units one purchase may have in the sandbox. Real accounts start with no
  /// committed model units at all and raise the quota through AWS Support.
  public static let modelUnitQuota = 10

  /// CreateProvisionedModelThroughput for a foundation model or a custom model.
  public mutating func createProvisionedThroughput(
    name: String, modelIdentifier: String, modelUnits: Int, commitment: CommitmentDuration?, now: Date,
    random: inout SeededGenerator
  ) throws(SandboxError) -> ProvisionedThroughput {
    guard NamePattern.isValidModelName(name) else {
      throw SandboxError.validation(
        "Value '\(S3Location.clip(name))' at 'provisionedModelName' failed to satisfy constraint: 1–63 letters and "
          + "digits, each optionally followed by one '_' or '-'")
    }
    guard modelUnits >= 1 else { throw SandboxError.validation("modelUnits must be at least 1") }
    guard modelUnits <= Self.modelUnitQuota else {
      throw SandboxError(
        .serviceQuotaExceeded,
        "\(modelUnits) model units exceed the sandbox's quota of \(Self.modelUnitQuota) per Provisioned Throughput. "
          + "(A real account starts with no committed model units: you request them through an AWS Support case.)")
    }
    if state.provisioned.contains(where: { $0.provisionedModelName == name && $0.deletedAt == nil }) {
      throw SandboxError(.conflict, "A Provisioned Throughput named \(name) already exists")
    }
    let modelArn: String
    let base: ModelEntry
    if let custom = customModel(modelIdentifier, now: now) {
      guard status(of: custom, at: now) == .active else {
        throw SandboxError.validation(
          "custom model \(custom.modelName) is still Creating: wait for its job to complete (advance the clock)")
      }
      base = try foundationModel(custom.baseModelId)
      guard base.provisionedThroughput?.custom == true else {
        throw SandboxError.validation("custom models of \(base.name) can't be served with Provisioned Throughput")
      }
      modelArn = custom.modelArn
    } else {
      if state.customModels.contains(where: {
        $0.deletedAt == nil && ($0.modelName == modelIdentifier || $0.modelArn == modelIdentifier)
      }) {
        throw SandboxError.validation(
          "custom model \(modelIdentifier) did not complete training; it can't be provisioned")
      }
      base = try foundationModel(modelIdentifier)
      guard base.provisionedThroughput?.base == true else {
        throw SandboxError.validation(
          "\(base.name) can't be bought as Provisioned Throughput (base models that can: 'models --provisioned')")
      }
      modelArn = SandboxAccount.foundationModelARN(base.customization.variants.first ?? base.id)
    }
    guard let profile = profiles.model(base.id)?.provisioned else {
      throw SandboxError.validation("the sandbox has no Provisioned Throughput profile for \(base.id)")
    }
    let price: Double?
    switch commitment {
    case nil: price = profile.hourlyNoCommitment
    case .oneMonth: price = profile.hourlyOneMonth
    case .sixMonths: price = profile.hourlySixMonths
    }
    guard let price else {
      let term = commitment?.rawValue ?? "no-commitment"
      throw SandboxError.validation(
        "\(term) Provisioned Throughput isn't offered for \(base.name) in the sandbox's price table; choose "
          + [
            profile.hourlyNoCommitment != nil ? "none" : nil, profile.hourlyOneMonth != nil ? "1m" : nil,
            profile.hourlySixMonths != nil ? "6m" : nil,
          ].compactMap { $0 }.joined(separator: ", "))
    }
    let expiration = commitment.map { term in
      Calendar.utc.date(byAdding: .month, value: term.months, to: now)
        ?? now.addingTimeInterval(Double(term.months) * 30 * 86_400)
    }
    let purchase = ProvisionedThroughput(
      provisionedModelName: name,
      provisionedModelArn: SandboxAccount.provisionedModelARN(resourceID: newResourceID(&random)),
      modelArn: modelArn, foundationModelId: base.id, modelUnits: modelUnits, commitmentDuration: commitment,
      creationTime: now, inServiceTime: now.addingTimeInterval(profile.minutesToInService * 60),
      commitmentExpirationTime: expiration, hourlyPricePerUnit: price,
      priceIllustrative: profile.priceBasis.illustrative,
      updatingUntil: nil, deletedAt: nil)
    state.provisioned.append(purchase)
    return purchase
  }

  /// A live Provisioned Throughput by name or ARN.
  public func provisionedThroughput(_ identifier: String) throws(SandboxError) -> ProvisionedThroughput {
    guard
      let found = state.provisioned.first(where: {
        $0.deletedAt == nil && ($0.provisionedModelName == identifier || $0.provisionedModelArn == identifier)
      })
    else {
      let names = state.provisioned.filter { $0.deletedAt == nil }.map(\.provisionedModelName)
      let hint = Suggestion.closest(to: identifier, in: names).first.map { " — did you mean '\($0)'?" } ?? ""
      throw SandboxError.notFound("Provisioned Throughput \(S3Location.clip(identifier)) not found\(hint)")
    }
    return found
  }

  /// DeleteProvisionedModelThroughput: refused while a commitment term runs.
  public mutating func deleteProvisionedThroughput(
    _ identifier: String, now: Date
  ) throws(SandboxError)
    -> ProvisionedThroughput
  {
    let found = try provisionedThroughput(identifier)
    if let end = found.commitmentExpirationTime, now < end {
      let days = Int((end.timeIntervalSince(now) / 86_400).rounded(.up))
      throw SandboxError(
        .conflict,
        "\(found.provisionedModelName) has a \(found.commitmentDuration!.rawValue) commitment until "
          + "\(Timestamp.format(end)) (\(days) day\(days == 1 ? "" : "s") left): it can't be deleted before the term "
          + "ends, and it bills every hour until then")
    }
    guard let index = state.provisioned.firstIndex(where: { $0.provisionedModelArn == found.provisionedModelArn })
    else {
      return found
    }
    state.provisioned[index].deletedAt = now
    return state.provisioned[index]
  }

  /// UpdateProvisionedModelThroughput's `desiredModelId`: only for a custom-model purchase, and only
  /// to its base model or another custom model of the same base.
  public mutating func swapModel(
    of identifier: String, to modelIdentifier: String, now: Date
  ) throws(SandboxError)
    -> ProvisionedThroughput
  {
    let found = try provisionedThroughput(identifier)
    guard found.modelArn.contains(":custom-model/") else {
      throw SandboxError.validation(
        "\(found.provisionedModelName) serves a base model; the model behind a base-model Provisioned Throughput "
          + "can't be changed (buy another one)")
    }
    let target: String
    if let custom = customModel(modelIdentifier, now: now) {
      guard custom.baseModelId == found.foundationModelId else {
        throw SandboxError.validation(
          "\(custom.modelName) was customized from \(custom.baseModelId), not \(found.foundationModelId): a "
            + "Provisioned Throughput can switch only to its base model or a custom model of the same base")
      }
      guard status(of: custom, at: now) == .active else {
        throw SandboxError.validation("\(custom.modelName) is not Active yet")
      }
      target = custom.modelArn
    } else {
      let model = try foundationModel(modelIdentifier)
      guard model.id == found.foundationModelId else {
        throw SandboxError.validation(
          "\(model.name) is not the base model of \(found.provisionedModelName) (\(found.foundationModelId))")
      }
      target = SandboxAccount.foundationModelARN(model.customization.variants.first ?? model.id)
    }
    guard let index = state.provisioned.firstIndex(where: { $0.provisionedModelArn == found.provisionedModelArn })
    else {
      return found
    }
    state.provisioned[index].modelArn = target
    state.provisioned[index].updatingUntil = now.addingTimeInterval(5 * 60)
    return state.provisioned[index]
  }

  /// The earliest day on-demand custom model deployment accepts models customized from.
  public static let onDemandDeploymentCutoff = CalendarDay(year: 2025, month: 7, day: 16)

  /// CreateCustomModelDeployment: on-demand inference for a custom model whose base supports it.
  public mutating func deploy(
    name: String, modelIdentifier: String, now: Date, random: inout SeededGenerator
  ) throws(SandboxError) -> CustomModelDeployment {
    guard NamePattern.isValidModelName(name) else {
      throw SandboxError.validation(
        "Value '\(S3Location.clip(name))' at 'modelDeploymentName' failed to satisfy constraint: 1–63 letters and digits, "
          + "each optionally followed by one '_' or '-'")
    }
    guard let custom = customModel(modelIdentifier, now: now) else {
      throw SandboxError.notFound(
        "custom model \(S3Location.clip(modelIdentifier)) not found ('custom-models' lists them)")
    }
    guard status(of: custom, at: now) == .active else {
      throw SandboxError.validation("custom model \(custom.modelName) is still Creating")
    }
    let base = try foundationModel(custom.baseModelId)
    guard base.customization.onDemandDeployment == true else {
      let supported = catalog.models.filter { $0.customization.onDemandDeployment == true }.map(\.name)
      throw SandboxError.validation(
        "custom models of \(base.name) can't be deployed for on-demand inference; buy Provisioned Throughput "
          + "instead. On-demand deployment supports custom models of \(supported.joined(separator: ", ")) "
          + "customized on or after 2025-07-16 (us-east-1 / us-west-2).")
    }
    if custom.creationTime < Self.onDemandDeploymentCutoff.startInUTC {
      throw SandboxError.validation(
        "\(custom.modelName) was customized on \(CalendarDay(containing: custom.creationTime)); on-demand deployment "
          + "takes only models customized on or after \(Self.onDemandDeploymentCutoff). Serve it with Provisioned "
          + "Throughput, or customize it again.")
    }
    if state.deployments.contains(where: { $0.modelDeploymentName == name && $0.deletedAt == nil }) {
      throw SandboxError(.conflict, "A custom model deployment named \(name) already exists")
    }
    let deployment = CustomModelDeployment(
      modelDeploymentName: name,
      customModelDeploymentArn: SandboxAccount.deploymentARN(resourceID: newResourceID(&random)),
      modelArn: custom.modelArn, baseModelId: base.id, createdAt: now, activeAt: now.addingTimeInterval(5 * 60),
      deletedAt: nil)
    state.deployments.append(deployment)
    return deployment
  }

  public mutating func deleteDeployment(_ identifier: String, now: Date) throws(SandboxError) -> CustomModelDeployment {
    guard
      let index = state.deployments.firstIndex(where: {
        $0.deletedAt == nil && ($0.modelDeploymentName == identifier || $0.customModelDeploymentArn == identifier)
      })
    else { throw SandboxError.notFound("custom model deployment \(S3Location.clip(identifier)) not found") }
    state.deployments[index].deletedAt = now
    return state.deployments[index]
  }

  /// DeleteCustomModel: refused while a Provisioned Throughput or a deployment serves it.
  public mutating func deleteCustomModel(_ identifier: String, now: Date) throws(SandboxError) -> CustomModel {
    guard let model = customModel(identifier, now: now),
      let index = state.customModels.firstIndex(where: { $0.modelArn == model.modelArn })
    else { throw SandboxError.notFound("custom model \(S3Location.clip(identifier)) not found") }
    if let user = state.provisioned.first(where: { $0.deletedAt == nil && $0.modelArn == model.modelArn }) {
      throw SandboxError(
        .conflict,
        "\(model.modelName) is served by Provisioned Throughput \(user.provisionedModelName): delete that first")
    }
    if let user = state.deployments.first(where: { $0.deletedAt == nil && $0.modelArn == model.modelArn }) {
      throw SandboxError(
        .conflict, "\(model.modelName) is deployed as \(user.modelDeploymentName): delete the deployment first")
    }
    state.customModels[index].deletedAt = now
    return state.customModels[index]
  }
}

extension Calendar {
  static let utc: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()
}
