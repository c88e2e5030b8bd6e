import json

from sqlalchemy import func, select, text

from lagebild.store import schema as S
from lagebild.store.db import make_session
from lagebild.store.writer import Writer
from tests.pg import *  # noqa: F403  (database fixtures)
from tests.storefix import ent_id, make_doc

BODY = ("Der französische Präsident Macron hat Selenskyj am Dienstag in Paris empfangen. "
        "Beide sprachen über Luftabwehr.")


def _doc(**kw):
    return make_doc("Macron empfängt Selenskyj", BODY, events=[
        dict(type="CONSULT", mode="visit", actors=[ent_id("selenskyj")],
             recipients=[ent_id("macron")], location=ent_id("paris"), topics=["air_defense"])],
        quotes=[dict(text="Beide sprachen über Luftabwehr.", speaker=ent_id("macron"))], **kw)


def test_store_keeps_full_document_json_and_normalised_rows(db_url):
    session = make_session(db_url)
    doc = _doc()
    Writer(session).store(doc.model_copy(deep=True))
    row = session.get(S.DocumentRow, doc.doc_id)
    assert json.loads(row.doc_json) == doc.to_dict()
    assert session.scalar(select(func.count()).select_from(S.EventRow)) == 1
    ev = session.scalars(select(S.EventRow)).one()
    assert (ev.type, ev.mode, ev.date_start, ev.location) == (
        "CONSULT", "visit", "2025-03-04", ent_id("paris"))
    roles = {(p.entity_id, p.role) for p in session.scalars(select(S.EventParticipantRow))}
    assert roles == {(ent_id("selenskyj"), "actor"), (ent_id("macron"), "recipient")}
    assert session.scalars(select(S.QuoteRow.speaker)).one() == ent_id("macron")
    prov = session.get(S.Provenance, row.provenance_id)
    assert prov.lagebild_version and prov.kb_version and json.loads(prov.models)
    assert ev.provenance_id == row.provenance_id
    session.close()


def test_same_source_is_noop_other_outlet_is_counted(db_url):
    session = make_session(db_url)
    w = Writer(session)
    w.store(_doc())
    assert w.add_source(_doc()) is False
    assert w.add_source(_doc(outlet="Abendpost")) is True
    row = session.get(S.DocumentRow, _doc().doc_id)
    assert row.n_sources == 2
    assert session.scalar(select(func.count()).select_from(S.DocumentRow)) == 1
    session.close()


def test_full_text_search_finds_news_text_only(db_url):
    session = make_session(db_url)
    Writer(session).store(_doc(comment="Hans schrieb: Luftschloss und Sauerkraut"))
    if session.get_bind().dialect.name == "sqlite":
        q = "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :q"
    else:
        q = ("SELECT count(*) FROM documents "
             "WHERE to_tsvector('german', news_text) @@ plainto_tsquery('german', :q)")
    assert session.execute(text(q), {"q": "Luftabwehr"}).scalar() == 1
    assert session.execute(text(q), {"q": "Sauerkraut"}).scalar() == 0
    session.close()


def test_delete_outlet_keeps_documents_other_outlets_carry(db_url):
    session = make_session(db_url)
    w = Writer(session)
    w.store(_doc())
    w.add_source(_doc(outlet="Abendpost"))
    other = make_doc("Anderes", "Trump telefonierte mit Putin.", outlet="Abendpost")
    w.store(other)
    deleted, kept = w.delete_outlet("Abendpost")
    assert (deleted, kept) == (1, 1)
    assert session.get(S.DocumentRow, other.doc_id) is None
    assert session.get(S.DocumentRow, _doc().doc_id).n_sources == 1
    assert w.delete_documents([_doc().doc_id]) == 1
    assert session.scalar(select(func.count()).select_from(S.EventRow)) == 0
    session.close()
