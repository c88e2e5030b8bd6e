"""The HTTP API with FastAPI's test client, on a small hand-built store."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from lagebild.api.app import create_app
from tests.webfix import db_file, populate

TOKEN = "s3cret-token"


@pytest.fixture
def client(tmp_path):
    url = db_file(tmp_path)
    populate(url)
    return TestClient(create_app(url, api_token=TOKEN))


def test_events_filter_by_actor_name_and_type(client):
    body = client.get("/api/events", params={"actor": "putin"}).json()
    assert {e["type"] for e in body["items"]} == {"CONSULT", "THREATEN"}
    body = client.get("/api/events", params={"actor": "putin", "type": "THREATEN"}).json()
    assert [e["type"] for e in body["items"]] == ["THREATEN"]
    assert body["items"][0]["actor_names"] == ["Wladimir Putin"]


def test_events_date_range_and_outlet_filters(client):
    items = client.get("/api/events", params={"until": "2025-03-05"}).json()["items"]
    assert [e["mode"] for e in items] == ["meet"]
    items = client.get("/api/events", params={"outlet": "abendpost"}).json()["items"]
    assert len(items) == 2 and all(e["outlet"] == "Abendpost" for e in items)


def test_cursor_pagination_walks_every_item_once(client):
    seen, cursor = [], None
    while True:
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/events", params=params).json()
        seen += [e["id"] for e in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == 3 and len(set(seen)) == 3
    dates = [client.get("/api/events").json()["items"][i]["date"]["value"] for i in range(3)]
    assert dates == sorted(dates)


def test_merged_events_timeline_and_network(client):
    merged = client.get("/api/merged").json()["items"]
    assert {m["type"] for m in merged} >= {"CONSULT"}
    one = client.get(f"/api/merged/{merged[0]['row_id']}").json()
    assert one["format"] == "lagebild.merged/1" and one["evidence"][0]["text"]
    assert set(one["names"]) >= set(one["actors"])
    counts = client.get("/api/timeline", params={"by": "week"}).json()
    assert sum(c["count"] for c in counts) == len(merged)
    graph = client.get("/api/network").json()
    ids = {n["id"] for n in graph["nodes"]}
    assert {"lb:PER:trump", "lb:PER:putin"} <= ids
    assert any(e["type"] == "CONSULT" for e in graph["edges"])


def test_entity_with_events_quotes_and_counterparts(client):
    body = client.get("/api/entities/lb:PER:trump").json()
    assert body["name"] == "Donald Trump"
    assert [c["id"] for c in body["counterparts"]] == ["lb:PER:putin"]
    assert [e["id"] for e in client.get("/api/entities", params={"q": "selen"}).json()["items"]] \
        == ["lb:PER:selenskyj"]


def test_search_documents_and_document_detail(client):
    found = client.get("/api/search", params={"q": "Luftabwehr"}).json()
    assert len(found["documents"]) == 1
    doc_id = found["documents"][0]["doc_id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["format"] == "lagebild.document/1" and doc["segments"]
    assert client.get("/api/documents/nope").status_code == 404


def test_errors_are_problem_json(client):
    r = client.get("/api/events", params={"since": "gestern"})
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    r = client.get("/api/events", params={"cursor": "not-a-cursor"})
    assert r.status_code == 400 and r.json()["status"] == 400
    r = client.get("/api/events", params={"limit": 5000})
    assert r.status_code == 422


def test_writes_need_the_bearer_token(client):
    payload = {"text": "Kanzler Merz hat am Montag Kiew besucht.", "published": "2025-05-12",
               "outlet": "Morgenblatt"}
    assert client.post("/api/documents", json=payload).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert client.post("/api/documents", json=payload, headers=wrong).status_code == 401
    ok = client.post("/api/documents", json=payload,
                     headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201 and ok.json()["created"] is True
    again = client.post("/api/documents", json=payload,
                        headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json() == {**ok.json(), "created": False}


def test_writes_refused_without_configured_token(tmp_path, monkeypatch):
    monkeypatch.delenv("LAGEBILD_API_TOKEN", raising=False)
    client = TestClient(create_app(db_file(tmp_path)))
    r = client.post("/api/documents", json={"text": "x"}, headers={"Authorization": "Bearer x"})
    assert r.status_code == 403 and r.headers["content-type"] == "application/problem+json"


def test_bad_write_bodies(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert client.post("/api/documents", json={"url": "x"}, headers=auth).status_code == 422
    huge = {"text": "a" * 6_100_000}
    assert client.post("/api/documents", json=huge, headers=auth).status_code == 413


def test_security_headers_on_pages(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_quotes_by_speaker(client):
    items = client.get("/api/quotes", params={"speaker": "Selenskyj"}).json()["items"]
    assert [q["text"] for q in items] == ["Wir brauchen mehr Schutz"]
    assert client.get("/api/quotes", params={"speaker": "Trump"}).json()["items"] == []


def test_out_of_range_ids_and_cursors_are_client_errors(client):
    assert client.get(f"/api/merged/{2**70}").status_code == 422
    from lagebild.store.queries import encode_cursor

    r = client.get("/api/events", params={"cursor": encode_cursor(["2025-01-01", 2**70])})
    assert r.status_code == 400
    assert client.get(f"/events/{2**70}").status_code == 422


def test_search_input_never_reaches_the_query_syntax(client):
    for q in ["\x00", '"', "Luft*", "NEAR(a b)", "a OR", "'; DROP TABLE documents; --"]:
        r = client.get("/api/search", params={"q": q})
        assert r.status_code == 200, q
    assert client.get("/api/search", params={"q": "Luftabwehr!"}).json()["documents"]
