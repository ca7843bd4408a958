"""Likely merges among stored actors, for an analyst to accept (`factions actor suggest`).

Nothing is merged here: each suggestion names the two actors, the rules that found
them, the evidence (documents, names) and a score, and the `factions actor merge`
command that would accept it. The rules, strongest first:

- `acronym-defined`: one actor bears an acronym that a document defined for it
  ("Eastern Lions Brigade (ELB)") and another actor is that acronym where a document
  used it alone; or a document writes "X (Y)" and the two became two actors (the
  acronym fits X's initials: stronger, else `acronym-defined-loose`);
- `name-variant`: the two bear names that fold alike (`factions.names.normalise`:
  "Jaysh al-Islam" and "Jaish al Islam") yet were kept apart (another kind, a key
  made before the folding changed);
- `fuzzy`: folded names within a few letters of each other (rapidfuzz), same kind;
- `kb-family`: one is part of the other in the knowledge base (`part_of`): the same
  family, kept apart on purpose; merge only to analyse them as one.

Two actors the knowledge base links to different ids are never suggested (except as
one family), nor are a person and a non-person.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz, process
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from factions.kb import is_acronym, load_kb
from factions.names import normalise
from factions.store import schema as t

SCORES = {"acronym-defined": 0.9, "acronym-defined-loose": 0.6, "name-variant": 0.85, "fuzzy": 0.8, "kb-family": 0.4}
FUZZY_CUTOFF = 90


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-–]+", name) if w and w.lower() not in ("al", "el", "the", "of", "and", "for", "in", "wal")]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _acronym_fits(acronym: str, name: str) -> bool:
    letters = "".join(c for c in acronym if c.isalpha()).upper()
    full = _initials(name)
    return len(letters) >= 2 and (letters == full or (len(letters) >= 3 and letters in full))


def suggest_merges(conn: Connection, limit: int = 50, min_score: float = 0.0) -> list[dict]:
    """Likely merges, best first: [{keep, other, score, rules, evidence, documents, command}]."""
    a, n, m, d = t.actors, t.actor_names, t.mentions, t.documents
    top = func.coalesce(a.c.merged_into, a.c.id)
    actors = {r.id: dict(r._mapping) for r in conn.execute(select(a.c.id, a.c.key, a.c.name, a.c.kind, a.c.kb_id, a.c.part_of).where(a.c.merged_into.is_(None)))}
    counts = dict(conn.execute(select(top, func.count(m.c.id)).join(m, m.c.actor_id == a.c.id).group_by(top)).all())
    names: dict[int, set[str]] = defaultdict(set)
    for r in conn.execute(select(top.label("root"), n.c.name).join(a, a.c.id == n.c.actor_id).where(n.c.retracted_at.is_(None))):
        names[r.root].add(r.name)
    found: dict[tuple[int, int], dict] = {}

    def add(x: int, y: int, rule: str, evidence: str, documents=()) -> None:
        if x == y or x not in actors or y not in actors or not _may_merge(actors[x], actors[y], rule):
            return
        pair = (min(x, y), max(x, y))
        entry = found.setdefault(pair, {"rules": [], "evidence": [], "documents": set(), "score": 0.0})
        if rule not in entry["rules"]:
            entry["rules"].append(rule)
            entry["evidence"].append(evidence)
        entry["documents"] |= set(documents)
        entry["score"] = max(entry["score"], SCORES[rule])

    # Same-document co-reference: "X (Y)" with X and Y two actors.
    rows = conn.execute(
        select(m.c.document_id, m.c.start, m.c.end, m.c.text, top.label("root"), d.c.source)
        .join(a, a.c.id == m.c.actor_id).join(d, d.c.id == m.c.document_id)
        .order_by(m.c.document_id, m.c.start)
    ).all()
    texts: dict[int, str] = {}
    for prev, cur in zip(rows, rows[1:]):
        if prev.document_id != cur.document_id or prev.root == cur.root:
            continue
        if cur.start - prev.end > 3:
            continue
        if prev.document_id not in texts:
            texts[prev.document_id] = conn.execute(select(d.c.text).where(d.c.id == prev.document_id)).scalar()
        text = texts[prev.document_id]
        if text[prev.end : cur.start].strip() != "(" or text[cur.end : cur.end + 1] != ")":
            continue
        short, long_ = (cur.text, prev.text) if len(cur.text) <= len(prev.text) else (prev.text, cur.text)
        tight = is_acronym(short) and _acronym_fits(short, long_)
        add(prev.root, cur.root, "acronym-defined" if tight else "acronym-defined-loose",
            f"'{prev.text} ({cur.text})' in {cur.source}" + (f": {short} spells {long_}'s initials" if tight else ""), [cur.source])

    # Names that fold alike; an acronym (kept as written) that two actors bear: one
    # document defined it for one actor, another used it alone.
    by_norm: dict[str, set[int]] = defaultdict(set)
    for root, ns in names.items():
        for name in ns:
            key = name if is_acronym(name) else normalise(name)
            if len(key) >= 2:
                by_norm[key].add(root)
    for key, roots_ in by_norm.items():
        ordered = sorted(roots_)
        for i, x in enumerate(ordered):
            for y in ordered[i + 1 :]:
                if is_acronym(key):
                    docs = {r: _documents_naming(conn, r, key) for r in (x, y)}
                    add(x, y, "acronym-defined", f"'{key}' names {actors[x]['name']} (in {', '.join(docs[x]) or '?'}) and "
                        f"{actors[y]['name']} (in {', '.join(docs[y]) or '?'})", docs[x] + docs[y])
                    continue
                nx = sorted(v for v in names[x] if normalise(v) == key)[0]
                ny = sorted(v for v in names[y] if normalise(v) == key)[0]
                add(x, y, "name-variant", f"'{nx}' and '{ny}' both fold to '{key}'")

    # Fuzzy near-duplicates among named actors (descriptions are per document).
    named = {i: normalise(act["name"]) for i, act in actors.items() if not act["key"].startswith("doc") and len(normalise(act["name"])) >= 6}
    keys = list(named.items())
    choices = [k for _, k in keys]
    for idx, (x, key) in enumerate(keys):
        for _, score, j in process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=6):
            y = keys[j][0]
            if y > x and key != choices[j] and actors[x]["kind"] == actors[y]["kind"]:
                add(x, y, "fuzzy", f"'{actors[x]['name']}' and '{actors[y]['name']}' are {score:.0f}% alike")

    # Knowledge-base families: one stored actor part of another.
    kb = load_kb()
    by_kb = {act["kb_id"]: i for i, act in actors.items() if act["kb_id"]}
    for i, act in actors.items():
        if act["kb_id"]:
            for up in kb.ancestors(act["kb_id"]):
                if up in by_kb:
                    add(by_kb[up], i, "kb-family", f"{act['name']} is part of {actors[by_kb[up]]['name']} in the knowledge base")

    out = []
    for (x, y), entry in found.items():
        if entry["score"] < min_score:
            continue
        keep, other = sorted((x, y), key=lambda i: (actors[i]["kb_id"] is None, -counts.get(i, 0), i))
        if "kb-family" in entry["rules"]:  # keep the whole, fold the part into it
            keep, other = (x, y) if actors[y]["kb_id"] in kb.parts(actors[x]["kb_id"] or "") else (y, x)
        docs = sorted(entry["documents"]) or _documents_of(conn, [x, y])
        score = min(1.0, entry["score"] + 0.05 * (len(entry["rules"]) - 1))
        why = "; ".join(entry["evidence"])
        out.append({
            "keep": _card(actors[keep], counts), "other": _card(actors[other], counts), "score": round(score, 2),
            "rules": entry["rules"], "evidence": entry["evidence"], "documents": docs,
            "command": f"factions actor merge {_ref(actors[keep])} {_ref(actors[other])} --reason {_quote('suggested: ' + why)}",
        })
    out.sort(key=lambda s: (-s["score"], s["keep"]["name"], s["other"]["name"]))
    return out[:limit]


def _may_merge(x: dict, y: dict, rule: str) -> bool:
    if rule == "kb-family":
        return True
    if x["kb_id"] and y["kb_id"] and x["kb_id"] != y["kb_id"]:
        return False  # the knowledge base says they are two
    return (x["kind"] == "person") == (y["kind"] == "person")


def _documents_naming(conn: Connection, root: int, name: str) -> list[str]:
    """The documents whose mentions of `root` (or what was merged into it) read `name`."""
    a, m, d = t.actors, t.mentions, t.documents
    rows = conn.execute(select(d.c.source).join(m, m.c.document_id == d.c.id).join(a, a.c.id == m.c.actor_id)
                        .where(m.c.text == name, (a.c.id == root) | (a.c.merged_into == root)).distinct())
    return sorted(rows.scalars())[:5]


def _documents_of(conn: Connection, ids: list[int]) -> list[str]:
    m, d = t.mentions, t.documents
    return sorted(set(conn.execute(select(d.c.source).join(m, m.c.document_id == d.c.id).where(m.c.actor_id.in_(ids))).scalars()))[:5]


def _ref(actor: dict) -> str:
    return f"kb:{actor['kb_id']}" if actor["kb_id"] else f"id:{actor['id']}"


def _card(actor: dict, counts: dict) -> dict:
    return {"ref": _ref(actor), "id": actor["id"], "name": actor["name"], "kind": actor["kind"], "kb_id": actor["kb_id"],
            "mentions": counts.get(actor["id"], 0)}


def _quote(text: str) -> str:
    """`text` as one shell word: in double quotes when it holds single quotes only."""
    if "'" in text and not any(c in text for c in '"$`\\!'):
        return f'"{text}"'
    return "'" + text.replace("'", "'\\''") + "'"
