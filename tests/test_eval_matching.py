"""The eval scorer on small hand-made gold and system documents; expected numbers by hand."""

import json
import subprocess
import sys

import pytest

from lagebild.eval.matching import date_right, fold, text_matches, words, words_sha
from lagebild.eval.scorer import Report, metrics, score_document


def ent(eid, name, *mentions, etype="PER"):
    return {"id": eid, "name": name, "type": etype,
            "mentions": [{"start": 0, "end": 1, "text": m} for m in mentions]}


def event(etype, actors, date=None, evidence="", status="occurred", recipients=()):
    return {"type": etype, "actors": list(actors), "recipients": list(recipients),
            "date": {"value": date, "precision": "day" if date and len(date) == 10 else
                     ("month" if date and len(date) == 7 else "year"), "text": None,
                     "origin": "text"},
            "status": status, "mode": None, "location": None, "topics": [],
            "evidence": {"start": 0, "end": len(evidence), "text": evidence}}


def score(gold, system):
    report = Report()
    score_document({"format": "lagebild.gold/1", "doc": "t", **gold}, system, report)
    return metrics(report), report


SYSTEM_ENTS = [ent("Q1", "Anna Berg", "Berg"), ent("Q2", "Tom Kurz", "Kurz"),
               ent("lb:PER:ida_feld", "Ida Feld")]


def test_fold_and_words_follow_the_spec():
    assert fold("Wolodymyr  Selenskyj-Straße") == "wolodymyr selenskyj strasse"
    assert fold("Čapek—Ünal") == "capek unal"
    assert words("„Wir kommen!“, sagte er (heute).") == ["wir", "kommen", "sagte", "er", "heute"]


def test_word_rule_contiguous_run_or_eighty_percent_prefix():
    gold = {"text": "eins zwei drei vier fünf"}
    assert text_matches(gold, "Er sagte: eins zwei drei vier fünf sechs")
    assert text_matches(gold, "eins zwei drei vier")  # 4 of 5 = 80 %
    assert not text_matches(gold, "eins zwei drei")  # 60 %
    assert not text_matches(gold, "zwei drei vier fünf")  # not a prefix, not the whole run


def test_hashed_gold_text_matches_like_plain_text():
    ws = ["eins", "zwei", "drei", "vier", "fünf"]
    gold = {"text_sha": words_sha(ws), "text_words": 5, "prefix_shas": [words_sha(ws[:4])]}
    assert text_matches(gold, "und dann eins, zwei, drei, vier, fünf!")
    assert text_matches(gold, "eins zwei drei vier")
    assert not text_matches(gold, "eins zwei drei")


def test_dates_at_different_precisions():
    assert date_right("2025-07-15", 1, {"value": "2025-07-16", "precision": "day"})
    assert not date_right("2025-07-15", 1, {"value": "2025-07-17", "precision": "day"})
    assert not date_right("2025-07-15", 3, {"value": "2025-07", "precision": "month"})
    assert date_right("2025-07", 0, {"value": "2025-07-30", "precision": "day"})
    # a week is written as its Monday: that day is compared against the gold tolerance
    assert date_right("2025-07-17", 3, {"value": "2025-07-14", "precision": "week"})
    assert not date_right("2025-07-17", 2, {"value": "2025-07-14", "precision": "week"})
    assert not date_right("2025-07", 0, {"value": "2025", "precision": "year"})
    assert date_right("2025", 0, {"value": "2025-03", "precision": "month"})


def test_participant_precision_rejects_padded_events():
    gold = {"events": [{"type": "CONSULT", "participants": [["Anna Berg"], ["Kurz"]],
                        "date": "2025-01-10", "tolerance_days": 0, "required": True}]}
    padded = event("CONSULT", ["Q1", "Q2", "lb:PER:ida_feld", "Q9", "Q8"])  # 2 of 5 real
    m, _ = score(gold, {"entities": SYSTEM_ENTS + [ent("Q9", "X"), ent("Q8", "Y")],
                        "events": [padded]})
    assert m["event_R"] == 0.0 and m["event_P"] == 0.0
    fair = event("CONSULT", ["Q1", "Q2", "lb:PER:ida_feld"])  # 2 of 3 real
    m, _ = score(gold, {"entities": SYSTEM_ENTS, "events": [fair]})
    assert m["event_R"] == 1.0 and m["event_P"] == 1.0


def test_required_gold_events_choose_first_and_prefer_right_dates():
    gold = {"events": [
        {"type": "AGREE", "participants": [["Berg"]], "date": "2025-02-01",
         "tolerance_days": 0, "required": False},
        {"type": "AGREE", "participants": [["Berg"]], "date": "2025-02-03",
         "tolerance_days": 0, "required": True},
    ]}
    system = {"entities": SYSTEM_ENTS, "events": [
        event("AGREE", ["Q1"], "2025-02-01"), event("AGREE", ["Q1"], "2025-02-03")]}
    m, _ = score(gold, system)
    # the required gold event is served first and takes the system event with its date
    assert m["event_R"] == 1.0 and m["event_date_acc"] == 1.0
    # the optional one takes the other: both system events matched
    assert m["event_P"] == 1.0


def test_event_status_and_planned_recall_by_hand():
    gold = {"events": [
        {"type": "CONSULT", "participants": [["Berg"], ["Kurz"]], "date": "2025-03",
         "status": "planned", "required": True},
        {"type": "REJECT", "participants": [["Kurz"]], "date": "2025",
         "status": "occurred", "required": True},
        {"type": "ASSAULT", "participants": [["Feld"]], "date": None, "required": True},
    ]}
    system = {"entities": SYSTEM_ENTS, "events": [
        event("CONSULT", ["Q1", "Q2"], "2025-03-20", status="occurred"),
        event("REJECT", ["Q2"], "2025-06-01"),
        event("SANCTION", ["Q2"], "2025-06-01"),
    ]}
    m, report = score(gold, system)
    assert m["event_R"] == round(2 / 3, 4) and m["event_P"] == round(2 / 3, 4)
    assert m["event_F1"] == round(2 / 3, 4)
    assert m["event_date_acc"] == 1.0  # month and year golds, both right
    assert m["event_status_acc"] == 0.5 and m["event_planned_R"] == 0.0
    assert m["event_negated_R"] is None
    assert [s for s in report.spurious if " event " in s] == ["t event SANCTION ['Q2'] «»"]
    assert len([m for m in report.misses if " event " in m]) == 1


def test_quotes_word_matching_kind_and_speaker():
    gold = {"quotes": [
        {"kind": "direct", "speaker": ["Anna Berg"], "speaker_qid": None,
         "text": "Wir werden nicht nachgeben", "required": True},
        {"kind": "indirect", "speaker": [], "speaker_qid": "Q2",
         "text": "die Verhandlungen seien gescheitert", "required": True},
        {"kind": "indirect", "speaker": [], "speaker_qid": None, "text": "vielleicht",
         "required": False},
    ]}
    system = {"entities": SYSTEM_ENTS, "quotes": [
        {"kind": "direct", "speaker": "Q1", "text": "Wir werden nicht nachgeben, niemals"},
        {"kind": "direct", "speaker": "Q1", "text": "die Verhandlungen seien gescheitert"},
        {"kind": "direct", "speaker": None, "text": "etwas ganz anderes"},
    ]}
    m, _ = score(gold, system)
    assert m["quote_R"] == 1.0 and m["quote_P"] == round(2 / 3, 4)
    assert m["quote_kind_acc"] == 0.5
    assert m["quote_speaker_acc"] == 0.5  # Q1 right for Berg; Q1 wrong for gold Q2


def test_entities_recall_precision_and_link_accuracy():
    gold = {"entities": [
        {"type": "PER", "qid": "Q1", "names": ["Anna Berg"]},
        {"type": "PER", "qid": "Q7", "names": ["Tom Kurz"]},
        {"type": "GPE", "qid": None, "names": ["Lummerland"]},
    ]}
    system = {"entities": SYSTEM_ENTS + [ent("Q5", "Bremen", etype="MISC")]}
    m, _ = score(gold, system)
    assert m["entity_R"] == round(2 / 3, 4)
    assert m["entity_P"] == round(2 / 3, 4)  # Ida Feld is spurious; MISC is not scored
    assert m["entity_link_acc"] == 0.5


def test_segments_line_roles_and_noise_leak():
    text = "Titel\n\nErster Satz.\nTeilen Sie dies\nMehr lesen hier"
    segs = [{"role": "title", "start": 0, "end": 5}, {"role": "body", "start": 7, "end": 35},
            {"role": "chrome", "start": 36, "end": 51}]
    gold = {"lines": [[1, 1, "title"], [3, 3, "body"], [4, 5, "chrome"]]}
    m, _ = score(gold, {"text": text, "segments": segs})
    assert m["news_R"] == 1.0 and m["news_P"] == round(2 / 3, 4)
    assert m["noise_leak"] == round(len("Teilen Sie dies") / (15 + 15), 4)


def test_missing_system_document_scores_zero():
    gold = {"quotes": [{"kind": "direct", "speaker": [], "text": "a b"}],
            "lines": [[1, 1, "body"]]}
    m, _ = score(gold, None)
    assert m["quote_R"] == 0.0 and m["quote_F1"] == 0.0 and m["news_R"] == 0.0


def test_scope_limits_scored_parts():
    gold = {"scope": ["quotes"], "events": [], "entities": [], "quotes": []}
    m, _ = score(gold, {"entities": SYSTEM_ENTS, "events": [event("AGREE", ["Q1"])]})
    assert m["event_P"] is None and m["entity_P"] is None


@pytest.mark.parametrize("flag", ["--json"])
def test_eval_command_prints_all_keys(tmp_path, flag):
    (tmp_path / "a.txt").write_text("Anna Berg traf Tom Kurz.\n", "utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2025-01-02"}', "utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps(
        {"format": "lagebild.gold/1", "doc": "a", "lines": [[1, 1, "body"]],
         "entities": [], "quotes": [], "events": []}), "utf-8")
    out = subprocess.run([sys.executable, "-m", "lagebild", "eval", str(tmp_path), flag],
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    for key in ("docs", "event_P", "event_R", "event_F1", "event_date_acc", "event_status_acc",
                "event_planned_R", "event_negated_R", "event_mode_acc", "event_loc_acc",
                "quote_P", "quote_R", "quote_F1", "quote_speaker_acc", "quote_kind_acc",
                "entity_P", "entity_R", "entity_link_acc", "news_P", "news_R", "news_F1",
                "noise_leak"):
        assert key in result
    assert result["docs"] == 1


def test_confidence_ranking_compares_the_top_half_with_all_events():
    from lagebild.eval.scorer import confidence_ranking

    report = Report(event_confidence=[(0.9, True), (0.8, True), (0.7, False), (0.3, False),
                                      (0.2, True)])
    got = confidence_ranking(report)
    assert got["event_P_top_half"] == 2 / 3  # 0.9, 0.8, 0.7: two of three matched
    assert got["event_P_all"] == 3 / 5
    assert confidence_ranking(Report())["event_P_top_half"] is None
