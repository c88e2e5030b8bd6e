"""The press as a collective party, and groups after a state adjective that are not the state."""

from __future__ import annotations

from tests.events_helpers import events_of, of_type

E = {
    "Q79": ("GPE", ["Ägypten"]),
    "Q794": ("GPE", ["Iran"]),
    "mubarak": ("PER", ["Husni Mubarak", "Mubarak"]),
}


def test_media_accuse_the_man_named_before() -> None:
    text = "Husni Mubarak ließ den Grenzübergang schließen. Iranische Medien werfen ihm Verrat vor."
    acc = of_type(events_of(text, E), "ACCUSE")
    assert acc and acc[0].actors == ["lb:MISC:medien"] and acc[0].recipients == ["mubarak"]


def test_a_state_adjective_does_not_make_the_opposition_the_state() -> None:
    # Iran is named, yet "die iranische Opposition" is not the Iranian state
    text = "Iran hält an der Wahl fest. Die iranische Opposition wirft Iran Wahlbetrug vor."
    acc = of_type(events_of(text, E), "ACCUSE")
    assert acc and acc[0].actors == ["lb:MISC:opposition"] and acc[0].recipients == ["Q794"]


def test_state_forces_after_the_adjective_still_stand_for_the_state() -> None:
    text = "Iran verschärft den Kurs. Die iranischen Behörden nahmen Husni Mubarak fest."
    coerce = of_type(events_of(text, E), "COERCE")
    assert coerce and coerce[0].actors == ["Q794"]


def test_media_reporting_is_no_event_of_the_media() -> None:
    # near miss: reporting about a meeting does not make the press a party of it
    text = "Ägyptische Medien berichteten über das Wetter in Kairo."
    assert events_of(text, E) == []



def test_a_blocked_platform_is_the_recipient_of_censorship() -> None:
    # the whole pipeline: the platform is an organisation of the knowledge base
    from lagebild.ingest.base import document_from_text
    from lagebild.pipeline import process

    text = ("Zensur in Belarus\n\nBelarus verschärft die Kontrolle des Internets. Am Freitag "
            "sperrten die belarussischen Behörden den Zugang zu YouTube.\n")
    doc = process(document_from_text(text, published="2025-05-16"))
    coerce = [e for e in doc.events if e.type == "COERCE"]
    assert coerce and coerce[0].recipients == ["lb:ORG:youtube"]
