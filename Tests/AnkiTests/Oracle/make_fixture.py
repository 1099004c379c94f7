"""Builds .apkg fixtures for fmlab's Anki tests with the real `anki` package or with genanki.

usage: make_fixture.py KIND OUT.apkg [--notes N] [--reviews R] [--merge PACKAGE.apkg]
  KIND  anki          Basic + Cloze notes answered with Anki's scheduler, exported with legacy=True (collection.anki21)
        anki-current  the same, exported the current way (zstd collection.anki21b plus a stub collection.anki2)
        genanki       Basic + Cloze notes written by genanki (collection.anki2), with HTML and terminal escapes
        bulk          N Basic notes and R review-log rows (evenly spread), legacy=True: the benchmark deck
  --merge         (anki, anki-current) import this package into the collection first — say one fmlab exported —
                  so that its cards are answered with the others and exported with them
Prints one JSON object describing what was written.
"""
import argparse, json, os, random, sys, tempfile, time

parser = argparse.ArgumentParser()
parser.add_argument("kind", choices=["anki", "anki-current", "genanki", "bulk"])
parser.add_argument("out")
parser.add_argument("--notes", type=int, default=10000)
parser.add_argument("--reviews", type=int, default=100000)
parser.add_argument("--merge")
args = parser.parse_args()
out = os.path.abspath(args.out)


def with_anki(legacy):
    from anki.collection import Collection, ExportAnkiPackageOptions
    from anki.scheduler.v3 import CardAnswer
    col = Collection(os.path.join(tempfile.mkdtemp(), "collection.anki2"))
    col.set_config("fsrs", True)
    if args.merge:
        from anki.collection import ImportAnkiPackageRequest, ImportAnkiPackageOptions
        col.import_anki_package(ImportAnkiPackageRequest(
            package_path=os.path.abspath(args.merge),
            options=ImportAnkiPackageOptions(with_scheduling=True, merge_notetypes=True)))
    deck = col.decks.id("Oracle::Capitals")
    basic = col.models.by_name("Basic")
    facts = [("Capital of France?", "Paris"), ("Capital of <b>Peru</b>?", "Lima<br>(on the coast)"),
             ("Capital of Japan?", "Tokyo")]
    for front, back in facts:
        note = col.new_note(basic)
        note["Front"], note["Back"] = front, back
        note.tags = ["geo::capitals", "oracle"]
        col.add_note(note, deck)
    cloze = col.new_note(col.models.by_name("Cloze"))
    cloze["Text"] = "{{c1::Canberra}} is the capital of {{c2::Australia::country}}"
    cloze["Back Extra"] = "Not Sydney."
    cloze.tags = ["geo::cloze"]
    col.add_note(cloze, deck)
    col.decks.select(deck)
    if args.merge:
        # Answer the merged package's cards too: the fmlab decks, one card each.
        for name in col.decks.all_names_and_ids():
            if name.name.startswith("fmlab"):
                col.decks.select(name.id)
                for qc in col.sched.get_queued_cards(fetch_limit=1).cards:
                    card = col.get_card(qc.card.id)
                    card.start_timer()
                    col.sched.answer_card(col.sched.build_answer(card=card, states=qc.states, rating=CardAnswer.GOOD))
        col.decks.select(deck)
    answered = 0
    # Answer every queued card with GOOD a few times (learning steps then review), AGAIN once on the first.
    for round_ in range(6):
        queued = col.sched.get_queued_cards(fetch_limit=20).cards
        if not queued:
            break
        for qc in queued:
            card = col.get_card(qc.card.id)
            card.start_timer()
            rating = CardAnswer.AGAIN if (answered == 0) else CardAnswer.GOOD
            col.sched.answer_card(col.sched.build_answer(card=card, states=qc.states, rating=rating))
            answered += 1
    col.export_anki_package(
        out_path=out, limit=None,
        options=ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False, with_media=True,
                                         legacy=legacy))
    result = {"notes": col.note_count(), "cards": col.card_count(),
              "reviews": col.db.scalar("select count() from revlog"),
              "guids": sorted(col.db.list("select guid from notes"))}
    col.close()
    return result


def with_genanki():
    import genanki
    model = genanki.Model(1607392319, "Basic (oracle)", fields=[{"name": "Front"}, {"name": "Back"}],
                          templates=[{"name": "Card 1", "qfmt": "{{Front}}",
                                      "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}])
    deck = genanki.Deck(2059400110, "Oracle::genanki")
    notes = [
        ("What is <i>RAG</i>?", "Retrieval-augmented<br>generation &amp; grounding", ["ml::rag"]),
        ("Escape \x1b[31mred\x1b[0m and \x1b]0;title\x07 test", "bell\x07 and <script>alert(1)</script>done",
         ["hostile"]),
        ("<div>Tokens</div><div>per minute</div>", "&lt;b&gt; not bold &#x263A; &nbsp;ok", ["ml"]),
    ]
    for front, back, tags in notes:
        deck.add_note(genanki.Note(model=model, fields=[front, back], tags=tags, guid=genanki.guid_for(front)))
    deck.add_note(genanki.Note(model=genanki.CLOZE_MODEL,
                               fields=["{{c1::Bedrock}} hosts {{c2::foundation models::what}}", "extra"],
                               tags=["cloze"]))
    genanki.Package(deck).write_to_file(out)
    return {"notes": len(notes) + 1}


def bulk():
    from anki.collection import Collection, ExportAnkiPackageOptions
    col = Collection(os.path.join(tempfile.mkdtemp(), "collection.anki2"))
    deck = col.decks.id("Bench")
    basic = col.models.by_name("Basic")
    requests = []
    from anki.collection import AddNoteRequest
    for i in range(args.notes):
        note = col.new_note(basic)
        note["Front"], note["Back"] = f"Question {i} <b>bold</b>", f"Answer {i}<br>line two"
        note.tags = ["bench", f"group::{i % 50}"]
        requests.append(AddNoteRequest(note=note, deck_id=deck))
    col.add_notes(requests)
    card_ids = col.db.list("select id from cards order by id")
    rng = random.Random(7)
    start = int(time.time() * 1000) - 400 * 86400 * 1000
    per_card = max(1, args.reviews // max(1, len(card_ids)))
    rows, rid = [], start
    for cid in card_ids:
        t = start + rng.randint(0, 86400 * 1000)
        for k in range(per_card):
            if len(rows) >= args.reviews:
                break
            rows.append((t, cid, -1, rng.choice([1, 3, 3, 3, 4]), 1, 0, 2500, 6000, 0 if k == 0 else 1))
            t += rng.randint(1, 30) * 86400 * 1000
    col.db.executemany("insert into revlog values (?,?,?,?,?,?,?,?,?)", rows)
    col.db.execute("update cards set type=2, queue=2, ivl=10, due=5, reps=10")
    col.export_anki_package(
        out_path=out, limit=None,
        options=ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False, with_media=False, legacy=True))
    result = {"notes": col.note_count(), "cards": col.card_count(), "reviews": len(rows)}
    col.close()
    return result


if args.kind == "anki":
    info = with_anki(True)
elif args.kind == "anki-current":
    info = with_anki(False)
elif args.kind == "genanki":
    info = with_genanki()
else:
    info = bulk()
print(json.dumps(info))
