"""Browser tests: Playwright driving Debian's chromium against a live server.

Screenshots of each page go to ``test-artifacts/``. Without chromium these skip with a visible
reason (and fail under LAGEBILD_REQUIRE_ALL=1).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from tests.conftest import REPO, require
from tests.webfix import db_file, populate

ARTIFACTS = REPO / "test-artifacts"


def _chromium() -> str | None:
    for name in (os.environ.get("LAGEBILD_CHROMIUM"), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    import uvicorn

    from lagebild.api.app import create_app

    url = db_file(tmp_path_factory.mktemp("browser"))
    populate(url)
    port = _free_port()
    config = uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    exe = _chromium()
    require(exe is not None, "chromium not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, headless=True,
                              args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_analyst_walkthrough(server, browser):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/")
    assert page.locator("li.event").count() >= 2
    _shot(page, "01-timeline")

    page.fill("input[name=actor]", "Trump")
    page.click("form#filters button[type=submit]")
    page.wait_for_url("**/?actor=Trump**")
    assert "Emmanuel Macron" not in page.inner_text("ol.timeline")
    _shot(page, "02-timeline-filtered")

    page.click("li.event a.event-link >> nth=0")
    page.wait_for_selector("mark.evidence")
    assert "telefoniert" in page.inner_text("mark.evidence >> nth=0")
    _shot(page, "03-event")

    page.click("dd.participants a.entity >> text=Donald Trump")
    page.wait_for_selector("h1.entity-name")
    assert "Donald Trump" in page.inner_text("h1.entity-name")
    _shot(page, "04-entity")

    page.fill("header input[name=q]", "Luftabwehr")
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("ul.results-documents")
    assert "Selenskyj trifft Macron" in page.inner_text("ul.results-documents")
    _shot(page, "05-search")
    assert dialogs == []


def test_hostile_article_content_never_executes(server, browser):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/search?q=telefoniert")
    page.click("ul.results-documents a >> nth=0")
    page.wait_for_selector(".segments")
    _shot(page, "06-document-hostile")
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator(".segments script").count() == 0
    assert page.locator(".segments img").count() == 0
    assert page.locator(".segments a[href^='javascript:']").count() == 0
    assert "<script>" in page.inner_text(".segments")  # shown as text, not run
    assert dialogs == []


def test_network_view_draws_graph(server, browser):
    page = browser.new_page()
    page.goto(server + "/network")
    page.wait_for_selector("#network[data-ready='1']", timeout=10_000)
    assert page.locator("#network canvas").count() >= 1
    _shot(page, "07-network")

