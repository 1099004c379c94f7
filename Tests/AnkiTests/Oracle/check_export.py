"""Imports one or more .apkg files, in order, into a fresh Anki collection (FSRS on, scheduling kept) and prints
what Anki made of them as one JSON object: counts after each import, the scheduler's day, and every note with its
fields, tags and cards (type, queue, due, interval, memory state, deck).

usage: check_export.py PACKAGE.apkg [PACKAGE2.apkg …]
"""
import json, os, sys, tempfile
from anki.collection import Collection, ImportAnkiPackageRequest, ImportAnkiPackageOptions

col = Collection(os.path.join(tempfile.mkdtemp(), "collection.anki2"))
col.set_config("fsrs", True)
counts = []
for path in sys.argv[1:]:
    col.import_anki_package(ImportAnkiPackageRequest(
        package_path=os.path.abspath(path),
        options=ImportAnkiPackageOptions(with_scheduling=True, merge_notetypes=True)))
    counts.append([col.note_count(), col.card_count()])
notes = []
for nid in col.find_notes(""):
    note = col.get_note(nid)
    cards = []
    for card in note.cards():
        memory = card.memory_state
        cards.append({
            "ord": card.ord, "type": card.type, "queue": card.queue, "due": card.due, "ivl": card.ivl,
            "reps": card.reps, "lapses": card.lapses, "deck": col.decks.name(card.did),
            "memory": [round(memory.stability, 4), round(memory.difficulty, 4)] if memory else None,
            "question": card.question(), "answer": card.answer(),
        })
    notes.append({"guid": note.guid, "notetype": note.note_type()["name"], "fields": dict(note.items()),
                  "tags": note.tags, "cards": cards})
print(json.dumps({"counts": counts, "today": col.sched.today, "crt": col.crt, "notes": notes}))
col.close()
