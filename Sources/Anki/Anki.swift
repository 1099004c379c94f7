/// Anki packages (.apkg): export and import. (Being written.)
public enum Anki {}
