"""Trigger families of round 4 (custody, bans, deadlines, courts, petitions, shots, calling off
a protest, announced attacks as threats) and the lexicon constraints behind them, each with a
near miss, on sentences written for these tests."""

# ruff: noqa: E501  (test sentences read best on one line)
from __future__ import annotations

import pytest

from tests.events_helpers import events_of, of_type, parties, trigger_types

E = {
    "am": ("GPE", ["Armenien", "armenische", "armenischen"]),
    "az": ("GPE", ["Aserbaidschan", "aserbaidschanische", "aserbaidschanischen"]),
    "ge": ("GPE", ["Georgien", "georgische", "georgischen"]),
    "pash": ("PER", ["Nikol Paschinjan", "Paschinjan"]),
    "aliyev": ("PER", ["Ilham Alijew", "Alijew"]),
    "melik": ("PER", ["Ruben Melikjan", "Melikjan"]),
    "court": ("ORG", ["Internationalen Strafgerichtshof", "Strafgerichtshof"]),
    "azat": ("ORG", ["Azatutyun"]),
}


def hit_types(sentence: str) -> list[str]:
    """Trigger types found in the sentence's clauses (before any party is looked for)."""
    return trigger_types(sentence, E)


@pytest.mark.parametrize("sentence, typ", [
    ("Die Behörden untersagten der Opposition alle Kundgebungen.", "COERCE"),
    ("Aserbaidschan setzte Armenien eine Frist von drei Tagen.", "THREATEN"),
    ("Der frühere Milizenführer kommt in Arusha vor ein internationales Tribunal.", "ACCUSE"),
    ("Die Regierung will den Minister vor Gericht stellen.", "ACCUSE"),
    ("Der Vorschlag für eine Grenzkommission kam von Georgien.", "REQUEST"),
    ("Die Opposition überreichte dem Präsidenten eine Petition.", "REQUEST"),
    ("Die Menge skandierte Rücktrittsforderungen gegen den Premier.", "REQUEST"),
    ("Grenzsoldaten gaben Schüsse auf das Boot ab.", "ASSAULT"),
    ("Polizisten schossen am Abend vor dem Rathaus in die Luft.", "ASSAULT"),
    ("Ein Attentäter sprengte sich vor der Botschaft in die Luft.", "ASSAULT"),
    ("Die Opposition sagte die Kundgebung für Samstag ab.", "CONCEDE"),
    ("Das Parlament leitete ein Amtsenthebungsverfahren gegen die Präsidentin ein.", "ACCUSE"),
    ("Der Journalist befindet sich seit Montag in Gewahrsam der Behörden.", "COERCE"),
    ("Der Blogger sitzt seit Wochen in Untersuchungshaft.", "COERCE"),
    ("Die Behörden schlossen die Redaktion der Zeitung in Baku.", "COERCE"),
    ("Der Minister kündigte an, militärisch gegen die Rebellen vorzugehen.", "ASSAULT"),
    ("Die Rebellen bezeichneten den Überfall als Selbstverteidigung.", "SUPPORT"),
    ("Anhänger der Regierung griffen die Studenten mit Knüppeln und Eisenstangen an.", "ASSAULT"),
    ("Paschinjan tauschte sich am Telefon mit Alijew aus.", "CONSULT"),
    ("Georgien erklärte sich mit dem Vorschlag einverstanden.", "AGREE"),
    ("Armenien zeigte sich solidarisch mit Georgien.", "SUPPORT"),
    ("Eine Abtretung der Gebiete kommt für Armenien nicht infrage.", "REJECT"),
    ("Alijew erteilte dem Plan eine Abfuhr.", "REJECT"),
    ("Ein Gericht in Baku erließ Haftbefehl gegen den Oppositionsführer.", "THREATEN"),
    ("Georgien will den Streit vor den Sicherheitsrat bringen.", "REQUEST"),
    ("Der Sicherheitsrat verabschiedete eine Resolution zu Armenien.", "REQUEST"),
    ("Tausende bildeten eine Menschenkette von Jerewan bis zur Grenze.", "PROTEST"),
    ("Armenien rief seinen Botschafter aus Baku zurück.", "SANCTION"),
    ("Die Regierung strich die Hilfe für die Region.", "SANCTION"),
    ("An der Grenze marschierten Truppen auf.", "MOBILIZE"),
    ("Russland will seine Militärpräsenz in Armenien verstärken.", "MOBILIZE"),
    ("Der Aktivist wird seit Tagen in einem Gefängnis festgehalten.", "COERCE"),
    ("Der Reporter wurde des Landes verwiesen.", "COERCE"),
    ("Die Behörden verhängten ein Versammlungsverbot.", "COERCE"),
    ("Ein Mann erstach einen Polizisten.", "ASSAULT"),
    ("Demonstranten bewarfen die Polizei mit Steinen.", "ASSAULT"),
    ("Die Rebellen nahmen drei Helfer als Geiseln.", "ASSAULT"),
    ("Die Luftwaffe flog in der Nacht mehrere Luftschläge.", "ASSAULT"),
    ("Paschinjan erörterte mit Alijew die Lage an der Grenze.", "CONSULT"),
    ("Armenien und Aserbaidschan wollen den Dialog wieder aufnehmen.", "CONSULT"),
    ("Die Parteien erzielten nach langen Gesprächen einen Kompromiss.", "AGREE"),
    ("Beide Minister unterzeichneten eine Absichtserklärung.", "AGREE"),
    ("Georgien setzte sich für eine Waffenruhe ein.", "SUPPORT"),
    ("Die Regierung nahm das Verbot am Freitag zurück.", "CONCEDE"),
    ("Drei Journalisten kamen am Montag frei.", "RETREAT"),
    ("Aserbaidschan gewährte den Beobachtern Zugang zu dem Gebiet.", "RETREAT"),
    ("Die Rebellen legten ihre Waffen nieder.", "RETREAT"),
    ("Ein Gericht verurteilte den Aktivisten zu fünf Jahren Haft.", "SANCTION"),
    ("Die Partei schloss den Abgeordneten aus der Fraktion aus.", "SANCTION"),
    ("Armenien kündigte den Vertrag mit Aserbaidschan.", "SANCTION"),
    # a needed word also counts as the head of a compound ("Wirtschaftssanktionen")
    ("Die Union verlängerte die Wirtschaftssanktionen um ein halbes Jahr.", "SANCTION"),
])
def test_trigger_family(sentence, typ):
    assert typ in hit_types(sentence)


@pytest.mark.parametrize("sentence, typ", [
    # a deadline for applications threatens no one
    ("Das Amt setzte eine Antragsfrist bis Ende Mai.", "THREATEN"),
    # a court appointment is no trial of the subject
    ("Der Minister kam vor der Sitzung zum Gericht, um eine Rede zu halten.", "ACCUSE"),
    # shots at a goal
    ("Der Stürmer gab zwei Schüsse aufs Tor ab.", "ASSAULT"),
    # a rocket launched into the air is no warning shot
    ("Das Militär schoss eine Rakete in die Luft.", "ASSAULT"),
    # calling off a meeting with someone is a refusal, not calling off one's own protest
    ("Alijew sagte das Treffen mit Paschinjan ab.", "CONCEDE"),
    # "schloss nicht aus" rules nothing out
    ("Paschinjan schloss nicht aus, dass die Gespräche weitergehen.", "REJECT"),
    # government circles are no journey ("-kreise" ends in "reise")
    ("Aus Regierungskreisen nach der Sitzung verlautete wenig.", "CONSULT"),
    # a company, an embassy: "-schaft" ends in "haft" but is no detention
    ("Der Botschafter sitzt in der Botschaft in Baku.", "COERCE"),
    # ending cooperation is no cooperation
    ("Armenien drohte, die Zusammenarbeit mit Aserbaidschan aufzukündigen.", "COOPERATE"),
    # a discussion about a possible boycott is no boycott
    ("Es gab eine Diskussion über einen möglichen Boykott der Spiele.", "PROTEST"),
    # the danger of an attack is no attack
    ("Die Regierung warnte vor der Gefahr eines Angriffs auf die Hauptstadt.", "ASSAULT"),
    # exchanging prisoners is no consultation
    ("Armenien und Aserbaidschan tauschten Gefangene aus.", "CONSULT"),
    # "kommt infrage" without negation refuses nothing
    ("Ein Treffen in Tiflis kommt durchaus infrage.", "REJECT"),
    # holding on to a position is no detention
    ("Paschinjan hält an seinem Kurs fest.", "COERCE"),
    # a referral to a court is an accusation, not a demand to the Security Council
    ("Georgien will den Streit vor den Gerichtshof bringen.", "REQUEST"),
    # a chain of shops
    ("Die Ladenkette schloss zwei Filialen.", "PROTEST"),
    # a suggestion ("Vorschlag" ends in "schlag") is no strike
    ("Armenien legte einen Vorschlag vor.", "ASSAULT"),
    # receiving hostages is no hostage-taking
    ("Das Rote Kreuz nahm die Geiseln an der Grenze in Empfang.", "ASSAULT"),
    # stating something at the airport is no detention
    ("Am Flughafen hielt der Minister fest, dass die Lage ruhig sei.", "COERCE"),
    # protesters marching up are no troop build-up
    ("Vor dem Parlament marschierten Demonstranten auf.", "MOBILIZE"),
    # pointing to the state of the country expels no one
    ("Paschinjan verwies auf die Lage des Landes.", "COERCE"),
    # condemning in words is no court sentence
    ("Paschinjan verurteilte den Angriff auf das Dorf.", "SANCTION"),
    # announcing is no terminating
    ("Armenien kündigte neue Gespräche an.", "SANCTION"),
    # a free day is no release
    ("Die Schüler haben am Montag frei.", "RETREAT"),
    # taking back goods is no concession
    ("Der Händler nahm die Ware zurück.", "CONCEDE"),
    # access granted without "Zugang" is aid (a loan)
    ("Die Bank gewährte Armenien einen Kredit.", "RETREAT"),
    # a petition lying in an archive was not handed to anyone
    ("Die alte Petition liegt seit Jahren im Archiv der Stadt.", "REQUEST"),
    # a reporter's office closing hours
    ("Die Bäckerei schloss um sechs Uhr.", "COERCE"),
])
def test_near_miss(sentence, typ):
    assert typ not in hit_types(sentence)


def test_attack_with_weapons_is_physical_even_between_persons_side():
    # without weapons, politicians attacking each other do so with words (ACCUSE)
    words = events_of("Paschinjan griff Alijew in einer Rede scharf an.", E)
    assert of_type(words, "ACCUSE") and not of_type(words, "ASSAULT")
    blows = events_of("Anhänger von Paschinjan griffen Anhänger von Alijew mit Knüppeln an.", E)
    assert of_type(blows, "ASSAULT") and not of_type(blows, "ACCUSE")
    assert of_type(blows, "ASSAULT")[0].mode == "beat"


def test_refusal_with_inherent_negation_is_not_negated():
    events = of_type(events_of("Ein Abzug der Truppen kommt für Aserbaidschan nicht infrage, sagte Alijew zu Paschinjan.", E), "REJECT")
    assert all(e.status == "occurred" for e in events)


def test_refusal_still_found_without_negation():
    assert "REJECT" in hit_types("Paschinjan schloss Gespräche mit Alijew aus.")
    assert "REJECT" in hit_types("Alijew sagte das Treffen mit Paschinjan ab.")


def test_custody_subject_is_the_held_party():
    text = ("Armenien und Aserbaidschan streiten seit Jahren. Aserbaidschan hält die Grenze geschlossen. "
            "Der Journalist Ruben Melikjan befindet sich noch immer in Gewahrsam Aserbaidschans.")
    events = of_type(events_of(text, {**E, "az": ("GPE", ["Aserbaidschan", "Aserbaidschans"])}), "COERCE")
    assert events, "no custody event"
    assert events[0].recipients == ["melik"]
    assert events[0].actors == ["az"]


def test_announced_attack_is_a_threat_by_the_announcer():
    events = events_of("Alijew kündigte am Montag an, Armenien anzugreifen.", E)
    threats = of_type(events, "THREATEN")
    assert threats and threats[0].actors == ["aliyev"] and "am" in threats[0].recipients
    assert threats[0].status == "occurred" and threats[0].mode == "violence"
    assert not of_type(events, "ASSAULT")


def test_reported_attack_stays_an_attack():
    # a report of an attack that happened is no announcement
    events = events_of("Paschinjan erklärte, Aserbaidschan habe Armenien angegriffen.", E)
    assert not of_type(events, "THREATEN")
    assert any(parties(e) == {"az", "am"} for e in of_type(events, "ASSAULT"))


def test_proposal_made_is_an_occurred_request():
    # the proposal is the act itself ("proposed" is for the event a proposal asks for)
    events = of_type(events_of("Georgien machte Armenien am Montag einen neuen Vorschlag.", E), "REQUEST")
    assert events and events[0].status == "occurred"
    assert parties(events[0]) == {"ge", "am"}


def test_signalled_consent_in_dass_clause():
    events = events_of("Georgien signalisierte Armenien, dass es dem Plan zustimmen werde.", E)
    assert of_type(events, "AGREE")
    assert "AGREE" not in hit_types("Georgien signalisierte Armenien Ablehnung.")


def hit_types_en(sentence: str) -> list[str]:
    return trigger_types(sentence, E, "en")


@pytest.mark.parametrize("sentence, typ", [
    ("The authorities prohibited the rally on Sunday.", "COERCE"),
    ("The two sides reached an agreement on Monday.", "AGREE"),
    ("The former general will be brought before a special tribunal.", "ASSAULT_NOT"),
    ("The general will stand trial in The Hague.", "ACCUSE"),
    ("The opposition handed a petition to the president.", "REQUEST"),
    ("Police shot into the air to disperse the crowd.", "ASSAULT"),
    ("A bomber blew himself up outside the embassy.", "ASSAULT"),
    ("The union called off the strike.", "CONCEDE"),
    ("The journalist remains in custody.", "COERCE"),
    ("Parliament launched impeachment proceedings against the president.", "ACCUSE"),
    ("The two sides reached a compromise late on Friday.", "AGREE"),
    ("The government reversed the ban on Monday.", "CONCEDE"),
    ("The army granted the observers access to the region.", "RETREAT"),
    ("The rebels laid down their arms.", "RETREAT"),
    ("A court sentenced the activist to five years in prison.", "SANCTION"),
    ("The party expelled the deputy from the party.", "SANCTION"),
])
def test_english_trigger_family(sentence, typ):
    found = hit_types_en(sentence)
    if typ == "ASSAULT_NOT":  # the court reading, not an attack
        assert "ACCUSE" in found and "ASSAULT" not in found
    else:
        assert typ in found


@pytest.mark.parametrize("sentence, typ", [
    ("The striker fired two shots at goal.", "ASSAULT"),
    ("The minister brought flowers before the ceremony.", "ACCUSE"),
    ("The shop closed at six.", "COERCE"),
    ("The judge read the sentence aloud.", "SANCTION"),
    ("The committee discussed the budget.", "CONSULT"),
])
def test_english_near_miss(sentence, typ):
    assert typ not in hit_types_en(sentence)


def test_main_clause_verb_outranks_noun_in_relative_clause():
    # the relative clause describes Melikjan; the sentence reports the praise
    events = events_of("Paschinjan lobte Melikjan, der die Verhandlungen mit Aserbaidschan leitet.", E)
    assert of_type(events, "SUPPORT") and not of_type(events, "CONSULT")
    # the noun's parties are not the main verb's: both are news
    events = events_of("Paschinjan lobte Alijew dafür, dass Georgien und Armenien am Montag Gespräche führten.", E)
    assert of_type(events, "SUPPORT") and of_type(events, "CONSULT")
    # with no trigger verb in the main clause, the noun in the dass-clause is the news
    events = events_of("Paschinjan sagte, dass die Verhandlungen mit Aserbaidschan am Montag in Georgien stattfanden.", E)
    assert of_type(events, "CONSULT")


def test_threat_verb_and_announced_attack_merge_into_one_threat():
    events = events_of("Alijew drohte am Montag, Armenien anzugreifen.", E)
    threats = of_type(events, "THREATEN")
    assert len(threats) == 1 and not of_type(events, "ASSAULT")
    assert threats[0].actors == ["aliyev"] and threats[0].recipients == ["am"]


def test_conditional_announced_attack_is_an_occurred_threat():
    events = events_of("Alijew erklärte, Aserbaidschan werde Armenien angreifen, wenn Paschinjan die Truppen nicht abziehe.", E)
    threats = of_type(events, "THREATEN")
    assert threats and threats[0].status == "occurred" and "am" in threats[0].recipients
