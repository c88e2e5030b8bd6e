import csv
import io
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.store.db import make_session
from lagebild.store.export import export
from lagebild.store.ingest import Ingester, IngestOptions
from lagebild.store.queries import (
    Filters,
    list_entities,
    list_events,
    list_merged,
    list_quotes,
    list_stories,
    timeline,
)
from tests.pg import *  # noqa: F403  (database fixtures)
from tests.storefix import as_is, ent_id, make_doc

Z, MA, T, P = ent_id("selenskyj"), ent_id("macron"), ent_id("trump"), ent_id("putin")


def _docs():
    visit = dict(type="CONSULT", mode="visit", actors=[Z], recipients=[MA],
                 location=ent_id("paris"), topics=["air_defense"], date="2025-03-04")
    call = dict(type="CONSULT", mode="phone", actors=[T, P], topics=["ceasefire"],
                date="2025-03-18")
    return [
        make_doc("Macron empfängt Selenskyj", "Macron empfing Selenskyj am Dienstag in Paris.",
                 outlet="Tagesblatt", published="2025-03-04", events=[visit],
                 quotes=[dict(text="empfing Selenskyj", speaker=MA)]),
        make_doc("Selenskyj in Paris", "Selenskyj reiste nach Paris, wo Macron wartete.",
                 outlet="Abendpost", published="2025-03-05",
                 events=[{**visit, "date": "2025-03-04"}]),
        make_doc("Telefonat", "Trump sprach zwei Stunden mit Putin über eine Waffenruhe.",
                 outlet="Abendpost", published="2025-03-18", events=[call],
                 quotes=[dict(text="über eine Waffenruhe", speaker=P, kind="indirect")]),
    ]


@pytest.fixture
def store(db_url):
    s = make_session(db_url)
    with Ingester(s, IngestOptions(), process=as_is) as ing:
        ing.run(_docs())
    yield db_url, s
    s.close()


def test_event_filters(store):
    _, s = store
    assert len(list_events(s, Filters()).items) == 3
    assert {e["doc_id"] for e in list_events(s, Filters(actor="Macron")).items} == {
        d.doc_id for d in _docs()[:2]}
    assert len(list_events(s, Filters(actor=P)).items) == 1
    assert len(list_events(s, Filters(actor="putin")).items) == 1  # case-insensitive name
    assert len(list_events(s, Filters(place="Paris")).items) == 2
    assert len(list_events(s, Filters(mode="phone")).items) == 1
    assert len(list_events(s, Filters(topic="ceasefire")).items) == 1
    assert len(list_events(s, Filters(since="2025-03-10")).items) == 1
    assert len(list_events(s, Filters(until="2025-03-10")).items) == 2
    assert len(list_events(s, Filters(outlet="abendpost")).items) == 2
    assert len(list_events(s, Filters(search="Waffenruhe")).items) == 1
    assert list_events(s, Filters(status="planned")).items == []
    ev = list_events(s, Filters(actor="Trump")).items[0]
    assert ev["actor_names"] == ["Donald Trump", "Wladimir Putin"] and ev["merged_id"]


def test_merged_events_count_sources_once(store):
    _, s = store
    merged = list_merged(s, Filters()).items
    assert len(merged) == 2
    visit = list_merged(s, Filters(actor="Selenskyj")).items[0]
    assert visit["n_documents"] == 2 and visit["outlets"] == ["Abendpost", "Tagesblatt"]
    assert visit["first_reported"] == "2025-03-04" and len(visit["evidence"]) == 2
    assert visit["format"] == "lagebild.merged/1"
    assert list_merged(s, Filters(outlet="Tagesblatt"))


def test_pagination_cursor_walks_all_rows_once(store):
    _, s = store
    seen, cursor = [], None
    while True:
        page = list_events(s, Filters(limit=1, cursor=cursor))
        seen += [e["id"] for e in page.items]
        cursor = page.next_cursor
        if not cursor:
            break
    assert len(seen) == 3 and len(set(seen)) == 3


def test_quotes_entities_stories_timeline(store):
    _, s = store
    assert [q["speaker"] for q in list_quotes(s, Filters(speaker="Putin")).items] == [P]
    ents = {e["id"]: e for e in list_entities(s, Filters()).items}
    assert ents[Z]["n_documents"] == 2 and ents[Z]["n_events"] == 2
    stories = list_stories(s, Filters()).items
    assert len(stories) == 2
    tl = timeline(s, "Trump")
    assert [m["type"] for m in tl] == ["CONSULT"] and tl[0]["date"]["value"] == "2025-03-18"


def test_cli_formats_json_is_one_array_and_csv_has_header(store):
    db, _ = store
    runner = CliRunner()
    res = runner.invoke(app, ["merged", "--db", db, "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert isinstance(data, list) and len(data) == 2
    res = runner.invoke(app, ["events", "--db", db, "--format", "csv", "--actor", "Putin"])
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 1 and rows[0]["type"] == "CONSULT"
    res = runner.invoke(app, ["timeline", "--db", db, "--actor", "Selenskyj"])
    assert res.exit_code == 0 and "2025-03-04" in res.stdout


def test_exports(store, tmp_path):
    _, s = store
    assert export(s, "jsonl", tmp_path / "d.jsonl") == 3
    lines = [json.loads(x) for x in (tmp_path / "d.jsonl").read_text().splitlines()]
    assert {d["doc_id"] for d in lines} == {d.doc_id for d in _docs()}
    original = {d.doc_id: d.to_dict() for d in _docs()}
    assert all(line == original[line["doc_id"]] for line in lines)
    assert export(s, "csv", tmp_path / "e.csv") == 3
    rows = list(csv.DictReader((tmp_path / "e.csv").open()))
    assert {r["outlet"] for r in rows} == {"Tagesblatt", "Abendpost"}
    assert export(s, "parquet", tmp_path / "e.parquet") == 3
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 3
    assert export(s, "plover", tmp_path / "p.json") == 2
    rec = json.loads((tmp_path / "p.json").read_text())
    assert {r["event_type"] for r in rec} == {"CONSULT"}
    export(s, "graphml", tmp_path / "g.graphml")
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert g.has_edge(T, P) and g[T][P]["weight"] == 1 and g[T][P]["CONSULT"] == 1
    assert g.nodes[Z]["label"] == "Wolodymyr Selenskyj"
