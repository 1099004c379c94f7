/// The result of a successful revlog parse: every entry in file order, and a summary.
public struct RevlogImport: Sendable, Hashable, Codable {
  /// The reviews, in file order.
  public var entries: [RevlogEntry]
  /// Counts of rows, skipped rows and cards.
  public var summary: RevlogSummary

  /// Creates an import result.
  public init(entries: [RevlogEntry], summary: RevlogSummary) {
    self.entries = entries
    self.summary = summary
  }
}
