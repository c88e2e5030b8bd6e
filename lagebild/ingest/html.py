"""HTML to visible text: trafilatura for the main text and the comments, htmldate for the date."""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

log = logging.getLogger(__name__)

HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<meta|<title)",
                        re.IGNORECASE | re.DOTALL)
XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
INVISIBLE = ("script", "style", "noscript", "template", "svg", "head")


@dataclass
class HtmlText:
    """What the HTML reader keeps: title, visible text, the comments' place in it, the date."""

    text: str
    title: str | None = None
    date: str | None = None
    comment_spans: list[tuple[int, int]] = field(default_factory=list)


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text[:2000]))


def _paragraphs(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def _page_title(tree: lxml.html.HtmlElement | None) -> str | None:
    if tree is None:
        return None
    for xpath in ("//meta[@property='og:title']/@content", "//h1//text()", "//title/text()"):
        found = " ".join(" ".join(tree.xpath(xpath)[:1]).split())
        if found:
            return found
    return None


def _visible_text(tree: lxml.html.HtmlElement) -> list[str]:
    """Fallback when trafilatura finds no main text: every visible text block."""
    for bad in tree.xpath("|".join(f"//{tag}" for tag in INVISIBLE)):
        bad.drop_tree()
    blocks = tree.xpath("//body") or [tree]
    return _paragraphs("\n".join(t.strip() for t in blocks[0].itertext() if t.strip()))


def _find_date(html: str) -> str | None:
    try:
        from htmldate import find_date

        return find_date(html, original_date=True, outputformat="%Y-%m-%d")
    except Exception as exc:  # htmldate raises on odd markup; a missing date is no failure
        log.debug("htmldate failed: %s", exc)
        return None


def extract_html(html: str, *, url: str | None = None) -> HtmlText:
    """Title, main text (paragraphs separated by blank lines) and comments of an HTML page.

    Raises ValueError when the page has no visible text at all.
    """
    import trafilatura

    # lxml refuses str input that declares an encoding (XHTML); the text is decoded already.
    html = XML_DECLARATION.sub("", html, count=1)
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise ValueError(f"malformed HTML: {exc}") from exc
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = trafilatura.bare_extraction(
                html, url=url, include_comments=True, include_tables=True, with_metadata=True
            )
        except Exception as exc:  # trafilatura fails on some broken markup; fall back below
            log.debug("trafilatura failed: %s", exc)
            result = None
    main = _paragraphs(result.text) if result is not None else []
    comments = _paragraphs(result.comments) if result is not None else []
    title = (result.title if result is not None else None) or _page_title(tree)
    if not main:
        main = _visible_text(tree)
    if not main and not comments:
        raise ValueError("HTML has no visible text")
    if title and (not main or " ".join(main[0].split()) != " ".join(title.split())):
        main.insert(0, " ".join(title.split()))
    text = "\n\n".join(main)
    spans: list[tuple[int, int]] = []
    if comments:
        start = len(text) + 2
        text = f"{text}\n\n" + "\n\n".join(comments)
        spans.append((start, len(text)))
    return HtmlText(text=text, title=title, date=_find_date(html), comment_spans=spans)
