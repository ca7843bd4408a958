"""The relations an event implies between its parties, of the type its trigger names
(data/lexicons/events.toml, data/relation_types.toml; rule relations.event-parties):
the actors to the recipients, co-actors to each other when the relation is symmetric
("A and B clashed") or reciprocal ("accused each other"). The sides of a fight are
allied (relations.sides-of-a-fight), and support given in a fight is an alliance
(relations.support-in-fight). The relations stage (`factions.relations`) adds the
relations read from structure and stance."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

from spacy.tokens import Token

from factions.actors.index import ActorIndex
from factions.events.arguments import names_a_mutual_fight, sides_taken, with_and_against
from factions.events.triggers import TriggerType, Triggers, _match_trigger, triggers
from factions.lexicons import lexicon
from factions.model import Event, Mention, Relation
from factions.nlp.pipeline import span_over
from factions.nlp.tokens import doc_text
from factions.relations.types import symmetric_types


def _implied_relations(event: Event, kind: TriggerType, trigger: Token, actors: list[Mention], allies: list[Mention],
                       recipients: list[Mention], recipient_toks: list[Token], reciprocal: bool, object_named: bool,
                       index: ActorIndex) -> list[Relation]:
    """The relations `event` implies between its parties: `actors` and `allies` act on
    `recipients`; `recipient_toks` are the object tokens as parsed, `reciprocal` says
    they were "each other", `object_named` that the trigger has an object."""
    lex = lexicon("events")
    rel_type = kind.relations_by_word.get(trigger.lemma_.lower(), kind.relation)
    rel_rule = "relations.event-parties"
    if kind.type == "REQUEST":
        # "demanded that the army withdraw": whom a "that" clause asks to act is the request's,
        # with no tie drawn (re3d's annotators drew one for 2 of 17 in the blind sets)
        asked = {t.idx for c in trigger.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj" for t in s.subtree}
        recipients = [m for m in recipients if m.span.start not in asked]
    if kind.type == "PROTEST":
        # "protested to the Greek Government", "marched on the House of Assembly": lodged with
        # or gone to, no one opposed (co_actors.protest_against_preps)
        recipients = [m for m in recipients if _reached_by(m, trigger, frozenset(lex["co_actors"]["protest_against_preps"]))]
    if trigger.lemma_.lower() in lex["participants"]["named_partners_only"]:
        # "worked with Jordan", "work with soldiers" make allies; "work with its allies",
        # "with the international community" is diplomacy's small talk, no alliance with anyone
        vague = lex["participants"]["vague_partner_heads"]
        recipients = [m for m in recipients if not (m.basis == "nominal" and _head_word(m, trigger.doc) in vague)]
    if kind.type == "MERGE" and any(c.dep_ == "prep" and c.lower_ in lex["participants"]["absorbing_preps"] for c in trigger.children) \
            and not any(c.dep_ == "dobj" for c in trigger.children):  # ("merge it into X": the object would be the part)
        rel_type, rel_rule = "member_of", "relations.merged-into"  # "merged into JNIM": now part of it, not its ally
    if trigger.lemma_.lower() in lex["participants"]["joining_verbs"] and trigger.pos_ == "VERB" and recipients \
            and not any(c.dep_ == "prep" and c.lower_ in ("in", "for") and c.i > trigger.i  # ("joined France in the fight"; not "in 1949")
                        and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children) for c in trigger.children) \
            and all(_joinable(m, trigger, index, lex["participants"]["joinable_bodies"]) for m in recipients):
        # "Iceland joined the defence alliance": a member now, not its ally (a person or a
        # body that joins is relations.serves-with's member: no alliance beside it)
        if not all(index.actors[m.actor].kind == "state" for m in actors):
            return []
        rel_type, rel_rule = "member_of", "relations.joined-body"
    fallen = _whose_fall(trigger, recipients, lex["participants"]["hostile_demands"]) if kind.type == "REQUEST" else []
    demanded: list[Relation] = []
    if fallen and len(fallen) == len(recipients):
        rel_type, rel_rule = "opposes", "relations.hostile-demand"  # "demanded the resignation of the president"
    elif fallen:
        # "demand the resignation of the president and the release of X": the president's fall,
        # X's release asked for him
        recipients = [m for m in recipients if m not in fallen]
        demanded = _relations_from(event, "opposes", actors + allies, fallen, False, False, rule="relations.hostile-demand")
    if rel_type == "supports" and trigger.lemma_.lower() in lex["participants"]["material_support"] and _in_a_fight(trigger, triggers()):
        rel_type, rel_rule = "allied_with", "relations.support-in-fight"  # "backed the army in its fight against ISIL": a side in that fight
    if not rel_type:
        return []
    if rel_type == "allied_with":
        # "cooperation with the government against al-Shabaab": the enemy named by "against" is no ally
        _, enemies = with_and_against([trigger, trigger.head] if trigger.pos_ == "NOUN" else [trigger])
        recipients = [m for m in recipients if not any(m.span.start <= e.idx < m.span.end for e in enemies)]
    # Co-actors are paired ("A and B clashed") unless the trigger names an
    # object that went unresolved ("A and B vowed to defeat these terrorists"); what a
    # verb the trigger is the subject of hits is no such object ("clashes between A and
    # B killed four").
    pair_actors = (reciprocal or not any(t.dep_ == "dobj" and t.head.i == trigger.i and t.lemma_.lower() not in lex["co_actors"]["fight_objects"]
                                         for t in recipient_toks)) and not allies \
        and (reciprocal or kind.type not in lex["co_actors"]["directed_kinds"])  # ("A and B demanded that he resign": not of each other)
    if rel_type == "splinter_of":  # "cut military ties with France" is diplomacy, no split
        recipients = [r for r in recipients if index.actors[r.actor].kind != "state"]
    mutual = rel_type == "fights" and _mutual_fight(trigger, reciprocal, lex["co_actors"])
    if rel_type == "fights" and not recipients and not allies and not mutual:
        # One side and no enemy named: "army units, tribal fighters and militiamen
        # launched the offensive together" are allies, not enemies of each other.
        return _relations_from(event, "allied_with", _armed(index, trigger.doc, actors), [], pair_actors=True, rule="relations.sides-of-a-fight",
                               apart_from=one_states_services(actors, trigger.doc))
    addressed: list[Relation] = []
    audiences = [m for m in recipients if _head_word(m, trigger.doc) in lex["participants"]["audiences"]] \
        if rel_type == "communicates_with" else []
    if audiences:
        # "spoke to the nation", "informs the public": addressed, not met (nor the speakers paired)
        recipients = [m for m in recipients if m not in audiences]
        addressed = _relations_from(event, "addresses", actors + allies, audiences, pair_actors=False, rule=rel_rule)
        if not recipients:
            return addressed
    together = _with_their_own(actors + allies, doc_text(trigger.doc)) if rel_type == "fights" else set()
    out = addressed + _relations_from(event, rel_type, actors + allies, recipients, reciprocal, pair_actors, rule=rel_rule, apart_from=together)
    out += demanded
    if rel_type == "fights" and not mutual:
        # Sides of one fight: "A and B attacked C", "A fought alongside B", "A and
        # B bombed the province" (an object named, if no party).
        side = actors + allies if (recipients or allies or object_named) and not reciprocal \
            and not _shares_a_mutual_fights_subject(trigger) else []
        # (co-subjects only: an ally named by "alongside" is another's, whatever its name)
        out += _relations_from(event, "allied_with", _armed(index, trigger.doc, side), [], pair_actors=True, rule="relations.sides-of-a-fight",
                               apart_from=one_states_services(actors, trigger.doc))
    return out


def _reached_by(m: Mention, trigger: Token, preps: frozenset[str]) -> bool:
    """Whether a recipient hangs below the trigger through one of `preps` ("against the
    junta", "the shelling by the Thai army"; or the agent's "by"), on the trigger or on a
    noun it governs."""
    span = span_over(trigger.doc, m.span.start, m.span.end)
    if span is None:
        return False
    token = span.root
    while token.i != trigger.i and token.head.i != token.i:
        if token.dep_ in ("prep", "agent") and token.lower_ in preps:
            return True
        token = token.head
    return False


def _shares_a_mutual_fights_subject(trigger: Token) -> bool:
    """Whether the trigger is a clause with no subject of its own on a fight whose co-actors
    fight each other ("Lebanese and Israeli soldiers exchanged fire, killing a journalist":
    the killing's doers are the two sides, no allies)."""
    verb = trigger
    # (not a verb joined to the fight: "fought for two hours and threw grenades at the troops"
    # tells an act of its own, on its own target)
    while verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i and verb.pos_ == "VERB" \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
        if names_a_mutual_fight(verb):
            return True
    return False


def _whose_fall(trigger: Token, recipients: list[Mention], falls: list[str]) -> list[Mention]:
    """The request's parties whose fall it asks ("demanded the resignation of the president and
    of his government"): those inside the "of" phrase of such a noun that is the request's
    object, or one joined to it (not "the resignation of the president and the release of X",
    whose release is asked for him)."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    objects += [p for c in trigger.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]  # "called for the removal of X"
    asked = [o for n in objects for o in (n, *n.conjuncts) if o.lemma_.lower() in falls]
    # the words of each, not those of another demand joined to it, which the parse may hang
    # inside its "of" ("the resignation of X and the release of Y": Y's release)
    other = {t.i for o in asked for c in o.subtree if c.dep_ == "conj" and c.lemma_.lower() not in falls
             and any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children) for t in c.subtree}
    own = {t.idx for o in asked for t in o.subtree if t.i not in other}
    return [m for m in recipients if m.span.start in own]


def _joinable(m: Mention, trigger: Token, index: ActorIndex, bodies: list[str]) -> bool:
    """Whether a party a joining verb names as its object is a body one joins as a member:
    named ("the Tangwai") or described as one ("the coalition"); not "us", "the troops",
    nor what "with" names ("join us with his battalions")."""
    objects = [o for c in trigger.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    if not any(m.span.start <= o.idx < m.span.end for o in objects) or m.basis == "pronoun":
        return False
    if index.actors[m.actor].kind not in ("armed_group", "organization", "government_body"):
        return False
    return m.basis != "nominal" or m.text.lower().split()[-1] in bodies


def _head_word(m: Mention, doc) -> str:
    """A mention's head word, lower-cased ("the nation": "nation")."""
    span = span_over(doc, m.span.start, m.span.end)
    return span.root.lower_ if span is not None else m.text.lower().rsplit(" ", 1)[-1]


def _armed(index: ActorIndex, doc, side: list[Mention]) -> list[Mention]:
    """The parties of one side that can be allies: not inhabitants (lexicons/events.toml:
    "women and children held hostage" are no alliance; "soldiers", "their partners" and
    "armed groups of Russian citizens" may be)."""
    inhabitants = frozenset(lexicon("events")["roles"]["inhabitants"])

    return [m for m in side if not (index.actors[m.actor].kind == "population" and _head_word(m, doc) in inhabitants)]


@lru_cache(maxsize=1)
def _state_services() -> frozenset[str]:
    return frozenset(lexicon("events")["co_actors"]["state_services"])


def one_states_services(side: list[Mention], doc) -> set[frozenset[str]]:
    """Pairs of one side that are one state's own services, no allies of each other:
    "soldiers and police retook the town", "the Army, the Navy and the Air Force" (heads
    in lexicons/events.toml co_actors.state_services); not those named with two states
    ("Kenyan and American soldiers") nor one named as someone's ("their units and the army")."""
    services = _state_services()

    def service_of(m: Mention) -> frozenset[str] | None:
        span = span_over(doc, m.span.start, m.span.end)
        if span is None or span.root.lemma_.lower() not in services:
            return None
        if any(t.tag_ in ("PRP$", "WP$", "POS") for t in span) or any(c.dep_ == "poss" for c in span.root.children):
            return None  # "their units", "whose troops", "Eritrea's troops": someone's own, maybe another state's
        return frozenset(t.lower_ for t in span if t.ent_type_ in ("GPE", "NORP"))  # the state it is named with, if any

    named = [(m, s) for m in side if (s := service_of(m)) is not None]
    return {frozenset((a.actor, b.actor)) for (a, sa), (b, sb) in combinations(named, 2) if not (sa and sb and sa != sb)}


def _with_their_own(actors: list[Mention], text: str) -> set[frozenset[str]]:
    """Co-actors one of whom is the other's own, named right after it: "Beltran Leyva and
    his bodyguards", "the Kaekin tribe and their allies" (one side, whatever the fight)."""
    ordered = sorted(actors, key=lambda m: m.span.start)
    return {frozenset((a.actor, b.actor)) for a, b in zip(ordered, ordered[1:])
            if _POSSESSIVE_OPENING.match(text, b.span.start) and _AND_BETWEEN.fullmatch(text, a.span.end, b.span.start)}


_POSSESSIVE_OPENING = re.compile(r"(?:his|her|its|their)\b", re.IGNORECASE)
_AND_BETWEEN = re.compile(r",?\s+and\s+")


def _relations_from(event: Event, rel_type: str, actors: list[Mention], recipients: list[Mention], reciprocal: bool = False,
                    pair_actors: bool = True, *, rule: str, apart_from: set[frozenset[str]] = frozenset()) -> list[Relation]:
    out = []
    pairs = [(a, r) for a in actors for r in recipients]
    if not recipients and pair_actors and (rel_type in symmetric_types() or reciprocal):
        # "A and B clashed", "talks between A and B"; "A and B accused each other" (not A and
        # its own: `apart_from`).
        pairs = [(a, b) for a, b in combinations(actors, 2) if frozenset((a.actor, b.actor)) not in apart_from]
        if reciprocal and rel_type not in symmetric_types():
            pairs += [(b, a) for a, b in pairs]
    for source, target in pairs:
        if source.actor == target.actor:
            continue
        out.append(
            Relation(
                type=rel_type, source=source.actor, target=target.actor,
                source_span=source.span, target_span=target.span, evidence_span=event.evidence_span,
                modality=event.modality, claim=event.claim, event=event.id, when=event.when, rule=rule,
            )
        )
    return out


def _mutual_fight(trigger: Token, reciprocal: bool, words: dict) -> bool:
    """Co-actors of a fight fight each other ("A and B clashed", "fought a border war",
    "A and B attacked each other"), unless marked as one side ("launched the offensive
    together", "a joint operation")."""
    around = [*trigger.children, *trigger.head.children] if trigger.pos_ == "NOUN" else list(trigger.children)
    if any(t.lower_ in words["joint_marks"] for t in around) or trigger.lower_ in words["joint_marks"]:
        return False
    if trigger.doc[trigger.i + 1 : trigger.i + 4].text.lower() == "side by side":  # "fought side by side with X"
        return False
    if sides_taken(trigger):  # "fought on Ukraine's side"
        return False
    # "fought with the army against IS": an enemy named beside the "with" makes its
    # object a partner (events.arguments._partners_against), not the other side.
    partners, enemies = with_and_against([trigger, trigger.head] if trigger.pos_ == "NOUN" else [trigger])
    if partners and enemies:
        return False
    if reciprocal or names_a_mutual_fight(trigger):
        return True
    return any(c.dep_ == "dobj" and c.lemma_.lower() in words["fight_objects"] for c in trigger.children)


def _in_a_fight(support: Token, t: Triggers) -> bool:
    """Support given in a fight ("air support for ground forces focused on defeating
    ISIL", "supported the army in its efforts to defeat ISIL"): a fight is named in
    the phrase the support governs, or the purpose of the verb that gives it."""
    scope = list(support.subtree)
    if support.dep_ == "xcomp":  # "will keep supporting the army until ISIL is defeated": the clause hangs on "keep"
        scope += [t for c in support.head.children if c.dep_ == "advcl" and c.i > support.i for t in c.subtree]
    if support.dep_ == "dobj":  # "provided air support …, focused on defeating ISIL"
        scope += [t for c in support.head.children if c.dep_ in ("advcl", "xcomp") for t in c.subtree]
    if support.dep_ == "pobj" and support.head.lower_ == "in" and support.head.head.pos_ == "VERB":
        # "carried out an airstrike in support of the Somali forces", "deployed to Libya in
        # support of the LNA": the act it was done in (a deployment is a military one)
        done = support.head.head
        if done.lemma_.lower() in ("deploy", "redeploy"):
            return True
        scope += [done, *(c for c in done.children if c.dep_ == "dobj")]
    if support.dep_ == "pobj" and support.head.lower_ == "with":
        # "retook Gao with the support of Chad", "forces, with the help of militias, retook
        # the town": the act done with it (the verb the "with" or its party hangs on)
        done = support.head.head if support.head.head.pos_ == "VERB" else support.head.head.head
        if done.pos_ == "VERB":
            if done.lemma_.lower() in lexicon("events")["participants"]["taken_by_force"]:
                return True
            scope.append(done)
    if support.dep_ == "acl" or (support.dep_ == "conj" and support.head.dep_ == "acl"):
        # "the SDF, backed by Coalition air support, cleared two neighbourhoods", "offensives by
        # government forces, backed by US air power": the fight of the party backed
        node = support.head if support.dep_ == "acl" else support.head.head
        forced = frozenset(lexicon("events")["participants"]["taken_by_force"])
        for _ in range(4):
            if node.pos_ == "VERB" and node.lemma_.lower() in forced:
                return True  # ground taken by force: "…, backed by Coalition aircraft, cleared two neighbourhoods"
            scope.append(node)
            scope += [c for c in node.children if c.dep_ == "dobj" and node.pos_ == "VERB"]  # "would continue their offensive"
            if node.head.i == node.i:
                break
            node = node.head
    for tok in scope:
        if tok.i == support.i or tok.pos_ not in ("VERB", "NOUN"):
            continue
        matched = _match_trigger(tok, t)
        if matched is not None and matched[0].relations_by_word.get(tok.lemma_.lower(), matched[0].relation) == "fights":
            return True
    return False


def attacked_places(event: Event, attackers: list[Mention], places: list[Mention]) -> list[Relation]:
    """The places an assault was aimed at, as `attacks` relations from each attacker
    (rule relations.attacked-place): a place is no party to a fight, so no state of a
    pair, but who attacked which town or base is what the map and re3d's
    FightingAgainst ask."""
    return [Relation(type="attacks", source=a.actor, target=p.actor, source_span=a.span, target_span=p.span,
                     evidence_span=event.evidence_span, modality=event.modality, claim=event.claim, event=event.id,
                     when=event.when, rule="relations.attacked-place")
            for a in attackers for p in places if a.actor != p.actor]


def attacked_equipment(event: Event, attackers: list[Mention], equipment: list[Mention]) -> list[Relation]:
    """The weapons and vehicles an assault was aimed at that no party named owns, as
    `attacks` relations from each attacker (rule relations.attacked-equipment): "pirate
    gangs attacked hundreds of merchant ships", "the air force shot down a drone" (re3d's
    FightingAgainst with the platform)."""
    return [Relation(type="attacks", source=a.actor, target=q.actor, source_span=a.span, target_span=q.span,
                     evidence_span=event.evidence_span, modality=event.modality, claim=event.claim, event=event.id,
                     when=event.when, rule="relations.attacked-equipment")
            for a in attackers for q in equipment if a.actor != q.actor]
