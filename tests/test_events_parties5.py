"""Event parties, round 5a, on sentences written for these tests: reported speech that goes on
in the next sentence, passive light-verb phrases, instruments with their own phrase."""

# ruff: noqa: E501  (test sentences read best on one line)
from __future__ import annotations

from lagebild.model import Quote
from tests.events_helpers import events_of, of_type, parties

E = {
    "Q114": ("GPE", ["Kenia", "Kenias"]),
    "Q1033": ("GPE", ["Nigeria", "Nigerias"]),
    "berg": ("PER", ["Anna Berg", "Berg"]),
    "okafor": ("PER", ["Emeka Okafor", "Okafor"]),
}


def _describe(events):
    return [(e.type, e.actors, e.recipients, e.status) for e in events]


def _indirect(text: str, part: str, speaker: str) -> Quote:
    start = text.index(part)
    return Quote(start=start, end=start + len(part), text=part, kind="indirect", speaker=speaker)


REPORT = "Außenministerin Anna Berg erklärte am Dienstag in Mombasa, die Regierung verfolge die Lage mit Sorge. "


def test_subjunctive_sentence_after_a_quote_goes_on_reporting_its_speaker():
    text = REPORT + "Man habe deshalb den Botschafter Nigerias einbestellt."
    quote = _indirect(text, "die Regierung verfolge die Lage mit Sorge", "berg")
    events = events_of(text, E, quotes=[quote])
    accuse = of_type(events, "ACCUSE")
    assert accuse and accuse[0].actors == ["berg"] and "Q1033" in accuse[0].recipients, _describe(events)


def test_indicative_sentence_after_a_quote_is_not_reported():
    # "hat" is indicative: the narrator speaks again, "man" stays unresolved
    text = REPORT + "Man hat deshalb den Botschafter Nigerias einbestellt."
    quote = _indirect(text, "die Regierung verfolge die Lage mit Sorge", "berg")
    events = events_of(text, E, quotes=[quote])
    assert not any("berg" in e.actors for e in events), _describe(events)


def test_subjunctive_sentence_without_a_quote_before_has_no_speaker():
    text = "Die Lage in Mombasa blieb am Dienstag angespannt. Man habe deshalb den Botschafter Nigerias einbestellt."
    events = events_of(text, E)
    assert not any("berg" in parties(e) for e in events), _describe(events)


def test_pronoun_subject_is_the_subject_of_the_following_infinitive():
    # "um ... zu protestieren": the speaker's side protests, not the summoned envoy's state
    text = REPORT + "Man habe den Botschafter Nigerias einbestellt, um gegen die Festnahme von Reportern zu protestieren."
    quote = _indirect(text, "die Regierung verfolge die Lage mit Sorge", "berg")
    events = events_of(text, E, quotes=[quote])
    assert events and all(e.actors == ["berg"] for e in of_type(events, "ACCUSE")), _describe(events)


def test_passive_fixed_phrase_has_its_subject_as_the_one_held():
    text = "Nigeria verschärfte am Montag die Lage. Der Reporter Emeka Okafor wurde in Nigeria in seiner Wohnung unter Hausarrest gestellt."
    events = events_of(text, E)
    coerce = of_type(events, "COERCE")
    assert coerce and coerce[0].recipients == ["okafor"] and coerce[0].actors == ["Q1033"], _describe(events)


def test_active_fixed_phrase_keeps_its_subject_as_actor():
    text = "Die Regierung Nigerias stellte Emeka Okafor unter Hausarrest."
    events = events_of(text, E)
    coerce = of_type(events, "COERCE")
    assert coerce and "okafor" not in coerce[0].actors, _describe(events)


def test_instrument_with_its_own_phrase_keeps_the_target():
    groups_text = "Die Polizei ging am Abend mit Knüppeln aus Eisen gegen die Demonstranten vor."
    events = events_of(groups_text, E)
    assault = of_type(events, "ASSAULT")
    assert assault and len(parties(assault[0])) == 2, _describe(events)


def test_phrase_chain_on_a_plain_noun_names_no_party():
    # "aus Nigeria" hangs on the refugees of the camp, not on an instrument of the act
    events = events_of("Die Polizei räumte am Abend das Lager von Flüchtlingen aus Nigeria.", E)
    assert not any("Q1033" in parties(e) for e in events), _describe(events)


CITY = dict(E, Q3870=("GPE", ["Nairobi"]))


def test_protest_target_from_the_topic_is_no_city():
    # Nairobi is named most often, but a city is where people protest, not whom against
    text = ("In Nairobi stiegen die Preise. In Nairobi fehlt Brot. Kenia erhöhte die Steuern, "
            "Nairobi leidet. Kenia schweigt. Kenia bleibt hart. Am Dienstag zogen Tausende Demonstranten durch die Hauptstadt.")
    protest = of_type(events_of(text, CITY), "PROTEST")
    assert protest and protest[0].recipients == ["Q114"], _describe(protest)


def test_protest_target_from_the_topic_needs_three_mentions():
    text = "In Nairobi stiegen die Preise. Kenia schweigt. Am Dienstag zogen Tausende Demonstranten durch die Hauptstadt."
    protest = of_type(events_of(text, CITY), "PROTEST")
    assert not protest or "Q114" not in protest[0].recipients, _describe(protest)


def test_route_through_a_described_place_is_no_party():
    ents = dict(E, Q3870=("GPE", ["Nairobi", "kenianische Hauptstadt"]))
    text = "Am Dienstag zogen Tausende Demonstranten gegen Okafor durch die kenianische Hauptstadt."
    protest = of_type(events_of(text, ents), "PROTEST")
    assert protest and "Q3870" not in parties(protest[0]) and "okafor" in protest[0].recipients, _describe(protest)
    assert protest[0].location == "Q3870"  # the march happens where it passes through



PARTY = dict(E, kanu=("ORG", ["KANU"]))


def test_passive_agent_named_after_a_title():
    text = "Der kenianische Vorstoß wurde am Montag vom wirtschaftspolitischen Sprecher der KANU Emeka Okafor ausdrücklich gelobt."
    events = events_of("Kenia legte einen Plan vor. " + text, PARTY)
    support = of_type(events, "SUPPORT")
    assert support and support[0].actors == ["okafor"] and support[0].recipients == ["Q114"], _describe(events)


def test_passive_subject_without_state_adjective_names_no_state():
    text = "Kenia legte einen Plan vor. Der neue Vorstoß wurde am Montag vom wirtschaftspolitischen Sprecher der KANU Emeka Okafor gelobt."
    events = events_of(text, PARTY)
    assert not any("Q114" in e.recipients for e in of_type(events, "SUPPORT")), _describe(events)


def test_active_clause_keeps_its_subject_and_object():
    # the state adjective on an active subject is no recipient
    text = "Kenia legte einen Plan vor. Der kenianische Sprecher Emeka Okafor lobte am Montag Nigeria."
    support = of_type(events_of(text, PARTY), "SUPPORT")
    assert support and support[0].actors == ["okafor"] and support[0].recipients == ["Q1033"], _describe(support)


GENDERED = dict(E, ruto=("PER", ["William Ruto", "Ruto"]))


def _gendered_events(text: str) -> list:
    from lagebild.events import run
    from tests.events_helpers import make_doc
    doc = make_doc(text, GENDERED)
    for ent in doc.entities:
        ent.gender = {"berg": "f", "ruto": "m"}.get(ent.id)
    return run(doc).events


def test_object_pronoun_is_the_man_named_before():
    events = _gendered_events("Präsident Ruto verlor am Montag die Wahl. Nigeria warf ihm Betrug vor.")
    accuse = of_type(events, "ACCUSE")
    assert accuse and accuse[0].actors == ["Q1033"] and accuse[0].recipients == ["ruto"], _describe(events)


def test_object_pronoun_skips_a_woman():
    events = _gendered_events("Anna Berg verlor am Montag die Wahl. Nigeria warf ihm Betrug vor.")
    assert not any("berg" in e.recipients for e in events), _describe(events)


def test_object_pronoun_too_far_back_finds_nothing():
    text = "Präsident Ruto verlor am Montag die Wahl. Die Preise stiegen. Der Regen blieb aus. Die Ernte war schlecht. Nigeria warf ihm Betrug vor."
    assert not any("ruto" in e.recipients for e in _gendered_events(text))


def test_das_land_is_the_state_named_before():
    events = events_of("Nigeria verhängte am Montag Zölle. Das Land kritisierte Kenia scharf.", E)
    accuse = of_type(events, "ACCUSE")
    assert accuse and accuse[0].actors == ["Q1033"] and accuse[0].recipients == ["Q114"], _describe(events)


def test_auf_dem_land_is_the_countryside():
    events = events_of("Nigeria verhängte am Montag Zölle. Auf dem Land kritisierte Okafor Kenia scharf.", E)
    assert not any("Q1033" in e.actors for e in events), _describe(events)


def test_das_land_with_no_state_before_is_no_party():
    events = events_of("Die Ernte fiel schlecht aus. Der Regen blieb aus. Das Land kritisierte Kenia scharf.", E)
    assert not any("Q1033" in e.actors for e in events), _describe(events)


def test_state_force_with_a_genitive_state_is_that_state():
    events = events_of("Die Regierung Nigerias kritisierte am Montag Kenia scharf.", E)
    accuse = of_type(events, "ACCUSE")
    assert accuse and accuse[0].actors == ["Q1033"] and accuse[0].recipients == ["Q114"], _describe(events)


def test_state_force_before_a_genitive_person_stays_a_group():
    # "Kenias Präsidenten": the genitive belongs to the next noun, not to "die Regierung"
    events = events_of("Die Regierung kritisierte am Montag Kenias Präsidenten Okafor scharf.", E)
    accuse = of_type(events, "ACCUSE")
    assert accuse and "Q114" not in accuse[0].actors, _describe(events)


BODIES = dict(E, au=("ORG", ["Afrikanischen Union", "AU"]), wahlbuero=("ORG", ["Büro für Wahlbeobachtung"]),
              Q3870=("GPE", ["Nairobi"]))


def test_parent_body_in_the_genitive_is_no_party():
    text = "Der neue Bericht des Büro für Wahlbeobachtung der Afrikanischen Union (AU) kritisiert den Ablauf der Abstimmung in Kenia."
    accuse = of_type(events_of(text, BODIES), "ACCUSE")
    assert accuse and accuse[0].actors == ["wahlbuero"] and accuse[0].recipients == ["Q114"], _describe(accuse)


def test_dative_object_after_a_named_subject_stays_a_party():
    # "Kenia der Afrikanischen Union": a verb-final clause, the dative is the addressee
    text = "Okafor sagte, dass Kenia der Afrikanischen Union Betrug vorwerfe."
    accuse = of_type(events_of(text, BODIES), "ACCUSE")
    assert accuse and accuse[0].actors == ["Q114"] and accuse[0].recipients == ["au"], _describe(accuse)


def test_criticism_of_something_in_a_state_is_addressed_to_the_state():
    accuse = of_type(events_of("Okafor kritisierte am Montag die Haftbedingungen in Nigeria.", E), "ACCUSE")
    assert accuse and accuse[0].recipients == ["Q1033"], _describe(accuse)


def test_demand_made_in_a_city_is_not_addressed_to_it():
    events = events_of("Okafor forderte am Montag in Nairobi ein Ende der Gewalt.", BODIES)
    assert not any("Q3870" in e.recipients for e in events), _describe(events)


OUTLET = dict(E, zeitung=("ORG", ["Daily Courier"]))


def test_outlet_is_not_the_actor_of_an_impersonal_report():
    events = events_of("Der Daily Courier berichtet, es habe am Montag Gespräche mit Nigeria gegeben.", OUTLET)
    assert not any("zeitung" in parties(e) for e in events), _describe(events)


def test_neuter_state_as_es_keeps_its_subject():
    # "es" is Kenya here: not the impersonal "es gibt"
    consult = of_type(events_of("Kenia erklärte, es habe am Montag Gespräche mit Nigeria geführt.", OUTLET), "CONSULT")
    assert consult and {"Q114", "Q1033"} <= parties(consult[0]), _describe(consult)


def test_outlet_report_takes_the_actor_of_the_reported_clause():
    accuse = of_type(events_of("Der Daily Courier berichtet, Kenia habe Nigeria am Montag scharf kritisiert.", OUTLET), "ACCUSE")
    assert accuse and accuse[0].actors == ["Q114"] and accuse[0].recipients == ["Q1033"], _describe(accuse)


def test_demand_right_after_an_accusation_goes_to_the_same_addressee():
    text = "Okafor verurteilte am Montag das Vorgehen Nigerias. Er verlangte eine unabhängige Untersuchung."
    request = of_type(events_of(text, E), "REQUEST")
    assert request and request[0].actors == ["okafor"] and request[0].recipients == ["Q1033"], _describe(request)


def test_demand_of_another_actor_does_not_take_the_addressee():
    text = "Okafor verurteilte am Montag das Vorgehen Nigerias. Kenia verlangte eine unabhängige Untersuchung."
    assert not any("Q1033" in e.recipients for e in of_type(events_of(text, E), "REQUEST"))


def test_demand_two_sentences_later_does_not_take_the_addressee():
    text = "Okafor verurteilte am Montag das Vorgehen Nigerias. Die Lage blieb ruhig. Er verlangte eine unabhängige Untersuchung."
    assert not any("Q1033" in e.recipients for e in of_type(events_of(text, E), "REQUEST"))


def test_coordinated_verb_keeps_the_subject_of_the_first_clause():
    accuse = of_type(events_of("Kenia lobte am Montag Nigeria und kritisierte Okafor scharf.", E), "ACCUSE")
    assert accuse and accuse[0].actors == ["Q114"] and accuse[0].recipients == ["okafor"], _describe(accuse)


def test_coordinated_clause_with_its_own_subject_keeps_it():
    accuse = of_type(events_of("Kenia lobte am Montag Nigeria, und Okafor kritisierte Anna Berg scharf.", E), "ACCUSE")
    assert accuse and accuse[0].actors == ["okafor"] and accuse[0].recipients == ["berg"], _describe(accuse)


def test_quoted_name_after_party_is_an_organisation():
    from lagebild.kb.api import local_id
    text = "In Kenia hat sich die Partei „Freie Mitte“ gegründet. Am Montag forderte die „Freie Mitte“ den Rücktritt von Okafor."
    request = of_type(events_of(text, E), "REQUEST")
    org = local_id("Freie Mitte", "ORG")
    assert request and request[0].actors == [org] and request[0].recipients == ["okafor"], _describe(request)


def test_quoted_phrase_without_a_body_noun_is_no_organisation():
    from lagebild.events import run
    from lagebild.kb.api import local_id
    from tests.events_helpers import make_doc
    doc = run(make_doc("Okafor nannte den Plan „Neue Wege“ am Montag gescheitert.", E))
    assert doc.entity(local_id("Neue Wege", "ORG")) is None
