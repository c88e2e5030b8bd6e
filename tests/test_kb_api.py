"""Knowledge-base API, user extension via LAGEBILD_KB_PATH, and the lookup command."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild import kb, nlp
from lagebild.kb import api
from lagebild.kb.index import build_index, set_index
from lagebild.kb.loader import ENV_VAR, KBError
from lagebild.model import Document

FIXTURE = Path(__file__).parent / "fixtures" / "kb"


@pytest.fixture
def fixture_index():
    idx = build_index(data_dir=FIXTURE, geography=False)
    set_index(idx)
    yield idx
    set_index(None)


def _user_kb(tmp_path: Path) -> Path:
    (tmp_path / "persons_extra.yaml").write_text(
        "- id: 'lb:PER:Hanna Musterfrau'\n  name: Hanna Musterfrau\n  gender: f\n"
        "  nationality: DE\n  aliases: [Musterfrau]\n  roles:\n"
        "    - {role: spokesperson, org: DE, title_en: Spokesperson of the Test Office,"
        " title_de: Testsprecherin, start: 2020-01-01, end: null}\n", encoding="utf-8")
    (tmp_path / "orgs.tsv").write_text(
        "id\tname\ttype\taliases\tcountry\n"
        "lb:ORG:Beispielwerk\tBeispielwerk AG\tORG\tBeispielwerk|BWAG\tDE\n", encoding="utf-8")
    return tmp_path


def test_user_extension_via_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(_user_kb(tmp_path)))
    idx = build_index(data_dir=FIXTURE, geography=False)
    set_index(idx)
    try:
        doc = Document(text="Musterfrau lobte die Beispielwerk AG und die BWAG-Aktie.")
        doc.published.value = "2024-02-02"
        nlp.run(doc)
        kb.run(doc)
        found = {e.id: [m.text for m in e.mentions] for e in doc.entities}
        assert found["lb:PER:Hanna Musterfrau"] == ["Musterfrau"]
        assert found["lb:ORG:Beispielwerk"] == ["Beispielwerk AG", "BWAG"]
        person = doc.entity("lb:PER:Hanna Musterfrau")
        assert person is not None and person.roles == ["Spokesperson of the Test Office"]
    finally:
        set_index(None)


def test_user_extension_extends_a_known_entity(tmp_path, monkeypatch):
    (tmp_path / "persons.yaml").write_text(
        "- id: 'lb:PER:Marco Rubio'\n  name: Marco Rubio\n  aliases: [Rubios Team]\n",
        encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    idx = build_index(data_dir=FIXTURE, geography=False)
    rubio = idx.ents["lb:PER:Marco Rubio"]
    assert "Rubios Team" in rubio.aliases and rubio.roles  # roles kept from the shipped record


def test_bad_user_directory_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "missing"))
    with pytest.raises(KBError, match="not a directory"):
        build_index(data_dir=FIXTURE, geography=False)


def test_persons_in_text_and_titles(fixture_index):
    found = {p.id: p for p in api.persons_in_text("US-Präsident Biden traf Selenskyj.")}
    assert found["lb:PER:Joe Biden"].titled
    assert not found["lb:PER:Wolodymyr Selenskyj"].titled
    (span,) = found["lb:PER:Joe Biden"].roles
    assert span.start == date(2021, 1, 20) and span.end == date(2025, 1, 20)


def test_role_holder_and_helpers(fixture_index):
    assert api.role_holder("foreign_minister", "US", date(2025, 1, 19)) == "lb:PER:Antony Blinken"
    assert api.role_holder("foreign_minister", "US", date(2025, 2, 1)) == "lb:PER:Marco Rubio"
    assert api.role_holder("foreign_minister", "US", date(2025, 1, 20)) is None  # vacant day
    assert api.is_person("lb:PER:Marco Rubio") and api.is_person("lb:PER:Unbekannt")
    assert not api.is_person("lb:GPE:UA")
    info = api.entity_info("lb:PER:Maria Sacharowa")
    assert info is not None and info.gender == "f" and info.country == "RU"
    assert api.state_of_adjective("ukrainischen") == "lb:GPE:UA"
    assert api.roles_on("lb:PER:Donald Trump", date(2022, 1, 1)) == []


def test_kb_version_is_a_hash():
    assert len(api.KB_VERSION) == 12 and int(api.KB_VERSION, 16) >= 0


def test_lookup_command_shows_roles_on_date(fixture_index):
    from lagebild.cli import app

    result = CliRunner().invoke(app, ["kb", "lookup", "Trump", "--date", "2019-06-01"])
    assert result.exit_code == 0, result.output
    assert "lb:PER:Donald Trump" in result.output
    assert "President of the United States" in result.output
    result = CliRunner().invoke(app, ["kb", "lookup", "Trump", "--date", "2022-06-01"])
    assert "President" not in result.output
    assert CliRunner().invoke(app, ["kb", "lookup", "Niemand Sonst"]).exit_code == 1


def test_lookup_command_with_a_user_directory(tmp_path):
    from lagebild.cli import app

    try:
        result = CliRunner().invoke(app, ["kb", "lookup", "BWAG", "--kb-path",
                                          str(_user_kb(tmp_path))])
        assert result.exit_code == 0, result.output
        assert "lb:ORG:Beispielwerk" in result.output
    finally:
        set_index(None)


def test_model_version_names_kb_and_ner():
    assert api.MODEL_VERSION.startswith(f"kb-{api.KB_VERSION}+ner-")
    assert api.NER_MODEL_VERSION in api.MODEL_VERSION


def test_local_id_is_normalised():
    assert api.local_id("Jana  Kowalski", "PER") == "lb:PER:jana_kowalski"
    assert api.local_id("Außenministerium (RU)", "ORG") == "lb:ORG:aussenministerium_ru"


def test_persons_in_text_title_keys(fixture_index):
    found = {p.name: p for p in api.persons_in_text("US-Präsident Biden traf Selenskyj.")}
    biden = next(p for name, p in found.items() if "Biden" in name)
    assert "head_of_state" in biden.title_keys
    assert all(r.key for r in biden.roles)
