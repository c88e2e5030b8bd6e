import json

import jsonschema

from lagebild.model import Document, Event, Span, compute_doc_id
from lagebild.pipeline import STAGES, Pipeline


def test_empty_document_serialises_with_all_required_fields():
    doc = Document(text="Hallo", doc_id=compute_doc_id("Hallo"))
    data = json.loads(doc.to_json())
    for key in ("format", "doc_id", "source", "language", "published", "title", "text",
                "flags", "segments", "entities", "quotes", "events"):
        assert key in data
    assert data["format"] == "lagebild.document/1"
    assert "sentences" not in data and "timexes" not in data


def test_output_validates_against_spec_schema(spec_dir):
    schema = json.loads((spec_dir / "document.schema.json").read_text())
    doc = Document(text="Putin traf Xi.", doc_id=compute_doc_id("Putin traf Xi."))
    doc.events.append(Event(type="CONSULT", evidence=Span(start=0, end=14, text=doc.text)))
    jsonschema.validate(doc.to_dict(), schema)


def test_doc_id_ignores_whitespace_runs_only():
    assert compute_doc_id("a  b\n") == compute_doc_id("a b")
    assert compute_doc_id("a b") != compute_doc_id("a c")


def test_non_ascii_is_written_unescaped():
    assert "„Frieden“" in Document(text="„Frieden“").to_json()


def test_pipeline_runs_registered_stages_in_order():
    seen: list[str] = []

    def stage(name):
        def run(doc):
            seen.append(name)
            return doc
        return run

    Pipeline([("a", stage("a")), ("b", stage("b"))])(Document(text="x"))
    assert seen == ["a", "b"]
    assert [name for name, _ in STAGES][:2] == ["segment", "nlp"]
