"""The actors a trigger's argument tokens stand for: a name; a pronoun, as the name
given earlier in its sentence; the group behind a description ("IS fighters",
"members of X", "an armed group in central Mali, Katibat al-Nour", "known as
ISIS-K"); "the two groups" as the last two groups named. Places and bare demonyms
take no part. When the parse finds one side only of a fight, `_nearest` gives the
closest actor on the other side (rule events.nearest-party)."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from factions.actors.demonyms import is_demonym
from factions.actors.index import GROUP_KINDS, PRONOUN_STEM, ActorIndex
from factions.events.arguments import _with_conjuncts, misparsed_apposition, origin_people
from factions.events.triggers import triggers
from factions.lexicons import lexicon
from factions.model import Mention, Span
from factions.nlp import object_of, relative_noun, sentence_of, span_over
from factions.nlp.components import _speech_cues, names_a_craft, peoples
from factions.nlp.tokens import INDEFINITE_PRONOUNS, entity_of


_PLURAL_ANAPHOR = re.compile(r"^(?:the|both|these|those)\s+(?:two\s+|rival\s+|jihadist\s+|armed\s+)*(?:groups|organi[sz]ations|movements|factions|networks|sides)$", re.I)


# Relations whose missing side may be taken from the nearest actor (measured on
# re3d-dev: it helps for fights, and hurts for opposition, support, alliance and contact).
NEAREST_FALLBACK = {"fights"}


def _span(token: Token) -> Span:
    return Span(token.idx, token.idx + len(token.text))


# Pronouns that stay an act's argument though the sentence named their actor before them
# ("X toured the capitals, during which he met Y", "rebel forces had held the road, and
# they fired on passing cars"): re3d relates them, as the text does. Possessives, "it" and
# "them" give way to the name ("the Board's summary of its investigation", "their fight").
# Letting "it" stand too lowered the gold sets' relations (coded notes 0.695 -> 0.657);
# "they" raised the re3d-style blind sets (A-AC 0.447 -> 0.449, none lower; re3d-dev the
# same) and cost the statements gold set two (0.769 -> 0.731); "them" raised the blind
# sets more but lowered re3d-dev (0.625 -> 0.618: its annotators name whom "them" stands for).
ARGUMENT_PRONOUNS = frozenset({"he", "she", "him", "her", "we", "us", "i", "me", "they"})


class _Participants:
    def __init__(self, index: ActorIndex):
        self.index = index
        self._inside: dict[Span, Mention | None] = {}  # group_inside, by description

    def mentions(self, tokens: list[Token]) -> list[Mention]:
        """Participants are actors; places (a city) and bare demonyms ("Iraqi") are not."""
        out = []
        queue = list(tokens)
        for tok in queue:
            if tok.tag_ in ("WDT", "WP") and tok.dep_ in ("dobj", "pobj"):
                # "the group, which Pakistan banned in 2006": the noun the clause describes
                tok = relative_noun(tok) or tok
            behind = _named_behind(tok, self.index)
            if behind is not tok and behind not in queue:
                # "a number of ministers and officials", "the armies of Uganda, the DRC and Southern Sudan"
                queue.extend(c for c in _with_conjuncts(behind)[1:] if c not in queue)
            tok = behind
            named = next((c for c in tok.children if c.dep_ == "appos" and c.left_edge.i == tok.i + 1), None) if tok.pos_ == "NOUN" else None
            if named is not None and _named_craft(named):
                tok = named  # "seized the tanker Stena Impero": the craft by its name
            m = self.index.mention_for_token(tok)
            if m is not None and m.basis != "pronoun":
                # "Hamas and Fatah officials met", "Omar al-Bashir and Salva Kiir met"
                queue.extend(t for t in self._names_hung_on(tok, m) if t not in queue)
            if m is not None and m.basis == "nominal":
                # "Indian and Chinese soldiers clashed": the people who share the head noun too
                queue.extend(t for t in _sharing_head(tok.doc, m) if t not in queue)
            elif m is not None and tok.i in (tok.doc._.shared_heads or {}):
                m = next((o for o in self.index.mentions_covering(m.span.start, m.span.end)
                          if o.basis == "nominal" and o.span == m.span), m)  # "Indian" as the soldiers it names
            if m is None and tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.pos_ == "NOUN":
                # "backed by Russian air strikes", "covered by Coalition artillery": the party
                # named on what did it
                queue.extend(c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i
                             and (c.ent_type_ or c.pos_ == "PROPN") and c not in queue)
            if m is None and tok.pos_ == "PRON" and tok.lower_ not in INDEFINITE_PRONOUNS:
                # ("those who kill our police officers", "anyone who helps the army": no one named)
                found = self.index.resolve_pronoun(tok, PRONOUN_STEM.get(tok.lower_, tok.lower_))
                m = Mention(_span(tok), tok.text, found.label, actor=found.actor, basis="pronoun") if found else None
            if m is not None and m.basis == "pronoun":
                # A pronoun whose antecedent is named earlier in the same sentence
                # ("the Government of Iraq ... in their fight"): the argument is that
                # name; one from an earlier sentence stays the pronoun here.
                named = _named_before(self.index, m, sentence_of(tok).start_char)
                if named is not None and tok.lower_ in ("they", "them", "their"):
                    # "the Government of Iraq and the Iraqi people in their fight": each conjunct.
                    queue.extend(t for t in _coordination_of(tok.doc, named.span) if t not in queue)
                if named is not None and tok.lower_ not in ARGUMENT_PRONOUNS:
                    m = named  # (other pronouns stay the argument, as the text gives it: "during which he met X")
            if m is None:
                continue
            kind = self.index.actors[m.actor].kind
            if kind == "equipment":
                # "IAF aircraft struck …", "destroyed ISWAP gun trucks": the party whose equipment
                # it is takes part; equipment of no one named acts only as a subject ("unidentified
                # aircraft struck a vehicle"), and is never what is acted on
                # (or its driver: "a car driven by a suicide bomber exploded", who owns it untold)
                owner = self.equipment_owner(m, tok) or self._user(tok, _driving_participles())
                if _named_craft(tok) and tok.dep_ not in ("nsubj", "nsubjpass"):
                    out.append(m)  # "seized the tanker Stena Impero", "struck the car carrier Galaxy Leader": a craft
                    # named is what the act is aimed at, as coders code it, whoever owns it
                elif owner is not None:
                    out.append(owner)
                elif tok.dep_ == "nsubj" and tok.lower_ in _platforms() \
                        and any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in _AIMED_PREPS)
                                for v in (tok.head, *tok.head.conjuncts) for c in v.children):
                    out.append(m)  # ("a roadside bomb exploded", "a car bomb killed 25 people": no one acts; "the warship fired on the town" does)
                continue
            if kind == "location":
                # "overran a Nigerian Army base": the place is no party, the group
                # whose base it is is the one attacked.
                owner = self.group_inside(m)
                if owner is not None and self.index.actors[owner.actor].kind == "state" and _geographic(m):
                    owner = None  # "pushed the fighters back towards the Niger border": no war on Niger
                if owner is None:
                    # "stormed the camp of the Malian army and its Russian mercenaries":
                    # the party the place is "of"
                    holder = self._holding_group(tok)
                    if holder is not None and holder not in queue:
                        queue.extend([holder, *(c for c in holder.conjuncts if c not in queue)])
                if owner is not None:
                    out.append(owner)
                continue
            if kind == "population" and m.basis not in ("nominal", "pronoun") and not _people_named_by_nationality(tok):
                continue
            if _PLURAL_ANAPHOR.match(m.text):
                # "the two groups": the last two named; with none named before, the
                # description is the party ("called on the armed groups to disarm")
                out.extend(self.last_two_groups(m) or [m])
                continue
            # "IS fighters" act for IS.
            out.append(self.group_inside(m) or m)
        return out

    def _names_hung_on(self, head: Token, mention: Mention) -> list[Token]:
        """Names the parser hung on a mention's head as modifiers (nmod, compound), though
        "and"/"or" or a comma joins them to a word of the mention: the first of two
        coordinated names ("Omar al-Bashir and Salva Kiir met": "Bashir" read as a
        modifier of "Kiir"), or groups whose people a nominal names too ("Hamas and Fatah
        officials", "Hezbollah, Amal and Hamas leaders"). Not a name alone before it
        ("the Kabul Taliban fighters": one group), nor a place."""
        kinds = GROUP_KINDS | {"person"} if mention.basis != "nominal" else GROUP_KINDS
        doc = head.doc
        # on the head, or on a title before the name ("Sudan's Abdel Fattah al-Burhan and RSF
        # commander Mohamed Hamdan Dagalo": "al-Burhan" hung on "commander")
        holders = [head, *(c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.idx < mention.span.start)]
        names = sorted((c for h in holders for c in h.children
                        if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN" and c.idx < mention.span.start), key=lambda c: -c.i)
        # joined by "and"/"or" to a word after it, inside the head's phrase
        joined = {c.i for c in names if any(k.dep_ == "conj" and c.i < k.i < head.i for k in c.children)}
        out: list[Token] = []
        listed = False
        for name in names:
            # (or by a comma to one taken)
            comma = name.i + 1 < len(doc) and doc[name.i + 1].text == ","
            if name.i not in joined and not (listed and comma):
                break
            m = self.index.mention_for_token(name)
            if m is None or not m.actor or m.basis in ("nominal", "pronoun") or self.index.actors[m.actor].kind not in kinds:
                break
            out.append(name)
            listed = True
        return out

    def places(self, tokens: list[Token]) -> list[Mention]:
        """The places among an act's argument tokens that no named group holds ("stormed
        the hospital", "an assault on El Fasher"; not "overran a Nigerian Army base",
        whose army is the one attacked): what `mentions` leaves out as no party."""
        out = []
        for tok in tokens:
            m = self.index.mention_for_token(tok)
            if m is None and tok.lower_ in _place_heads() and object_of(tok) is not None:
                tok = object_of(tok)  # "stormed the northern town of Palma": Palma
                m = self.index.mention_for_token(tok)
            elif m is None and tok.lower_ in _place_heads() and (named := self._name_on_place_word(tok)) is not None:
                tok, m = named  # "stormed Tawori village": Tawori
            elif (m is None or not m.actor) and _quantity_head(tok) and object_of(tok) is not None:
                tok = object_of(tok)  # "destroyed hundreds of villages": the villages
                m = self.index.mention_for_token(tok)
            elif m is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in _words("occasions_attacked"):
                # "struck an election rally", "bombed a wedding": the occasion is what was hit
                start = min((c.left_edge.i for c in tok.children if c.i < tok.i and c.dep_ in ("det", "amod", "compound", "poss", "nmod")),
                            default=tok.i)
                first = tok.doc[start]
                actor = self.index.descriptive(Span(first.idx, tok.idx + len(tok.text)), "location", "an occasion attacked")
                m = self.index.mention_for_token(tok)
                if m is None or m.actor != actor.id:
                    continue
            facility = None
            if m is not None and m.actor and self.index.actors[m.actor].kind != "location":
                # "attacked the Army Public School": a body's name that is a place's too (a
                # place word heads it) names the building attacked, not the army
                text = self.index.document.text
                facility = next((f for f in self.index.mentions if f.span.end == m.span.end and f.basis == "nominal" and f.actor
                                 and f.span.start <= m.span.start and text[f.span.start:m.span.start].lower() in ("", "the ")
                                 and self.index.actors[f.actor].kind == "location"), None)
                m = facility or m
            if m is None or not m.actor or self.index.actors[m.actor].kind != "location":
                continue
            owner = self.group_inside(m) if facility is None else None
            text = self.index.document.text
            if owner is not None and not (self.index.actors[owner.actor].kind == "state" and _geographic(m)
                                          and text[owner.span.end : owner.span.end + 2] in ("'s", "’s")):
                continue  # (a state's own city is the place: "took Syria's third-largest city"; not "towards the Niger border")
            if self._holding_group(tok) is not None:
                continue  # "the camp of the Malian army": the army is attacked
            if all(m.actor != o.actor for o in out):
                out.append(m)
        return out

    def _name_on_place_word(self, word: Token) -> tuple[Token, Mention] | None:
        """The place named before a word of a kind of place, as its compound ("Tawori village",
        "Darul Jamal village": the model may take only the first word for the name)."""
        for name in sorted((c for c in word.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < word.i), key=lambda c: -c.i):
            if (m := self.index.mention_of_kind(name, {"location"})) is not None:
                return name, m
        return None

    def unowned_equipment(self, tokens: list[Token]) -> list[Mention]:
        """The weapons and vehicles an act is aimed at that no party's phrase owns ("attacked
        hundreds of merchant ships", "shot down a drone"): what `mentions` leaves out, as it
        does places (an owned one's owner is the party attacked: "destroyed ISWAP gun trucks")."""
        out = []
        for tok in tokens:
            m = self.index.mention_for_token(tok)
            if (m is None or not m.actor) and _quantity_head(tok) and object_of(tok) is not None:
                tok = object_of(tok)  # "attacked hundreds of merchant ships"
                m = self.index.mention_for_token(tok)
            if m is None or not m.actor or self.index.actors[m.actor].kind != "equipment" or m.basis == "pronoun" \
                    or tok.lower_ not in _targets():
                continue  # (craft and vehicles: "fired rockets at the hill" names what was fired; a craft named is a participant)
            if self.equipment_owner(m, tok) is None and all(m.actor != o.actor for o in out):
                out.append(m)
        return out

    def _holding_group(self, place: Token) -> Token | None:
        """The group a place is "of" ("the camp of the Malian army"): its token, or None."""
        holder = object_of(place)
        held = self.index.mention_for_token(holder) if holder is not None else None
        ok = held is not None and held.actor and self.index.actors[held.actor].kind in GROUP_KINDS - {"state"}
        return holder if ok else None

    def last_two_groups(self, anaphor: Mention) -> list[Mention]:
        """"the two groups", "both groups": the last two groups named before."""
        found: list[Mention] = []
        for m in sorted(self.index.mentions, key=lambda m: -m.span.start):
            if m.span.start >= anaphor.span.start or not m.actor or m.basis in ("nominal", "pronoun"):
                continue
            if self.index.actors[m.actor].kind in ("armed_group",) and m.actor not in {f.actor for f in found}:
                found.append(m)
            if len(found) == 2:
                break
        return [Mention(anaphor.span, anaphor.text, anaphor.label, actor=f.actor, basis="anaphor") for f in found] if len(found) == 2 else []

    def resolve_description(self, mention: Mention, doc: Doc) -> Mention:
        """A description stands for the group it names: "IS fighters", "members of IS"."""
        inside = self.group_inside(mention)
        if inside is not None:
            return inside
        if mention.basis == "nominal":
            span = span_over(doc, mention.span.start, mention.span.end)
            if span is not None and len(span):
                behind = _named_behind(span.root, self.index)
                if behind.i != span.root.i:
                    return self.index.mention_for_token(behind) or mention
        return mention

    def equipment_owner(self, equipment: Mention, head: Token) -> Mention | None:
        """The party a weapon's own phrase names as its owner or user: "ISWAP gun trucks",
        "their rifles", "Coalition aircraft", "a drone launched by the factions"; not
        the weapon's model ("PKM machine guns")."""
        inside = self.group_inside(equipment)
        if inside is not None and _designation(inside):
            inside = None
        # ("a government aircraft operated by the ASDF": the one the participle names before the modifier)
        return inside or self.possessor_inside(equipment) or self._user(head) or self.owner_before(equipment)

    def _user(self, equipment: Token, participles: frozenset[str] | None = None) -> Mention | None:
        """The party a participle names as firing or operating a weapon: "a drone launched
        by the factions" (lexicons/relations.toml [equipment] owning_participles, or the
        `participles` given)."""
        participles = participles or frozenset(lexicon("relations")["equipment"]["owning_participles"])
        # (or a relative clause: "a missile that was fired by X", "a missile that officials said
        # was fired by X", the verb of saying's clause)
        clauses = [c for c in equipment.children if c.dep_ in ("acl", "relcl")]
        clauses += [g for c in clauses if c.dep_ == "relcl" for g in c.children if g.dep_ == "ccomp"]
        for acl in (c for c in clauses if c.lemma_ in participles):
            for pobj in (o for p in acl.children if p.dep_ in ("agent", "prep") and p.lower_ == "by" for o in p.children if o.dep_ == "pobj"):
                m = self.index.mention_for_token(pobj)
                if m is not None and self.index.actors[m.actor].kind in GROUP_KINDS | {"person", "population"}:
                    return m
        return None

    def owner_before(self, equipment: Mention) -> Mention | None:
        """A party named just before a weapon's name, or with its possessive: "Coalition
        aircraft", "army trucks", "the army's tanks"."""
        text = self.index.document.text
        before = [m for m in self.index.mentions_within(max(0, equipment.span.start - 60), equipment.span.start)
                  if m.actor and m.basis != "pronoun" and text[m.span.end : equipment.span.start] in (" ", "'s ", "’s ", "' ", "’ ")
                  and self.index.actors[m.actor].kind in GROUP_KINDS]
        return max(before, key=lambda m: m.span.end - m.span.start) if before else None

    def possessor_inside(self, nominal: Mention) -> Mention | None:
        """The party a possessive pronoun opening a description stands for ("its jets",
        "their rifles"), or None."""
        return next((m for m in self.index.mentions_within(nominal.span.start, nominal.span.end)
                     if m.basis == "pronoun" and m.actor and m.span.start == nominal.span.start
                     and self.index.actors[m.actor].kind in GROUP_KINDS | {"person", "population"}), None)

    def group_inside(self, nominal: Mention) -> Mention | None:
        if nominal.basis != "nominal" or _affiliate_description(nominal) or _tie_description(nominal):
            return None  # "the al-Qaeda affiliate", "Iran's proxies" are other groups than al-Qaeda, Iran
        if nominal.span not in self._inside:
            # (a state's name on one who serves no state says where they are from: "a New
            # Zealand pilot held hostage", "a US journalist"; "a US soldier" serves it)
            civilian = nominal.text.split()[-1].lower() in _civilians()
            self._inside[nominal.span] = next((
                m for m in self.index.mentions_within(nominal.span.start, nominal.span.end)
                # "IS fighters" act for IS; "their counterparts" are not theirs to act
                # for, nor is a "US-led coalition" the US.
                if m is not nominal and m.actor and m.basis != "pronoun" and nominal.span.contains(m.span)
                and self.index.actors[m.actor].kind in GROUP_KINDS and self.index.document.text[m.span.end : m.span.end + 1] != "-"
                and not (civilian and self.index.actors[m.actor].kind == "state")), None)
        return self._inside[nominal.span]


def _people_named_by_nationality(token: Token) -> bool:
    """A demonym that is a plural noun names people, who can act and be acted on ("opened
    fire on the Canadians", "two Americans were seized", "Kurds and Arabs clashed"), and so
    does a people's name as a noun, which the tagger may call singular ("attacked Hazaras",
    "the Rohingya fled": actor_kinds.toml peoples); the adjective ("Iraqi", "the Canadian
    position", "Druze villagers") names no one."""
    # (the tagger may call a plural demonym singular too: "thousands of Zimbabweans")
    return token.dep_ not in ("amod", "compound", "poss") and (
        token.tag_ in ("NNPS", "NNS") or token.text in peoples() or (token.text.endswith("s") and is_demonym(token.text[:-1])))



_DESIGNATION = re.compile(r"^[A-Za-z]{1,4}-?\d{1,3}[A-Za-z]?$")


def _designation(m: Mention) -> bool:
    """A weapon's model, not its owner: "PKM", "AK-47" (nominals.toml [equipment]
    designations); a name the knowledge base knows is a party ("M23")."""
    if m.kb_id:
        return False
    return m.text.lower() in lexicon("nominals")["equipment"]["designations"] or bool(_DESIGNATION.match(m.text))


@lru_cache(maxsize=1)
def _driving_participles() -> frozenset[str]:
    """Participles that name who drove or flew a vehicle, who acts with it without owning it
    ("a car driven by a suicide bomber"; lexicons/relations.toml [equipment] driving_participles)."""
    return frozenset(lexicon("relations")["equipment"]["driving_participles"])


def _words(key: str) -> frozenset[str]:
    """A word list from the [participants] table of data/lexicons/events.toml."""
    return _participant_words()[key]


# Prepositions that aim an act at someone: "fired on the town", "fired at the patrol".
_AIMED_PREPS = frozenset({"on", "upon", "at", "against"})


@lru_cache(maxsize=1)
def _civilians() -> frozenset[str]:
    """Words for people who serve no state (nominals.toml person serve_no_state)."""
    return frozenset(lexicon("nominals")["person"]["serve_no_state"])


@lru_cache(maxsize=1)
def _platforms() -> frozenset[str]:
    """Equipment that is crewed and flown or driven at its target (nominals.toml
    [equipment] platforms): it may stand for the unnamed party that used it."""
    return frozenset(lexicon("nominals")["equipment"]["platforms"])


def _geographic(place: Mention) -> bool:
    """Whether a described place is part of a state's geography ("the Niger border",
    nominals.toml [place] geographic): its last word."""
    return place.text.rsplit(None, 1)[-1].lower() in _geographic_heads()


@lru_cache(maxsize=1)
def _geographic_heads() -> frozenset[str]:
    return frozenset(lexicon("nominals")["place"]["geographic"])


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    """Nouns of a kind of place (nominals.toml [place] heads)."""
    return frozenset(lexicon("nominals")["place"]["heads"])


@lru_cache(maxsize=1)
def _participant_words() -> dict[str, frozenset[str]]:
    parts = lexicon("events")["participants"]
    return {k: frozenset(v) for k, v in parts.items() if isinstance(v, list)}


def _is_example(appos: Token) -> bool:
    return any(c.dep_ in ("advmod", "prep") and c.lower_ in _words("example_marks") for c in appos.children)


_POSSESSIVES = frozenset({"its", "their", "his", "her"})


def _named_before(index: ActorIndex, pronoun: Mention, sentence_start: int) -> Mention | None:
    """The pronoun's actor as named earlier in the same sentence, if it is; failing a
    name, a possessive as described there ("The movement … its forces": the description
    the pronoun takes up, which is what the sentence relates)."""
    before = [m for m in index.mentions_within(sentence_start, pronoun.span.start) if m.actor == pronoun.actor]
    named = [m for m in before if m.basis not in ("pronoun", "anaphor")]
    if not named and pronoun.text.lower() in _POSSESSIVES:  # ("it", "they" stand as arguments themselves)
        named = [m for m in before if m.basis == "anaphor"]
    return max(named, key=lambda m: m.span.start) if named else None


def _coordination_of(doc: Doc, span: Span) -> list[Token]:
    """The other conjuncts of the phrase a name heads or completes ("the Government
    of Iraq and the Iraqi people" for "Iraq"); none when it stands alone."""
    chars = span_over(doc, span.start, span.end)
    if chars is None:
        return []
    t = chars.root
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "PROPN"):
        t = t.head.head  # "Iraq" in "the Government of Iraq" -> "Government"
    while t.dep_ == "conj":
        t = t.head
    conjuncts = _with_conjuncts(t)
    return conjuncts if len(conjuncts) > 1 else []


def _by_phrase(noun: Token) -> Token | None:
    """The "by" naming who did what a noun names. The parser often hangs it on an
    active verb ("welcomed [the offensive] [by the SDF]"), where it can only be the
    object's, since an active verb takes no agent."""
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    if by is None and noun.dep_ == "dobj" and noun.right_edge.i + 1 < len(noun.doc):
        after = noun.doc[noun.right_edge.i + 1]
        if after.lower_ == "by" and after.head.i == noun.head.i and not any(c.dep_ == "auxpass" for c in noun.head.children):
            by = after
    return by


def _named_craft(tok: Token) -> bool:
    """Whether a token is in a craft's name ("the tug Vasily Bekh": nlp.components.names_a_craft)."""
    ent = entity_of(tok) if tok.ent_type_ == "PRODUCT" else None
    return ent is not None and names_a_craft(ent)


@lru_cache(maxsize=1)
def _targets() -> frozenset[str]:
    """Kit an assault may be aimed at (nominals.toml [equipment] platforms and vehicles)."""
    kit = lexicon("nominals")["equipment"]
    return frozenset(kit["platforms"]) | frozenset(kit["vehicles"])


def _quantity_head(tok: Token) -> bool:
    """A head that counts what its "of" names ("hundreds of villages", "a number of ministers",
    "killed three of the pirates", "300 of them")."""
    return tok.lemma_.lower() in _words("quantity_heads") or tok.lower_ in _words("quantity_heads") \
        or (tok.like_num and tok.pos_ == "NUM")


def _named_behind(tok: Token, index: ActorIndex) -> Token:
    """For a description, the named group behind it: "Fighters of Liwa al-Fajr",
    "an armed group in central Mali, Katibat al-Nour"."""
    m = index.mention_for_token(tok)
    if m is not None and m.actor and m.basis != "nominal":
        return tok
    unnamed = m is None or not m.actor  # no actor, or a number ("dozens") the model tagged
    if tok.dep_ == "appos" and m is not None and m.basis == "nominal":
        # "the STC, a separatist movement armed by the UAE": the description set beside a name is that name's
        head = index.mention_for_token(tok.head)
        if head is not None and head.actor and head.basis not in ("nominal", "pronoun") and index.actors[head.actor].kind in GROUP_KINDS:
            return tok.head
    speech = lexicon("speech")
    # (what a party said, turned down, is theirs: "rejected the Afghan President's remarks")
    denied = tok.dep_ == "dobj" and tok.head.lemma_ in speech["denial_cues"] and tok.lemma_.lower() in speech["denied_words"]
    stated = tok.dep_ == "dobj" and tok.head.lemma_ in speech["object_content_cues"] and not denied
    if unnamed and not stated:
        # "its condemnation of the regime's policies": the possessor is the party (not
        # for what a statement names: "called the group's commanders apostates").
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        named = index.mention_for_token(owner) if owner is not None else None
        if named is not None and named.basis not in ("pronoun",) \
                and index.actors[named.actor].kind in GROUP_KINDS | {"person"} | ({"population"} if denied else set()):
            return owner
    # "attacked a UN patrol" (not "calls ISIL presence a tragedy", nor "a UN convoy, which
    # killed …", where the noun stands for a clause's subject)
    if unnamed and not stated and not any(c.dep_ == "relcl" for c in tok.children):
        for child in (c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i):  # "Myanmar military aircraft"
            named = index.mention_for_token(child)
            if named is not None and named.actor and named.label != "NORP" and index.actors[named.actor].kind in GROUP_KINDS:
                return child
    by = _by_phrase(tok) if unnamed else None
    doer = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    named = index.mention_for_token(doer) if doer is not None else None
    if named is not None and named.basis != "pronoun" and index.actors[named.actor].kind in GROUP_KINDS | {"person"}:
        return doer  # "welcomed the offensive by the SDF": the doer
    if unnamed and _quantity_head(tok):  # "met a number of ministers"
        pobj = object_of(tok)
        if pobj is not None:
            return _named_behind(pobj, index)
    if m is not None and m.basis == "nominal" and tok.lower_ in _words("collective_heads"):
        # "struck a convoy of refugees" (not "a convoy of troops": a unit of its own)
        pobj = object_of(tok)
        people = index.mention_for_token(pobj) if pobj is not None else None
        if people is not None and people.actor and index.actors[people.actor].kind == "population" \
                and pobj.lower_ not in _words("collective_forces"):
            return _named_behind(pobj, index)
    known = _known_as(tok, index)
    if known is not None:  # "The Islamic State's Afghan branch, known as ISIS-K, …"
        return span_over(tok.doc, known.span.start, known.span.end).root
    # "The Foreign Minister of Norway, Espen Barth Eide, met …": the person named beside
    # the title acts, before the state in the title.
    children = sorted(tok.children, key=lambda c: c.dep_ != "appos")
    for child in children:
        if child.dep_ == "amod" and child.lower_ == "loyal":  # "fighters loyal to X"
            child = next((c for c in child.children if c.dep_ == "prep"), child)
        if child.dep_ == "appos" and (_is_example(child) or misparsed_apposition(tok, child)):
            continue  # "its backers, notably Russia": one of them, not their name
        # "Fighters from ISWAP" are ISWAP's, "the headquarters … from the Tatmadaw" was its;
        # "the liberation of Iraq from ISIS" is an act, and what it is from is no party to it
        from_party = child.lower_ == "from" and tok.lemma_.lower() not in _words("acts_from")
        if child.dep_ == "appos" or (child.dep_ == "prep" and (child.lower_ == "of" or from_party)):
            target = child if child.dep_ == "appos" else next((c for c in child.children if c.dep_ == "pobj"), None)
            if target is None:
                continue
            named = index.mention_for_token(target)
            if child.lower_ == "of" and tok.lower_ in _words("others_of"):
                continue  # "supporters of Estrada marched": the supporters, not Estrada
            if child.lower_ == "of" and unnamed and tok.lemma_.lower() in _words("territory_parts") and named is not None \
                    and target.ent_type_ in ("GPE", "LOC", "FAC"):
                continue  # "took large areas of western Bosnia": where, not whom
            if from_party and named is not None and index.actors[named.actor].kind == "state" and target.ent_type_ in ("GPE", "LOC", "FAC") \
                    and (unnamed or index.actors[m.actor].kind == "equipment" or tok.lower_ in origin_people()):
                # "fired rockets from Lebanon": where they came from; "abducted aid workers
                # from France": the workers, not France; "troops from Chad" are Chad's
                continue
            if named is not None and named.basis != "nominal" and index.actors[named.actor].kind in GROUP_KINDS | {"person"}:
                return target
    if m is not None and m.basis == "nominal" and m.label == "ORG":
        # "an armed group in central Mali, Katibat al-Nour, has ...": a group named
        # in the description's own phrase, before the verb it is the subject of.
        stop = tok.head.i if tok.head.i > tok.i else tok.right_edge.i
        for t in tok.doc[tok.i : stop + 1]:
            if t.dep_ == "cc" and t.head.i == tok.i:
                break  # "Saudi forces and the Houthis": another party, not the description's name
            if t.pos_ == "VERB" or t.tag_ in ("WDT", "WP"):
                break  # "the coalition fighting the Houthis", "the group, which Kinshasa says …": the clause names someone else
            if t.dep_ == "prep" and t.lower_ in _words("other_party_preps"):
                break  # "the armies … in the fight against Boko Haram": the enemy, not the description's name
            named = index.mention_for_token(t)
            if named is not None and named.basis != "nominal" and index.actors[named.actor].kind in ("armed_group", "organization"):
                whole = span_over(tok.doc, named.span.start, named.span.end)
                return whole.root if whole is not None else t  # (its root carries the list it heads: "groups such as A and B")
    return tok


def _known_as(tok: Token, index: ActorIndex) -> Mention | None:
    """", known as ISIS-K," / ", also called X,": the name the description goes by."""
    for acl in (c for c in tok.children if c.dep_ == "acl" and c.lemma_ in ("know", "call", "name")):
        for prep in (c for c in acl.children if c.dep_ in ("prep", "oprd") ):
            for name in (prep, *prep.children):
                m = index.mention_for_token(name)
                if m is not None and m.actor and m.basis not in ("nominal", "pronoun"):
                    return m
    return None


def _tie_description(m: Mention) -> bool:
    """"Iran's proxies", "Russia's allies", "its backers": a party named by its tie to
    another (data/lexicons/relations.toml [ally_description])."""
    words = m.text.lower().split()
    ties = lexicon("relations")["ally_description"]
    return bool(words) and words[-1] in {*ties["allies"], *ties["backers"], *ties["clients"]}


def _affiliate_description(m: Mention) -> bool:
    words = m.text.lower().split()
    return bool(words) and words[-1] in lexicon("events")["roles"]["affiliate_heads"]


_ACTED_ON_PREPS = frozenset({"among", "through", "into"})


def _nearest(index: ActorIndex, trigger: Token, before: bool, taken: set, speakers: list[Span],
             parties: list[Token] = ()) -> Mention | None:
    """The closest actor mention to one side of a trigger within its sentence, not
    past a clause break (a semicolon, or a comma before a new subject), nor inside the
    phrase of a party the parse found: "an offensive by the LNA of Khalifa Haftar"
    names that party's leader, not its enemy."""
    sent = sentence_of(trigger)
    first, last = sent.start_char, sent.end_char
    clause = _subordinate_clause(trigger)
    if clause is not None:
        # "Wagner moved quickly after Wagner chief Yevgeny Prigozhin was killed": the
        # main clause's subject did not do what the "after" clause tells
        first, last = max(first, clause.left_edge.idx), min(last, clause.right_edge.idx + len(clause.right_edge.text))
    lo, hi = (first, trigger.idx) if before else (trigger.idx + len(trigger.text), last)
    text = index.document.text  # Doc.text would rebuild the whole text
    places = _words("not_a_party_after")
    # Not from inside the phrase of a passive's subject: "Wagner chief Yevgeny Prigozhin
    # was killed", "X, a commander of the Security Belt, was killed" name the victim's
    # group, not the killer. (An active subject's phrase is the doer's own: "our
    # mujahideen in JNIM stormed the camp".)
    passive_subjects = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in trigger.children
                        if c.dep_ == "nsubjpass"]
    # a party's own phrase, but not the party's own name (the parse may find a party
    # the index could not resolve, whose name is then fair game)
    own_phrases = [(p.left_edge.idx, p.right_edge.idx + len(p.right_edge.text), p.idx) for p in parties
                   if not (p.left_edge.i <= trigger.i <= p.right_edge.i)]
    # Not from inside what another verb acts on, before the trigger: "shelled a post, killing
    # two soldiers and X, a journalist of Al-Akhbar, and wounding five others" (the paper is
    # no one's attacker); but "supporting the SDF until ISIL is defeated" may name the doer
    # of the aim
    aim = any(c.dep_ == "mark" and c.lower_ in ("until", "till", "unless") for c in trigger.children)
    # (or among whom it went off, or what it tore through or was thrown into: "a bomb exploded among
    # shoppers, killing six people", "a device tore through a minibus packed with commuters, killing
    # seven"; not "on" or "at", whose objects are as often the act's day or hour, and a parse may
    # hang the subject on them: "On the night of 19 June armed men attacked …")
    acted_on = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in sent[: trigger.i - sent.start]
                if (t.dep_ == "dobj" and t.head.i != trigger.i and t.head.pos_ == "VERB"
                    or t.dep_ == "pobj" and t.head.lower_ in _ACTED_ON_PREPS and t.head.head.pos_ == "VERB" and t.head.head.i != trigger.i)
                and not (t.left_edge.i <= trigger.i <= t.right_edge.i)] if before and not aim else []
    # nor from a clause of its own told before, with its subject, on another verb: "blew up at a
    # checkpoint as soldiers stopped it for inspection, killing ten people" (the soldiers stop,
    # they do not kill)
    acted_on += [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in sent[: trigger.i - sent.start]
                 if t.dep_ == "advcl" and any(c.dep_ == "mark" for c in t.children)
                 and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                 and not (t.left_edge.i <= trigger.i <= t.right_edge.i)] if before else []
    reported = _reported_clauses(trigger)
    # not a party the text denies: "carried out by rebels, not by government forces"
    denied = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in sent
              if t.dep_ in ("agent", "prep") and any(n.dep_ == "neg" for n in t.children)]
    # nor one the sentence puts on someone's side: "fought alongside foreign volunteers during
    # the war there" (participants.ally_preps)
    denied += [(t.idx, t.right_edge.idx + len(t.right_edge.text)) for t in sent
               if t.dep_ == "prep" and t.lower_ in _words("ally_preps")]
    # nor one named only to say what something is like: "the gunmen, some dressed in uniforms
    # like those of federal agents, shot at police"
    denied += [(t.idx, t.right_edge.idx + len(t.right_edge.text)) for t in sent if t.dep_ == "prep" and t.lower_ == "like"]
    between = [m for m in index.mentions_within(lo, hi) if m.actor and m.actor not in taken
               and not any(a <= m.span.start < b for a, b in passive_subjects + denied)
               # (one right before the trigger is its subject the parser joined to the object:
               # "rammed the minivan and gunmen opened fire on it")
               and not (any(a <= m.span.start < b for a, b in acted_on) and text[m.span.end : trigger.idx].strip())
               and not any(a <= m.span.start < b and not (m.span.start <= at < m.span.end) for a, b, at in own_phrases)
               # an outlet beside a trigger is its reporter ("told Reuters that 30 rebels
               # had been killed"), not a party
               and index.actors[m.actor].kind not in ("location", "media", "equipment") and m.label != "NORP"
               and not any(s.overlaps(m.span) for s in speakers)  # "..., a military official said"
               and _word_before(text, m.span.start) not in places  # "In Syria, near Raqqa, three strikes hit ISIS"
               and not _told_listener(trigger, m)
               and not (before and _names_a_thing(trigger.doc, index, m))
               and not _beyond_a_place(trigger.doc, index, m)
               and not _agent_of_the_act(trigger, m)
               and not _reporter_of_the_act(trigger, m)
               and not (not before and _in_other_clause(trigger, m))
               and not any(a <= m.span.start < b for a, b in reported)]
    if not between:
        return None
    best = max(between, key=lambda m: m.span.end) if before else min(between, key=lambda m: m.span.start)
    gap = text[best.span.end : trigger.idx] if before else text[trigger.idx + len(trigger.text) : best.span.start]
    if ";" in gap or ":" in gap or len(gap) > 80:
        return None  # nor across a colon: "CCTV: Several Chinese citizens were injured" (a speaker's label)
    if not before and set(gap.lower().split()) & _words("not_a_party_after"):
        return None  # "clashed in northern Syria", "fight under the banner of X"
    return best


_CLAUSES = frozenset({"advcl", "ccomp", "relcl", "acl", "csubj", "conj", "xcomp"})


def _reporter_of_the_act(trigger: Token, m: Mention) -> bool:
    """Whether a mention owns a report, an inquiry or an account of the act a noun
    trigger tells ("its investigation into the attack", "the UN report on the shelling"):
    it tells of the act, it did not do it."""
    told, reports = trigger, []
    # up a chain of them: "the panel's summary of its inquiry into the shelling"
    while told.dep_ == "pobj" and told.head.dep_ == "prep" and told.head.head.lower_ in _words("reports_on_acts"):
        told = told.head.head
        reports.append(told)
    # the report's owner stands in its phrase before it ("its", "the panel's", "the UN")
    return any(r.left_edge.idx <= m.span.start < r.idx for r in reports)


def _agent_of_the_act(trigger: Token, m: Mention) -> bool:
    """Whether a mention is the agent of a participle on the trigger itself ("a tank mutiny
    backed by Russia", "the offensive led by General X") or on a word of its own phrase
    ("offensives by government forces, backed by US air power"): it names who backed or led
    the act or its doer, not whom it was done to."""
    span = span_over(trigger.doc, m.span.start, m.span.end)
    if span is None:
        return False
    root = span.root
    while root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.i > root.i:
        root = root.head  # ("by US air power": the power's)
    agent = root.head
    if root.dep_ != "pobj" or agent.dep_ != "agent" or agent.head.dep_ != "acl":
        return False
    described = agent.head.head
    if described.i == trigger.i:
        return True
    # on a word of the act's phrase, only a backer ("government forces, backed by US air
    # power"; not "a van driven by X ploughed into …", whose driver did it)
    return trigger.is_ancestor(described) and agent.head.lemma_.lower() in _backing_verbs()


@lru_cache(maxsize=1)
def _backing_verbs() -> frozenset[str]:
    """The verbs of SUPPORT and AID (events.toml): who backs, helps or arms a party."""
    return frozenset(v for e in lexicon("events")["event"] if e["type"] in ("SUPPORT", "AID") for v in e.get("verbs", ()))


def _names_a_thing(doc: Doc, index: ActorIndex, m: Mention) -> bool:
    """Whether a name only modifies a noun that is no party ("in the area of the Somair
    mine", "at the Lonmin platinum mine", "at a Pentecostal church" read as a body's name): it
    says whose or which the thing is, and did nothing in the sentence. (Read for the doer only:
    "strikes against ISIS targets" are against ISIS.)"""
    span = span_over(doc, m.span.start, m.span.end)
    if span is None or span.root.dep_ not in ("compound", "amod") or span.root.head.i < span.end:
        return False
    if span.root.head.lemma_.lower() in triggers().nouns:
        return False  # "Rebel paratroop battalions surrender in Caracas": a headline's verb read as a noun
    thing = index.mention_for_token(span.root.head)
    return thing is None or not thing.actor or index.actors[thing.actor].kind == "location"


def _beyond_a_place(doc: Doc, index: ActorIndex, m: Mention) -> bool:
    """Whether a name only says where a place leads or lies ("near the border with Burkina
    Faso", "on the road to Kabul", "the crossing into Egypt": a preposition of
    participants.place_relating_preps on a noun that is a place): it locates, it did nothing
    in the sentence."""
    span = span_over(doc, m.span.start, m.span.end)
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ not in _words("place_relating_preps"):
        return False
    place = span.root.head.head
    if place.pos_ not in ("NOUN", "PROPN"):
        return False
    held = index.mention_for_token(place)
    return held is not None and held.actor is not None and index.actors[held.actor].kind == "location"


def _told_listener(trigger: Token, m: Mention) -> bool:
    """Whether a mention is the one told what the trigger's clause says ("Laboa told
    reporters that the general feared being lynched", "we fought so that …, the commander
    told the crowd"): the ones told are no side of what they were told."""
    span = span_over(trigger.doc, m.span.start, m.span.end)
    if span is None:
        return False
    told = span.root.head
    return span.root.dep_ in ("dobj", "dative") and told.i != trigger.i and told.lemma_.lower() in _told_verbs() \
        and told in trigger.ancestors


@lru_cache(maxsize=1)
def _told_verbs() -> frozenset[str]:
    """Verbs whose object is the one spoken to (stances.toml [told])."""
    return frozenset(lexicon("stances")["told"]["verbs"])


def _reported_clauses(trigger: Token) -> list[tuple[int, int]]:
    """The character ranges of what a speaker says when the trigger hangs on the saying
    itself ("Four soldiers died, officials said, in the deadliest attack on French forces":
    the soldiers in what was said attacked no one)."""
    verb = next((a for a in trigger.ancestors if a.pos_ == "VERB"), None)
    if verb is None or verb.lemma_.lower() not in _speech_cues():
        return []
    return [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in verb.children
            if c.dep_ == "ccomp" and not (c.left_edge.i <= trigger.i <= c.right_edge.i)]


def _in_other_clause(trigger: Token, m: Mention) -> bool:
    """Whether a mention stands in a clause of its own, with its own subject, that the
    trigger is not in ("we fought so that every Burundian could choose his leaders":
    the leaders are no one's enemy). Read after the trigger only: before it, a clause
    of its own is as often a comma splice the parser misread ("We are sure, beating
    the Taliban needs patience")."""
    span = span_over(trigger.doc, m.span.start, m.span.end)
    if span is None:
        return False
    above = {t.i for t in trigger.ancestors} | {trigger.i}
    node, below = span.root, None
    for _ in range(12):
        if node.i in above or node.head.i == node.i:
            return False
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if node.dep_ in _CLAUSES and node.pos_ in ("VERB", "AUX") and subjects:
            # (that clause's own subject may be the other side: "fought back after the army
            # attacked", "will keep striking until the group is disarmed", and a misparse:
            # "beating the Taliban needs patience"; not in a condition: "offered to end the
            # fighting if the party were made legal")
            conditional = any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children)
            return conditional or not any(below is not None and s.i == below.i for s in subjects)
        node, below = node.head, node
    return False


def _subordinate_clause(trigger: Token) -> Token | None:
    """The adverbial clause a trigger stands in, opened by a conjunction of time,
    cause or condition ("after", "when", "because": events.toml separate_clause_marks):
    its root, or None. ("until ISIL is defeated" is the main clause's own aim.)"""
    node = trigger
    for _ in range(8):
        # ("when" is as often parsed an adverb of the clause's verb as its mark; it opens the clause either way)
        if node.dep_ == "advcl" and any((c.dep_ == "mark" or (c.dep_ == "advmod" and c.i == node.left_edge.i))
                                        and c.lower_ in _words("separate_clause_marks") for c in node.children):
            return node
        if node.dep_ not in ("xcomp", "conj", "ccomp", "advcl", "prep", "pobj", "pcomp", "acl") or node.head is node:
            return None
        node = node.head
    return None


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 20) : start].split()
    return words[-1].lower() if words else ""


def _sharing_head(doc: Doc, nominal: Mention) -> list[Token]:
    """The first tokens of the nationalities that share the nominal's head noun ("Indian"
    of "Indian and Chinese soldiers" for "Chinese soldiers"; nlp `_shared_head_conjuncts`)."""
    shared = doc._.shared_heads or {}
    return [doc[start] for start, (first, _words) in shared.items()
            if nominal.span.start <= doc[first].idx < nominal.span.end]


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for m in mentions:
        if m.actor not in seen:
            seen.add(m.actor)
            out.append(m)
    return out
