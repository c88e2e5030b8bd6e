"""End to end with the real extraction pipeline: what is deterministic whatever it extracts."""

import json

import jsonschema
from sqlalchemy import func, select
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.demo import sample_documents
from lagebild.store import schema as S
from lagebild.store.db import make_session
from lagebild.store.ingest import Ingester, IngestOptions


def test_stored_rows_mirror_each_document_and_export_validates(tmp_path, spec_dir):
    db = f"sqlite:///{tmp_path / 'p.db'}"
    s = make_session(db)
    with Ingester(s, IngestOptions()) as ing:
        report = ing.run(sample_documents())
    assert report.stored == len(sample_documents()) and not report.errors
    for row in s.scalars(select(S.DocumentRow)):
        doc = json.loads(row.doc_json)
        n_events = s.scalar(select(func.count()).select_from(S.EventRow)
                            .where(S.EventRow.doc_id == row.doc_id))
        n_quotes = s.scalar(select(func.count()).select_from(S.QuoteRow)
                            .where(S.QuoteRow.doc_id == row.doc_id))
        assert (n_events, n_quotes) == (len(doc["events"]), len(doc["quotes"]))
        ids = {e["id"] for e in doc["entities"]}
        for ev in doc["events"]:
            assert set(ev["actors"]) | set(ev["recipients"]) <= ids
    # every stored event belongs to exactly one merged event
    assert s.scalar(select(func.count()).select_from(S.EventRow)
                    .where(S.EventRow.merged_id.is_(None))) == 0
    out = tmp_path / "docs.jsonl"
    res = CliRunner().invoke(app, ["export", "--db", db, "--format", "jsonl", "--out", str(out)])
    assert res.exit_code == 0, res.output
    schema = json.loads((spec_dir / "document.schema.json").read_text())
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == report.stored
    for line in lines:
        jsonschema.validate(json.loads(line), schema)


def test_reprocess_keeps_documents_and_refreshes_extractions(tmp_path):
    db = f"sqlite:///{tmp_path / 'r.db'}"
    s = make_session(db)
    docs = sample_documents()[:2]
    with Ingester(s, IngestOptions()) as ing:
        ing.run(docs)
    before = {r.doc_id: r.doc_json for r in s.scalars(select(S.DocumentRow))}
    res = CliRunner().invoke(app, ["reprocess", "--db", db])
    assert res.exit_code == 0, res.output
    s2 = make_session(db)
    after = {r.doc_id: r.doc_json for r in s2.scalars(select(S.DocumentRow))}
    assert before == after  # same versions, same rules: the same extraction again
    assert s2.scalar(select(func.count()).select_from(S.SourceRow)) == 2
