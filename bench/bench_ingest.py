"""End-to-end ingest throughput benchmark (not a test).

Generates N German news-like documents (varied sentences, names, dates; about 2 KB each), then
ingests them into a fresh SQLite store with the full pipeline and reports documents/s, documents
/s per core, and peak memory (resident set of the main process and of the worker processes).

    python bench/bench_ingest.py --docs 3000 --workers 1
    python bench/bench_ingest.py --docs 3000 --workers 2
    python bench/bench_ingest.py --docs 500 --profile      # where the time goes (cProfile)
    python bench/bench_ingest.py --docs 3000 --store-only  # the store alone, no extraction
    python bench/bench_ingest.py --docs 3000 --synthetic-extraction  # store + merging cost
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lagebild.ingest.base import document_from_text  # noqa: E402
from lagebild.model import Document  # noqa: E402

PEOPLE = ["Wolodymyr Selenskyj", "Donald Trump", "Wladimir Putin", "Emmanuel Macron",
          "Friedrich Merz", "Keir Starmer", "Marco Rubio", "Sergej Lawrow", "Andrij Sybiha",
          "Recep Tayyip Erdoğan", "Mark Rutte", "Ursula von der Leyen", "Giorgia Meloni"]
PLACES = ["Kiew", "Moskau", "Washington", "Berlin", "Paris", "London", "Istanbul", "Genf",
          "Brüssel", "Warschau", "Riad", "Rom"]
DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
TOPICS = ["eine Waffenruhe", "Sicherheitsgarantien", "Luftabwehrsysteme", "neue Sanktionen",
          "einen Gefangenenaustausch", "Energieanlagen", "Wiederaufbauhilfen", "Drohnenangriffe"]
TEMPLATES = [
    "{a} hat am {d} in {p} mit {b} über {t} gesprochen.",
    "Nach Angaben aus {p} dauerte das Gespräch zwischen {a} und {b} rund {n} Minuten.",
    "{a} forderte von {b} mehr Tempo bei den Verhandlungen über {t}.",
    "„Wir brauchen {t}, und zwar jetzt“, sagte {a} am {d} vor Journalisten in {p}.",
    "{b} wies die Vorwürfe aus {p} am {d} entschieden zurück.",
    "Beobachter in {p} rechnen nicht mit einem raschen Durchbruch.",
    "Die Außenminister wollen sich nach Angaben von {a} in {n} Tagen erneut treffen.",
    "{a} kündigte an, {b} in der kommenden Woche in {p} zu empfangen.",
    "In {p} demonstrierten am {d} mehrere tausend Menschen für {t}.",
    "{b} telefonierte am {d} mit {a}; Einzelheiten wurden nicht bekannt.",
    "Die Regierung in {p} stellte zusätzliche {n} Millionen Euro für {t} bereit.",
    "{a} warnte {b} vor einer weiteren Eskalation.",
    "Der Sprecher von {a} sagte, man sei zu Gesprächen über {t} bereit.",
    "Nach dem Treffen in {p} sprach {b} von einem konstruktiven Austausch.",
    "Ein Abkommen über {t} sei noch nicht unterschriftsreif, hieß es aus {p}.",
    "{a} und {b} vereinbarten am {d}, ihre Berater nach {p} zu schicken.",
    "Kritiker werfen {a} vor, {t} zu verschleppen.",
    "Die Lage an der Front blieb nach Angaben aus {p} angespannt.",
    "{b} sagte, ohne {t} werde es keinen dauerhaften Frieden geben.",
    "Am {d} traf {a} in {p} auch Vertreter der Opposition.",
]
NOISE = ["Teilen auf Facebook | Teilen auf X | Link kopieren", "Foto: Agentur / Archivbild",
         "Lesen Sie auch: Das Wetter am Wochenende", "Newsletter: Jetzt kostenlos anmelden"]


def generate(n: int, seed: int = 7) -> list[Document]:
    return list(iter_generate(n, seed))


def iter_generate(n: int, seed: int = 7) -> Iterator[Document]:
    """Documents one at a time, as a real reader yields them (nothing is held after storing)."""
    rng = random.Random(seed)
    for i in range(n):
        a, b = rng.sample(PEOPLE, 2)
        title = f"{a} und {b} beraten in {rng.choice(PLACES)} über {rng.choice(TOPICS)}"
        lines = [title, rng.choice(NOISE)]
        for _ in range(rng.randint(14, 20)):
            x, y = rng.sample(PEOPLE, 2)
            lines.append(rng.choice(TEMPLATES).format(
                a=x, b=y, p=rng.choice(PLACES), d=rng.choice(DAYS), t=rng.choice(TOPICS),
                n=rng.randint(2, 180)))
        lines.append(rng.choice(NOISE))
        lines.append(f"Meldung {i}")
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        yield document_from_text("\n".join(lines), outlet=f"Outlet {i % 17}",
                                 url=f"https://bench.example/{i}", published=day, title=title)


def synthetic_extraction(doc: Document) -> tuple[Document, None]:
    """Stand-in extraction output of realistic size (entities with all their mentions, a
    segment per line, three events), to measure what storing costs when extraction is real."""
    from lagebild.model import Entity, Event, EventDate, Segment, Span

    pos = 0
    for i, line in enumerate(doc.text.split("\n")):
        role = "title" if i == 0 else ("chrome" if line in NOISE else "body")
        doc.segments.append(Segment(start=pos, end=pos + len(line), text=line, role=role))
        pos += len(line) + 1
    for name in PEOPLE:
        surname = name.split()[-1]
        spans, at = [], doc.text.find(surname)
        while at >= 0:
            spans.append(Span(start=at, end=at + len(surname), text=surname))
            at = doc.text.find(surname, at + 1)
        if spans:
            key = surname.lower()
            doc.entities.append(Entity(id=f"lb:PER:{key}", name=name, type="PER",
                                       mentions=spans))
    ids = [e.id for e in doc.entities]
    body = [s for s in doc.segments if s.role == "body"]
    for k in range(min(3, len(body), max(0, len(ids) - 1))):
        seg = body[k]
        doc.events.append(Event(type="CONSULT", mode="meet", actors=ids[k:k + 2],
                                date=EventDate(value=doc.published.value, precision="day",
                                               origin="publication"),
                                evidence=Span(start=seg.start, end=seg.end, text=seg.text)))
    return doc, None


def cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children (the workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def run(n: int, workers: int, store_only: bool, profile: bool, synthetic: bool) -> dict:
    from lagebild.store.db import make_session
    from lagebild.store.ingest import Ingester, IngestOptions

    tmp = Path(tempfile.mkdtemp(prefix="lagebild-bench-"))
    session = make_session(f"sqlite:///{tmp / 'bench.db'}")
    kwargs: dict = {}
    if store_only:
        kwargs["process"] = (lambda d: (d, None))
    elif synthetic:
        kwargs["process"] = synthetic_extraction
    # warm-up: load lexicons and models once, outside the measurement
    if not store_only and not synthetic:
        from lagebild.pipeline import process

        process(generate(1, seed=99)[0])
    prof = cProfile.Profile() if profile else None
    cpu0 = cpu_seconds()
    start = time.perf_counter()
    with Ingester(session, IngestOptions(workers=workers), **kwargs) as ing:
        if prof:
            prof.enable()
        report = ing.run(iter_generate(n))
        if prof:
            prof.disable()
        seconds = time.perf_counter() - start
    cpu = cpu_seconds() - cpu0
    own, kids = peak_mb()
    result = {
        "documents": n, "workers": workers, "store_only": store_only,
        "synthetic_extraction": synthetic,
        "seconds": round(seconds, 2), "docs_per_s": round(n / seconds, 1),
        "docs_per_s_per_core": round(n / seconds / workers, 1),
        # robust to a busy machine: documents per CPU-second actually spent (all processes)
        "cpu_seconds": round(cpu, 1), "docs_per_cpu_s": round(n / cpu, 1),
        "stored": report.stored, "errors": len(report.errors),
        "merged_events": report.merged,
        "avg_chars": round(sum(len(d.text) for d in iter_generate(min(n, 200))) / min(n, 200)),
        "peak_rss_main_mb": round(own), "peak_rss_worker_mb": round(kids),
    }
    if prof:
        stats = pstats.Stats(prof).sort_stats("cumulative")
        stats.print_stats(30)
        stats.sort_stats("tottime").print_stats(20)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description="lagebild ingest throughput benchmark")
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--store-only", action="store_true", help="skip extraction")
    ap.add_argument("--synthetic-extraction", action="store_true",
                    help="store realistic stand-in extraction output instead of running stages")
    ap.add_argument("--profile", action="store_true", help="cProfile the main process")
    args = ap.parse_args()
    print(json.dumps(run(args.docs, args.workers, args.store_only, args.profile,
                         args.synthetic_extraction), indent=1))


if __name__ == "__main__":
    main()
