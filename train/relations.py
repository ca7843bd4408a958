"""Train the relation classifier (`factions.relations.learned`, rule relations.model).

    .venv/bin/python train/relations.py [SET ...] [--dev PATH]

SETs are folders in re3d's format; by default the re3d-style sets under `examples/`
(written by annotators who never read the extractor). Each set is read by the
extractor with the classifier off; every two parties or places in one sentence make
one example, labelled with the re3d relation (type and direction) the set's gold
gives them, or none. One maximum-entropy model (crfsuite over one-item sequences,
L-BFGS with elastic-net c1/c2) is trained per set on all the others and scored on
it, as the extractor would use it (the rules' relations and the ones it adds); the
relation types whose added relations were right at least `--admit` of the time over
all those held-out runs are the ones the shipped model may add. The shipped model is
then trained on every set. Writes `src/factions/data/models/relations.crfsuite` and
`relations.json` (provenance: the sets, sha256 of their files, command, date,
hyper-parameters, threshold, the held-out scores per set, the admitted types).
`--dev PATH` also scores the shipped model on that re3d data (never trained on);
`--sources PATH` adds each source folder of that re3d data as one more set (real re3d
text: trained on, and scored when held out like the others).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shlex
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "factions" / "data" / "models"
DEFAULT_SETS = sorted(p for p in (ROOT / "examples").glob("re3d-style*") if p.is_dir())
# How a re3d label becomes the contract's type: between parties, and towards a place.
LABEL_TYPES = {
    "FightingAgainst": {"party": "fights", "place": "attacks"},
    "AlliesOf": {"party": "allied_with", "place": ""},
    "CommWith": {"party": "communicates_with", "place": ""},
    "Dislikes": {"party": "opposes", "place": ""},
    "Likes": {"party": "supports", "place": ""},
    "BelongsTo": {"party": "member_of", "place": ""},
    "InChargeOf": {"party": "leads", "place": "controls"},
}


class Reader:
    """The extractor with the classifier off, keeping each document's pairs: (units,
    features) as the classifier would read them."""

    def __init__(self):
        from factions.extract import RuleExtractor
        from factions.relations.learned import RULE

        outer = self

        class Capturing(RuleExtractor):
            def from_doc(self, document, doc, attributions=None):
                x = super().from_doc(document, doc, attributions)
                outer.rows[document.source].extend(outer.pair_rows(doc, x))
                return x

        self.extractor = Capturing(disabled=frozenset({RULE}))
        self.rows: dict[str, list] = {}

    @staticmethod
    def pair_rows(doc, x) -> list[tuple]:
        from factions.relations.learned import Tokens, read_pairs

        kinds = {a.id: a.kind for a in x.actors}
        candidates, rows = read_pairs(Tokens(doc), x.mentions, kinds, x.relations)
        return [((u.start, u.end), (v.start, v.end), f) for (u, v, *_), f in zip(candidates, rows)]

    def read(self, path: Path) -> dict:
        from factions.evaluate import re3d
        from factions.model import Document

        docs, _ = re3d.load(path)
        gold = re3d.load_relations(path)
        self.rows = {doc_id: [] for doc_id in docs}
        list(self.extractor.extract_many([Document(source=i, text=t) for i, t in docs.items()]))
        examples = [(doc_id, u, v, f, gold_label(u, v, gold.get(doc_id, set()))) for doc_id, rows in self.rows.items() for u, v, f in rows]
        return {"docs": docs, "gold": gold, "examples": examples}


def gold_label(u, v, gold) -> str:
    """The re3d label of the pair (u before v): the first gold relation whose arguments
    the two meet, with its direction; "O" for none."""
    from factions.evaluate.re3d import _spans_meet
    from factions.relations.learned import NONE, label

    for typ, a, b in sorted(gold):
        forward = _spans_meet(u, a) and _spans_meet(v, b)
        backward = _spans_meet(v, a) and _spans_meet(u, b)
        if forward or backward:
            return label(typ, forward)
    return NONE


def train(examples, path: Path, params: dict) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for *_, feats, lab in examples:
        trainer.append([feats], [lab])
    trainer.set_params(params)
    trainer.train(str(path))


_EXTRACTOR = None


def score(path: Path, model: Path, meta: dict) -> dict:
    """The set read with the model at `model` after the rules: the gold relations, the
    predicted ones in re3d's terms, and the rule that made each."""
    from factions.evaluate import re3d
    from factions.extract import RuleExtractor
    from factions.claims.crf import LinearChainCRF
    from factions.relations.learned import RULE, RelationClassifier

    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = RuleExtractor(disabled=frozenset({RULE}))
    _EXTRACTOR.relation_model = RelationClassifier(LinearChainCRF.load(model), meta)
    docs, _ = re3d.load(path)
    predicted, _inside, rules = re3d.predict_relations(re3d.extract_all(docs, _EXTRACTOR))
    return {"gold": re3d.load_relations(path), "predicted": predicted, "rules": rules}


def relation_f1(result: dict, added_types: set[str]) -> dict:
    """Relation P/R/F1 of the rules' relations and the model's of `added_types`."""
    from factions.evaluate import re3d
    from factions.relations.learned import RULE

    rules = result["rules"]
    kept = {d: {r for r in rels if rules[(d, r)] != RULE or r[0] in added_types} for d, rels in result["predicted"].items()}
    return re3d.score_relations(result["gold"], kept)["all"]["overlap"]


def added_by_model(result: dict) -> Counter:
    """(re3d type, right) → how many relations the model added."""
    from factions.evaluate import re3d
    from factions.relations.learned import RULE

    out: Counter = Counter()
    for doc_id, rels in result["predicted"].items():
        for rel in rels:
            if result["rules"][(doc_id, rel)] == RULE:
                out[rel[0], any(re3d._relation_match(rel, g) for g in result["gold"].get(doc_id, ()))] += 1
    return out


def files_digest(sets: list[Path]) -> str:
    """sha256 over the sets' JSON files (each set's name, the file's path in it, its
    bytes), in sorted order: which data the weights were trained on."""
    digest = hashlib.sha256()
    for s in sets:
        for f in sorted(s.rglob("*.json")):
            digest.update(f"{s.name}/{f.relative_to(s).as_posix()}".encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", default=[str(p) for p in DEFAULT_SETS])
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--c1", type=float, default=0.5)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--threshold", type=float, default=0.7, help="the least probability of a relation it adds")
    ap.add_argument("--admit", type=float, default=0.5,
                    help="the least held-out precision of a type it may add: more often right than wrong")
    ap.add_argument("--arguments", choices=("any", "named"), default="any",
                    help="'named': add a relation only between parties named by name")
    ap.add_argument("--dev", help="re3d data to score the shipped model on (never trained on)")
    ap.add_argument("--sources", help="re3d data whose source folders join the sets: trained on, and each held out in turn")
    args = ap.parse_args(argv)

    sets = [Path(s) for s in args.sets]
    if args.sources:
        if not list(Path(args.sources).rglob("relations.json")):
            print(f"train/relations.py: error: {args.sources}: no re3d relations.json under it", file=sys.stderr)
            return 1
        from factions.evaluate.re3d import folders

        sets += folders(args.sources)
    for s in sets:
        if not list(s.rglob("relations.json")):
            print(f"train/relations.py: error: {s}: no re3d relations.json under it", file=sys.stderr)
            return 1
    if args.dev and not list(Path(args.dev).rglob("relations.json")):
        print(f"train/relations.py: error: {args.dev}: no re3d relations.json under it", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations, "feature.possible_states": True}
    t0 = time.perf_counter()
    reader = Reader()
    data = {s.name: reader.read(s) for s in sets}
    t_read = time.perf_counter() - t0
    every = sorted({"O", *(e[-1] for d in data.values() for e in d["examples"])})
    print(f"read {len(sets)} sets: {sum(len(d['examples']) for d in data.values())} pairs ({t_read:.0f} s)", flush=True)
    meta = {
        "model": "maximum-entropy classifier (python-crfsuite over one-item sequences) of the re3d relation between two parties or places in one sentence",
        "label_types": LABEL_TYPES, "threshold": args.threshold, "arguments": args.arguments, "admitted": sorted(LABEL_TYPES),
    }
    # held out: each set scored by a model trained on the others; the types admitted
    # are those whose added relations were right often enough over all these runs
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for s in sets:
            model = Path(tmp) / f"{s.name}.crfsuite"
            train([e for other, o in data.items() if other != s.name for e in o["examples"]], model, params)
            results[s.name] = score(s, model, meta)
    added = sum((added_by_model(r) for r in results.values()), Counter())
    precision = {t: round(added[t, True] / max(added[t, True] + added[t, False], 1), 3) for t in LABEL_TYPES}
    meta["admitted"] = sorted(t for t, p in precision.items() if p >= args.admit)
    held_out = {}
    for name, r in results.items():
        held_out[name] = {"rules": relation_f1(r, set()), "with_model": relation_f1(r, set(meta["admitted"])),
                          "with_model_all_types": relation_f1(r, set(LABEL_TYPES))}
        print(f"{name}: rules {held_out[name]['rules']['f1']:.3f}, with the model {held_out[name]['with_model']['f1']:.3f}"
              f" (all types {held_out[name]['with_model_all_types']['f1']:.3f})", flush=True)
    t1 = time.perf_counter()
    path = out / (MODEL_NAME + ".crfsuite")
    train([e for d in data.values() for e in d["examples"]], path, params)
    t_train = time.perf_counter() - t1
    meta |= {
        "sets": [str(s.resolve().relative_to(ROOT) if s.resolve().is_relative_to(ROOT) else s) for s in sets],
        "files_sha256": files_digest(sets),
        "examples": sum(len(d["examples"]) for d in data.values()),
        "labels": every,
        "command": "train/relations.py " + " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:])),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "hyperparameters": params | {"admit": args.admit},
        "held_out_added_precision": precision,
        "held_out": held_out,
        "seconds": {"read": round(t_read, 1), "train": round(t_train, 1)},
        "dev": None,
    }
    (out / (MODEL_NAME + ".json")).write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", "utf-8")
    if args.dev:
        r = score(Path(args.dev), path, meta)
        meta["dev"] = {"path": args.dev, "rules": relation_f1(r, set()), "with_model": relation_f1(r, set(meta["admitted"]))}
        (out / (MODEL_NAME + ".json")).write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(json.dumps({"model": str(path), "bytes": path.stat().st_size, "admitted": meta["admitted"],
                      "precision": precision, "dev": meta["dev"]}, indent=1))
    return 0


MODEL_NAME = "relations"

if __name__ == "__main__":
    raise SystemExit(main())
