"""Finding the few tokens a rule cares about without walking the whole Doc."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from factions.lexicons import lexicon


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once per Doc: `Doc.text` joins a new Token per word on every
    access, which the rules that read it per event or per component paid for again
    each time. `analyze` stores the text it hands the model; a Doc made elsewhere gets
    its own on first use (a Doc's text never changes once tokenised)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


@lru_cache(maxsize=64)
def _ids(words: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


def _token_values(doc: Doc) -> list[tuple[list[int], np.ndarray]]:
    """For each of LOWER, LEMMA and DEP: the distinct string ids in the Doc and, per
    token, the index of its own among them. Read once per Doc (factions' components
    change entities only, after `factions_clause_repairs` has mended the parse and
    before anything reads these), so that each rule's scan tests a few hundred distinct
    words against its set, not every token against every word of a lexicon."""
    found = doc.user_data.get("factions_token_values")
    if found is None:
        arr = doc.to_array([LOWER, LEMMA, DEP])
        found = doc.user_data["factions_token_values"] = [
            (distinct.tolist(), which) for distinct, which in (np.unique(arr[:, k], return_inverse=True) for k in range(3))]
    return found


def tokens_where(doc: Doc, lemmas: frozenset[str] = frozenset(), lowers: frozenset[str] = frozenset(),
                 deps: frozenset[str] = frozenset()) -> list[Token]:
    """The tokens whose lemma (lower-cased), lower form or dependency label is among
    those given, found on the Doc's arrays: making a Token object for every word of
    every rule's scan costs more than the rules themselves."""
    lower, lemma, dep = _token_values(doc)

    def among(column: tuple[list[int], np.ndarray], words: frozenset[str]) -> np.ndarray:
        distinct, which = column
        ids = _ids(words)
        return np.array([v in ids for v in distinct], dtype=bool)[which]

    hit = np.zeros(len(doc), dtype=bool)
    if lowers:
        hit |= among(lower, lowers)
    if lemmas:
        # Lemmas keep their case ("Shabaab"); rule lexicons are lower case, so a
        # capitalised word is matched on its lower form too.
        hit |= among(lemma, lemmas) | among(lower, lemmas)
    if deps:
        hit |= among(dep, deps)
    return [doc[int(i)] for i in np.flatnonzero(hit)]


class Tree:
    """The parse as plain integers, built once per Doc: heads, children, dependency
    labels and coarse tags, so that walks over phrases make no Token objects."""

    def __init__(self, doc: Doc):
        arr = doc.to_array([HEAD, DEP, POS])
        n = len(doc)
        self.heads = (np.arange(n) + arr[:, 0].astype(np.int64)).tolist()
        self.deps = _labels(doc, arr[:, 1])
        self.pos = _labels(doc, arr[:, 2])
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.heads):
            if h != i:
                self.children[h].append(i)


def _labels(doc: Doc, ids: np.ndarray) -> list[str]:
    """The strings of a column of ids, each distinct one looked up once."""
    distinct, which = np.unique(ids, return_inverse=True)
    strings = doc.vocab.strings
    return np.array([strings[int(d)] for d in distinct], dtype=object)[which].tolist()


def tree(doc: Doc) -> Tree:
    found = doc.user_data.get("factions_tree")
    if found is None:
        found = doc.user_data["factions_tree"] = Tree(doc)
    return found


def object_of(token: Token, preposition: str = "of") -> Token | None:
    """The object of the token's own preposition: "Mosul" for "the fall [of Mosul]"."""
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == preposition), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


@lru_cache(maxsize=1)
def _asking_verbs() -> frozenset[str]:
    """Verbs after which a purpose infinitive is what the one asked or ordered is to do."""
    return frozenset(lexicon("events")["participants"]["request_verbs"]) | frozenset(lexicon("stances")["ordered"]["verbs"])


@lru_cache(maxsize=1)
def _demand_nouns() -> frozenset[str]:
    """Nouns of a demand whose addressee is to act (events.toml participants demand_nouns)."""
    return frozenset(lexicon("events")["participants"]["demand_nouns"])


@lru_cache(maxsize=1)
def _granting_verbs() -> frozenset[str]:
    """Verbs after which a purpose infinitive is what the one given the means is to do."""
    return frozenset(lexicon("events")["participants"]["granting_verbs"])


def asked_of(infinitive: Token) -> list[Token]:
    """Whom an infinitive with no subject of its own is about, when it completes a verb
    that asks or makes someone do it: the object before it ("urged the groups to
    unite", "trained the army to fight IS") or the one called on ("called on the
    government to work with Chad"; the parse may hang "called on X, to …" as a purpose
    clause, which counts only after a verb of asking or ordering, events.toml request_verbs
    and stances.toml [ordered] verbs: "directed the police to protect the consulate"), or
    the one given the means to do it ("granted the army money to fight IS": events.toml
    granting_verbs), or the one a demand is addressed to ("issued an ultimatum to the rebels to
    surrender": events.toml demand_nouns)."""
    governing = infinitive.head
    if governing.pos_ != "VERB" or governing.lemma_.lower() in ("use", "employ"):
        return []  # ("used drones to attack the base": the drones are the means; the subject acts)
    purpose = infinitive.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children)
    if purpose and governing.lemma_.lower() in _granting_verbs():
        # "granted the army money to fight", "provided the police with drones to …", "gave arms to the militia to …"
        given = [c for c in governing.children if c.dep_ == "dative" and c.i < infinitive.i]
        if not given and any(c.dep_ == "prep" and c.lower_ == "with" for c in governing.children):
            given = [c for c in governing.children if c.dep_ == "dobj" and c.i < infinitive.i]
        given = given or [o for c in governing.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" and c.i < infinitive.i
                          for o in c.children if o.dep_ == "pobj"]
        return given
    if purpose and any(c.dep_ == "dobj" and c.lemma_.lower() in _demand_nouns() for c in governing.children):
        # "issued an ultimatum to the rebels to surrender": the one the demand is addressed to
        return [o for c in governing.children if c.dep_ in ("dative", "prep") and c.lower_ == "to" and c.i < infinitive.i
                for o in c.children if o.dep_ == "pobj"]
    if not (infinitive.dep_ == "xcomp" or (purpose and governing.lemma_.lower() in _asking_verbs())):
        return []
    asked = [c for c in governing.children if c.dep_ == "dobj" and c.i < infinitive.i]
    # (the "on" after the verb, naming no time: "On 3 May, rebels began to shell the town" is
    # no call on a day)
    asked += [o for c in governing.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and governing.i < c.i < infinitive.i
              for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]
    return asked


def unrealised(verb: Token) -> bool:
    """Whether a verb names an act aimed at, asked for or ordered, not one done: an
    infinitive ("operations to free the city", "called on the authorities to arrest
    the smugglers", "was ordered to recover the weapons") unless under a verb that
    reports it achieved ("went on to capture Lashio", "managed to free them":
    stances.toml control.achieved_heads), or a clause under a verb of asking ("demand
    that the authorities arrest the smugglers")."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return verb.head.lemma_.lower() not in _achieved_heads()
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _asking_verbs()


@lru_cache(maxsize=1)
def _achieved_heads() -> frozenset[str]:
    return frozenset(lexicon("stances")["control"]["achieved_heads"])


def agent_phrase_subject(verb: Token) -> Token | None:
    """The subject of a past verb the parser hung on the agent of a participle before it:
    "Renegade soldiers led by a former rebel commander captured Bukavu" reads "captured"
    as describing the commander; the soldiers, whom "led by" describes, captured it. So
    with a verb the parser took for a participle, when the sentence then has no verb of
    its own: "Troops backed by helicopters sealed off the town"."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN"):
        return None
    if verb.tag_ == "VBD" and not any(c.dep_ == "dobj" for c in verb.children):
        return None
    agent = verb.head.head if verb.head.dep_ == "pobj" else None
    if agent is None or agent.dep_ != "agent" or agent.head.dep_ != "acl" or agent.head.tag_ != "VBN":
        return None
    described = agent.head.head
    if described.pos_ not in ("NOUN", "PROPN"):
        return None
    if verb.tag_ == "VBN" and not (described.dep_ == "ROOT" or (described.dep_ == "conj" and described.head.dep_ == "ROOT")):
        return None  # ("troops backed by helicopters deployed in the north": a participle after all, the sentence's verb elsewhere)
    return described


def describes_subject(participle: Token) -> bool:
    """Whether a past participle with an agent, as an adverbial clause, tells what was done
    to the subject of the verb it hangs on: opening the clause ("Backed by China, the
    guerrillas fought on"), or set off by a comma after a verb with no object ("the rebels
    fled into the hills, chased by government troops"). After an object it may describe
    the object ("brought in Wagner's fighters, since replaced by the Africa Corps"). One that
    opens the sentence needs no agent: "Ambushed on the road to Gao, the convoy lost two trucks"."""
    if participle.tag_ != "VBN" or participle.dep_ not in ("advcl", "xcomp", "conj", "acomp"):
        return False
    agent = any(c.dep_ == "agent" for c in participle.children)
    head = participle.head
    if participle.i < head.i:
        return agent or (participle.dep_ == "advcl" and participle.left_edge.is_sent_start
                         and not any(c.dep_ in ("dobj", "aux", "auxpass", "nsubj", "nsubjpass") for c in participle.children))
    return agent and participle.dep_ == "advcl" and participle.left_edge.i > 0 and participle.doc[participle.left_edge.i - 1].text == "," \
        and not any(c.dep_ == "dobj" for c in head.children)


def reciprocal(token: Token) -> bool:
    """Whether the token is the head of a reciprocal pronoun: "each other" (the parse
    heads it on "other") or "one another" (headed on "one", or on "another")."""
    lower = token.lower_
    if lower == "other":
        return any(c.lower_ == "each" for c in token.children) or token.i > 0 and token.doc[token.i - 1].lower_ == "each"
    if lower == "another":
        return token.i > 0 and token.doc[token.i - 1].lower_ == "one"
    if lower == "one":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "another"
    return False


DATELINE_WORDS = 10  # the dash comes this many tokens after the place at most ("Mexico, Jan 1 (Reuters) -")


def in_headline(span: Span) -> bool:
    """Whether a span's sentence is a headline in title case ("Putin Opens Crimea Bridge",
    "Task Force Kills 12 Taliban"): no lower-case word of more than three letters, so its
    capitals say nothing of names."""
    return not any(t.is_lower and t.is_alpha and len(t) > 3 for t in span.sent)


def spaced_dash(token: Token) -> bool:
    """A dash set off as punctuation ("Damascus, SANA – Units"), not the hyphen of "al-Sahil"."""
    return token.text in ("–", "—") or (token.text == "-" and token.i > 0 and token.doc[token.i - 1].whitespace_)


def entity_of(token: Token) -> Span | None:
    """The entity a token is part of, read from the tokens' IOB tags: `Doc.ents` makes a
    Span for every entity of the Doc on each access."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    first = doc[start]
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)


def opens_dateline(ent: Span) -> bool:
    """A name opening its line, then a comma or a bracketed agency and, within a few
    words, a dash: "Damascus, SANA – Units of the army …", "N'Djamena (AFP) – …",
    "SAN CRISTOBAL DE LAS CASAS, Mexico, Jan 1 (Reuters) - …"."""
    doc = ent.doc
    at_line_start = ent.start == 0 or "\n" in doc[ent.start - 1].text or doc[ent.start - 1].is_space
    if not at_line_start or ent.end >= len(doc) or doc[ent.end].text not in (",", "("):
        return False
    # a dash set off by spaces (the hyphen of "al-Sahil" is none), and before it only what a
    # dateline holds: names, a date, a bracketed agency; no lower-case word ("Russia, Iran and
    # Turkey - the guarantors - agreed", "X, the deputy commander - a veteran - said")
    for t in doc[ent.end + 1 : ent.end + DATELINE_WORDS]:
        if spaced_dash(t):
            return True
        if t.is_alpha and t.text[:1].islower():
            return False
    return False


# Pronouns that stand for no one named before: demonstratives and indefinites.
INDEFINITE_PRONOUNS = frozenset({"those", "these", "this", "that", "anyone", "anybody", "everyone", "everybody", "someone",
                                 "somebody", "whoever", "all", "none", "nobody", "others", "some", "many", "each", "both"})


def relative_noun(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for ("HTS, [which] split from al-Qaeda"), or
    None (also for "those who …", "anyone who …": no one named). After a predicate noun
    it is the copula's subject the clause is about: "X is a militia leader who commands
    the RSF" (X commands)."""
    if pronoun.tag_ in ("WDT", "WP") and pronoun.head.dep_ == "relcl":
        noun = pronoun.head.head
        if noun.lower_ in INDEFINITE_PRONOUNS:
            return None  # "those who kill our police officers", "anyone who helps the army": no one named
        described = noun
        while described.dep_ == "conj" and described.head.i != described.i:
            described = described.head  # "a gang leader and former police officer who heads …"
        if described.dep_ == "attr" and described.head.lemma_ == "be":
            copula = described.head
            subjects = [c for c in copula.children if c.dep_ == "nsubj"] or _bracketed_subject(copula)
            if not subjects and copula.dep_ == "conj":  # "X (died 2021) was a commander who …", parsed as "X died … and was …"
                subjects = [c for c in copula.head.children if c.dep_ == "nsubj"]
            if subjects and subjects[0].pos_ == "PROPN":
                return subjects[0]
        # "a message sent to AFP, FACT, which is led by X": the parser may hang the clause on
        # the first of two nouns in apposition; it is about the one right before it
        # (not a place's country: "in Peshawar, Pakistan, which killed …")
        nearest = next((a for a in noun.children if a.dep_ == "appos" and a.pos_ == "PROPN" and noun.i < a.i < pronoun.i <= a.i + 2
                        and noun.ent_type_ not in ("GPE", "LOC", "FAC")
                        and all(t.is_punct for t in noun.doc[a.i + 1 : pronoun.i])), None)
        if nearest is not None:
            return nearest
        title = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
        if pronoun.lower_ == "who" and title is not None and title.lemma_.lower() in _leading_titles() \
                and noun.ent_type_ != "PERSON" and noun.lemma_.lower() not in _leading_titles():
            return title  # "a retired chief of the army who leads the Volksfront": "who" is the chief
        return noun
    return None


@lru_cache(maxsize=1)
def _leading_titles() -> frozenset[str]:
    return frozenset(lexicon("events")["roles"]["leads"])


def _bracketed_subject(copula: Token) -> list[Token]:
    """"Abubakar Shekau (died May 2021) was a jihadist who …": the parser reads the
    bracketed dates of an encyclopedic lead as the copula's clausal subject, with the
    name as that clause's subject. The name is the copula's subject."""
    return [s for c in copula.children if c.dep_ == "csubj" and any(p.text == "(" for p in c.children)
            for s in c.children if s.dep_ == "nsubj" and s.i < c.i]


def semicolon_between(doc: Doc, a: int, b: int) -> bool:
    """Whether a semicolon stands between tokens a and b: the clauses it joins are
    sentences of their own, whatever the parse hangs on one another."""
    lo, hi = min(a, b), max(a, b)
    positions = _semicolons(doc)
    at = bisect_left(positions, lo)
    return at < len(positions) and positions[at] < hi


def semicolon_clause(doc: Doc, i: int) -> range:
    """The tokens with no semicolon between them and token i (`semicolon_between`
    false for each): from just after the last semicolon before i to the first one at
    or after it."""
    positions = _semicolons(doc)
    at = bisect_left(positions, i)
    start = positions[at - 1] + 1 if at > 0 else 0
    end = positions[at] + 1 if at < len(positions) else len(doc)
    return range(start, end)


# The last document's semicolon positions: the claims stage asks about every pair of a
# cue and a token near it, and walking the tokens each time was a tenth of its time.
# A strong reference to the document makes the identity check safe.
_last_semicolons: tuple[Doc | None, list[int]] = (None, [])


def _semicolons(doc: Doc) -> list[int]:
    global _last_semicolons
    if _last_semicolons[0] is not doc:
        _last_semicolons = (doc, [t.i for t in tokens_where(doc, lowers=frozenset({";"}))])
    return _last_semicolons[1]


def stray_to(noun: Token) -> Token | None:
    """The "to" right after "the fall of Mosul", which the parser often hangs on the
    sentence's verb: it names who the place fell to."""
    if noun.lemma_.lower() not in lexicon("stances")["control"]["nouns_taking_to"]:
        return None
    after = noun.right_edge.i + 1
    if after < len(noun.doc) and noun.doc[after].lower_ == "to" and noun.doc[after].dep_ == "prep":
        return noun.doc[after]
    return None
