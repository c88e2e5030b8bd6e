"""A small populated store for the API and browser tests (documents built by hand)."""

from __future__ import annotations

from pathlib import Path

from lagebild.store.db import session_scope
from lagebild.store.merging import rebuild
from lagebild.store.writer import Writer
from tests.storefix import ent_id, make_doc

HOSTILE = ('<script>window.__pwned = 1; alert("x")</script> '
           '<img src=x onerror="window.__pwned = 2"> '
           '<a href="javascript:window.__pwned=3">klick</a>')


def sample_docs() -> list:
    meet = make_doc(
        "Selenskyj trifft Macron in Paris",
        "Wolodymyr Selenskyj ist am Montag in Paris mit Emmanuel Macron zusammengekommen. "
        "Beide sprachen über Luftabwehr. „Wir brauchen mehr Schutz“, sagte Selenskyj.",
        outlet="Tagesblatt", url="https://tagesblatt.example/a", published="2025-03-04",
        events=[{"type": "CONSULT", "mode": "meet", "actors": [ent_id("selenskyj"),
                 ent_id("macron")], "location": ent_id("paris"), "topics": ["air_defense"],
                 "date": "2025-03-03"}],
        quotes=[{"text": "Wir brauchen mehr Schutz", "speaker": ent_id("selenskyj"),
                 "cue": "sagte"}],
        comment=f"Leser123 sagt:\nPutin ist schuld. {HOSTILE}")
    call = make_doc(
        "Trump telefoniert mit Putin",
        "Donald Trump hat am Dienstag mit Wladimir Putin telefoniert. "
        f"{HOSTILE} Beide wollen weiter reden.",
        outlet="Abendpost", url="https://abendpost.example/b", published="2025-03-12",
        events=[{"type": "CONSULT", "mode": "phone", "actors": [ent_id("trump"),
                 ent_id("putin")], "date": "2025-03-11"},
                {"type": "THREATEN", "actors": [ent_id("putin")], "status": "occurred",
                 "date": "2025-03-11"}])
    return [meet, call]


def populate(db_url: str) -> list[str]:
    """Store the sample documents and build merged events; returns their doc ids."""
    ids = []
    with session_scope(db_url) as session:
        writer = Writer(session)
        for doc in sample_docs():
            writer.store(doc)
            ids.append(doc.doc_id)
        rebuild(session)
        session.commit()
    return ids


def db_file(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'web.db'}"
