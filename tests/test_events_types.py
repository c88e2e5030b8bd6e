"""Every PLOVER type: a German and an English sentence that yields it, and a near-miss that must
not. All sentences are written for these tests."""

# ruff: noqa: E501  (test sentences read best on one line)
from __future__ import annotations

import pytest

from tests.events_helpers import events_of, of_type, parties

E = {
    "macron": ("PER", ["Emmanuel Macron", "Macron"]),
    "scholz": ("PER", ["Olaf Scholz", "Scholz"]),
    "erdogan": ("PER", ["Recep Tayyip Erdoğan", "Erdoğan"]),
    "tusk": ("PER", ["Donald Tusk", "Tusk"]),
    "stubb": ("PER", ["Alexander Stubb", "Stubb"]),
    "lula": ("PER", ["Lula da Silva", "Lula"]),
    "fr": ("GPE", ["Frankreich", "France"]),
    "pl": ("GPE", ["Polen", "Poland"]),
    "ua": ("GPE", ["Ukraine"]),
    "ru": ("GPE", ["Russland", "Russia"]),
    "by": ("GPE", ["Belarus"]),
    "fi": ("GPE", ["Finnland", "Finland"]),
    "md": ("GPE", ["Moldau", "Moldova"]),
    "ge": ("GPE", ["Georgien", "Georgia"]),
    "eu": ("ORG", ["EU", "Europäische Union", "European Union"]),
    "fc": ("ORG", ["FC Augsburg", "Augsburg"]),
    "vfl": ("ORG", ["VfL Bochum", "Bochum"]),
    "charkiw": ("GPE", ["Charkiw", "Kharkiv"]),
    "tbilisi": ("GPE", ["Tiflis", "Tbilisi"]),
    "oppo": ("ORG", ["Bürgerplattform", "Civic Platform"]),
    "journalist": ("PER", ["Anna Lindqvist", "Lindqvist"]),
}

# (type, language, sentence, parties that must be among the event's participants)
POSITIVE = [
    ("AGREE", "de", "Macron und Tusk einigten sich am Dienstag auf einen gemeinsamen Fonds.", {"macron", "tusk"}),
    ("AGREE", "en", "Macron and Tusk agreed on a joint fund on Tuesday.", {"macron", "tusk"}),
    ("CONSULT", "de", "Stubb telefonierte am Montag mit Erdoğan.", {"stubb", "erdogan"}),
    ("CONSULT", "en", "Stubb met Erdoğan in Ankara on Monday.", {"stubb", "erdogan"}),
    ("SUPPORT", "de", "Lula lobte die Europäische Union für ihre Klimapolitik.", {"lula", "eu"}),
    ("SUPPORT", "en", "Lula praised the European Union for its climate policy.", {"lula", "eu"}),
    ("CONCEDE", "de", "Nach wochenlangem Streit lenkte Polen gegenüber der EU ein.", {"pl", "eu"}),
    ("CONCEDE", "en", "Poland conceded to the European Union after weeks of dispute.", {"pl", "eu"}),
    ("COOPERATE", "de", "Finnland und Polen arbeiten künftig bei der Grenzsicherung zusammen.", {"fi", "pl"}),
    ("COOPERATE", "en", "Finland and Poland will cooperate on border security.", {"fi", "pl"}),
    ("AID", "de", "Frankreich lieferte der Ukraine im Winter weitere Panzer und Munition.", {"fr", "ua"}),
    ("AID", "en", "France delivered more tanks and ammunition to Ukraine in winter.", {"fr", "ua"}),
    ("RETREAT", "de", "Russland zog am Freitag seine Truppen aus Moldau ab.", {"ru"}),
    ("RETREAT", "en", "Russia withdrew its troops from Moldova on Friday.", {"ru"}),
    ("REQUEST", "de", "Scholz forderte Erdoğan auf, die Blockade aufzugeben.", {"scholz", "erdogan"}),
    ("REQUEST", "en", "Scholz urged Erdoğan to give up the blockade.", {"scholz", "erdogan"}),
    ("ACCUSE", "de", "Tusk warf Russland vor, Wahlen in Georgien manipuliert zu haben.", {"tusk", "ru"}),
    ("ACCUSE", "en", "Tusk accused Russia of manipulating elections in Georgia.", {"tusk", "ru"}),
    ("REJECT", "de", "Belarus lehnte den Vorschlag der EU am Mittwoch ab.", {"by", "eu"}),
    ("REJECT", "en", "Belarus rejected the proposal of the European Union on Wednesday.", {"by", "eu"}),
    ("THREATEN", "de", "Russland drohte Finnland mit Gegenmaßnahmen.", {"ru", "fi"}),
    ("THREATEN", "en", "Russia threatened Finland with countermeasures.", {"ru", "fi"}),
    ("PROTEST", "de", "Anhänger der Bürgerplattform demonstrierten am Samstag in Tiflis.", {"oppo"}),
    ("PROTEST", "en", "Supporters of the Civic Platform demonstrated in Tbilisi on Saturday.", {"oppo"}),
    ("SANCTION", "de", "Die EU verhängte neue Sanktionen gegen Belarus.", {"eu", "by"}),
    ("SANCTION", "en", "The European Union imposed new sanctions on Belarus.", {"eu", "by"}),
    ("MOBILIZE", "de", "Russland verlegte zusätzliche Truppen an die Grenze zu Finnland.", {"ru"}),
    ("MOBILIZE", "en", "Russia deployed additional troops near the border with Finland.", {"ru"}),
    ("COERCE", "de", "Die Polizei in Belarus nahm die Journalistin Anna Lindqvist fest.", {"journalist"}),
    ("COERCE", "en", "Police in Belarus arrested the journalist Anna Lindqvist.", {"journalist"}),
    ("ASSAULT", "de", "Russland griff in der Nacht die Stadt Charkiw mit Drohnen an.", {"ru", "charkiw"}),
    ("ASSAULT", "en", "Russia attacked the city of Kharkiv with drones overnight.", {"ru", "charkiw"}),
]


@pytest.mark.parametrize(("etype", "lang", "sentence", "want"), POSITIVE,
                         ids=[f"{t}-{lang}" for t, lang, _, _ in POSITIVE])
def test_type_is_found(etype: str, lang: str, sentence: str, want: set[str]) -> None:
    found = of_type(events_of(sentence, E, language=lang), etype)
    assert found, f"no {etype} in: {sentence}"
    assert any(want <= parties(ev) for ev in found), [(e.actors, e.recipients) for e in found]


def test_all_sixteen_types_are_covered_in_both_languages() -> None:
    from lagebild.model import EVENT_TYPES
    for lang in ("de", "en"):
        assert {t for t, lg, _, _ in POSITIVE if lg == lang} == set(EVENT_TYPES)


NEAR_MISS = [
    ("CONSULT", "de", "Beim Treffen des FC Augsburg mit dem VfL Bochum fielen drei Tore in der Bundesliga."),
    ("CONSULT", "en", "The meeting of Augsburg and Bochum ended with three goals in the league match."),
    ("ASSAULT", "de", "Tusk griff Scholz in einer scharfen Rede an."),
    ("ASSAULT", "en", "Tusk attacked Scholz in a speech, full of criticism."),
    ("AGREE", "de", "Macron stimmte in Paris ein Lied an."),
    ("AGREE", "en", "Macron sang a song in Paris."),
    ("SUPPORT", "de", "Macron begrüßte die Gäste aus Polen im Élysée-Palast."),
    ("SUPPORT", "en", "Macron greeted the guests from Poland at the palace."),
    ("CONCEDE", "de", "Polen hob die Hand, als die EU abstimmte."),
    ("CONCEDE", "en", "Poland raised its hand when the European Union voted."),
    ("COOPERATE", "de", "Finnland arbeitet an einem neuen Gesetz."),
    ("COOPERATE", "en", "Finland works on a new law."),
    ("AID", "de", "Frankreich liefert sich mit Polen einen Wettstreit um Touristen."),
    ("AID", "en", "France delivered a speech about Poland."),
    ("RETREAT", "de", "Russland zog Bilanz über das Jahr."),
    ("RETREAT", "en", "Russia drew a balance of the year."),
    ("REQUEST", "de", "Scholz rief am Abend in Paris an, um Macron zu gratulieren."),
    ("REQUEST", "en", "Scholz called it a day in Paris."),
    ("ACCUSE", "de", "Tusk warf den Ball ins Publikum, als Polen spielte."),
    ("ACCUSE", "en", "Tusk threw the ball into the crowd when Poland played."),
    ("REJECT", "de", "Belarus lehnte sich an die alte Verfassung an."),
    ("REJECT", "en", "Belarus leaned on its old constitution."),
    ("THREATEN", "de", "Polen droht eine Hungersnot nach der Dürre."),
    ("THREATEN", "en", "Poland faces a famine after the drought."),
    ("PROTEST", "de", "Die Bürgerplattform demonstrierte ihre Stärke mit einem Wahlsieg in Polen."),
    ("PROTEST", "en", "Poland's Civic Platform showed its strength with an election win."),
    ("SANCTION", "de", "Die EU verhängte ein Bußgeld wegen Falschparkens gegen Frankreich."),
    ("SANCTION", "en", "The European Union imposed a parking fine on France."),
    ("MOBILIZE", "de", "Russland verlegte den Termin der Konferenz mit Finnland."),
    ("MOBILIZE", "en", "Russia moved the date of the conference with Finland."),
    ("COERCE", "de", "Die Regierung in Belarus nahm die Kritik der EU zur Kenntnis."),
    ("COERCE", "en", "The government of Belarus took note of the European Union's criticism."),
    ("ASSAULT", "de", "Die Rakete traf Charkiw nicht, sie fiel ins Meer."),
]


@pytest.mark.parametrize(("etype", "lang", "sentence"), NEAR_MISS,
                         ids=[f"{t}-{lang}-{n}" for n, (t, lang, _) in enumerate(NEAR_MISS)])
def test_near_miss_gives_no_event_of_that_type(etype: str, lang: str, sentence: str) -> None:
    found = of_type(events_of(sentence, E, language=lang), etype)
    assert not found, [(e.type, e.actors, e.recipients, e.evidence.text) for e in found]


def test_near_miss_treffen_yields_nothing_at_all() -> None:
    text = "Beim Treffen des FC Augsburg mit dem VfL Bochum fielen drei Tore in der Bundesliga."
    assert events_of(text, E) == []
