import Foundation

/// Paths and temporary folders for tests.
public enum Fixtures {
  /// The root of this repository (holding Package.swift, content/, quizzes/, Resources/).
  public static let repositoryRoot: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
  }()

  /// A small frozen content root (two pages with known flashcards) for review and planning tests.
  public static var studyContentRoot: String { repositoryRoot + "/Tests/Fixtures/study-content" }

  /// A small frozen quiz bank (one item of each type; correct texts start with "RIGHT").
  public static var quizContentRoot: String { repositoryRoot + "/Tests/Fixtures/quiz-content" }

  /// A new empty folder under the system's temporary directory, removed by `cleanup`.
  public static func temporaryDirectory(_ label: String = "fmlab") -> String {
    let path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString.prefix(8))"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  public static func write(_ text: String, to path: String) {
    let directory = (path as NSString).deletingLastPathComponent
    try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try! text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// A content root with the repository's exam guide and the given files (relative path → text).
  public static func contentRoot(_ files: [String: String], includeGuide: Bool = true) -> String {
    let root = temporaryDirectory("content")
    if includeGuide {
      try! FileManager.default.createDirectory(atPath: root + "/Resources", withIntermediateDirectories: true)
      try! FileManager.default.copyItem(
        atPath: repositoryRoot + "/Resources/exam-guide.yaml", toPath: root + "/Resources/exam-guide.yaml")
    }
    for (path, text) in files { write(text, to: root + "/" + path) }
    try? FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
    return root
  }

  public static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }
}
