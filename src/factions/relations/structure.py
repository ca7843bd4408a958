"""Relations read from the structure of noun phrases and clauses rather than from an
event: titles ("IS leader Abu Bakr al-Baghdadi"), descriptions ("IS fighters", "the
al-Qaeda affiliate"), hyphenated sponsors ("Iran-backed"), "led by", "part of",
"including" (rules relations.title-of, relations.described-member, … in data/rules.toml),
and the two steps every relation goes through: arguments named rather than pronouns,
and one record per relation."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from factions.actors.demonyms import capital_keys
from factions.actors.index import GROUP_KINDS, PRONOUN_STEM, ActorIndex
from factions.events.arguments import _in_dateline, _is_assault, _subject_tokens, _with_conjuncts, _with_its_own, joining_idiom
from factions.events.modality import modality_of
from factions.events.participants import ARGUMENT_PRONOUNS, _affiliate_description, _is_example, _known_as, _named_before, _Participants, _words
from factions.events.triggers import allied_adjective
from factions.lexicons import lexicon
from factions.model import Mention, Relation, Span
from factions.nlp import object_of, relative_noun, sentence_of, sentence_span, span_over, tokens_where, unrealised
from factions.nlp.components import _person_titles, peoples
from factions.places.gazetteer import place_key
from factions.relations.stances import PARTY_KINDS, PLACE_KINDS, name_beside, person_by_role
from factions.relations.types import symmetric_types


def title_relations(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"IS leader Abu Bakr al-Baghdadi", "al-Zawahri, the head of al-Qaeda": the title
    between a person and a group makes the person lead it, or belong to it."""
    roles = lexicon("events")["roles"]
    title_relation = {w: "leads" for w in roles["leads"]} | {w: "member_of" for w in roles["member_of"]}
    out = []
    persons = [m for m in index.mentions if m.actor and index.actors[m.actor].kind == "person" and m.basis != "pronoun"]
    group_kinds = ("armed_group", "organization", "government_body", "state", "media")
    # A body named by a description counts when the description names whose it is
    # ("Nigerian army spokesman X", "spokesman for the Kabul police"): not "a spokesman for the group".
    groups = [m for m in index.mentions if m.actor and index.actors[m.actor].kind in group_kinds
              and (m.basis != "nominal" or _named_description(m, index))]
    places = [m for m in index.mentions if m.actor and index.actors[m.actor].kind == "location" and m.basis != "pronoun"
              and (m.basis != "nominal" or _named_description(m, index))]
    for person in persons:
        window = _window(doc, person.span)
        for token in window:
            last = token  # a title's last word: "of X" follows it
            # Two-word titles first: "NATO Secretary General Mark Rutte", "Vice President X".
            rel = title_relation.get(f"{doc[token.i - 1].lower_}-{token.lower_}") if token.i > 0 else None
            if rel:
                token = doc[token.i - 1]
            else:
                rel = title_relation.get(token.lemma_.lower())
            if not rel and token.i > 1 and doc[token.i - 1].text in "-‐‑":  # "the secretary-general of X"
                rel = title_relation.get(f"{doc[token.i - 2].lower_}-{token.lower_}")
                token = doc[token.i - 2] if rel else token
            if not rel:
                continue
            if _not_the_persons_title(last, person.span):
                continue
            group = _group_near(token, groups, person.span, index.document.text)
            if group is None and last is not token:
                group = _group_near(last, groups, person.span, index.document.text)
            if token.lemma_.lower() in _words("place_titles"):
                # "Borno state governor X" leads Borno; "the Taliban governor of Balkh province, X"
                # leads Balkh and belongs to the Taliban
                place = _group_near(token, places, person.span, index.document.text)
                if place is not None:
                    if group is not None and group.actor != place.actor and index.actors[group.actor].kind != "state":
                        out.append(Relation(type="member_of", source=person.actor, target=group.actor, source_span=person.span,
                                            target_span=group.span, evidence_span=sentence_span(sentence_of(token)),
                                            modality="asserted", rule="relations.title-of"))
                    group = place
            if group is None and token.idx < person.span.start:
                group = _of_after_name(doc, person, groups, index)  # "President Faure Gnassingbe of Togo"
            if group is None:
                group = _whose(token, index)
            if group is None:
                continue
            if rel == "leads" and (_one_of_several(token) or _regional(token, index, person.span) or _second_in_command(token)):
                rel = "member_of"  # "a senior Kataib Hezbollah commander", "its commander in West Darfur", "deputy head of X"
            out.append(
                Relation(
                    type=rel, source=person.actor, target=group.actor,
                    source_span=person.span, target_span=group.span,
                    evidence_span=sentence_span(sentence_of(token)),
                    modality="asserted", rule="relations.title-of",
                )
            )
            break
    return out


_DEFINITE = ("the", "its", "their", "his", "her")


def _beside_a_name(head: Token, index: ActorIndex, group: Mention, doc: Doc) -> bool:
    """Whether a description is set beside a person's name by a comma, either way round
    ("its chairman, Pushpa Kamal Dahal"; "Dahal, its chairman"; "the President of the
    Council, Dr. Rashad al-Alimi", which the parse may hang on the council)."""
    others = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
    after = span_over(doc, group.span.start, group.span.end)
    if after is not None and after.end + 1 < len(doc) and doc[after.end].text == ",":
        others += list(doc[after.end + 1 : after.end + 4])
    for other in others:
        m = index.mention_for_token(other)
        if m is not None and m.actor and index.actors[m.actor].kind == "person" and m.basis not in ("nominal", "pronoun"):
            return True
    return False


def described_memberships(doc: Doc, index: ActorIndex, participants: _Participants) -> list[Relation]:
    """"a senior IS leader", "IS fighters": the described people belong to the group."""
    out = []
    inhabitants = frozenset(lexicon("events")["roles"]["inhabitants"])
    titles = _title_mentions(index, doc)
    members = frozenset(lexicon("relations")["possessor"]["members"])
    units_of_people = frozenset(lexicon("relations")["possessor"]["units_of_people"])
    after_pronoun = frozenset(lexicon("relations")["possessor"]["members_after_pronoun"])
    of_states_only = frozenset(lexicon("relations")["possessor"]["of_states"])
    leader_heads = frozenset(lexicon("relations")["possessor"]["leaders"])
    singular_leads = frozenset(lexicon("events")["roles"]["leads"])  # "the President of Kenya", "its commander"
    place_rulers = frozenset(lexicon("relations")["possessor"]["place_rulers"])
    ally = _words_of("ally_description")
    ties = frozenset(ally["allies"]) | frozenset(ally["backers"]) | frozenset(ally["clients"])
    for m in list(index.mentions):
        if not m.actor:
            continue
        actor = index.actors[m.actor]
        # People ("IS fighters"), and a group's own units and forces named by it
        # ("Houthi forces", "CENTCOM forces", "13 ISIS tactical units"): a nominal the
        # knowledge base does not know, headed by a member word.
        words = m.text.lower().split()
        unit = m.basis == "nominal" and not actor.kb_id and actor.kind in GROUP_KINDS and words[-1] in members \
            and (words[-1] not in after_pronoun or words[0] in ("its", "their", "his", "her", "our"))
        if actor.kind != "population" and not unit:
            continue
        if actor.kind == "population" and (named := _person_before_apposition(m, index, doc)) is not None \
                and (led := _titled_head(m, named, index, doc, singular_leads)) is not None:
            out.append(led)  # "General X, the commander of the army,"
            continue
        if m.span in titles:
            continue  # "Houthi spokesman Yahya Saree": the role is the person's (see title_relations)
        if m.text.lower().split()[-1] in ties:
            continue  # "Iran's proxies", "its allies": a tie, not members (relations.ally-description)
        if m.span.start > 0 and index.document.text[m.span.start - 1] in "-‐‑":
            continue  # "general" of "the secretary-general of X": half a title, no people
        if m.text.lower().split()[-1] in of_states_only and m.text.split()[0].lower() in ("its", "their", "our") \
                and ((p := _opening_pronoun(m, index)) is None or index.actors[p.actor].kind not in ("state", "location")):
            continue  # "their governments" (of the presidents thanked), never a ministry's
        group = participants.resolve_description(m, doc)  # "IS fighters", "members of the tribe"
        if group is not m and group.actor and index.actors[group.actor].kind == "person" \
                and (led := _titled_head(m, group, index, doc, singular_leads)) is not None:
            out.append(led)  # "the commander of the army, General X"
            continue
        own_unit = _owned_unit(m, group, index, doc)  # "its Majeed Brigade": the unit is the owner's
        if own_unit is not None:
            out.append(own_unit)
            continue
        if group is not m and m.text.split()[0].lower() in ("its", "their", "our") and not m.span.contains(group.span) \
                and index.actors[group.actor].kind in ("state", "location"):
            group = m  # "recalled its ambassador from Tehran": the possessor's, not Tehran's ("our forces of the 6th Division" are the division's)
        if group is m:
            group = _possessor(m, index, doc) or m  # "its fighters", "their commanders"
        if group is m and (actor.kind == "population" or unit):
            group = _body_described_of(m, index, doc) or m  # "soldiers of the new national army", "units of the army"
        if group is m and actor.kind == "population" and (people := _people_led(m, index, doc, singular_leads)) is not None:
            out.append(Relation(type="leads", source=m.actor, target=people.actor, source_span=m.span, target_span=people.span,
                                evidence_span=sentence_span(sentence_of(_root_of(m, doc))), modality="asserted",
                                rule="relations.described-leaders"))
            continue  # "the leader of the pirates", "the commander of the mutineers"
        # ("the President of the Kurdistan Region": a place's own head, events.toml place_titles)
        ruled = _place_ruled(m, index, doc) if (words[-1] in place_rulers or words[-1] in _words("place_titles")) \
            and words[0] in _DEFINITE else None
        if ruled is not None:
            out.append(Relation(type="leads", source=m.actor, target=ruled.actor, source_span=m.span, target_span=ruled.span,
                                evidence_span=sentence_span(sentence_of(_root_of(m, doc))), modality="asserted",
                                rule="relations.described-leaders"))
            continue  # "the mayor of the Gran Sabana district": who runs the place (a title beside a name is relations.title-of's)
        people_unit = group is not m and index.actors[group.actor].kind == "population" \
            and words[-1] in units_of_people  # ("a unit of the guerrillas")
        if group is m or group.actor == m.actor or (index.actors[group.actor].kind not in GROUP_KINDS and not people_unit):
            continue
        if _bare(group.text) == _bare(m.text):
            continue  # "the Central Committee of Sudanese Doctors" read twice: one body, no member of itself
        if unit and group.span.start >= m.span.end \
                and index.document.text[m.span.end : group.span.start].split()[:1] in (["in"], ["at"], ["near"]):
            continue  # "a military detachment in Djibo": stationed there, not its unit
        if index.actors[group.actor].kind not in ("state", "location") and m.text.lower().split()[-1] in of_states_only:
            continue  # "the governments of" a state, never of a body
        if index.actors[group.actor].kind == "state" and m.text.lower().split()[-1] in inhabitants:
            continue  # "the people of Sudan" live there; they are no members of a body
        if index.actors[group.actor].kind == "state" and index.document.text[m.span.end : group.span.start].split()[:1] == ["from"] \
                and (m.text.lower().split()[-1] in lexicon("relations")["possessor"]["origin_people"]
                     or _words("former_modifiers").intersection(m.text.lower().split())):
            continue  # "recruits from Ethiopia", "former soldiers from Angola" come from there; "pilots from Denmark" serve it
        if group.label in ("GPE", "LOC") and group.span.end <= m.span.end and m.text.lower().split()[-1].rstrip("s") in _words("topic_titles"):
            continue  # "Senior Syria Analyst", "Yemen researchers": the country is their subject
        if group.label == "NORP":
            continue  # "Turkish forces", "Israeli officials" stand for the state itself (actors/demonyms.py)
        chars = span_over(doc, m.span.start, m.span.end)
        if _in_apposition(chars, span_over(doc, group.span.start, group.span.end)):
            continue  # "Its commander, Godfrey Otunge,": the name is who the description is
        sent = sentence_of(chars[0])
        member = _described_by_predicate(chars.root, index) or m  # "M23 forms the armed wing of the AFC"
        if member.actor == group.actor:
            continue
        words = m.text.lower().split()
        if len(words) > 2 and f"{words[-2]}-{words[-1]}" in singular_leads:
            words = [*words[:-2], f"{words[-2]}-{words[-1]}"]  # "the Secretary General of NATO", written without the hyphen
        titled = words[-1] in singular_leads and words[0] in _DEFINITE \
            and (words[-1] not in ("governor", "mayor", "administrator") or group.span.start >= m.span.end) \
            and (group.span.start >= m.span.end or words[0] != "the")  # "the King of Jordan", "its commander"; not "the Taliban governor"
        # "Ukraine's President", "Armenia's Prime Minister": the title alone after its body's possessive
        after = index.document.text[group.span.end : m.span.end].lower().replace("’", "'").split()
        titled = titled or (words[-1] in singular_leads and group.span.start == m.span.start
                            and after[:1] == ["'s"] and "-".join(after[1:]) == words[-1])
        if titled and _beside_a_name(chars.root, index, group, doc) \
                and (group.basis not in ("nominal", "pronoun") or _named_description(group, index)):
            continue  # "the President of the Council, Rashad al-Alimi": the name's title (relations.title-of), which
            # leaves "the commander of the army, General X" to the description: the body is not named
        # "named commander of the army", "national chief of the Assembly": a bare title, its adjectives at most
        bare_title = words[-1] in singular_leads and all(t.tag_ == "JJ" and t.is_lower for t in chars[:-1]) \
            and not _words("second_in_command").intersection(words) and not _second_in_command(chars[-1])  # ("first deputy prime minister", "eastern commander")
        titled = titled or (bare_title and group.span.start >= m.span.end
                            and index.document.text[m.span.end : group.span.start].split() == ["of"])
        # "the heads of the diplomatic missions", "the commanders of the two divisions": the
        # leaders' title in the plural, before the "of" of what they head
        # (the presidents of states: each its own, the blind sets' BelongsTo)
        plural_title = words[-1].endswith("s") and words[-1][:-1] in singular_leads
        plural_heads = plural_title and words[0] in _DEFINITE and len(words) == 2 and index.actors[group.actor].kind != "state" \
            and index.document.text[m.span.end : group.span.start].split() == ["of"]
        if plural_title and not plural_heads and words[-1] not in members:
            continue  # "heads of mission" without its article: a post, no member ("RSF commanders" are members)
        titled = titled or plural_heads
        lead = member is m and (words[-1] in leader_heads or titled) \
            and words[0] not in ("a", "an", "one") \
            and not _words("rank_modifiers").intersection(words)  # "STC leaders", "the King of Jordan"; not "a senior IS leader"
        for other in [group, *_of_conjuncts(chars.root, group, index)]:
            out.append(
                Relation(
                    type="leads" if lead else "member_of", source=member.actor, target=other.actor, source_span=member.span,
                    target_span=other.span, evidence_span=sentence_span(sent), modality="asserted",
                    rule="relations.described-leaders" if lead else "relations.described-member",
                )
            )
    return out


def _place_ruled(m: Mention, index: ActorIndex, doc: Doc) -> Mention | None:
    """The place named right after a ruler's title and "of" ("the governor of Kandahar
    province"), or None."""
    place = object_of(_root_of(m, doc))
    ruled = index.mention_for_token(place) if place is not None else None
    if ruled is None or not ruled.actor or index.actors[ruled.actor].kind != "location" \
            or index.document.text[m.span.end : ruled.span.start].split() != ["of"]:
        return None
    return ruled


def _root_of(m: Mention, doc: Doc) -> Token:
    """The syntactic head of a mention that lies on token boundaries (one the caller has
    already read as a span)."""
    return span_over(doc, m.span.start, m.span.end).root


def _titled_head(title: Mention, person: Mention, index: ActorIndex, doc: Doc, leads: frozenset[str]) -> Relation | None:
    """The person named beside a leader's title leads the body the title describes, said
    by the title ("the commander of the army, General X", "General X, the commander of
    the army,": rule relations.described-leaders); None when the body is named or none."""
    head_of = _head_of_unnamed_body(title, index, doc, leads)
    if head_of is not None:
        return Relation(type="leads", source=person.actor, target=head_of.actor, source_span=title.span, target_span=head_of.span,
                        evidence_span=sentence_span(sentence_of(_root_of(title, doc))), modality="asserted",
                        rule="relations.described-leaders")
    # "the spokesman of the armed forces, Major General X": a member's title, the same way
    member_of = _head_of_unnamed_body(title, index, doc, frozenset(lexicon("events")["roles"]["member_of"]))
    if member_of is None:
        return None
    return Relation(type="member_of", source=person.actor, target=member_of.actor, source_span=title.span, target_span=member_of.span,
                    evidence_span=sentence_span(sentence_of(_root_of(title, doc))), modality="asserted", rule="relations.described-member")


def _person_before_apposition(m: Mention, index: ActorIndex, doc: Doc) -> Mention | None:
    """The named person a description stands in apposition to: "General X" of "General X,
    the commander of the army,"."""
    span = span_over(doc, m.span.start, m.span.end)
    if span is None or span.root.dep_ != "appos":
        return None
    named = index.mention_for_token(span.root.head)
    if named is None or not named.actor or named.basis in ("nominal", "pronoun") or index.actors[named.actor].kind != "person":
        return None
    return named


def _head_of_unnamed_body(m: Mention, index: ActorIndex, doc: Doc, leads: frozenset[str]) -> Mention | None:
    """The body a leader's description set beside a name heads when the text describes
    that body rather than names it: "the commander of the army, General X", "the leader
    of the rebels, X" (a named body is relations.title-of's: "the leader of Hamas, X")."""
    words = m.text.lower().split()
    if words[-1] not in leads or words[0] not in _DEFINITE or len(words) > 2:
        return None
    span = span_over(doc, m.span.start, m.span.end)
    pobj = object_of(span.root, "of") if span is not None else None
    body = index.mention_for_token(pobj) if pobj is not None else None
    if body is None or not body.actor or body.basis != "nominal" or _named_description(body, index):
        return None
    kind = index.actors[body.actor].kind
    return body if kind in GROUP_KINDS or (kind == "population" and pobj.tag_ == "NNS") else None  # "the leader of the rebels"


def _people_led(m: Mention, index: ActorIndex, doc: Doc, leads: frozenset[str]) -> Mention | None:
    """The people a leader's title heads, named in the plural after its "of": "the leader
    of the pirates", "the commander of the mutineers" (no body named: the band itself)."""
    words = m.text.lower().split()
    if words[0] not in _DEFINITE or words[-1] not in leads:
        return None
    span = span_over(doc, m.span.start, m.span.end)
    pobj = object_of(span.root, "of") if span is not None else None
    people = index.mention_for_token(pobj) if pobj is not None else None
    if people is None or not people.actor or people.actor == m.actor or people.basis != "nominal" or pobj.tag_ != "NNS" \
            or index.actors[people.actor].kind != "population" or pobj.lower_ in lexicon("events")["roles"]["inhabitants"]:
        return None  # ("the leader of the people", "the mayor of the residents": no band)
    return people


def _body_described_of(m: Mention, index: ActorIndex, doc: Doc) -> Mention | None:
    """People "of" a body the text describes rather than names: "soldiers of the new
    national army", "officers of the regional police" are its members, "the commander of
    the Iranian force" its head."""
    span = span_over(doc, m.span.start, m.span.end)
    roles = lexicon("events")["roles"]
    members = {*lexicon("relations")["possessor"]["members"], *roles["member_of"], "man", "men",
               *roles["leads"], *(f"{w}s" for w in roles["leads"])}  # ("the leader of the gang", "the heads of the missions": their leaders)
    if span is None or not ({span.root.lower_, span.root.lemma_.lower()} & members):
        return None  # "victims of the militia" are none of its ("the commander of the Russian contingent" heads it: the caller says so)
    if span.root.lower_ == "general" and (span.root.dep_ in ("amod", "compound") or (span.root.i > 0 and span.root.nbor(-1).pos_ in ("NOUN", "PROPN")
                                                                                   and f"{span.root.nbor(-1).lower_}-general" not in roles["leads"])):
        return None  # "a general secretary of the party", "the Attorney General of the force": no general ("the Secretary General of the Ministry" heads it)
    pobj, speaking, within = object_of(span.root, "of"), False, False
    possessor = lexicon("relations")["possessor"]
    if pobj is None and span.root.lower_ in {*possessor["speaks_for"], *possessor["works_for"]}:
        pobj, speaking = object_of(span.root, "for"), True  # "a spokesman for the Command", "a reporter for Reuters" (named or not)
    if pobj is None:
        # "a general and a colonel of the army": the "of" on the last of two people each
        # counted as one is both of theirs; not of plurals ("soldiers and members of the
        # National Guard": the re3d-style sets give the first no tie in 25 of 28 such lists)
        last = next((c for c in reversed(list(span.root.children)) if c.dep_ == "conj"), None)
        if last is not None and {last.lower_, last.lemma_.lower()} & members and not any(c.dep_ == "prep" for c in span.root.children) \
                and all(t.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children) for t in (span.root, last)):
            pobj = object_of(last, "of")
    if pobj is None:
        # "officers from the battalion", "soldiers in the squadron": a body's own; a state
        # or a place "from" or "in" which people come or stand is where, not whose
        pobj, within = object_of(span.root, "from") or object_of(span.root, "in"), True
    body = index.mention_for_token(pobj) if pobj is not None else None
    if body is None or not body.actor or body.basis not in (("nominal", "model", "kb", "acronym") if speaking else ("nominal",)) \
            or body.actor == m.actor:
        return None
    kinds = GROUP_KINDS - {"population", "state"} if within else GROUP_KINDS - {"population"}
    if within and body.text.lower().split()[-1] in lexicon("relations")["possessor"]["origin_bodies"]:
        return None  # "troops from eight countries" come from them
    if not within and span.root.lemma_.lower() in possessor["units_of_people"] and pobj.tag_ == "NNS" \
            and any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in pobj.children) and index.actors[body.actor].kind == "population":
        return body  # "a unit of the guerrillas": part of the armed people told of (not "a company of soldiers", its men)
    return body if index.actors[body.actor].kind in kinds else None


def _of_conjuncts(head: Token, group: Mention, index: ActorIndex) -> list[Mention]:
    """The other bodies of "the foreign ministers of Qatar, Oman and Kuwait" ("gunners from
    Britain, France and the Netherlands") beside the first, when the description's "of"
    or "from" names a list."""
    preposition, pobj = next(((p, o) for p in ("of", "from") if (o := object_of(head, p)) is not None), (None, None))
    if pobj is None or index.mention_for_token(pobj) is not group:
        return []
    if preposition == "from" and head.lower_ in lexicon("relations")["possessor"]["origin_people"]:
        return []  # "recruits from Ethiopia, Morocco and Yemen" come from there; "pilots from A, B and C" serve them
    found = [index.mention_for_token(t) for t in _with_conjuncts(pobj)[1:]]
    listed = _bodies_listed_after(group, index, head.doc)
    found += listed  # the parser hangs "the Navy" of "troops of the Army, the Navy and …" on the verb
    out: list[Mention] = []
    for m in found:
        if m is not None and m.actor and m.actor != group.actor and all(m.actor != o.actor for o in out) \
                and (index.actors[m.actor].kind in GROUP_KINDS or m in listed):
            out.append(m)
    if out and _names_the_bodies(head, group, out[-1], index):
        return []  # "the armed wings of the Alliance, the KLF and the DPF,": the wings named (relations.named-members)
    return out


def _names_the_bodies(head: Token, owner: Mention, last: Mention, index: ActorIndex) -> bool:
    """Whether the names listed after "<bodies> of <owner>" name those bodies rather than
    go on with the owner: set off by a comma after the last name, after a description of
    bodies, of a body that is not a state ("the armed wings of the Alliance, the KLF and
    the DPF, …"; but "the armies of Uganda, the DRC and South Sudan, backed by …" are
    three states' armies)."""
    return head.lemma_.lower() in _BODY_HEADS and index.actors[owner.actor].kind != "state" \
        and index.document.text[last.span.end :].lstrip().startswith(",")


# Heads of descriptions of bodies, which a list set off after "of X" may name.
_BODY_HEADS = frozenset({"army", "wing", "group", "faction", "party", "movement", "organisation", "organization", "branch", "militia"})


_BODY_KINDS = frozenset({"government_body", "organization", "armed_group"})


def _bodies_listed_after(first: Mention, index: ActorIndex, doc: Doc) -> list[Mention]:
    """The named bodies listed after a body's name, read on the words: "the Army, the Navy
    and the Air Force" after "the Army". A list of names is one phrase, wherever the
    parser hangs its items. It ends with "and" before its last item; without one it is
    an apposition ("the Foreign Minister of Cuba, Isidoro Malmierca,"), and when its last
    item is not a named body it is a list of parties ("… and a Kazakh battalion", "… and
    UNMEE staff")."""
    text, out, end = index.document.text, [], first.span.end
    while (glue := _LIST_GLUE_START.match(text, end)) is not None:
        after = glue.end()
        named = next((m for m in index.mentions if m.span.start in (after, after + 4) and m.actor and m.basis != "pronoun"
                      and (m.span.start == after or text[after:after + 4].lower() == "the ")), None)
        kind = index.actors[named.actor].kind if named is not None else None
        if kind == "location" and named.label == "GPE" and index.actors[first.actor].kind == "state":
            kind = "state"  # "Uganda, the DRC and Southern Sudan": a country the knowledge base does not know
        unnamed = named is not None and named.basis == "nominal" and not index.actors[named.actor].kb_id \
            and not named.text[-1:].isupper() and not any(w[:1].isupper() for w in named.text.split()[1:]) \
            and not (named.text.split()[0].lower() == "the" and {kind, index.actors[first.actor].kind} <= _BODY_KINDS)
        # ("units of the military police and the police": a definite body beside a body is one more body)
        if kind not in GROUP_KINDS or unnamed or named.text.split()[0].lower() in ("a", "an", "one"):
            return []  # "the Army and rebels": people, not a body named beside the first
        chars = span_over(doc, named.span.start, named.span.end)
        if chars is None or chars.root.dep_ in ("compound", "poss") or chars.end < len(doc) and doc[chars.end].pos_ == "NOUN":
            return []  # "UNMEE staff": the name only qualifies another party
        out.append(named)
        if "and" in glue.group():
            return out
        end = max(m.span.end for m in index.mentions if m.span.start == named.span.start)
    return []


def whose_relations(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"Eritrea, whose troops fought in Tigray", "the Highland Brigade, whose commander,
    Major General X, was killed", "Viv Ansanm, whose best-known leader is X" (rule
    relations.whose): the people or head "whose" names belong to, or lead, the party the
    relative clause is about; a name set beside the head, or said to be it, leads it too."""
    members = frozenset(lexicon("relations")["possessor"]["members"])
    heads = frozenset(lexicon("events")["roles"]["leads"])
    forces = frozenset(lexicon("relations")["persons_forces"]["heads"]) | {"force"}
    out = []

    def add(kind: str, source: Mention, target: Mention, anchor: Token) -> None:
        if source.actor != target.actor:
            out.append(Relation(type=kind, source=source.actor, target=target.actor, source_span=source.span,
                                target_span=target.span, evidence_span=sentence_span(sentence_of(anchor)),
                                modality="asserted", rule="relations.whose"))

    for whose in tokens_where(doc, lowers=frozenset({"whose"})):
        noun = whose.head
        if whose.dep_ != "poss" or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        clause = noun
        while clause.dep_ not in ("relcl", "ROOT") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "relcl":
            continue
        owner = index.mention_for_token(clause.head)
        described = index.mention_for_token(noun)
        if owner is None or described is None or not owner.actor or not described.actor or described.span.start < whose.idx:
            continue
        word = noun.lower_
        if index.actors[owner.actor].kind == "person":
            if word in forces:  # "Sheriff X, whose force of 2,000 deputies": his
                add("leads", owner, described, noun)
            continue
        if index.actors[owner.actor].kind not in GROUP_KINDS:
            continue
        if word in heads:  # "whose commander", "whose founder"
            named = [c for c in noun.children if c.dep_ == "appos"]  # "whose commander, Major General X,"
            if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":  # "whose best-known leader is X"
                named += [c for c in noun.head.children if c.dep_ == "attr"]
            people = [m for t in named if (m := index.mention_for_token(t)) is not None and m.actor
                      and index.actors[m.actor].kind == "person"]
            for person in people or [described]:  # the name where one is given, else the title
                add("leads", person, owner, noun)
        elif word in members and not any(w[:1].isupper() for w in described.text.split()):
            add("member_of", described, owner, noun)  # "whose troops", "whose crews" (not "whose Wagner Group fighters": Wagner's)
    return out


def one_of_relations(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"Norway is one of the Group of Friends", "Yusuf bin Alawi, one of its early
    members", "took part as one of the observer states": the one named belongs to the
    group it is one of (rule relations.one-of); to the body those people are of, too
    ("one of its early members": its)."""
    members = frozenset(lexicon("relations")["possessor"]["members"])
    out = []
    for one in tokens_where(doc, lowers=frozenset({"one"})):
        group_tok = object_of(one, "of")
        if group_tok is None or one.pos_ not in ("NUM", "PRON", "NOUN"):
            continue
        if one.dep_ == "attr" and one.head.lemma_ == "be":  # "Norway is one of …"
            subject = next((c for c in one.head.children if c.dep_ == "nsubj"), None)
        elif one.dep_ == "appos":  # "X, one of its early members,"
            subject = one.head
        elif one.dep_ == "pobj" and one.head.lower_ == "as" and one.head.head.pos_ == "VERB":  # "took part as one of …"
            verb = one.head.head  # ("ranked it as one of the two strongest": the object is the one)
            subject = next((c for c in verb.children if c.dep_ == "dobj"), None) or next((c for c in verb.children if c.dep_ == "nsubj"), None)
        else:
            continue
        member = index.mention_for_token(_named_head(subject, index)) if subject is not None else None
        group = index.mention_for_token(group_tok)
        if member is None or group is None or not member.actor or not group.actor or member.actor == group.actor:
            continue
        if member.basis == "pronoun" or index.actors[member.actor].kind not in PARTY_KINDS - {"location"} \
                or index.actors[group.actor].kind not in GROUP_KINDS | {"population"}:
            continue
        evidence = sentence_span(sentence_of(one))
        wholes = [group]
        if index.actors[group.actor].kind == "population":  # "one of its early members", "one of the founders of al-Qaeda": its body's too
            body_tok = object_of(group_tok, "of")
            owner = index.mention_for_token(body_tok) if body_tok is not None else None
            if owner is None and (group_tok.lemma_.lower() in members or group_tok.lower_ in members):
                owner = _possessor(group, index, doc)
            if owner is not None and owner.actor and owner.actor not in (member.actor, group.actor) \
                    and index.actors[owner.actor].kind in GROUP_KINDS and owner.basis != "pronoun":
                wholes.append(owner)
        out.extend(Relation(type="member_of", source=member.actor, target=w.actor, source_span=member.span, target_span=w.span,
                            evidence_span=evidence, modality="asserted", rule="relations.one-of") for w in wholes)
    return out


def letterhead_relations(doc: Doc, index: ActorIndex) -> list[Relation]:
    """A letterhead's line under another names a part of the body above it (rule
    relations.letterhead): "MALAWI DEFENCE FORCE / Public Relations Office", "REPUBLIC OF
    ICELAND / Ministry for Foreign Affairs". The lines are the ones the pipeline read as
    one name each (nlp component factions_letterheads)."""
    lines = doc._.letterhead or []
    if len(lines) < 2:
        return []  # (most documents have no letterhead: no capitals to gather)
    states = frozenset(lexicon("actor_kinds")["letterheads"]["states"])
    capitals = capital_keys(index.kb)
    text = index.document.text
    out = []
    for (top, top_end), (low, low_end) in zip(lines, lines[1:]):
        if text[top_end:low].count("\n") != 1:
            continue  # not one under the other
        whole, part = index.mention_at(top, top_end), index.mention_at(low, low_end)
        if part is not None and part.actor and index.actors[part.actor].kind == "state" and place_key(text[low:low_end]) in capitals:
            continue  # "Press Service / Moscow": where it was issued (a capital standing for its state), not a body
        if part is not None and part.actor and (index.actors[part.actor].kind == "state" or text[low:low_end].split()[0].lower() in states):
            whole, part = part, whole  # "Ministry of External Affairs / Government of India": the state is the whole
        if whole is None or part is None or not whole.actor or not part.actor or whole.actor == part.actor:
            continue
        if index.actors[whole.actor].kind not in GROUP_KINDS or index.actors[part.actor].kind not in GROUP_KINDS - {"state"}:
            continue
        out.append(Relation(type="member_of", source=part.actor, target=whole.actor, source_span=part.span, target_span=whole.span,
                            evidence_span=Span(top, low_end), modality="asserted", rule="relations.letterhead"))
    return out


def equipment_relations(doc: Doc, index: ActorIndex, participants: _Participants) -> list[Relation]:
    """Weapons and vehicles belong to the party that names, owns or uses them (rule
    relations.equipment-of, lexicons/relations.toml [equipment]): "ISWAP gun trucks",
    "their rifles", "rifles belonging to the militants", "rockets fired by the PIJ",
    "the PIJ fired rockets", "captured two guns from the insurgents". Who took it holds
    it now (rule relations.seized-equipment): "troops seized 500 rifles"; who moves, holds
    or carries it has it in hand (rule relations.equipment-in-hand): "sent tanks to the
    border", "soldiers in armoured vehicles", "gunmen with rifles"."""
    words = _words_of("equipment")
    use, taking, hand = frozenset(words["use_verbs"]), frozenset(words["taking_verbs"]), frozenset(words["hand_verbs"])
    finding, finders = frozenset(words["finding_verbs"]), frozenset(words["finders"])
    giving = frozenset(words["giving_verbs"])
    out = []

    def party(tok: Token | None) -> Mention | None:
        return index.mention_of_kind(tok, PARTY_KINDS - {"location"})

    def pobjs(prep: Token) -> list[Token]:
        return [o for o in prep.children if o.dep_ == "pobj"]

    previous: tuple[Mention, Mention | None, list[Mention], str] | None = None  # the last weapon named, its owner, who has it in hand
    seized: list[Relation] = []
    taken: tuple[Mention, list[Relation]] | None = None  # the last weapon named, with who took it
    for m in sorted(index.mentions, key=lambda m: m.span.start):
        if not m.actor or index.actors[m.actor].kind != "equipment":
            continue
        chars = span_over(doc, m.span.start, m.span.end)
        if chars is None:
            continue
        head = chars.root
        owner = participants.equipment_owner(m, head)  # "ISWAP gun trucks", "their rifles", "fired by X"
        named = owner  # (its own, then, whoever of them has it: "withdrew its warships")
        first = head
        while first.dep_ in ("conj", "appos") and first.head.i != first.i \
                and (first.dep_ == "conj" or first.head.pos_ == "NOUN" and (first.head.tag_ == "NNS" or first.head.i == first.left_edge.i - 1)):
            first = first.head  # "rifles, launchers and mines belonging to X": the list shares its phrase
            # (the parser may hang the list's second item on the first as an apposition: "rifles, a mortar, two
            # guns"; or a craft's name on the word of its kind right before it: "the tanker Stena Impero")
        listed = [first, *first.conjuncts, *([head] if head.i != first.i and head not in first.conjuncts else [])]  # (a craft's own: "the patrol ship Vasily Bykov of the Russian navy")
        candidates: list[Token] = []
        hands: list[Token] = []  # who moves, crews, drives or holds it (controls)
        listed_owners: list[Token] = []
        # "fired rockets from Lebanon", "moved aircraft from Qatar to Jordan": from where
        fired = first.dep_ == "dobj" and (first.head.lemma_ in use or first.head.lemma_ in hand)
        for c in (c for t in listed for c in t.children):
            if c.dep_ == "prep" and c.lower_ in words["owner_preps"]:  # "the weapons of the group"
                if fired and c.lower_ == "from":
                    continue
                candidates += pobjs(c)
                listed_owners = [o for p in pobjs(c) for o in _with_conjuncts(p)[1:]]  # "aircraft from the US, the UK and France"
            if c.dep_ == "acl" and c.lemma_ in words["owning_participles"]:  # "belonging to X", of each in a list
                candidates += [o for p in c.children if p.dep_ in ("prep", "agent") and p.lower_ in ("to", "by") for o in pobjs(p)]
            if c.dep_ == "acl" and c.lemma_ in words["driving_participles"]:
                # "a black sedan driven by X", "a helicopter flown by Y": in the driver's hands, whoever owns it
                hands += [o for p in c.children if p.dep_ == "agent" for o in pobjs(p)]
        # "seized 370 kg of explosives", "recovered parts of the aircraft": the measure's verb
        slot = first.head.head if first.dep_ == "pobj" and first.head.lower_ == "of" \
            and first.head.head.lemma_.lower() in words["measure_nouns"] else first
        verb = slot.head if slot.dep_ in ("dobj", "pobj") else None
        # who moves, crews or holds it (controls, `hands` above), whoever owns it (owned_by)
        hand_modality = "asserted"  # "may send tanks": hypothetical
        carried = slot.dep_ == "pobj" and verb.lower_ in words["carried_by_preps"] and verb.head.pos_ in ("NOUN", "PROPN")
        # "pursued the attackers with helicopter gunships": the parser hangs an assault's means on its object
        # (or on the object of its preposition, "fired on the pavilions with rifles, grenades and rockets":
        # a list with heavy kit in it is the assault's means, every item of it)
        struck = verb.head if carried else None
        assault = None if struck is None else struck.head if struck.dep_ == "dobj" else \
            struck.head.head if struck.dep_ == "pobj" and struck.head.dep_ == "prep" else None
        means = carried and verb.lower_ == "with" and assault is not None and assault.pos_ == "VERB" \
            and any(w.lemma_.lower() in _means_of_assault() for t in listed for w in doc[t.left_edge.i : t.i + 1]) \
            and _is_assault(assault)  # (its words: "rocket-propelled grenades")
        if carried and not means:  # (an assault's means is read as the verb's: `using` below)
            # "gunmen with rifles and grenades", "soldiers in armoured vehicles": in their hands;
            # not people who ride in a bus or a car ("five civilians in a bus were killed")
            if verb.lower_ == "with" or _crew(verb.head, index):
                hands.append(verb.head)
            verb = None
        using = verb is not None and slot.dep_ == "pobj" and verb.lower_ in words["using_preps"] \
            and not (verb.lower_ == "on" and _fired_on(verb.head))  # ("opened fire on buses": the target, not a ride)
        if using:  # "arrived in gun trucks", "attacked the base with drones"
            verb = assault if means else verb.head
        if verb is not None and verb.pos_ == "VERB":
            subjects, passive = _subject_tokens(verb)
            if using and verb.lemma_ in giving:  # "provided the army with vehicles": the army's
                candidates += [c for c in verb.children if c.dep_ in ("dobj", "dative")]
                # "fighters armed with RPGs", "the attackers, equipped with rifles", "they were armed with
                # guns": in their hands, as "gunmen with rifles" (most blind sets read it so)
                hands += [verb.head] if verb.dep_ in ("acl", "amod") else subjects if passive else []
            elif using and not passive:
                # "fired on the police with automatic rifles", "gunmen arrived in pickups": in the
                # hands of the people who came or fired with them, whoever owns them; a state's
                # or a body's are its own ("Azerbaijan attacked with drones and artillery")
                people = [t for t in subjects if (p := party(relative_noun(t) or t)) is not None
                          and index.actors[p.actor].kind in ("person", "population")]
                hands += people
                candidates += [t for t in subjects if t not in people]
            elif verb.lemma_ in use and not passive:  # "the PIJ fired rockets", "has used chemical weapons"
                candidates += subjects
            elif verb.lemma_ in hand and slot.dep_ == "dobj" and not passive and not unrealised(verb) \
                    and not _given(verb, listed, index, pobjs):
                hands += subjects  # "sent tanks to the border", "withdrew its warships"
                hand_modality = modality_of(verb, None)[0]
            elif verb.lemma_ in taking and not using and not any(c.dep_ == "prt" for c in verb.children) and not unrealised(verb):
                # (not "told the police to take the weapons": ordered, not yet held)
                # "captured two guns from the insurgents" (not "took up arms": a rising, nothing seized)
                candidates += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "from" for o in pobjs(p)]
                takers = [a for c in verb.children if c.dep_ == "agent" for a in pobjs(c)] if passive else subjects
                if verb.lemma_ in finding:  # "police found two rifles" (not "inspectors found Iranian missiles in an arsenal")
                    takers = [t for t in takers if _body_or_people_of(relative_noun(t) or t, index, finders)]
                for taker in (t for one in takers if (t := party(relative_noun(one) or one)) is not None and t.actor != m.actor):
                    # "troops seized 500 rifles", "rifles seized by the police": the taker holds them now
                    seized.append(Relation(type="controls", source=taker.actor, target=m.actor, source_span=taker.span,
                                           target_span=m.span, evidence_span=sentence_span(sentence_of(head)),
                                           modality="asserted", rule="relations.seized-equipment"))
        if taken is not None and not any(r.target_span == m.span for r in seized) \
                and _COUNTED_LIST_GLUE.match(index.document.text[taken[0].span.end : m.span.start]):
            # "seized hunting rifles, two Kalashnikov rifles, spears and ammunition": the parser
            # hangs the later items anywhere; what one list names was taken by the same hands
            seized.extend(Relation(type="controls", source=r.source, target=m.actor, source_span=r.source_span, target_span=m.span,
                                   evidence_span=r.evidence_span, modality=r.modality, rule=r.rule)
                          for r in taken[1] if r.source != m.actor)
        mine = [r for r in seized if r.target_span == m.span]
        taken = (m, mine) if mine else None
        owned_by_subject = None
        for t in candidates:
            if owner is not None:
                break
            t = _whole_of_quantifier(t)
            owner = party(relative_noun(t) or t)
            owned_by_subject = t if owner is not None and t.dep_ in ("nsubj", "nsubjpass") else None
        holders: list[Mention] = []
        for t in hands:  # "police and soldiers in armoured vehicles", "the army and the police sent …": each one's
            t = _whole_of_quantifier(t)
            for h in (party(relative_noun(t) or t), *map(party, t.conjuncts)):
                if h is not None and all(h.actor != w.actor for w in holders) and not (named is not None and named.actor == h.actor):
                    holders.append(h)
        if owner is None and not holders and previous is not None \
                and _LIST_GLUE.match(index.document.text[previous[0].span.end : m.span.start]):
            owner, holders, hand_modality = previous[1:]  # "armed with PKM machine guns, rocket-propelled grenades and mortars":
            # the parser hangs the later items anywhere; a list of weapons has one owner
            if owner is not None and owner.basis == "pronoun" and _INDEFINITE.match(index.document.text[m.span.start : m.span.end]):
                owner = None  # ("their cars and an armoured truck": the pronoun was the first item's alone)
        owners = [owner] if owner is not None else []
        if owner is not None and listed_owners and any(owner is party(t) for t in candidates[:1]):
            owners += [o for o in map(party, listed_owners) if o is not None and o.actor != owner.actor]
        if owned_by_subject is not None:  # "police and paramilitary units fired tear gas": each one's
            owners += [o for o in map(party, owned_by_subject.conjuncts) if o is not None and all(o.actor != w.actor for w in owners)]
        # Who has it in hand controls it; an owner named otherwise ("their rifles", "rifles
        # belonging to the army", "warships of the navy") owns it as well
        out.extend(Relation(type="controls", source=o.actor, target=m.actor, source_span=o.span, target_span=m.span,
                            evidence_span=sentence_span(sentence_of(head)), modality=hand_modality, rule="relations.equipment-in-hand")
                   for o in holders if o.actor != m.actor)
        out.extend(Relation(type="owned_by", source=m.actor, target=o.actor, source_span=m.span, target_span=o.span,
                            evidence_span=sentence_span(sentence_of(head)), modality="asserted", rule="relations.equipment-of")
                   for o in owners if o.actor != m.actor and all(o.actor != h.actor for h in holders))
        previous = (m, owner, holders, hand_modality) if owner is not None or holders else None
    return out + seized


def _body_or_people_of(noun: Token, index: ActorIndex, lemmas) -> bool:
    """Whether a noun names a body, or people by one of these kinds (lemmas): who crews a
    vehicle (`_crew`), who takes the kit they find (relations.toml equipment.finders:
    "border guards", not "inspectors" or "children")."""
    m = index.mention_for_token(noun)
    if m is None or not m.actor:
        return False
    return index.actors[m.actor].kind != "population" or noun.lemma_.lower() in lemmas


def _crew(noun: Token, index: ActorIndex) -> bool:
    """Whether people named in a vehicle crew or drive it: a body, or forces by their kind
    ("soldiers", "police officers", "gunmen"; relations.toml troop_contributors), not
    passengers or civilians."""
    troops = _words_of("troop_contributors")
    return _body_or_people_of(noun, index, {*troops["force_nouns"], *troops["forces_of_subject"]})


def _given(verb: Token, listed: list[Token], index: ActorIndex, pobjs) -> bool:
    """Whether kit a verb of moving sends goes to someone else, not with the sender: to an
    indirect object ("sent the Houthis missiles"), to a party other than a place ("sent
    weapons to the rebels", "to either side"), or to a state when no forces go with it ("sent
    tanks to Ukraine"; "sent troops and aircraft to Mali" deploys them)."""
    if any(c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON") for c in verb.children):
        return True
    forces = _words_of("troop_contributors")["force_nouns"]
    deployed = any(t.lemma_.lower() in forces for t in listed) \
        or any(c.dep_ == "dobj" and c.lemma_.lower() in forces for c in verb.children)
    places = {"location", "state"} if deployed else {"location"}
    return any(index.mention_of_kind(o, places) is None for p in verb.children
               if p.dep_ in ("prep", "dative") and p.lower_ == "to" for o in pobjs(p))


# An item with an indefinite article of its own is not the possessive pronoun's of the item
# before it ("fired from behind their cars and an armoured truck").
_INDEFINITE = re.compile(r"^(?:a|an)\s", re.I)
# What stands between the items of a list: ", ", " and ", ", and ", " or ".
_LIST_GLUE = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
# The same, with a count before the next item: ", two ", " and some ".
_COUNTED_LIST_GLUE = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
                                r"(?:(?:\d[\d,]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|some|several|dozens of|hundreds of)\s+)?$")
_LIST_GLUE_START = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _in_apposition(a, b) -> bool:
    """Whether one of two phrases stands in apposition to the other."""
    if a is None or b is None:
        return False
    return (a.root.dep_ == "appos" and a.root.head.i in range(b.start, b.end)) or \
        (b.root.dep_ == "appos" and b.root.head.i in range(a.start, a.end))


# Words that may stand before the possessive pronoun of a description: "all its units".
_QUANTIFIERS = frozenset({"all", "some", "most", "many", "both"})


def _whole_of_quantifier(token: Token) -> Token:
    """The people a quantifier picks from ("some of the protesters threw stones": the
    protesters), else the token itself."""
    whole = object_of(token, "of") if token.lower_ in _QUANTIFIERS else None
    return whole if whole is not None else token


def _opening_pronoun(m: Mention, index: ActorIndex) -> Mention | None:
    """The resolved possessive pronoun a description opens with ("its" of "its fighters",
    of "all its units")."""
    words = m.text.split()
    start = m.span.start + (len(words[0]) + 1 if words[0].lower() in _QUANTIFIERS and len(words) > 2 else 0)
    first = len(index.document.text[start : m.span.end].split()[0])
    return next((p for p in index.mentions_within(start, start + first)
                 if p.basis == "pronoun" and p.actor and p.span.start == start), None)


def _owned_unit(m: Mention, named: Mention, index: ActorIndex, doc: Doc) -> Relation | None:
    """"The BLA …, carried out by its Majeed Brigade", "its Amniyat unit": a group named
    in a description a possessive pronoun opens is a unit of the group the pronoun
    stands for (named earlier in the sentence, else the pronoun itself)."""
    words = m.text.split()
    if named is m or len(words) < 2 or words[0].lower() not in ("its", "their") or not m.span.contains(named.span):
        return None  # ("its Amniyat unit": the unit named inside the description)
    pronoun = _opening_pronoun(m, index)
    if pronoun is None or pronoun.actor == named.actor or index.actors[pronoun.actor].kind not in GROUP_KINDS:
        return None
    chars = span_over(doc, m.span.start, m.span.end)
    if chars is None:
        return None
    sent = sentence_of(chars[0])
    owner = _named_before(index, pronoun, sent.start_char) or pronoun
    return Relation(type="member_of", source=named.actor, target=owner.actor, source_span=m.span, target_span=owner.span,
                    evidence_span=sentence_span(sent), modality="asserted", rule="relations.described-member")


def _described_by_predicate(head: Token, index: ActorIndex) -> Mention | None:
    """The named subject a description is predicated of: "M23 forms the armed wing of
    the AFC", "the SDF is the military arm of the AANES", "X serves as its military wing",
    "X was among its senior commanders"."""
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "among" and verb.head.lemma_ == "be":
        # "Nanda Kishor Pun was among its senior commanders": one of the people described
        subjects, _ = _subject_tokens(verb.head)
        named = index.mention_for_token(subjects[0]) if subjects else None
        if named is not None and named.actor and named.basis not in ("nominal", "pronoun") \
                and index.actors[named.actor].kind in GROUP_KINDS | {"person"}:
            return named
        return None
    if not ((head.dep_ == "attr" and verb.lemma_ == "be") or (head.dep_ == "dobj" and verb.lemma_ in ("form", "constitute", "remain"))
            or (head.dep_ == "pobj" and verb.lower_ == "as" and verb.head.lemma_ in ("serve", "act", "function"))):
        return None
    verb = verb.head if verb.lower_ == "as" else verb
    subjects, _ = _subject_tokens(verb)  # "M23 is commanded by X and forms the armed wing of …"
    named = index.mention_for_token(subjects[0]) if subjects else None
    if named is not None and named.actor and named.basis not in ("nominal", "pronoun") and index.actors[named.actor].kind in GROUP_KINDS:
        return named
    return None


def _bare(text: str) -> str:
    words = text.lower().split()
    return " ".join(words[1:] if words[:1] in (["the"], ["a"], ["an"]) else words)


def _possessor(m: Mention, index: ActorIndex, doc: Doc) -> Mention | None:
    """The group a possessive pronoun opening a description stands for: "its fighters"
    (of the group "it" resolves to). Only for people and units ("its fighters", "their
    negotiators", "its forces") and heads ("its chairman", "its leader"), not for
    whatever else a group has ("its victims")."""
    words = m.text.lower().split()
    if words[0] in _QUANTIFIERS:
        words = words[1:]  # "all its units"
    members = lexicon("relations")["possessor"]["members"]
    heads = words[-1] not in members and words[-1] in lexicon("events")["roles"]["leads"]
    if len(words) < 2 or words[0] not in ("its", "their") or not (heads or words[-1] in members):
        return None
    pronoun = _opening_pronoun(m, index)
    if heads:
        # a head only where the body is named in the sentence ("elected X as its chairman"),
        # and not "its chief of staff", "its head of security" (posts under the head)
        after = index.document.text[m.span.end : m.span.end + 4]
        chars = span_over(doc, m.span.start, m.span.end)
        if pronoun is None or chars is None or after.startswith(" of "):
            return None
        return _named_before(index, pronoun, sentence_of(chars[0]).start_char)
    if pronoun is None or index.actors[pronoun.actor].kind != "media":
        return pronoun
    # An outlet has no fighters: "ISWAP said in a statement carried by Amaq that its
    # fighters …" are the speaker's; failing a speaker, the group whose outlet it is.
    speaker = _speaking_group(doc, index, m.span.start)
    if speaker is not None:
        return speaker
    outlet = next((o for o in index.mentions if o.actor == pronoun.actor and o.basis != "pronoun"), None)
    return outlet_owner(outlet, index) if outlet is not None else None


def _speaking_group(doc: Doc, index: ActorIndex, at: int) -> Mention | None:
    """The group that is the subject of the clause governing the token at `at`: the
    one saying what the token's clause says."""
    span = span_over(doc, at, at + 1)
    if span is None:
        return None
    token = span[0]
    for _ in range(8):
        if token.head.i == token.i:
            return None
        token = token.head
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        # "In a statement on Telegram, it said its forces …": a pronoun subject counts when it is a group's
        m = index.mention_of_kind(subject, GROUP_KINDS - {"media"})
        if m is not None:
            return m
    return None


def outlet_owner(outlet: Mention, index: ActorIndex) -> Mention | None:
    """The group an outlet is named as belonging to, just before it: "the Islamic
    State's Amaq news agency", "its Radio Andalus" (the pronoun's group)."""
    text = index.document.text
    before = [o for o in index.mentions_within(max(outlet.span.start - 60, 0), outlet.span.start)
              if o.actor and o.actor != outlet.actor and index.actors[o.actor].kind in GROUP_KINDS - {"media"}]
    for owner in sorted(before, key=lambda o: -o.span.end):
        between = text[owner.span.end : outlet.span.start]
        possessive = owner.basis == "pronoun" and owner.text.lower() in ("its", "their")
        if (possessive and between == " ") or between in ("'s ", "’s ", "' ", "’ "):
            return owner
        break  # only the nearest name before the outlet
    return None


def outlet_relations(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"the Islamic State's Amaq news agency", "its Radio Andalus": the outlet is the
    group's (rule relations.outlet-of)."""
    out = []
    for m in index.mentions:
        if not m.actor or m.basis == "pronoun" or index.actors[m.actor].kind != "media":
            continue
        owner = outlet_owner(m, index)
        if owner is None:
            continue
        token = span_over(doc, m.span.start, m.span.end)[0]
        out.append(Relation(type="member_of", source=m.actor, target=owner.actor, source_span=m.span, target_span=owner.span,
                            evidence_span=sentence_span(sentence_of(token)), modality="asserted", rule="relations.outlet-of"))
    return out


def affiliate_relations(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"The al-Qaeda affiliate", "the Islamic State's Afghan branch (ISIS-K)": the group
    described, or the name it is known by, is an affiliate of the group named inside."""
    out = []
    for m in index.mentions:
        if m.basis != "nominal" or not m.actor or not _affiliate_description(m):
            continue
        parents = [p for p in index.mentions_within(m.span.start, m.span.end) if p is not m and p.actor
                   and p.basis not in ("nominal", "pronoun") and index.actors[p.actor].kind == "armed_group"]
        if not parents or parents[0].actor == m.actor:
            continue
        span = span_over(doc, m.span.start, m.span.end)
        known = _known_as(span.root, index) if span is not None else None
        shown = m  # the span the relation points at: the description, or the copula's subject
        if known is None and span is not None and span.root.dep_ == "attr":
            # "JNIM is al-Qaeda's affiliate in the Sahel": the subject is the affiliate
            subject = next((c for c in span.root.head.children if c.dep_ == "nsubj"), None)
            named = index.mention_for_token(subject) if subject is not None else None
            known = named if named is not None and named.actor and named.basis not in ("nominal",) else None
            shown = known or m
        source = known or m
        out.append(Relation(type="affiliate_of", source=source.actor, target=parents[0].actor, source_span=shown.span,
                            target_span=parents[0].span, evidence_span=sentence_span(sentence_of(span.root)) if span is not None else m.span,
                            modality="asserted", rule="relations.affiliate-description"))
    return out


def _title_mentions(index: ActorIndex, doc: Doc) -> set[Span]:
    """Descriptions that are a person's title: right before the name ("Foreign Office
    Minister Tobias Ellwood", "Foreign Office Minister, Tobias Ellwood,"), set beside it
    (", the leader of the Islamic State in Somalia,"), or before another part of the
    title ("NATO Secretary" in "NATO Secretary General Mark Rutte"). Found once per
    document: the checks are by position, not by pairs of mentions."""
    text = index.document.text
    names = [o for o in index.mentions if o.actor and index.actors[o.actor].kind == "person" and o.basis not in ("nominal", "pronoun")]
    starts, ends = {o.span.start for o in names}, {o.span.end for o in names}
    nominals = [m for m in index.mentions if m.basis == "nominal"]

    def titles(m: Mention) -> bool:
        for gap in (0, 1, 2):
            if m.span.end + gap in starts and text[m.span.end : m.span.end + gap].strip() in ("", ","):
                return True
            if m.span.start - gap in ends and text[m.span.start - gap : m.span.start].strip() == "," and not plural(m):
                return True  # not "near Ali Kheyl, fighters of the Haqqani Network": several people's
        return False

    def plural(m: Mention) -> bool:
        words = span_over(doc, m.span.start, m.span.end)
        return words is not None and words.root.tag_ in ("NNS", "NNPS")

    found = {m.span for m in nominals if titles(m)}
    found_starts = {span.start for span in found}
    return found | {m.span for m in nominals if m.span.end + 1 in found_starts}


def structural_relations(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"X, led by Y" (Y leads X); "X is part of Y", "Y, including X" (X belongs to Y)."""
    out = []

    def rel(kind, src_tok, dst_tok, anchor, rule, any_group=False, places=False):
        src_tok, dst_tok = _named_head(src_tok, index), _named_head(dst_tok, index)
        a, b = index.mention_for_token(src_tok), index.mention_for_token(dst_tok)
        if b is None and dst_tok.pos_ == "PRON":
            # "Al-Shabaab is a Somali group. It is led by Ahmed Diriye."
            found = _described_subject(index.resolve_pronoun(dst_tok, PRONOUN_STEM.get(dst_tok.lower_, dst_tok.lower_)), doc, index)
            b = Mention(Span(dst_tok.idx, dst_tok.idx + len(dst_tok)), dst_tok.text, found.label, actor=found.actor,
                        basis="pronoun") if found else None
        if a is None or b is None or a.actor == b.actor:
            return
        if a.basis == "pronoun":
            a = _named_before(index, a, sentence_of(anchor).start_char) or a
        if b.basis == "pronoun":  # "It is led by Ahmed Diriye": the group named before
            b = _named_before(index, b, sentence_of(anchor).start_char) or b
        if b.basis == "nominal" and index.actors[b.actor].kind == "population" and kind == "leads":
            # "Liwa al-Nasr fighters, led by Abu Omar": he leads the group they are of
            b = _name_inside(index, dst_tok, after=dst_tok.left_edge.idx) or b
        groups = GROUP_KINDS | {"population"} if any_group else GROUP_KINDS
        if places:
            # what a body runs: "camps run by the UN refugee agency"
            groups = frozenset({"location"}) if index.actors[a.actor].kind in GROUP_KINDS else frozenset()
        elif kind == "leads" and rule in ("relations.led-by", "relations.leading-verb") and a.basis != "pronoun" \
                and (index.actors[a.actor].kind in GROUP_KINDS | {"person"} or person_by_role(a, doc, index)):
            # "landowners led by Francis Ona", "soldiers led by a former rebel commander", "Colonel X
            # led 200 soldiers out of their base": a person leads people; "demonstrators led by the
            # Confederation of Indigenous Nationalities", "the delegation was led by the National
            # Security Adviser" (a title the model reads as a body): so does a body
            groups = GROUP_KINDS | {"population"}
        if index.actors[b.actor].kind not in groups or index.actors[a.actor].kind == "location":
            return
        out.append(Relation(type=kind, source=a.actor, target=b.actor, source_span=a.span, target_span=b.span,
                            evidence_span=sentence_span(sentence_of(anchor)), modality="asserted", rule=rule))

    # "the army and allied Wazalendo militias": the allied conjunct is the other's ally
    for token in tokens_where(doc, lowers=frozenset({"allied"})):
        pair = allied_adjective(token)
        if pair is not None:
            rel("allied_with", pair[0], pair[1], token, "relations.allied-conjunct", any_group=True)

    roles = lexicon("events")["roles"]
    heads = frozenset(roles["led_bodies"])
    force_words = frozenset(_words_of("forces_of_person")["nouns"])
    compounds, leading = roles["compound_relations"], frozenset(roles["leading_verbs"])
    for token in tokens_where(doc, lemmas=heads | leading | force_words, lowers=frozenset({"part", "including", "as", *compounds}), deps=frozenset({"appos"})):
        if token.lower_ in compounds and token.i >= 2 and doc[token.i - 1].text == "-" and token.head.pos_ in ("NOUN", "PROPN"):
            # "an Iran-backed militia": Iran backs it
            sponsor, described = doc[token.i - 2], token.head
            kind = compounds[token.lower_]
            named = _name_inside(index, described, after=token.idx)
            if named is not None:  # "Rwanda-backed M23 rebels": M23 is backed
                described = span_over(doc, named.span.start, named.span.end).root
            _demonym_sponsor(sponsor, token, index)  # "Turkish-backed factions": Turkey backs them
            if sponsor.text in peoples():
                continue  # "a Tutsi-led group", "Kurdish-led forces": who its people are, no sponsor (actor_kinds.toml peoples)
            if kind == "affiliate_of":
                rel(kind, described, sponsor, token, "relations.hyphenated-sponsor")
            else:
                rel(kind, sponsor, described, token, "relations.hyphenated-sponsor")
            continue
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if token.lemma_ in leading and token.pos_ == "VERB" and not objects:
            objects = _remnant(token)  # "Ta Mok then led what remained of the Khmer Rouge"
        if token.lemma_ in leading and token.pos_ == "VERB" and objects:  # "Saudi Arabia and the UAE, which lead the coalition"
            subjects, passive = _subject_tokens(token)
            for subject in subjects if not passive else ():
                for obj in objects:
                    rel("leads", subject, obj, token, "relations.leading-verb")
            continue
        # "a group led by Abdullo Rahimov and Alovuddin Davlatov": each conjunct of the same
        # kind of name leads it ("the faction led by Minni Minawi and the Justice and Equality
        # Movement": the movement is the list's next item, no leader)
        agents = [q for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                  for q in (p, *(j for j in p.conjuncts if j.ent_type_ and j.ent_type_ == p.ent_type_))]
        if token.lemma_ in leading and token.tag_ == "VBN" and agents and token.dep_ not in ("acl", "relcl", "advcl"):
            # "Al-Shabaab is led by Ahmed Diriye", "It is commanded by X": the agent leads the subject.
            subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
            if not subjects and token.dep_ == "conj":  # "It is the armed wing of the ULA and is led by X": the first verb's
                subjects = _subject_tokens(token)[0]
            for subject in subjects:
                for agent in agents:
                    rel("leads", agent, subject, token, "relations.led-by")
            continue
        if token.lemma_.lower() in force_words and token.pos_ == "NOUN":
            # "the paratroopers of Captain Kong Le", "the forces of General Phoumi": the person named leads them
            follows = object_of(token, "of")
            person = index.mention_for_token(follows) if follows is not None else None
            body = index.mention_for_token(token)
            if person is not None and body is not None and person.actor and body.actor and person.actor != body.actor \
                    and person.basis not in ("pronoun", "nominal") and index.actors[person.actor].kind == "person":
                out.append(Relation(type="leads", source=person.actor, target=body.actor, source_span=person.span,
                                    target_span=body.span, evidence_span=sentence_span(sentence_of(token)), modality="asserted",
                                    rule="relations.forces-of-person"))
        if token.lemma_.lower() in heads and token.pos_ in ("NOUN", "PROPN"):
            # "Prime Minister Abadi and his government", "Khalifa Haftar and his Libyan National Army": the person leads it.
            owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
            leader = index.resolve_pronoun(owner, "he" if owner.lower_ == "his" else "she") if owner is not None else None
            body = index.mention_for_token(token)
            if leader is not None and body is not None and leader.actor != body.actor:
                out.append(Relation(type="leads", source=leader.actor, target=body.actor, source_span=leader.span,
                                    target_span=body.span, evidence_span=sentence_span(sentence_of(token)), modality="asserted",
                                    rule="relations.head-of-own-body"))
        if token.lemma_ in leading and token.tag_ == "VBN" and token.dep_ in ("acl", "relcl", "advcl"):
            # "X, led by Y", "X, headed by Y", "the brigade, commanded by Y"; "Led by Y, it
            # pledged allegiance …": a participle opening the clause describes its subject
            described = token.head
            pronoun = next((c for c in token.children if c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP")), None) \
                if token.dep_ == "relcl" else None
            if pronoun is not None:
                described = relative_noun(pronoun) or described  # "AFP, FACT, which is led by X": FACT
            led = _listed_before(token, described)
            led = _number_of(led)  # "thousands of demonstrators led by X": the demonstrators
            if token.dep_ == "advcl" and token.head.pos_ in ("VERB", "AUX") and (token.i < token.head.i or _set_off_leading(token, index)):
                led = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            elif token.dep_ == "advcl":
                led = None  # "…, while the east is run by Haftar": a clause of its own, not the first one's subject
            for pobj in agents if led is not None else ():
                rel("leads", pobj, led, token, "relations.led-by")
                if token.lemma_ == "run":  # "camps run by the provincial government": places it controls
                    rel("controls", pobj, led, token, "relations.run-by", places=True)
        elif token.lower_ == "part" and token.dep_ in ("attr", "pobj", "dobj"):
            pobj = object_of(token)
            verb = token.head if token.dep_ != "pobj" else token.head.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if pobj is not None and subj is not None:
                rel("member_of", subj, pobj, token, "relations.part-of")
        elif token.dep_ == "appos" and _is_example(token):  # "its backers, notably Russia": one of them
            one, many = index.mention_for_token(token), index.mention_for_token(token.head)
            if one is not None and many is not None and one.actor and many.actor and one.actor != many.actor:
                out.append(Relation(type="member_of", source=one.actor, target=many.actor, source_span=one.span,
                                    target_span=many.span, evidence_span=sentence_span(sentence_of(token)), modality="asserted",
                                    rule="relations.notably"))
        elif (token.lower_ == "including" or (token.lower_ == "as" and any(c.lower_ == "such" for c in token.children))) \
                and token.dep_ == "prep":  # ("loyalist groups such as the UVF and the UDA")
            whole = token.head
            if whole.pos_ in ("VERB", "AUX"):
                # "Sixteen soldiers were killed, including two officers", "killed 36 workers,
                # including four policemen": the parser may hang the phrase on the verb; the
                # whole is what the verb acted on (not an active subject: it did the act)
                whole = next((c for c in whole.children if c.dep_ == "dobj"), None) \
                    or next((c for c in whole.children if c.dep_ == "nsubjpass"), None)
            if whole is not None and whole.lemma_.lower() in lexicon("relations")["including"]["vague_wholes"]:
                whole = None  # "80 people were killed, including former combatants": among them, no body
            for pobj in (c for c in token.children if c.dep_ == "pobj") if whole is not None else ():
                for member in _with_conjuncts(pobj):
                    rel("member_of", member, whole, token, "relations.including", any_group=True)  # "trusted partners, including the WFP"
    out.extend(_among_them(doc, index))
    out.extend(_named_members(doc, index))
    return out


def _named_members(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"four commanders, Vincent Otti, Okot Odhiambo and Raska Lukwiya", "two rebel groups,
    the People's War Group and the MCC" (rule relations.named-members): names listed
    after a plural description, set off by a comma, are of it. At least two names, all of
    them names; not those an act befell ("killed two soldiers, A and B") nor a tie ("its
    allies, Russia and Iran")."""
    ties = frozenset(_words_of("body_of")["not_parts"])
    out = []
    for m in index.mentions:
        if not m.actor or m.basis != "nominal" or index.actors[m.actor].kind not in GROUP_KINDS | {"population"}:
            continue
        if any(o.span == m.span and o.basis not in ("nominal", "pronoun") for o in index.mentions_within(m.span.start, m.span.end)):
            continue  # "the Popular Liberation Forces, the People's Revolutionary Army and …": a name, listed with others
        span = span_over(doc, m.span.start, m.span.end)
        if span is None or span.root.tag_ not in ("NNS", "NNPS") or span.root.lower_ in ties:
            continue
        if index.actors[m.actor].kind == "population" and span.root.dep_ == "dobj":
            continue  # "killed two soldiers, A and B": those the act befell
        end, owner = span.end, None
        if end + 1 < len(doc) and doc[end].lower_ == "of":  # "the leaders of the Patriotic Front, A and B"
            owner = next((o for t in doc[end + 1 : end + 4] if (o := index.mention_for_token(t)) is not None), None)
            if owner is None or not owner.actor:
                continue
            end = span_over(doc, owner.span.start, owner.span.end).end
        if end + 2 >= len(doc) or doc[end].text != ",":
            continue
        names, k = [], end + 1
        while k < len(doc):
            step = k
            while step < k + 3 and step < len(doc) and index.mention_for_token(doc[step]) is None \
                    and (doc[step].text[:1].isupper() or doc[step].lower_ == "the"):
                step += 1  # "Mr", "Dr", "General" before the name
            named = index.mention_for_token(doc[step]) if step < len(doc) else None
            if named is None and step > k and step < len(doc) and (doc[step].text == "," or doc[step].lower_ == "and"):
                k = step  # a name the model missed ("Okot Odhiambo") still continues the list
            elif named is None or not named.actor or named.basis in ("nominal", "pronoun"):
                break
            else:
                if index.actors[named.actor].kind in GROUP_KINDS | {"person"}:
                    names.append(named)  # (a name the model misread as a place continues it too)
                k = span_over(doc, named.span.start, named.span.end).end
            while k < len(doc) and doc[k].text == "(":  # "(MCC)"
                close = next((t.i for t in doc[k : k + 8] if t.text == ")"), None)
                if close is None:
                    break
                k = close + 1
            if k < len(doc) and doc[k].text == "," and k + 1 < len(doc) and doc[k + 1].lower_ == "and":
                k += 2
            elif k < len(doc) and doc[k].text == "," or (k < len(doc) and doc[k].lower_ == "and"):
                k += 1
            else:
                break
        if len(names) < 2 or len({n.actor for n in names}) < len(names):
            continue
        if owner is not None and any(_same_kind(index.actors[n.actor].kind, index.actors[owner.actor].kind) for n in names) \
                and not _names_the_bodies(span.root, owner, names[-1], index):
            continue  # "the ministers of the Netherlands, Luxembourg and Portugal, Mr A, Mr B and Mr C": the list goes on after "of"
        if owner is not None and index.actors[owner.actor].kind in GROUP_KINDS and not any(c.dep_ == "nummod" for c in span.root.children) \
                and all(index.actors[n.actor].kind != "person" for n in names) and not _names_the_bodies(span.root, owner, names[-1], index):
            continue  # "the armies of Mali, Burkina Faso and Niger", "troops of the Army, the Navy and the Air Force": the list goes on after "of"
        for named in names:
            if named.actor != m.actor:
                out.append(Relation(type="member_of", source=named.actor, target=m.actor, source_span=named.span,
                                    target_span=m.span, evidence_span=sentence_span(sentence_of(span.root)), modality="asserted",
                                    rule="relations.named-members"))
    return out


def _same_kind(a: str, b: str) -> bool:
    """Two kinds of actor a list may hold as one kind: a place or a state are both where
    governments are ("the governments of Central America, Mexico and the United States")."""
    return a == b or {a, b} <= {"state", "location"}


def _set_off_leading(token: Token, index: ActorIndex) -> bool:
    """"The strikers gathered on a hill near the mine, led by X": "led" or "commanded" set
    off by a comma after the verb, with no subject or conjunction of its own, describes the
    verb's subject, when no party stands right before the comma for it to describe ("in
    contact with the IICD, chaired by X"; "the mine, run by X": a thing is run, not led)."""
    doc = token.doc
    if token.lemma_ not in ("lead", "command") or token.i < 2 or doc[token.i - 1].text != "," \
            or any(c.dep_ in ("mark", "nsubj", "nsubjpass", "auxpass") for c in token.children):
        return False
    before = index.mention_for_token(doc[token.i - 2])
    return before is None or not before.actor or index.actors[before.actor].kind not in GROUP_KINDS | {"person", "population"}


@lru_cache(maxsize=1)
def _means_of_assault() -> frozenset[str]:
    """Kit "with" which an assault is made, wherever the parser hangs the "with"
    (relations.toml [equipment] means_of_assault, nominals.toml [equipment] platforms)."""
    return frozenset(lexicon("relations")["equipment"]["means_of_assault"]) | frozenset(lexicon("nominals")["equipment"]["platforms"])


def _fired_on(verb: Token) -> bool:
    """Whether "on" after the verb names what was fired on ("fired on the boats", "opened fire
    on buses") or where a charge was set off ("set off a device on a metro train": events.toml
    participants.blast_verbs, explosive_heads), not what carried the subject ("arrived on
    motorcycles")."""
    parts = lexicon("events")["participants"]
    return verb.lemma_ in ("fire", "shoot") or verb.lemma_ in parts["blast_verbs"] or any(
        c.dep_ == "dobj" and (c.lower_ == "fire" or c.lemma_.lower() in parts["explosive_heads"]) for c in verb.children)


def _among_them(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"security forces in the Bastar range, among them the DRG and the Special Task
    Force", "a few dozen followers, among them several of his sons" (rule
    relations.among-them): those listed after "among them" are of the party named before
    the comma. Read on the words, not the parse, which hangs "among" on the verb and the
    names anywhere."""
    out = []
    for token in tokens_where(doc, lowers=frozenset({"among"})):
        i = token.i
        if i < 2 or i + 2 >= len(doc) or doc[i - 1].text != "," or doc[i + 1].lower_ not in ("them", "whom", "those"):
            continue
        last = doc[i - 2]
        while last.dep_ == "pobj" and last.head.dep_ == "prep":
            holder = last.head.head
            if holder.dep_ in ("acl", "amod") and holder.tag_ in ("VBN", "JJ") and holder.head.pos_ in ("NOUN", "PROPN") \
                    and holder.head.i < holder.i:
                holder = holder.head  # "militias opposed to independence, among them …": the militias
            if holder.pos_ not in ("NOUN", "PROPN"):
                break
            last = holder  # "security forces in the Bastar range, among them …": the forces
        clause = last.pos_ in ("VERB", "AUX")
        if clause:
            # a clause before the comma: "ten people were killed, among them …": its subject
            last = next((c for c in last.children if c.dep_ in ("nsubj", "nsubjpass")), last)
            last = _number_of(last)  # "more than 100 of them were killed, among them …"
        group = index.mention_for_token(last)
        if (group is None or not group.actor or group.basis == "pronoun") and last.dep_ == "pobj":
            # (a walk the parse led astray: "Militias opposed to independence, among them …" with
            # "opposed" read as the verb) the ones "them" was resolved to, named before it (not
            # past a noun that names no one: "hold 100 seafarers, among them …" are not the holders)
            group = index.mention_for_token(doc[i + 1])
            if group is None or group.basis != "pronoun" or not group.actor:
                continue
            # only the subject of the verb the walk ended under ("Militias" of "opposed"): in
            # "evaded arrest with the help of members of the Church, among them …" the
            # resolver's "Church" is no subject, and the walk found no party
            verb = last.head.head
            if not any(c.dep_ in ("nsubj", "nsubjpass") and (m := index.mention_for_token(c)) is not None and m.actor == group.actor
                       for c in verb.children):
                continue
        # A body's ("the security forces, among them the Border Guard") or a body's people ("nine
        # terrorists were killed, among them X"), not a count of people: "ten people were
        # killed, among them two police officers", "several leaders, among them X" name some of
        # a number, no body they belong to (relations.toml [among_them])
        if group is None or not group.actor or index.actors[group.actor].kind not in GROUP_KINDS | {"population", "person"}:
            continue
        if index.actors[group.actor].kind == "population":
            if last.dep_ in ("dobj", "nsubjpass") and not clause:
                continue  # "killed 14 civilians, among them two militiamen": those the act befell, no body
            phrase = span_over(doc, group.span.start, group.span.end)
            if phrase is None or phrase.root.lemma_.lower() not in _words_of("among_them")["member_wholes"]:
                continue
        end = i + 2
        while end < len(doc) and doc[end].text not in (".", ";", ":", ")") and doc[end].tag_ not in ("WP", "WDT", "WP$") \
                and not (doc[end].pos_ in ("VERB", "AUX") and doc[end].dep_ not in ("amod", "compound")):
            end += 1  # the list runs to the clause's verb, a relative clause ("whom Baghdad describes as …") or its end
        start_char, end_char = doc[i + 2].idx, doc[end - 1].idx + len(doc[end - 1].text)
        listed = [m for m in index.mentions_within(start_char, end_char) if m.actor and m.basis != "pronoun" and m.actor != group.actor
                  and index.actors[m.actor].kind in GROUP_KINDS | {"population", "person"}]
        outer = [m for m in listed if not any(o is not m and o.span.contains(m.span) and o.span != m.span for o in listed)
                 and not (m.basis == "nominal" and any(o.basis != "nominal" and o.span.start - m.span.end == 1 for o in listed))]
        # ("the Canadian diplomat Robert Fowler": one person, by name)
        seen = set()
        for member in outer:
            if member.span in seen:
                continue
            seen.add(member.span)
            out.append(Relation(type="member_of", source=member.actor, target=group.actor, source_span=member.span,
                                target_span=group.span, evidence_span=sentence_span(sentence_of(token)), modality="asserted",
                                rule="relations.among-them"))
    return out


def _name_inside(index: ActorIndex, head: Token, after: int) -> Mention | None:
    """The group named between character `after` and the noun `head` ("Rwanda-backed
    M23 rebels": M23; "Iran-backed Houthi weapons depots": the Houthis), unless the
    phrase is itself a group's description ("an Iran-backed militia")."""
    described = index.mention_for_token(head)
    if described is not None and (described.basis != "nominal" or index.actors[described.actor].kind in GROUP_KINDS - {"population"}):
        return None
    end = described.span.end if described is not None else head.idx + len(head.text)
    inner = [m for m in index.mentions_within(after, end) if m is not described and m.actor
             and m.basis not in ("nominal", "pronoun") and index.actors[m.actor].kind in GROUP_KINDS - {"population", "state"}]
    return inner[-1] if inner else None


def _demonym_sponsor(sponsor: Token, compound: Token, index: ActorIndex) -> None:
    """"Turkish-backed Syrian National Army factions": a demonym before "-backed" names
    its state, which gets a mention (the group's own mention starts after the
    hyphenated word: `actors.resolve.mention_span`)."""
    from factions.actors.demonyms import state_of_demonym

    if index.mention_for_token(sponsor) is not None:
        return
    state = state_of_demonym(sponsor.text, index.kb)
    if state is None:
        return
    actor = index.by_name(index.kb.get(state).name, "state", "demonym")
    index.add_mention(Span(sponsor.idx, sponsor.idx + len(sponsor.text)), "GPE", actor.id, "demonym")


def _named_head(tok: Token, index: ActorIndex) -> Token:
    """The token naming what `tok` stands for: a relative pronoun's noun ("a militia
    that is part of X"), and a description's named head ("Kataib Hezbollah, an
    Iran-backed militia")."""
    tok = relative_noun(tok) or tok
    # "Ag Ghaly is a Malian militant who has led JNIM": the description a relative
    # clause hangs on is the copula's subject.
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":
        subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        named = index.mention_for_token(subject) if subject is not None else None
        if named is not None and named.actor and named.basis not in ("nominal", "pronoun"):
            return subject
    if tok.dep_ == "appos":
        own = index.mention_for_token(tok)
        if own is not None and own.actor and own.basis not in ("nominal", "pronoun"):
            return tok  # a name is what it names ("LUANDA, Feb 23 (Reuters) - Jonas Savimbi, who led …": not the agency)
        named = index.mention_for_token(tok.head)
        if named is not None and named.actor and named.basis not in ("nominal", "pronoun") and not _in_dateline(tok.head):
            return tok.head  # (not a dateline's place: "GOMA, Congo, May 4 (Reuters) - Mutinous soldiers led by …")
    if tok.dep_ == "nsubj":  # "The squadron commander, Major X, led …": the name (not an agent's: "headed by his son, X")
        return name_beside(tok, index, titled=False)
    if tok.pos_ == "NOUN":  # "run by the American businessman Erik Prince": the name right after the description
        named = next((c for c in tok.children if c.dep_ == "appos" and c.left_edge.i == tok.i + 1), None)
        own = index.mention_for_token(named) if named is not None else None
        if own is not None and own.actor and own.basis not in ("nominal", "pronoun"):
            return named
    return tok


def _not_the_persons_title(title: Token, person: Span) -> bool:
    """"Ansar Allah's *chief* negotiator": a title word modifying another noun than the
    person's name is not the title; "Special Envoy of the *Secretary-General*": a
    title in an "of" phrase is someone else's."""
    if title.tag_ in ("NNS", "NNPS") and not _one_of_several_named(title, person):
        return True  # "near Maroun al-Ras, fighters of the Golani Brigade": a plural is several people's
    head, steps = title, 0
    # Up the chain of modifiers ("Army spokesman Brigadier General Nabil Abdallah"):
    # reaching the person's name, it was the person's title all along.
    while head.dep_ in ("amod", "compound") and head.head.i > head.i and steps < 4:
        head, steps = head.head, steps + 1
        if person.start <= head.idx < person.end:
            return False
    if steps and head.pos_ in ("NOUN", "PROPN") and head.i > title.i:
        return True
    if title.idx < person.start:
        # "fighters loyal to Shekau", "commanders of Shekau": a preposition between the
        # title and the name makes the name someone the title's holders answer to.
        name = span_over(title.doc, person.start, person.end)
        set_beside = name is not None and name.root.dep_ == "appos" and name.root.head.i == title.i  # "A spokesman for X, NAME,"
        if not set_beside and any(t.pos_ == "ADP" and t.idx < person.start and t.lower_ != "of" for t in title.doc[title.i + 1 : title.i + 7]):
            return True
    return title.dep_ == "pobj" and title.head.lower_ == "of" and _is_title_word(title.head.head)


def _one_of_several_named(title: Token, person: Span) -> bool:
    """A plural title names its holders one by one: "Two RSF commanders, X and Y", "X
    and Y, commanders of the RSF"."""
    name = span_over(title.doc, person.start, person.end)
    if name is None:
        return False
    root = name.root
    return root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children) or any(c.dep_ == "nummod" for c in title.children)


def _second_in_command(title: Token) -> bool:
    """"deputy head of the Council", "vice chairman", "assistant commander": the second
    of a body belongs to it; its head is someone else. So does the head of one of its
    sectors ("the LTTE's eastern commander", events.toml sector_modifiers)."""
    doc, i = title.doc, title.i
    if i > 0 and doc[i - 1].lower_ in _words("second_in_command"):
        return True
    if i > 1 and doc[i - 1].text == "-" and doc[i - 2].lower_ in _words("second_in_command"):
        return True  # "Vice-President", "Deputy-Commander"
    # "the LTTE's eastern commander": the commander of one sector of it
    return any(c.dep_ in ("amod", "compound") and c.lower_ in _words("sector_modifiers") for c in title.children)


def _is_title_word(token: Token) -> bool:
    roles = lexicon("events")["roles"]
    return token.lemma_.lower() in {*roles["leads"], *roles["member_of"], "envoy", "representative", "president", "ambassador"}


def _named_description(m: Mention, index: ActorIndex) -> bool:
    """A description with a name or a demonym in it ("the Kabul police", "Iran's foreign
    ministry", "Somali army"), or one the knowledge base resolved to a body."""
    if m.kb_id:
        return True
    words = m.text.split()
    return any(w[:1].isupper() for w in words[1:]) or (len(words) > 1 and words[0][:1].isupper() and words[0].lower() not in ("the", "a", "an"))


def _regional(title: Token, index: ActorIndex, person: Span) -> bool:
    """"its commander in West Darfur", "the group's emir for Kirkuk": a title over one
    place or sector of a body makes the person one of its commanders (not "in the region":
    events.toml whole_theatre_words). A place after the
    person's name is where something happened ("killed the group's leader, X, in
    Idlib"), though the parse may hang it on the title."""
    for prep in (c for c in title.children if c.dep_ == "prep" and c.lower_ in ("in", "for")
                 and not title.idx < person.start <= c.idx):
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            m = index.mention_for_token(place)
            if place.lower_ in _words("whole_theatre_words"):
                continue  # ("the commander of US forces in the region": the whole theatre)
            if place.ent_type_ in ("GPE", "LOC", "FAC") or (m is not None and m.actor and index.actors[m.actor].kind == "location"):
                return True
    return False


def _of_after_name(doc: Doc, person: Mention, groups: list[Mention], index: ActorIndex) -> Mention | None:
    """The body in an "of" phrase right after a titled name: "President Faure Gnassingbe
    of Togo", "King Abdullah of Jordan"."""
    name = span_over(doc, person.span.start, person.span.end)
    if name is None or name.end >= len(doc) or doc[name.end].lower_ != "of":
        return None
    obj = next((c for c in doc[name.end].children if c.dep_ == "pobj"), None)
    m = index.mention_for_token(obj) if obj is not None else None
    return m if m is not None and any(g.span == m.span for g in groups) else None


def _one_of_several(title: Token) -> bool:
    """"a commander of X", "a director at X", "a senior leader", "one of the leaders", "commanders": the
    title makes the person one of a body's commanders, not its leader. "A former
    leader of X" is one who led it."""
    if title.tag_ in ("NNS", "NNPS"):
        return True
    if title.head.lower_ == "of" and title.head.head.lower_ in ("one", "some", "several", "two", "three"):
        return True
    det = next((c for c in title.children if c.dep_ == "det"), None)
    if det is None or det.lower_ not in ("a", "an", "another"):
        return False
    ranked = {c.lower_ for c in title.children if c.dep_ == "amod"} & set(_words("rank_modifiers"))
    return title.lemma_.lower() in ("commander", "director") or bool(ranked)  # ("a director at the institute": one of its directors)


@lru_cache(maxsize=1)
def _rank_words() -> frozenset[str]:
    """Ranks written before a name (names.toml ranks): "Major General", "Vice Admiral"."""
    from factions.lexicons import validated_table

    return frozenset(validated_table("names")["ranks"])


def _window(doc: Doc, span: Span) -> list[Token]:
    """Up to four tokens before a name, or an apposition after it (", the leader of X",
    ", a senior Kataib Hezbollah commander", up to six words)."""
    chars = span_over(doc, span.start, span.end)
    if chars is None:
        return []
    before = [t for t in doc[max(chars.start - 4, sentence_of(chars[0]).start) : chars.start]]
    # not across a verb: in "Hurras al-Din's leaders regard Jolani as …" the title is the
    # subject's; a copula joins them ("Its leader is Iyad Ag Ghaly")
    verbs = [k for k, t in enumerate(before) if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")
             and t.lemma_ != "be"]
    before = before[verbs[-1] + 1 :] if verbs else before
    appos = chars.root.dep_ == "appos" and chars.root.head.i < chars.start and chars.root.head not in before
    if appos:
        before.insert(0, chars.root.head)  # "A spokesman for Iran's foreign ministry, Esmaeil Baghaei,"
    # the same, the parse missing the apposition or hanging it on an earlier title ("the
    # President of X, Mr A, and the Secretary-General of Y, Mr B": B's is the nearer):
    # "the governor of Balkh province, Mohammad Dawood Muzammil": the title governs the "of"
    # phrase before the comma (an honorific may come between: ", Dr. Rashad al-Alimi")
    at = chars.start - 1
    # (and a rank: "the commander of the Naval Forces, Vice Admiral X")
    while at > 0 and doc[at].text[:1].isupper() and ((doc[at].text.endswith(".") and len(doc[at]) <= 5)
                                                     or doc[at].lower_ in _rank_words()):
        at -= 1
    last = doc[at - 1] if at >= 1 and doc[at].text == "," else None
    if last is not None and last.dep_ == "pobj" and last.head.lower_ in ("of", "for", "at") and last.head.head not in before:
        before.insert(1 if appos else 0, last.head.head)  # (searched before the parse's head)
    after = []
    if chars.root.dep_ == "nsubj" and chars.root.head.lemma_ == "be":
        after += [c for c in chars.root.head.children if c.dep_ == "attr" and c.i > chars.end]  # "X is the group's president"
    if chars.root.dep_ in ("nsubj", "nsubjpass") and chars.root.head.lemma_ in _words("naming_verbs"):
        # "Abu Jaber was named general leader of HTS", "X became the TTP's emir"
        after += [c for c in chars.root.head.children if c.dep_ in ("oprd", "attr", "xcomp") and c.i > chars.end and c.pos_ == "NOUN"]
    if chars.root.dep_ == "nsubj" and chars.root.head.lemma_ in _words("serving_verbs"):
        # "Chin Peng served as secretary-general of the party", "X acted as its spokesman"
        after += [o for c in chars.root.head.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > chars.end
                  for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
    # a hyphenated title's second half, which the title is looked up by: "was named secretary-general of X"
    after += [doc[t.i + 2] for t in after if t.i + 2 < len(doc) and doc[t.i + 1].text in "-‐‑"
              and not t.whitespace_ and not doc[t.i + 1].whitespace_]
    if chars.end < len(doc) and doc[chars.end].text == ",":
        rest = doc[chars.end + 1 : sentence_of(chars[0]).end]
        if len(rest) > 2 and rest[0].lower_ == "who" and rest[1].lemma_ in ("be", "become", "remain"):
            rest = rest[2:]  # ", who became the TTP's emir": a title set beside the name in a relative clause
        elif len(rest) > 3 and rest[0].lower_ == "who" and rest[1].lemma_ in _words("serving_verbs") and rest[2].lower_ == "as":
            rest = rest[3:]  # ", who served as commander of the brigade"
        if len(rest) and rest[0].lower_ in ("and", "or", "but"):
            rest = rest[:0]  # "the cafe manager, Tori Johnson, and officers of the unit": the next in a list, not the name's title
        words = 0
        for t in rest:
            if (t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")) or t.text in ",;":
                break  # ", has met Turkish intelligence officials": a clause, not an apposition ("its acting leader" is one)
            after.append(t)
            # up to six words, a hyphenated one counted once: ", a 38-year-old officer of the army"
            if not (t.text in "-‐‑" or (not t.whitespace_ and t.i + 1 < len(doc) and doc[t.i + 1].text in "-‐‑")):
                words += 1
                if words == 6:
                    break
    return list(reversed(before)) + after


def _group_near(title: Token, groups: list[Mention], person: Span, text: str) -> Mention | None:
    """The group named just before the title ("IS leader") or after it ("leader of IS").
    `text` is the document's (Doc.text would rebuild it on every call)."""
    sent = sentence_of(title)
    best = None
    for g in groups:
        if g.span.overlaps(person) or not (sent.start_char <= g.span.start < sent.end_char):
            continue
        if g.span.end <= title.idx and text[max(sent.start_char, g.span.start - 4) : g.span.start].lower().strip() in ("in", "at"):
            continue  # "In Turkey Minister Ellwood met …": a place, not the minister's employer
        if g.span.end <= title.idx and g.label in ("GPE", "LOC") and title.lemma_.lower() in _words("topic_titles"):
            continue  # "the Observer's Senior Syria Analyst", "its Libya correspondent": the subject, not the employer
        gap_before = title.idx - g.span.end
        gap_after = g.span.start - (title.idx + len(title.text))
        place = g.label in ("GPE", "LOC")
        explicit = 0 <= gap_after <= 40 and _object_of_title(title, g, place)
        before = 0 <= gap_before <= 3 and text[g.span.end : title.idx].strip() in ("", "'s", "’s", ")")  # not "Tanzania, President X"
        link = " ".join(text[title.idx + len(title.text) : g.span.start].split()) if 0 <= gap_after <= 8 else None
        if before or _modifies_title(title, g.span.end) or link in _words("title_links") \
                or (not place and link in _words("title_links_of_bodies")) or explicit:
            # "an Iraq researcher at Chatham House": the body the title is "at" or "of"
            # comes before a state named as the title's subject
            dist = (0 if explicit else 1, min(abs(gap_before), abs(gap_after)))
            if best is None or dist < best[0]:
                best = (dist, g)
    return best[1] if best else None


def _described_subject(m: Mention | None, doc: Doc, index: ActorIndex) -> Mention | None:
    """A description after "is" stands for the sentence's subject: in "Al-Shabaab is a
    Somali militant group. It is led by …", "It" is al-Shabaab."""
    if m is None or m.basis != "nominal":
        return m
    span = span_over(doc, m.span.start, m.span.end)
    root = span.root if span is not None and len(span) else None
    if root is None or root.dep_ != "attr" or root.head.lemma_ != "be":
        return m
    subject = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
    named = index.mention_for_token(subject) if subject is not None else None
    return named if named is not None and named.actor and named.basis != "pronoun" else m


def _whose(title: Token, index: ActorIndex) -> Mention | None:
    """"The Islamic State, whose chief Abu Bakr al-Baghdadi declared …": the title is
    of the group the relative clause describes."""
    doc = title.doc
    whose = next((t for t in doc[max(title.i - 3, 0) : title.i] if t.lower_ == "whose"), None)
    if whose is None:
        return None
    clause = whose
    for _ in range(6):
        if clause.dep_ == "relcl" or clause.head.i == clause.i:
            break
        clause = clause.head
    if clause.dep_ != "relcl":
        return None
    group = index.mention_for_token(_named_head(clause.head, index))
    if group is None or not group.actor or group.basis == "pronoun" or index.actors[group.actor].kind not in GROUP_KINDS | {"state"}:
        return None
    return group


def _object_of_title(title: Token, group: Mention, place: bool) -> bool:
    """"a researcher at the Abuja-based Centre for …", "spokesman for the Kabul police":
    the body is the object of a preposition the title governs (the words of
    title_links, and of title_links_of_bodies when it is no `place`: "an officer in the
    Malian army"), whatever modifies it, or the name set beside that object ("a reporter
    for the newspaper Al-Akhbar")."""
    links = {w.split()[0] for w in (*_words("title_links"), *(() if place else _words("title_links_of_bodies"))) if w}
    for prep in (c for c in title.children if c.dep_ == "prep" and c.lower_ in links):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            named = [c for c in obj.children if c.dep_ == "appos"] if obj.pos_ == "NOUN" else []
            if any(group.span.start <= o.idx < group.span.end for o in (obj, *named)):
                return True
    return False


def _modifies_title(title: Token, group_end: int) -> bool:
    """"Houthi *military* spokesman", "IS *senior* commander": the one to three words
    between a group's name and a title are the title's own modifiers (adjectives or
    nouns hanging from it), so the group still names whose title it is."""
    # A possessive ending on the group's name ("Ansar Allah's chief negotiator") is no word between.
    between = [t for t in title.doc[max(title.i - 4, 0) : title.i] if t.idx >= group_end and not (t.tag_ == "POS" and t.idx == group_end)]
    if not 1 <= len(between) <= 3 or title.idx - group_end > 40:
        return False
    words = {t.i for t in between} | {title.i}
    if title.i + 2 < len(title.doc) and title.doc[title.i + 1].text in "-‐‑":
        words |= {title.i + 1, title.i + 2}  # "its second secretary-general": the title's last word heads it
    # a participle is a modifier too: "Afghanistan's *acting* foreign minister", "its *retired* commander"
    return all(t.dep_ in ("amod", "compound", "nmod") and (t.pos_ in ("ADJ", "NOUN") or t.tag_ in ("VBG", "VBN")) and t.head.i in words
               and t.ent_type_ in ("", "ORDINAL") for t in between)  # "its second secretary-general"


def dedupe_relations(relations: list[Relation]) -> list[Relation]:
    seen, out = set(), []
    # A member is not its body's ally ("the UK, as part of the Coalition, struck ISIL").
    members = {frozenset((r.source, r.target)) for r in relations if r.type == "member_of"}
    for r in relations:
        if r.type == "allied_with" and frozenset((r.source, r.target)) in members:
            continue
        nested = r.source_span != r.target_span and (r.source_span.contains(r.target_span) or r.target_span.contains(r.source_span))
        if nested and r.type not in ("member_of", "leads", "affiliate_of") and r.rule not in ("relations.hyphenated-sponsor", "relations.ally-description"):
            continue  # "an attack by Assad's regime": the regime and Assad are one side
        key = (r.type, r.source, r.target, r.evidence_span, r.modality)
        if r.type in symmetric_types():
            key = (r.type, *sorted((r.source, r.target)), r.evidence_span, r.modality)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def named_arguments(relations: list[Relation], index: ActorIndex) -> list[Relation]:
    """A possessive argument whose actor is named earlier in the relation's sentence is
    argued by that name ("welcomes the Board's summary of its investigation"). Not a
    pronoun that stands as the argument itself ("X toured the capitals, during which he
    met Y": re3d relates "he", as the text does), the actor being the same."""
    pronouns = {m.span: m for m in index.mentions if m.basis == "pronoun" and m.actor and m.text.lower() not in ARGUMENT_PRONOUNS}
    for r in relations:
        for side in ("source_span", "target_span"):
            pronoun = pronouns.get(getattr(r, side))
            named = _named_before(index, pronoun, r.evidence_span.start) if pronoun is not None else None
            if named is not None:
                setattr(r, side, named.span)
    return relations


def _words_of(table: str) -> dict:
    return lexicon("relations")[table]


def _troop_contributors(token: Token, subjects: list[Token], words_after: set[str], words: dict, force_nouns: frozenset[str],
                        party, add) -> None:
    """"Kenya and Uganda contribute troops to AMISOM" / "the MNJTF brings together troops
    from Benin and Chad" (rule relations.troop-contributors): who gives forces to a
    mission or coalition is a member of it (each relation through `add`)."""
    lemma = token.lemma_.lower()
    forces = [o for c in token.children if c.dep_ == "dobj" for o in [c, *c.conjuncts] if o.lemma_.lower() in force_nouns]
    if not forces:
        return
    rule = "relations.troop-contributors"
    bodies = GROUP_KINDS - {"state"}
    if token.dep_ == "relcl":
        # "the army and the MNJTF, which brings together troops from …": the relative
        # clause is the nearest conjunct's alone (the parse may hang it on the first)
        nouns = [n for n in (token.head, *token.head.conjuncts) if n.i < token.left_edge.i]
        subjects = [max(nouns, key=lambda n: n.i)] if nouns else [token.head]
    if lemma in words["verbs"]:
        prep = words["verbs"][lemma]
        # the body hangs on the verb or, in the parse, on the forces
        targets = [o for h in (token, *forces) for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ == prep
                   for o in c.children if o.dep_ == "pobj"]
        for target in targets:
            for subject in subjects:  # conjoined subjects each ("Kenya and Uganda contribute …")
                add("member_of", party(subject, PARTY_KINDS - {"location"}), party(target, bodies), token, rule)
            for force in forces:  # and the troops serve in it
                add("member_of", party(force, PARTY_KINDS - {"location", "state"}), party(target, bodies), token, rule)
    gathering = {(g["verb"], g["word"]) for g in words["gathering"]}
    if (lemma, "") in gathering or any((lemma, w) in gathering for w in words_after):
        # "from" on the forces or, in the parse, on the verb
        givers = [o for f in (*forces, token) for c in f.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
                  if p.dep_ == "pobj" for o in _with_conjuncts(p)]
        for subject in subjects:
            for giver in givers:
                add("member_of", party(giver, PARTY_KINDS - {"location"}), party(subject, bodies), token, rule)
            for force in forces if givers else ():  # "brings together troops from A and B": the troops serve in it
                add("member_of", party(force, PARTY_KINDS - {"location", "state"}), party(subject, bodies), token, rule)


def _number_of(tok: Token) -> Token:
    """What a number or a quantifier counts ("thousands of demonstrators", "100 of them",
    "most of the fighters"), else the word."""
    if tok.like_num or tok.ent_type_ == "CARDINAL" or tok.lower_ in _QUANTIFIERS:
        return object_of(tok, "of") or tok
    return tok


def _counted(tok: Token) -> Token:
    """What a quantity word counts ("hundreds of foreign fighters": fighters), else the word."""
    counted = object_of(tok) if tok.lower_ in _words("quantity_heads") else None
    return counted if counted is not None else tok


def _forces_of_subject(token: Token, subjects: list[Token], force_nouns: frozenset[str], commanding: frozenset[str], party, add) -> None:
    """"The ELN has about 6,000 fighters", "the army had sent 5,000 troops to the region"
    (rule relations.forces-of-subject): forces a group or state has or recruits are its
    members; forces it sends, deploys or moves it commands (leads), as a person does.
    Forces with an owner of their own ("its forces", "troops of the AU") are left to the
    rules that read the owner."""
    for obj in (o for c in token.children if c.dep_ == "dobj" for o in _with_conjuncts(c)):
        forces = _counted(obj)  # "thousands of fighters"
        if forces.lemma_.lower() not in force_nouns or any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "from"))
                                                            or (c.dep_ in ("amod", "compound") and c.ent_type_)  # "Nigerian troops"
                                                            for c in forces.children):
            continue
        for subject in subjects:
            if token.lemma_.lower() in commanding and token.lemma_.lower() != "order" and not unrealised(token):
                # "Brazil sent 950 soldiers", "the army deployed two battalions": the body that sends
                # forces commands them (the blind sets' InChargeOf, 46 to 20)
                add("leads", party(subject, GROUP_KINDS), party(forces, PARTY_KINDS - {"state", "location"}), token,
                    "relations.forces-of-subject")
            elif token.lemma_.lower() != "order":  # (a body that orders forces somewhere need not own them)
                add("member_of", party(forces, PARTY_KINDS - {"state", "location"}), party(subject, GROUP_KINDS), token,
                    "relations.forces-of-subject")
            if token.lemma_.lower() in commanding and _one_person(subject, party) and not unrealised(token) \
                    and not (token.lemma_.lower() == "order" and any(c.dep_ == "xcomp" for c in token.children)):
                # ("resisted calls to deploy foreign troops": asked, not done; "ordered all units
                # to stay on alert" is relations.ordered-forces's)
                add("leads", party(subject, {"person", "population"}), party(forces, PARTY_KINDS - {"state", "location"}), token,
                    "relations.forces-of-subject")  # "the Commander of the Army has sent 2,500 soldiers to Cauca"


def _one_person(token: Token, party) -> bool:
    """Whether a subject is one person: named, or a singular title ("the Commander of the Army")."""
    m = party(token, {"person", "population"})
    return m is not None and token.tag_ in ("NN", "NNP") and (m.basis != "nominal" or token.lower_ in _person_titles())



def _mention_of(tok: Token, index: ActorIndex, kinds: set[str]) -> Mention | None:
    """The named mention a token heads, of one of these kinds; no pronoun."""
    m = index.mention_of_kind(tok, kinds)
    return m if m is not None and m.basis != "pronoun" else None


def composition_relations(doc: Doc, index: ActorIndex) -> list[Relation]:
    """Who belongs to a body, founded or succeeded it, and who holds a place:
    rules relations.members-include, relations.serves-with, relations.formed-from,
    relations.founded-by and relations.held-by (words in data/lexicons/relations.toml)."""
    include, serve = _words_of("members_include"), _words_of("serves_with")
    succession, founding, held = _words_of("succession"), _words_of("founding"), _words_of("held_by")
    phrasal = {(p["verb"], p["word"]) for p in include["phrasal"]}
    roles = lexicon("events")["roles"]
    title_relation = {w: "leads" for w in roles["leads"]} | {w: "member_of" for w in roles["member_of"]}
    out: list[Relation] = []

    def party(tok: Token | None, kinds: set[str]) -> Mention | None:
        if tok is None:
            return None
        if tok.tag_ in ("WDT", "WP"):  # "the Arakan Army, which belongs to the alliance": the noun described
            tok = relative_noun(tok) or tok
        tok = _counted(tok)  # "hundreds of foreign fighters"
        m = index.mention_for_token(_named_head(tok, index))
        if tok.lower_ == "whose":  # "the loose coalition, whose core members include …": the coalition
            clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
            if clause is not None:
                tok = clause.head
                m = index.mention_for_token(_named_head(tok, index))
        if m is None and tok.pos_ == "PRON" and tok.lower_ in ("it", "they", "he", "she"):
            # "It was formed in 2017 through a merger of …", "he founded the Masked Battalion": the
            # pronoun, standing for its group or person
            found = index.resolve_pronoun(tok)
            if found is not None:
                m = Mention(Span(tok.idx, tok.idx + len(tok.text)), tok.text, found.label, actor=found.actor, basis="pronoun")
        if m is not None and m.basis == "pronoun":
            m = _named_before(index, m, sentence_of(tok).start_char) or m
        return index.of_kind(m, kinds)

    def add(kind: str, a: Mention | None, b: Mention | None, anchor: Token, rule: str) -> None:
        if a is not None and b is not None and a.actor != b.actor and not a.span.overlaps(b.span):
            # as the verb says it: "Iceland will not establish an army" is negated
            modality = modality_of(anchor, None)[0] if anchor.pos_ in ("VERB", "AUX") else "asserted"
            out.append(Relation(type=kind, source=a.actor, target=b.actor, source_span=a.span, target_span=b.span,
                                evidence_span=sentence_span(sentence_of(anchor)), modality=modality, rule=rule))

    troops = _words_of("troop_contributors")
    force_nouns = frozenset(troops["force_nouns"])
    forces_verbs, own_forces = frozenset(troops["forces_verbs"]), force_nouns | frozenset(troops["forces_of_subject"])
    commanding = frozenset(troops["commanding_verbs"])
    alongside = _words_of("alongside")
    lemmas = frozenset(include["verbs"]) | {v for v, _ in phrasal} | frozenset(serve["verbs"]) | frozenset(serve["joining"]) \
        | frozenset(troops["verbs"]) | {g["verb"] for g in troops["gathering"]} | forces_verbs | commanding | frozenset(alongside["verbs"]) \
        | frozenset(serve["recruiting"]) \
        | frozenset(succession["verbs"]) | frozenset(founding["verbs"]) | frozenset(succession["replacing_verbs"])
    for token in tokens_where(doc, lemmas=lemmas, lowers=frozenset(held["words"]) | frozenset(succession["successor_nouns"])):
        lemma = token.lemma_.lower()
        subjects, passive = _subject_tokens(token) if token.pos_ in ("VERB", "AUX") else ([], False)
        words_after = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "advmod")}
        # "were operating alongside the rebels", "had been stationed alongside Russian
        # mercenaries" (the one placed there, in either voice)
        if token.pos_ == "VERB" and lemma in alongside["verbs"]:
            # (the parse may hang "alongside" on the place: "stationed at the base alongside X")
            preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in alongside["preps"]]
            preps += [c for p in token.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
                      for c in o.children if c.dep_ == "prep" and c.lower_ in alongside["preps"]]
            sides = [o for c in preps for p in c.children if p.dep_ == "pobj" for o in _with_conjuncts(p)]
            for subject in subjects:
                for side in sides:
                    add("allied_with", party(subject, PARTY_KINDS - {"location"}), party(side, PARTY_KINDS - {"location"}), token,
                        "relations.alongside")
        if token.pos_ == "VERB" and not passive:
            _troop_contributors(token, subjects, words_after, troops, force_nouns, party, add)
            if lemma in forces_verbs | commanding:
                _forces_of_subject(token, subjects, own_forces, commanding, party, add)
        # "The coalition is composed of A and B", "the DRG, a force made up largely of local
        # recruits": the participle's noun (or the passive subject) is the body
        made_of = token.pos_ == "VERB" and any((lemma, w) in phrasal for w in words_after) and (passive or token.dep_ == "acl")
        if made_of:
            # (the parse may hang "of" on the particle: "made up of")
            preps = [c for h in (token, *(p for p in token.children if p.dep_ == "prt")) for c in h.children]
            members = [t for c in preps if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"
                       for t in _with_conjuncts(o)]
            holders = subjects if token.dep_ != "acl" else [token.head]
            holders += [a for h in holders for a in (*h.children, h.head) if a.dep_ == "appos" or (h.dep_ == "appos" and a is h.head)]
            for holder in holders:
                for member in members:
                    add("member_of", party(member, PARTY_KINDS), party(holder, GROUP_KINDS), token, "relations.members-include")
            continue
        # "Member states of the coalition include A, B and C" / "The coalition includes A and B".
        if token.pos_ == "VERB" and not passive and (lemma in include["verbs"] or any((lemma, w) in phrasal for w in words_after)):
            members = [t for c in token.children if c.dep_ == "dobj" for t in _with_conjuncts(c)]
            members += [t for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"
                        for t in _with_conjuncts(o)]
            for subject in subjects:
                body = party(subject, GROUP_KINDS)
                owner = object_of(subject) or next((c for c in subject.children if c.dep_ == "poss"), None)
                # "The group includes …", no owner named and no word of membership: the group's own list
                own_list = owner is None and any(c.dep_ == "det" for c in subject.children) \
                    and not any(c.lemma_.lower() in include["member_nouns"] for c in subject.children)
                if subject.lemma_.lower() in include["member_nouns"] and not own_list:  # "its members", "member states of X"
                    body = party(owner, GROUP_KINDS)
                elif body is None and subject.dep_ == "nsubj":
                    # "The defenders included the Cape Police", "the hostages include officials of the
                    # Ministry": people named by what they are or did are a body of those listed,
                    # each member the noun as written ("officials", not the Ministry they are of)
                    body = party(subject, {"population"})
                    for member in members if body is not None else ():
                        add("member_of", _mention_of(member, index, PARTY_KINDS), body, token, "relations.members-include")
                    continue
                for member in members:
                    add("member_of", party(member, PARTY_KINDS), body, token, "relations.members-include")
            continue
        # "Wagner recruited tens of thousands of inmates": the recruits are the recruiter's
        if token.pos_ == "VERB" and not passive and lemma in serve["recruiting"]:
            for recruit in (_counted(o) for c in token.children if c.dep_ == "dobj" for o in _with_conjuncts(c)):
                if lemma in forces_verbs and recruit.lemma_.lower() in own_forces:
                    continue  # "recruited hundreds of fighters": relations.forces-of-subject reads it
                for subject in subjects:
                    add("member_of", party(recruit, PARTY_KINDS - {"state", "location"}), party(subject, GROUP_KINDS - {"media"}), token,
                        "relations.serves-with")
            continue
        # "served with the 3rd Brigade", "joined al-Shabaab in 2012".
        if token.pos_ == "VERB" and not passive and (lemma in serve["verbs"] or lemma in serve["joining"]):
            # (not a bare idiom's object: "joined forces with the militia")
            bodies = [c for c in token.children if c.dep_ == "dobj" and not joining_idiom(c)] if lemma in serve["joining"] else \
                [o for c in token.children if c.dep_ == "prep" and c.lower_ in serve["verbs"][lemma] for o in c.children if o.dep_ == "pobj"]
            # "operates as part of its Central Africa Province": what it is a part of
            # ("belonged to a unit of young soldiers": people are no body; the unit is)
            bodies = [object_of(b) if b.lemma_.lower() in serve["part_nouns"] and party(object_of(b), GROUP_KINDS - {"state"}) is not None
                      else b for b in bodies]
            # "served as chairman of the DPP": the post says how (rule relations.title-of's words)
            posts = [b for b in bodies if b.lemma_.lower() in title_relation and object_of(b) is not None and b.head.lower_ == "as"]
            for post in posts:
                kind = "member_of" if _second_in_command(post) or _one_of_several(post) else title_relation[post.lemma_.lower()]
                for subject in subjects:
                    add(kind, party(subject, PARTY_KINDS - {"state"}), party(object_of(post), GROUP_KINDS), token, "relations.serves-with")
            bodies = [b for b in bodies if b not in posts and not (b.lemma_.lower() in title_relation and b.head.lower_ == "as")]
            for subject in subjects:
                member = party(subject, PARTY_KINDS - {"state"})
                # a person joins people too: "Nkurunziza joined the rebels in 1995"
                kinds = GROUP_KINDS - {"state"} | ({"population"} if member is not None and index.actors[member.actor].kind == "person" else set())
                for body in bodies:
                    add("member_of", member, party(body, kinds), token, "relations.serves-with")
            continue
        # "X was formed from Y", "grew out of Y", "founded through a merger of A and B".
        if token.pos_ == "VERB" and lemma in succession["verbs"]:
            sources = []
            for prep in (c for c in token.children if c.dep_ in ("prep", "prt") and c.lower_ in succession["preps"]):
                for o in (g for g in (prep, *prep.children) if g.dep_ == "pobj" or (g.dep_ == "prep" and g.lower_ == "of")):
                    o = object_of(o.head, "of") if o.dep_ == "prep" else o
                    if o is not None and o.lemma_.lower() in succession["merger_nouns"]:
                        o = object_of(o)  # "a merger of A and B"
                    sources += _with_conjuncts(o) if o is not None else []
            group_subjects = [s for s in subjects if party(s, {"armed_group", "organization"})]
            if passive or lemma in ("emerge", "grow", "evolve", "spring", "arise", "develop"):
                for subject in group_subjects:
                    for source in sources:
                        add("successor_of", party(subject, {"armed_group", "organization"}), party(source, {"armed_group", "organization"}),
                            token, "relations.formed-from")
        # "AUSSOM replaced the previous force, ATMIS": a body that takes another's place succeeds it.
        if token.pos_ == "VERB" and lemma in succession["replacing_verbs"]:
            bodies = {"armed_group", "organization", "government_body"}
            def named(t: Token) -> list[Token]:  # "the previous force, ATMIS": the name beside it too
                return [t, *(a for a in t.children if a.dep_ == "appos")]

            objects = [c for c in token.children if c.dep_ == "dobj"]
            agents = [o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            pairs = [(n, o) for a, b in ([(a, s) for a in agents for s in subjects] if passive else [(s, o) for s in subjects for o in objects])
                     for n in named(a) for o in named(b)]
            for new_body, old_body in pairs:
                add("successor_of", party(new_body, bodies), party(old_body, bodies), token, "relations.formed-from")
            continue
        # "founded by Abu Musab al-Zarqawi" / "Zarqawi founded the group".
        if token.pos_ == "VERB" and lemma in founding["verbs"] and (lemma != "set" or "up" in words_after):
            fronted = token.dep_ == "advcl" and token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children)
            if passive or token.dep_ in ("acl", "relcl") or fronted:
                founders = [o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
                founded = subjects if (passive or fronted) and token.dep_ not in ("acl",) else [token.head]  # ("Founded by X in 1969, the group …")
                if not founders and not passive and token.dep_ == "relcl":
                    relative = any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in token.children)
                    objects = [c for c in token.children if c.dep_ == "dobj"]
                    if relative and objects:
                        # "Abu Mohammad al-Julani, who had founded al-Nusra": the noun founded the object
                        founders, founded = [token.head], objects
                    else:
                        # "Jabhat al-Nusra, which Jolani founded in 2012": the clause's own subject founded its noun
                        founders = [t for t in subjects if t.tag_ not in ("WDT", "WP", "WP$")]
            else:
                founders, founded = subjects, [c for c in token.children if c.dep_ == "dobj"]
            founders = [t for f in founders for t in _with_conjuncts(f)]
            founded = [t for f in founded for t in _with_conjuncts(f)]  # "founded the CPP and the NPA"
            # "formed by Ansar Dine, al-Mourabitoun and Katiba Macina": groups founding a
            # coalition belong to it, and are allies. Not "A merged with B to form C": the
            # merged groups are no more (relations.formed-from reads mergers).
            by_agent = passive or token.dep_ in ("acl", "relcl") or fronted
            bodies = [b for f in founders if by_agent and (b := party(f, {"armed_group", "organization"})) is not None]
            # "the AA formed the Three Brotherhood Alliance with the TNLA and the MNDAA": the
            # group that founded it and those it founded it with belong to it, and are allies
            partners = [t for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children if o.dep_ == "pobj"
                        for t in _with_conjuncts(o)]
            if partners and not by_agent:
                bodies = [b for t in (*founders, *partners) if (b := party(t, {"armed_group", "organization", "state"})) is not None]
            # "the government set up a commission of inquiry", "the group formed a new brigade":
            # one body that founds another alone heads it. Not several ("A and B formed a
            # coalition", "formed the alliance with B": its members, above), nor one that merged
            # or joined others "to form" it, nor one that launches an operation.
            # Nor one plural ("the three governments formed the Alliance"), nor a part it forms
            # ("M23 forms the armed wing of the AFC": it is that wing).
            alone = not (by_agent or partners or len(founders) > 1 or token.dep_ in ("xcomp", "advcl") or lemma in founding["not_by_bodies"]
                         or any(f.tag_ in ("NNS", "NNPS") for f in founders)
                         or any(c.dep_ == "prep" and c.lower_ == "with" for f in founded for c in f.children)
                         or any(f.lemma_.lower() in _words_of("serves_with")["part_nouns"] and object_of(f, "of") is not None for f in founded))
            founding_kinds = {"person", "armed_group", "organization", "government_body", "state"} if alone else {"person"}
            for group in founded:
                for founder in (*founders, *(partners if not by_agent else ())):  # "founded the group with X": co-founders
                    # (and a state's body a person set up: "a commission of inquiry set up by the President")
                    leader, body = party(founder, founding_kinds), party(group, {"armed_group", "organization", "government_body"})
                    if leader is not None and body is not None and index.actors[leader.actor].kind == "state" \
                            and index.actors[body.actor].kind == "armed_group" and body.basis != "nominal":
                        continue  # "Iran established Hezbollah": a state that founds a group by name sponsors it ("established an army" heads it)
                    add("leads", leader, body, token, "relations.founded-by")
                for body in bodies:
                    add("member_of", body, party(group, {"armed_group", "organization"}), token, "relations.founded-by")
            for i, a in enumerate(bodies):
                for b in bodies[i + 1 :]:
                    add("allied_with", a, b, token, "relations.founded-by")
            continue
        # "HTS, the successor to Jabhat al-Nusra".
        if token.lower_ in succession["successor_nouns"] and token.pos_ == "NOUN":
            prior = object_of(token, "to") or object_of(token, "of")
            described = token.head if token.dep_ == "appos" else next((c for c in token.head.children if c.dep_ == "nsubj"), None) \
                if token.dep_ == "attr" else None
            add("successor_of", party(described, {"armed_group", "organization"}), party(prior, {"armed_group", "organization"}),
                token, "relations.formed-from")
            continue
        # "rebel-held districts of Aleppo", "Houthi-held Sanaa": the named place before the nominal
        if token.lower_ in held["words"] and token.i >= 2 and doc[token.i - 1].text == "-":
            holder, described = doc[token.i - 2], token.head
            place = party(object_of(described), PLACE_KINDS) or party(described, PLACE_KINDS)
            add("controls", party(holder, PARTY_KINDS - {"person"}) or _group_of(holder, index), place, token, "relations.held-by")
    _under_leader(doc, party, add)
    _together_with(doc, party, add)
    return out


def _together_with(doc: Doc, party, add) -> None:
    """"Qatar announces, together with Egypt and the United States, …", "Ugandan soldiers,
    together with SNA troops, held their positions", "Kenya, along with Uganda, sent
    troops" (rule relations.alongside): who acts together with another is on its side.
    The phrase hangs on the verb (its subject acts) or on the subject itself; not on a
    fate shared ("died, along with the bombers"; alongside.fates)."""
    marks = frozenset(_words_of("alongside")["together_marks"])
    fates = frozenset(_words_of("alongside")["fates"])
    for prep in tokens_where(doc, lowers=frozenset({"with"})):
        if prep.dep_ != "prep" or prep.i == 0 or doc[prep.i - 1].lower_ not in marks:
            continue
        holder = prep.head if prep.head.i != prep.i - 1 else prep.head.head  # "along with" may hang on "along"
        if holder.lemma_.lower() in fates:
            continue  # ("died in the blast, along with the three bombers": a fate shared, no side taken)
        # (a verb the tagger called a noun has a subject: "Qatar announces, together with Egypt, …")
        if holder.pos_ in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass") for c in holder.children):
            if any(c.dep_ == "dobj" and c.i < prep.i for c in holder.children) \
                    and (doc[prep.i - 1].lower_ == "along" or (_with_its_own(prep) and _is_assault(holder))):
                continue  # "targeting developers of chemical weapons, along with businessmen": more objects;
                # "torched the village together with its inhabitants": more the act befell
                # ("re-established the CPP together with a small group of radicals": co-founders)
            subjects, passive = _subject_tokens(holder)
            holders = [] if passive else subjects
        else:
            holders = [holder] if holder.dep_ in ("nsubj", "nsubjpass") else []
        sides = [t for p in prep.children if p.dep_ == "pobj" for t in _with_conjuncts(p)]
        for a in holders:
            for b in sides:
                add("allied_with", party(a, PARTY_KINDS - {"location"}), party(b, PARTY_KINDS - {"location"}), prep, "relations.alongside")


def _remnant(verb: Token) -> list[Token]:
    """"led what remained of the Khmer Rouge", "commands what is left of the army": the
    body in the "of" of a "what" clause on the verb (parsed as a clausal complement)."""
    out = []
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "dobj") and c.lemma_.lower() in ("remain", "leave")):
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "what" for c in clause.children):
            body = object_of(clause)
            if body is not None:
                out.append(body)
    return out


def _listed_before(participle: Token, head: Token) -> Token:
    """The body a participle set off by a comma describes: the parser hangs it on the
    first of a list ("the FPL of X, the People's Revolutionary Army (ERP), led by Y, and
    …" makes Y lead the FPL); a body named as a list item (a conjunct or an apposition)
    after the last comma before it is the one it describes."""
    doc = participle.doc
    j = participle.i - 1
    if j <= head.i or doc[j].text != ",":
        return head
    k = max((t.i for t in doc[head.i + 1 : j] if t.text == ","), default=None)
    if k is None:
        return head
    items = [e.root for e in doc.ents if k < e.start and e.end <= j and e.label_ == "ORG" and e.root.dep_ in ("conj", "appos")]
    return items[-1] if items else head


def _under_leader(doc: Doc, party, add) -> None:
    """"Under Ag Ghaly, JNIM waged war", "merged to form JNIM under Iyad Ag Ghaly",
    "fighters under the command of X", "under his leadership the group waged …" (rule
    relations.under-leader): the person named
    after "under" leads the group the phrase hangs on: a noun, the object of a verb
    of founding, or else the verb's subject. Only a person leads: "under pressure",
    "under UN sanctions" and "under Houthi control" name none."""
    words = _words_of("under_leader")
    founding = frozenset(_words_of("founding")["verbs"]) | frozenset(_words_of("succession")["verbs"])
    groups_and_people = GROUP_KINDS | {"population"}
    for token in tokens_where(doc, lowers=frozenset(words["preps"])):
        if token.dep_ != "prep":
            continue
        named = next((c for c in token.children if c.dep_ == "pobj"), None)
        if named is not None and named.lemma_.lower() in words["names"]:
            continue  # "led by Rodrigo Asturias under the name Gaspar Ilom": another name of his, no leader
        if named is not None and named.lemma_.lower() in words["command_nouns"]:
            # "under the command of X", "under his leadership"
            named = object_of(named) or next((c for c in named.children if c.dep_ == "poss"), None)
        leader = party(named, {"person"})
        if leader is None and named is not None:
            # "units under a former major, Ould Hanenna,": the name set beside the description
            leader = next((p for c in named.children if c.dep_ == "appos" for p in [party(c, {"person"})] if p is not None), None)
        if leader is None and named is not None and (named.tag_ in ("NN", "NNP") or token.head.lemma_.lower() in words["units"]):
            # "under the command of the Chief of Army": one person by title; "units under
            # Congolese officers": officers over a unit
            leader = party(named, {"population"})
        if leader is None:
            continue
        head = token.head
        if head.pos_ in ("NOUN", "PROPN"):
            led = [head]
        elif head.pos_ == "VERB" and head.dep_ == "acl" and head.tag_ == "VBN":
            led = [head.head]  # "The Hellenic Army, reorganised under Field Marshal Papagos": the army described
        elif head.pos_ in ("VERB", "AUX"):
            subjects, passive = _subject_tokens(head)
            objects = [c for c in head.children if c.dep_ == "dobj"]
            led = objects if head.lemma_.lower() in founding and objects else ([] if passive else subjects)
        else:
            led = []
        for group in (t for g in led for t in _with_conjuncts(g)):
            add("leads", leader, party(group, groups_and_people), token, "relations.under-leader")


def _group_of(token: Token, index: ActorIndex) -> Mention | None:
    """A bare modifier before "-held" ("rebel-held", "jihadist-held") names no party of
    its own: the mention around it, if that names one."""
    return index.mention_of_kind(token, PARTY_KINDS - {"person"})
