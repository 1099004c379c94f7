import ArgumentParser
import Core
import Foundation
import Labs
import Stats
import Terminal

struct StatsCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Your progress on one screen: today, streak, retention, domains, last exam, readiness.",
    discussion: """
      stats domains · stats objectives · stats forecast · stats heatmap · stats exams · stats memory · stats labs · \
      stats readiness. '--json' on each; 'export stats FILE.csv|FILE.json' writes the data for your own analysis.
      """,
    subcommands: [
      StatsDomains.self, StatsObjectives.self, StatsForecast.self, StatsHeatmap.self, StatsExams.self,
      StatsMemory.self, StatsLabs.self, StatsReadiness.self,
    ])

  func execute(in session: Session) throws -> CommandOutput {
    let input = try session.statsInput()
    let objectives = ObjectiveStats.compute(input)
    let readiness = Readiness.compute(input)
    let overview = Overview.compute(input, readiness: readiness, objectives: objectives)
    struct Output: Encodable, Sendable {
      var overview: Overview
      var readiness: Readiness
    }
    return CommandOutput(
      text: StatsView.overview(
        overview, readiness: readiness, width: session.configuration.columns, styler: session.styler),
      json: Output(overview: overview, readiness: readiness))
  }
}

struct StatsDomains: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "domains", abstract: "Mastery per exam domain.")
  func execute(in session: Session) throws -> CommandOutput {
    let input = try session.statsInput()
    let overview = Overview.compute(input)
    return CommandOutput(
      text: StatsView.domains(overview, width: session.configuration.columns, styler: session.styler),
      json: overview.domains)
  }
}

struct StatsObjectives: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "objectives", abstract: "Every objective, weakest first, with the command that trains it.")
  @Option(help: "Show at most this many.") var limit = 69
  func execute(in session: Session) throws -> CommandOutput {
    let stats = ObjectiveStats.compute(try session.statsInput())
    return CommandOutput(
      text: StatsView.objectives(stats, limit: limit, width: session.configuration.columns, styler: session.styler),
      json: stats, pageable: true)
  }
}

struct StatsForecast: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "forecast", abstract: "Reviews due per day for 30 days, or until your exam date.")
  @Option(help: "Days ahead (1–365).") var days = 30
  func validate() throws {
    guard (1...365).contains(days) else { throw ValidationError("--days must be 1–365") }
  }
  func execute(in session: Session) throws -> CommandOutput {
    let forecast = Forecast.compute(try session.statsInput(), days: days)
    return CommandOutput(
      text: StatsView.forecast(forecast, width: session.configuration.columns, styler: session.styler), json: forecast,
      pageable: true)
  }
}

struct StatsHeatmap: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "heatmap", abstract: "A year of review activity.")
  func execute(in session: Session) throws -> CommandOutput {
    let heatmap = Heatmap.compute(try session.statsInput())
    return CommandOutput(
      text: StatsView.heatmap(heatmap, width: session.configuration.columns, styler: session.styler), json: heatmap)
  }
}

struct StatsExams: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "exams", abstract: "Mock exam score history.")
  func execute(in session: Session) throws -> CommandOutput {
    let history = ExamHistory.compute(try session.statsInput())
    return CommandOutput(
      text: StatsView.exams(history, width: session.configuration.columns, styler: session.styler), json: history)
  }
}

struct StatsMemory: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "memory", abstract: "Stability, difficulty and recall histograms; estimated total knowledge.")
  func execute(in session: Session) throws -> CommandOutput {
    let memory = MemoryStats.compute(try session.statsInput())
    return CommandOutput(
      text: StatsView.memory(memory, width: session.configuration.columns, styler: session.styler), json: memory,
      pageable: true)
  }
}

struct StatsReadiness: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "readiness",
    abstract: "Your chance of scoring at least 700 on the exam date, with its band and what would raise it most.")
  func execute(in session: Session) throws -> CommandOutput {
    let readiness = Readiness.compute(try session.statsInput())
    return CommandOutput(
      text: StatsView.readiness(readiness, width: session.configuration.columns, styler: session.styler),
      json: readiness)
  }
}

struct StatsLabs: FmlabCommand {
  static let configuration = CommandConfiguration(commandName: "labs", abstract: "Lab progress.")
  func execute(in session: Session) throws -> CommandOutput { try LabsCommand().execute(in: session) }
}

struct ExportStatsCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-stats",
    abstract: "Write your statistics for your own analysis: FILE.json (everything) or FILE.csv (per objective).",
    shouldDisplay: false)  // listed as 'export stats'; the old name still works
  @Argument(help: "The file to write (.json or .csv).") var file: String

  func execute(in session: Session) throws -> CommandOutput {
    let input = try session.statsInput()
    let objectives = ObjectiveStats.compute(input)
    let readiness = Readiness.compute(input)
    let path = session.resolvePath(file)
    let data: Data
    if file.lowercased().hasSuffix(".csv") {
      var csv = "objective,domain,items,cards,attempts,correct,accuracy,mean_retrievability,weakness\n"
      for entry in objectives.objectives {
        csv +=
          [
            entry.objective, "\(entry.domain)", "\(entry.items)", "\(entry.cards)", "\(entry.attempts)",
            "\(entry.correct)", entry.accuracy.map { String(format: "%.4f", $0) } ?? "",
            entry.meanRetrievability.map { String(format: "%.4f", $0) } ?? "", String(format: "%.4f", entry.weakness),
          ].joined(separator: ",") + "\n"
      }
      data = Data(csv.utf8)
    } else if file.lowercased().hasSuffix(".json") {
      struct Export: Encodable {
        var overview: Overview
        var objectives: ObjectiveStats
        var forecast: Forecast
        var heatmap: Heatmap
        var memory: MemoryStats
        var exams: ExamHistory
        var readiness: Readiness
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      encoder.dateEncodingStrategy = .iso8601
      encoder.nonConformingFloatEncodingStrategy = .convertToString(
        positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
      data = try encoder.encode(
        Export(
          overview: Overview.compute(input, readiness: readiness, objectives: objectives), objectives: objectives,
          forecast: Forecast.compute(input), heatmap: Heatmap.compute(input), memory: MemoryStats.compute(input),
          exams: ExamHistory.compute(input), readiness: readiness))
    } else {
      throw CommandFailure.usage("export stats writes FILE.json or FILE.csv")
    }
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw CommandFailure(message: "could not write \(file): \(error.localizedDescription)", status: .failure)
    }
    return CommandOutput(text: "Wrote \(file.sanitizedForTerminal) (\(data.count) bytes).\n", json: ["file": file])
  }
}
