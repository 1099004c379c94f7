import Foundation
import Testing
import TestSupport
@testable import Content

func quiz(id: String = "q-one", type: String = "multiple-choice", stem: String = "Which?", options: String? = nil, extra: String = "") -> String {
  let opts = options ?? """
          - text: A
            correct: true
            why: because
          - text: B
            why: because
          - text: C
            why: because
          - text: D
            why: because

    """
  return """
    items:
      - id: \(id)
        type: \(type)
        objective: 1.1.1
        stem: \(stem)
        options:
    \(opts)    sources: [https://example.com]
        verified: 2026-11-26
    \(extra)
    """
}

@Test func exploreDump() throws {
  let cases: [(String, [String: String])] = [
    ("base", ["quizzes/q.yaml": quiz()]),
    ("mc2", ["quizzes/q.yaml": quiz(options: """
          - text: A
            correct: true
            why: because
          - text: B
            correct: true
            why: because
          - text: C
            why: because
          - text: D

    """)]),
    ("mr", ["quizzes/q.yaml": quiz(type: "multiple-response", stem: "Which are true? (Choose two.)", options: """
          - text: A
            correct: true
            why: because
          - text: B
            correct: true
            why: because
          - text: C
            correct: true
            why: because
          - text: D
            why: because
          - text: E
            why: because

    """)]),
    ("unknown key", ["quizzes/q.yaml": quiz(extra: "    topcs: [x]\n    objectve: 1.1.1\n")]),
    ("dup ids", ["quizzes/a.yaml": quiz(), "quizzes/b.yaml": quiz(), "content/x.md": "---\nid: x\ntitle: X\nsummary: s\nsources: [https://x.com]\nverified: 2026-11-26\n---\nbody\n", "content/y.md": "---\nid: x\ntitle: X\nsummary: s\nsources: [https://x.com]\nverified: 2026-11-26\n---\nbody\n"]),
    ("empty fm", ["content/a.md": "---\n---\nbody\n"]),
    ("empty quiz", ["quizzes/q.yaml": "# nothing\n"]),
    ("two dups", ["content/a.md": "---\nid: a\ntitle: A\nsummary: s\ntitle: B\nsummary: t\nsources: [https://x.com]\nverified: 2026-11-26\n---\nbody\n"]),
    ("objective typo", ["quizzes/q.yaml": quiz().replacingOccurrences(of: "objective: 1.1.1", with: "objective: 1.1.99")]),
  ]
  for (name, files) in cases {
    let root = Fixtures.contentRoot(files)
    defer { Fixtures.remove(root) }
    let set = try ContentLoader(root: root).load()
    print("##### \(name): topics=\(set.topics.map(\.id)) items=\(set.items.map(\.id))")
    if name == "base" { print(files["quizzes/q.yaml"]!) }
    for f in set.findings { print(FindingRenderer.render(f), terminator: "") }
  }
}
