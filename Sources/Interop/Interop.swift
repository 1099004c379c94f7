/// Interchange formats: the FSRS ecosystem's revlog CSV.
public enum Interop {}
