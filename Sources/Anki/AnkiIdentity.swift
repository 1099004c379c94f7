/// Stable identities for what fmlab exports, so exporting again updates notes in Anki instead of adding copies.
///
/// Anki matches an imported note to an existing one by its GUID and a note type by its id; both are derived
/// here from fmlab's own ids with a 64-bit FNV-1a hash, never from the clock.
public enum AnkiIdentity {
  /// Anki's 91-character GUID alphabet (the one `anki.utils.base91` and genanki use).
  public static let base91Alphabet = Array(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~")

  /// The flashcard note type's id.
  public static let flashcardNoteTypeID: Int64 = 1_731_000_000_001
  /// The exam-item note type's id.
  public static let examItemNoteTypeID: Int64 = 1_731_000_000_002
  /// The parent deck `fmlab AIF-C01`.
  public static let parentDeckID: Int64 = 1_731_000_000_100
  /// The deck `fmlab AIF-C01::Flashcards`.
  public static let flashcardDeckID: Int64 = 1_731_000_000_101
  /// The deck `fmlab AIF-C01::Exam items`.
  public static let examItemDeckID: Int64 = 1_731_000_000_102

  /// The note GUID for an fmlab id (`flashcard:<id>` or `item:<id>`): base91 digits of its hash.
  public static func guid(for key: String) -> String {
    var value = hash(key)
    var digits: [Character] = []
    repeat {
      digits.append(base91Alphabet[Int(value % 91)])
      value /= 91
    } while value > 0
    return String(digits.reversed())
  }

  /// A positive id below 2⁵³ (safe in JavaScript, as Anki's own ids are) for a note or card.
  public static func rowID(for key: String) -> Int64 {
    Int64(hash(key) & ((1 << 53) - 1)) | (1 << 40)
  }

  /// 64-bit FNV-1a of the UTF-8 bytes.
  public static func hash(_ key: String) -> UInt64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key.utf8 {
      value ^= UInt64(byte)
      value = value &* 0x0100_0000_01b3
    }
    return value
  }
}
