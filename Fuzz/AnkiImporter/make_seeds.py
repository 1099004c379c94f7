"""Writes the seed corpus of Fuzz/AnkiImporter: small schema-11 Anki collections, as packages ('p' + .apkg
bytes) and as bare collections ('c' + SQLite bytes, which the fuzz target zips as collection.anki21).

usage: python3 Fuzz/AnkiImporter/make_seeds.py   (standard library only; rewrites Fuzz/AnkiImporter/corpus)
Pages are 512 bytes so each seed stays a few KB: libFuzzer's input size limit follows the largest seed.
"""
import io, json, os, sqlite3, tempfile, zipfile

here = os.path.dirname(os.path.abspath(__file__))
corpus = os.path.join(here, "corpus")
os.makedirs(corpus, exist_ok=True)

MODELS = {
    "1700000000001": {"id": 1700000000001, "name": "Basic", "type": 0,
                      "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}]},
    "1700000000002": {"id": 1700000000002, "name": "Cloze", "type": 1,
                      "flds": [{"name": "Text", "ord": 0}, {"name": "Back Extra", "ord": 1}]},
}
DECKS = {"1": {"id": 1, "name": "Default"}, "1700000000100": {"id": 1700000000100, "name": "Geo\x1fCapitals"}}


def collection(notes, cards, revlog, models=MODELS, decks=DECKS):
    path = os.path.join(tempfile.mkdtemp(), "c.sqlite")
    db = sqlite3.connect(path)
    db.executescript("""
        PRAGMA page_size = 512;
        CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, models text not null,
          decks text not null);
        CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, tags text not null,
          flds text not null);
        CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
          type integer not null, queue integer not null, due integer not null, ivl integer not null,
          reps integer not null, lapses integer not null);
        CREATE TABLE revlog (id integer primary key, cid integer not null, ease integer not null, ivl integer not null,
          lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
    """)
    db.execute("INSERT INTO col VALUES (1, 1700000000, 1700000000, ?, ?)", (json.dumps(models), json.dumps(decks)))
    db.executemany("INSERT INTO notes VALUES (?, ?, ?, ?, ?)", notes)
    db.executemany("INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cards)
    db.executemany("INSERT INTO revlog VALUES (?, ?, ?, ?, ?, ?, ?, ?)", revlog)
    db.commit()
    db.execute("VACUUM")
    db.close()
    with open(path, "rb") as f:
        return f.read()


def package(entries, compression=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data, compress_type=compression)
    return out.getvalue()


def write(name, selector, data):
    with open(os.path.join(corpus, name), "wb") as f:
        f.write(selector + data)


basic = collection(
    notes=[(1, "OdC0*1p;>%", 1700000000001, " geo::capitals oracle ", "Capital of <b>Peru</b>?\x1fLima<br>(on the coast)"),
           (2, "l4<H~0UaM$", 1700000000002, "geo::cloze", "{{c1::Canberra}} is the capital of {{c2::Australia::country}}\x1fNot Sydney."),
           (3, "esc", 1700000000001, "", "\x1b[31mred\x1b[0m &amp; &#27;]0;title\x07\x1fback")],
    cards=[(10, 1, 1700000000100, 0, 2, 2, 20, 3, 2, 0), (11, 2, 1700000000100, 0, 1, 1, 5, 1, 1, 0),
           (12, 2, 1700000000100, 1, 0, 0, 1, 0, 0, 0), (13, 3, 1, 0, 0, 0, 2, 0, 0, 0)],
    revlog=[(1700000000000, 10, 3, -600, 0, 0, 5200, 0), (1700000600000, 10, 3, 1, -600, 2500, 3100, 0),
            (1700090000000, 10, 1, -600, 1, 2300, 8000, 1), (1700090000001, 11, 4, 4, 0, 2500, 900, 0),
            (1700090000002, 11, 0, 0, 0, 0, 0, 4)])
write("collection-basic-cloze", b"c", basic)
write("package-basic-cloze.apkg", b"p", package([("collection.anki21", basic), ("media", b"{}")]))
write("package-legacy-stored.apkg", b"p", package([("collection.anki2", basic), ("media", b"{}")], zipfile.ZIP_STORED))
write("package-zip-slip.apkg", b"p", package([("../evil.txt", b"x"), ("collection.anki21", basic)]))
write("package-no-collection.apkg", b"p", package([("media", b"{}"), ("0", b"image bytes")]))
write("package-not-sqlite.apkg", b"p", package([("collection.anki21", b"this is not SQLite")]))
write("package-anki21b-only.apkg", b"p", package([("collection.anki21b", b"\x28\xb5\x2f\xfd stub"), ("collection.anki2", basic)]))
write("not-a-zip.apkg", b"p", b"PK\x03\x04 but nothing else")
stub = collection(notes=[(1, "stub", 1700000000001, "", "Please update to the latest Anki version, then import the .colpkg/.apkg file again.\x1f")],
                  cards=[(1, 1, 1, 0, 0, 0, 1, 0, 0, 0)], revlog=[])
write("collection-update-stub", b"c", stub)
notetypes_only = collection(notes=[], cards=[], revlog=[], models={})
write("collection-empty-models", b"c", notetypes_only)

# Once crash inputs (fixed 2026-11-26 in Sources/Anki): a review-log id of Int64.max milliseconds, and a notes
# table that allows a NULL id.
late = collection(notes=[(1, "late", 1700000000001, "", "front\x1fback")], cards=[(10, 1, 1, 0, 2, 2, 20, 3, 2, 0)],
                  revlog=[(9223372036854775807, 10, 3, 1, 0, 2500, 100, 1)])
write("collection-review-at-int64-max", b"c", late)
path = os.path.join(tempfile.mkdtemp(), "null-id.sqlite")
db = sqlite3.connect(path)
db.executescript("""
    PRAGMA page_size = 512;
    CREATE TABLE col (crt integer, models text, decks text);
    CREATE TABLE notes (id, guid, mid, tags, flds);
    CREATE TABLE cards (id, nid, did, ord, type, queue, due, ivl, reps, lapses);
""")
db.execute("INSERT INTO col VALUES (1, ?, '{}')", (json.dumps(MODELS),))
db.execute("INSERT INTO notes VALUES (NULL, 'g', 1700000000001, '', 'front' || char(31) || 'back')")
db.execute("INSERT INTO cards VALUES (NULL, NULL, 'x', 1e300, NULL, NULL, 'due', NULL, NULL, NULL)")
db.commit()
db.execute("VACUUM")
db.close()
with open(path, "rb") as f:
    write("collection-null-ids", b"c", f.read())
