import Content
import Core

/// A guided hands-on lab: steps with instructions, each completed by a state of the sandbox (so a
/// learner may do it any way that works), hints, and a debrief with flashcards and quiz items.
public struct Lab: Sendable, Equatable, Identifiable {
  public var id: String
  public var title: String
  public var summary: String
  public var order: Int
  public var minutes: Int
  public var objectives: [String]
  public var topics: [String]
  public var verified: CalendarDay?
  public var sources: [String]
  /// Sandbox command lines `lab start` runs first (`${SAMPLES}` is the samples folder).
  public var setup: [String]
  public var steps: [Step]
  public var debrief: Debrief
  public var location: SourceLocation

  public struct Step: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var instructions: String
    /// The one command that does the step (shown as the last hint).
    public var command: String?
    /// Every command line that completes the step from the previous step's end, in order (the
    /// scripted run of the lab types these; `${SAMPLES}` is the samples folder).
    public var solution: [String]
    public var check: LabCheck
    public var hints: [String]
    public var explain: String
  }

  public struct Debrief: Sendable, Equatable {
    public var summary: String
    public var flashcards: [Flashcard]
    public var items: [String]
  }

  /// The flashcard ids a finished lab schedules: `lab-<id>#<n>`.
  public static func flashcardID(lab: String, index: Int) -> String { "lab-\(lab)#\(index + 1)" }
}
