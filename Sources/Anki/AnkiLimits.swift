/// What the importer accepts from a package, enforced while inflating (never trusting the zip's headers).
public struct AnkiLimits: Sendable, Equatable {
  /// Most entries in the zip (collection, media list and media files).
  public var maxEntries: Int
  /// Most bytes any one entry that is read may inflate to.
  public var maxEntryBytes: Int64
  /// Most bytes all entries that are read may inflate to together.
  public var maxTotalBytes: Int64
  /// Most an entry may inflate relative to its compressed size (entries under 64 KiB are exempt).
  public var maxCompressionRatio: Int

  /// Creates limits.
  public init(maxEntries: Int, maxEntryBytes: Int64, maxTotalBytes: Int64, maxCompressionRatio: Int) {
    self.maxEntries = maxEntries
    self.maxEntryBytes = maxEntryBytes
    self.maxTotalBytes = maxTotalBytes
    self.maxCompressionRatio = maxCompressionRatio
  }

  /// Room for a large deck (a 1 GiB collection, 100,000 media entries); SQLite pages compress about 10:1,
  /// so a ratio of 200 only stops bombs.
  public static let standard = AnkiLimits(
    maxEntries: 100_000, maxEntryBytes: 1 << 30, maxTotalBytes: 1 << 30, maxCompressionRatio: 200)
}
