import Core

/// Every problem found in a revlog CSV (the first ``limit`` of them kept), returned instead of any entries
/// so that an import is all-or-nothing.
public struct RevlogErrors: Error, Sendable, Hashable, CustomStringConvertible {
  /// The problems kept, in the order found (file order).
  public private(set) var errors: [RevlogError] = []
  /// How many problems were found in all (at least `errors.count`).
  public private(set) var totalCount = 0
  /// How many problems are kept.
  public let limit: Int

  /// Creates an empty collection that keeps at most `limit` problems.
  public init(limit: Int = 100) {
    self.limit = max(limit, 1)
  }

  /// Creates a collection holding one problem.
  public init(_ error: RevlogError) {
    self.init()
    append(error)
  }

  /// Records a problem (kept only while fewer than ``limit`` are held; always counted).
  public mutating func append(_ error: RevlogError) {
    totalCount += 1
    if errors.count < limit { errors.append(error) }
  }

  /// Whether no problem was found.
  public var isEmpty: Bool { totalCount == 0 }

  /// One problem per line, then `… and N more` when some were not kept.
  public var description: String {
    var lines = errors.map(\.description)
    if totalCount > errors.count { lines.append("… and \(totalCount - errors.count) more") }
    return lines.joined(separator: "\n")
  }

  /// The exit status for a command that fails with these errors: usage when the file cannot be read,
  /// otherwise failure.
  public var exitStatus: ExitStatus {
    errors.contains {
      if case .cannotRead = $0.issue { return true }
      return false
    } ? .usage : .failure
  }
}
