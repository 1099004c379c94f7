import Core

/// Everything loaded from one content root, with the problems found in it.
public struct ContentSet: Sendable {
  public var root: String
  public var guide: ExamGuide
  public var topics: [Topic]
  public var items: [QuizItem]
  public var models: [ModelEntry]
  public var findings: [Finding]
  public var fileCount: Int
  /// Every id reference in the content, with its position (including those of invalid values).
  public var references: [Reference] = []

  public init(
    root: String, guide: ExamGuide, topics: [Topic], items: [QuizItem], models: [ModelEntry], findings: [Finding],
    fileCount: Int
  ) {
    self.root = root
    self.guide = guide
    self.topics = topics
    self.items = items
    self.models = models
    self.findings = findings
    self.fileCount = fileCount
  }

  public var flashcards: [Flashcard] { topics.flatMap(\.flashcards) }
  public func topic(_ id: String) -> Topic? { topics.first { $0.id == id } }
  public func item(_ id: String) -> QuizItem? { items.first { $0.id == id } }
  /// The model with this id or slug.
  public func model(_ id: String) -> ModelEntry? { models.first { $0.id == id || $0.slug == id } }

  /// Counts for `check-content --stats`.
  public struct Statistics: Sendable, Codable, Equatable {
    public var files: Int
    public var topics: Int
    public var flashcards: Int
    public var items: Int
    public var models: Int
    public var providers: Int
    public var objectives: Int
    public var objectivesWithTopic: Int
    /// Pages that teach at least one exam objective.
    public var objectivePages: Int
    /// Pages about an AWS service or a Bedrock feature.
    public var servicePages: Int
    public var itemsByDomain: [String: Int]
    public var itemsByType: [String: Int]
    /// Scored questions (case studies counted by their questions) per objective id.
    public var questionsByObjective: [String: Int] = [:]
    public var itemsByDifficulty: [String: Int] = [:]
    /// Questions about Amazon Bedrock models, customization or Provisioned Throughput.
    public var bedrockQuestions: Int = 0
    public var questions: Int = 0
    public var errors: Int
    public var warnings: Int
  }

  public var statistics: Statistics {
    let covered = Set(topics.flatMap(\.objectives))
    return Statistics(
      files: fileCount, topics: topics.count, flashcards: flashcards.count, items: items.count, models: models.count,
      providers: Set(models.map(\.provider)).count, objectives: guide.objectives.count,
      objectivesWithTopic: guide.objectives.count { covered.contains($0.id) },
      objectivePages: topics.count { $0.kind == .concept && !$0.objectives.isEmpty },
      servicePages: topics.count { $0.kind != .concept },
      itemsByDomain: Dictionary(grouping: items, by: { "\($0.domain)" }).mapValues(\.count),
      itemsByType: Dictionary(grouping: items, by: { $0.type.rawValue }).mapValues(\.count),
      questionsByObjective: Dictionary(grouping: items.flatMap(\.scoredItems), by: \.objective).mapValues(\.count),
      itemsByDifficulty: Dictionary(grouping: items, by: { "\($0.difficulty)" }).mapValues(\.count),
      bedrockQuestions: items.flatMap(\.scoredItems).count(where: \.isAboutBedrockModels),
      questions: items.flatMap(\.scoredItems).count,
      errors: findings.errorCount, warnings: findings.warningCount)
  }
}

extension ContentSet {
  /// Checks that span files: unique ids, and references that resolve. Returns the findings.
  func crossFileFindings() -> [Finding] {
    var findings: [Finding] = []
    func duplicates<T>(
      _ values: [T], what: String, id: (T) -> String, location: (T) -> SourceLocation, line: (T) -> String?
    ) {
      var first: [String: SourceLocation] = [:]
      for value in values {
        let key = id(value)
        if let original = first[key] {
          findings.append(
            Finding(
              .error, at: location(value), "duplicate \(what) id '\(key)'", sourceLine: line(value),
              notes: [Finding.Note(location: original, message: "'\(key)' is first defined here")]))
        } else {
          first[key] = location(value)
        }
      }
    }
    duplicates(topics, what: "topic", id: \.id, location: \.location, line: \.sourceLine)
    duplicates(flashcards, what: "flashcard", id: \.id, location: \.location, line: \.sourceLine)
    duplicates(
      items + items.flatMap(\.questions), what: "quiz item", id: \.id, location: \.location, line: \.sourceLine)
    duplicates(models, what: "model", id: \.id, location: \.location, line: \.sourceLine)
    duplicates(models, what: "model slug", id: \.slug, location: \.location, line: \.sourceLine)

    let objectiveIDs = guide.objectiveIDs
    let topicIDs = Set(topics.map(\.id))
    let modelIDs = Set(models.map(\.id)).union(models.map(\.slug))
    let studentIDs = Set(
      models.filter { $0.customization.supports(.distillationStudent) }.flatMap { [$0.id, $0.slug] })
    for reference in references {
      let known: Bool
      // Candidates for a suggestion are only gathered for a reference that does not resolve.
      let candidates: () -> [String]
      switch reference.target {
      case .objective: (known, candidates) = (objectiveIDs.contains(reference.id), { objectiveIDs.sorted() })
      case .topic: (known, candidates) = (topicIDs.contains(reference.id), { topicIDs.sorted() })
      case .topicOrModel:
        (known, candidates) = (
          topicIDs.contains(reference.id) || modelIDs.contains(reference.id), { topicIDs.union(modelIDs).sorted() }
        )
      case .model: (known, candidates) = (modelIDs.contains(reference.id), { modelIDs.sorted() })
      case .student:
        if modelIDs.contains(reference.id) && !studentIDs.contains(reference.id) {
          findings.append(
            Finding(
              .error, at: reference.location,
              "'\(reference.id)' is named as a distillation student, but its customization methods lack "
                + "'distillation-student'",
              sourceLine: reference.sourceLine))
          continue
        }
        (known, candidates) = (modelIDs.contains(reference.id), { modelIDs.sorted() })
      }
      guard !known else { continue }
      let noun =
        switch reference.target {
        case .objective: "objective"
        case .topic: "topic"
        case .topicOrModel: "topic or model"
        case .model, .student: "model"
        }
      var message = "'\(reference.key)' names \(noun) '\(reference.id)', which does not exist"
      if reference.target == .objective && guide.objectives.isEmpty {
        message += " (the exam guide did not load)"
      } else if let suggestion = Core.Suggestion.closest(to: reference.id, in: candidates()).first {
        message += "; did you mean '\(suggestion)'?"
      }
      findings.append(Finding(.error, at: reference.location, message, sourceLine: reference.sourceLine))
    }
    return findings
  }

  /// Rules for a complete knowledge base (what `check-content` adds to the per-file and
  /// cross-file checks): every exam objective has a page, and every page has enough flashcards.
  public func completenessFindings() -> [Finding] {
    var findings: [Finding] = nearDuplicateStems()
    for topic in topics where topic.flashcards.count < Topic.minimumFlashcards {
      findings.append(
        Finding(
          .error, at: topic.location,
          "page '\(topic.id)' has \(topic.flashcards.count) flashcard(s); a page needs at least \(Topic.minimumFlashcards)",
          sourceLine: topic.sourceLine))
    }
    if !guide.objectives.isEmpty {
      let covered = Set(topics.flatMap(\.objectives))
      for objective in guide.objectives where !covered.contains(objective.id) {
        findings.append(
          Finding(
            .error,
            at: objective.location ?? SourceLocation(file: "Resources/exam-guide.yaml", line: 1, column: 1),
            "objective \(objective.id) has no page: list it under 'objectives' in the page that teaches it"))
      }
    }
    return findings
  }
}

extension ContentSet {
  /// Items of one objective whose stems share nearly all their words (Jaccard similarity of the
  /// sets of words of three or more letters ≥ 0.85): a learner would meet the same question twice.
  func nearDuplicateStems(threshold: Double = 0.85) -> [Finding] {
    func words(_ stem: String) -> Set<String> {
      Set(
        stem.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0.count >= 3 }.map(
          String.init))
    }
    var findings: [Finding] = []
    let questions = items.flatMap(\.scoredItems)
    for (_, group) in Dictionary(grouping: questions, by: \.objective) {
      let sets = group.map { words($0.stem) }
      for i in group.indices {
        for j in group.indices where j > i && !sets[i].isEmpty && !sets[j].isEmpty {
          let shared = Double(sets[i].intersection(sets[j]).count)
          let similarity = shared / Double(sets[i].union(sets[j]).count)
          guard similarity >= threshold, group[i].stem.count > 40 else { continue }
          findings.append(
            Finding(
              .error, at: group[j].location,
              "item '\(group[j].id)' nearly repeats the stem of '\(group[i].id)' (\(Int(similarity * 100))% of words shared)",
              sourceLine: group[j].sourceLine,
              notes: [Finding.Note(location: group[i].location, message: "'\(group[i].id)' is here")]))
        }
      }
    }
    return findings.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
  }
}
