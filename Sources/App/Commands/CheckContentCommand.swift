import ArgumentParser
import Content
import Core
import Foundation
import Labs
import Sandbox

struct CheckContentCommand: FmlabCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-content",
    abstract: "Check content files and report every problem, compiler-style.",
    discussion: """
      Reads content/ (Markdown pages with YAML front matter), quizzes/ and Resources/ under DIR \
      (default: the content fmlab is using) and prints each problem as path:line:col: error: message. \
      Exits 1 when there are errors.
      """)

  @Argument(help: "A content directory (holding content/, quizzes/, Resources/).")
  var directory: String?

  @Flag(
    help:
      "Also print counts: pages (objective and service pages), flashcards, items by domain and type, models, providers."
  )
  var stats = false

  func execute(in session: Session) throws -> CommandOutput {
    var content: ContentSet
    if let directory {
      content = try session.loadContent(at: session.resolvePath(directory))
    } else {
      content = try session.content()
    }
    content.findings += content.completenessFindings()
    let profilesPath = content.root + "/" + SandboxProfileCheck.relativePath
    if let yaml = FileManager.default.contents(atPath: profilesPath) {
      content.findings += SandboxProfileCheck.findings(
        yaml: String(decoding: yaml, as: UTF8.self), path: SandboxProfileCheck.relativePath, models: content.models)
      content.fileCount += 1
    } else if !content.models.isEmpty {
      content.findings.append(
        Finding(
          .error, at: SourceLocation(file: SandboxProfileCheck.relativePath, line: 1, column: 1),
          "the sandbox's simulation profiles are missing (the model catalog needs them for the sandbox)"))
    }
    let labs = LabCatalog.load(root: content.root)
    content.findings += labs.findings + labs.crossFindings(content: content)
    content.fileCount += labs.fileCount
    let report = FindingsView.Report(
      root: content.root, findings: content.findings.map(FindingsView.JSONFinding.init),
      errors: content.findings.errorCount, warnings: content.findings.warningCount, files: content.fileCount,
      statistics: stats ? content.statistics : nil)
    var text = content.findings.map { FindingsView.render($0, styler: session.styler) }.joined()
    if stats { text += FindingsView.render(content.statistics) }
    text += FindingRenderer.summary(content.findings, files: content.fileCount) + "\n"
    return CommandOutput(text: text, json: report, status: content.findings.hasErrors ? .failure : .success)
  }
}
