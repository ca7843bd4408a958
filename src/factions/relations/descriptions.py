"""Relations read from how a text names a party by its tie to another: two names of one
actor ("X, also known as Y": rule relations.alias-of), a party described by its ally,
backer or patron ("its Russian partners", "Iran's proxies", "X, close to China":
relations.ally-description), a body named as a person's ("the Justice and
Equality Movement of Gibril Ibrahim": relations.group-of-person), and those named by
whom they are loyal or affiliated to ("forces loyal to Ahmed Madobe": relations.loyal-to;
"fighters linked to ISIL": relations.affiliated-with). Words in
data/lexicons/relations.toml [alias], [ally_description] and [affiliation]."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from factions.actors.index import GROUP_KINDS, ActorIndex
from factions.events.arguments import _with_conjuncts
from factions.events.participants import _named_before
from factions.lexicons import lexicon
from factions.model import Mention, Relation
from factions.nlp import relative_noun, sentence_of, sentence_span, span_over, tokens_where
from factions.relations.stances import PARTY_KINDS, person_by_role
from factions.relations.structure import _described_by_predicate, _named_description, _words_of


# Kinds that can be two names of one actor: a person's, or a body's (the model's ORG and
# the knowledge base's kinds disagree on what a body is, so any two bodies).
_ALIAS_KINDS = ({"person"}, {"armed_group", "organization", "government_body", "media", "state"})


@lru_cache(maxsize=1)
def _alias_gap() -> re.Pattern:
    """The text between two names when the second is another name of the first
    (data/lexicons/relations.toml [alias])."""
    words = _words_of("alias")
    adverb = "(?:" + "|".join(map(re.escape, words["adverbs"])) + r")\s+"
    phrases, set_off = "|".join(words["phrases"]), "|".join(words["set_off"])
    mark = r"[,(]\s*"
    acronym = r"(?:\s*\([^()]{1,40}\))?\s*"  # "Harakat al-Shabaab al-Mujahideen (HSM), commonly known as"
    said = f"(?:(?:{mark})?(?:{adverb})*(?:{phrases})|{mark}(?:{adverb})*(?:{set_off})|(?:{adverb})+(?:{set_off}))"
    return re.compile(acronym + said + r"\s*(?:the\s+)?[\"“‘']?\s*", re.IGNORECASE)


def alias_relations(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"X, also known as Y", "X (also called Y)", "X renamed itself Y" (rule
    relations.alias-of): two names of one actor. Only between two actors: where the
    knowledge base already holds both names as one actor's, the text adds no relation.
    Both are names: a description and the name it goes by ("the Islamic State's Afghan
    branch, known as ISIS-K") are one mention of one actor, not two names, unless the
    description is set beside a name ("JAS, the group widely known as Boko Haram"),
    which then stands for it, or is a bare definite one ("The army, known as the SAF")."""
    text, gap = index.document.text, _alias_gap()
    or_names = _words_of("alias")["or_between_commas"]
    out = []
    for alias in index.mentions:
        if not alias.actor or alias.basis in ("nominal", "pronoun", "anaphor"):
            continue
        kinds = next((k for k in _ALIAS_KINDS if index.actors[alias.actor].kind in k), None)
        if kinds is None:
            continue
        before = [m for m in index.mentions_within(max(alias.span.start - 90, 0), alias.span.start)
                  if m.actor and m.span.end <= alias.span.start and m.basis != "pronoun"]
        for named in sorted(before, key=lambda m: (-m.span.end, m.span.start)):
            between = text[named.span.end : alias.span.start]
            if not (gap.fullmatch(between) or (or_names and between == ", or " and text[alias.span.end : alias.span.end + 1] in ",)"
                                               and not text[: named.span.start].rstrip().endswith(","))):
                continue
            if named.basis in ("nominal", "anaphor"):
                beside = [m for m in index.mentions_within(max(named.span.start - 80, 0), named.span.start)
                          if m.actor == named.actor and m.basis not in ("nominal", "pronoun", "anaphor")
                          and text[m.span.end : named.span.start].strip() == ","]
                inner = [m for m in index.mentions_within(named.span.start, named.span.end) if m is not named and m.actor
                         and m.label != "NORP" and index.actors[m.actor].kind in GROUP_KINDS]
                # "The army, known as the SAF": a bare definite description names the body as well;
                # "the Islamic State's Afghan branch, known as ISIS-K" describes one by another's name
                bare = not inner and named.text.split()[0].lower() == "the"
                named = beside[-1] if beside else (named if bare else None)
            if named is not None:
                named = _described_by_alias(doc, index, alias, named)
            if named is not None and named.actor != alias.actor and index.actors[named.actor].kind in kinds:
                token = span_over(doc, alias.span.start, alias.span.end)[0]
                out.append(Relation(type="same_as", source=named.actor, target=alias.actor, source_span=named.span,
                                    target_span=alias.span, evidence_span=sentence_span(sentence_of(token)),
                                    modality="asserted", rule="relations.alias-of"))
            break
    return out


def _described_by_alias(doc: Doc, index: ActorIndex, alias: Mention, named: Mention) -> Mention:
    """The name "known as" describes where the name before it is a place that ends
    another's: "the United Nations Stabilization Mission in Haiti, known as MINUSTAH" is
    the mission's name, not Haiti's (walked up the place's "in", "of" or "for" phrase to the
    name it belongs to)."""
    if index.actors[named.actor].kind not in ("location", "state"):
        return named
    span = span_over(doc, named.span.start, named.span.end)
    token, found = (span.root if span is not None and len(span) else None), named
    while token is not None and token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in ("in", "of", "for"):
        token = token.head.head
        owner = index.mention_for_token(token) if token.pos_ in ("NOUN", "PROPN") else None
        if owner is None or not owner.actor or owner.basis in ("nominal", "pronoun"):
            break
        found = owner
    return found


def ally_descriptions(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"its Russian partners", "Iran's proxies", "their foreign backers" and "Congolese
    troops and allied Wazalendo militias" (rule relations.ally-description): the party
    a description names by its tie to another (data/lexicons/relations.toml
    [ally_description]). A group named in the description's "in"/"from" phrase ("its
    Russian partners in the Africa Corps") is the party."""
    words = _words_of("ally_description")
    ties = {w: "allies" for w in words["allies"]} | {w: "backers" for w in words["backers"]} | {w: "clients" for w in words["clients"]}
    out = []

    def party(tok: Token | None) -> Mention | None:
        m = index.mention_for_token(tok) if tok is not None else None
        if m is not None and m.basis == "pronoun":
            m = _named_before(index, m, sentence_of(tok).start_char) or m
        return index.of_kind(m, PARTY_KINDS - {"location"})

    def add(kind: str, a: Mention | None, b: Mention | None, anchor: Token, description: Mention | None = None) -> None:
        # Only the possessor may lie inside the other's span: "Iran's proxies".
        inside = a is not None and b is not None and a.span.overlaps(b.span) and not (
            description is not None and description.span in (a.span, b.span))
        if a is not None and b is not None and a.actor != b.actor and not inside:
            out.append(Relation(type=kind, source=a.actor, target=b.actor, source_span=a.span, target_span=b.span,
                                evidence_span=sentence_span(sentence_of(anchor)), modality="asserted", rule="relations.ally-description"))

    adjectives = words["adjectives"]
    for token in tokens_where(doc, lowers=frozenset(ties) | frozenset(words["modifiers"]) | frozenset(adjectives)):
        if token.pos_ in ("ADJ", "ADV") and token.lower_ in adjectives and token.dep_ in ("amod", "appos", "acomp", "advmod"):
            other = next((o for c in token.children if c.dep_ == "prep" and c.lower_ == adjectives[token.lower_]
                          for o in c.children if o.dep_ == "pobj"), None)
            if other is not None:
                # "the United Wa State Army, close to China"; "the militia is close to Iran"
                described = next((c for c in token.head.children if c.dep_ == "nsubj"), None) if token.dep_ == "acomp" else token.head
                add("allied_with", party(described), party(other), token)
                continue
        if token.lower_ in ties and token.pos_ == "NOUN" and token.dep_ in ("attr", "appos") \
                and not any(c.dep_ == "poss" for c in token.children):
            # "France is a close ally of Chad", "the UAE and Saudi Arabia are partners of
            # the United States", "Wagner, a backer of the junta": the party the copula or
            # the apposition describes, tied to the object of "of".
            holder = token.head if token.dep_ == "appos" else next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            others = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for pobj in c.children
                      if pobj.dep_ == "pobj" for o in [pobj, *pobj.conjuncts]]
            # "Hezbollah, an Iranian proxy": the nationality or state before the tie noun ("a NATO
            # ally" is a member, relations.described-member)
            others += [c for c in token.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")]
            if holder is not None and others:
                tie = ties[token.lower_]
                for described in (party(h) for h in [holder, *holder.conjuncts]):
                    for other in map(party, others):
                        if tie == "allies":
                            add("allied_with", described, other, token)
                        elif tie == "backers":
                            add("supports", described, other, token)
                        else:
                            add("supports", other, described, token)
                continue
        if token.lower_ in ties and token.pos_ == "NOUN":
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            of_party = None if owner is not None else next(
                (p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                 if o.dep_ == "pobj" for p in [party(o)] if p is not None and (p.basis != "nominal" or person_by_role(p, doc, index))), None)
            if of_party is not None and party(token) is not None and token.dep_ not in ("attr", "appos"):
                # "Supporters of President Aristide manned the barricades", "supporters of the
                # president": the people the description names are tied to the one after "of"
                tie = ties[token.lower_]
                if tie == "allies":
                    add("allied_with", party(token), of_party, token)
                elif tie == "backers":
                    add("supports", party(token), of_party, token)
                else:
                    add("supports", of_party, party(token), token)
                continue
            named = [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "from", "of")
                     for o in c.children if o.dep_ == "pobj" for p in [party(o)]
                     if p is not None and p.basis != "nominal" and index.actors[p.actor].kind in GROUP_KINDS - {"state"}]
            described = named[0] if named else party(token)
            among = token.dep_ == "pobj" and token.head.lower_ == "among" and token.head.dep_ == "prep"
            if (described is None or described.basis == "nominal") and (token.dep_ in ("appos", "attr") or among):
                # "The Houthis, Tehran's closest allies, …", "the SDF is Washington's main partner",
                # "the SDF have been among our most effective partners"
                verb = token.head.head if among else token.head
                holder = token.head if token.dep_ == "appos" else next((c for c in verb.children if c.dep_ == "nsubj"), None)
                described = party(holder) or described
            holder = party(owner)
            persons = holder is not None and (index.actors[holder.actor].kind == "person" or person_by_role(holder, doc, index))
            if described is not None and described.basis == "nominal" and not _named_description(described, index) \
                    and not (ties[token.lower_] == "backers" and persons):
                # "the regime and its backers": who they are is not said ("Mr X and his supporters"
                # are his people, as "supporters of Mr X" are)
                continue
            tie = ties[token.lower_]
            if tie == "allies":
                add("allied_with", party(owner), described, token, described)
            elif tie == "backers":
                add("supports", described, party(owner), token, described)
            else:
                add("supports", party(owner), described, token, described)
        elif token.lower_ in words["modifiers"] and token.dep_ == "amod" and token.head.pos_ in ("NOUN", "PROPN") \
                and not (token.i > 0 and doc[token.i - 1].text == "-"):
            # (not "the government and Moscow-aligned rebels": the name before the hyphen says
            # with whom, relations.hyphenated-sponsor)
            group = token.head
            beside = group.head if group.dep_ == "conj" else next((c for c in group.children if c.dep_ == "conj"), None)
            add("allied_with", party(beside), party(group), token)
        elif token.lower_ in words["modifiers"] and token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN"):
            # "Congolese troops and allied Wazalendo militias", parsed as a verb "allied"
            # conjoined to the troops with the militias as its object
            group = next((c for c in token.children if c.dep_ == "dobj"), None)
            add("allied_with", party(token.head), party(group), token)
    return out


def person_groups(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"the Justice and Equality Movement of Gibril Ibrahim", "Moqtada al-Sadr's Mahdi
    Army", "the government of Omar al-Bashir" (rule relations.group-of-person): a body
    named as a person's is the one the person leads."""
    led_bodies = frozenset(lexicon("events")["roles"]["led_bodies"])
    out = []
    for m in index.mentions:
        if not m.actor or m.basis == "pronoun":
            continue
        generic = m.text.lower().split()[-1] in led_bodies  # "the federal government of President X"
        kind = index.actors[m.actor].kind
        if kind not in GROUP_KINDS - {"state", "media"} and not (kind == "state" and generic and m.basis == "nominal"):
            continue  # ("the government of Prime Minister X" may stand for the state itself)
        if m.basis == "nominal" and ((not _named_description(m, index) and not generic) or any(
                o is not m and o.actor and o.basis not in ("nominal", "pronoun") and index.actors[o.actor].kind in GROUP_KINDS
                for o in index.mentions_within(m.span.start, m.span.end))):
            continue  # "the supporters of X": no body named; "X's Mahdi Army": the name inside stands
        span = span_over(doc, m.span.start, m.span.end)
        if span is None:
            continue
        head = span.root
        owners = [c for c in head.children if c.dep_ == "poss"]
        for of in (c for t in span for c in t.children if c.dep_ == "prep" and c.lower_ == "of"):
            # (the last "of" of "the Government of National Unity of General X" hangs on its last word)
            objects = [o for o in of.children if o.dep_ == "pobj"]
            if not objects and of.i + 1 < len(doc):  # "the government of President X" parsed with X beside "government"
                objects = [doc[of.i + 1]]
            owners += objects
        for owner in owners:
            if owner.tag_ == "WP$":  # "Maher al-Assad, whose 4th Armoured Division …": the name the clause hangs on
                clause = owner
                while clause.dep_ != "relcl" and clause.head.i != clause.i:
                    clause = clause.head
                owner = clause.head if clause.dep_ == "relcl" else owner
            person = index.mention_for_token(owner)
            if person is not None and person.basis == "nominal" and len(person.text.split()) == 1 and person.span.end < len(index.document.text):
                person = next((m for m in index.mentions_within(person.span.end + 1, person.span.end + 80)
                               if m.span.start == person.span.end + 1 and m.basis not in ("nominal", "pronoun")), person)  # "President" of "President X"
            if person is None or not person.actor or person.basis == "pronoun" or index.actors[person.actor].kind != "person":
                continue
            out.append(Relation(type="leads", source=person.actor, target=m.actor, source_span=person.span, target_span=m.span,
                                evidence_span=sentence_span(sentence_of(head)), modality="asserted", rule="relations.group-of-person"))
    return out


def persons_forces(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"Haftar's forces", "his fighters", "Prigozhin's men" (rule relations.persons-forces):
    a person commands the forces named as theirs (relations.toml [persons_forces] words)."""
    heads = frozenset(lexicon("relations")["persons_forces"]["heads"])
    titles = frozenset(lexicon("events")["roles"]["leads"])
    out = []
    for m in index.mentions:
        if not m.actor or m.basis != "nominal" or m.text.lower().split()[-1] not in heads:
            continue
        span = span_over(doc, m.span.start, m.span.end)
        if span is None:
            continue
        owner = next((c for c in span.root.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "PRON" and owner.lower_ not in ("his", "her"):
            continue  # "our forces", "their fighters": a body's, read by relations.described-member
        person = index.mention_for_token(owner) if owner is not None else None
        if person is not None and person.basis == "pronoun":
            # "his" counts only for a person named earlier in the sentence, or taken up
            # there by "he" ("He ordered his men to …"): a guess across sentences reads
            # "Gezira state … his fighters"
            start = sentence_of(span.root).start_char
            person = _named_before(index, person, start) or _pronoun_before(index, person, start)
        if person is None or not person.actor or person.actor == m.actor or not _one_person(person, index, titles):
            continue
        out.append(Relation(type="leads", source=person.actor, target=m.actor, source_span=person.span, target_span=m.span,
                            evidence_span=sentence_span(sentence_of(span.root)), modality="asserted", rule="relations.persons-forces"))
    return out


def _one_person(m: Mention, index: ActorIndex, titles: frozenset[str]) -> bool:
    """A person: named, or one described by a leader's title alone ("the commander", "the
    Chief of Police"), which the index keeps as people without a name. A title beside a
    name ("Colonel X, commander of the garrison,") is the name's: the name is the person."""
    kind = index.actors[m.actor].kind
    if kind == "person":
        return True
    words = m.text.lower().split()
    if kind != "population" or len(words) < 2 or words[0] != "the" or words[1] not in titles:
        return False
    text = index.document.text
    return not any(index.actors[o.actor].kind == "person" and o.basis != "pronoun"
                   and (text[o.span.end : m.span.start].strip() == "," or text[m.span.end : o.span.start].strip() == ",")
                   for o in index.mentions_within(max(0, m.span.start - 80), m.span.end + 80) if o.actor)


def _pronoun_before(index: ActorIndex, pronoun: Mention, sentence_start: int) -> Mention | None:
    """The last personal pronoun before a possessive in its sentence that stands for
    the same person ("he" of "he led his men")."""
    before = [m for m in index.mentions_within(sentence_start, pronoun.span.start)
              if m.actor == pronoun.actor and m.basis == "pronoun" and m.text.lower() in ("he", "him", "she")]
    return before[-1] if before else None


def _affiliation_words() -> dict[str, list[str]]:
    return lexicon("relations")["affiliation"]["adjectives"]


def _described_by(word: Token) -> Token | None:
    """The party an adjective or participle of affiliation describes: the noun it
    modifies ("forces loyal to X", "fighters linked to ISIL", "the group, affiliated
    with al-Qaeda,"), or the subject it is said of ("X remains loyal to Y", "the
    militia is tied to the party") or the object of the verb ("linked the bombers to
    the ADF"), a relative pronoun standing for its noun ("ISWAP,
    which is loyal to the Islamic State", "al-Shabaab, which is affiliated with
    al-Qaeda")."""
    if word.dep_ in ("amod", "acl"):
        return word.head
    clause = word.head if word.dep_ == "acomp" else word if word.pos_ in ("VERB", "ADJ") else None
    if clause is None:
        return None
    if clause is word:  # "officials linked the bombers to the ADF": the object is the one tied
        linked = next((c for c in word.children if c.dep_ == "dobj"), None)
        if linked is not None:
            return linked
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return relative_noun(subject) or subject if subject is not None else None


def loyal_parties(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"forces loyal to Ahmed Madobe", "fighters loyal to the STC" (rule
    relations.loyal-to): a person commands those loyal to them; a group counts them
    among its own. "Fighters linked to ISIL", "al-Shabaab, which is affiliated with
    al-Qaeda" (rule relations.affiliated-with; relations.toml [affiliation]): an
    affiliate of the group, a looser tie than membership."""
    out = []
    words = _affiliation_words()
    for token in tokens_where(doc, lowers=frozenset(words)):
        described = _described_by(token)
        if described is None:
            continue
        m = index.mention_for_token(described)
        if m is None or not m.actor or m.basis == "pronoun":
            continue
        loyal = token.lower_ == "loyal"
        rule = "relations.loyal-to" if loyal else "relations.affiliated-with"
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in words[token.lower_]):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                x = index.mention_for_token(obj)
                if x is None or not x.actor or x.actor == m.actor:
                    continue
                kind = index.actors[x.actor].kind
                if loyal and m.basis == "nominal" and (kind == "person" or person_by_role(x, doc, index)):
                    # (one named by title too: "the armed forces had stayed loyal to the President")
                    rel = Relation(type="leads", source=x.actor, target=m.actor, source_span=x.span, target_span=m.span,
                                   evidence_span=sentence_span(sentence_of(token)), modality="asserted", rule=rule)
                elif kind in GROUP_KINDS - {"media"} and index.actors[m.actor].kind in PARTY_KINDS:
                    # "forces loyal to the STC" are its members, "ISWAP remains loyal to the Islamic
                    # State" an affiliate; a tie ("fighters linked to ISIL") is affiliation only
                    rel_type = "member_of" if m.basis == "nominal" and loyal else "affiliate_of"
                    rel = Relation(type=rel_type, source=m.actor, target=x.actor, source_span=m.span, target_span=x.span,
                                   evidence_span=sentence_span(sentence_of(token)), modality="asserted", rule=rule)
                else:
                    continue
                out.append(rel)
    return out


def _of_after(span) -> Token | None:
    """The object of the "of" right after a mention and hanging on it ("the 17th Regiment
    | of | the Republic of Korea Army"), or None."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ == "of" and span.start <= doc[span.end].head.i < span.end:
        return next((c for c in doc[span.end].children if c.dep_ == "pobj"), None)
    return None


def facilities_of_parties(doc: Doc, index: ActorIndex) -> list[Relation]:
    """A facility "of" a party is the party's (rule relations.facility-of, lexicons/relations.toml
    [facility_of]): "the headquarters of the First Army Corps", "the Embassy of Nicaragua"."""
    words = _words_of("facility_of")
    heads, idioms = frozenset(words["heads"]), frozenset(words["not_facility_modifiers"])
    out = []
    for m in index.mentions:
        if not m.actor or m.basis != "nominal" or index.actors[m.actor].kind != "location":
            continue
        span = span_over(doc, m.span.start, m.span.end)
        if span is None or span.root.lower_ not in heads or any(c.lower_ in idioms for c in span.root.children):
            continue
        pobj = _of_after(span)
        # several facilities are each owner's: "the embassies of Britain, the Netherlands and Germany"
        owners = [pobj, *pobj.conjuncts] if pobj is not None and span.root.tag_ == "NNS" else [pobj]
        for owner in (index.mention_for_token(o) if o is not None else None for o in owners):
            if owner is None or not owner.actor or owner.actor == m.actor \
                    or index.actors[owner.actor].kind not in GROUP_KINDS | {"person", "population"}:
                continue
            out.append(Relation(type="owned_by", source=m.actor, target=owner.actor, source_span=m.span, target_span=owner.span,
                                evidence_span=sentence_span(sentence_of(span.root)), modality="asserted", rule="relations.facility-of"))
    return out


def _named_body_beside(head: Token, index: ActorIndex) -> Mention | None:
    """The named body a description is set beside ("Ansaru, a splinter group of Boko
    Haram": Ansaru), or None."""
    if head.dep_ != "appos":
        return None
    named = index.mention_for_token(head.head)
    if named is not None and named.actor and named.basis not in ("nominal", "pronoun") and index.actors[named.actor].kind in GROUP_KINDS:
        return named
    return None


def _capitalised(text: str) -> bool:
    """A name, not a description: every word but the small ones capitalised ("The
    Communist Party", "the Armed Forces"; not "the armed wing")."""
    words = [w for w in text.split() if w.lower() not in ("the", "a", "an", "of", "and", "for")]
    return bool(words) and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def parts_of_bodies(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"X of Y" between two parties (relations.toml [body_of]): a person or a body "of" a
    body belongs to it ("Tan Cheng Lock of the Malayan Chinese Association": rule
    relations.person-of-body; "the 17th Regiment of the Republic of Korea Army":
    relations.body-of-body, which makes a branch an affiliate and a splinter group a
    splinter); people "of" a body, and bodies "of" a coalition, are its members ("a
    garrison of British troops", "a coalition of A and B": relations.members-of-body).
    Not a tie ("the enemies of the regime")."""
    words = _words_of("body_of")
    collectives, not_parts = frozenset(words["collectives"]), frozenset(words["not_parts"])
    leader_titles = frozenset(lexicon("events")["roles"]["leads"])
    origin, troops = lexicon("relations")["possessor"]["origin_people"], lexicon("relations")["troop_contributors"]
    # people, not units: "troops", "volunteers", "men" (not "platoon", "contingent")
    people = frozenset(origin) | frozenset(troops["forces_of_subject"]) \
        | frozenset(troops["force_nouns"]) - frozenset(troops["unit_nouns"])
    units, affiliates = frozenset(words["units"]), frozenset(words["affiliates"])
    splits, successors = frozenset(words["splits"]), frozenset(words["successors"])
    not_part_modifiers = frozenset(words["not_part_modifiers"])
    person_heads = frozenset(lexicon("nominals")["person"]["heads"])
    out = []

    def add(member: Mention, body: Mention, token: Token, rule: str, kind: str = "member_of") -> None:
        if member.actor != body.actor and not member.span.contains(body.span) and not body.span.contains(member.span):
            out.append(Relation(type=kind, source=member.actor, target=body.actor, source_span=member.span,
                                target_span=body.span, evidence_span=sentence_span(sentence_of(token)), modality="asserted", rule=rule))

    for m in index.mentions:
        if not m.actor or m.basis == "pronoun":
            continue
        kind = index.actors[m.actor].kind
        span = span_over(doc, m.span.start, m.span.end)
        pobj = _of_after(span) if span is not None else None
        whole = index.mention_for_token(pobj) if pobj is not None else None
        if whole is None or not whole.actor or whole.basis == "pronoun" or whole is m:
            continue
        whole_kind = index.actors[whole.actor].kind
        head = span.root.lower_
        if head in not_parts:
            continue
        modifiers = {c.lower_ for c in span.root.children if c.dep_ in ("amod", "compound")}
        if span.start > 0 and doc[span.start - 1].is_alpha and doc[span.start - 1].text[:1].isupper() \
                and not doc[span.start - 1].is_sent_start:
            continue  # "Party" of "the Communist Party of Nepal": a piece of one name
        titled = span[0].lower_ in leader_titles or (span.start > 0 and doc[span.start - 1].lower_ in leader_titles)
        if pobj.lower_ in person_heads and pobj.tag_ in ("NN", "NNP") and whole.basis == "nominal":
            continue  # "the Office of the High Commissioner": a person's title, no body
        if kind == "person" and m.basis != "nominal" and whole_kind in GROUP_KINDS - {"state"} and not titled:
            add(m, whole, pobj, "relations.person-of-body")  # ("President X of Togo": relations.title-of)
        elif kind not in GROUP_KINDS - {"state"} or (m.basis == "nominal" and head in person_heads):
            continue  # ("the deputy chairman of the SPLM-IO": relations.title-of)
        elif pobj.lemma_.lower() in people and head in units and whole.basis == "nominal" \
                and not any(c.dep_ == "det" and c.lower_ == "the" for c in pobj.children):
            # "a force of some 1,200 men"; not "a group of pilgrims", nor "an elite unit of the
            # Philippine National Police", a named body's unit (below), nor "a tactical unit of
            # the national police", a body's by its description
            add(whole, m, pobj, "relations.members-of-body")
        elif head in collectives and not _capitalised(m.text):
            for t in _with_conjuncts(pobj):  # "a coalition of A and B": named bodies, not "an alliance of armed groups"
                member = index.mention_for_token(t)
                if member is not None and member.actor and member.basis not in ("pronoun", "nominal") \
                        and index.actors[member.actor].kind in GROUP_KINDS - {"state"}:
                    add(member, m, pobj, "relations.members-of-body")
        elif whole_kind not in GROUP_KINDS or modifiers & not_part_modifiers:
            continue  # "a rival faction of X"
        elif modifiers & (splits | successors):
            part = _described_by_predicate(span.root, index) or _named_body_beside(span.root, index) or m
            add(part, whole, pobj, "relations.body-of-body",  # "Ansaru, a splinter group of Boko Haram"
                "successor_of" if modifiers & successors else "splinter_of")
        elif (pobj.lemma_.lower() not in people or whole.basis != "nominal") and (whole.basis != "nominal" or _named_description(whole, index)) \
                and not (_capitalised(m.text) and whole_kind == "state"):
            # (a name "of" a state is one name: "the Communist Party of Peru", "the Armed Forces of the DRC")
            part = _described_by_predicate(span.root, index) or _named_body_beside(span.root, index) or m
            add(part, whole, pobj, "relations.body-of-body",  # "X is the armed wing of Y", "X, the armed wing of Y"
                "affiliate_of" if head in affiliates else "member_of")  # "the Saharan branch of AQIM"
    return out
