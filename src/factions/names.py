"""One way to fold a name for matching, used by the knowledge-base index, the
mention resolver, the store's `actor_names.norm` column and the queries alike.

anyascii transliterates to ASCII (accents, curly apostrophes, dashes, other
scripts); the rest is data (`data/names.toml`): apostrophes dropped, the article
al-/el-/ash-… and leading honorifics dropped, known variant spellings of a word
(Jaysh/Jaish, Asad/Assad, Qaida/Qaeda, Daish/Daesh) folded to one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from factions.lexicons import validated_table

_NON_WORD = re.compile(r"[^a-z0-9]+")
_INITIALS = re.compile(r"\b(?:[a-z]\.){2,}")
# Characters a mention may be cut at that never begin or end a name.
_DANGLING = "-\u2010\u2011\u2012\u2013\u2014\u2015'\u2018\u2019\u02bc`\u00b4\"\u201c\u201d "


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern, re.Pattern, frozenset[str], frozenset[str], frozenset[str], dict[str, str]]:
    table = validated_table("names")
    apostrophes = re.compile("[" + re.escape("".join(table["apostrophes"])) + "]")
    joined = "|".join(sorted(table["articles"], key=len, reverse=True))
    # ash-Sham, an-Nusra: an assimilated article only before its own letter(s).
    assimilated = "|".join(f"{a}-(?={a[1:]})" for a in sorted(table["assimilated_articles"], key=len, reverse=True))
    article = re.compile(rf"\b(?:(?:{joined})-|{assimilated})")
    return (apostrophes, article, frozenset(table["free_articles"]), frozenset(table["honorifics"]),
            frozenset(table["surname_titles"]), dict(table["variants"]))


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """`name` folded for matching: "Da’esh", "DAESH" and "Daesh" are "daesh";
    "Jaysh al-Islam" and "Jaish al Islam" are "jaish islam"; "Sheikh Dr. Ayman
    al-Zawahri" is "ayman zawahiri"."""
    apostrophes, article, free_articles, honorifics, _, variants = _rules()
    text = apostrophes.sub("", anyascii(name).lower())
    text = _INITIALS.sub(lambda m: m.group().replace(".", ""), text)  # "U.S.-led" is "US-led"
    text = article.sub(" ", text)
    words = [w for w in _NON_WORD.sub(" ", text).split() if w not in free_articles]
    start = 0
    while start < len(words) - 1 and words[start] in honorifics:
        start += 1
    return " ".join(variants.get(w, w) for w in words[start:])


def differ_in_kind(a: str, b: str) -> bool:
    """Whether two folded names differ in a word that tells bodies apart ("northern
    front", "southern front"; "1st division", "2nd division"): a spelling distance
    between them is then no transliteration."""
    words = validated_table("names")["distinguishing_words"]  # a short list, read once (cached)
    changed = set(a.split()) ^ set(b.split())
    return any(w in words or any(c.isdigit() for c in w) for w in changed)


def other_given_name(a: str, b: str) -> bool:
    """Whether two folded names share their last word but not their first: "masrour
    barzani" and "masoud barzani", "maher assad" and "bashar assad" are relatives, not
    spellings of one name. A transliteration keeps the first word's consonants
    ("mohammed" and "muhammad", "mokhtar" and "mukhtar")."""
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wa) != len(wb) or wa[-1] != wb[-1] or wa[0] == wb[0]:
        return False
    return _skeleton(wa[0]) != _skeleton(wb[0])


def _skeleton(word: str) -> str:
    """A word's consonants, doubled letters once: what transliterations of it share."""
    out = []
    for ch in word:
        if ch in "aeiouyw'-" or (out and out[-1] == ch):
            continue
        out.append(ch)
    return "".join(out)


def surname(name: str) -> str:
    """A person's last name, folded, titles dropped ("President Bashar al-Assad":
    "assad"), for matching a later bare surname to the full name."""
    titles = _rules()[4]
    words = [w for w in normalise(name).split() if w not in titles]
    return words[-1] if words else ""


def trim_dangling(text: str) -> tuple[int, int]:
    """How many characters to cut from the start and the end of a mention's text so
    that it neither begins nor ends with a hyphen, dash, apostrophe or quote
    ("-Assad forces", "Coalition-", "'s forces"): (cut at start, cut at end)."""
    lead = len(text) - len(text.lstrip(_DANGLING))
    if text[lead:].lower().startswith("s ") and lead:  # "'s forces": the possessive's "s" too
        lead += 2
    rest = text[lead:]
    if rest.endswith(("'s", "\u2019s")):
        rest = rest[:-2]
    tail = len(text) - lead - len(rest.rstrip(_DANGLING))
    return lead, tail
