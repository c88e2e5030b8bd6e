"""Speaker resolution: pronouns by gender, role nouns, institutions, ids always in entities."""

from __future__ import annotations

from lagebild.model import Document
from tests.test_quotes_helpers import person, run


def _ids_are_entities(doc: Document) -> None:
    ids = {e.id for e in doc.entities}
    assert all(q.speaker is None or q.speaker in ids for q in doc.quotes)


def test_pronoun_takes_the_nearest_person_of_matching_gender() -> None:
    text = ("Meloni traf am Mittwoch den Premier Tusk. Sie sagte danach, die Gespräche seien "
            "offen gewesen.")
    meloni = person(text, "GM", "Giorgia Meloni", ["Meloni"], "f")
    tusk = person(text, "DT", "Donald Tusk", ["Tusk"], "m")
    doc = run(text, [meloni, tusk])
    assert [q.speaker for q in doc.quotes] == ["GM"]
    assert doc.quotes[0].speaker_text == "Sie"


def test_masculine_pronoun_skips_a_nearer_woman() -> None:
    text = ("Orbán sprach lange mit von der Leyen. Er erklärte, Ungarn werde sein Veto "
            "einlegen.")
    orban = person(text, "VO", "Viktor Orbán", ["Orbán"], "m")
    ursula = person(text, "UL", "Ursula von der Leyen", ["von der Leyen"], "f")
    doc = run(text, [orban, ursula])
    assert [q.speaker for q in doc.quotes] == ["VO"]


def test_pronoun_continues_the_previous_speaker() -> None:
    text = ("„Wir brauchen Munition“, sagte Budanow. Neben ihm stand General Naiev. Er fügte "
            "hinzu, die Lage sei angespannt.")
    bud = person(text, "KB", "Kyrylo Budanow", ["Budanow"], "m")
    naiev = person(text, "SN", "Serhij Naiev", ["Naiev"], "m")
    doc = run(text, [bud, naiev])
    assert [q.speaker for q in doc.quotes] == ["KB", "KB"]


def test_role_noun_resolved_by_the_entities_stage_is_used() -> None:
    text = "„Wir verhandeln nicht unter Druck“, sagte der Kremlsprecher am Donnerstag."
    peskov = person(text, "Q1", "Dmitri Peskow", ["Kremlsprecher"], "m")
    doc = run(text, [peskov])
    assert doc.quotes[0].speaker == "Q1"
    assert doc.quotes[0].speaker_text == "der Kremlsprecher"


def test_unresolved_definite_role_noun_takes_the_previous_person() -> None:
    text = ("Wadephul reiste nach Kiew. Dort sagte der Minister, Deutschland stehe zu seinen "
            "Zusagen.")
    doc = run(text, [person(text, "JW", "Johann Wadephul", ["Wadephul"], "m")])
    assert [q.speaker for q in doc.quotes] == ["JW"]


def test_institution_becomes_an_org_entity() -> None:
    text = "Das Außenministerium erklärte, die Botschaft bleibe geöffnet."
    doc = run(text)
    q = doc.quotes[0]
    ent = doc.entity(q.speaker or "")
    assert ent is not None and ent.type == "ORG"
    assert ent.name == "Außenministerium"
    assert any(m.text == "Das Außenministerium" for m in ent.mentions)
    _ids_are_entities(doc)


def test_unnamed_group_speaker_becomes_a_misc_entity() -> None:
    # a plural group names nobody in particular: an entity, but not a named one
    text = "Die Regionalbehörden teilten mit, der Strom sei wieder da."
    doc = run(text)
    ent = doc.entity(doc.quotes[0].speaker or "")
    assert ent is not None and ent.type == "MISC"
    _ids_are_entities(doc)


def test_name_in_apposition_is_the_speaker() -> None:
    text = ("„Die Häfen bleiben offen“, sagte die Sprecherin der Marine, Natalija Humenjuk.")
    doc = run(text)
    ent = doc.entity(doc.quotes[0].speaker or "")
    assert ent is not None and ent.type == "PER"
    assert ent.name == "Natalija Humenjuk"
    _ids_are_entities(doc)


def test_speaker_ids_always_exist_and_stage_is_idempotent_on_entities() -> None:
    text = ("Ein Sprecher der Armee sagte, die Stellungen seien gehalten worden. Die Polizei "
            "teilte mit, es habe keine Verletzten gegeben.")
    doc = run(text)
    assert len(doc.quotes) == 2
    _ids_are_entities(doc)
    assert len({e.id for e in doc.entities}) == len(doc.entities)


def test_pronoun_prefers_the_subject_over_a_nearer_object() -> None:
    text = "Sánchez dankte Rutte für die Unterstützung. Er sagte, Spanien werde mehr investieren."
    sanchez = person(text, "PS", "Pedro Sánchez", ["Sánchez"], "m")
    rutte = person(text, "MR", "Mark Rutte", ["Rutte"], "m")
    doc = run(text, [sanchez, rutte])
    assert [q.speaker for q in doc.quotes] == ["PS"]


def test_unnamed_official_is_not_an_organisation() -> None:
    text = "Ein hochrangiger Beamter sagte, die Gespräche würden fortgesetzt."
    doc = run(text)
    ent = doc.entity(doc.quotes[0].speaker or "")
    assert ent is not None and ent.type == "MISC"


def test_speaker_phrase_ending_in_a_place_is_not_a_mention_of_the_speaker() -> None:
    # a person's mention never ends in a place: she would be found under the place's name
    text = ("„Die Lage ist ernst“, sagte Olga Stefanyschyna, Botschafterin in Washington.")
    olga = person(text, "OS", "Olga Stefanyschyna", ["Olga Stefanyschyna"], "f")
    place = person(text, "Q61", "Washington", ["Washington"], None, "GPE")
    doc = run(text, [olga, place])
    assert doc.quotes[0].speaker == "OS"
    speaker = doc.entity("OS")
    assert speaker is not None
    assert all("Washington" not in m.text for m in speaker.mentions)


def test_name_with_apposition_ending_in_an_organisation_is_a_mention_of_the_speaker() -> None:
    # the whole noun phrase, headed by her name, refers to her; the union keeps its mention
    text = ("„Die Lage ist ernst“, sagte Olga Stefanyschyna, Sprecherin der Gewerkschaft Verdi.")
    olga = person(text, "OS", "Olga Stefanyschyna", ["Olga Stefanyschyna"], "f")
    union = person(text, "VD", "Verdi", ["Gewerkschaft Verdi"], None, "ORG")
    doc = run(text, [olga, union])
    assert doc.quotes[0].speaker == "OS"
    speaker = doc.entity("OS")
    assert speaker is not None
    assert "Olga Stefanyschyna, Sprecherin der Gewerkschaft Verdi" in [
        m.text for m in speaker.mentions]
    assert [m.text for m in union.mentions] == ["Gewerkschaft Verdi"]


def test_a_new_paragraph_about_another_person_ends_the_speakers_head_start() -> None:
    text = ("„Wir brauchen mehr Luftabwehr“, sagte Sikorski nach dem Treffen.\n\n"
            "Pistorius sicherte Polen weitere Hilfe zu. Deutschland werde zwei Systeme liefern, "
            "kündigte er an.")
    sikorski = person(text, "RS", "Radosław Sikorski", ["Sikorski"], "m")
    pistorius = person(text, "BP", "Boris Pistorius", ["Pistorius"], "m")
    doc = run(text, [sikorski, pistorius], segments=[(0, len(text), "body")])
    reported = [q for q in doc.quotes if q.kind == "indirect"]
    assert reported and reported[0].speaker == "BP"
