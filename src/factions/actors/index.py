"""Looking up which actor a token or span refers to, and adding actors that later
stages discover (pronoun speakers resolved, descriptive speakers, the publisher)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Token

from factions.kb import KnowledgeBase
from factions.names import normalise
from factions.actors.resolve import clean_surface, descriptive_name
from factions.lexicons import lexicon
from factions.model import Actor, Document, Mention, Span
from factions.nlp.components import _group_heads
from factions.nlp.pipeline import sentence_of, sentence_starts, span_over
from factions.nlp.tokens import asked_of, tokens_where

MAX_MENTION = 300  # characters: no mention is longer
PERSON_PRONOUNS = {"he", "she", "him", "her"}
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
# Pronoun -> the label of its mention: singular people are persons, plural a group.
PRONOUN_LABELS = {
    "i": "PERSON", "me": "PERSON", "my": "PERSON", "he": "PERSON", "him": "PERSON", "his": "PERSON",
    "she": "PERSON", "her": "PERSON", "we": "ORG", "us": "ORG", "our": "ORG", "they": "ORG", "them": "ORG", "their": "ORG",
    "its": "ORG",  # "Its leader, X": never an expletive, unlike "it"
}
_PRONOUN_WORDS = frozenset(PRONOUN_LABELS)
PRONOUN_STEM = {"his": "he", "their": "they", "its": "it"}
GROUP_PRONOUNS = {"they", "it", "them"}
GROUP_KINDS = {"armed_group", "organization", "government_body", "state", "media"}


def _controller(verb: Token) -> Token | None:
    """Who does what an infinitive with no subject of its own says: the one asked or
    made to ("urged Eritrea to withdraw its forces"), else the subject of the verb it
    completes or serves ("Kenya wants to withdraw its troops", "deployed troops to
    protect its bases")."""
    if verb.dep_ != "xcomp" and not (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
        return None
    asked = asked_of(verb)
    return asked[0] if asked else next((c for c in verb.head.children if c.dep_ == "nsubj"), None)


_PLURAL_PRONOUNS = frozenset({"we", "us", "our", "they", "them", "their"})


def _plural_mention(m: Mention, last: str) -> bool:
    """A mention that "it" cannot stand for: a plural pronoun, or a description whose
    head is plural ("armed groups", "the fighters"). Names are left alone: "the
    Houthis" and "the Syrian Democratic Forces" are "it" as often as "they"."""
    if m.basis == "pronoun":
        return m.text.lower() in _PLURAL_PRONOUNS
    if m.basis != "nominal":
        return False
    return (last.endswith("s") and not last.endswith("ss")) or last in lexicon("nominals")["irregular_plurals"]


# Verbs whose "it" is mostly no one ("it is likely", "it takes time", "it seems").
_EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "take", "make", "have", "remain", "become", "mean", "matter",
                              "rain", "happen", "help", "cost", "emerge", "follow", "say", "report", "expect", "believe"})


def _acting_it(token) -> bool:
    """"It seized the port", "it pledged allegiance to ISIL": "it" as the subject of a
    verb that acts on an object is a group; "it is likely", "it takes time" are no one."""
    head = token.head
    return token.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() not in _EXPLETIVE_HEADS \
        and any(c.dep_ in ("dobj", "prep") for c in head.children) and not any(c.dep_ in ("ccomp", "csubj") for c in head.children)


def _group_it(token: Token) -> bool:
    """"It" that may stand for a group the text named before (nominals.toml [group_it]):
    the subject of a verb that does something ("as it prepared to fire", "The mission
    says it has begun"), a group's life in the passive ("It was formed in 1980"), "it"
    said to be a group ("It is the main opposition party"), the object of what is done
    to a party ("led it for years", "accused it of the attack", "fought against it").
    Not "it is likely that", "it was reported that", "it takes time"."""
    words, head = lexicon("nominals")["group_it"], token.head
    clause = any(c.dep_ in ("ccomp", "csubj") for c in head.children)
    if token.dep_ == "nsubjpass":
        return head.lemma_.lower() in words["passive_verbs"] and not clause
    if token.dep_ == "nsubj":
        if head.lemma_ in ("be", "become", "remain"):
            attr = next((c for c in head.children if c.dep_ == "attr"), None)
            return attr is not None and attr.lower_ in _group_heads()
        return head.pos_ == "VERB" and head.lemma_.lower() not in _EXPLETIVE_HEADS and not clause
    if token.dep_ == "dobj":
        return head.pos_ == "VERB" and head.lemma_.lower() in words["object_verbs"]
    return token.dep_ == "pobj" and head.lower_ in words["object_preps"] and head.head.pos_ in ("VERB", "ADV", "NOUN")


def _subject_of_object(token: Token) -> tuple[Token, Token] | None:
    """The verb and subject of the clause a pronoun is the object of (or the object of
    a preposition on, or of a count that is the object: "killed 300 of them"), or None."""
    verb = token.head
    if token.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif token.dep_ not in ("dobj", "dative"):
        return None
    if verb.pos_ in ("NOUN", "NUM") and verb.dep_ == "dobj":
        verb = verb.head  # "launched an offensive against it", "killed 300 of them"
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i), None)
    while subject is None and verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        # "militants rounded up rice farmers … and killed them": a joined verb shares the first
        # one's subject, which its object is not
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ in ("WDT", "WP", "PRP"):
        return None
    return verb, subject


def _subject_kind_words(token: Token) -> frozenset[str]:
    """The words that make an object pronoun's subject one of a body ("a police sniper",
    "a rebel commander"), when its verb is hostile: what one side attacks or seizes is not
    its own side, so "a police sniper killed one of them" does not mean the police named
    before (but "a rebel commander led them", "a police helicopter evacuated them" may)."""
    found = _subject_of_object(token)
    if found is None or found[0].lemma_.lower() not in _hostile_verbs():
        return frozenset()
    _, subject = found
    return frozenset(c.lemma_.lower() for c in subject.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ", "PROPN"))


@lru_cache(maxsize=1)
def _hostile_verbs() -> frozenset[str]:
    """Verbs of attacking and coercing (events.toml ASSAULT and COERCE), and of aiming at
    someone ("fired on them", "shot at them"; not "led them against", a phrase's verb alone)."""
    return frozenset(word for e in lexicon("events")["event"] if e["type"] in ("ASSAULT", "COERCE")
                     for word in (*e.get("verbs", ()), *(p["verb"] for p in e.get("phrases", ()) if p["object"] in ("at", "on", "upon"))))


def _head_lemma(doc: Doc, m: Mention) -> str:
    """The lemma of a mention's head word ("the rebels" → "rebel")."""
    span = span_over(doc, m.span.start, m.span.end)
    return span.root.lemma_.lower() if span is not None else m.text.lower().rsplit(" ", 1)[-1]


def _own_subject_phrase(token: Token) -> tuple[int, int, int] | None:
    """The characters of the subject phrase of the clause an object pronoun stands in
    ("The Special Command, under the Joint Command, leads operations against it") and
    where its head word starts, or None. A pronoun object names nothing inside that
    phrase but the subject (binding: "it" there is someone told before). The subject
    itself stays a candidate: a pronoun read as its own clause's subject relates
    nothing, where the next nearest name would relate the wrong one ("Al-Shabaab killed
    members of IS-Somalia since the group split from it")."""
    verb = token.head
    if token.dep_ in ("dobj", "dative") and verb.dep_ == "relcl" and verb.head.i < verb.i \
            and any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in verb.children):
        # "his Kenyan counterpart, Mr X, who thanked him": the relative pronoun's noun is the
        # subject, and with it the description it is set beside
        noun = verb.head
        first = noun.head if noun.dep_ == "appos" and noun.head.i < noun.i else noun
        return first.left_edge.idx, noun.idx + len(noun.text), noun.idx
    found = _subject_of_object(token)
    if found is None:
        return None
    verb, subject = found
    # with a phrase set between the subject and its verb ("The brigade, under the command
    # of the army, leads raids against it"), which the parser may hang on the verb
    end = max([subject.right_edge, *(c.right_edge for c in verb.children if c.dep_ == "prep" and subject.i < c.i < verb.i)],
              key=lambda t: t.i)
    return subject.left_edge.idx, end.idx + len(end.text), subject.idx


class ActorIndex:
    def __init__(self, document: Document, mentions: list[Mention], actors: list[Actor], kb: KnowledgeBase):
        self.document = document
        self.mentions = mentions
        self.actors = {a.id: a for a in actors}
        self.kb = kb
        self._by_start: list[Mention] = []
        self._starts: list[int] = []
        # mention_at's answers while no mention is added: the stages ask it of the
        # same tokens again and again (a party, its conjuncts, the names behind it).
        self._at: dict[tuple[int, int, bool], Mention | None] = {}

    def _new_id(self) -> str:
        return f"a{len(self.actors) + 1}"

    def mention_at(self, start: int, end: int, named_first: bool = True) -> Mention | None:
        """The mention covering [start, end): the smallest one, names before nominals."""
        self._index_by_start()
        key = (start, end, named_first)
        if key not in self._at:
            found = self.mentions_covering(start, end)
            found.sort(key=lambda m: ((m.basis == "nominal") if named_first else 0, m.span.end - m.span.start))
            self._at[key] = found[0] if found else None
        return self._at[key]

    def _index_by_start(self) -> None:
        if len(self._by_start) == len(self.mentions):
            return
        if not self._by_start or len(self._by_start) > len(self.mentions):  # (a list replaced: all again)
            self._by_start = sorted(self.mentions, key=lambda m: m.span.start)
            self._starts = [m.span.start for m in self._by_start]
        else:  # mentions were added (they are only ever appended): index the new ones
            for m in self.mentions[len(self._by_start) :]:
                # after those with the same start, as a stable sort of the list puts it
                k = bisect_right(self._starts, m.span.start)
                self._by_start.insert(k, m)
                self._starts.insert(k, m.span.start)
        self._at.clear()

    def mentions_covering(self, start: int, end: int) -> list[Mention]:
        """Every mention with an actor that covers [start, end), not only the smallest."""
        self._index_by_start()
        lo = bisect_left(self._starts, start - MAX_MENTION)
        return [m for m in self._by_start[lo : bisect_right(self._starts, start)]
                if m.actor and m.span.start <= start and end <= m.span.end]

    def mentions_within(self, start: int, end: int) -> list[Mention]:
        """The mentions inside [start, end), by where they start."""
        self._index_by_start()
        return [m for m in self._by_start[bisect_left(self._starts, start) : bisect_left(self._starts, end)] if m.span.end <= end]

    def mention_for_token(self, token: Token) -> Mention | None:
        return self.mention_at(token.idx, token.idx + len(token.text))

    def of_kind(self, m: Mention | None, kinds: set[str] | frozenset[str]) -> Mention | None:
        """The mention, if it names an actor of one of these kinds."""
        return m if m is not None and m.actor and self.actors[m.actor].kind in kinds else None

    def mention_of_kind(self, token: Token | None, kinds: set[str] | frozenset[str]) -> Mention | None:
        """The mention a token heads, if it names an actor of one of these kinds."""
        return self.of_kind(self.mention_for_token(token), kinds) if token is not None else None

    def resolve_pronoun(self, token: Token, word: str | None = None) -> Mention | None:
        """The nearest earlier mention of a fitting actor: a person for "he"/"she", a
        group for "they"/"it"."""
        word = word or token.lower_
        if word not in PERSON_PRONOUNS and word not in GROUP_PRONOUNS:
            return None
        owner = self._clause_subject(token) or self._reporting_subject(token)
        if owner is not None and self._fits(owner, word, people=True):
            return owner
        self._index_by_start()
        text = self.document.text
        fitting = []
        lo, hi, head = _own_subject_phrase(token) or (-1, -1, -1)
        if word in ("him", "her", "them") and (token.dep_ == "dobj" or (token.dep_ == "pobj" and token.head.head.pos_ == "VERB")):
            # "Colonel Mobutu arrested him", "government troops attacked them", "police fired at
            # them": a clause's object is someone other than its subject (binding)
            head = -1
        # "The gang demanded a ransom, and its leader threatened to shoot them": what the
        # sentence has just called "it" is not "them"
        called_it = {m.actor for m in self.mentions_within(sentence_of(token).start_char, token.idx)
                     if m.basis == "pronoun" and m.text.lower() in ("it", "its")} if word in ("they", "them") else set()
        own_side = _subject_kind_words(token) if token.lower_ in ("them", "him", "her") else frozenset()
        for m in reversed(self._by_start[: bisect_right(self._starts, token.idx)]):
            if m.actor in called_it:
                continue
            if own_side and _head_lemma(token.doc, m) in own_side:
                continue  # ("a police sniper killed one of them": not the police)
            if m.span.end <= token.idx and self._fits(m, word) and not (lo <= m.span.start < hi and not m.span.start <= head < m.span.end):
                if self.actors[m.actor].kind == "media" and text[max(m.span.start - 5, 0) : m.span.start].lower().endswith((" on ", " via ")):
                    continue  # "in a statement on Telegram, it said": the channel, not who speaks
                if self.actors[m.actor].kind == "media" and text[m.span.start - 1 : m.span.start] == "(" and text[m.span.end : m.span.end + 1] == ")":
                    continue  # "LAMITAN, June 3 (Reuters) - gunmen … with their captives": the agency credited, no one in the story
                if m.basis == "nominal" and self._predicated(token.doc, m):
                    continue  # "Belmokhtar is a jihadist. He founded …": the description is said of its subject, who is meant
                if word in ("they", "them") and self._indefinite_object(token.doc, m):
                    continue  # "The rebels ambushed a convoy, and soldiers attacked them" ("An armed group attacked; they killed" is the group)
                fitting.append(m)
                if len(fitting) == 4:
                    break
        if not fitting:
            # "The prosecutor, X, said 22 officers had been detained and their weapons sent":
            # no body named before, so the people described in the plural near it
            return self._plural_description(token, lo, hi, own_side) if word in ("they", "them") else None
        if word in ("they", "them") and fitting[0].basis not in ("nominal", "pronoun") and self.actors[fitting[0].actor].kind == "state":
            # "His forces, which came from Uzbekistan, held the town before troops defeated
            # them": a state is named in the singular; a plural description near it is meant
            plural = self._plural_description(token, lo, hi, own_side)
            if plural is not None:
                return plural
        if word == "it" and token.dep_ in ("dobj", "pobj") and fitting[0].span.start < token.sent.start_char and self._thing_before(token):
            return None  # "The coup attempt was an uprising … Loyal forces crushed it": the attempt
        of_phrase = token.dep_ == "poss" and token.head.dep_ == "pobj" and token.head.head.lower_ == "of"
        if (word == "it" and (token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "poss" and not of_phrase))) \
                or (word in ("he", "she") and token.dep_ in ("nsubj", "nsubjpass")):
            # "It" as a subject and "its" continue the last group that was a subject, within
            # the sentence and the one before ("The RSF, at war with the army, denied … In a
            # statement, it said its forces …"), not the nearest object, however many names
            # stand between ("The MNJTF brings together troops from Benin, Cameroon, Chad,
            # Niger and Nigeria. It operates …"); "its" in an "of" phrase keeps the nearest
            # ("the authority of IS … the banner of its Sahel branch"). "He" and "she" as subjects
            # continue the last person who was one ("X is a militant who led JNIM. A veteran of
            # the Tuareg rebellions, he headed …").
            sentences = sentence_starts(token.doc)
            k = bisect_right(sentences, token.i) - 1
            floor = token.doc[sentences[max(k - 1, 0)]].idx
            for m in reversed(self._by_start[: bisect_right(self._starts, token.idx)]):
                if m.span.start < floor:
                    break
                if m.span.end > token.idx or not self._fits(m, word):
                    continue
                head = span_over(token.doc, m.span.start, m.span.end)
                # (or names the subject's own group: "Two RSF commanders, …, its commander in West Darfur")
                if head is not None and (head.root.dep_ in ("nsubj", "nsubjpass") or (
                        head.root.dep_ in ("compound", "poss", "nmod") and head.root.head.dep_ in ("nsubj", "nsubjpass"))):
                    return m
        return fitting[0]

    def _plural_description(self, token: Token, lo: int, hi: int, own_side: frozenset[str] = frozenset()) -> Mention | None:
        """The nearest group or people described in the plural before `token`, within its
        sentence and the one before, outside its own subject phrase (`lo`–`hi`) and not
        the subject's own side (`own_side`: `_subject_kind_words`)."""
        floor = token.doc[sentence_starts(token.doc)[max(bisect_right(sentence_starts(token.doc), token.i) - 2, 0)]].idx
        # (mentions in order of start: the walk back stops at the floor, not at the document's start)
        return next((m for m in self._by_start[bisect_left(self._starts, floor) : bisect_right(self._starts, token.idx)][::-1]
                     if m.span.end <= token.idx and m.actor and m.basis == "nominal"
                     and self.actors[m.actor].kind in GROUP_KINDS | {"population"} and not (lo <= m.span.start < hi)
                     and (not own_side or _head_lemma(token.doc, m) not in own_side)
                     and _plural_mention(m, m.text.lower().rsplit(" ", 1)[-1])), None)

    def _thing_before(self, token: Token) -> bool:
        """Whether the sentence before an object "it" is about a thing, no party: its
        subject a singular common noun that names no actor ("The 2003 coup attempt was an
        armed uprising … Loyal forces crushed it")."""
        sentences = sentence_starts(token.doc)
        k = bisect_right(sentences, token.i) - 1
        if k < 1:
            return False
        previous = token.doc[sentences[k - 1] : sentences[k]]
        subject = next((t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
        if subject is None or subject.tag_ != "NN" or subject.ent_type_:
            return False
        m = self.mention_for_token(subject)
        return m is None or not m.actor

    def _no_thing_between(self, token: Token, m: Mention) -> bool:
        """Whether no place or thing is named between `m` and the token, which "it" would
        rather be ("The militia attacked the school. It was funded …"); groups between are
        the resolver's to weigh."""
        self._index_by_start()
        before = [o for o in self._by_start[: bisect_right(self._starts, token.idx)] if o.span.end <= token.idx and o.basis != "pronoun"
                  and o.actor and (self._fits(o, "it") or self.actors[o.actor].kind in ("location", "equipment"))]
        end = max((o.span.end for o in before), default=None)
        last = [o for o in before if o.span.end == end]
        return any(o.actor == m.actor or o.span == m.span or self.actors[o.actor].kind not in ("location", "equipment") for o in last)

    @staticmethod
    def _own_subject(token: Token, m: Mention) -> bool:
        """Whether `m` is in the subject of the clause an object "it" stands in (or one
        of its conjuncts): "France and Germany condemned it" is never France."""
        if token.dep_ not in ("dobj", "pobj"):
            return False
        verb = token.head if token.dep_ == "dobj" else token.head.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(s.left_edge.idx <= m.span.start and m.span.end <= s.right_edge.idx + len(s.right_edge.text) for s in subjects)

    @staticmethod
    def _near(token: Token, m: Mention) -> bool:
        """Whether a mention is in the token's sentence or the one before."""
        sentences = sentence_starts(token.doc)
        k = bisect_right(sentences, token.i) - 1
        return m.span.start >= token.doc[sentences[max(k - 1, 0)]].idx

    @staticmethod
    def _predicated(doc, m: Mention) -> bool:
        """Whether a description is what a copula says of its subject ("X is a jihadist")."""
        span = span_over(doc, m.span.start, m.span.end)
        return span is not None and span.root.dep_ == "attr" and span.root.head.lemma_ == "be" \
            and any(c.dep_ == "nsubj" for c in span.root.head.children)

    @staticmethod
    def _indefinite_object(doc, m: Mention) -> bool:
        """Whether a description is one thing just brought in ("a convoy", "a government of
        national unity") other than as its clause's subject: a later "they" or "them" does
        not pick it up."""
        words = m.text.lower().split()
        if m.basis != "nominal" or words[:1] not in (["a"], ["an"]) or _plural_mention(m, words[-1]):
            return False
        span = span_over(doc, m.span.start, m.span.end)
        return span is not None and span.root.dep_ not in ("nsubj", "nsubjpass")

    def _fits(self, m: Mention, word: str, people: bool = False) -> bool:
        """Whether `m` can be what `word` stands for; `people`: people described in the
        plural may be "they" too ("The Ministers reaffirmed their support"), as the
        clause's own subject only (not the nearest plural: "people they accused")."""
        if not m.actor:
            return False
        kind = self.actors[m.actor].kind
        # A singular description ("the group's spokesman") is a person too.
        last = m.text.lower().rsplit(" ", 1)[-1]
        described_person = m.basis == "nominal" and m.label == "PERSON" and not last.endswith("s") \
            and last not in lexicon("nominals")["irregular_plurals"]
        plural_people = people and word in ("they", "them") and kind == "population" and m.basis == "nominal" and not described_person
        if word == "it" and _plural_mention(m, last):
            return False  # "its forces" is never the forces of "we", "they" or "armed groups"
        return (word in PERSON_PRONOUNS and (kind == "person" or described_person)) or (word in GROUP_PRONOUNS and kind in GROUP_KINDS) \
            or plural_people

    def _reporting_subject(self, token: Token) -> Mention | None:
        """"Kataib Hezbollah announced it would suspend attacks": the subject of a
        clause reported by a verb is, when it fits, that verb's subject."""
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "ccomp":
            return None
        governing = token.head.head
        subject = next((c for c in governing.children if c.dep_ == "nsubj" and c.i < token.i), None)
        return self.mention_for_token(subject) if subject is not None else None

    def _clause_subject(self, token: Token) -> Mention | None:
        """A possessive in a phrase hanging on a verb is its object's ("the coalition
        backed the militia in its efforts": the militia's efforts) or, with no
        object, its subject's ("the UK remains steadfast in its support")."""
        if token.dep_ != "poss":
            return None
        t = token.head
        if t.dep_ == "dobj" and t.head.pos_ in ("VERB", "AUX"):
            # "The Ministers reaffirmed their support": a possessive in the object is the subject's
            subject = next((c for c in t.head.children if c.dep_ == "nsubj" and c.i < token.i), None)
            if subject is None:
                subject = _controller(t.head)  # "urged the community to intensify its cooperation"
            return self.mention_for_token(subject) if subject is not None else None
        while t.dep_ in ("pobj", "prep") and t.head.i != t.i:
            t = t.head
        if t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.i != token.head.i and t.lower_ not in _portions():
            # "dragged the body of a British man behind their car": a possessive deep in the
            # object's phrase is the subject's, as one in the object is
            t = t.head
            subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
            while subject is None and t.dep_ in ("conj", "dep") and t.head.i < t.i and t.head.pos_ == "VERB":
                t = t.head
                subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
            m = self.mention_for_token(subject) if subject is not None else None
            return m if m is not None and self.actors[m.actor].kind not in ("equipment", "location") else None
        if t.pos_ not in ("VERB", "AUX") or t.i == token.head.i:
            return None
        for dep in ("dobj", "nsubj"):
            found = next((c for c in t.children if c.dep_ == dep and c.i < token.i), None)
            verb = t
            while found is None and dep == "nsubj" and verb.dep_ in ("conj", "dep") and verb.head.i < verb.i and verb.head.pos_ == "VERB":
                # "the gunmen opened fire …, then drove into a compound and dragged the body behind
                # their car": a joined verb shares the first one's subject
                verb = verb.head
                found = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            m = self.mention_for_token(found) if found is not None else None
            if m is not None and self.actors[m.actor].kind not in ("equipment", "location"):
                return m  # ("fired mortars from their trucks": the mortars own nothing)
        return None

    def add_pronouns(self, doc, claims) -> None:
        """Pronouns are mentions too. "I"/"we" inside a quotation are its speaker;
        "he"/"she" the last person named; "they" the last group. A pronoun that
        finds no antecedent is kept as a mention without an actor."""
        # A pronoun that only opens a description ("Its leader") is a mention of its own.
        covered = {m.span.start for m in self.mentions if m.basis != "nominal"} | {(m.span.start, m.span.end) for m in self.mentions}
        for token in tokens_where(doc, lowers=_PRONOUN_WORDS | {"it"}):
            word = token.lower_
            acting = word == "it" and _acting_it(token)
            group_it = word == "it" and not acting and _group_it(token)  # kept only with the group it stands for
            label = "ORG" if acting or group_it else PRONOUN_LABELS.get(word)
            if label is None or token.idx in covered or (token.idx, token.idx + len(token.text)) in covered or token.tag_ not in ("PRP", "PRP$"):
                continue
            span = Span(token.idx, token.idx + len(token.text))
            actor = None
            if word in FIRST_PERSON:
                inside = [c for c in claims if c.says(Span(span.start, span.start + 1))]
                # Outside a quotation, "I" and "we" are the document's own voice (a
                # minister's press release): an actor of their own, never merged.
                actor = inside[-1].speaker if inside else self.first_person(label, span.start).id
            else:
                found = self.resolve_pronoun(token, PRONOUN_STEM.get(word, word))
                actor = found.actor if found else None
                if group_it and (found is None or not self._near(token, found) or not self._no_thing_between(token, found)
                                 or self._own_subject(token, found)):
                    continue  # no group named near, a thing named between, or its own clause's subject ("Paris condemned it")
            mention = Mention(span, token.text, label, actor=actor, basis="pronoun")
            mention.kb_id = self.actors[actor].kb_id if actor else None
            self.mentions.append(mention)

    def first_person(self, label: str, at: int | None = None) -> Actor:
        """Who "I" and "we" (at character `at`) outside any quotation are: the issuer the
        document names first (a ministry, a command, an envoy or group in its title or
        opening lines, as statements and press releases name themselves), else an actor
        of its own."""
        issuer = self.issuer(at, person=label == "PERSON")
        if issuer is not None:
            return issuer
        name = "the document's author" if label == "PERSON" else "the document's author and colleagues"
        for actor in self.actors.values():
            if actor.name == name and actor.basis == "descriptive":
                return actor
        actor = Actor(self._new_id(), name, "person" if label == "PERSON" else "organization", basis="descriptive",
                      confidence=0.4, reason="a first-person pronoun outside any quotation")
        self.actors[actor.id] = actor
        return actor

    def issuer(self, before: int | None = None, person: bool = False) -> Actor | None:
        """The body or person a statement names as its issuer: the first named party in
        the title, or in the document's opening paragraph (its first 300 characters),
        named `before` the pronoun that stands for it ("We support the Iraqi Security
        Forces" does not make the forces its speaker). For a `person` ("I"), a person
        named there comes first: "Statement attributed to the Special Envoy … for Yemen,
        Hans Grundberg" is Grundberg's, not Yemen's."""
        text = self.document.text
        head = text.find("\n\n")
        head = min(head if head > 0 else len(text), 300, before if before is not None else len(text))
        if self.document.title:
            found = self.by_name_in(self.document.title)
            if found is not None and (not person or found.kind == "person"):
                return found
        named = [self.actors[m.actor] for m in sorted(self.mentions, key=lambda m: m.span.start)
                 if m.span.start < head and m.actor and m.basis in ("kb", "model", "repeat", "acronym")
                 and self.actors[m.actor].kind in ("government_body", "organization", "armed_group", "state", "person")]
        if person:
            return next((a for a in named if a.kind == "person"), named[0] if named else None)
        return named[0] if named else None

    def by_name_in(self, title: str) -> Actor | None:
        """An actor of this document whose name or a mention's text stands in `title`."""
        low = title.lower()
        for m in sorted(self.mentions, key=lambda m: m.span.start):
            if m.actor and m.basis not in ("pronoun", "nominal") and m.text.lower() in low and \
                    self.actors[m.actor].kind in ("government_body", "organization", "armed_group", "state", "person"):
                return self.actors[m.actor]
        return None

    def add_mention(self, span: Span, label: str, actor_id: str, basis: str) -> Mention:
        mention = Mention(span, self.document.text[span.start : span.end], label, actor=actor_id, basis=basis)
        mention.kb_id = self.actors[actor_id].kb_id
        self.mentions.append(mention)
        return mention

    def descriptive(self, span: Span, kind: str, reason: str = "described, not named") -> Actor:
        """An actor known only by a description ("intelligence sources"; a place no nominal
        head made one, "an election rally" struck: events.toml participants occasions_attacked),
        once per description (a place only as a place)."""
        name = descriptive_name(clean_surface(self.document.text[span.start : span.end]))
        key = normalise(name)
        for actor in self.actors.values():
            if actor.basis in ("nominal", "descriptive") and normalise(actor.name) == key \
                    and (kind != "location" or actor.kind == "location"):
                return actor
        actor = Actor(self._new_id(), name, kind, basis="descriptive", confidence=0.5, reason=reason)
        self.actors[actor.id] = actor
        self.add_mention(span, {"population": "PERSON", "location": "FAC"}.get(kind, "ORG"), actor.id, "nominal")
        return actor

    def by_name(self, name: str, kind: str, basis: str) -> Actor:
        """An actor named outside the text (the publisher): from the knowledge base if
        known there, else new."""
        found = self.kb.lookup(name)
        kb_id = found[0].id if found else None
        for actor in self.actors.values():
            if (kb_id and actor.kb_id == kb_id) or normalise(actor.name) == normalise(name):
                return actor
        if found:
            actor = Actor(self._new_id(), found[0].name, found[0].kind, kb_id=kb_id, basis="kb", confidence=0.9, reason=f"{basis} named '{name}'", part_of=self.kb.parents.get(kb_id))
        else:
            actor = Actor(self._new_id(), name, kind, basis=basis, confidence=0.8, reason=f"the document's {basis}")
        self.actors[actor.id] = actor
        return actor

    def all_actors(self) -> list[Actor]:
        return sorted(self.actors.values(), key=lambda a: int(a.id[1:]))


@lru_cache(maxsize=1)
def _portions() -> frozenset[str]:
    """Words for a part of what follows ("most of its soldiers"): the possessive after them
    is the nearest party's, not the clause subject's (lexicons/stances.toml control.portions)."""
    return frozenset(lexicon("stances")["control"]["portions"])
