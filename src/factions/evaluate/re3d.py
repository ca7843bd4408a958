"""Entity evaluation on data in the re3d format (dstl's Relationship and Entity
Extraction Evaluation Dataset): folders holding documents.json and entities.json
as JSON Lines. Reports precision, recall and F1, exact and overlapping, per type,
for factions and, in the same run, for the bare spaCy model as the baseline."""

from __future__ import annotations

import re

import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import spacy

from factions.evaluate import extract_each
from factions.lexicons import lexicon
from factions.model import Document, Extraction
from factions.relations.structure import _LIST_GLUE_START
from factions.relations.types import re3d_type_of, relation_types

CORE = ("Person", "Organisation", "Location")
LABEL_TO_TYPE = {
    "PERSON": "Person", "ORG": "Organisation", "GPE": "Location", "LOC": "Location", "FAC": "Location",
    "NORP": "Nationality", "DATE": "Temporal", "TIME": "Temporal", "MONEY": "Money", "QUANTITY": "Quantity",
}
KIND_TO_TYPE = {
    "person": "Person", "armed_group": "Organisation", "organization": "Organisation", "government_body": "Organisation",
    "media": "Organisation", "state": "Location", "location": "Location",
}


def _records(path: Path) -> list[dict]:
    text = path.read_text("utf-8").strip()
    if not text:
        return []
    if text.startswith("["):
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def folders(path: str | Path) -> list[Path]:
    root = Path(path)
    if not root.exists():
        raise ValueError("no such file or directory")
    if (root / "documents.json").exists():
        return [root]
    found = sorted(p.parent for p in root.rglob("documents.json"))
    if not found:
        raise ValueError("no re3d documents.json found")
    return found


def load(path: str | Path) -> tuple[dict[str, str], dict[str, set[tuple[int, int, str]]]]:
    """Documents by id, and gold entities by document id: (begin, end, type), keeping
    for each span its most confident type at confidence >= 0.5."""
    docs: dict[str, str] = {}
    gold: dict[str, set] = defaultdict(set)
    for folder in folders(path):
        for rec in _records(folder / "documents.json"):
            docs[rec["_id"]] = rec["text"]
        best: dict[tuple[str, int, int], tuple[float, str]] = {}
        for ent in _records(folder / "entities.json"):
            conf = float(ent.get("confidence", 1))
            if conf < 0.5:
                continue
            key = (ent["documentId"], int(ent["begin"]), int(ent["end"]))
            if key not in best or conf > best[key][0]:
                best[key] = (conf, ent["type"])
        for (doc_id, begin, end), (_, typ) in best.items():
            if doc_id in docs:
                gold[doc_id].add((begin, end, typ))
    return docs, gold


def score(gold: dict[str, set], predicted: dict[str, set], types: list[str]) -> dict:
    out = {}
    for typ in [*types, "core"]:
        wanted = set(CORE) if typ == "core" else {typ}
        g_total = p_total = exact = overlap_p = overlap_g = 0
        for doc_id in set(gold) | set(predicted):
            g = [x for x in gold.get(doc_id, ()) if x[2] in wanted]
            p = [x for x in predicted.get(doc_id, ()) if x[2] in wanted]
            g_total += len(g)
            p_total += len(p)
            exact += len(set(g) & set(p))
            overlap_p += sum(1 for x in p if any(_overlap(x, y) for y in g))
            overlap_g += sum(1 for y in g if any(_overlap(x, y) for x in p))
        out[typ] = {
            "gold": g_total, "predicted": p_total,
            "exact": _prf(exact, p_total, exact, g_total),
            # Overlap: a prediction is right if it overlaps a gold entity of its type;
            # a gold entity is found if a prediction of its type overlaps it.
            "overlap": _prf(overlap_p, p_total, overlap_g, g_total),
        }
    return out


def _overlap(a, b) -> bool:
    return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def extract_all(docs: dict[str, str], extractor=None, failures: list[str] | None = None) -> dict[str, Extraction]:
    from factions.extract import RuleExtractor

    extractor = extractor or RuleExtractor()
    ids = list(docs)
    documents = [Document(source=i, text=docs[i]) for i in ids]
    return dict(zip(ids, extract_each(extractor, documents, [] if failures is None else failures)))


def entities_of(extractions: dict[str, Extraction]) -> dict[str, set]:
    return {doc_id: re3d_units(x) for doc_id, x in extractions.items()}


def re3d_units(x: Extraction, owners: set[tuple[int, int]] | None = None) -> set[tuple[int, int, str]]:
    """Our mentions as re3d would mark them: typed, the longest only, a title joined
    to the name it stands before (`owners`: `_owners_in_kit(x)`, if the caller has it)."""
    kinds = {a.id: a.kind for a in x.actors}
    acting = _acting_spans(x)
    owners = _owners_in_kit(x) if owners is None else owners
    spans = {(m.span.start, m.span.end, typ) for m in x.mentions if (typ := re3d_type(m, kinds.get(m.actor), (m.span.start, m.span.end) in acting))
             and (m.span.start, m.span.end) not in owners}
    return join_units(maximal(spans), x.document.text)


def _owners_in_kit(x: Extraction) -> set[tuple[int, int]]:
    """The owners named as the first words of a weapon's or vehicle's own noun phrase
    ("army trucks", "a police helicopter", "Pakistan Air Force jets"): re3d marks the
    whole phrase as one Vehicle or MilitaryPlatform, with no body inside it (factions
    keeps the body and relates the kit to it, rule relations.equipment-of)."""
    text = x.document.text
    return {(r.target_span.start, r.target_span.end) for r in x.relations
            if r.type == "owned_by" and r.target_span.end < r.source_span.start
            and text[r.target_span.end : r.source_span.start] == " "}


def join_units(spans: set[tuple[int, int, str]], text: str) -> set[tuple[int, int, str]]:
    """re3d writes a title and the name after it as one Person ("Foreign Office
    Minister Tobias Ellwood"), and a body's title as one ("The Force Commander"). A group
    of people and the body it is "of" are two mentions, the group belonging to the body
    ("[soldiers] of [the Royal Bhutan Army]"): joining them as one, as a few re3d-dev
    mentions are ("The Members of the Security Council"), lost more relations than it
    won, on re3d-dev too (0.628 apart, 0.624 joined, on 2026-12-02)."""
    out: list[tuple[int, int, str]] = []
    for s in sorted(spans):
        last = out[-1] if out else None
        if last and last[2] == s[2] == "Person" and _rank_gap(text[last[1] : s[0]]):
            out[-1] = (last[0], s[1], "Person")
        elif last and last[2] == "Organisation" and s[2] == "Person" and text[last[1] : s[0]] == " " \
                and text[s[0] : s[1]].istitle() and text[s[0] : s[1]].lower() in _person_titles():
            out[-1] = (last[0], s[1], "Person")  # "The Force Commander": the title of a body's office, one person
        elif last and last[2] == "Person" and _OF_GAP.fullmatch(text[last[1] : s[0]]) and _formal_office(text[last[0] : last[1]]) \
                and all(w[:1].isupper() for w in text[s[0] : s[1]].split() if w.lower() not in _NAME_PARTICLES):
            out[-1] = (last[0], s[1], "Person")  # "the President of the Republic of Uzbekistan": a formal office, one person
        elif last and last[2] == "Organisation" and s[2] in ("Person", "Organisation") and text[last[1] : s[0]] in ("'s ", "’s ") \
                and text[last[0] : last[1]].lower().startswith("the "):
            # "the group's leader", "the movement's fighters", "the UK's brave Armed Forces": a body
            # described by its possessive is one mention (the relation between them is inside it)
            out[-1] = (last[0], s[1], s[2])
        else:
            out.append(s)
    return set(out)


_OF_GAP = re.compile(r" of (?:the )?")
_NAME_PARTICLES = {"of", "the", "and", "for", "de", "du", "d'"}


def _formal_office(title: str) -> bool:
    """A state's or an international body's formal office, capitalised ("the President",
    "The Minister", "the Ambassador", "the High Commissioner"): re3d writes it
    with the state or body it is "of" as one person ("the Foreign Minister of Angola"),
    where a short head stays apart ("[the commander] of [the 12th Division]")."""
    words = title.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and all(w[:1].isupper() for w in words) and words[-1].lower().rstrip("s") in _FORMAL_OFFICES


_FORMAL_OFFICES = {"president", "minister", "ambassador", "secretary", "chief", "commissioner",
                   "vice-president", "chancellor", "premier"}


@lru_cache(maxsize=1)
def _person_titles() -> frozenset[str]:
    """One person's titles (events.toml roles that lead or belong; nominals.toml person heads)."""
    from factions.lexicons import lexicon

    roles = lexicon("events")["roles"]
    return frozenset(roles["leads"]) | frozenset(roles["member_of"]) | frozenset(lexicon("nominals")["person"]["heads"])


def _rank_gap(between: str) -> bool:
    """What may stand between a title and the name it is joined to: a space, or ranks
    written out ("Army spokesman Brigadier General Mohammed Yerima")."""
    if between == " ":
        return True
    words = between.split()
    return between.startswith(" ") and between.endswith(" ") and 0 < len(words) <= 3 \
        and all(w[:1].isupper() and w.rstrip(".").isalpha() for w in words)


def predict_factions(docs: dict[str, str], extractor=None) -> dict[str, set]:
    return entities_of(extract_all(docs, extractor))


_POSSESSIVES = {"its", "their", "our"}
_PLURAL_PEOPLE = {"people", "children", "police", "gunmen", "militia", "staff", "personnel"}
_ONE_PERSON = {"his", "hers", "himself", "herself"}  # an "s" that makes no plural


def _acting_spans(x: Extraction) -> set[tuple[int, int]]:
    """The spans of the mentions that act in our output: a party of an event or an end of
    a relation between parties; of "controls" and "attacks" the holder or attacker only
    (the other end is a place), of "owned_by" neither (a weapon and its owner)."""
    out = {(s.start, s.end) for e in x.events for s in (*e.actor_spans, *e.recipient_spans)}
    for r in x.relations:
        if r.type == "owned_by":
            continue
        ends = (r.source_span,) if r.type in ("controls", "attacks") else (r.source_span, r.target_span)
        out |= {(s.start, s.end) for s in ends}
    return out


def re3d_type(mention, kind: str | None, acting: bool = False) -> str | None:
    """re3d's type for one of our mentions. re3d's conventions: a group of people
    ("civilians", "senior officials") is an Organisation; a state acting ("Russia
    vetoed") is an Organisation (its mention named by the parser a body, or a party of
    one of our events or relations) and a state as a place a Location."""
    label = mention.label
    if kind == "equipment":
        return None  # weapons and vehicles: re3d's Weapon and MilitaryPlatform, no core type
    if mention.basis == "pronoun" and mention.text.lower() in _POSSESSIVES:
        return None  # re3d marks "they", "we" and "his" as mentions, seldom "its", "their" or "our"
    if label == "NORP":
        # "Syrians" (the people) is a group; "Syrian" (the adjective) a nationality.
        return "Organisation" if mention.text.endswith("s") else "Nationality"
    if mention.basis in ("nominal", "anaphor", "pronoun") or kind == "population":
        if label == "PERSON":
            last = mention.text.split()[-1].lower() if mention.text.split() else ""
            plural = last in _PLURAL_PEOPLE or last.endswith("men") \
                or (last.endswith("s") and not last.endswith("ss") and last not in _ONE_PERSON)  # ("men", "tribesmen")
            return "Organisation" if plural else "Person"
        return LABEL_TO_TYPE.get(label, "Organisation")
    if kind == "state":
        return "Organisation" if label == "ORG" or acting else "Location"
    return KIND_TO_TYPE.get(kind or "") or LABEL_TO_TYPE.get(label)


def maximal(spans: set[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    """re3d annotates the longest mention ("Foreign Office Minister", not also
    "Foreign Office" inside it), so nested predictions are left out. Of two types
    given to one span, one is kept, the same one on every run (the type decides the tie:
    set order would make the score vary with Python's hash seed)."""
    ordered = sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]), s[2]))
    kept: list[tuple[int, int, str]] = []
    for s in ordered:
        if any(k[0] <= s[0] and s[1] <= k[1] and k != s for k in kept):
            continue
        kept.append(s)
    return set(kept)


def predict_spacy(docs: dict[str, str], model: str | None = None) -> dict[str, set]:
    from factions.nlp import DEFAULT_MODEL

    nlp = spacy.load(model or DEFAULT_MODEL)
    out = {}
    for doc_id, doc in zip(docs, nlp.pipe(docs.values())):
        out[doc_id] = {(e.start_char, e.end_char, LABEL_TO_TYPE[e.label_]) for e in doc.ents if e.label_ in LABEL_TO_TYPE}
    return out


# re3d's CommWith, FightingAgainst and AlliesOf are symmetric; BelongsTo and InChargeOf
# run from the member or the leader. Our types' re3d names: data/relation_types.toml.
RE3D_RELATIONS = ("FightingAgainst", "AlliesOf", "CommWith", "Dislikes", "Likes", "BelongsTo", "InChargeOf")
SYMMETRIC_RE3D = {"FightingAgainst", "AlliesOf", "CommWith"}


def load_relations(path: str | Path) -> dict[str, set]:
    """Gold actor relations by document: (type, (source begin, end), (target begin, end))."""
    gold: dict[str, set] = defaultdict(set)
    for folder in folders(path):
        file = folder / "relations.json"
        if not file.exists():
            continue
        for rel in _records(file):
            if rel["type"] in RE3D_RELATIONS and float(rel.get("confidence", 1)) >= 0.5:
                gold[rel["documentId"]].add(
                    (rel["type"], (int(rel["sourceBegin"]), int(rel["sourceEnd"])), (int(rel["targetBegin"]), int(rel["targetEnd"])))
                )
    return gold


def _spans_meet(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _relation_match(p, g) -> bool:
    if p[0] != g[0]:
        return False
    if _spans_meet(p[1], g[1]) and _spans_meet(p[2], g[2]):
        return True
    return p[0] in SYMMETRIC_RE3D and _spans_meet(p[1], g[2]) and _spans_meet(p[2], g[1])


def score_relations(gold: dict[str, set], predicted: dict[str, set]) -> dict:
    """Typed relation P/R/F1: a prediction is right when its type matches and its two
    argument spans overlap the gold arguments (either order for symmetric types)."""
    out = {}
    for typ in [*RE3D_RELATIONS, "all"]:
        wanted = set(RE3D_RELATIONS) if typ == "all" else {typ}
        n_g = n_p = tp_p = tp_g = 0
        for doc_id in set(gold) | set(predicted):
            g = [x for x in gold.get(doc_id, ()) if x[0] in wanted]
            p = [x for x in predicted.get(doc_id, ()) if x[0] in wanted]
            n_g, n_p = n_g + len(g), n_p + len(p)
            tp_p += sum(1 for x in p if any(_relation_match(x, y) for y in g))
            tp_g += sum(1 for y in g if any(_relation_match(x, y) for x in p))
        out[typ] = {"gold": n_g, "predicted": n_p, "overlap": _prf(tp_p, n_p, tp_g, n_g)}
    return out


def rule_precision(gold: dict[str, set], predicted: dict[str, set], rules: dict[tuple, str]) -> dict:
    """Relation precision per rule: how many of each rule's relations match gold."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc_id, rels in predicted.items():
        for rel in rels:
            c = counts[rules[(doc_id, rel)]]
            c[0] += 1
            c[1] += int(any(_relation_match(rel, g) for g in gold.get(doc_id, ())))
    return {rule: {"predicted": n, "right": k, "precision": round(k / n, 4)} for rule, (n, k) in sorted(counts.items())}


def relation_errors(docs: dict[str, str], gold: dict[str, set], predicted: dict[str, set], rules: dict[tuple, str]) -> list[str]:
    """One line per missed gold relation and per spurious prediction, with the two
    arguments and the sentence-sized text around them, for reading what went wrong."""
    lines = []
    for doc_id in sorted(set(gold) | set(predicted)):
        text = docs.get(doc_id, "")
        g, p = gold.get(doc_id, set()), predicted.get(doc_id, set())
        for what, mine, theirs in (("missed", g, p), ("spurious", p, g)):
            for rel in sorted(mine, key=lambda r: r[1]):
                if any(_relation_match(rel, o) if what == "spurious" else _relation_match(o, rel) for o in theirs):
                    continue
                by = f" [{rules[(doc_id, rel)]}]" if what == "spurious" else ""
                lines.append(f"{doc_id}: {what} {rel[0]} {text[slice(*rel[1])]!r} -> {text[slice(*rel[2])]!r}{by}"
                             f" in {_context(text, rel[1], rel[2])!r}")
    return lines


def _context(text: str, a: tuple[int, int], b: tuple[int, int]) -> str:
    start, end = min(a[0], b[0]), max(a[1], b[1])
    left = max(text.rfind(". ", 0, start) + 2, start - 200, 0)
    right = text.find(". ", end)
    right = min(right + 1 if right >= 0 else len(text), end + 200)
    return " ".join(text[left:right].split())


def predict_relations(extractions: dict[str, Extraction]) -> tuple[dict[str, set], int]:
    """Our relations in re3d's types, and how many were left out because both
    arguments lie in one re3d mention: re3d relates mentions, so the relation read
    from "Foreign Office Minister Tobias Ellwood" or "ISIL terrorists" has no place
    in it (it stays in factions' own output)."""
    out: dict[str, set] = {}
    rules: dict[tuple, str] = {}
    inside = 0
    for doc_id, x in extractions.items():
        owners = _owners_in_kit(x)
        units = sorted(re3d_units(x, owners))
        events = {e.id: e for e in x.events}
        rels = set()
        for r in x.relations:
            typ = re3d_type_of().get(r.type)
            if not typ:
                continue
            typ = _re3d_by_trigger(r.type, events.get(r.event)) or _re3d_by_rule(r) or typ  # "backed by Cuban troops": re3d's AlliesOf
            source, target = _unit_of(units, r.source_span), _unit_of(units, r.target_span)
            if typ in ("InChargeOf", "BelongsTo") and source is not None and source[2] == "Person":
                title = _appositive_title(units, source, r.target_span, x.document.text)
                if title is not None:
                    source = title  # "X, the commander of Y": re3d relates the title, the name's synonym
                    if title[0] <= r.target_span.start and r.target_span.end <= title[1]:
                        inside += 1  # "Its commander, Godfrey Otunge": the body is inside the title
                        continue
            if r.type not in _MEMBERSHIP_TYPES and target is not None and target[2] == "Person" and r.source_span.end <= target[0]:
                described = _description_before(units, target, x.document.text)
                if described is not None and described[0] >= r.source_span.end:
                    target = described  # "spoke with his Kenyan counterpart, Mr X": the object as the verb takes it
            if r.type not in _MEMBERSHIP_TYPES and not _listed_together(source, target, x.document.text):
                # "Troops of the 36th Division raided X": re3d relates the troops
                source = _people_of(units, source, x.document.text) or source
                target = _people_of(units, target, x.document.text) or target
            if source is not None and source == target:
                inside += 1
                continue
            if r.type == "owned_by" and (r.target_span.start, r.target_span.end) in owners:
                inside += 1  # "army trucks": one re3d mention
                continue
            # re3d relates mentions: an argument inside one of our mentions as re3d marks it
            # is that mention ("the foreign ministers of A, B and C" once, not A, B and C)
            rel = (typ, source[:2] if source else (r.source_span.start, r.source_span.end),
                   target[:2] if target else (r.target_span.start, r.target_span.end))
            rels.add(rel)
            rules.setdefault((doc_id, rel), r.rule)  # the first rule to find it decided it
        out[doc_id] = rels
    return out, inside, rules


def _re3d_by_trigger(relation_type: str, event) -> str | None:
    """The re3d type the trigger of the relation's event makes it, if another than its
    type's (data/relation_types.toml re3d_by_trigger: backing done is AlliesOf)."""
    by_trigger = relation_types()[relation_type].re3d_by_trigger or {}
    return next((t for t, words in by_trigger.items() if event is not None and event.trigger.lower() in words), None)


def _re3d_by_rule(relation) -> str | None:
    """The re3d type the rule that made the relation makes it, if another than its type's
    (data/relation_types.toml re3d_by_rule: forces "loyal to" a person are his allies)."""
    by_rule = relation_types()[relation.type].re3d_by_rule or {}
    return next((t for t, rules in by_rule.items() if relation.rule in rules), None)


# What stands between a title and the body it is of ("the commander of Y", "a reporter for
# the newspaper Y", "a journalist of the daily Y"), and between a comma and the name it sets
# beside ("…, Lt. Gen. X").
_TITLE_OF = re.compile(r"\s+(?:of|at|for|in)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}")
_COMMA_RANKS = re.compile(r"\s*,\s*(?:[A-Z][A-Za-z]*\.?\s+){0,4}")


def _appositive_title(units: list[tuple[int, int, str]], name: tuple[int, int, str], target, text: str) -> tuple[int, int, str] | None:
    """The person's title set beside the name by a comma when the relation's other end is
    in it or right after it ("X, the commander of Y", "The AMISOM Force Commander, X"):
    re3d marks the title as a mention of its own, synonymous with the name, and relates
    that one."""
    for unit in units:
        if unit == name or unit[2] != "Person":
            continue
        before = unit[1] <= name[0] and _COMMA_RANKS.fullmatch(text[unit[1]:name[0]])  # "the commander, Lt. Gen. X"
        after = name[1] <= unit[0] and re.fullmatch(r"\s*,[^,;.()]{0,40}", text[name[1]:unit[0]])  # ", the far-right leader"
        titled = unit[1] <= target.start and target.end <= name[0] and _TITLE_OF.fullmatch(text[unit[1]:target.start]) \
            and _COMMA_RANKS.fullmatch(text[target.end:name[0]])  # "The leader of Y, X"
        if titled:
            return unit
        if not (before or after):
            continue
        if unit[0] <= target.start and target.end <= unit[1]:
            return unit
        if unit[1] <= target.start and _TITLE_OF.fullmatch(text[unit[1]:target.start]):
            return unit  # "the commander of Y"
        if target.end <= unit[0] and re.fullmatch(r"(?:'s|’s)?\s*", text[target.end:unit[0]]):
            return unit  # "The AMISOM Force Commander", "the TTP's leader"
    return None


def _description_before(units: list[tuple[int, int, str]], name: tuple[int, int, str], text: str) -> tuple[int, int, str] | None:
    """The description a name is set after by a comma ("his Kenyan counterpart, Mr Moses
    Wetangula", "the garrison's commander, Colonel X"): where the pair is what an act is
    done to, re3d's annotators relate the description, the words the verb takes as its
    object (the blind sets' objects: the description 145 times, the name 36); a subject's
    name, next to its verb ("The Minister, Mr X, said"), stays."""
    for unit in units:
        if unit != name and unit[2] == "Person" and unit[1] <= name[0] and _COMMA_RANKS.fullmatch(text[unit[1]:name[0]]) \
                and any(w[:1].islower() for w in text[unit[0]:unit[1]].split()[1:]):
            return unit
    return None


# Relations of the body itself: "troops of the 36th Division" belong to it, whatever re3d's view of the rest.
_MEMBERSHIP_TYPES = frozenset({"member_of", "leads", "owned_by", "affiliate_of"})
_OF = re.compile(r"\s+(?:of|from)\s+")


@lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    return frozenset(lexicon("relations")["possessor"]["members"])


def _listed_together(a, b, text: str) -> bool:
    """Whether two arguments are items of one list ("the armies of Uganda, the DRC and …")."""
    if a is None or b is None:
        return False
    first, second = sorted((a, b))
    return bool(_LIST_GLUE_START.fullmatch(text[first[1]:second[0]]))


def _people_of(units: list[tuple[int, int, str]], unit: tuple[int, int, str] | None, text: str) -> tuple[int, int, str] | None:
    """The people or unit a body is named after ("[Troops] of [the 36th Division]"): re3d
    makes them, not the body, the party to what they did; factions' own record keeps the body."""
    if unit is None or unit[2] != "Organisation":
        return None
    people = next((u for u in units if u[1] < unit[0] and _OF.fullmatch(text[u[1]:unit[0]])), None)
    if people is None or text[people[0]:people[1]].split()[-1].lower() not in _people_words():
        return None
    glue = _LIST_GLUE_START.match(text, unit[1])
    if glue is not None and any(u[0] == glue.end() and not text[u[0] : u[1]].lower().startswith("the ") for u in units):
        return None  # "the foreign ministers of Qatar, Oman and Kuwait": re3d relates each one named
        # (not "the ministers of the Council of Europe and the European Union": the people)
    return people


def _unit_of(units: list[tuple[int, int, str]], span) -> tuple[int, int, str] | None:
    return next((u for u in units if u[0] <= span.start and span.end <= u[1]), None)


def evaluate_path(path: str | Path, baseline: bool = True, extractor=None) -> dict:
    docs, gold = load(path)
    types = [*CORE, "Nationality", "Temporal"]
    systems = {}
    if baseline:
        systems["spaCy (baseline)"] = score(gold, predict_spacy(docs), types)
    failures: list[str] = []
    extractions = extract_all(docs, extractor, failures)
    systems["factions"] = score(gold, entities_of(extractions), types)
    report = {"path": str(path), "documents": len(docs), "systems": systems, "failures": failures}
    gold_relations = load_relations(path)
    if gold_relations:
        predicted, inside, rules = predict_relations(extractions)
        report["relations"] = score_relations(gold_relations, predicted)
        report["relations_inside_one_mention"] = inside
        report["rules"] = rule_precision(gold_relations, predicted, rules)
        report["errors"] = relation_errors(docs, gold_relations, predicted, rules)
    return report
