"""Train the German CRF named-entity models shipped in ``lagebild/nlp/models/``.

Two models are trained (stacking): ``ner_de_aux.crfsuite``, a PER/LOC/ORG model on LER +
Europeana only, and ``ner_de.crfsuite``, the GermEval model, which also sees the aux model's tags
as features. The aux model never sees GermEval, so its tags on GermEval sentences are honest
predictions, exactly as at run time. ``--mode mix`` trains one model on everything instead.

Training data (all under ``--data``, the shared data folder):

* GermEval-2014 ``NER-de-dev.tsv`` (2,200 sentences; the 24k-sentence train split is not
  available). Its full outer labels are kept (PER/LOC/ORG/OTH plus ``deriv``/``part``), because
  the official outer-span score counts them. Model selection uses a fixed holdout: every fourth
  sentence (index % 4 == 3, 550 sentences, 25 %; ``--select``; ``--fold`` picks another quarter
  for cross-validation). The released model is then trained on all 2,200 sentences with the
  chosen settings, so its holdout number printed without ``--select`` is not a score.
* LER ``ler_train_derived.conll.gz`` (German court decisions): fine classes mapped to
  PER/LOC/ORG, norms/decisions/literature to O; all sentences with an entity up to
  ``--ler-max`` plus ``--ler-empty-share`` as many without, drawn with ``--seed``.
* Europeana Newspapers ``enp_DE.{lft,onb,sbb}.bio`` (historic OCR text): PER/LOC/ORG, cut
  into chunks at '.' tokens (at most 40 tokens).
* Entity substitution (``--augment N``): N extra copies of the GermEval training sentences in
  which every PER/LOC/ORG entity is replaced by another name of its type (known names, places,
  given + family names) and every one-word LOCderiv by another derived word of the same form
  ("polnischen" -> "chilenischen", "Leipziger" -> "Lindauer"), drawn with ``--seed``; only the
  main model sees them. The model learns the contexts instead of 1,650 sentences' names.

The GermEval-2014 test split is never read here; ``scripts/eval_ner.py`` scores it.

Feature data: the place-name gazetteer (``ner_loc_gazetteer.txt.gz``) is compiled from GeoNames
cities15000 + regions and babel's CLDR country names (``--build-gazetteer``); the person-name
list (``ner_person_names.txt.gz``) comes from ``scripts/build_ner_names.py`` (Faker's lists);
the known-name list (``ner_known_names.txt.gz``: KB names, LER organisation names, KB country
adjectives and demonyms) from ``scripts/build_ner_names.py --known DATA``; the cue words
(``ner_cues.tsv``) are hand-written. The main model's extra feature families
(``lagebild/nlp/ner_extra.py``) are chosen with ``--extra``. All of it is deterministic.

Examples::

    # model selection: train without the holdout, print holdout P/R/F1
    python scripts/train_ner.py --data ../shared/data --select
    # the released models (deterministic for the same data, settings, seed and committed
    # feature lists; about 5 min)
    python scripts/train_ner.py --data ../shared/data --build-gazetteer
    # a new known-name list from the current KB (then retrain, and compare before releasing)
    python scripts/build_ner_names.py --known ../shared/data
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import time
from pathlib import Path

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ner_corpora import (  # noqa: E402
    EUROPEANA_FILES,
    Sentence,
    prf,
    read_europeana,
    read_germeval,
    read_ler,
    sample_ler,
)

from lagebild.nlp import ner_extra  # noqa: E402
from lagebild.nlp.ner import AUX_EXTRA, model_features  # noqa: E402
from lagebild.nlp.ner_features import (  # noqa: E402
    GAZETTEER_PATH,
    load_gazetteer,
    sentence_features,
)

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "lagebild/nlp/models/ner_de.crfsuite"
NOT_PLACES = {"001", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
HOLDOUT_EVERY = 4  # sentence i of GermEval dev is holdout when i % 4 == 3


def build_gazetteer(data: Path, out: Path, min_alt_population: int) -> int:
    """Place names: GeoNames city names (+ Latin alternates of big cities), regions, countries."""
    from babel import Locale

    names: dict[str, str] = {}

    def add(name: str, kind: str = "city") -> None:
        name = " ".join(name.split())
        if len(name) >= 3 and name[:1].isupper() and all(
            c.isalpha() or c in " -'." for c in name
        ) and all(ord(c) < 0x250 for c in name) and names.get(name) != "country":
            names[name] = kind

    with (data / "geonames_cities15000/cities15000.txt").open(encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 15:
                continue
            add(f[1])
            add(f[2])
            if int(f[14] or 0) >= min_alt_population:
                for alt in f[3].split(","):
                    add(alt)
    with (data / "geonames_cities15000/regionInfo.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(f) >= 3:
                add(f[1], "region")
                add(f[2], "region")
    for lang in ("de", "en"):
        for code, name in Locale(lang).territories.items():
            # countries and continents; not the world, unions ("EU", "UN") or pseudo-codes
            if code not in NOT_PLACES:
                add(name, "country")
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", mtime=0) as raw:
        raw.write("".join(f"{n}\t{k}\n" for n, k in sorted(names.items())).encode("utf-8"))
    return len(names)


def load_training(args: argparse.Namespace) -> tuple[list[Sentence], list[Sentence], dict]:
    data: Path = args.data
    germeval = list(read_germeval(data / "germeval2014_ner/NER-de-dev.tsv"))
    holdout = [s for i, s in enumerate(germeval) if i % HOLDOUT_EVERY == args.fold]
    ge_train = (
        [s for i, s in enumerate(germeval) if i % HOLDOUT_EVERY != args.fold]
        if args.select
        else germeval
    )
    # learning curve: the first share of the training sentences (their order is the corpus order)
    ge_train = ge_train[: int(len(ge_train) * args.germeval_fraction)]
    ler = sample_ler(
        list(read_ler(data / "german_ler/ler_train_derived.conll.gz")),
        args.ler_max, args.ler_empty_share, args.seed,
    ) if args.ler_max > 0 else []
    enp: list[Sentence] = []
    if args.europeana:
        for name in EUROPEANA_FILES:
            enp.extend(read_europeana(data / "europeana_newspapers_ner_de" / name))
    sizes = {
        "germeval": (len(ge_train), sum(len(s[0]) for s in ge_train)),
        "ler": (len(ler), sum(len(s[0]) for s in ler)),
        "europeana": (len(enp), sum(len(s[0]) for s in enp)),
    }
    train = [(s, "ge") for s in ge_train] * args.germeval_repeat
    train += [(s, "ler") for s in ler] + [(s, "enp") for s in enp]
    return train, holdout, sizes


def name_pools(gaz, synthetic_orgs: int = 0, seed: int = 13) -> dict[str, list[list[str]]]:
    """Replacement names per type for --augment: known names, places, given + family names."""
    from lagebild.nlp.ner_extra import known_names
    from lagebild.nlp.ner_features import person_names

    pools: dict[str, list[list[str]]] = {"PER": [], "LOC": [], "ORG": []}
    for toks, typ in sorted(known_names().types.items()):
        # not LER's anonymised names ("X GmbH", "Y-AG") nor genitive forms ("Landgerichts Kiel")
        if any(re.match(r"^[A-Z]\.?$|^[A-Z]-", t) for t in toks) or (
            len(toks) > 1 and toks[0].endswith("s")
        ):
            continue
        pools[typ].append(list(toks))
    pools["LOC"].extend(n.split() for n in sorted(gaz.kind) if gaz.kind[n] != "city")
    cities = sorted(n for n in gaz.kind if gaz.kind[n] == "city")
    pools["LOC"].extend(n.split() for n in cities[:: max(1, len(cities) // 3000)])
    names = person_names()
    first = sorted(n for n, k in names.items() if k == "first")
    last = sorted(n for n, k in names.items() if k == "last")
    pools["FIRST"], pools["LAST"] = [[n] for n in first], [[n] for n in last]
    from lagebild.nlp.ner_extra import cues

    adjectives = sorted(known_names().adjectives | cues().loc_adjectives)
    pools["ADJ"] = [[a] for a in adjectives if a.endswith("isch")]
    pools["CITY"] = [[c] for c in cities[:: max(1, len(cities) // 3000)]
                     if " " not in c and c.isalpha() and not c.endswith(("e", "er"))]
    if synthetic_orgs:
        heads = sorted(w.capitalize() for k, w in cues().rows if k == "orghead")
        pools["ORG"].extend(made_up_orgs(pools, heads, synthetic_orgs, seed))
    return pools


LEGAL_FORMS = ("GmbH", "AG", "KG", "SE", "e.V.", "Inc.", "Ltd.")


def made_up_orgs(pools: dict[str, list[list[str]]], heads: list[str], n: int, seed: int):
    """Organisation names of common shapes, so the model sees cue words inside ORG spans:
    "Kowalczyk GmbH", "Lindauer Sparkasse", "Universität Husum", "KVB"."""
    import random

    rng = random.Random(seed)
    out: list[list[str]] = []
    for i in range(n):
        shape = i % 4
        if shape == 0:
            out.append([rng.choice(pools["LAST"])[0], rng.choice(LEGAL_FORMS)])
        elif shape == 1:
            out.append([rng.choice(pools["CITY"])[0] + "er", rng.choice(heads)])
        elif shape == 2:
            out.append([rng.choice(heads), rng.choice(pools["CITY"])[0]])
        else:
            size = rng.randint(2, 4)
            out.append(["".join(rng.choice("ABCDEFGHIKLMNOPRSTUVW") for _ in range(size))])
    return out


_ISCH = re.compile(r"^(.+?isch)(e|en|er|es|em)?$")


def substitute_derived(word: str, pools: dict[str, list[list[str]]], rng) -> str:
    """Another place-derived word of the same form: "polnischen" -> "chilenischen",
    "Leipziger" -> "Lindauer"; the word itself when it has neither form."""
    m = _ISCH.match(word.lower())
    if m and pools.get("ADJ"):
        new = rng.choice(pools["ADJ"])[0] + (m.group(2) or "")
        return new[:1].upper() + new[1:] if word[:2].istitle() else new
    if word[:1].isupper() and word.endswith("er") and pools.get("CITY"):
        return rng.choice(pools["CITY"])[0] + "er"
    return word


def substitute(sentence: Sentence, pools: dict[str, list[list[str]]], rng) -> Sentence | None:
    """A copy of the sentence with every PER/LOC/ORG entity replaced by another name of its type,
    and place-derived words (LOCderiv) by others of the same form.

    German inflection is kept simple: a genitive-looking -s on the original's last token is
    added to the new name. None when the sentence has no such entity.
    """
    tokens, tags = sentence
    out_tokens: list[str] = []
    out_tags: list[str] = []
    i, changed = 0, False
    while i < len(tokens):
        label = tags[i][2:]
        if tags[i].startswith("B-") and label in ("PER", "LOC", "ORG"):
            j = i + 1
            while j < len(tokens) and tags[j] == f"I-{label}":
                j += 1
            if label == "PER":
                new = list(rng.choice(pools["LAST"]))
                if j - i > 1:
                    new = [*rng.choice(pools["FIRST"]), *new]
            else:
                new = list(rng.choice(pools[label]))
            if tokens[j - 1].endswith("s") and not new[-1].endswith(("s", "x", "z", "ß")):
                new[-1] += "s"
            out_tokens.extend(new)
            out_tags.extend([f"B-{label}"] + [f"I-{label}"] * (len(new) - 1))
            i, changed = j, True
        elif tags[i] == "B-LOCderiv" and (i + 1 == len(tags) or tags[i + 1] != "I-LOCderiv"):
            new_word = substitute_derived(tokens[i], pools, rng)
            out_tokens.append(new_word)
            out_tags.append(tags[i])
            changed = changed or new_word != tokens[i]
            i += 1
        else:
            out_tokens.append(tokens[i])
            out_tags.append(tags[i])
            i += 1
    return (out_tokens, out_tags) if changed else None


def augment(
    ge_train: list[Sentence], copies: int, seed: int, gaz, synthetic_orgs: int = 0
) -> list[Sentence]:
    import random

    rng = random.Random(seed)
    pools = name_pools(gaz, synthetic_orgs, seed)
    extra = []
    for _ in range(copies):
        for s in ge_train:
            new = substitute(s, pools, rng)
            if new:
                extra.append(new)
    return extra


def aux_features(tokens: list[str], gaz, extra: bool) -> list[list[str]]:
    feats = sentence_features(tokens, gaz)
    return ner_extra.add_extra_features(tokens, feats) if extra else feats


def domain_features(feats: list[list[str]], domain: str, mode: str) -> list[list[str]]:
    """Auxiliary-domain copies of features (Daume 2007) so LER/OCR quirks stay out of GermEval's.

    Only the copies of the word's own, non-window features are added to keep the model small.
    """
    if mode == "none" or domain == "ge":
        return feats
    return [f + [f"{domain}|{x}" for x in f if ":" not in x and "|" not in x] for f in feats]


def _fit(data, out: Path, args: argparse.Namespace, c1: float, c2: float) -> None:
    """Train one CRF on (features, tags) pairs and write it to ``out``."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for feats, tags in data:
        trainer.append(feats, tags)
    trainer.set_params({
        "c1": c1,
        "c2": c2,
        "max_iterations": args.iterations,
        "feature.minfreq": args.minfreq,
        "feature.possible_transitions": True,
    })
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def aux_path(out: Path) -> Path:
    return out.with_name(out.stem + "_aux" + out.suffix)


def train(args: argparse.Namespace) -> None:
    ner_extra.ENABLED.intersection_update(args.extra.split(",") if args.extra else ())
    if args.build_gazetteer:
        n = build_gazetteer(args.data, GAZETTEER_PATH, args.gaz_min_alt_population)
        print(f"gazetteer: {n} names -> {GAZETTEER_PATH}")
    gaz = load_gazetteer()
    t0 = time.time()
    data, holdout, sizes = load_training(args)
    if args.augment:
        ge = [s for s, dom in data if dom == "ge"]
        aug = augment(ge, args.augment, args.seed, gaz, args.made_up_orgs)
        data += [(s, "ge") for s in aug]
        sizes["substituted"] = (len(aug), sum(len(s[0]) for s in aug))
    print(f"training sentences/tokens: {sizes}; holdout {len(holdout)} sentences")
    out: Path = args.out
    aux_tagger = None
    if args.mode == "stack":
        # 1) auxiliary PER/LOC/ORG model on LER + Europeana only: it never sees GermEval, so its
        # tags on GermEval sentences are honest predictions, as they will be at run time.
        if args.reuse_aux:
            print(f"reusing {aux_path(out)}")
        else:
            aux_data = [
                (aux_features(s[0], gaz, args.aux_extra), s[1]) for s, dom in data if dom != "ge"
            ]
            _fit(aux_data, aux_path(out), args, args.aux_c1, args.aux_c2)
        aux_tagger = pycrfsuite.Tagger()
        aux_tagger.open(str(aux_path(out)))
        print(f"aux model in {time.time() - t0:.0f}s: {aux_path(out).stat().st_size / 1e6:.1f} MB")
        main_data = [
            (model_features(tokens, aux_tagger, args.aux_extra), tags)
            for (tokens, tags), dom in data if dom == "ge"
        ]
    else:
        main_data = [
            (ner_extra.add_extra_features(
                s[0], domain_features(sentence_features(s[0], gaz), dom, args.domain_features)
            ), s[1])
            for s, dom in data
        ]
    print(f"features built in {time.time() - t0:.0f}s; training ...", flush=True)
    _fit(main_data, out, args, args.c1, args.c2)
    print(f"trained in {time.time() - t0:.0f}s; model {out} {out.stat().st_size / 1e6:.1f} MB")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(out))
    gold = [tags for _, tags in holdout]
    pred = []
    for tokens, _ in holdout:
        pred.append(tagger.tag(model_features(tokens, aux_tagger, args.aux_extra)))
    p, r, f, tp, ng, npred = prf(gold, pred)
    note = "" if args.select else " (holdout was in training: not a score)"
    print(f"holdout outer-span P={p:.4f} R={r:.4f} F1={f:.4f} tp={tp} gold={ng} pred={npred}{note}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"),
                    help="shared data folder with germeval2014_ner, german_ler, ...")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model file to write")
    ap.add_argument("--select", action="store_true",
                    help="leave the GermEval dev holdout (every 4th sentence) out and score it")
    ap.add_argument("--fold", type=int, default=HOLDOUT_EVERY - 1, choices=range(HOLDOUT_EVERY),
                    help="which quarter of GermEval dev is the holdout (cross-validation); the"
                    " documented selection holdout is 3")
    ap.add_argument("--seed", type=int, default=13, help="seed for the LER sample")
    ap.add_argument("--ler-max", type=int, default=8000,
                    help="LER sentences with an entity to use (0: no LER)")
    ap.add_argument("--ler-empty-share", type=float, default=0.25,
                    help="LER sentences without entity, as share of --ler-max")
    ap.add_argument("--no-europeana", dest="europeana", action="store_false")
    ap.add_argument("--germeval-repeat", type=int, default=1,
                    help="how often each GermEval sentence is added (weights it up)")
    ap.add_argument("--germeval-fraction", type=float, default=1.0,
                    help="use only this share of the GermEval training sentences (learning curve)")
    ap.add_argument("--augment", type=int, default=1,
                    help="copies of the GermEval sentences with PER/LOC/ORG names substituted")
    ap.add_argument("--made-up-orgs", type=int, default=0,
                    help="add this many made-up organisation names to the substitution pool")
    ap.add_argument("--mode", choices=("stack", "mix"), default="stack",
                    help="stack: aux model on LER+Europeana feeds its tags to the GermEval model;"
                    " mix: one model on all data")
    ap.add_argument("--reuse-aux", action="store_true",
                    help="keep the existing aux model next to --out (faster experiments)")
    ap.add_argument("--aux-extra", action=argparse.BooleanOptionalAction, default=AUX_EXTRA,
                    help="train the aux model with the extra features too (the default follows"
                    " lagebild.nlp.ner.AUX_EXTRA, which must match the shipped aux model)")
    ap.add_argument("--aux-c1", type=float, default=0.1, help="L1 penalty of the aux model")
    ap.add_argument("--aux-c2", type=float, default=0.01, help="L2 penalty of the aux model")
    ap.add_argument("--domain-features", choices=("none", "aux"), default="aux",
                    help="aux: add domain-specific feature copies for LER/Europeana")
    ap.add_argument("--c1", type=float, default=0.05, help="L1 penalty (prunes features)")
    ap.add_argument("--c2", type=float, default=0.1, help="L2 penalty of the main model")
    ap.add_argument("--minfreq", type=float, default=1, help="crfsuite feature.minfreq")
    ap.add_argument("--iterations", type=int, default=150, help="L-BFGS max iterations")
    ap.add_argument("--extra", default="cues,known",
                    help="extra feature families of the main model (lagebild/nlp/ner_extra.py):"
                    " cues, known, clusters (needs scripts/build_ner_clusters.py first); the"
                    " shipped model uses cues,known")
    ap.add_argument("--build-gazetteer", action="store_true",
                    help="(re)build the place-name gazetteer from GeoNames and CLDR first")
    ap.add_argument("--gaz-min-alt-population", type=int, default=100_000,
                    help="use GeoNames alternate names of cities at least this big")
    return ap.parse_args(argv)


if __name__ == "__main__":
    train(parse_args())
