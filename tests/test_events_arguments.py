"""Arguments, places, status, dates, merging and news-only extraction, on sentences written for
these tests (varied actors, places and events)."""

# ruff: noqa: E501  (test sentences read best on one line)
from __future__ import annotations

from lagebild.model import Quote
from tests.events_helpers import events_of, make_doc, of_type, parties

E = {
    "meloni": ("PER", ["Giorgia Meloni", "Meloni"]),
    "sanchez": ("PER", ["Pedro Sánchez", "Sánchez"]),
    "orban": ("PER", ["Viktor Orbán", "Orbán"]),
    "fico": ("PER", ["Robert Fico", "Fico"]),
    "guterres": ("PER", ["António Guterres", "Guterres"]),
    "modi": ("PER", ["Narendra Modi", "Modi"]),
    "kallas": ("PER", ["Kaja Kallas", "Kallas"]),
    "lammy": ("PER", ["David Lammy", "Lammy"]),
    "starmer": ("PER", ["Keir Starmer", "Starmer"]),
    "it": ("GPE", ["Italien"]),
    "es": ("GPE", ["Spanien", "Spaniens"]),
    "in": ("GPE", ["Indien"]),
    "hu": ("GPE", ["Ungarn"]),
    "ua": ("GPE", ["Ukraine"]),
    "ru": ("GPE", ["Russland"]),
    "rom": ("GPE", ["Rom"]),
    "madrid": ("GPE", ["Madrid"]),
    "delhi": ("GPE", ["Neu-Delhi"]),
    "genf": ("GPE", ["Genf"]),
    "odesa": ("GPE", ["Odessa"]),
    "un": ("ORG", ["UN", "Vereinten Nationen"]),
    "nato": ("ORG", ["NATO"]),
}


def one(events, etype):
    found = of_type(events, etype)
    assert len(found) == 1, [(e.type, e.actors, e.recipients, e.evidence.text) for e in events]
    return found[0]


# --- arguments ---------------------------------------------------------------------------------

def test_coordinated_subjects_are_both_actors_of_a_symmetric_event() -> None:
    ev = one(events_of("Meloni und Sánchez telefonierten am Donnerstag.", E), "CONSULT")
    assert set(ev.actors) == {"meloni", "sanchez"} and ev.recipients == []
    assert ev.mode == "phone"


def test_mit_partner_joins_a_meeting() -> None:
    ev = one(events_of("Orbán traf sich am Montag in Rom mit Meloni.", E), "CONSULT")
    assert set(ev.actors) == {"orban", "meloni"}
    assert ev.location == "rom"


def test_zwischen_x_und_y_in_a_light_verb_construction() -> None:
    text = "In Genf kam es am Mittwoch zu einem Treffen zwischen Kallas und Lammy."
    ev = one(events_of(text, E), "CONSULT")
    assert set(ev.actors) == {"kallas", "lammy"}
    assert ev.location == "genf"


def test_passive_von_agent_is_the_actor() -> None:
    ev = one(events_of("Fico wurde am Freitag von Orbán scharf kritisiert.", E), "ACCUSE")
    assert ev.actors == ["orban"] and ev.recipients == ["fico"]


def test_possessive_and_title_keep_the_person_not_the_country() -> None:
    ev = one(events_of("Italiens Ministerpräsidentin Meloni empfing Modi in Rom.", E), "CONSULT")
    assert ev.recipients == ["meloni"] and ev.actors == ["modi"]  # host is recipient
    assert "it" not in parties(ev)


def test_visit_target_is_recipient_and_place() -> None:
    ev = one(events_of("Guterres besuchte am Sonntag die Ukraine.", E), "CONSULT")
    assert ev.mode == "visit"
    assert ev.actors == ["guterres"] and ev.recipients == ["ua"] and ev.location == "ua"


def test_separable_verb_and_object_recipient() -> None:
    ev = one(events_of("Ungarn lehnte den Beitrittsantrag der Ukraine am Dienstag ab.", E), "REJECT")
    assert ev.actors == ["hu"] and ev.recipients == ["ua"]


def test_pronoun_subject_takes_the_previous_subject() -> None:
    text = "Starmer landete am Morgen in Neu-Delhi. Er traf dort Modi zu einem Gespräch."
    ev = one(events_of(text, E), "CONSULT")
    assert set(ev.actors) == {"starmer", "modi"}


def test_first_person_in_a_quote_is_the_speaker() -> None:
    text = "„Wir haben mit Indien vereinbart, die Zusammenarbeit zu vertiefen“, sagte Sánchez."
    end = text.index("“") + 1
    quote = Quote(start=0, end=end, text=text[:end], kind="direct", speaker="sanchez")
    events = events_of(text, E, quotes=[quote])
    agree = of_type(events, "AGREE")
    assert agree and set(agree[0].actors) == {"sanchez", "in"}


def test_only_the_parties_are_participants() -> None:
    text = "Nach Angaben der UN griff Russland am Abend die Hafenstadt Odessa an."
    ev = one(events_of(text, E), "ASSAULT")
    assert parties(ev) == {"ru", "odesa"}


# --- status --------------------------------------------------------------------------------------

def status_of(text: str, etype: str) -> str:
    return one(events_of(text, E), etype).status


def test_status_occurred_for_a_reported_fact() -> None:
    assert status_of("Meloni traf am Montag Sánchez in Madrid.", "CONSULT") == "occurred"


def test_status_planned_future_tense() -> None:
    assert status_of("Meloni und Sánchez werden sich in Madrid treffen.", "CONSULT") == "planned"


def test_status_planned_modal_soll() -> None:
    assert status_of("Orbán soll am Freitag mit Fico in Genf verhandeln.", "CONSULT") == "planned"


def test_status_planned_next_week() -> None:
    text = "Kallas reist nächste Woche nach Neu-Delhi, um Modi zu besuchen."
    evs = of_type(events_of(text, E), "CONSULT")
    assert evs and all(e.status == "planned" for e in evs)


def test_status_planned_announced() -> None:
    text = "Spanien kündigte an, dass Sánchez Modi in Madrid empfangen werde."
    assert status_of(text, "CONSULT") == "planned"


def test_status_negated_nicht() -> None:
    assert status_of("Orbán traf Meloni am Montag nicht.", "CONSULT") == "negated"


def test_status_negated_refused_event() -> None:
    text = "Fico weigerte sich, Kallas in Genf zu treffen."
    events = events_of(text, E)
    assert one(events, "CONSULT").status == "negated"
    assert one(events, "REJECT").status == "occurred"


def test_status_hypothetical_conditional() -> None:
    text = "Falls Ungarn zustimmt, würde die EU Sanktionen gegen Russland verhängen."
    assert status_of(text, "SANCTION") == "hypothetical"


def test_threat_itself_occurred() -> None:
    text = "Russland drohte, es würde mit allen Mitteln gegen die NATO reagieren."
    assert status_of(text, "THREATEN") == "occurred"


# --- dates, evidence, topics, confidence ---------------------------------------------------------

def test_date_falls_back_to_publication_and_evidence_is_the_sentence() -> None:
    text = "Modi telefonierte mit Starmer über Handel. Danach reiste er ab."
    ev = one(events_of(text, E, published="2024-11-05"), "CONSULT")
    assert ev.date.value == "2024-11-05" and ev.date.origin == "publication"
    assert ev.evidence.text == "Modi telefonierte mit Starmer über Handel."
    assert "economy_trade" in ev.topics
    assert 0.0 <= ev.confidence <= 1.0


def test_confidence_ranks_complete_events_above_fragments() -> None:
    text = ("Meloni und Sánchez unterzeichneten am Montag in Rom ein Abkommen. "
            "Später gab es Kritik an dem Besuch.")
    events = events_of(text, E)
    assert events
    full = [e for e in events if len(parties(e)) >= 2]
    weak = [e for e in events if len(parties(e)) < 2]
    if full and weak:
        assert min(e.confidence for e in full) > max(e.confidence for e in weak)


# --- one event per happening; news only ----------------------------------------------------------

def test_headline_and_body_mention_merge_into_one_event() -> None:
    title = "Meloni trifft Sánchez in Madrid"
    body = ("Die italienische Ministerpräsidentin Meloni hat sich am Dienstag in Madrid mit "
            "Sánchez getroffen. Das Treffen zwischen Meloni und Sánchez dauerte zwei Stunden.")
    text = title + "\n" + body
    doc = make_doc(text, E, segments=[(title, "title"), (body, "body")])
    from lagebild.events import run
    events = of_type(run(doc).events, "CONSULT")
    assert len(events) == 1
    assert set(events[0].actors) == {"meloni", "sanchez"}


def test_two_meetings_on_different_dates_stay_apart() -> None:
    from lagebild.events.merge import merge_events
    from lagebild.model import Event, EventDate, Span

    def ev(day: str) -> Event:
        return Event(type="CONSULT", actors=["meloni", "sanchez"], evidence=Span(start=0, end=1, text="x"),
                     date=EventDate(value=day, precision="day", origin="text"))
    assert len(merge_events([ev("2025-01-02"), ev("2025-02-10")])) == 2
    assert len(merge_events([ev("2025-01-02"), ev("2025-01-02")])) == 1


def test_news_like_reader_comment_gives_no_event() -> None:
    body = "Die Außenminister berieten am Montag über die Lage."
    comment = "Kommentar von leser42: Meloni hat sich gestern mit Orbán in Rom getroffen, ganz sicher."
    text = body + "\n" + comment
    doc = make_doc(text, E, segments=[(body, "body"), (comment, "comment")])
    from lagebild.events import run
    assert run(doc).events == []


def test_document_without_segments_counts_as_body() -> None:
    assert of_type(events_of("Fico traf Orbán in Genf.", E), "CONSULT")


# --- further constructions -----------------------------------------------------------------------

E2 = {
    **E,
    "greenpeace": ("ORG", ["Greenpeace"]),
    "pl": ("GPE", ["Polen"]),
    "sk": ("GPE", ["Slowakei"]),
    "times": ("ORG", ["Financial Times"]),
    "by": ("GPE", ["Belarus"]),
}


def test_negated_intention_reaches_the_infinitive() -> None:
    text = "Spanien habe nicht die Absicht, seine Truppen aus Indien abzuziehen, sagte Sánchez."
    evs = of_type(events_of(text, E2), "RETREAT")
    assert evs and all(e.status == "negated" for e in evs)


def test_call_named_by_a_noun_includes_the_subject() -> None:
    text = "Meloni kritisierte in einem Telefonat mit Orbán die Haltung Ungarns."
    consult = of_type(events_of(text, E2), "CONSULT")
    assert consult and set(consult[0].actors) == {"meloni", "orban"}


def test_vertreter_von_org_is_the_subject() -> None:
    text = "Vertreter von Greenpeace kritisierten Polen wegen der Kohlepolitik."
    ev = one(events_of(text, E2), "ACCUSE")
    assert ev.actors == ["greenpeace"] and ev.recipients == ["pl"]


def test_nested_pp_on_a_noun_names_no_party() -> None:
    text = "Polen verlegte Soldaten an die Grenze zu Belarus."
    evs = of_type(events_of(text, E2), "MOBILIZE")
    assert evs and "by" not in parties(evs[0])


def test_demand_is_addressed_to_the_subject_of_its_dass_clause() -> None:
    text = "Ungarn verlangte, dass die Slowakei ihre Grenzkontrollen beendet."
    ev = one(events_of(text, E2), "REQUEST")
    assert ev.actors == ["hu"] and ev.recipients == ["sk"]


def test_ebenfalls_repeats_the_recipient_of_the_same_act() -> None:
    text = ("Polen wies den Bericht der Financial Times am Montag zurück. "
            "Ungarn hat den Bericht ebenfalls zurückgewiesen.")
    rejects = of_type(events_of(text, E2), "REJECT")
    assert {tuple(e.actors) for e in rejects} == {("pl",), ("hu",)}
    assert all(e.recipients == ["times"] for e in rejects)


def test_a_person_attacking_a_person_is_an_accusation() -> None:
    events = events_of("Orbán griff Kallas am Dienstag scharf an.", E2)
    assert not of_type(events, "ASSAULT")
    assert one(events, "ACCUSE").recipients == ["kallas"]


def test_a_state_attacking_a_city_is_an_assault() -> None:
    events = events_of("Russland griff am Dienstag Odessa mit Raketen an.", E2)
    ev = one(events, "ASSAULT")
    assert ev.actors == ["ru"] and ev.recipients == ["odesa"]


def test_headline_does_not_swallow_an_older_meeting() -> None:
    from lagebild.events.merge import merge_events
    from lagebild.model import Event, EventDate, Span

    def ev(value: str, origin: str) -> Event:
        return Event(type="CONSULT", actors=["meloni", "sanchez"],
                     evidence=Span(start=0, end=1, text="x"),
                     date=EventDate(value=value, precision="day" if len(value) == 10 else "month",
                                    origin=origin))  # type: ignore[arg-type]
    headline = ev("2025-03-14", "publication")
    assert len(merge_events([headline, ev("2025-03-13", "text")])) == 1
    assert len(merge_events([headline, ev("2025-03-01", "text")])) == 2
    assert len(merge_events([headline, ev("2025-02", "text")])) == 2


def test_reported_obligation_is_a_demand_by_the_source() -> None:
    text = "Die Slowakei müsse ihre Grenzkontrollen sofort beenden, so Orbán."
    ev = one(events_of(text, E2), "REQUEST")
    assert ev.actors == ["orban"] and ev.recipients == ["sk"]


def test_willingness_to_meet_is_an_agreement() -> None:
    text = "Fico erklärte sich bereit, mit Kallas über die Gaspreise zu sprechen."
    agree = of_type(events_of(text, E2), "AGREE")
    assert agree and agree[0].actors[0] == "fico"


def test_bereitstellen_is_no_agreement() -> None:
    text = "Spanien stellte der Ukraine weitere Millionen Euro bereit."
    events = events_of(text, E2)
    assert not of_type(events, "AGREE")
    assert of_type(events, "AID")


def test_places_belong_to_placed_acts_only() -> None:
    reject = one(events_of("Ungarn lehnt eine Stationierung von Soldaten in der Ukraine ab.", E2),
                 "REJECT")
    assert reject.location is None
    call = one(events_of("Meloni telefonierte am Montag von Rom aus mit Sánchez.", E2), "CONSULT")
    assert call.mode == "phone" and call.location is None


def test_dateline_of_a_headline_is_the_place() -> None:
    ev = one(events_of("Odessa (Ukraine): Russland greift Hafen mit Drohnen an", E2), "ASSAULT")
    assert ev.location == "odesa"


def test_travel_under_way_is_a_planned_visit_to_the_destination() -> None:
    text = "Unterhändler Spaniens sind für Gespräche über Zölle in Indien auf dem Weg nach Genf."
    ev = one(events_of(text, E2), "CONSULT")
    assert ev.mode == "visit" and ev.status == "planned"
    assert ev.actors == ["es"] and ev.recipients == ["genf"] and ev.location == "genf"


def test_object_in_first_position_keeps_the_named_subject() -> None:
    text = "Eine Entsendung ausländischer Soldaten nach Ungarn lehnt die Slowakei ab."
    ev = one(events_of(text, E2), "REJECT")
    assert ev.actors == ["sk"]


def test_definite_noun_refers_to_the_earlier_event() -> None:
    text = ("Meloni und Sánchez verhandelten am Montag in Rom über Zölle. "
            "Italien kündigte an, dass die Gespräche nächste Woche in Madrid fortgesetzt würden.")
    consult = of_type(events_of(text, E2), "CONSULT")
    planned = [e for e in consult if e.status == "planned"]
    assert planned and {"meloni", "sanchez"} <= parties(planned[0])
    assert planned[0].location == "madrid"


def test_call_reported_with_pronoun_subject_is_one_occurred_call() -> None:
    text = ("Sánchez hatte am Freitag erklärt, er habe in einem Telefonat mit Meloni vereinbart, "
            "dass beide Länder zusammenarbeiten.")
    calls = of_type(events_of(text, E2), "CONSULT")
    assert len(calls) == 1 and calls[0].mode == "phone"
    assert set(calls[0].actors) == {"sanchez", "meloni"} and calls[0].status == "occurred"


def test_agreed_meeting_is_planned() -> None:
    text = "Meloni und Sánchez vereinbarten ein Treffen in Madrid."
    consult = one(events_of(text, E2), "CONSULT")
    assert consult.status == "planned"
