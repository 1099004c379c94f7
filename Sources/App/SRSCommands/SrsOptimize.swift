import ArgumentParser
import Core
import Foundation
import Interop
import SRS
import Store

struct SrsOptimize: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "optimize",
    abstract: "Fit FSRS's 21 parameters to your review history; --apply adopts them if they predict it better.",
    discussion: """
      Compares log loss and RMSE(bins) of the current and the fitted parameters on the same history. \
      Needs at least \(SrsOptimize.minimumReviews) reviews. --revlog FILE fits a revlog CSV instead (nothing is adopted).
      """)

  static let minimumReviews = 400

  @Flag(help: "Adopt the fitted parameters when their log loss is lower.")
  var apply = false

  @Option(help: "Fit a revlog CSV instead of your own history.")
  var revlog: String?

  func validate() throws {
    if apply && revlog != nil { throw ValidationError("--apply adopts parameters for your own history; drop --revlog") }
  }

  func execute(in session: Session) throws -> CommandOutput {
    let entries: [RevlogEntry]
    if let revlog {
      entries = try readRevlog(revlog, session: session).entries
    } else {
      entries = try session.store().reviews().filter { $0.mode != .cram }.map {
        RevlogEntry(cardID: $0.cardId, time: $0.reviewedAt, rating: $0.rating)
      }
    }
    guard entries.count >= Self.minimumReviews else {
      throw CommandFailure(
        message: "fitting needs at least \(Self.minimumReviews) reviews; there are \(entries.count). "
          + "Keep reviewing (or import a history with 'srs import-revlog') and try again; the defaults serve well until then.",
        status: .failure)
    }
    let scheduler = try session.scheduler()
    let semantics = TimeSemantics.calendarDays(rolloverHour: session.rolloverHour, utcOffsetSeconds: 0)
    let items = RevlogTraining.histories(from: entries, semantics: semantics)
    let result = Optimizer.fit(items: items, configuration: OptimizerConfiguration())
    let before = ModelEvaluation.evaluate(FSRS(parameters: scheduler.config.parameters), on: items)
    let after = ModelEvaluation.evaluate(FSRS(parameters: result.parameters), on: items)
    let better = after.logLoss < before.logLoss && !result.returnedDefaults
    var adopted = false
    if apply && better {
      try session.store().saveParameters(
        StoredParameterSet(
          parameters: result.parameters, createdAt: session.now, source: "srs optimize", reviewCount: entries.count,
          logLossBefore: before.logLoss, logLossAfter: after.logLoss, rmseBefore: before.rmseBins,
          rmseAfter: after.rmseBins))
      adopted = true
    }
    let report = Report(
      reviews: entries.count, items: items.count, itemsUsed: result.itemsUsed,
      fallback: result.fallback.map { String(describing: $0) }, logLossBefore: before.logLoss,
      logLossAfter: after.logLoss, rmseBinsBefore: before.rmseBins, rmseBinsAfter: after.rmseBins, better: better,
      adopted: adopted, parameters: result.parameters.values)
    return CommandOutput(text: Self.render(report, applyRequested: apply), json: report)
  }

  struct Report: Encodable, Sendable {
    var reviews: Int
    var items: Int
    var itemsUsed: Int
    var fallback: String?
    var logLossBefore: Double
    var logLossAfter: Double
    var rmseBinsBefore: Double
    var rmseBinsAfter: Double
    var better: Bool
    var adopted: Bool
    var parameters: [Double]
  }

  static func render(_ r: Report, applyRequested: Bool) -> String {
    var text = "Fitted on \(r.reviews) reviews (\(r.items) training items).\n"
    text += String(format: "log loss    %.5f → %.5f\n", r.logLossBefore, r.logLossAfter)
    text += String(format: "RMSE(bins)  %.5f → %.5f\n", r.rmseBinsBefore, r.rmseBinsAfter)
    if let fallback = r.fallback { text += "note: too little data for a full fit (\(fallback)).\n" }
    if r.adopted {
      text += "Adopted: reviews are now scheduled with the fitted parameters.\n"
    } else if !r.better {
      text += "The current parameters predict your history as well or better; nothing changed.\n"
    } else if !applyRequested {
      text += "Better than the current parameters; run 'srs optimize --apply' to adopt them.\n"
    }
    return text
  }
}
