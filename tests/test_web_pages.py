"""Server-rendered pages: content, escaping of hostile article text, comment redaction."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from lagebild.api.app import create_app
from tests.webfix import HOSTILE, db_file, populate


@pytest.fixture
def app_and_ids(tmp_path):
    url = db_file(tmp_path)
    ids = populate(url)
    return url, ids


def test_timeline_lists_merged_events_and_filters(app_and_ids):
    client = TestClient(create_app(app_and_ids[0]))
    page = client.get("/").text
    assert "CONSULT" in page and "Donald Trump" in page
    page = client.get("/", params={"actor": "Macron"}).text
    assert "Emmanuel Macron" in page and "Donald Trump" not in page


def test_document_view_escapes_hostile_text_and_redacts_commenters(app_and_ids):
    url, ids = app_and_ids
    client = TestClient(create_app(url))
    for doc_id in ids:
        page = client.get(f"/documents/{doc_id}").text
        assert "<script>window.__pwned" not in page
        assert "<img src=x" not in page and 'href="javascript:' not in page
        assert "&lt;script&gt;" in page
    page = client.get(f"/documents/{ids[0]}").text
    assert "Leser123" not in page and "[Name entfernt]" in page
    shown = TestClient(create_app(url, redact_commenters=False)).get(f"/documents/{ids[0]}")
    assert "Leser123" in shown.text


def test_event_page_highlights_evidence_and_links_participants(app_and_ids):
    client = TestClient(create_app(app_and_ids[0]))
    merged = client.get("/api/merged", params={"type": "CONSULT", "actor": "Trump"}).json()
    page = client.get(f"/events/{merged['items'][0]['row_id']}").text
    assert '<mark class="evidence">' in page
    assert 'href="/entities/lb%3APER%3Atrump"' in page


def test_search_page_and_entity_page(app_and_ids):
    client = TestClient(create_app(app_and_ids[0]))
    page = client.get("/search", params={"q": "Luftabwehr"}).text
    assert "Selenskyj trifft Macron" in page
    page = client.get("/entities/lb:PER:putin").text
    assert "Wladimir Putin" in page and "Donald Trump" in page
    assert HOSTILE not in page
