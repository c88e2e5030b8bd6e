"""Segmentation on hand-written pages of different site layouts (tests/fixtures/pages)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.ingest.base import document_from_text
from lagebild.segment import run
from lagebild.segment.score import count_lines, gold_line_roles, system_line_roles

PAGES = Path(__file__).parent / "fixtures" / "pages"
LAYOUTS = sorted(p.stem for p in PAGES.glob("*.txt") if p.with_suffix(".lines.json").exists())


def _expected(name: str) -> dict[int, str]:
    return gold_line_roles(json.loads((PAGES / f"{name}.lines.json").read_text())["lines"])


def _segment(name: str):
    text = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    return text, run(document_from_text(text, path=f"{name}.txt"))


def test_there_are_several_layouts():
    assert len(LAYOUTS) >= 4


@pytest.mark.parametrize("name", LAYOUTS)
def test_every_line_gets_the_expected_role(name):
    text, doc = _segment(name)
    expected = _expected(name)
    got = {n: role for n, (role, _) in system_line_roles(text, doc.segments).items()}
    assert set(got) <= set(expected), "expectation file must list every non-blank line"
    wrong = {n: (got[n], expected[n]) for n in got if got[n] != expected[n]}
    assert not wrong


@pytest.mark.parametrize("name", LAYOUTS)
def test_news_f1_and_noise_leak_targets(name):
    text, doc = _segment(name)
    scores = count_lines(text, doc.segments, _expected(name)).scores()
    assert scores["news_F1"] >= 0.97
    assert scores["noise_leak"] is not None and scores["noise_leak"] <= 0.02


@pytest.mark.parametrize("name", LAYOUTS)
def test_segments_cover_every_non_blank_character_exactly_once(name):
    text, doc = _segment(name)
    covered = [0] * len(text)
    for seg in doc.segments:
        assert seg.text == text[seg.start:seg.end]
        assert seg.text == seg.text.strip() and seg.text
        for i in range(seg.start, seg.end):
            covered[i] += 1
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert covered[i] == 1, f"character {i} ({ch!r}) covered {covered[i]} times"
    starts = [s.start for s in doc.segments]
    assert starts == sorted(starts)


def test_headline_becomes_document_title():
    _, doc = _segment("portal_layout")
    assert doc.title == "Baerbock trifft Lawrow am Rande des OSZE-Treffens in Malta"
    assert [s.role for s in doc.segments].count("title") == 2  # the repeated headline too


def test_languages_of_layouts():
    assert _segment("blog_layout")[1].language == "de"
    assert _segment("english_layout")[1].language == "en"


def test_html_page_comments_become_comment_segments():
    from lagebild.ingest.base import document_from_html

    html = (PAGES / "html_article.html").read_text(encoding="utf-8")
    doc = run(document_from_html(html, path="html_article.html"))
    by_role: dict[str, list[str]] = {}
    for seg in doc.segments:
        by_role.setdefault(seg.role, []).append(seg.text)
    assert by_role["title"] == [doc.title]
    assert any("Hakan Fidan" in t for t in by_role["body"])
    assert any("Heinz sagt:" in t for t in by_role["comment"])
    assert not any("sagt:" in t for t in by_role["body"])
