import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.ingest.base import document_from_text
from lagebild.store import schema as S
from lagebild.store.db import make_session
from lagebild.store.ingest import Ingester, IngestOptions
from tests.pg import *  # noqa: F403  (database fixtures)
from tests.storefix import as_is, make_doc

REPO = Path(__file__).resolve().parent.parent


def _write_articles(folder: Path, n: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"artikel_{i:04d}.txt"
        p.write_text(f"Meldung {i}\n\nDie Außenminister sprachen am Tag {i} in Genf über "
                     f"einen Gefangenenaustausch. Nummer {i} wurde bestätigt.\n", "utf-8")
        paths.append(str(p))
    return paths


def test_cli_ingest_is_idempotent_and_records_bad_inputs(tmp_path):
    paths = _write_articles(tmp_path / "in", 5)
    db = f"sqlite:///{tmp_path / 'x.db'}"
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", *paths, str(tmp_path / "fehlt.txt"), "--db", db])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["ingest", *paths, "--db", db])
    assert res.exit_code == 0, res.output
    s = make_session(db)
    assert s.scalar(select(func.count()).select_from(S.DocumentRow)) == 5
    assert s.scalar(select(func.count()).select_from(S.SourceRow)) == 5
    errors = list(s.scalars(select(S.IngestErrorRow)))
    assert len(errors) == 1 and errors[0].path.endswith("fehlt.txt")
    assert errors[0].stage == "read"


def test_same_text_other_outlet_is_another_counted_source(db_url):
    s = make_session(db_url)
    body = "Der Kreml bestätigte ein Telefonat zwischen Putin und Trump."
    docs = [document_from_text(body, outlet=o, url=f"https://{o}.example/x")
            for o in ("nordkurier", "suedbote", "nordkurier")]
    with Ingester(s, IngestOptions(merge=False), process=as_is) as ing:
        report = ing.run(docs)
    assert (report.stored, report.new_sources, report.unchanged) == (1, 1, 1)
    row = s.get(S.DocumentRow, docs[0].doc_id)
    assert row.n_sources == 2
    outlets = set(s.scalars(select(S.SourceRow.outlet)))
    assert outlets == {"nordkurier", "suedbote"}


def test_pipeline_error_is_recorded_and_batch_goes_on(db_url):
    s = make_session(db_url)
    docs = [make_doc(f"Titel {i}", f"Text über Gespräche Nummer {i}.") for i in range(3)]

    def flaky(doc):
        if "Nummer 1" in doc.text:
            return doc, "ValueError: kaputt"
        return doc, None

    with Ingester(s, IngestOptions(merge=False), process=flaky) as ing:
        report = ing.run(docs)
    assert report.stored == 2 and len(report.errors) == 1
    err = s.scalars(select(S.IngestErrorRow)).one()
    assert err.stage == "pipeline" and "kaputt" in err.message


def test_near_duplicate_is_linked_to_original(db_url):
    s = make_session(db_url)
    body = ("Bei dem Treffen in Istanbul vereinbarten die Delegationen aus Moskau und Kiew "
            "einen Austausch von jeweils tausend Kriegsgefangenen. Eine Waffenruhe lehnte die "
            "russische Seite ab, berichteten Teilnehmer nach dem Gespräch.")
    a = make_doc("Austausch vereinbart", body, outlet="A")
    b = make_doc("Gefangenenaustausch vereinbart", body.replace("berichteten", "sagten"),
                 outlet="B")
    with Ingester(s, IngestOptions(merge=False), process=as_is) as ing:
        report = ing.run([a, b])
    assert report.duplicates == 1
    assert s.get(S.DocumentRow, b.doc_id).duplicate_of == a.doc_id


def test_comments_redact_and_drop(tmp_path):
    comment = "Kommentare\nHansi_K schrieb vor 3 Stunden:\nDas glaube ich nicht.\n@Hansi_K Doch!"
    for mode in ("redact", "drop"):
        db = f"sqlite:///{tmp_path / mode}.db"
        s = make_session(db)
        doc = make_doc("Treffen", "Macron und Selenskyj trafen sich in Paris.", comment=comment)
        with Ingester(s, IngestOptions(comments=mode, merge=False), process=as_is) as ing:
            ing.run([doc])
        stored = json.loads(s.get(S.DocumentRow, doc.doc_id).doc_json)
        assert "Hansi_K" not in stored["text"]
        assert stored["doc_id"] == doc.doc_id
        for ent in stored["entities"]:  # offsets still point at the right words
            for m in ent["mentions"]:
                assert stored["text"][m["start"]:m["end"]] == m["text"]
        if mode == "redact":
            assert "Das glaube ich nicht." in stored["text"] and "[Nutzer]" in stored["text"]
        else:
            assert "glaube" not in stored["text"]
            assert all(seg["role"] != "comment" for seg in stored["segments"])


def test_store_text_snippets_keeps_evidence_only(tmp_path):
    db = f"sqlite:///{tmp_path / 's.db'}"
    s = make_session(db)
    doc = make_doc("Treffen", "Macron empfing Selenskyj in Paris. Es ging um Geld.",
                   events=[dict(type="CONSULT", actors=["lb:PER:macron", "lb:PER:selenskyj"])])
    with Ingester(s, IngestOptions(text_mode="snippets", merge=False), process=as_is) as ing:
        ing.run([doc])
    stored = json.loads(s.get(S.DocumentRow, doc.doc_id).doc_json)
    assert stored["text"] == "" and "text_snippets_only" in stored["flags"]
    assert stored["events"][0]["evidence"]["text"].startswith("Macron empfing")


def test_workers_store_the_same_documents(tmp_path):
    paths = _write_articles(tmp_path / "in", 12)
    ids = []
    for workers in (1, 2):
        db = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        res = CliRunner().invoke(app, ["ingest", *paths, "--db", db, "--workers", str(workers)])
        assert res.exit_code == 0, res.output
        ids.append(set(make_session(db).scalars(select(S.DocumentRow.doc_id))))
    assert ids[0] == ids[1] and len(ids[0]) == 12


_SLOW_DRIVER = """
import sys, time
import lagebild.pipeline as p
real = p.process
def slow(doc):
    time.sleep(0.03)  # stands in for real extraction cost, so the kill lands mid-batch
    return real(doc)
p.process = slow
from lagebild.store.db import make_session
from lagebild.store.ingest import IngestOptions, ingest_paths
paths = open(sys.argv[2]).read().split()
ingest_paths(make_session(sys.argv[1]), paths, IngestOptions(merge=False))
"""


def test_sigkilled_batch_restarts_with_every_document_exactly_once(tmp_path):
    n = 150
    paths = _write_articles(tmp_path / "in", n)
    listing = tmp_path / "paths.txt"
    listing.write_text("\n".join(paths))
    db_file = tmp_path / "kill.db"
    db = f"sqlite:///{db_file}"
    make_session(db).close()  # schema first, so polling can count rows
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmd = [sys.executable, "-c", _SLOW_DRIVER, db, str(listing)]
    proc = subprocess.Popen(cmd, env=env)
    engine = create_engine(db)
    stored = 0
    deadline = time.time() + 60
    while time.time() < deadline and stored < 20:
        time.sleep(0.05)
        with engine.connect() as c:
            stored = c.execute(text("SELECT count(*) FROM documents")).scalar()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with engine.connect() as c:
        at_kill = c.execute(text("SELECT count(*) FROM documents")).scalar()
    assert 0 < at_kill < n, "the kill must land mid-batch"
    subprocess.run(cmd, env=env, check=True, timeout=120)
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM documents")).scalar() == n
        assert c.execute(text("SELECT count(DISTINCT doc_id) FROM sources")).scalar() == n
        assert c.execute(text("SELECT count(*) FROM sources")).scalar() == n
        assert c.execute(text("SELECT count(*) FROM documents_fts")).scalar() == n
