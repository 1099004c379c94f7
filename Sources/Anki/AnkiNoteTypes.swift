import Foundation

/// The two note types fmlab exports, as the JSON a schema-11 collection keeps in `col.models`.
enum AnkiNoteTypes {
  static let css = """
    .card { font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 20px; line-height: 1.4;
      text-align: left; color: #1d1d1f; background-color: #ffffff; max-width: 42em; margin: 0 auto; }
    .nightMode .card, .night_mode .card { color: #e8e8ea; background-color: #1e1e20; }
    .fmlab-meta { font-size: 13px; color: #6e6e73; margin-bottom: 0.6em; }
    .fmlab-stem, .fmlab-front { font-weight: 600; }
    .fmlab-options ol, .fmlab-explanations ol { padding-left: 1.6em; }
    .fmlab-options li, .fmlab-explanations li { margin: 0.25em 0; }
    .fmlab-answer { font-weight: 600; color: #1a7f37; margin-bottom: 0.6em; }
    .nightMode .fmlab-answer, .night_mode .fmlab-answer { color: #56d364; }
    .fmlab-source { font-size: 12px; color: #6e6e73; margin-top: 1em; word-break: break-all; }
    """

  static let flashcardFront = """
    <div class="fmlab-meta">{{Topic}}</div>
    <div class="fmlab-front">{{Front}}</div>
    """
  static let flashcardBack = """
    {{FrontSide}}

    <hr id=answer>

    <div class="fmlab-back">{{Back}}</div>
    {{#Source}}<div class="fmlab-source">{{Source}}</div>{{/Source}}
    """
  static let examItemFront = """
    <div class="fmlab-meta">{{Objective}} · {{Item type}}</div>
    <div class="fmlab-stem">{{Stem}}</div>
    <div class="fmlab-options">{{Options}}</div>
    """
  static let examItemBack = """
    {{FrontSide}}

    <hr id=answer>

    <div class="fmlab-answer">{{Answer}}</div>
    <div class="fmlab-explanations">{{Explanations}}</div>
    {{#Source}}<div class="fmlab-source">{{Source}}</div>{{/Source}}
    """

  static let flashcardFields = ["Front", "Back", "Topic", "Source"]
  static let examItemFields = ["Stem", "Options", "Answer", "Explanations", "Objective", "Item type", "Source"]

  /// `col.models` for both note types, keyed by id.
  static func models(modified: Int64) -> [String: Any] {
    [
      String(AnkiIdentity.flashcardNoteTypeID): model(
        id: AnkiIdentity.flashcardNoteTypeID, name: "fmlab flashcard", fields: flashcardFields,
        front: flashcardFront, back: flashcardBack, deck: AnkiIdentity.flashcardDeckID, modified: modified),
      String(AnkiIdentity.examItemNoteTypeID): model(
        id: AnkiIdentity.examItemNoteTypeID, name: "fmlab exam item", fields: examItemFields, front: examItemFront,
        back: examItemBack, deck: AnkiIdentity.examItemDeckID, modified: modified),
    ]
  }

  static func model(
    id: Int64, name: String, fields: [String], front: String, back: String, deck: Int64, modified: Int64
  ) -> [String: Any] {
    [
      "id": id, "name": name, "type": 0, "mod": modified, "usn": -1, "sortf": 0, "did": deck,
      "tmpls": [
        [
          "name": "Card 1", "ord": 0, "qfmt": front, "afmt": back, "bqfmt": "", "bafmt": "", "did": NSNull(),
          "bfont": "", "bsize": 0,
        ] as [String: Any]
      ],
      "flds": fields.enumerated().map { index, field in
        [
          "name": field, "ord": index, "sticky": false, "rtl": false, "font": "Arial", "size": 20, "media": [],
        ] as [String: Any]
      },
      "css": css, "latexPre": latexPre, "latexPost": "\\end{document}", "latexsvg": false,
      "req": [[0, "any", [0]]], "tags": [], "vers": [],
    ]
  }

  static let latexPre = """
    \\documentclass[12pt]{article}
    \\special{papersize=3in,5in}
    \\usepackage[utf8]{inputenc}
    \\usepackage{amssymb,amsmath}
    \\pagestyle{empty}
    \\setlength{\\parindent}{0in}
    \\begin{document}

    """
}
