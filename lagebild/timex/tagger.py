"""Finds time expressions with compiled regular-expression rules built from the lexicons.

Each rule yields a :class:`Raw` match carrying what the words mean (``sem``); turning that into a
calendar value needs the anchor and the reference time and happens in ``resolve.py``. Rules are
compiled once per language. Overlapping matches are settled longest-first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from lagebild.timex.lexicon import alt, lexicon, number_of, unit_of


@dataclass
class Raw:
    start: int
    end: int
    text: str
    kind: str  # date, rel, weekday, deictic, duration, set, time, event
    sem: dict[str, Any] = field(default_factory=dict)
    lang: str = "de"


Handler = Callable[[re.Match[str], str, str], dict[str, Any] | None]
Rule = tuple[str, re.Pattern[str], str, Handler]  # name, pattern, kind, handler


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _part(lang: str, word: str | None) -> str | None:
    if not word:
        return None
    return lexicon(lang)["period_parts"].get(" ".join(word.lower().split()).rstrip("-"))


def _era(lang: str, word: str | None) -> bool:
    return bool(word) and " ".join(word.lower().split()) in {
        " ".join(w.split()) for w in lexicon(lang)["bc"]}


def _year(m: re.Match[str], lang: str) -> int | None:
    y = _g(m, "y")
    if not y:
        return None
    val = int(y)
    return -val if _era(lang, _g(m, "era")) else val


def _yrel(lang: str, word: str | None) -> tuple[str, int] | None:
    """"dieses Jahres" -> ("deictic", 0); "des folgenden Jahres" -> ("anaphoric", 1)."""
    if not word:
        return None
    return _adj(lang, word)


def _adj(lang: str, word: str) -> tuple[str, int] | None:
    w = word.lower()
    for pre in ("des", "dem", "den", "der", "am", "im", "in", "the", "an", "diesem", "dieser"):
        if w.startswith(pre + " "):
            w = w[len(pre) + 1:].strip()
    for pre in ("des", "dem", "den", "der"):
        if w.startswith(pre + "selb"):
            w = w[len(pre):]
    table = lexicon(lang)["relative_adjectives"]
    for stem in sorted(table, key=len, reverse=True):
        if w.startswith(stem):
            entry = table[stem]
            return entry["base"], int(entry["offset"])
    return None


# --- handlers -------------------------------------------------------------------------------


def h_iso(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    sem: dict[str, Any] = {"y": int(m["y"]), "m": int(m["m"]), "d": int(m["d"])}
    if _g(m, "h"):
        sem.update(h=int(m["h"]), mi=int(m["mi"]))
    return sem


def h_numeric(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    d, mo = int(m["d"]), int(m["m"])
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    y = m["y"]
    sem: dict[str, Any] = {"m": mo, "d": d}
    if len(y) == 4:
        sem["y"] = int(y)
    else:
        sem["y2"] = int(y)
    return sem


def h_daymonth(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    d = int(m["d"])
    if not 1 <= d <= 31:
        return None
    sem: dict[str, Any] = {"m": lexicon(lang)["months"][m["mon"].lower()], "d": d}
    y = _year(m, lang)
    if y is not None:
        if 0 < y < 100 and not _g(m, "era"):
            return None
        sem["y"] = y
    rel = _yrel(lang, _g(m, "yrel"))
    if rel:
        sem["yrel"] = rel
    if _g(m, "wd"):
        sem["wd"] = lexicon(lang)["weekdays"][m["wd"].lower()]
    return sem


@cache
def _all_months() -> frozenset[str]:
    return frozenset(k for lang in ("de", "en") for k in lexicon(lang)["months"])


# words before a bare month name that make it a date ("im Mai", not "August Bebel")
_MONTH_PRE = {
    "im", "in", "seit", "bis", "ab", "von", "vom", "zum", "und", "oder", "zwischen", "monat",
    "anfang", "mitte", "ende", "beginn", "since", "until", "by", "from", "of", "during", "early",
    "late", "mid", "through", "to", "and", "or", "before", "after", "/", "–", "-", "bzw.",
}


def h_month(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    mon = m["mon"]
    sem: dict[str, Any] = {"m": lexicon(lang)["months"][mon.lower()]}
    y = _year(m, lang)
    if y is not None:
        sem["y"] = y
    elif _g(m, "ynext"):
        sem["y"] = int(m["ynext"])
    rel = _yrel(lang, _g(m, "yrel"))
    if rel:
        sem["yrel"] = rel
    part = _part(lang, _g(m, "part"))
    if part:
        sem["mod"] = part
    if y is None and not rel and not part and not _g(m, "ynext"):
        before = text[max(0, m.start() - 12):m.start()].split()
        prev = before[-1].lower() if before else ""
        after = text[m.end():m.end() + 3].strip()[:1]
        if prev not in _MONTH_PRE and after not in ("/", "–", "-"):
            return None
        if lang == "en" and mon.lower() in ("may", "march") and not mon[0].isupper():
            return None
    if mon[-1] == "." and y is None and not part and len(mon) <= 5:
        return None  # "Jan." alone is more often a name than a month
    return sem


def h_year(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    y = _year(m, lang)
    assert y is not None
    lex = lexicon(lang)
    has_pre = bool(_g(m, "pre")) or bool(_g(m, "part"))
    if not _g(m, "era"):
        if not (1000 <= y <= 2100) and not has_pre:
            return None
        nxt = text[m.end():m.end() + 30].split()
        if nxt and nxt[0].lower().strip(".,;:") in lex["count_nouns"]:
            return None
        before = text[max(0, m.start() - 12):m.start()].lower()
        if any(before.endswith(p + " ") for p in lex["count_prefixes"]):
            return None
        if text[m.end():m.end() + 1] in ("%", "€", "$"):
            return None
        prev = before.split()[-1] if before.split() else ""
        if not has_pre and nxt and nxt[0][:1].isupper() and prev in lex["quantity_words"]:
            return None  # "mit 1500 Panzern", "den 1198 Opfern"
        if (not has_pre and nxt and nxt[0][:1].isupper() and lang == "de"
                and text[m.end():m.end() + 1] == " "
                and _sentence_initial(text, m.start())
                and nxt[0].lower().strip(".,;:") not in _all_months()):
            return None  # "1300 Polizisten waren im Einsatz": a year would take the verb next
    sem: dict[str, Any] = {"y": y}
    part = _part(lang, _g(m, "part"))
    if part:
        sem["mod"] = part
    return sem


def _sentence_initial(text: str, pos: int) -> bool:
    head = text[max(0, pos - 3):pos]
    return pos == 0 or head.endswith(("\n", ". ", "! ", "? ", ": "))


def h_decade(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    y = m["y"]
    if len(y) == 4:
        return {"decade": int(y) // 10}
    return {"decade2": int(y) // 10}


def h_century(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    n = int(m["n"])
    if not 1 <= n <= 21:
        return None
    sem: dict[str, Any] = {"century": -(n - 1) if _era(lang, _g(m, "era")) else n - 1,
                           "bc": _era(lang, _g(m, "era"))}
    part = _part(lang, _g(m, "part"))
    if part:
        sem["mod"] = part
    return sem


def h_season(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    season = lexicon(lang)["seasons"][m["s"].lower()]
    sem: dict[str, Any] = {"season": season}
    y = _year(m, lang)
    if y is None and _g(m, "y3"):
        y = -int(m["y3"]) if _era(lang, _g(m, "era")) else int(m["y3"])
    if y is not None:
        sem["y"] = y
    rel = _yrel(lang, _g(m, "yrel"))
    if rel:
        sem["yrel"] = rel
    pre = (_g(m, "fs") or "").lower()
    part = _part(lang, _g(m, "part")) or {"früh": "START", "spät": "END"}.get(pre)
    if part:
        sem["mod"] = part
    if lang == "en" and y is None and not rel and not part and not _g(m, "pre"):
        return None  # "fall", "spring" as verbs/nouns
    return sem


def h_deictic(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    word = " ".join(m["w"].lower().split())
    return {"offset": int(lexicon(lang)["deictic_days"][word])}


def h_deictic_adj(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    lex = lexicon(lang)
    stem = m["w"].lower()
    if stem in lex.get("deictic_adjectives_need_day", ()) and not (m["wd"] or m["day"]):
        return None  # "das heutige Polen" is the present-day country, not a date
    sem: dict[str, Any] = {"offset": int(lex["deictic_adjectives"][stem])}
    if m["wd"]:  # "am gestrigen Mittwoch": the weekday wins when the anchor is a day off
        sem["wd"] = lex["weekdays"][m["wd"].lower()]
    return sem


def h_weekday(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    lex = lexicon(lang)
    sem: dict[str, Any] = {"wd": lex["weekdays"][m["wd"].lower()]}
    pre = (_g(m, "pre") or "").lower()
    if "nacht zu" in pre:
        sem["night_before"] = True
    if pre in ("für", "bis", "ab", "until", "by"):
        sem["cue"] = "future"  # "für Montag angesetzt", "bis Freitag"
    rel = None
    for word in pre.split():
        rel = _adj(lang, word) or rel
    if rel:
        sem["explicit"] = rel[1]
    return sem


def h_relperiod(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    rel = _adj(lang, m["adj"])
    if rel is None:
        return None
    base, offset = rel
    unit_word = m["u"].lower()
    unit = {"wochenende": "WE", "weekend": "WE", "abend": "D", "evening": "D",
            "abends": "D", "night": "D", "nacht": "D"}.get(unit_word) or unit_of(lang, unit_word)
    if unit not in ("D", "W", "M", "Y", "WE"):
        return None
    if unit == "D" and base == "deictic" and offset != 0:
        base = "anaphoric"  # "am nächsten Tag" follows the narrative, not the anchor
    if m["adj"].lower().startswith("neu") and unit != "Y":
        return None
    sem: dict[str, Any] = {"unit": unit, "offset": offset, "base": base}
    part = _part(lang, _g(m, "part"))
    if part:
        sem["mod"] = part
    return sem


def h_periodpart(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    unit = unit_of(lang, m["u"].lower())
    part = _part(lang, " ".join(m["part"].split()))
    y = _year(m, lang)
    if y is not None and unit == "Y":
        return {"kind": "date", "y": y, "mod": part}
    return {"unit": unit, "offset": 0, "base": "anaphoric", "mod": part}


def h_compound(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    entry = lexicon(lang)["period_compounds"][m["c"].lower()]
    unit = "WE" if m["c"].lower() in ("wochenende", "weekend") else entry["unit"]
    if unit == "WE":  # "am Wochenende": which one depends on the tense
        return {"unit": "WE", "offset": 0, "base": "deictic", "bare": True}
    if _g(m, "y") and unit == "Y":
        return {"kind": "date", "y": int(m["y"]), "mod": entry["mod"]}
    return {"unit": unit, "offset": 0, "base": "deictic", "mod": entry["mod"]}


def h_relnoun(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    entry = lexicon(lang)["relative_nouns"][m["n"].lower()]
    return {"unit": entry["unit"], "offset": int(entry["offset"]), "base": entry["base"]}


def h_tagdarauf(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    offset = 1 if m["w"].lower() in lexicon(lang)["after_words"] + ["danach", "after"] else -1
    return {"unit": "D", "offset": offset, "base": "anaphoric"}


def _qty(lang: str, n_word: str, u_word: str) -> tuple[float | str, str] | None:
    """A counted unit ("drei Wochen", "ein halbes Jahr") as (number or "X", ISO unit)."""
    n = number_of(lang, n_word)
    unit = unit_of(lang, u_word)
    if n is None or unit is None:
        return None
    if n == 0.5:
        n, unit = {"Y": (6.0, "M"), "M": (15.0, "D"), "D": (12.0, "H")}.get(unit, (n, unit))
    elif n == 1.5:
        n, unit = {"Y": (18.0, "M"), "M": (45.0, "D")}.get(unit, (n, unit))
    return n, unit


def h_qtyrel(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    """"vor drei Tagen", "zwei Wochen später", "in two weeks", "nach drei Tagen"."""
    word = (_g(m, "w") or _g(m, "w2") or "").lower()
    q = _qty(lang, m["n"], m["u"]) if word else None
    if q is None:
        return None
    n, unit = q
    lex = lexicon(lang)
    if word in ("vor", "ago"):
        sign, base = -1, "deictic"
    elif word in ("in",):
        sign, base = 1, "deictic"
    elif word == "nach":  # "nach zwei Tagen", "fünf Tage nach der Landung": days only
        if unit != "D" or n == "X":
            return {"kind": "duration", "value": _dur(n, unit)}
        return {"unit": unit, "offset": int(n), "base": "anaphoric", "fallback": _dur(n, unit)}
    elif word in lex["after_words"]:
        sign, base = 1, "anaphoric"
    else:
        sign, base = -1, "anaphoric"
    if unit not in ("D", "W", "M", "Y"):
        return {"kind": "duration", "value": _dur(n, unit)}
    if n == "X":
        return {"unit": unit, "offset": None, "base": base, "sign": sign}
    return {"unit": unit, "offset": sign * int(n), "base": base}


def _dur(n: float | str, unit: str) -> str:
    num = "X" if n == "X" else (str(int(n)) if float(n).is_integer() else str(n))
    if unit == "H":
        return f"PT{num}H"
    return f"P{num}{unit}"


def h_range(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    unit = unit_of(lang, m["u"])
    if unit is None:
        return None
    n: float | str = "X"
    if _g(m, "n"):
        q = number_of(lang, m["n"])
        if q is None:
            return None
        n = q
    rel = _adj(lang, m["adj"])
    direction = "unknown"
    if rel:
        direction = "future" if rel[1] > 0 else "past"
    return {"value": _dur(n, unit), "direction": direction}


def h_duration(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    q = _qty(lang, m["n"], m["u"])
    if q is None:
        return None
    n, unit = q
    if m["n"].lower() in ("a", "an") and not _g(m, "qm"):
        before = text[max(0, m.start() - 10):m.start()].lower().split()
        if not before or before[-1] not in ("for", "over", "within", "about", "after", "in"):
            return None
    return {"value": _dur(n, unit)}


def h_adjdur(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    lex = lexicon(lang)
    unit = {v: k for k, v in lex["unit_adjectives"].items()}.get(m["u"].lower())
    word = m["n"].lower()
    n: float | str | None = "X" if word in ("mehr", "viel", "multi") else number_of(lang, word)
    if n is None or unit is None:
        return None
    return {"value": _dur(n, unit)}


def h_adverb(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    unit = {v: k for k, v in lexicon(lang)["unit_adverbs"].items()}[m["w"].lower()]
    return {"value": _dur("X", unit)}


def h_set(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    lex = lexicon(lang)
    if _g(m, "adv"):
        stem = m["adv"].lower()
        for word, val in lex["sets"].items():
            if stem.startswith(word):
                return {"value": val}
        return None
    if _g(m, "wd") or _g(m, "wd2"):
        return {"value": "P1W"}
    if _g(m, "u2"):  # "alle drei Tage"
        q = _qty(lang, m["n"], m["u2"])
        return {"value": _dur(*q)} if q else None
    unit = unit_of(lang, m["u"])
    return {"value": _dur(1.0, unit)} if unit else None


def h_time(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    if _g(m, "midnight"):
        return {"h": 24, "mi": 0}
    h = int(m["h"])
    mi = int(_g(m, "mi") or _g(m, "mi2") or 0)
    ap = (_g(m, "ap") or "").lower()
    if ap.startswith("p") and h < 12:
        h += 12
    if h > 24 or mi > 59:
        return None
    return {"h": h, "mi": mi}


def h_holiday(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    entry = lexicon(lang)["holidays"][" ".join(m["hd"].lower().split())]
    sem: dict[str, Any] = {"holiday": True}
    if "easter" in entry:
        sem["easter"] = entry["easter"]
    else:
        sem.update(m=entry["month"], d=entry["day"])
    y = _year(m, lang)
    if y is not None:
        sem["y"] = y
    return sem


def h_daypart(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    return {"unit": "D", "offset": 0, "base": "anaphoric"}


def h_event(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    return {"term": m["e"].lower()}


# --- rule tables ----------------------------------------------------------------------------


def _common(lex: dict[str, Any]) -> dict[str, str]:
    months = alt(lex["months"])
    units = alt(f for forms in lex["units"].values() for f in forms)
    numbers = alt(list(lex["numbers"]))
    return {
        "MON": months,
        "WD": alt(lex["weekdays"]),
        "UNITS": units,
        "NUM": rf"(?:\d+(?:[.,]\d+)?|{numbers})",
        "QMOD": alt(lex["quantity_modifiers"]),
        "PARTS": alt(lex["period_parts"]),
        "BC": alt(list(lex["bc"]) + list(lex["ad"])),
        "REL": alt(lex["relative_adjectives"]),
        "DP": alt(lex["day_parts"]),
    }


def _de_rules() -> list[tuple[str, str, str, Handler]]:
    lex = lexicon("de")
    c = _common(lex)
    mon, wd, num, units = c["MON"], c["WD"], c["NUM"], c["UNITS"]
    bc, parts, dp = c["BC"], c["PARTS"], c["DP"]
    yrel = (r"(?:desselben|desgleichen|des\s+|dieses|diesen)\s*"
            r"(?:(?:letzten|vergangenen|kommenden|nächsten|folgenden|selben|gleichen|laufenden)\s+)?|(?:letzten|vergangenen|kommenden|nächsten"
            r"|folgenden|laufenden)\s+")
    year = rf"(?P<y>\d{{1,4}})(?:\s*(?P<era>{bc}))?(?![\d.,]\d)"
    adj_dur = alt(lex["unit_adjectives"].values())
    rel_stem = (r"(?:letzt|vergangen|vorig|dies|laufend|nächst|kommend|übernächst|folgend"
                r"|darauffolgend|(?:de[snmr])?selb|gleich|vorhergehend|neu)(?:e|en|er|es|em)?")
    return [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<h>\d{2}):(?P<mi>\d{2})"
                r"(?::\d{2})?)?\b", "date", h_iso),
        ("numeric", r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4}|\d{2})(?!\d)",
         "date", h_numeric),
        ("daymonth",
         rf"(?:(?P<wd>{wd}),?\s+(?:(?:dem|den)\s+)?)?(?P<d>\d{{1,2}})\.\s*(?P<mon>{mon})(?!\w)"
         rf"(?:\s+(?:(?:des\s+)?Jahres\s+)?{year}|\s+(?P<yrel>{yrel})Jahres\b)?",
         "date", h_daymonth),
        ("dayrange",
         rf"\b(?P<d>\d{{1,2}})\.(?=\s*(?:und|bis|/|–|-|auf\s+den|zum)\s*\d{{1,2}}\.\s*"
         rf"(?P<mon>{mon})(?!\w)(?:\s+{year})?)", "date", h_daymonth),
        ("month",
         rf"(?:(?P<part>{parts})\s+(?:des\s+)?)?\b(?P<mon>{mon})(?!\w)"
         rf"(?:\s+(?:des\s+Jahres\s+)?(?P<y>\d{{4}})(?:\s*(?P<era>{bc}))?(?![\d.,]\d)"
         rf"|\s+(?P<yrel>{yrel})Jahres\b"
         rf"|(?=\s*(?:/|und|bis|oder|–|-)\s*{mon}\s+(?P<ynext>\d{{4}})))?",
         "date", h_month),
        ("century",
         rf"(?:(?P<part>{parts})\s+(?:des\s+)?)?(?P<n>\d{{1,2}})\.\s*(?:Jahrhunderts?|Jh\.)"
         rf"(?:\s*(?P<era>{bc}))?", "date", h_century),
        ("decade", r"(?:den\s+)?\b(?P<y>\d{2}|\d{4})er(?:[-\s]?Jahren?|[-\s]?Jahre)\b",
         "date", h_decade),
        ("year",
         rf"(?:(?P<pre>\b(?:(?:im|um\s+das|das)\s+)?Jahre?s?)\s+)?(?:(?P<part>{parts})\s+)?"
         rf"(?<![\d.,])\b(?P<y>\d{{3,4}})(?:\s*(?P<era>{bc}))?(?![\d]|[.,]\d)", "date", h_year),
        ("season",
         rf"(?:(?P<part>{parts})\s+(?:des\s+)?)?\b(?P<fs>früh|spät)?(?P<s>frühjahr|frühling"
         rf"|sommer|herbst|winter)(?:s|es)?\b"
         rf"(?:\s+(?:des\s+Jahres\s+)?(?:(?P<y>\d{{4}})(?:/\d{{2,4}})?|(?P<y3>\d{{1,4}})(?=\s*{bc}))"
         rf"(?:\s*(?P<era>{bc}))?|\s+(?P<yrel>{yrel})Jahres\b)?", "date", h_season),
        ("deictic",
         rf"\b(?P<w>vorgestern|gestern|heute|übermorgen|(?-i:morgen))\b(?:\s+(?:{dp})\b)?",
         "deictic", h_deictic),
        ("deicticadj",
         rf"(?:(?:am|an\s+dem|vom|zum|beim|bis\s+zum|seit\s+dem)\s+)?"
         rf"\b(?P<w>{alt(lex['deictic_adjectives'])})(?:e[nmrs]?)\b"
         rf"(?:\s+(?:(?P<wd>{wd})(?:{dp})?|(?P<day>Tag|Tages|Abend|Morgen|Vormittag|Nachmittag"
         rf"|Nacht|Mittag))\b)?", "deictic", h_deictic_adj),
        ("weekday",
         rf"(?:(?P<pre>(?:am|an\s+diesem|in\s+der\s+nacht\s+zu(?:m)?|nacht\s+zum|bis|ab|seit)"
         rf"(?:\s+(?:vergangenen|letzten|kommenden|nächsten|frühen|späten))?"
         rf"|vergangenen|letzten|kommenden|nächsten|diesen|übernächsten|für)\s+)?"
         rf"\b(?P<wd>{wd})(?:{dp})?\b(?:\s+(?-i:(?:früh|morgen|vormittag|nachmittag|abend)))?",
         "weekday", h_weekday),
        ("relperiod",
         rf"(?:(?P<part>{parts})\s+)?(?:(?:im|in\s+der|in\s+diesem|in\s+dieser|am|an\s+diesem"
         rf"|des|der|dem|den|die|das)\s+)?\b(?P<adj>{rel_stem})\s+"
         rf"(?P<u>Wochenende|Woche|Monats|Monat|Jahres|Jahr|Tages|Tag|Abend)\b",
         "rel", h_relperiod),
        ("periodpart",
         rf"(?P<part>{parts})\s+(?:des|der|dieses|dieser)\s+(?P<u>Jahres|Monats|Woche)\b"
         rf"(?:\s+(?P<y>\d{{4}})(?![\d.,]\d))?", "rel", h_periodpart),
        ("compound", rf"(?:(?:am|zum|bis\s+zum|zu|im)\s+)?\b(?P<c>{alt(lex['period_compounds'])})"
                     r"(?:s|es)?\b(?:\s+(?P<y>\d{4})(?![\d.,]\d))?", "rel", h_compound),
        ("relnoun", rf"(?:(?:am|im|des|vom)\s+)?\b(?P<n>{alt(lex['relative_nouns'])})(?:es|s)?\b",
         "rel", h_relnoun),
        ("tagdarauf", r"(?:am\s+)?\b(?:Tag|tags)\s+(?P<w>darauf|danach|zuvor|davor)\b", "rel",
         h_tagdarauf),
        ("qtyrel",
         rf"(?:(?P<w>vor|in|nach)\s+)?(?:(?P<qm>{c['QMOD']})\s+)?\b(?P<n>{num}|ein(?:em)?\s+"
         rf"halben?s?|eineinhalb|anderthalb)\s+(?P<u>{units})\b"
         rf"(?(w)|\s+(?P<w2>später|danach|darauf|zuvor|davor|früher|vorher|nach)\b)",
         "rel", h_qtyrel),
        ("range",
         rf"(?:(?:in|während|innerhalb|seit)\s+(?:den|der)\s+|den\s+)?\b(?P<adj>kommenden|nächsten"
         rf"|vergangenen|letzten|folgenden|zurückliegenden|vorangegangenen|bisherigen)\s+"
         rf"(?:(?P<n>{num})\s+)?(?P<u>Tagen|Tage|Wochen|Monaten|Monate|Jahren|Jahre|Jahrzehnten"
         rf"|Jahrzehnte|Stunden)\b", "duration", h_range),
        ("duration",
         rf"(?:(?P<qm>{c['QMOD']})\s+)?\b(?P<n>{num}|ein(?:em|en)?\s+halben?s?|eineinhalb"
         rf"|anderthalb)\s+(?P<u>{units})\b", "duration", h_duration),
        ("adjdur", rf"\b(?P<n>\d+|{alt(list(lex['numbers']) + ['mehr', 'viel'])})[-\s]?"
                   rf"(?P<u>{adj_dur})(?:e[nmrs]?)?\b", "duration", h_adjdur),
        ("adverb", rf"\b(?P<w>{alt(lex['unit_adverbs'].values())})\b", "duration", h_adverb),
        ("set", rf"\b(?:(?P<adv>{alt(lex['sets'])})(?:e[nmrs]?)?|(?:jeden|jede|jedes|pro)\s+"
                rf"(?P<u>Tag|Woche|Monat|Jahr)|jeden\s+(?P<wd2>{wd})|(?-i:(?P<wd>montag|dienstag|mittwoch|donnerstag"
                rf"|freitag|samstag|sonntag)s)|alle\s+(?P<n>{num})\s+(?P<u2>Tage|Wochen|Monate"
                rf"|Jahre))\b", "set", h_set),
        ("time",
         r"(?:(?:um|gegen|bis|ab)\s+)?\b(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*Uhr"
         r"(?:\s+(?P<mi2>\d{2})(?!\d))?(?:\s+(?:MEZ|MESZ|Ortszeit|mitteleuropäischer\s+Zeit))?"
         r"|(?:um\s+)?(?P<midnight>Mitternacht)", "time", h_time),
        ("holiday", rf"\b(?P<hd>{alt(lex['holidays'])})(?:s|es)?\b(?:\s+(?P<y>\d{{4}})"
                    r"(?![\d.,]\d))?", "date", h_holiday),
        ("daypart", rf"\b(?:am|gegen|in\s+der)\s+(?-i:(?P<dp>{_cap(lex['day_part_nouns'])}))\b"
                    r"(?!\s+(?:des|vom)\b)", "rel", h_daypart),
        ("event", r"(?:(?:seit|nach|vor)\s+(?:dem\s+)?)?\b(?P<e>Kriegsbeginns?|Beginn\s+des"
                  r"\s+Krieges|Beginn\s+der\s+Invasion|Kriegsende|Kriegsausbruch)\b",
         "event", h_event),
    ]


def _en_rules() -> list[tuple[str, str, str, Handler]]:
    lex = lexicon("en")
    c = _common(lex)
    mon, wd, num, units = c["MON"], c["WD"], c["NUM"], c["UNITS"]
    bc, parts, dp = c["BC"], c["PARTS"], c["DP"]
    year = rf"(?P<y>\d{{4}})(?:\s*(?P<era>{bc}))?(?![\d.,]\d)"
    return [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<h>\d{2}):(?P<mi>\d{2})"
                r"(?::\d{2})?)?\b", "date", h_iso),
        ("monthday",
         rf"(?:(?P<wd>{wd}),?\s+)?\b(?P<mon>{mon})(?!\w)\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
         rf"(?:,?\s+{year})?", "date", h_daymonth),
        ("daymonth",
         rf"(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
         rf"(?P<mon>{mon})(?!\w)(?:,?\s+{year})?", "date", h_daymonth),
        ("month",
         rf"(?:(?P<part>{parts})\s*)?\b(?P<mon>{mon})(?!\w)(?:,?\s+(?:of\s+)?{year})?",
         "date", h_month),
        ("decade", r"(?:the\s+)?\b(?P<y>\d{4}|')?(?P<y2>\d{2})?s\b", "date", _decade_en),
        ("century", rf"(?:(?P<part>{parts})\s+)?(?:the\s+)?\b(?P<n>\d{{1,2}})(?:st|nd|rd|th)"
                    rf"\s+century(?:\s*(?P<era>{bc}))?", "date", h_century),
        ("year",
         rf"(?:(?P<pre>(?:in\s+)?the\s+year)\s+)?(?:(?P<part>{parts})\s*)?"
         rf"(?<![\d.,])\b(?P<y>\d{{4}})(?:\s*(?P<era>{bc}))?(?![\d]|[.,]\d)", "date", h_year),
        ("season",
         rf"(?:(?P<part>{parts})\s+)?(?:(?P<pre>in|this|last|next|during|the|since)\s+)?"
         rf"(?:(?P<yrel>this|last|next|past)\s+)?\b(?P<s>spring|summer|autumn|fall|winter)\b"
         rf"(?:\s+(?:of\s+)?{year})?", "date", h_season),
        ("deictic", rf"\b(?P<w>{alt(lex['deictic_days'])})\b", "deictic", h_deictic),
        ("weekday",
         rf"(?:(?P<pre>on|last|this|next|coming|this\s+coming|by|until|since|past"
         rf"|on\s+the\s+following)\s+)?\b(?P<wd>{wd})\b(?:\s+(?:{dp})\b)?", "weekday",
         h_weekday),
        ("relperiod",
         rf"(?:(?P<part>{parts})\s+)?(?:(?:on|in|during|of|over)\s+)?(?:the\s+)?\b"
         rf"(?P<adj>last|past|previous|this|current|next|coming|following|same)\s+"
         rf"(?P<u>weekend|week|month|year|day)\b", "rel", h_relperiod),
        ("compound", r"(?:(?:at|on|over)\s+)?(?:the\s+)?\b(?P<c>weekend)\b", "rel",
         h_compound),
        ("periodpart", r"(?:(?:by|at|until|before)\s+)?(?P<part>the\s+end\s+of|the\s+beginning"
                       r"\s+of|the\s+start\s+of|the\s+middle\s+of)\s+the\s+(?P<u>year|month|week)"
                       r"\b", "rel", h_periodpart),
        ("qtyrel",
         rf"(?:(?P<w>in)\s+)?(?:(?P<qm>{c['QMOD']})\s+)?\b(?P<n>{num})\s+(?P<u>{units})\b"
         rf"(?(w)|\s+(?P<w2>ago|later|earlier)\b)", "rel", h_qtyrel),
        ("range",
         rf"(?:(?:in|over|during|for|within)\s+)?the\s+(?P<adj>coming|next|past|last|previous"
         rf"|following)\s+(?:(?P<n>{num})\s+)?(?P<u>days|weeks|months|years|decades|hours)\b",
         "duration", h_range),
        ("recent", r"\bin\s+recent\s+(?P<u>days|weeks|months|years)\b", "duration",
         lambda m, lang, t: {"value": _dur("X", unit_of(lang, m["u"]) or "D"),
                             "direction": "past"}),
        ("duration",
         rf"(?:(?P<qm>{c['QMOD']})\s+)?\b(?P<n>{num}|half\s+a|a\s+half)\s+(?P<u>{units})\b",
         "duration", h_duration),
        ("adjdur", rf"\b(?P<n>\d+|{alt(list(lex['numbers']) + ['multi'])})-"
                   rf"(?P<u>{alt(lex['unit_adjectives'].values())})(?:-old|-long)?\b",
         "duration", h_adjdur),
        ("set", rf"\b(?:(?P<adv>{alt(lex['sets'])})|every\s+(?P<u>day|week|month|year)"
                rf"|every\s+(?P<wd>{wd}))\b", "set", h_set),
        ("time", r"\b(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?!\w)"
                 r"|(?:at\s+)?(?P<midnight>midnight)", "time", h_time),
        ("holiday", rf"\b(?P<hd>{alt(lex['holidays'])})(?:,?\s+(?P<y>\d{{4}})"
                    r"(?![\d.,]\d))?", "date", h_holiday),
        ("daypart", rf"\b(?:in|on)\s+the\s+(?P<dp>{alt(lex['day_part_nouns'])})\b",
         "rel", h_daypart),
        ("event", r"(?:(?:since|after|before)\s+)?(?:the\s+)?(?P<e>start\s+of\s+the\s+war"
                  r"|beginning\s+of\s+the\s+war|outbreak\s+of\s+the\s+war)\b", "event", h_event),
    ]


def _cap(words: list[str]) -> str:
    """Capitalised forms (German nouns): "Abend" but not "abend"."""
    return alt(w[:1].upper() + w[1:] for w in words)


def _decade_en(m: re.Match[str], lang: str, text: str) -> dict[str, Any] | None:
    y = _g(m, "y")
    if y and len(y) == 4 and y.endswith("0"):
        return {"decade": int(y) // 10}
    return None


@cache
def rules(lang: str) -> tuple[Rule, ...]:
    """The compiled rules of ``lang`` (compiled once)."""
    table = _de_rules() if lang == "de" else _en_rules()
    return tuple((name, re.compile(p, re.IGNORECASE), kind, h) for name, p, kind, h in table)


_WORD = re.compile(r"\w+")
MARGIN = 64  # characters around a trigger word that a rule is run on

# which trigger words a rule needs near it (rules run only around their triggers: scanning
# every rule over all the text is the slow part of tagging)
RULE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "iso": ("digit",), "numeric": ("digit",), "dayrange": ("month",), "daymonth": ("month",),
    "monthday": ("month",), "month": ("month",), "century": ("century",),
    "decade": ("digit",), "year": ("digit",), "season": ("season",), "deictic": ("deictic",),
    "deicticadj": ("deicticadj",),
    "weekday": ("weekday",), "relperiod": ("unit", "compound"), "periodpart": ("unit",),
    "compound": ("compound",), "relnoun": ("relnoun",), "tagdarauf": ("unit",),
    "qtyrel": ("unit",), "range": ("unit",), "recent": ("unit",), "duration": ("unit",),
    "adjdur": ("adjdur",), "adverb": ("adverb",), "set": ("set", "unit", "weekday"),
    "time": ("digit", "time"), "event": ("event",), "holiday": ("holiday",),
    "daypart": ("daypart",),
}


@cache
def _trigger_table(langs: tuple[str, ...]) -> tuple[dict[str, set[str]], list[tuple[str, str]]]:
    """Exact trigger words -> kinds, and (word part, kind) pairs for compounds such as
    "Donnerstagabend", "dreitägigen", "Spätsommer", "Kriegsbeginn"."""
    exact: dict[str, set[str]] = {}
    parts: list[tuple[str, str]] = [("kriegs", "event"), ("invasion", "event")]

    def add(word: str, kind: str) -> None:
        exact.setdefault(word.rstrip(".").split()[-1].lower(), set()).add(kind)

    for w in ("uhr", "mitternacht", "midnight"):
        add(w, "time")
    for w in ("jahrhundert", "jahrhunderts", "jh", "century"):
        add(w, "century")
    for w in ("war", "start", "beginning", "outbreak"):
        add(w, "event")
    for w in ("tags", "abend", "abends", "evening", "night", "nacht", "weekend"):
        add(w, "unit")
    for lang in langs:
        lex = lexicon(lang)
        for w in lex["holidays"]:
            add(w, "holiday")
        for w in lex["day_part_nouns"]:
            add(w, "daypart")
        parts += [(p.split()[0], "holiday") for p in lex["holidays"] if len(p) > 6]
        for stem in lex.get("deictic_adjectives", ()):
            for ending in ("e", "en", "em", "er", "es"):
                add(stem + ending, "deicticadj")
        for key, kind in (("months", "month"), ("weekdays", "weekday"), ("seasons", "season"),
                          ("deictic_days", "deictic"), ("sets", "set"),
                          ("relative_nouns", "relnoun"), ("period_compounds", "compound")):
            for w in lex[key]:
                add(w, kind)
        for forms in lex["units"].values():
            for w in forms:
                add(w, "unit")
        parts += [(p, "adjdur") for p in lex["unit_adjectives"].values()]
        parts += [(p, "adverb") for p in lex["unit_adverbs"].values()]
        parts += [(p, "weekday") for p in lex["weekdays"]]
        parts += [(p, "season") for p in lex["seasons"]]
        parts += [(p, "relnoun") for p in lex["relative_nouns"]]
        parts += [(p, "compound") for p in lex["period_compounds"]]
        parts += [(p, "set") for p in lex["sets"]]
    return exact, parts


_KIND_CACHE: dict[tuple[str, tuple[str, ...]], frozenset[str]] = {}


def _kinds(word: str, langs: tuple[str, ...]) -> frozenset[str]:
    """The trigger kinds of a word form (cached per form)."""
    key = (word, langs)
    hit = _KIND_CACHE.get(key)
    if hit is not None:
        return hit
    w = word.lower()
    exact, parts = _trigger_table(langs)
    kinds = set(exact.get(w, ()))
    if w[0].isdigit():
        kinds.add("digit")
    if len(w) > 4:
        kinds.update(kind for p, kind in parts if p in w)
    out = frozenset(kinds)
    if len(_KIND_CACHE) > 200_000:
        _KIND_CACHE.clear()
    _KIND_CACHE[key] = out
    return out


def _windows(text: str, start: int, end: int,
             langs: tuple[str, ...]) -> dict[str, list[tuple[int, int]]]:
    """Per trigger kind, the merged stretches of ``text[start:end]`` around its words."""
    out: dict[str, list[tuple[int, int]]] = {}
    for m in _WORD.finditer(text, start, end):
        kinds = _kinds(m.group(), langs)
        if not kinds:
            continue
        lo, hi = max(start, m.start() - MARGIN), min(end, m.end() + MARGIN)
        for kind in kinds:
            spans = out.setdefault(kind, [])
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))
    return out


def _rule_windows(windows: dict[str, list[tuple[int, int]]],
                  name: str) -> list[tuple[int, int]]:
    spans = sorted(s for kind in RULE_TRIGGERS[name] for s in windows.get(kind, ()))
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def tag(text: str, langs: tuple[str, ...] = ("de",), start: int = 0,
        end: int | None = None) -> list[Raw]:
    """All time expressions in ``text[start:end]``, non-overlapping, in text order."""
    end = len(text) if end is None else end
    found: list[Raw] = []
    windows = _windows(text, start, end, langs)
    if not windows:
        return []
    for lang in langs:
        for name, pattern, kind, handler in rules(lang):
            for lo, hi in _rule_windows(windows, name):
                _apply(text, lang, pattern, kind, handler, lo, hi, found)
    return _select(found)


def _apply(text: str, lang: str, pattern: re.Pattern[str], kind: str, handler: Handler,
           lo: int, hi: int, found: list[Raw]) -> None:
    for m in pattern.finditer(text, lo, hi):
        if m.end() == m.start():
            continue
        sem = handler(m, lang, text)
        if sem is None:
            continue
        k = sem.pop("kind", kind)
        s, e = _trim(text, m.start(), m.end())
        if k == "duration" and text[s:e].endswith((" nach", " after")):
            e = text.rindex(" ", s, e)  # "drei Jahre nach der Invasion": the duration only
        found.append(Raw(s, e, text[s:e], k, sem, lang))


def _select(found: list[Raw]) -> list[Raw]:
    found.sort(key=lambda r: (-(r.end - r.start), r.start))
    chosen: list[Raw] = []
    taken: list[tuple[int, int]] = []
    for r in found:
        if any(r.start < e and s < r.end for s, e in taken):
            continue
        chosen.append(r)
        taken.append((r.start, r.end))
    chosen.sort(key=lambda r: r.start)
    return chosen


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in " \t\n,":
        e -= 1
    return s, e
