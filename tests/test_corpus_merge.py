from lagebild.corpus.merge import EventMention, cluster_events, merged_record
from lagebild.corpus.stories import group_stories

T, P, Z, M = "lb:PER:trump", "lb:PER:putin", "lb:PER:selenskyj", "lb:PER:macron"


def ev(doc, typ="CONSULT", actors=(T, P), date="2025-03-18", published="2025-03-19",
       origin="text", **kw):
    return EventMention(doc_id=doc, idx=kw.pop("idx", 0), type=typ, actors=tuple(actors),
                        date_value=date, date_precision=kw.pop("precision", "day"),
                        date_origin=origin, published=published, **kw)


def groups(mentions):
    return sorted(sorted(m.doc_id for m in c.mentions) for c in cluster_events(mentions))


def test_reports_of_one_call_merge_with_relative_and_publication_dates():
    ms = [ev("a", mode="phone"), ev("b", mode="phone", date="2025-03-19", origin="publication"),
          ev("c", actors=(P, T), mode=None, date="2025-03", precision="month")]
    assert groups(ms) == [["a", "b", "c"]]


def test_same_actors_other_day_stay_apart():
    assert groups([ev("a"), ev("b", date="2025-05-19", published="2025-05-19")]) == [["a"], ["b"]]


def test_same_day_other_actors_stay_apart():
    ms = [ev("a", mode="phone"), ev("b", actors=(T, Z), mode="phone")]
    assert groups(ms) == [["a"], ["b"]]


def test_different_type_or_mode_or_negation_stay_apart():
    ms = [ev("a", mode="phone"), ev("b", mode="meet"), ev("c", typ="AGREE"),
          ev("d", mode="phone", status="negated")]
    assert len(groups(ms)) == 4


def test_planned_meeting_upgrades_to_occurred():
    plan = ev("plan", actors=(T, P), mode="meet", date="2025-08-15", published="2025-08-09",
              status="planned")
    held = ev("held", actors=(T, P, "lb:PER:witkoff"), mode="meet", date="2025-08-15",
              published="2025-08-16")
    undated = ev("later", mode="meet", date=None, origin="publication", published="2025-08-16")
    clusters = cluster_events([plan, held, undated])
    assert len(clusters) == 1
    rec = merged_record(clusters[0])
    assert rec["status"] == "occurred"
    assert [h["status"] for h in rec["status_history"]] == ["planned", "occurred"]
    assert rec["first_reported"] == "2025-08-09"
    assert rec["date"]["value"] == "2025-08-15"
    assert set(rec["actors"]) >= {T, P}
    assert rec["n_documents"] == 3 and len(rec["evidence"]) == 3


def test_one_wrong_participant_cannot_chain_two_events():
    # b wrongly names both Putin and Selenskyj; it may join one event, never glue both
    ms = [ev("a", actors=(T, P)), ev("c", actors=(T, Z)), ev("b", actors=(T, P, Z))]
    out = groups(ms)
    assert ["a", "c"] not in out and ["a", "b", "c"] not in out


def test_copies_are_linked_not_counted():
    ms = [ev("orig", outlets=("A",)), ev("copy", duplicate_of="orig", outlets=("B",))]
    rec = merged_record(cluster_events(ms)[0])
    assert rec["doc_ids"] == ["orig"] and rec["copies"] == ["copy"]
    assert rec["n_documents"] == 1 and rec["n_outlets"] == 2


def test_stories_group_by_shared_actors_within_time():
    recs = [merged_record(c) for c in cluster_events([
        ev("a", date="2025-03-18", topics=("ceasefire",)),
        ev("b", date="2025-03-25", typ="AGREE", topics=("ceasefire",)),
        ev("c", actors=(M, Z), date="2025-03-20", topics=("air_defense",)),
        ev("d", date="2025-09-01", topics=("ceasefire",)),
    ])]
    stories = group_stories(recs)
    docs = sorted(sorted(d for r in s.events for d in r["doc_ids"]) for s in stories)
    assert docs == [["a", "b"], ["c"], ["d"]]


AFF = {"lb:PER:medinski": ("person", "RU"), "lb:PER:umerow": ("person", "UA"),
       "lb:GPE:russland": ("collective", "RU"), "lb:GPE:ukraine": ("collective", "UA"),
       P: ("person", "RU"), Z: ("person", "UA"), T: ("person", "US")}


def test_people_and_their_states_merge_with_affiliations_only():
    people = ev("a", actors=("lb:PER:medinski", "lb:PER:umerow"), mode="meet")
    states = ev("b", actors=("lb:GPE:russland", "lb:GPE:ukraine"), mode="meet")
    assert groups([people, states]) == [["a"], ["b"]]
    assert [sorted(m.doc_id for m in c.mentions)
            for c in cluster_events([people, states], AFF.get)] == [["a", "b"]]


def test_two_people_of_one_country_do_not_bridge():
    # Putin and the Russian negotiator are both Russian: no reason to merge these two calls
    a = ev("a", actors=(T, P), mode="phone")
    b = ev("b", actors=(T, "lb:PER:medinski"), mode="phone")
    assert len(cluster_events([a, b], AFF.get)) == 2
    c = ev("c", actors=(T, Z), mode="phone")
    assert len(cluster_events([a, c], AFF.get)) == 2
