"""A demonym before a state official's title names the state: "Lebanese President
Joseph Aoun" is Lebanon's president, "the Turkish foreign minister" Turkey's, and
before arms that strike it names who fired them ("a Russian missile hit a hospital"). Elsewhere
("Syrian refugees", "an Iraqi researcher") it describes people and stays unlinked; a
state's forces and bodies are the families' (actors/families.py). A state's capital
that acts names the state too ("Kinshasa accused Kigali"), where as a place it stays
one. The words are data (data/demonyms.toml, validated by data/schema/demonyms.schema.json).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from factions.kb import KnowledgeBase
from factions.lexicons import validated_table
from factions.nlp.tokens import opens_dateline


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], frozenset[str]]:
    data = validated_table("demonyms")
    states = {adjective: state for state, adjectives in data["states"].items() for adjective in adjectives}
    return states, frozenset(data["heads"]["words"])


@lru_cache(maxsize=1)
def _posts() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    heads = validated_table("demonyms")["heads"]
    return (frozenset(heads.get("kind_posts", ())), frozenset(heads.get("post_kinds", ())), frozenset(heads.get("view_preps", ())),
            frozenset(heads.get("civil_kinds", ())))


@lru_cache(maxsize=1)
def _arms() -> frozenset[str]:
    return frozenset(validated_table("demonyms")["heads"].get("arms", ()))


def _strikes(arms: Token) -> bool:
    """Arms that are what strikes: their verb's subject, or its agent ("hit by a missile")."""
    return arms.dep_ == "nsubj" or (arms.dep_ == "pobj" and arms.head.dep_ == "agent")


def state_named_by(ent: SpacySpan, kb: KnowledgeBase) -> str | None:
    """The KB id of the state a demonym entity names, when the noun it modifies is an
    official's title, an act of war or a post its forces man; None otherwise."""
    states, heads = _table()
    state = states.get(ent.text)
    if state is None or kb.get(state) is None:
        return None
    root = ent.root
    head = root.head
    # "Lebanese President", "the Iraqi foreign minister"; not "the Saudi-led coalition" (hyphenated)
    if root.dep_ not in ("amod", "compound", "nmod") or head.i <= ent.end - 1 or head.i > ent.end + 3:
        return None
    if ent.end < len(ent.doc) and ent.doc[ent.end].text in "-‐‑":
        return None
    # lemmas, and words as written where only one form is the state's: "Ukrainian positions",
    # not "the British position" (a view)
    words = [w for t in ent.doc[ent.end : head.i + 1] for w in (t.lemma_.lower(), t.lower_)]
    kind_posts, post_kinds, view_preps, civil_kinds = _posts()
    if head.lemma_.lower() == "position" and any(c.dep_ == "prep" and c.lower_ in view_preps for c in head.children):
        return None  # "Chinese positions on trade": views (an "Israeli strike on a car" is no view)
    if any(w in civil_kinds for w in words):
        return None  # "a Jordanian aid convoy": no force's
    if head.lemma_.lower() in _arms():  # "a Russian missile hit a hospital", not "destroyed a Russian tank"
        return state if _strikes(head) else None
    if head.lemma_.lower() in kind_posts:  # "an Israeli army post", not "a Russian post on Telegram"
        return state if any(w in post_kinds for w in words) else None
    return state if any(w in heads for w in words) else None


def is_demonym(word: str) -> bool:
    """Whether a word is a state's nationality adjective ("Ukrainian", "Chadian")."""
    return word in _table()[0]


def state_of_demonym(word: str, kb: KnowledgeBase) -> str | None:
    """The KB id of the state a demonym names ("Turkish": Turkey), if the KB holds it."""
    state = _table()[0].get(word)
    return state if state is not None and kb.get(state) is not None else None


def state_of_capital(ent: SpacySpan, kb: KnowledgeBase, acts: bool) -> str | None:
    """The KB id of the state whose capital `ent` names, when it acts (`acts`: a
    subject, possessor, "by"/"with"/"between" X) or is the object of a verb said of
    governments ("accused Kigali"); None otherwise."""
    root, doc = ent.root, ent.doc
    if not acts and not (root.dep_ == "dobj" and root.head.lemma_.lower() in _capital_verbs()):
        return None
    if ent.text.isupper() or (ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].ent_type_ in ("DATE", "GPE")) \
            or opens_dateline(ent):
        return None  # a dateline, "Mogadishu, 9 March 2020 –", "BAGHDAD, Iraq —", "Damascus, SANA –": where it was written
    from factions.places.gazetteer import place_key

    return _capitals(kb).get(place_key(ent.text))


@lru_cache(maxsize=1)
def _capital_verbs() -> frozenset[str]:
    return frozenset(validated_table("demonyms")["capitals"]["object_of"])


_CAPITALS: dict[int, dict[str, str]] = {}


def capital_keys(kb: KnowledgeBase) -> frozenset[str]:
    """The place keys (places.gazetteer.place_key) of the KB states' capitals."""
    return frozenset(_capitals(kb))


def _capitals(kb: KnowledgeBase) -> dict[str, str]:
    """The place key of each KB state's capital -> the state's KB id (the gazetteer's
    country table names the capitals)."""
    found = _CAPITALS.get(id(kb))
    if found is None:
        from factions.places.gazetteer import gazetteer, place_key

        g = gazetteer()
        found = {}
        for actor in (a for a in kb.actors.values() if a.kind == "state"):
            code = g.country_code(actor.name)
            capital = (g.countries.get(code) or {}).get("capital") if code else None
            if capital:
                found.setdefault(place_key(capital), actor.id)
        _CAPITALS.clear()
        _CAPITALS[id(kb)] = found
    return found
