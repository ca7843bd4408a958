"""Train the attribution tagger (`factions.claims.learned`) on PolNeAR.

    .venv/bin/python train/attribution.py [PATH]   # PATH default ../shared/datasets/polnear

Parses the train split (first annotator per article) with factions' own pipeline,
learns the cue lemma list from its Cue spans, trains two linear-chain CRFs
(python-crfsuite, L-BFGS with elastic-net c1/c2): the first labels sources, cues and
contents of a paragraph at once; the second reads one gold cue at a time and labels
its source and content (`--no-roles` skips it). Scores both on the dev split and
writes `src/factions/data/models/attribution.crfsuite`, `attribution-roles.crfsuite`
and `attribution.json` (the provenance: corpus, version, split, file count, sha256 of the sorted training file
names, command, date, hyper-parameters, dev scores, cue lemmas).

`--cache DIR` keeps the parsed Docs (spaCy DocBin) there, so that a second run with
other hyper-parameters skips the parse.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shlex
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "factions" / "data" / "models"
CORPUS_VERSION = "1.0.0"


def parsed(root: Path, split: str, nlp, cache: Path | None, limit: int | None = None):
    """[(Article, Doc)] for a split, from the cache when it holds the same files."""
    from spacy.tokens import DocBin

    from factions.evaluate.polnear import read_split
    from factions.nlp import analyze

    articles = read_split(root, split, limit)
    key = hashlib.sha256("\n".join(a.name for a in articles).encode()).hexdigest()[:12]
    path = cache / f"polnear-{split}-{key}.spacy" if cache else None
    if path and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        docs = [doc for _, doc in analyze(nlp, (a.document for a in articles), 16)]
        if path:
            cache.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs).to_disk(path)
    return list(zip(articles, docs))


def score(tagger, pairs) -> dict:
    from factions.evaluate.polnear import score_documents

    return score_documents((a.document.text, a.gold, tagger.predict(doc)) for a, doc in pairs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", default=str(ROOT.parent / "shared" / "datasets" / "polnear"))
    ap.add_argument("--out", default=str(OUT), help="folder for attribution.crfsuite and attribution.json")
    ap.add_argument("--c1", type=float, default=4.0)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=300, help="L-BFGS iterations of both taggers (100 stopped short of convergence)")
    ap.add_argument("--min-freq", type=int, default=2, help="drop features seen fewer times")
    ap.add_argument("--roles-c1", type=float, default=2.0, help="c1 of the second tagger (source and content per cue)")
    ap.add_argument("--roles-c2", type=float, default=0.01)
    ap.add_argument("--no-roles", action="store_true", help="train the first tagger only")
    ap.add_argument("--cue-min-count", type=int, default=3)
    ap.add_argument("--cue-min-ratio", type=float, default=0.1)
    ap.add_argument("--no-dev", action="store_true", help="skip scoring on the dev split")
    ap.add_argument("--limit", type=int, help="train on the first N articles only (smoke runs)")
    ap.add_argument("--cache", help="folder to keep parsed Docs in between runs")
    args = ap.parse_args(argv)

    import pycrfsuite

    from factions.actors import load_kb
    from factions.claims.features import CueRoleFeaturizer, Featurizer
    from factions.claims.learned import AttributionTagger, cue_role_tags, gold_tags, learn_cues, roles_path, token_range
    from factions.nlp import load_pipeline

    root = Path(args.path)
    if not (root / "train" / "text").is_dir():
        print(f"train/attribution.py: error: {root}: not a PolNeAR folder (no train/text/)", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    cache = Path(args.cache) if args.cache else None
    t0 = time.perf_counter()
    nlp = load_pipeline(None, load_kb())
    train = parsed(root, "train", nlp, cache, args.limit)
    t_parse = time.perf_counter() - t0
    cues = learn_cues(((doc, a.gold) for a, doc in train), args.cue_min_count, args.cue_min_ratio)
    featurizer = Featurizer(cues)
    trainer = pycrfsuite.Trainer(verbose=False)
    for a, doc in train:
        seqs, table = featurizer.featurize(doc)
        feats = table.strings()
        tags = gold_tags(doc, seqs, a.gold)
        k = 0
        for start, end in seqs:
            n = end - start
            trainer.append(feats[k:k + n], tags[k:k + n])
            k += n
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
              "feature.minfreq": args.min_freq, "feature.possible_transitions": True}
    trainer.set_params(params)
    model = out / "attribution.crfsuite"
    t1 = time.perf_counter()
    trainer.train(str(model))
    t_train = time.perf_counter() - t1
    # the second tagger: one sequence per gold cue, the tokens read relative to it
    roles_params = {"c1": args.roles_c1, "c2": args.roles_c2, "max_iterations": args.iterations,
                    "feature.minfreq": args.min_freq, "feature.possible_transitions": True}
    t2 = time.perf_counter()
    if args.no_roles:
        roles_path(model).unlink(missing_ok=True)
    else:
        role_featurizer = CueRoleFeaturizer(cues)
        roles_trainer = pycrfsuite.Trainer(verbose=False)
        for a, doc in train:
            prep = role_featurizer.prepare(doc)
            for attribution in a.gold:
                if attribution.cue:
                    start, end = token_range(doc, attribution.cue)
                    window, feats = role_featurizer.featurize(prep, start, end)
                    roles_trainer.append(feats, cue_role_tags(doc, *window, attribution))
        roles_trainer.set_params(roles_params)
        roles_trainer.train(str(roles_path(model)))
    t_roles = time.perf_counter() - t2
    names = sorted(a.name + ".txt" for a, _ in train)
    meta = {
        "model": "linear-chain CRF (python-crfsuite), BIO over SRC/CUE/CNT, one sequence per paragraph",
        "corpus": "PolNeAR (Political News Attribution Relations Corpus)",
        "corpus_version": CORPUS_VERSION,
        "split": "train",
        "annotator": "first in sorted order per article",
        "files": len(names),
        "files_sha256": hashlib.sha256("\n".join(names).encode()).hexdigest(),
        "command": "train/attribution.py " + " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:])),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "spacy_pipeline": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')} {nlp.meta.get('version', '')}",
        "hyperparameters": {**params, "cue_min_count": args.cue_min_count, "cue_min_ratio": args.cue_min_ratio},
        "roles_model": None if args.no_roles else {"file": roles_path(model).name, "hyperparameters": roles_params,
                                                  "sequences": "one per gold cue: its paragraph, at most 3 sentences either side"},
        "seconds": {"parse": round(t_parse, 1), "train": round(t_train, 1), "train_roles": round(t_roles, 1)},
        "dev": None,
        "cue_lemmas": cues,
        # the word classes the features read: weights trained on one list mean nothing on another
        "word_classes_sha256": hashlib.sha256(
            (ROOT / "src" / "factions" / "data" / "lexicons" / "attribution_words.toml").read_bytes()).hexdigest(),
    }
    (out / "attribution.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", "utf-8")
    if not args.no_dev and (root / "dev" / "text").is_dir():
        tagger = AttributionTagger.load(model)
        dev = parsed(root, "dev", nlp, cache)
        meta["dev"] = {role: {k: (round(v, 4) if isinstance(v, float) else v) for k, v in s["exact"].items()} | {
            "overlap_f1": round(s["overlap"]["f1"], 4)} for role, s in score(tagger, dev).items()}
        (out / "attribution.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(json.dumps({"model": str(model), "bytes": model.stat().st_size, "seconds": meta["seconds"], "dev": meta["dev"]}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
