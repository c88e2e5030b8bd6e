"""Consistency checks on the knowledge-base YAML files, read directly (independent of the loader).

They guard the properties the linker relies on: unique and well-formed ids, a verification note
for every Wikidata QID, dated roles that do not end before they start, and single-holder offices
(head of state, foreign minister, NATO secretary general, ...) held by one person per day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parent.parent / "lagebild" / "kb" / "data"
ID_RE = re.compile(r"^(Q[1-9][0-9]*|lb:(PER|ORG|GPE|LOC|MISC):[a-z0-9_]+)$")
ISO_RE = re.compile(r"^[A-Z]{2}$")
ROLE_KEYS = {
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "national_security_adviser",
    "head_of_presidential_office",
    "spokesperson",
    "special_envoy",
    "un_ambassador",
    "chief_of_general_staff",
    "secretary_general",
    "commission_president",
    "council_president",
    "high_representative",
    "director_general",
    "prosecutor",
    "president_org",
    "other",
}
# offices held by exactly one person on any day (per state or organisation): all but these
# (lagebild/kb/data/README.md, "Role keys")
SINGLE_HOLDER = ROLE_KEYS - {"spokesperson", "special_envoy", "other"}
ORG_KINDS = {
    "igo",
    "government",
    "ministry",
    "party",
    "military",
    "company",
    "media",
    "ngo",
    "institute",
}


def _load(path: Path):
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@pytest.fixture(scope="module")
def persons() -> list[dict]:
    files = sorted((DATA / "persons").glob("*.yaml"))
    assert files, "no person files"
    out: list[dict] = []
    for path in files:
        data = _load(path)
        assert isinstance(data, list), path
        for person in data:
            person["_file"] = path.name
        out.extend(data)
    return out


@pytest.fixture(scope="module")
def orgs() -> list[dict]:
    return _load(DATA / "orgs.yaml")


@pytest.fixture(scope="module")
def states() -> list[dict]:
    return _load(DATA / "states.yaml")


@pytest.fixture(scope="module")
def places() -> list[dict]:
    return _load(DATA / "places.yaml")


def _all_ids(persons, orgs, states, places) -> list[str]:
    return [str(x["id"]) for x in persons + orgs + states + places]


# Files that are lexicons for the linker rather than lists of KB records.
NON_RECORD_FILES = {"role_titles.yaml"}


def test_every_file_parses() -> None:
    for path in DATA.rglob("*.yaml"):
        data = _load(path)
        if path.name in NON_RECORD_FILES:
            assert isinstance(data, dict) and data, f"{path} is empty"
        else:
            assert isinstance(data, list), f"{path} is not a YAML list"


def test_ids_unique_and_well_formed(persons, orgs, states, places) -> None:
    ids = _all_ids(persons, orgs, states, places)
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"duplicate ids: {dupes}"
    bad = [i for i in ids if not ID_RE.match(i)]
    assert not bad, f"malformed ids: {bad}"


def test_every_qid_carries_verification(persons, orgs, states, places) -> None:
    missing = []
    for item in persons + orgs + states + places:
        if str(item["id"]).startswith("Q"):
            ver = item.get("verification") or {}
            if not all(str(ver.get(k) or "").strip() for k in ("label", "description", "source")):
                missing.append(item["id"])
    assert not missing, f"QIDs without label/description/source: {missing}"


def test_person_qid_table_is_applied_and_unique(persons) -> None:
    """Each verified QID in scripts/kb_sources/person_qids.tsv is listed once, for one person,
    and the person files carry it (a stale or doubled row would keep an lb: id or merge people)."""
    table = DATA.parents[2] / "scripts" / "kb_sources" / "person_qids.tsv"
    text = table.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = [dict(zip(header, ln.split("\t"), strict=True)) for ln in lines[1:]]
    for key in ("lb_id", "qid"):
        values = [r[key] for r in rows]
        assert len(values) == len(set(values)), f"{key} listed twice in person_qids.tsv"
    ids = {str(p["id"]) for p in persons}
    unapplied = [r["qid"] for r in rows if r["qid"] not in ids]
    assert not unapplied, f"verified QIDs not applied to a person: {unapplied}"
    stale = [r["lb_id"] for r in rows if r["lb_id"] in ids]
    assert not stale, f"persons still carrying a replaced lb: id: {stale}"


def test_lb_ids_have_matching_type(persons, orgs, places) -> None:
    assert all(str(p["id"]).startswith(("Q", "lb:PER:")) for p in persons)
    assert all(str(o["id"]).startswith(("Q", f"lb:{o['type']}:")) for o in orgs)
    assert all(str(p["id"]).startswith(("Q", "lb:GPE:", "lb:LOC:")) for p in places)


def test_person_fields(persons, states) -> None:
    isos = {s["iso"] for s in states}
    for p in persons:
        where = f"{p['_file']}:{p['id']}"
        assert p.get("name"), where
        assert p.get("gender") in {"m", "f"}, where
        assert p.get("nationality") in isos, where
        assert isinstance(p.get("aliases"), list), where
        assert all(isinstance(a, str) and a.strip() for a in p["aliases"]), where


def test_roles_are_dated_and_refer_to_known_holders(persons, orgs, states) -> None:
    known = {s["iso"] for s in states} | {str(o["id"]) for o in orgs}
    for p in persons:
        for r in p.get("roles") or []:
            where = f"{p['_file']}:{p['id']}:{r}"
            assert r["role"] in ROLE_KEYS, where
            assert str(r["org"]) in known, where
            assert r.get("title_en") and r.get("title_de"), where
            assert isinstance(r["start"], dt.date), where
            assert r["end"] is None or isinstance(r["end"], dt.date), where
            assert r["end"] is None or r["end"] > r["start"], f"role ends before it starts: {where}"


def test_no_two_holders_of_single_holder_office_on_one_day(persons) -> None:
    terms: dict[tuple, list] = defaultdict(list)
    for p in persons:
        for r in p.get("roles") or []:
            if r["role"] in SINGLE_HOLDER:
                # president_org covers several distinct presidencies of one organisation
                key = (
                    r["role"],
                    str(r["org"]),
                    r["title_en"] if r["role"] == "president_org" else "",
                )
                terms[key].append((r["start"], r["end"] or dt.date.max, p["id"]))
    clashes = []
    for key, spans in terms.items():
        spans.sort()
        # sweep in start order: a term starting before the latest end so far overlaps it
        latest_end, latest_who = dt.date.min, None
        for start, end, who in spans:
            if start < latest_end:
                clashes.append(f"{key}: {latest_who} (to {latest_end}) overlaps {who} from {start}")
            if end > latest_end:
                latest_end, latest_who = end, who
    assert not clashes, "\n".join(clashes)


def test_coverage_of_dated_persons(persons) -> None:
    dated = [
        p for p in persons if any(isinstance(r.get("start"), dt.date) for r in p.get("roles") or [])
    ]
    assert len(dated) >= 400


def test_current_holders_of_key_offices(persons) -> None:
    """Each key office has exactly one holder on a recent day (catches gaps and open ends)."""
    day = dt.date(2025, 6, 1)
    offices = [
        ("head_of_state", "UA"),
        ("head_of_state", "RU"),
        ("head_of_state", "US"),
        ("head_of_government", "DE"),
        ("foreign_minister", "RU"),
        ("foreign_minister", "US"),
        ("secretary_general", "Q7184"),
        ("secretary_general", "Q1065"),
        ("commission_president", "Q8880"),
        ("high_representative", "Q458"),
    ]
    for role, org in offices:
        holders = [
            p["id"]
            for p in persons
            for r in p.get("roles") or []
            if r["role"] == role
            and str(r["org"]) == org
            and r["start"] <= day
            and (r["end"] is None or day < r["end"])
        ]
        assert len(holders) == 1, (role, org, holders)


def test_orgs(orgs, states) -> None:
    isos = {s["iso"] for s in states}
    for o in orgs:
        # a few named things kept in orgs.yaml are no organisations (a messaging platform): MISC
        assert o.get("name") and o.get("type") in ("ORG", "MISC"), o
        assert o["id"].startswith("Q") or o["id"].startswith(f"lb:{o['type']}:"), o
        assert o.get("kind") in ORG_KINDS, o
        assert o.get("country") is None or o["country"] in isos, o
        assert isinstance(o.get("aliases"), list) and isinstance(o.get("metonyms", []), list), o


def test_states_cover_iso_countries(states) -> None:
    isos = [s["iso"] for s in states]
    assert len(isos) == len(set(isos))
    assert all(ISO_RE.match(i) for i in isos)
    assert len(isos) >= 240
    for s in states:
        assert s.get("name_de") and s.get("name_en"), s
        assert isinstance(s.get("adjectives_de"), list) and isinstance(
            s.get("demonyms_de"), list
        ), s
    by_iso = {s["iso"]: s for s in states}
    assert "ukrainisch" in by_iso["UA"]["adjectives_de"]
    assert "US-amerikanisch" in by_iso["US"]["adjectives_de"]


def test_places(places, states) -> None:
    isos = {s["iso"] for s in states}
    for p in places:
        assert p.get("name") and p.get("type") in {"GPE", "LOC"}, p
        assert p.get("country") is None or p["country"] in isos, p
        assert isinstance(p.get("aliases"), list), p
