from pathlib import Path

from lagebild.corpus.evaluate import evaluate_gold, load_corpus, pairwise, pairwise_sets

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus" / "corpus.yaml"


def test_pairwise_scores_count_pairs():
    gold = {1: "a", 2: "a", 3: "b", 4: "b"}
    pred = {1: 0, 2: 0, 3: 0, 4: 1}
    s = pairwise(gold, pred)
    assert (s.tp, s.fp, s.fn) == (1, 2, 1)
    s = pairwise_sets({"x": {"e1"}, "y": {"e1", "e2"}, "z": {"e3"}},
                      {"x": {1}, "y": {1}, "z": {1}})
    assert (s.tp, s.fp, s.fn) == (1, 2, 0)


def test_corpus_is_consistent_and_large_enough():
    corpus = load_corpus(CORPUS)
    arts = corpus["articles"]
    assert len(arts) >= 60
    assert len({a["id"] for a in arts}) == len(arts)
    ids = {a["id"] for a in arts}
    for a in arts:
        assert a.get("copy_of") in (None, *ids)
        for ev in a["events"]:
            for key in ev.get("actors", []) + ev.get("recipients", []):
                assert key in corpus["entities"], key
    clusters = {ev["cluster"] for a in arts for ev in a["events"]}
    assert len(clusters) >= 20


def test_gold_event_merging_meets_the_goal():
    # a regression guard for the merging rules, measured on the project's own corpus
    result = evaluate_gold(load_corpus(CORPUS))
    assert result["precision"] >= 0.9 and result["recall"] >= 0.9, result["errors"]
