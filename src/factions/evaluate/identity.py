"""Actor identity against a gold set of linked mentions (`factions eval identity`).

The gold (`examples/identity/identity.gold.jsonl`, its README says how it was written)
is one JSON object per document: `{"file": "texts/x.txt", "mentions": [{"text",
"occurrence", "kb_id", "kind", "note"}]}`. A gold mention is the `occurrence`-th exact,
case-sensitive match of `text` in the file (header included, matches inside longer
strings counted); `kb_id` is the knowledge-base actor it refers to, null when the KB
lacks the referent.

Each gold mention is read off what factions extracted from the file: the extracted
mentions that overlap it, the one sharing most characters first, then the one closest
in length; the link is that mention's actor's KB id (what a query answers with), else the mention's own.

- **linked right**: of the gold mentions with a KB id, those whose link is that id;
- **wrong links**: of the gold mentions factions linked to a KB id, those linked to
  another id (a gold null included): the answers about the wrong actor;
- **unlinked**: gold mentions with a KB id that factions found but did not link, or
  did not find at all.

The figures are given overall, per kind (the gold's `kind`) and per genre (the file
name's first letter: the README lists the genres).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from factions.evaluate import extract_each


class IdentityGoldError(ValueError):
    """A gold file that cannot be read: the message names the file and the line."""


def _locate(text: str, needle: str, occurrence: int) -> tuple[int, int] | None:
    at = -1
    for _ in range(occurrence):
        at = text.find(needle, at + 1)
        if at < 0:
            return None
    return at, at + len(needle)


def load_identity_gold(path: str | Path) -> list[dict]:
    path = Path(path)
    if not path.is_file():
        raise IdentityGoldError(f"{path}: no such file")
    rows = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text = (path.parent / row["file"]).read_text("utf-8")
            mentions = []
            for m in row["mentions"]:
                span = _locate(text, m["text"], int(m.get("occurrence", 1)))
                if span is None:
                    raise ValueError(f"'{m['text']}' does not occur {m.get('occurrence', 1)} times in {row['file']}")
                mentions.append({**m, "start": span[0], "end": span[1]})
        except (ValueError, KeyError, TypeError, OSError) as exc:
            raise IdentityGoldError(f"{path}:{n}: {exc}") from None
        rows.append({"file": str(path.parent / row["file"]), "genre": Path(row["file"]).name[:1], "mentions": mentions})
    return rows


def _link(gold: dict, extraction) -> tuple[bool, str | None]:
    """(found, KB id) of the extracted mention that shares most characters with `gold`."""
    actors = {a.id: a for a in extraction.actors}
    # most characters shared, then the closest length: "U.S." is read off the mention
    # "U.S." rather than off "U.S.-led coalition", which holds it too
    best, key = None, None
    for m in extraction.mentions:
        s = min(m.span.end, gold["end"]) - max(m.span.start, gold["start"])
        k = (s, -abs((m.span.end - m.span.start) - (gold["end"] - gold["start"])))
        if s > 0 and (key is None or k > key):
            best, key = m, k
    if best is None:
        return False, None
    actor = actors.get(best.actor) if best.actor else None
    return True, (actor.kb_id if actor and actor.kb_id else best.kb_id)


def evaluate_identity(path: str | Path, extractor=None) -> dict:
    from factions.extract import get_extractor
    from factions.read import read_inputs
    from factions.read.errors import ReadError

    gold = load_identity_gold(path)
    extractor = extractor or get_extractor("rules")
    documents = []
    for row in gold:
        doc = next(iter(read_inputs([row["file"]])))
        if isinstance(doc, ReadError):
            raise IdentityGoldError(str(doc))
        documents.append(doc)
    tallies: dict[str, Counter] = defaultdict(Counter)
    wrong: list[str] = []
    failures: list[str] = []
    for row, extraction in zip(gold, extract_each(extractor, documents, failures)):
        for m in row["mentions"]:
            found, got = _link(m, extraction)
            for key in ("all", "kind:" + m["kind"], "genre:" + row["genre"]):
                t = tallies[key]
                t["gold"] += 1
                t["gold_linked"] += bool(m["kb_id"])
                t["found"] += found
                t["right"] += bool(m["kb_id"]) and got == m["kb_id"]
                t["linked"] += got is not None
                t["wrong"] += got is not None and got != m["kb_id"]
            if got is not None and got != m["kb_id"]:
                wrong.append(f"{Path(row['file']).name}\t{m['start']}\t{m['text']}\t{got} (gold {m['kb_id']})")
    def summary(t: Counter) -> dict:
        return {"mentions": t["gold"], "with_kb_id": t["gold_linked"], "found": t["found"],
                "linked_right": t["right"] / t["gold_linked"] if t["gold_linked"] else None,
                "linked": t["linked"], "wrong_links": t["wrong"],
                "wrong_link_rate": t["wrong"] / t["linked"] if t["linked"] else None}
    return {"path": str(path), "documents": len(gold), "overall": summary(tallies["all"]),
            "by_kind": {k[5:]: summary(t) for k, t in sorted(tallies.items()) if k.startswith("kind:")},
            "by_genre": {k[6:]: summary(t) for k, t in sorted(tallies.items()) if k.startswith("genre:")},
            "errors": wrong, "failures": failures}
