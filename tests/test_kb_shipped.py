"""The whole shipped knowledge base: ids, role dates, single holders, verification notes."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest
import yaml

from lagebild.kb.index import build_index
from lagebild.kb.loader import DATA_DIR

_QID = re.compile(r"^Q\d+$")


@pytest.fixture(scope="module")
def index():
    return build_index()


def _raw_ids() -> list[str]:
    ids = []
    for path in sorted(DATA_DIR.rglob("*.yaml")):
        if path.name.startswith("_") or path.name == "role_titles.yaml":
            continue
        for rec in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            ids.append(str(rec.get("id") or rec.get("iso")))
    return ids


def test_ids_are_unique_across_files():
    dupes = [i for i, n in Counter(_raw_ids()).items() if n > 1]
    assert not dupes, f"duplicate ids: {dupes[:20]}"


def test_no_role_ends_before_it_starts(index):
    bad = [(e.id, r.key, r.start, r.end) for e in index.ents.values() for r in e.roles
           if r.start and r.end and r.end < r.start]
    assert not bad, bad[:20]


def test_single_holder_roles_have_one_holder_per_day(index):
    spans = defaultdict(list)
    for e in index.ents.values():
        for r in e.roles:
            if r.key in index.single_holder and r.start:
                spans[(r.key, index.org_id(r.org) or r.org)].append(
                    (r.start, r.end or date.today() + timedelta(days=1), e.id))
    clashes = []
    for key, items in spans.items():
        items.sort()
        reach, holder = items[0][1], items[0][2]  # latest end so far and its holder
        for start, end, person in items[1:]:
            if start < reach and person != holder:
                clashes.append((key, holder, person, str(start)))
            if end > reach:
                reach, holder = end, person
    assert not clashes, clashes[:20]


def test_every_qid_has_a_verification_note(index):
    missing = [e.id for e in index.ents.values() if _QID.match(e.id) and not (
        e.verification and e.verification.get("label") and e.verification.get("source"))]
    assert not missing, missing[:20]


def test_persons_have_names_genders_and_dated_roles(index):
    persons = [e for e in index.ents.values() if e.type == "PER"]
    assert persons
    assert all(p.gender in ("m", "f") for p in persons), [p.id for p in persons
                                                          if p.gender not in ("m", "f")][:10]
    assert all(r.title_en and r.title_de for p in persons for r in p.roles)


def test_every_country_is_present_with_german_and_english_names(index):
    states = {e.iso: e for e in index.ents.values() if e.kind == "state"}
    assert len(states) >= 190
    assert states["UA"].name == "Ukraine" and "Ukraine" in [states["UA"].name_en,
                                                             *states["UA"].aliases]
    assert [e.id for e in index.lookup("Deutschland")] == [states["DE"].id]


def _name(entity_id: str | None) -> str | None:
    from lagebild.kb import api

    info = api.entity_info(entity_id) if entity_id else None
    return info.name if info else None


def test_shipped_role_holders_by_date():
    from lagebild.kb import api

    assert _name(api.role_holder("foreign_minister", "US", date(2024, 6, 1))) == "Antony Blinken"
    assert _name(api.role_holder("foreign_minister", "US", date(2025, 6, 1))) == "Marco Rubio"
    assert _name(api.role_holder("head_of_state", "UA", date(2016, 6, 1))) == "Petro Poroschenko"


def test_shipped_title_resolution_in_text():
    from lagebild import kb, nlp
    from lagebild.model import Document

    def person_names(text: str, day: str) -> set[str]:
        doc = Document(text=text)
        doc.published.value = day
        nlp.run(doc)
        kb.run(doc)
        return {e.name for e in doc.entities if e.type == "PER"}

    text = "Der US-Außenminister kündigte in Brüssel neue Gespräche an."
    assert person_names(text, "2024-06-01") == {"Antony Blinken"}
    assert person_names(text, "2025-06-01") == {"Marco Rubio"}


def test_shipped_geography_ambiguity():
    from lagebild import kb, nlp
    from lagebild.kb.index import get_index
    from lagebild.model import Document

    def places(text: str) -> dict[str, tuple[str | None, str]]:
        doc = Document(text=text)
        doc.published.value = "2024-03-01"
        nlp.run(doc)
        kb.run(doc)
        ents = get_index().ents
        # keyed by the last word of each mention ("US-Bundesstaat Georgia" → "Georgia")
        return {m.text.split()[-1]: (ents[e.id].country, ents[e.id].kind) for e in doc.entities
                for m in e.mentions if e.id in ents}

    assert places("Der Papst empfing die Gäste in Rom.")["Rom"][0] == "IT"
    assert places("Im US-Bundesstaat Georgia wird gewählt.")["Georgia"] == ("US", "region")
    assert places("Georgia und Armenien streiten.")["Georgia"] == ("GE", "state")
