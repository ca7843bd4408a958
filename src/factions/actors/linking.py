"""Which knowledge-base actor a name means in one document.

Every actor the name may mean (`KnowledgeBase.candidates`) is scored on what the
document says about it: how the name matched, the name's dates against the
document's date, the candidate's states against the states the document is about,
and its kind against the mention's label and position ("told SANA": an outlet, never
the city of Sanaa). The weights and the threshold are data (`data/linking.toml`);
below the threshold the mention stays unlinked rather than linked wrongly. The
choice between several candidates is kept as the actor's reason.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from factions.kb import KBActor, KnowledgeBase
from factions.lexicons import validated_table


@dataclass(frozen=True)
class Context:
    """What a document says about where and when it is: its date (ISO, any
    precision), the KB ids of the states it is about, and how often it names each KB
    actor unambiguously (for bare names: actors/families.py)."""

    day: str | None
    places: frozenset[str]
    mentioned: dict[str, int] = field(default_factory=dict, hash=False, compare=False)


@dataclass
class Choice:
    actor: KBActor | None  # None: no candidate reached the threshold
    score: float
    reason: str
    contested: bool  # several candidates were scored


@lru_cache(maxsize=1)
def _table() -> dict:
    table = validated_table("linking")
    words = table["speaker"]
    before = "|".join(re.escape(w) for w in sorted(words["before"], key=len, reverse=True))
    after = "|".join(re.escape(w) for w in sorted(words["after"], key=len, reverse=True))
    return {**table, "_before": re.compile(rf"\b(?:{before})\s*$"), "_after": re.compile(rf"^\s*(?:{after})\b")}


def speaker_position(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) stands where a speaker or an outlet stands:
    right after "told", "according to" …, or right before "reported", "said" …."""
    table = _table()
    return bool(table["_before"].search(text[max(0, start - 30) : start].lower())
                or table["_after"].match(text[end : end + 30].lower()))


def document_context(day: str | None, names: list[str], kb: KnowledgeBase) -> Context:
    """The states a document is about: those of the names in it that mean one
    knowledge-base actor only (a state, or an actor or place with `countries`)."""
    places: set[str] = set()
    mentioned: Counter[str] = Counter()
    for name, n in Counter(names).items():
        found = kb.candidates(name)  # an ambiguous name says nothing of where the document is
        if len(found) == 1:
            places |= found[0][0].places()
            mentioned[found[0][0].id] += n
    return Context(day, frozenset(places), dict(mentioned))


def _score(actor: KBActor, how: str, name: str, label: str, tagged: str | None, speaker: bool, context: Context) -> tuple[float, list[str]]:
    w = _table()["weights"]
    score, why = w[how], []
    if actor.id == tagged:
        score += w["tagged"]
    era = actor.name_era(name, context.day)
    score += w[f"time_{era}"]
    if era == "valid":
        why.append(f"'{name}' named it on {context.day}")
    elif era == "outside_alias":
        why.append(f"'{name}' named it only at other times")
    if context.day and actor.ended and actor.ended < context.day[: len(actor.ended)]:
        score += w["ended"]
        why.append(f"it ended in {actor.ended}")
    elif context.day and not actor.exists_on(context.day):
        score += w["ended"]
        why.append(f"it began in {actor.began}")
    places = actor.places()
    if places and context.places:
        if places & context.places:
            score += w["place_match"]
            why.append(f"the document is about {', '.join(sorted(places & context.places))}")
        else:
            score += w["place_other"]
            why.append(f"it belongs to {', '.join(sorted(places))}, not where the document is")
    labels = _table()["kind_labels"].get(actor.kind, [])
    if label in labels:
        score += w["label_fits"]
    elif labels:
        score += w["label_conflicts"]
    if speaker:
        if actor.kind in _table()["speaker"]["kinds_that_cannot_speak"]:
            score += w["speaker_conflicts"]
            why.append(f"a {actor.kind} does not speak")
        else:
            score += w["speaker_fits"]
            why.append("it stands where a speaker or outlet stands")
    return score, why


def choose(kb: KnowledgeBase, name: str, label: str, tagged: str | None, speaker: bool, context: Context) -> Choice | None:
    """The knowledge-base actor `name` means here, None when no actor bears the name,
    or a Choice without an actor when none fits the document well enough."""
    candidates = kb.candidates(name)
    if not candidates:
        return None
    scored = sorted(((*_score(a, how, name, label, tagged, speaker, context), a) for a, how in candidates),
                    key=lambda s: (-s[0], s[2].id != tagged))
    best, why, actor = scored[0]
    threshold = _table()["threshold"]
    others = ", ".join(f"{a.name} {s:.2f}" for s, _, a in scored[1:])
    if best < threshold:
        return Choice(None, best, f"'{name}' fits no knowledge-base actor here (best {actor.name} {best:.2f} < {threshold}"
                      + (f"; {', '.join(why)}" if why else "") + ")", len(scored) > 1)
    reason = f"'{name}' means {actor.name} here ({best:.2f}" + (f" over {others}" if others else "") \
        + (f"; {', '.join(why)}" if why else "") + ")"
    return Choice(actor, best, reason, len(scored) > 1)
