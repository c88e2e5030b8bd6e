"""Entity hygiene of the quotes stage and the speaker rules added with it (own sentences)."""

from __future__ import annotations

from lagebild.model import Document
from tests.test_quotes_helpers import person, run


def _speaker(doc: Document, k: int = 0):  # type: ignore[no-untyped-def]
    return doc.entity(doc.quotes[k].speaker or "")


def test_phrase_ending_in_another_entity_is_not_added_as_a_mention() -> None:
    text = "Ein Sprecher der Atombehörde aus Brasilien sagte, die Proben seien unauffällig."
    agency = person(text, "A1", "Atombehörde", ["Atombehörde"], None, "ORG")
    brazil = person(text, "B1", "Brasilien", ["Brasilien"], None, "GPE")
    doc = run(text, [agency, brazil])
    assert doc.quotes[0].speaker == "A1"
    assert all("Brasilien" not in m.text for m in agency.mentions)


def test_spokesman_of_an_organisation_speaks_for_it_and_leaves_the_person_alone() -> None:
    # "Ein Sprecher der Nato-Mission Polens": the head names NATO's mission, not the person
    text = "Anna Nowak traf Diplomaten. Ein Sprecher der Nato-Mission sagte, man sei bereit."
    nowak = person(text, "AN", "Anna Nowak", ["Anna Nowak"], "f")
    nato = person(text, "N1", "Nato", ["Nato-Mission"], None, "ORG")
    doc = run(text, [nowak, nato])
    assert doc.quotes[0].speaker == "N1"
    assert [m.text for m in nowak.mentions] == ["Anna Nowak"]


def test_name_apposed_to_a_role_compound_naming_another_entity_is_a_mention() -> None:
    # the phrase is headed by her name in apposition: a mention of her, not of NATO
    text = "Die Nato-Botschafterin Polens, Anna Nowak, sagte, man sei vorbereitet."
    nowak = person(text, "AN", "Anna Nowak", ["Anna Nowak"], "f")
    nato = person(text, "N1", "Nato", ["Nato-Botschafterin"], None, "ORG")
    doc = run(text, [nowak, nato])
    assert doc.quotes[0].speaker == "AN"
    assert "Die Nato-Botschafterin Polens, Anna Nowak" in [m.text for m in nowak.mentions]
    assert [m.text for m in nato.mentions] == ["Nato-Botschafterin"]


def test_capitalised_preposition_never_becomes_an_entity() -> None:
    text = "Von den Grenzbehörden wird betont, dass der Übergang geöffnet bleibe."
    doc = run(text)
    assert doc.quotes, "the reported clause is found"
    assert all(e.name.lower() != "von" for e in doc.entities)
    ent = _speaker(doc)
    assert ent is not None and ent.type == "MISC"  # the authorities, unnamed


def test_plural_experts_are_misc_not_org() -> None:
    text = "Experten warnten, der Winter werde die Versorgung gefährden."
    ent = _speaker(run(text))
    assert ent is not None and ent.type == "MISC"


def test_definite_class_noun_refers_back_to_the_named_organisation() -> None:
    text = ("Die Agentur Interfax meldete einen Angriff auf Charkiw. Die Agentur berichtete, "
            "mehrere Gebäude seien beschädigt worden.")
    interfax = person(text, "IF", "Interfax", ["Interfax"], None, "ORG")
    doc = run(text, [interfax])
    assert doc.quotes[-1].speaker == "IF"
    assert all(e.type != "ORG" or e.id == "IF" for e in doc.entities)


def test_class_noun_without_antecedent_is_an_unnamed_speaker() -> None:
    text = "Eine Hilfsorganisation teilte mit, die Lager seien überfüllt."
    ent = _speaker(run(text))
    assert ent is not None and ent.type == "MISC"


def test_unique_institution_stays_an_organisation() -> None:
    text = "Das Verteidigungsministerium erklärte, die Übung sei beendet."
    ent = _speaker(run(text))
    assert ent is not None and ent.type == "ORG"


def test_possessive_subject_speaks_for_its_owner() -> None:
    text = ("Kallas sprach in Tallinn. Ihre Sorge gilt dem Baltikum: „Wir dürfen nicht "
            "nachlassen.“")
    kallas = person(text, "KK", "Kaja Kallas", ["Kallas"], "f")
    doc = run(text, [kallas])
    assert doc.quotes and doc.quotes[0].speaker == "KK"


def test_nach_eigenen_angaben_is_the_subject() -> None:
    text = ("Nach eigenen Angaben hat die Reederei Maersk zwei Schiffe umgeleitet, weil die "
            "Route zu gefährlich sei.")
    maersk = person(text, "MK", "Maersk", ["Reederei Maersk", "Maersk"], None, "ORG")
    doc = run(text, [maersk])
    assert doc.quotes and doc.quotes[0].speaker == "MK"


def test_subject_with_apposed_name_before_the_verb() -> None:
    text = ("Die Leiterin der Mission, Ilse Brandt, sieht die Verantwortung bei der Regierung: "
            "„Das Parlament muss handeln.“")
    doc = run(text)
    ent = _speaker(doc)
    assert ent is not None and ent.name == "Ilse Brandt"


def test_name_after_a_role_noun_in_a_compound_is_the_speaker() -> None:
    text = "„Wir stimmen zu“, sagte der FDP-Vorsitzende Karl Berger am Abend."
    fdp = person(text, "FD", "FDP", ["FDP"], None, "ORG")
    doc = run(text, [fdp])
    ent = _speaker(doc)
    assert ent is not None and ent.name == "Karl Berger" and ent.type == "PER"
    assert all("Berger" not in m.text for m in fdp.mentions)


def test_possessor_before_a_role_noun_is_not_the_speaker() -> None:
    text = "„Das Urteil ist falsch“, sagte Müllers Anwältin Petra Kowalski."
    mueller = person(text, "MU", "Hans Müller", ["Müllers"], "m")
    doc = run(text, [mueller])
    ent = _speaker(doc)
    assert ent is not None and ent.name == "Petra Kowalski"
    assert ent.mentions, "a created speaker always has a mention"


def test_party_in_parentheses_does_not_block_the_mention() -> None:
    text = "„Wir müssen sparen“, sagte Finanzministerin Anna Weber (SPD) in Berlin."
    weber = person(text, "AW", "Anna Weber", ["Anna Weber"], "f")
    spd = person(text, "SP", "SPD", ["SPD"], None, "ORG")
    doc = run(text, [weber, spd])
    assert doc.quotes[0].speaker == "AW"
    assert "Finanzministerin Anna Weber (SPD)" in [m.text for m in weber.mentions]
    assert [m.text for m in spd.mentions] == ["SPD"]


def test_name_apposed_after_a_prepositional_phrase_even_when_tagged_as_nouns() -> None:
    text = "„Die Zahlen sind gut“, sagte die Leiterin der Agentur für Statistik, Dagny Wolke."
    doc = run(text)
    ent = _speaker(doc)
    assert ent is not None and ent.type == "PER" and ent.name == "Dagny Wolke"


def test_apposition_with_an_article_is_no_name() -> None:
    text = "„Wir warten“, sagte der Sprecher des Hafens, der Kapitän, am Abend."
    doc = run(text)
    ent = _speaker(doc)
    assert ent is not None and ent.type != "PER"


def test_compound_role_noun_before_a_surname_names_the_person() -> None:
    text = "„Wir klagen“, sagte der CSU-Vorsitzende Huber am Dienstag."
    csu = person(text, "CS", "CSU", ["CSU"], None, "ORG")
    huber = person(text, "EH", "Erwin Huber", ["Huber"], "m")
    doc = run(text, [csu, huber])
    assert doc.quotes[0].speaker == "EH"
    assert [m.text for m in csu.mentions] == ["CSU"]


def test_attribution_in_the_next_sentence_with_a_modal() -> None:
    text = ("„Wir haben Fehler gemacht“. Das musste Bürgermeisterin Edda Kranich am Abend "
            "einräumen. Danach ging die Sitzung weiter.")
    doc = run(text)
    q = [q for q in doc.quotes if q.kind == "direct"][0]
    ent = doc.entity(q.speaker or "")
    assert ent is not None and ent.name == "Edda Kranich"


def test_attribution_in_the_next_sentence_with_a_perfect() -> None:
    text = "„Die Brücke bleibt gesperrt.“ Das hat der Landrat Otto Fenske gesagt."
    doc = run(text)
    q = [q for q in doc.quotes if q.kind == "direct"][0]
    ent = doc.entity(q.speaker or "")
    assert ent is not None and ent.name == "Otto Fenske"


def test_compound_ending_in_a_role_noun_does_not_block_the_mention() -> None:
    text = "„Wir prüfen das“, sagte Lena Ostrowski, EU-Handelskommissarin, in Brüssel."
    lena = person(text, "LO", "Lena Ostrowski", ["Lena Ostrowski"], "f")
    eu = person(text, "EU", "Europäische Union", ["EU"], None, "ORG")
    doc = run(text, [lena, eu])
    assert doc.quotes[0].speaker == "LO"
    assert "Lena Ostrowski, EU-Handelskommissarin" in [m.text for m in lena.mentions]


def test_origin_of_a_message_after_von_is_the_speaker() -> None:
    text = "Von der Hafenbehörde kam die Nachricht, dass zwei Frachter festgesetzt worden seien."
    doc = run(text)
    assert doc.quotes
    ent = _speaker(doc)
    assert ent is not None and ent.name == "Hafenbehörde"


def test_federal_office_is_an_institution() -> None:
    text = "Das Bundesamt für Katastrophenhilfe teilte mit, die Pegel seien gesunken."
    ent = _speaker(run(text))
    assert ent is not None and ent.type == "ORG"


def test_postposed_according_to_his_view_is_reported_speech_of_the_owner() -> None:
    text = ("Gestern sprach Jonas Lindqvist mit Journalisten. Seiner Ansicht nach sei die "
            "Lage an der Grenze ernst.")
    jonas = person(text, "JL", "Jonas Lindqvist", ["Jonas Lindqvist"], "m")
    doc = run(text, [jonas])
    q = [q for q in doc.quotes if q.kind == "indirect"]
    assert len(q) == 1 and q[0].speaker == "JL"
    assert q[0].text.startswith("sei die Lage")



def test_name_particle_at_the_sentence_start_still_opens_a_name() -> None:
    text = "Von der Heyden sagte, die Delegation reise morgen ab."
    doc = run(text)
    assert doc.quotes and doc.quotes[0].speaker_text == "Von der Heyden"


def test_english_name_with_of_keeps_its_words() -> None:
    text = "Die Bank of Canada teilte mit, die Zinsen seien unverändert."
    doc = run(text)
    assert doc.quotes and doc.quotes[0].speaker_text == "Die Bank of Canada"


def test_relative_pronoun_after_laut_stands_for_the_source() -> None:
    text = ("Die Ministerin verwies auf Umfragen des Instituts Allensbach, nach denen die "
            "Mehrheit die Reform unterstütze.")
    inst = person(text, "IA", "Institut Allensbach", ["Instituts Allensbach"], None, "ORG")
    doc = run(text, [inst])
    q = [q for q in doc.quotes if q.text.startswith("die Mehrheit")]
    assert len(q) == 1
    assert q[0].speaker == "IA"
    assert q[0].speaker_text is not None and q[0].speaker_text.startswith("Umfragen")


def test_office_named_with_its_city_keeps_the_whole_phrase() -> None:
    text = "Die Staatsanwaltschaft Kiel teilte mit, der Verdächtige sei geständig."
    office = person(text, "SA", "Staatsanwaltschaft", ["Staatsanwaltschaft"], None, "ORG")
    kiel = person(text, "KI", "Kiel", ["Kiel"], None, "GPE")
    doc = run(text, [office, kiel])
    assert doc.quotes[0].speaker == "SA"
    assert "Die Staatsanwaltschaft Kiel" in [m.text for m in office.mentions]


def test_role_noun_phrase_ending_in_another_entity_is_still_no_mention() -> None:
    # the speaker is the office, but "ein Sprecher …" is not a mention of it
    text = "Ein Sprecher des Bundesamts in Bonn sagte, die Zahlen seien gestiegen."
    office = person(text, "BA", "Bundesamt", ["Bundesamts"], None, "ORG")
    bonn = person(text, "BN", "Bonn", ["Bonn"], None, "GPE")
    doc = run(text, [office, bonn])
    assert doc.quotes[0].speaker == "BA"
    assert all("Bonn" not in m.text for m in office.mentions)


def test_relative_pronoun_subject_is_the_antecedent_and_its_mention() -> None:
    text = ("Die Delegation traf die Ministerin Karin Holm, die betonte, die Gespräche seien "
            "konstruktiv gewesen.")
    holm = person(text, "KH", "Karin Holm", ["Karin Holm"], "f")
    doc = run(text, [holm])
    assert doc.quotes and doc.quotes[0].speaker == "KH"
    assert any(m.text == "die" and text[m.start - 2:m.start] == ", " for m in holm.mentions)


def test_relative_pronoun_with_another_subject_is_not_the_speaker() -> None:
    text = ("Karin Holm las den Bericht, den er vorgelegt hatte. Der Bericht, den sie lobte, "
            "sagt, die Lage sei ruhig.")
    holm = person(text, "KH", "Karin Holm", ["Karin Holm"], "f")
    run(text, [holm])
    assert all(m.text in {"Karin Holm"} for m in holm.mentions)


def test_relative_source_pronoun_is_no_mention_of_the_owner() -> None:
    # "denen" stands for the studies, not for the institute that made them
    text = "Er verwies auf Studien des Instituts Nordlicht, nach denen die Preise fallen würden."
    inst = person(text, "IN", "Institut Nordlicht", ["Instituts Nordlicht"], None, "ORG")
    doc = run(text, [inst])
    assert doc.quotes and doc.quotes[0].speaker == "IN"
    assert all(m.text != "denen" for m in inst.mentions)


def test_web_address_is_a_speaking_organisation() -> None:
    text = "Laut wetterportal.de soll es am Wochenende schneien."
    doc = run(text)
    ent = _speaker(doc)
    assert ent is not None and ent.type == "ORG" and ent.name == "wetterportal.de"


def test_dotted_number_is_not_joined_into_a_name() -> None:
    text = "Laut Polizei kamen um 15.30 Uhr etwa 2.000 Menschen zusammen."
    doc = run(text)
    assert all("15.30" not in e.name and "2.000" not in e.name for e in doc.entities)


def test_quoted_newspaper_title_is_the_speaker() -> None:
    text = "Wie die „Nordpost“ berichtet, soll der Hafen erweitert werden."
    doc = run(text)
    ent = _speaker(doc)
    assert ent is not None and ent.type == "ORG" and ent.name == "Nordpost"
    assert any(m.text == "die „Nordpost“" for m in ent.mentions)  # the phrase as written


def test_quoted_title_after_laut_reuses_the_named_outlet() -> None:
    text = "Laut „Nordpost Online“ sei der Hafen gesperrt."
    outlet = person(text, "NO", "Nordpost Online", ["Nordpost Online"], None, "ORG")
    paper = person(text, "NP", "Nordpost", ["Nordpost"], None, "ORG")
    doc = run(text, [outlet, paper])
    assert doc.quotes and doc.quotes[0].speaker == "NO"


def test_quoted_phrase_with_a_verb_is_no_title() -> None:
    text = "Er sagte „Wir gehen“ und ging, hieß es später."
    doc = run(text)
    assert all(e.type != "ORG" for e in doc.entities)


def test_passive_agent_after_vom_is_the_speaker() -> None:
    text = "Zudem wurde die Stadtverwaltung vom Mieterbund aufgefordert, die Preise zu senken."
    town = person(text, "SV", "Stadtverwaltung", ["Stadtverwaltung"], None, "ORG")
    union = person(text, "MB", "Mieterbund", ["Mieterbund"], None, "ORG")
    doc = run(text, [town, union])
    assert doc.quotes and doc.quotes[0].speaker == "MB"
    assert all("Mieterbund" not in m.text for m in town.mentions)


def test_active_subject_with_von_phrase_is_not_a_passive_agent() -> None:
    text = "Kai Roth vom Institut Nordlicht sagte, die Preise würden fallen."
    roth = person(text, "KR", "Kai Roth", ["Kai Roth"], "m")
    inst = person(text, "IN", "Institut Nordlicht", ["Institut Nordlicht"], None, "ORG")
    doc = run(text, [roth, inst])
    assert doc.quotes[0].speaker == "KR"
    assert "Kai Roth vom Institut Nordlicht" in [m.text for m in roth.mentions]


def test_seat_of_an_unnamed_office_belongs_to_the_phrase() -> None:
    text = "Die Grenze bleibe geschlossen, teilte die Regierung in Tirana mit."
    tirana = person(text, "TI", "Tirana", ["Tirana"], None, "GPE")
    doc = run(text, [tirana])
    ent = _speaker(doc)
    assert ent is not None and ent.id != "TI"
    assert "die Regierung in Tirana" in [m.text for m in ent.mentions]
    assert [m.text for m in tirana.mentions] == ["Tirana"]


def test_place_after_a_person_name_is_where_she_spoke() -> None:
    text = "„Wir bleiben standhaft“, sagte Karin Holm in Tirana."
    holm = person(text, "KH", "Karin Holm", ["Karin Holm"], "f")
    tirana = person(text, "TI", "Tirana", ["Tirana"], None, "GPE")
    doc = run(text, [holm, tirana])
    assert doc.quotes[0].speaker == "KH"
    assert all("Tirana" not in m.text for m in holm.mentions)


def test_two_named_speakers_joined_by_und_speak_as_a_group() -> None:
    text = "Die Abgeordneten Karin Holm und Peter Lindqvist erklärten, das Gesetz sei verfehlt."
    holm = person(text, "KH", "Karin Holm", ["Karin Holm"], "f")
    lind = person(text, "PL", "Peter Lindqvist", ["Peter Lindqvist"], "m")
    doc = run(text, [holm, lind])
    ent = _speaker(doc)
    assert ent is not None and ent.type == "MISC"
    assert "Die Abgeordneten Karin Holm und Peter Lindqvist" in [m.text for m in ent.mentions]
    assert [m.text for m in lind.mentions] == ["Peter Lindqvist"]


def test_und_before_a_second_verb_is_no_coordination() -> None:
    text = "Karin Holm lobte den Plan und sagte, er sei gut."
    holm = person(text, "KH", "Karin Holm", ["Karin Holm"], "f")
    doc = run(text, [holm])
    assert doc.quotes and doc.quotes[0].speaker == "KH"


def test_plain_plural_nouns_joined_by_und_stay_as_they_were() -> None:
    text = "Ärzte und Pfleger warnten, die Kliniken seien überlastet."
    doc = run(text)
    ent = _speaker(doc)
    assert ent is not None and ent.type == "MISC"
    assert all(m.text != "Ärzte und Pfleger" for m in ent.mentions)


def test_titles_and_initials_with_full_stops_stay_inside_the_name() -> None:
    text = "Laut Chefarzt Prof. Dr. Anna K. Lindqvist sei der Eingriff gelungen."
    doc = run(text)
    ent = _speaker(doc)
    assert ent is not None and ent.type == "PER"
    assert ent.name == "Anna K. Lindqvist"
    assert any(m.text.endswith("Anna K. Lindqvist") for m in ent.mentions)


def test_sentence_final_abbreviation_like_word_is_not_joined_across_sentences() -> None:
    text = "Der Vertrag gilt ab Mai. Dr. Anna Lindqvist sagte, er sei fair."
    doc = run(text)
    assert all("Mai" not in e.name for e in doc.entities)


def test_closing_mark_of_a_quoted_name_stays_in_the_subject() -> None:
    text = "Die Initiative „Grüne Brücke“ weist darauf hin, dass die Mittel knapp seien."
    doc = run(text)
    assert doc.quotes and doc.quotes[0].speaker_text == "Die Initiative „Grüne Brücke“"


def test_second_verb_after_und_shares_the_subject() -> None:
    text = ("Der Stadtrat verurteilte den Anschlag und forderte, die Täter müssten schnell "
            "gefasst werden.")
    doc = run(text)
    assert doc.quotes and doc.quotes[0].speaker_text == "Der Stadtrat"


def test_shared_subject_is_looked_for_in_the_verbs_own_clause() -> None:
    text = ("Der Verband lehnt den Plan ab, während der Mieterbund ihn lobt und fordert, dass "
            "er rasch umgesetzt werde.")
    doc = run(text)
    assert doc.quotes and doc.quotes[-1].speaker_text == "der Mieterbund"


def test_plural_object_first_is_not_the_subject_of_a_singular_verb() -> None:
    text = ("Die Forderungen der Kommission nannte Karin Holm mutig und glaubt, dass sie "
            "angenommen würden.")
    holm = person(text, "KH", "Karin Holm", ["Karin Holm"], "f")
    doc = run(text, [holm])
    assert doc.quotes and doc.quotes[0].speaker == "KH"


def test_object_after_the_verb_is_no_subject_behind_an_apposition() -> None:
    text = ("Einer der Sprecher, Peter Lindqvist, dankte den Helfern und ergänzte, die Lage sei "
            "ruhig.")
    lind = person(text, "PL", "Peter Lindqvist", ["Peter Lindqvist"], "m")
    doc = run(text, [lind])
    assert doc.quotes and doc.quotes[0].speaker != "lb:MISC:helfern"
    assert all(e.name != "Helfern" for e in doc.entities)


def test_auxiliary_is_looked_for_in_the_verbs_own_clause() -> None:
    text = "„Der Fonds hilft Moldau weiter“, hat ein Sprecher des Fonds am Abend mitgeteilt."
    doc = run(text)
    assert doc.quotes and doc.quotes[0].speaker_text == "ein Sprecher des Fonds"


def test_clause_after_comma_und_has_its_own_subject() -> None:
    text = ("Der Rat lehnte den Antrag ab, und die Stiftung Nordlicht rief die Regierung auf, "
            "die Mittel freizugeben.")
    doc = run(text)
    assert doc.quotes and doc.quotes[-1].speaker_text == "die Stiftung Nordlicht"


def test_subject_before_its_relative_clause() -> None:
    text = ("Der Sender, der für die Übertragung verantwortlich ist, begründete die Pause damit, "
            "dass die Technik ausgefallen sei.")
    doc = run(text)
    assert doc.quotes and doc.quotes[0].speaker_text == "Der Sender"


def test_fronted_als_phrase_is_no_subject() -> None:
    text = "Als Grund nannte die Behörde, die Straße müsse saniert werden."
    doc = run(text)
    assert doc.quotes and doc.quotes[0].speaker_text == "die Behörde"


def test_subordinate_als_clause_still_names_its_subject() -> None:
    text = "Als der Minister sagte, die Lage sei ernst, wurde es still."
    doc = run(text)
    assert doc.quotes and doc.quotes[0].speaker_text == "der Minister"


def test_time_noun_after_the_verb_is_no_subject() -> None:
    text = ("Ein Sprecher der Feuerwehr, Jonas Kettler, sagte heute Abend, das Feuer sei "
            "gelöscht.")
    doc = run(text)
    assert doc.quotes and "Kettler" in (doc.quotes[0].speaker_text or "")


def test_focus_particle_before_the_subject_is_skipped() -> None:
    text = "Selbst die Wochenzeitung „Ostblick“ hatte letzten Herbst kritisiert, dass er schweige."
    doc = run(text)
    assert doc.quotes and "Ostblick" in (doc.quotes[0].speaker_text or "")


def test_trailing_weekday_is_not_part_of_the_apposition() -> None:
    text = "Die Lage sei stabil, sagte Jonas Kettler, Leiter des Einsatzes am Montag."
    kettler = person(text, "JK", "Jonas Kettler", ["Jonas Kettler"], "m")
    doc = run(text, [kettler])
    assert doc.quotes and doc.quotes[0].speaker == "JK"
    assert doc.quotes[0].speaker_text == "Jonas Kettler, Leiter des Einsatzes"


def test_capitalised_surname_tagged_as_adjective_stays_in_the_name() -> None:
    text = "Jonas Deutscher, Präsident des Verbands, sagte, die Saison beginne pünktlich."
    doc = run(text)
    assert doc.quotes and (doc.quotes[0].speaker_text or "").startswith("Jonas Deutscher")


def test_seat_after_a_named_office_with_a_genitive() -> None:
    text = "Die Straße bleibe gesperrt, teilte ein Sprecher des Landesamts in Kiel mit."
    doc = run(text)
    assert doc.quotes and doc.quotes[0].speaker_text == "ein Sprecher des Landesamts in Kiel"


def test_newspaper_named_after_a_place_is_the_paper_not_the_place() -> None:
    text = "Die Zeitung „Kiew Kurier“ berichtet, die Gespräche seien vertagt worden."
    kyiv = person(text, "KY", "Kiew", ["Kiew"], None, "GPE")
    doc = run(text, [kyiv])
    ent = _speaker(doc)
    assert ent is not None and ent.type == "ORG" and ent.name == "Kiew Kurier"
    assert [m.text for m in kyiv.mentions] == ["Kiew"]


def test_followers_of_a_titled_organisation_are_not_the_organisation() -> None:
    text = "Anhänger der Gruppe „Nordwind“ drohten, die Straße werde blockiert."
    doc = run(text)
    ent = _speaker(doc)
    assert ent is None or ent.name != "Nordwind"


def test_participle_tagged_finite_after_an_auxiliary() -> None:
    text = "Der Kieler Stadtrat hatte sich erhofft, dass die Mittel rasch fließen würden."
    doc = run(text)
    assert doc.quotes and doc.quotes[0].speaker_text == "Der Kieler Stadtrat"


def test_herausstreichen_is_a_speech_verb() -> None:
    text = "„Wir bleiben bei unserem Kurs“, strich Karin Holm in Kiel heraus."
    holm = person(text, "KH", "Karin Holm", ["Karin Holm"], "f")
    doc = run(text, [holm])
    assert doc.quotes and doc.quotes[0].speaker == "KH"


def test_colon_introduction_with_a_prepositional_phrase() -> None:
    text = "Ein Polizeisprecher nach dem Einsatz: „Die Lage ist unter Kontrolle.“"
    doc = run(text)
    assert doc.quotes and doc.quotes[0].speaker_text == "Ein Polizeisprecher"


def test_colon_after_a_verbless_phrase_with_more_than_a_pp_is_not_a_speaker() -> None:
    text = "Neue Regeln ab Montag in allen Schulen gelten: „Masken bleiben Pflicht.“"
    doc = run(text)
    assert all(q.speaker_text != "Neue Regeln" for q in doc.quotes)
