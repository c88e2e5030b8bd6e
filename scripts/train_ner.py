"""Train the German CRF named-entity model shipped as ``lagebild/nlp/models/ner_de.crfsuite``.

Training data (all under ``--data``, the shared data folder):

* GermEval-2014 ``NER-de-dev.tsv`` (2,200 sentences; the 24k-sentence train split is not
  available). Its full outer labels are kept (PER/LOC/ORG/OTH plus ``deriv``/``part``), because
  the official outer-span score counts them. Every fourth sentence (index % 4 == 3, 550
  sentences, 25 %) is the *holdout* used for model selection (``--select``); the released model
  is then trained on all 2,200 sentences with the chosen settings.
* LER ``ler_train_derived.conll.gz`` (German court decisions): fine classes mapped to
  PER/LOC/ORG, other classes to O; sentences with an entity plus a share without (``--ler-max``,
  ``--ler-empty-share``), drawn with ``--seed``.
* Europeana Newspapers ``enp_DE.{lft,onb,sbb}.bio`` (historic OCR text): PER/LOC/ORG, cut
  into chunks at '.' tokens.

The GermEval-2014 test split is never read here; ``scripts/eval_ner.py`` scores it.

The place-name gazetteer feature (``ner_loc_gazetteer.txt.gz``) is compiled from GeoNames
cities15000 + regions and the CLDR country names in babel (``--build-gazetteer``).

Examples::

    # model selection: train without the holdout, print holdout P/R/F1
    python scripts/train_ner.py --data ../shared/data --select
    # the released model (deterministic for the same data, settings and seed)
    python scripts/train_ner.py --data ../shared/data --build-gazetteer \
        --out lagebild/nlp/models/ner_de.crfsuite
"""

from __future__ import annotations

import argparse
import gzip
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

from lagebild.nlp.ner_features import GAZETTEER_PATH, load_gazetteer, sentence_features  # noqa: E402

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
    holdout = [s for i, s in enumerate(germeval) if i % HOLDOUT_EVERY == HOLDOUT_EVERY - 1]
    ge_train = (
        [s for i, s in enumerate(germeval) if i % HOLDOUT_EVERY != HOLDOUT_EVERY - 1]
        if args.select
        else germeval
    )
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


def domain_features(feats: list[list[str]], domain: str, mode: str) -> list[list[str]]:
    """Auxiliary-domain copies of features (Daume 2007) so LER/OCR quirks stay out of GermEval's.

    Only the copies of the word's own, non-window features are added to keep the model small.
    """
    if mode == "none" or domain == "ge":
        return feats
    return [f + [f"{domain}|{x}" for x in f if ":" not in x and "|" not in x] for f in feats]


def train(args: argparse.Namespace) -> None:
    if args.build_gazetteer:
        n = build_gazetteer(args.data, GAZETTEER_PATH, args.gaz_min_alt_population)
        print(f"gazetteer: {n} names -> {GAZETTEER_PATH}")
    gaz = load_gazetteer()
    t0 = time.time()
    data, holdout, sizes = load_training(args)
    print(f"training sentences/tokens: {sizes}; holdout {len(holdout)} sentences")
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for (tokens, tags), domain in data:
        feats = domain_features(sentence_features(tokens, gaz), domain, args.domain_features)
        trainer.append(feats, tags)
    trainer.set_params({
        "c1": args.c1,
        "c2": args.c2,
        "max_iterations": args.iterations,
        "feature.minfreq": args.minfreq,
        "feature.possible_transitions": True,
    })
    out: Path = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    print(f"features built in {time.time() - t0:.0f}s; training ...", flush=True)
    trainer.train(str(out))
    print(f"trained in {time.time() - t0:.0f}s; model {out} {out.stat().st_size / 1e6:.1f} MB")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(out))
    gold = [tags for _, tags in holdout]
    pred = [tagger.tag(sentence_features(tokens, gaz)) for tokens, _ in holdout]
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
    ap.add_argument("--seed", type=int, default=13, help="seed for the LER sample")
    ap.add_argument("--ler-max", type=int, default=4000,
                    help="LER sentences with an entity to use (0: no LER)")
    ap.add_argument("--ler-empty-share", type=float, default=0.25,
                    help="LER sentences without entity, as share of --ler-max")
    ap.add_argument("--no-europeana", dest="europeana", action="store_false")
    ap.add_argument("--germeval-repeat", type=int, default=2,
                    help="how often each GermEval sentence is added (weights it up)")
    ap.add_argument("--domain-features", choices=("none", "aux"), default="aux",
                    help="aux: add domain-specific feature copies for LER/Europeana")
    ap.add_argument("--c1", type=float, default=0.05, help="L1 penalty (prunes features)")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    ap.add_argument("--minfreq", type=float, default=1, help="crfsuite feature.minfreq")
    ap.add_argument("--iterations", type=int, default=200, help="L-BFGS max iterations")
    ap.add_argument("--build-gazetteer", action="store_true",
                    help="(re)build the place-name gazetteer from GeoNames and CLDR first")
    ap.add_argument("--gaz-min-alt-population", type=int, default=100_000,
                    help="use GeoNames alternate names of cities at least this big")
    return ap.parse_args(argv)


if __name__ == "__main__":
    train(parse_args())
