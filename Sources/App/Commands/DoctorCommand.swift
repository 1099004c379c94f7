import ArgumentParser
import Core
import Store

struct DoctorCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Check the progress database (SQLite integrity check) and where fmlab keeps things.")

  @Flag(help: "Recount the statistics' summaries from the review and attempt logs when they differ.")
  var repair = false

  func execute(in session: Session) throws -> CommandOutput {
    let report: DoctorView.Report
    do {
      var health = try session.store().health()
      if repair && !health.summaryMismatches.isEmpty {
        try session.store().rebuildSummaries()
        health = try session.store().health()
      }
      report = DoctorView.Report(
        dataDirectory: session.configuration.dataDirectory, contentRoot: session.configuration.contentRootDescription,
        database: health, problem: nil, integrityOfUnopenedDatabase: nil)
    } catch {
      let path = session.configuration.dataDirectory + "/progress.sqlite"
      let integrity: [String]? =
        if case .corrupt = error { ProgressStore.integrityReport(at: path) } else { nil }
      report = DoctorView.Report(
        dataDirectory: session.configuration.dataDirectory, contentRoot: session.configuration.contentRootDescription,
        database: nil, problem: error.message, integrityOfUnopenedDatabase: integrity)
      return CommandOutput(
        text: DoctorView.render(report, styler: session.styler), json: report, status: error.exitStatus)
    }
    let healthy = report.database?.isHealthy ?? false
    return CommandOutput(
      text: DoctorView.render(report, styler: session.styler), json: report,
      status: healthy ? .success : .databaseCorrupt)
  }
}

extension SessionConfiguration {
  var contentRootDescription: String {
    switch contentRoot {
    case .success(let path): path
    case .failure(let notFound): "not found (tried \(notFound.tried.joined(separator: "; ")))"
    }
  }
}
