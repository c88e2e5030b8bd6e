"""Event parties from harder constructions (round 4a), on sentences written for these tests:
state organs after a state adjective, attacked places, dates trailing a name."""

# ruff: noqa: E501  (test sentences read best on one line)
from __future__ import annotations

from lagebild import nlp
from lagebild.events import run
from lagebild.kb.api import local_id
from lagebild.kb.link import _without_date_head, _without_date_tail
from lagebild.model import Document, Quote
from tests.events_helpers import events_of, make_doc, of_type, parties

E = {
    "Q114": ("GPE", ["Kenia", "Kenias"]),  # the knowledge base's id: state adjectives are looked up to it
    "Q1033": ("GPE", ["Nigeria"]),
    "mombasa": ("GPE", ["Mombasa"]),
    "musa": ("PER", ["Ali Musa", "Musa"]),
    "fa": ("ORG", ["Frankfurter Allgemeine"]),
    "ruto": ("PER", ["William Ruto", "Rutos", "Ruto"]),
}


def _describe(events):
    return [(e.type, e.actors, e.recipients, e.evidence.text) for e in events]


def test_state_adjective_with_warplanes_is_the_state():
    text = "Kenia liegt in Ostafrika. Kenianische Kampfjets bombardierten am Morgen Stellungen in Nigeria."
    doc = run(make_doc(text, E))
    assault = of_type(doc.events, "ASSAULT")
    assert assault and assault[0].actors == ["Q114"], _describe(doc.events)
    assert "Kenianische Kampfjets" in [m.text for m in doc.entity("Q114").mentions]


def test_warplanes_without_a_state_adjective_are_no_party():
    text = "Kenia liegt in Ostafrika. Alte Kampfjets standen am Morgen auf dem Flugfeld von Mombasa."
    doc = run(make_doc(text, E))
    assert [m.text for m in doc.entity("Q114").mentions] == ["Kenia"]


def test_attack_without_target_hits_its_place():
    events = events_of("Nigeria bombardierte am Dienstag erneut Ziele in Mombasa.", E)
    assault = of_type(events, "ASSAULT")
    assert assault and assault[0].actors == ["Q1033"] and assault[0].recipients == ["mombasa"], _describe(events)


def test_attack_with_a_named_target_keeps_it():
    events = events_of("Nigeria griff am Dienstag in Mombasa den Rebellenführer Ali Musa an.", E)
    assault = of_type(events, "ASSAULT")
    assert assault and assault[0].recipients == ["musa"], _describe(events)


def test_a_meeting_place_is_no_party():
    events = events_of("Ali Musa traf am Dienstag in Mombasa Vertreter Nigerias.", E)
    assert all("mombasa" not in parties(e) for e in of_type(events, "CONSULT")), _describe(events)


def _sentence(text: str):
    doc = Document(text=text, language="de")
    nlp.run(doc)
    return doc.sentences[0]


def test_date_after_a_newspaper_name_is_cut():
    text = "Die Frankfurter Allgemeine von Donnerstag berichtete über den Besuch."
    sent = _sentence(text)
    start = text.index("Frankfurter")
    end = _without_date_tail(sent, start, text.index(" berichtete"))
    assert text[start:end] == "Frankfurter Allgemeine"


def test_von_with_a_name_is_kept():
    text = "Die Stiftung von Donnersmarck berichtete über den Besuch."
    sent = _sentence(text)
    start = text.index("Stiftung")
    end = text.index(" berichtete")
    assert _without_date_tail(sent, start, end) == end


def test_group_adjective_makes_a_party_of_persons():
    events = events_of("Der Bürgermeister Ali Musa wurde am Abend von Seiten militanter Siedler angegriffen.", E)
    assault = of_type(events, "ASSAULT")
    assert assault and assault[0].actors == [local_id("Kämpfer", "MISC")], _describe(events)


def test_group_adjective_before_a_thing_is_no_party():
    doc = run(make_doc("Bewaffnete Konflikte bedrohen Nigeria seit Jahren. Nigeria verurteilte Kenia.", E))
    assert doc.entity(local_id("Kämpfer", "MISC")) is None
    assert of_type(doc.events, "ACCUSE"), _describe(doc.events)


def test_opposition_parties_boycott():
    events = events_of("Zwei oppositionelle Parteien boykottierten im Mai die Parlamentswahl in Nigeria.", E)
    protest = of_type(events, "PROTEST")
    assert protest and protest[0].actors == [local_id("Opposition", "MISC")], _describe(events)


def test_nominalised_adjective_as_group():
    events = events_of("Ali Musa wurde am Montag in Mombasa von Bewaffneten entführt.", E)
    assault = of_type(events, "ASSAULT")
    assert assault and local_id("Kämpfer", "MISC") in assault[0].actors, _describe(events)


def test_state_ground_after_a_state_adjective():
    text = "Kenia liegt in Ostafrika. Nigeria beschoss am Sonntag kenianisches Territorium mit Raketen."
    events = run(make_doc(text, E)).events
    assault = of_type(events, "ASSAULT")
    assert assault and assault[0].actors == ["Q1033"] and assault[0].recipients == ["Q114"], _describe(events)


def test_main_clause_goes_on_after_a_relative_clause():
    events = events_of("Ali Musa, der seit Jahren in Mombasa lebt, kritisierte am Montag Nigeria scharf.", E)
    accuse = of_type(events, "ACCUSE")
    assert accuse and accuse[0].actors == ["musa"] and accuse[0].recipients == ["Q1033"], _describe(events)


def test_after_a_fronted_clause_the_subject_follows_the_verb():
    events = events_of("Wie die Frankfurter Allgemeine berichtet, kritisierte Nigeria am Montag Ali Musa scharf.", E)
    accuse = of_type(events, "ACCUSE")
    assert accuse and accuse[0].actors == ["Q1033"], _describe(events)


def test_source_before_zufolge_is_no_party():
    events = events_of("Der Frankfurter Allgemeine zufolge hat Nigeria am Montag Mombasa angegriffen.", E)
    assault = of_type(events, "ASSAULT")
    assert assault and assault[0].actors == ["Q1033"] and "fa" not in parties(assault[0]), _describe(events)


def test_addressee_before_gegenueber():
    events = events_of("Kenia gegenüber drohte Nigeria am Montag mit Vergeltung.", E)
    threat = of_type(events, "THREATEN")
    assert threat and threat[0].actors == ["Q1033"] and threat[0].recipients == ["Q114"], _describe(events)


def test_who_ordered_an_arrest_is_its_actor():
    events = events_of("Auf Anordnung Kenias wurde der Journalist Ali Musa am Montag in Mombasa festgenommen.", E)
    coerce = of_type(events, "COERCE")
    assert coerce and coerce[0].actors == ["Q114"] and coerce[0].recipients == ["musa"], _describe(events)


def test_a_genitive_on_a_plain_noun_stays_the_object():
    events = events_of("Am Montag wurde der Sprecher Kenias in Mombasa festgenommen.", E)
    for ev in of_type(events, "COERCE"):
        assert ev.actors != ["Q114"], _describe(events)


def test_org_noun_refers_back_to_the_named_organisation():
    ents = dict(E, hamas=("ORG", ["Händlerunion"]))
    text = "Die Händlerunion ist in Mombasa stark. Die Organisation kritisierte am Montag Nigeria."
    doc = run(make_doc(text, ents))
    assert "Organisation" in [m.text for m in doc.entity("hamas").mentions]
    accuse = of_type(doc.events, "ACCUSE")
    assert accuse and accuse[0].actors == ["hamas"], _describe(doc.events)


def test_org_noun_with_a_name_after_it_is_that_name():
    ents = dict(E, hamas=("ORG", ["Händlerunion"]))
    doc = run(make_doc("Die Händlerunion ist in Mombasa stark. Die Organisation Human Rights Watch kritisierte Nigeria.", ents))
    assert [m.text for m in doc.entity("hamas").mentions] == ["Händlerunion"]


def test_followers_name_their_leader_as_party():
    events = events_of("Tausende Anhänger Rutos demonstrierten am Montag in Mombasa gegen Nigeria.", E)
    protest = of_type(events, "PROTEST")
    assert protest and protest[0].actors == ["ruto"], _describe(events)


def test_said_the_same_repeats_the_demand():
    text = "Kenia forderte Nigeria am Montag auf, die Grenze zu öffnen. Ähnlich äußerte sich am Dienstag Ali Musa."
    events = events_of(text, E)
    req = [e for e in of_type(events, "REQUEST") if e.actors == ["musa"]]
    assert req and req[0].recipients == ["Q1033"] and req[0].evidence.text.startswith("Ähnlich"), _describe(events)


def test_said_the_same_needs_a_speech_act_just_before():
    text = "Kenia und Nigeria trafen sich am Montag in Mombasa. Ähnlich äußerte sich am Dienstag Ali Musa."
    events = events_of(text, E)
    assert not [e for e in events if "musa" in e.actors], _describe(events)


def test_place_inside_a_visit_compound():
    ents = {"ruto": ("PER", ["William Ruto", "Ruto"])}
    doc = run(make_doc("Ruto will im Mai bei seinem Nigeriabesuch über Handel reden.", ents))
    visit = of_type(doc.events, "CONSULT")
    assert visit and visit[0].actors == ["ruto"] and visit[0].recipients == ["Q1033"], _describe(doc.events)
    nigeria = doc.entity("Q1033")
    assert nigeria is not None and [m.text for m in nigeria.mentions] == ["Nigeria"]


def test_common_word_before_a_trigger_noun_is_no_place():
    ents = {"ruto": ("PER", ["William Ruto", "Ruto"])}
    doc = run(make_doc("Ruto will im Mai bei seinem Arbeitsbesuch über Handel reden.", ents))
    assert [e.id for e in doc.entities if e.type == "GPE"] == []


def test_possessive_pronoun_names_the_visitor():
    text = "Ruto reiste am Montag ab. Seine Reise nach Nigeria dauert drei Tage."
    events = events_of(text, E)
    visit = [e for e in of_type(events, "CONSULT") if "Q1033" in parties(e)]
    assert visit and visit[0].actors == ["ruto"], _describe(events)


def test_followers_compound_protest():
    events = events_of("Ruto-Anhänger demonstrierten am Montag in Mombasa gegen Nigeria.", E)
    protest = of_type(events, "PROTEST")
    assert protest and protest[0].actors == ["ruto"], _describe(events)


def test_a_person_who_protests_against_accuses():
    events = events_of("Ruto protestierte am Montag scharf gegen Nigeria.", E)
    assert of_type(events, "ACCUSE") and not of_type(events, "PROTEST"), _describe(events)


def test_apposition_names_the_party_not_the_genitive():
    ents = dict(E, odm=("ORG", ["ODM"]))
    events = events_of("Die größte Partei Kenias, die ODM, kritisierte am Montag Nigeria scharf.", ents)
    accuse = of_type(events, "ACCUSE")
    assert accuse and accuse[0].actors == ["odm"] and accuse[0].recipients == ["Q1033"], _describe(events)


def test_enumeration_of_genitives_is_no_apposition():
    ents = dict(E, Q1033=("GPE", ["Nigeria", "Nigerias"]), ug=("GPE", ["Ugandas"]))
    events = events_of("Die Minister Kenias, Nigerias und Ugandas kritisierten am Montag Ali Musa scharf.", ents)
    accuse = of_type(events, "ACCUSE")
    assert accuse and "Q114" in accuse[0].actors and accuse[0].recipients == ["musa"], _describe(events)


def test_expelled_from_a_state_by_that_state():
    events = events_of("Der Journalist Ali Musa wurde am Montag aus Nigeria ausgewiesen.", E)
    coerce = of_type(events, "COERCE")
    assert coerce and coerce[0].actors == ["Q1033"] and coerce[0].recipients == ["musa"], _describe(events)


def test_a_route_after_a_common_noun_is_no_actor():
    events = events_of("Aus Protest gegen Ruto zogen am Montag Tausende durch Mombasa.", E)
    assert all("mombasa" not in e.actors for e in events), _describe(events)


def test_von_after_a_common_noun_is_a_genitive():
    events = events_of("Vertreter von Kenia trafen am Montag in Mombasa Ali Musa.", E)
    consult = of_type(events, "CONSULT")
    assert consult and {"Q114", "musa"} <= parties(consult[0]), _describe(events)


def test_reply_to_a_proposal_goes_to_the_proposer():
    text = ("Der Vorstoß stammt von Kenia, das am Montag vorschlug, die Zölle zu senken. "
            "Nigeria wies eine solche Senkung am Dienstag zurück; Ali Musa dagegen begrüßte den Vorstoß.")
    events = events_of(text, E)
    reject = of_type(events, "REJECT")
    support = of_type(events, "SUPPORT")
    assert reject and reject[0].actors == ["Q1033"] and reject[0].recipients == ["Q114"], _describe(events)
    assert support and support[0].actors == ["musa"] and support[0].recipients == ["Q114"], _describe(events)


def test_reply_without_pointing_back_gets_no_proposer():
    text = ("Der Vorstoß stammt von Kenia, das am Montag vorschlug, die Zölle zu senken. "
            "Nigeria lehnte am Dienstag neue Gesetze ab.")
    events = events_of(text, E)
    assert all(not e.recipients for e in of_type(events, "REJECT")), _describe(events)


def test_visit_host_named_as_a_person():
    events = events_of("Rutos Staatsbesuch in Nigeria startete am Montag mit einem Abendessen bei Präsident Ali Musa.", E)
    visit = of_type(events, "CONSULT")
    assert visit and visit[0].actors == ["ruto"] and visit[0].recipients == ["musa"], _describe(events)
    assert visit[0].location == "Q1033"


def test_visit_to_a_place_without_a_host_keeps_the_place():
    events = events_of("Rutos Staatsbesuch in Nigeria startete am Montag.", E)
    visit = of_type(events, "CONSULT")
    assert visit and visit[0].recipients == ["Q1033"], _describe(events)


def test_agent_of_an_event_noun_in_a_fronted_phrase():
    events = events_of("Nach dem Angriff von Nigeria auf Mombasa kündigte Ruto am Montag Gegenmaßnahmen an.", E)
    assault = of_type(events, "ASSAULT")
    assert assault and assault[0].actors == ["Q1033"] and "ruto" not in parties(assault[0]), _describe(events)


def test_light_verb_subject_stays_the_actor():
    events = events_of("Ruto führte am Montag in Mombasa Gespräche mit Ali Musa.", E)
    consult = of_type(events, "CONSULT")
    assert consult and {"ruto", "musa"} <= parties(consult[0]), _describe(events)


def test_state_adjective_on_a_rejected_offer_is_the_addressee():
    text = "Kenia ist ein Nachbar. Den kenianischen Vorschlag für eine Waffenruhe wies Ali Musa am Montag zurück."
    events = events_of(text, E)
    reject = of_type(events, "REJECT")
    assert reject and reject[0].actors == ["musa"] and reject[0].recipients == ["Q114"], _describe(events)


def test_state_adjective_on_another_noun_is_no_addressee():
    text = "Kenia ist ein Nachbar. Die kenianische Küste liegt am Meer. Ali Musa lehnte am Montag neue Zölle ab."
    events = events_of(text, E)
    assert all(not e.recipients for e in of_type(events, "REJECT")), _describe(events)


def test_state_adjective_before_an_event_noun_is_its_actor():
    text = "Nigeria bestreitet alles. Der nigerianische Raketenangriff auf Mombasa dauerte am Montag die ganze Nacht."
    events = events_of(text, E)
    assault = [e for e in of_type(events, "ASSAULT") if "mombasa" in parties(e)]
    assert assault and assault[0].actors == ["Q1033"], _describe(events)


def test_state_adjective_of_a_state_not_named_otherwise_is_the_actor():
    # the state becomes an entity of its own, with the adjective as its mention
    text = "Der nigerianische Raketenangriff auf Mombasa dauerte am Montag die ganze Nacht."
    doc = run(make_doc(text, {"mombasa": ("GPE", ["Mombasa"])}))
    assault = of_type(doc.events, "ASSAULT")
    assert assault and assault[0].actors == ["Q1033"], _describe(doc.events)
    nigeria = doc.entity("Q1033")
    assert nigeria is not None and [m.text for m in nigeria.mentions] == ["nigerianische"]


def test_troops_of_a_state_not_named_otherwise_stand_for_it():
    events = events_of("Nigerianische Truppen beschossen am Montag die Stadt Mombasa.", {"mombasa": ("GPE", ["Mombasa"])})
    assault = of_type(events, "ASSAULT")
    assert assault and assault[0].actors == ["Q1033"], _describe(events)


def test_a_state_adjective_without_an_event_makes_no_entity():
    # near miss: no act of the troops, so no entity for the state
    doc = run(make_doc("Nigerianische Truppen gelten als gut ausgebildet.", {}))
    assert doc.entity("Q1033") is None


def test_addressee_of_a_stopped_delivery():
    events = events_of("Nigeria stoppte am Montag die Lieferung von Ersatzteilen an Kenia.", E)
    sanction = of_type(events, "SANCTION")
    assert sanction and sanction[0].actors == ["Q1033"] and sanction[0].recipients == ["Q114"], _describe(events)


def test_place_after_a_plain_noun_is_no_addressee():
    events = events_of("Nigeria stoppte am Montag den Bau von Straßen an der Grenze zu Kenia.", E)
    assert all("Q114" not in parties(e) for e in of_type(events, "SANCTION")), _describe(events)


def test_apposition_after_a_genitive_with_article():
    ents = dict(E, fm=("ORG", ["Außenministeriums"]))
    events = events_of("Der Sprecher des nigerianischen Außenministeriums, Ali Musa, wies die Vorwürfe Kenias zurück.", ents)
    reject = of_type(events, "REJECT")
    assert reject and reject[0].actors == ["musa"] and reject[0].recipients == ["Q114"], _describe(events)


def test_the_west_as_a_party():
    events = events_of("Ruto drohte am Montag dem Westen mit Konsequenzen.", E)
    threat = of_type(events, "THREATEN")
    assert threat and threat[0].actors == ["ruto"] and threat[0].recipients == [local_id("Westen", "MISC")], _describe(events)


def test_the_west_of_a_country_is_no_party():
    events = events_of("Im Westen Kenias griff Nigeria am Montag die Stadt Mombasa an.", E)
    assert all(local_id("Westen", "MISC") not in parties(e) for e in events), _describe(events)


def test_summoned_ambassador_stands_for_his_state():
    text = "Kenia bestreitet das. Nigeria hat am Montag den kenianischen Botschafter einbestellt."
    events = events_of(text, E)
    accuse = [e for e in of_type(events, "ACCUSE") if e.actors == ["Q1033"]]
    assert accuse and accuse[0].recipients == ["Q114"], _describe(events)


def test_no_event_without_any_actor():
    events = events_of("Dem Journalisten Ali Musa wurde am Montag die Einreise verweigert.", E)
    assert all(e.actors for e in events), _describe(events)


def test_target_of_a_dispersed_protest_is_not_the_one_dispersed():
    events = events_of("Die Demonstration gegen Präsident Ruto wurde am Montag von der Polizei aufgelöst.", E)
    assert all("ruto" not in e.recipients for e in of_type(events, "COERCE")), _describe(events)


def test_partner_of_an_agreed_meeting_stays_a_party():
    events = events_of("Ruto vereinbarte am Montag ein Treffen mit Ali Musa.", E)
    assert any({"ruto", "musa"} <= parties(e) for e in events), _describe(events)


def test_we_in_a_direct_quote_is_its_speaker():
    text = "„Wir werden Kenia weiter unterstützen“, sagte Ruto am Montag in Mombasa."
    quote_start = text.index("Wir")
    quote = Quote(start=quote_start, end=text.index("“"), text=text[quote_start:text.index("“")],
                  kind="direct", speaker="ruto")
    events = events_of(text, E, quotes=[quote])
    support = of_type(events, "SUPPORT")
    assert support and support[0].actors == ["ruto"] and support[0].recipients == ["Q114"], _describe(events)


def test_man_in_reported_speech_is_the_speaker():
    text = "Ruto sagte am Montag, man lehne den Plan Nigerias entschieden ab."
    quote_start = text.index("man")
    quote = Quote(start=quote_start, end=len(text) - 1, text=text[quote_start:-1], kind="indirect",
                  speaker="ruto")
    events = events_of(text, dict(E, Q1033=("GPE", ["Nigerias", "Nigeria"])), quotes=[quote])
    reject = of_type(events, "REJECT")
    assert reject and reject[0].actors == ["ruto"], _describe(events)


def test_crowd_before_a_protest_word_are_the_protesters():
    events = events_of("Tausende Menschen demonstrierten am Sonntag in Mombasa gegen Präsident Ruto.", E)
    protest = of_type(events, "PROTEST")
    assert protest and protest[0].actors == [local_id("Demonstranten", "MISC")], _describe(events)


def test_crowd_without_a_protest_word_is_no_party():
    doc = run(make_doc("Tausende Menschen begrüßten am Sonntag in Mombasa Präsident Ruto.", E))
    assert doc.entity(local_id("Demonstranten", "MISC")) is None


def test_weapons_after_durch_name_the_state():
    text = "Kenia bestreitet das. Nigeria verurteilte die Verletzung seines Luftraums durch kenianische Drohnen."
    events = events_of(text, E)
    accuse = of_type(events, "ACCUSE")
    assert accuse and accuse[0].actors == ["Q1033"] and accuse[0].recipients == ["Q114"], _describe(events)


def test_members_of_an_organisation_meet():
    ents = dict(E, au=("ORG", ["Afrikanischen Union"]))
    events = events_of("Die Außenminister der Afrikanischen Union trafen sich am Montag in Mombasa.", ents)
    consult = of_type(events, "CONSULT")
    assert consult and consult[0].actors == ["au"] and consult[0].mode == "multilateral", _describe(events)


def test_a_single_person_meeting_nobody_is_no_event():
    events = events_of("Ruto traf sich am Montag zu später Stunde.", E)
    assert not of_type(events, "CONSULT"), _describe(events)


def test_weekday_before_a_name_is_cut():
    text = "Ruto wird am Montag Musa empfangen."
    sent = _sentence(text)
    start = text.index("Montag")
    assert text[_without_date_head(sent, start, text.index(" empfangen")):].startswith("Musa")


def test_name_without_a_weekday_keeps_its_start():
    text = "Ruto wird am Montag Ali Musa empfangen."
    sent = _sentence(text)
    start = text.index("Ali")
    assert _without_date_head(sent, start, text.index(" empfangen")) == start


def test_von_seiten_names_the_agent():
    text = "Kenia ist ein Nachbar. Von Seiten der kenianischen Regierung wurde am Montag Ali Musa scharf kritisiert."
    events = events_of(text, E)
    accuse = of_type(events, "ACCUSE")
    assert accuse and accuse[0].actors == ["Q114"] and accuse[0].recipients == ["musa"], _describe(events)


def test_no_event_with_recipients_only():
    events = events_of("Am Montag wurden Ali Musa und Nigeria scharf kritisiert.", E)
    assert all(e.actors for e in events), _describe(events)


def test_gegenueber_before_a_phrase_is_a_preposition():
    events = events_of("Nach langem Streit drohte Nigeria gegenüber Kenia mit Vergeltung.", E)
    threat = of_type(events, "THREATEN")
    assert threat and threat[0].actors == ["Q1033"] and threat[0].recipients == ["Q114"], _describe(events)


def test_phrase_after_an_instrument_belongs_to_the_act():
    events = events_of("Sicherheitskräfte gingen in Mombasa mit Schlagstöcken gegen die Demonstranten vor.", E)
    assault = of_type(events, "ASSAULT")
    assert assault and assault[0].recipients == [local_id("Demonstranten", "MISC")], _describe(events)


def test_a_kidnapping_in_a_city_is_not_done_to_the_city():
    events = events_of("Die Entführer haben in Mombasa einen Entwicklungshelfer verschleppt.", E)
    assert all("mombasa" not in e.recipients for e in of_type(events, "ASSAULT")), _describe(events)


def test_arrested_journalists_are_a_victim_group():
    text = "Nigeria verschärft den Kurs. In Nigeria wurden am Montag zwei Journalisten festgenommen."
    events = events_of(text, E)
    coerce = of_type(events, "COERCE")
    assert coerce and coerce[0].actors == ["Q1033"], _describe(events)
    assert coerce[0].recipients == [local_id("Journalisten", "MISC")]


def test_journalists_are_no_actors():
    events = events_of("Journalisten kritisierten am Montag in Mombasa Präsident Ruto scharf.", E)
    assert all(local_id("Journalisten", "MISC") not in e.actors for e in events), _describe(events)


def test_group_noun_before_a_name_is_a_title():
    doc = run(make_doc("Nigeria verschärft den Kurs. In Nigeria wurde der Journalist Ali Musa festgenommen.", E))
    coerce = of_type(doc.events, "COERCE")
    assert coerce and coerce[0].recipients == ["musa"], _describe(doc.events)
    assert doc.entity(local_id("Journalisten", "MISC")) is None
