import ArgumentParser

/// fmlab's one command table. The REPL, scripts and one-shot invocations all parse with it,
/// and help and Tab completion are generated from it.
public enum CommandTable {
  /// The commands, in the order `help` lists them. Later features append theirs.
  public static let commands: [any FmlabCommand.Type] = [
    HelpCommand.self,
    ReviewCommand.self,
    QuizCommand.self,
    ExamCommand.self,
    DrillCommand.self,
    PlanCommand.self,
    StatsCommand.self,
    ExportStatsCommand.self,
    ExportCommand.self,
    ImportCommand.self,
    ModelsCommand.self,
    ModelCommand.self,
    CanCommand.self,
    WhichCommand.self,
    TopicsCommand.self,
    TopicCommand.self,
    SearchCommand.self,
    DiffCommand.self,
    CompareCommand.self,
    InvokeCommand.self,
    S3Command.self,
    IAMCommand.self,
    ValidateDatasetCommand.self,
    SampleDatasetCommand.self,
    CustomizeCommand.self,
    JobsCommand.self,
    JobCommand.self,
    StopJobCommand.self,
    CustomModelsCommand.self,
    ProvisionCommand.self,
    PTCommand.self,
    DeployCommand.self,
    ThroughputCommand.self,
    BillCommand.self,
    AdvanceCommand.self,
    SandboxCommand.self,
    LabsCommand.self,
    LabCommand.self,
    SrsCommand.self,
    SettingsCommand.self,
    SetCommand.self,
    UnsetCommand.self,
    CheckContentCommand.self,
    DoctorCommand.self,
    VersionCommand.self,
    QuitCommand.self,
  ]

  /// Every name a line may start with (command names and aliases).
  public static var names: [String] {
    commands.flatMap { [$0._commandName] + $0.configuration.aliases }
  }

  static func command(named name: String) -> (any FmlabCommand.Type)? {
    commands.first { $0._commandName == name || $0.configuration.aliases.contains(name) }
  }
}

/// The root command that ArgumentParser parses each command line with.
public struct FmlabRoot: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "fmlab",
    abstract: "A terminal study lab for the AWS Certified AI Practitioner exam (AIF-C01).",
    subcommands: CommandTable.commands.map { $0 as ParsableCommand.Type })

  public init() {}
}
