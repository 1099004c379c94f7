import Foundation

/// The schema-11 collection (`collection.anki2`) that every Anki version can import: tables and the `col` row.
enum AnkiCollectionSchema {
  static let tables = """
    CREATE TABLE col (
      id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
      ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL,
      conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
    CREATE TABLE notes (
      id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
      usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL,
      csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
    CREATE TABLE cards (
      id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
      mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL,
      due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL,
      lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL,
      flags integer NOT NULL, data text NOT NULL);
    CREATE TABLE revlog (
      id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
      ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
      type integer NOT NULL);
    CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
    CREATE INDEX ix_notes_usn ON notes (usn);
    CREATE INDEX ix_cards_usn ON cards (usn);
    CREATE INDEX ix_revlog_usn ON revlog (usn);
    CREATE INDEX ix_cards_nid ON cards (nid);
    CREATE INDEX ix_cards_sched ON cards (did, queue, due);
    CREATE INDEX ix_revlog_cid ON revlog (cid);
    CREATE INDEX ix_notes_csum ON notes (csum);
    """

  static func json(_ object: Any) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  static func conf(modified: Int64) -> [String: Any] {
    [
      "activeDecks": [AnkiIdentity.parentDeckID], "curDeck": AnkiIdentity.parentDeckID, "newSpread": 0,
      "collapseTime": 1200, "timeLim": 0, "estTimes": true, "dueCounts": true,
      "curModel": String(AnkiIdentity.flashcardNoteTypeID), "nextPos": 1, "sortType": "noteFld",
      "sortBackwards": false, "addToCur": true, "schedVer": 2, "creationOffset": 0,
    ]
  }

  static func decks(modified: Int64) -> [String: Any] {
    [
      "1": deck(id: 1, name: "Default", modified: modified),
      String(AnkiIdentity.parentDeckID): deck(
        id: AnkiIdentity.parentDeckID, name: "fmlab AIF-C01", modified: modified,
        description: "AWS Certified AI Practitioner (AIF-C01) study deck exported by fmlab."),
      String(AnkiIdentity.flashcardDeckID): deck(
        id: AnkiIdentity.flashcardDeckID, name: "fmlab AIF-C01::Flashcards", modified: modified),
      String(AnkiIdentity.examItemDeckID): deck(
        id: AnkiIdentity.examItemDeckID, name: "fmlab AIF-C01::Exam items", modified: modified),
    ]
  }

  static func deck(id: Int64, name: String, modified: Int64, description: String = "") -> [String: Any] {
    [
      "id": id, "name": name, "desc": description, "mod": modified, "usn": -1, "dyn": 0, "conf": 1,
      "collapsed": false, "browserCollapsed": false, "extendNew": 0, "extendRev": 0,
      "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0],
    ]
  }

  static func deckConfig() -> [String: Any] {
    [
      "1": [
        "id": 1, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0,
        "replayq": true, "dyn": false,
        "new": [
          "bury": false, "delays": [1, 10], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1, "perDay": 20,
        ] as [String: Any],
        "lapse": ["delays": [10], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0] as [String: Any],
        "rev": [
          "bury": false, "ease4": 1.3, "ivlFct": 1, "maxIvl": 36500, "perDay": 200, "hardFactor": 1.2,
        ] as [String: Any],
      ] as [String: Any]
    ]
  }
}
