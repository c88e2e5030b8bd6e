"""Line roles: general cues per line, then a pass over the page that knows which section it is in.

A page is read line by line. Each non-blank line first gets a *cue* from its own words (a share
prompt, a credit, a comment author line, a section marker …). A second pass walks the lines in
order with a *mode*: after a comments marker the page is a comment thread, after a "related
articles" marker it is a teaser list; markers only switch modes once the article body has begun,
because the same words at the top of a page are navigation. A last pass picks the headline and
repairs short lines that are really sub-headings inside the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lagebild.segment.lexicon import Cues, load_cues

BULLETS = "•·*-–—>»«<|▸►▶■□◆◇○●✓→"
TRAILING = ".:!?…,;–—-|>»«\"'“”„‚‘’ "
SENTENCE_END = re.compile(r"[.!?:;\"“”»«)’…]$")
VOTES = re.compile(r"^[\s\d+\-–−|/·•:()👍👎↑↓▲▼★☆♥❤️]*\d[\s\d+\-–−|/·•:()👍👎↑↓▲▼★☆♥❤️]*$")
STAMP = re.compile(
    r"^(?:(?:am\s+|on\s+)?\d{1,2}\.\s?(?:\d{1,2}\.|\s?[A-Za-zÄÖÜäöü]+\.?)\s?(?:\d{2,4})?"
    r"|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4})"
    r"\s*(?:,|um|at|-|–|\|)?\s*\d{1,2}[:.]\d{2}\s*(?:uhr|am|pm)?$"
    r"|^vor\s+\d+\s*(?:sekunden?|minuten?|stunden?|tagen?|wochen?|monaten?|jahren?"
    r"|sek|min|std|h|tg|wo)\.?$"
    r"|^\d+\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|secs?|mins?|hrs?|h|d)"
    r"\.?\s+ago$",
    re.IGNORECASE,
)
ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*[\]»“”\"]?$")
PAREN_CREDIT = re.compile(
    r"\((?:foto|fotos|bild|photo|image|archiv\w*|symbolbild|credit)\b[^()]{0,80}\)\s*$", re.I
)
DATE_TOKEN = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})\b|\b\d{4}-\d{2}-\d{2}\b")
# "Von Anna Beispiel", "By Jane Doe and John Roe": capitalised names after the byline word.
BYLINE = re.compile(
    r"^(?:Von|VON|Autor(?:in)?:?|By|BY)\s+[A-ZÄÖÜ][\w.'’-]+"
    r"(?:\s+(?:[A-ZÄÖÜ][\w.'’-]+|und|and|von|van|de|,))*\s*$"
)
BYLINE_DATE = re.compile(
    r"^(?:Von|VON|By|BY)\s+[A-ZÄÖÜ][\w.'’-]+(?:\s+[A-ZÄÖÜ][\w.'’-]+){0,3}\s*[,|·•–-]"
)
# "Kiew am Montag. Foto: Name/Agentur", "… | Bild: dpa": a credit after the caption text.
TRAILING_CREDIT = re.compile(
    r"(?:^|[.!?|–—]\s*|\s[-–—|]\s*)(?:Foto|Fotos|Bild|Bilder|Photo|Image|Credit|Bildquelle|Quelle)s?"
    r"\s*:\s*(?P<credit>[^.!?:]{1,80})$"
    r"|©\s*(?P<owner>[^.!?©]{1,60})$"
)
# "Startseite › Politik › Ausland": three or more short pieces between separators.
BREADCRUMB = re.compile(r"^[^.!?>›»|/]{1,40}(?:\s[>›»|/]\s[^.!?>›»|/]{1,40}){2,}$")
COUNT = re.compile(r"\s*\(\d+\)?$|^\d+\s+")
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*\D", re.I)
GLUED = re.compile(r"[a-zäöüß][A-ZÄÖÜ]")
NAME_JOINERS = frozenset({"und", "and", "sowie", "&", ","})
NAME_PARTICLES = frozenset({"von", "van", "de", "di", "da", "del", "al", "bin", "zu"})


@dataclass
class Line:
    start: int  # offsets of the line without surrounding whitespace
    end: int
    text: str
    indent: int
    blank_before: bool
    key: str = ""
    words: int = 0
    cue: str | None = None
    role: str = "body"


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their stripped offsets."""
    lines: list[Line] = []
    pos = 0
    blank = True
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            lines.append(Line(start, start + len(stripped), stripped, lead, blank))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return lines


def line_key(text: str) -> str:
    """Lower-cased line without bullets, surrounding punctuation and repeated spaces."""
    key = text.strip().lstrip(BULLETS + " \t").rstrip(TRAILING + BULLETS)
    return " ".join(key.lower().split())


# --- per-line cues ---------------------------------------------------------------------------


def _is_credit(line: Line, cues: Cues) -> bool:
    key = line.key
    if key in cues.credit_words or key in cues.agencies:
        return True
    if COPYRIGHT.match(line.text) and line.words <= 12:
        return True
    if line.words <= 40 and (PAREN_CREDIT.search(line.text) or _trailing_credit(line.text, cues)):
        return True
    if "/" not in line.text:
        return False
    # The credit is what follows the last sentence end, often glued to the caption sentence.
    tail = re.split(r"[.!?)](?=\s*[A-ZÄÖÜ])", line.text)[-1]
    parts = [p.strip(" ,;|") for p in re.split(r"[/|]", tail)]
    if len(parts) < 2 or any(len(p.split()) > 5 or not p for p in parts):
        return False
    return any(p.lower() in cues.agencies or p.lower().replace(" ", "") in cues.agencies
               for p in parts)


def _trailing_credit(text: str, cues: Cues) -> bool:
    """"… Foto: Name/Agentur" at the end of a line; the credit names a source (an agency, a
    slash list, or a few capitalised names), not a described scene ("Bild: Szene vor dem Haus")."""
    match = TRAILING_CREDIT.search(text)
    if not match:
        return False
    credit = (match.group("credit") or match.group("owner") or "").strip()
    if "/" in credit or "|" in credit or credit.lower() in cues.agencies:
        return True
    words = credit.split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() or w.lower() in NAME_PARTICLES
                                       for w in words)


def _read_also(line: Line, cues: Cues) -> str | None:
    for cue in cues.read_also:
        if line.key == cue:
            return "read_also_alone"
    if line.words > 40:
        return None
    # "… Lesen Sie auch: <headline>" anywhere in a short line: the line points to another article.
    for cue in cues.read_also:
        at = line.key.find(cue)
        # at the start of the line or after a sentence end or separator, not inside a sentence
        if at < 0 or (at > 0 and not re.search(r"[.!?:|–—»]\s*$", line.key[:at])):
            continue
        rest = line.key[at + len(cue):]
        if re.match(r"\s*[:\-–—|»>]", rest) and len(rest.split()) >= 3:
            return "read_also_inline"
    return None


def _is_names_only(line: Line, cues: Cues) -> bool:
    """A line that only lists proper names, joined by 'und' or commas (a photo caption)."""
    if SENTENCE_END.search(line.text) or ":" in line.text or not 3 <= line.words <= 12:
        return False  # "X: Y" is headline style
    tokens = re.findall(r"[\w'’.-]+|,|&", line.text)
    joined = capitals = 0
    for tok in tokens:
        low = tok.lower()
        if low in NAME_JOINERS:
            joined += 1
        elif low in NAME_PARTICLES:
            continue
        elif low in cues.function_words:
            return False  # "Putin And Trump Speak By Phone": a Title Case headline
        elif tok[:1].isupper():
            capitals += 1
        else:
            return False
    return joined > 0 and capitals >= 2


def _is_truncated_teaser(line: Line, cues: Cues) -> bool:
    if not ELLIPSIS.search(line.text) or line.words < 3:
        return False
    before = ELLIPSIS.sub("", line.text).rstrip()
    if not before or before[-1] in ".!?\"“”»«)":
        return False  # an ellipsis after a finished sentence is a stylistic pause
    last = before.split()[-1].lower() if before.split() else ""
    # Cut in mid-phrase (after an article or preposition), or a one-line snippet.
    return last in cues.teaser_cut_words or not re.search(r"[.!?]\s", before)


def _is_date_list(line: Line) -> bool:
    """Archive or chronicle navigation: several dates and no sentence around them."""
    if SENTENCE_END.search(line.text) and not line.text.endswith(")"):
        return False
    dates = DATE_TOKEN.findall(line.text)
    return len(dates) >= 2 and len(dates) * 6 >= line.words


def _is_menu(line: Line, cues: Cues) -> bool:
    """A flattened navigation menu: "Politik Wirtschaft Kultur Sport Videos" (only capitalised
    words, none of them a function word, so Title Case headlines are not menus)."""
    tokens = line.text.split()
    if not 4 <= len(tokens) <= 14 or SENTENCE_END.search(line.text) or ":" in line.text:
        return False
    return all(t[:1].isupper() and t.lower() not in cues.function_words for t in tokens)


def _is_repeated_label(line: Line) -> bool:
    """Widget labels glued together ("Icon ArrowIcon ArrowIcon Arrow")."""
    squeezed = line.text.replace(" ", "")
    return bool(re.fullmatch(r"(.{3,}?)\1+", squeezed)) or (
        line.words <= 6 and bool(GLUED.search(line.text)) and not SENTENCE_END.search(line.text)
        and len(GLUED.findall(line.text)) >= 2
    )


def line_cue(line: Line, cues: Cues) -> str | None:  # noqa: C901 - a flat ordered list of tests
    key, words = line.key, line.words
    if cues.comment_author.match(line.text) and words <= 40:
        return "author"
    if (words <= 8 and BYLINE.match(line.text)) or (words <= 16 and BYLINE_DATE.match(line.text)):
        return "chrome"
    if words <= 16 and BREADCRUMB.match(line.text):
        return "chrome"
    # "Leserkommentare (3)", "12 Kommentare": the count does not change the heading
    marker = COUNT.sub("", key) if words <= 6 else key
    if marker in cues.comment_markers:
        return "comment_marker"
    if marker in cues.teaser_markers or (words <= 8 and cues.teaser_marker_patterns.search(marker)):
        return "teaser_marker"
    if key in cues.ad_labels:
        return "ad"
    if words <= 80 and cues.disclaimer.search(line.text):
        return "disclaimer"
    if cues.gallery.search(key):
        return "gallery"
    if words <= 40 and cues.caption_prefixes.match(line.text):
        return "caption"
    if _is_credit(line, cues):
        return "credit"
    read_also = _read_also(line, cues)
    if read_also:
        return read_also
    if key in cues.chrome_lines or (words <= 60 and cues.chrome_patterns.search(key)):
        return "chrome"
    if _is_date_list(line):
        return "short"
    if key in cues.comment_actions:
        return "action"
    if VOTES.match(line.text) and len(line.text) <= 16:
        return "votes"
    if STAMP.match(key):
        return "stamp"
    if _is_truncated_teaser(line, cues):
        return "ellipsis"
    if _is_repeated_label(line) or _is_menu(line, cues):
        return "short"
    if words <= 3 and not SENTENCE_END.search(line.text):
        return "short"
    if _is_names_only(line, cues):
        return "names"
    return None


# --- the pass over the page ------------------------------------------------------------------

NOISE_IN_COMMENTS = frozenset({"chrome"})
NOISE_IN_TEASERS = frozenset({"short", "action", "votes", "stamp", "chrome"})


def assign_roles(
    lines: list[Line], title: str | None = None, cues: Cues | None = None
) -> str | None:
    """Give every line its role; returns the headline found (or None)."""
    cues = cues or load_cues()
    for line in lines:
        line.key = line_key(line.text)
        line.words = len(line.text.split())
        line.cue = line_cue(line, cues)
    _walk(lines)
    _promo_boxes(lines)
    headline = pick_title(lines, title)
    _credit_neighbours(lines)
    _subheadings(lines)
    return headline


THREAD_CUES = frozenset({"author", "stamp", "votes", "action"})
MARKERS = frozenset({"comment_marker", "teaser_marker"})


def _is_prose(line: Line) -> bool:
    """A full paragraph of running text (long, ends like a sentence, not cut off)."""
    return line.words >= 25 and line.cue is None and bool(re.search(r"[.!?\"“”»«]$", line.text))


def _section(lines: list[Line], i: int) -> list[Line]:
    """The lines after a marker up to the next marker."""
    section: list[Line] = []
    for line in lines[i + 1:]:
        if line.cue in MARKERS:
            break
        section.append(line)
    return section


def _section_is(kind: str, lines: list[Line], i: int) -> bool:
    """Whether what follows a section marker looks like that section.

    The same words serve as sub-headings inside articles ("Reaktionen", "Nachrichten"), so a
    marker only switches the mode when the content after it fits: a comment section shows
    thread structure (or is empty), a teaser section is not mostly running paragraphs.
    """
    section = _section(lines, i)
    if kind == "comments":
        if all(line.cue is not None for line in section):
            return True  # nothing but furniture follows ("comments are closed")
        return any(line.cue in THREAD_CUES for line in section[:12])
    content = [line for line in section if line.cue is None or line.cue == "ellipsis"][:2]
    return not (len(content) == 2 and all(_is_prose(line) for line in content))


def _prose_resumes(lines: list[Line], i: int) -> bool:
    """Two full paragraphs in a row inside a teaser list: the article goes on (a teaser box
    stood in the middle of it)."""
    return _is_prose(lines[i]) and i + 1 < len(lines) and _is_prose(lines[i + 1])


def _thread_evidence(lines: list[Line], i: int) -> bool:
    """An author line ("NAME sagt:") opens a comment thread only with thread structure around it:
    a bullet or reply number before the name, a date/vote/reply line right after, or a second
    author line on the page. A news sentence may end in "sagt:" too.
    """
    if re.match(r"^(?:[•·*\-–—>]|\d+\.\s)", lines[i].text):
        return True
    if any(line.cue in ("stamp", "votes", "action") for line in lines[i + 1:i + 5]):
        return True
    return sum(line.cue == "author" for line in lines) >= 2


def _block_is_thread(lines: list[Line], i: int) -> bool:
    """A paragraph block (lines without a blank between) with two or more thread markers —
    comment dates ("vor 2 Std."), reply buttons, vote counts — is a comment thread even without
    a heading or "NAME sagt:" lines."""
    if not lines[i].blank_before:
        return False
    found = 0
    for line in lines[i:]:
        if line is not lines[i] and line.blank_before:
            break
        found += line.cue in THREAD_CUES
    return found >= 2


def _walk(lines: list[Line]) -> None:  # noqa: C901 - one state machine, kept in one place
    mode = "main"
    body_started = False
    pending: str | None = None
    for i, line in enumerate(lines):
        cue, role = line.cue, "body"
        if body_started and mode != "comments" and _block_is_thread(lines, i):
            mode = "comments"
        if cue == "author" and (mode == "comments" or _thread_evidence(lines, i)):
            role, mode = "comment", "comments"
        elif cue == "comment_marker" and body_started and _section_is("comments", lines, i):
            role, mode = "chrome", "comments"
        elif cue == "teaser_marker" and body_started and _section_is("teasers", lines, i):
            role, mode = "chrome", "teasers"
        elif cue in MARKERS and not body_started:
            role = "chrome"  # before the article the same words are navigation
        elif cue in MARKERS or cue == "author":
            # not followed by what the marker announces: a sub-heading or a sentence
            line.cue = "short" if cue in MARKERS else None
            role = "comment" if mode == "comments" else ("chrome" if cue in MARKERS else "body")
            if mode == "main" and cue == "author":
                body_started = True
        elif cue == "disclaimer":
            role = "disclaimer"
        elif mode == "comments":
            role = "chrome" if cue in NOISE_IN_COMMENTS else "comment"
        elif cue == "chrome":
            role = "chrome"
        elif cue == "gallery":
            line.role, pending = "caption", "caption"  # the next line is the photo's caption
            continue
        elif cue in ("caption", "credit"):
            role = "caption"
        elif cue == "ad":
            line.role, pending = "chrome", "chrome"  # the advertisement's text may follow
            continue
        elif cue == "read_also_alone":
            line.role, pending = "chrome", "teaser"  # the next line is the recommended article
            continue
        elif cue == "read_also_inline":
            role = "teaser"
        elif mode == "teasers" and _prose_resumes(lines, i):
            mode = "main"
        elif mode == "teasers":
            role = "chrome" if cue in NOISE_IN_TEASERS else "teaser"
        elif pending == "teaser":
            role = "teaser"
        elif pending == "caption":
            role = "caption"
        elif pending == "chrome" and line.words <= 25 and not _is_prose(line):
            role = "chrome"  # the ad's own short text; an article paragraph is not an ad
        elif cue in ("action", "votes", "stamp", "short"):
            role = "chrome"
        elif cue == "ellipsis":
            role = "teaser"
        elif cue == "names":
            role = "caption"
        else:
            body_started = True
        line.role = role
        pending = None


def _promo_boxes(lines: list[Line]) -> None:
    """Short lines inside a block (no blank line between) that opens and closes with chrome are
    the box's text: "Newsletter / Jeden Morgen die wichtigsten Nachrichten. / Jetzt anmelden"."""
    start = 0
    while start < len(lines):
        end = start + 1
        while end < len(lines) and not lines[end].blank_before:
            end += 1
        block = lines[start:end]
        if len(block) >= 3 and block[0].role == "chrome" and block[-1].role == "chrome":
            for line in block[1:-1]:
                if line.role == "body" and line.words <= 25:
                    line.role = "chrome"
        start = end


def _credit_neighbours(lines: list[Line]) -> None:
    """A short caption line directly above a credit line (no blank between) is its caption."""
    for i, line in enumerate(lines):
        if line.cue != "credit" or i == 0 or line.blank_before:
            continue
        prev = lines[i - 1]
        caption_like = prev.words <= 20 and not SENTENCE_END.search(prev.text)
        if prev.role in ("body", "chrome") and caption_like:
            prev.role = "caption"


def _subheadings(lines: list[Line]) -> None:
    """A short line between two body paragraphs is a sub-heading of the body."""
    for i in range(1, len(lines) - 1):
        line = lines[i]
        if line.cue not in ("short", "ellipsis") or line.role not in ("chrome", "teaser"):
            continue
        between_body = lines[i - 1].role == "body" and lines[i + 1].role == "body"
        heading = line.text[:1].isupper() and (line.words >= 2 or line.text.isalpha())
        if between_body and (line.cue == "ellipsis" or heading):
            line.role = "body"


def pick_title(lines: list[Line], given: str | None) -> str | None:
    """Mark the headline (and any repetition of it) as title; returns the headline text."""
    title_key = line_key(given) if given else ""
    if title_key and not any(line.key == title_key for line in lines):
        title_key = ""
    if not title_key:
        first = _first_headline(lines)
        if first is None:
            return None
        title_key = first.key
    found: str | None = None
    for line in lines:
        if line.key == title_key and line.role != "comment":
            line.role = "title"
            found = found or line.text
    return found


def _first_headline(lines: list[Line]) -> Line | None:
    """The headline: the first body line if it looks like one, or a short line (two or three
    words, "Staatsstreich in Togo") standing directly before the first body line."""
    for i, line in enumerate(lines):
        if line.role == "body":
            return line if _headline_like(line) else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if line.cue == "short" and nxt is not None and nxt.role == "body" and _short_headline(line):
            return line
    return None


def _short_headline(line: Line) -> bool:
    words = [w for w in line.text.split() if any(ch.isalpha() for ch in w)]
    if line.cue != "short" or _is_repeated_label(line) or not line.text[:1].isupper():
        return False
    # Two capitalised words are a menu entry or label ("Down Icon"); a lower-case word
    # (a verb, a preposition) makes them a statement.
    return len(words) == 3 or (len(words) == 2 and words[1][:1].islower())


def _headline_like(line: Line) -> bool:
    if not 3 <= line.words <= 30 or line.cue == "names":
        return False
    return not re.search(r"[.,;:]$", line.text)
