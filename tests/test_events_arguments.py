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
    "es": ("GPE", ["Spanien"]),
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
