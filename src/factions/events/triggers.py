"""Trigger words: which word names which act (data/lexicons/events.toml, read once and
checked), matched as a verb, a noun or a verb with its object ("pledged allegiance").
The words around a trigger may make it another act: "joined X for talks" is a
meeting, "attacked X in a speech" is words, not arms (rule events.verbal-attack)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from spacy.tokens import Token

from factions.lexicons import DataFileError, lexicon
from factions.nlp import agent_phrase_subject, describes_subject, object_of, sentence_starts
from factions.nlp.components import _kit_heads
from factions.relations.types import implied_by, relation_types


@dataclass(frozen=True)
class TriggerType:
    type: str
    relation: str | None
    modes: dict
    relations_by_word: dict
    not_with: dict  # verb -> particles that make it another act ("call on X to …" is a request)
    only_with: dict | None = None  # noun -> {"heads": verbs it is the object of, "preps": its prepositions, "governed_by": prepositions it is the object of, "of_objects": what its "of" names, "compounds": the nouns before it}: it counts only so
    when_object: dict | None = None  # verb -> the kinds its object may be for the verb to be this act ("place", "person", "party" or an event type)
    not_with_deps: dict | None = None  # verb -> dependents that make it no act of this type ("called them terrorists" names them)
    by_complement: dict | None = None  # {"verbs": [...], "acts": [...]}: a verb whose complement is one of the acts is this act
    passive_only: frozenset = frozenset()  # when_object verbs that are this act only in the passive with an agent ("wanted by the ICC")
    not_by: dict | None = None  # noun -> heads of a doer that make it no such act ("the brigade set off on a march")
    passive_needs_agent: frozenset = frozenset()  # verbs that are this act in the passive only with an agent ("armed by Rwanda", not "armed with knives")
    when_subject: dict | None = None  # verb -> what its subject (a passive's agent) may be for the verb to be this act ("party" or "weapon")
    not_objects: dict | None = None  # when_subject verb -> objects that make it a figure of speech ("hit the streets")
    not_subjects: dict | None = None  # when_subject verb -> subjects that make it no act ("Cyclone Idai hit the coast")
    not_means: dict | None = None  # when_subject verb -> what it is done "with" that makes it no act ("hit Iran with sanctions")


@dataclass(frozen=True)
class Triggers:
    verbs: dict[str, TriggerType]
    nouns: dict[str, TriggerType]
    phrases: dict[tuple[str, str], TriggerType]
    by_object: dict[str, list[TriggerType]]  # verb -> the acts it is with the right object ("seized the town")
    by_complement: dict[str, TriggerType]  # verb -> the act it is with a hostile complement ("vowed to retaliate")
    by_subject: dict[str, list[TriggerType]] = field(default_factory=dict)  # verb -> the acts it is with the right subject ("drones hit the post")
    phrase_aims: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)  # phrase -> kinds its object must be ("broke into the building")
    by_modifier: dict[str, list[tuple[frozenset, "TriggerType"]]] = field(default_factory=dict)  # noun -> (modifiers, the act it is with one: "hunger strike")
    by_doer: dict[str, list[tuple[frozenset, "TriggerType"]]] = field(default_factory=dict)  # verb -> (subject heads, the act it is done by them: "protesters blocked roads")
    by_purpose: dict[str, list[tuple[frozenset, "TriggerType"]]] = field(default_factory=dict)  # verb -> (purposes, the act it is done for one: "gathered to demand")
    phrase_particles: frozenset[tuple[str, str]] = frozenset()  # phrases whose word is a particle, never a preposition with an object ("went over to", not "went over the budget")

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(self.verbs) | frozenset(self.nouns) | frozenset(verb for verb, _ in self.phrases) | frozenset(self.by_object) \
            | frozenset(self.by_complement) | frozenset(self.by_subject) | frozenset(self.by_doer) | frozenset(self.by_purpose) \
            | frozenset(self.by_modifier)


# The keys a phrase may have: its verb and the word after it, what its object must be, and
# whether that word must be a particle ("went over to the rebels", not "went over the budget").
PHRASE_KEYS = frozenset({"verb", "object", "aimed", "particle"})

# What a verb's object may be for the verb to be an act (when_object, a phrase's `aimed`):
# _is_object says what each is; "party_moved" is a party as the verb's own object, moved by
# the phrase's preposition ("drove the rebels from the town"); "mobilised" is a force called
# to arms (events.toml participants.mobilised_heads: "called up 300,000 reservists"); "expelled"
# people sent out of a country, no force fought (participants.expelled_heads: "expelled the
# French ambassador", not "expelled the militants from the town").
# "explosive" a charge set off (participants.explosive_heads: "set off a device"), "supplies"
# what aid is made of (participants.supplies_heads: "delivered food and medicine"),
# "own_arms" a party's own arms given up (participants.own_arms_heads: "laid down their arms");
# "vehicle" the verb's own object, a vehicle driven into the preposition's (participants.vehicle_heads:
# "rammed a truck into the market"), "vehicle_at_party" the same into a party or a crowd (crowd_heads);
# "captive" people, not a body ("handed over the two engineers"; not "handed over command");
# "victim" a party as the verb's own object or its passive subject, whatever the phrase's
# preposition holds ("beat the manager to death", "was hacked to death"; not "hacked the
# budget to death"); "craft" a vessel or an aircraft (nominals.toml equipment.platforms and
# designations, events.toml participants.craft_heads: "sank the landing ship", "downed two
# drones", "brought down an F-16"); "foe" a party that is no state named as one ("beat
# ISIS", "beat protesters"; not "Ireland beat Italy"); "act_told" a pronoun for an assault
# told before it, in its sentence or the two before ("A bomb killed 14 soldiers … JNIM
# claimed it"; not "claimed it as its own"); "explosive_on" a charge let fall "on" something
# ("dropped barrel bombs on Daraya"; not "dropped the charges against him"); "explosive_gone_off"
# a charge as the verb's subject ("two car bombs went off near the market"; not "the alarm went
# off", "the plan went off without a hitch"); "accord" an agreement or a truce (AGREE's nouns, and
# RETREAT's whose mode is a ceasefire: "approved an Egyptian-brokered ceasefire"; not "approved
# the budget", "approved the withdrawal").
OBJECT_KINDS = ("place", "person", "party", "quarry", "party_moved", "mobilised", "expelled", "explosive", "supplies", "own_arms",
                "vehicle", "vehicle_at_party", "captive", "victim", "craft", "foe", "act_told", "explosive_on",
                "explosive_gone_off", "accord")
# What a verb's subject may be for the verb to be an act (when_subject): people or a body
# ("party"), or arms ("weapon": nominals.toml [equipment] heads).
SUBJECT_KINDS = ("party", "weapon")


# What an `only_with` entry may require (TriggerType.only_with says what each means).
ONLY_WITH_KEYS = frozenset({"heads", "preps", "governed_by", "of_objects", "compounds"})


def _object_kinds(entry: dict, key: str = "when_object") -> dict[str, tuple[str, ...]]:
    """An entry's when_object (or when_subject), each verb's kinds as a tuple: the data
    gives one kind ("seize" = "place") or a list ("surround" = ["place", "party"])."""
    return {verb: (wanted,) if isinstance(wanted, str) else tuple(wanted) for verb, wanted in entry.get(key, {}).items()}


@lru_cache(maxsize=1)
def triggers() -> Triggers:
    verbs, nouns, phrases, by_object, by_complement, phrase_aims, by_subject, by_modifier, by_doer, by_purpose = {}, {}, {}, {}, {}, {}, {}, {}, {}, {}
    particles: set[tuple[str, str]] = set()
    declared = relation_types()
    event_types = {e["type"] for e in lexicon("events")["event"]}
    for entry in lexicon("events")["event"]:
        for word, rel in entry.get("relations_by_word", {}).items():
            if rel and rel not in declared:  # "" names none
                raise DataFileError(f"factions/data/lexicons/events.toml: {entry['type']}: '{word}' names unknown relation '{rel}'")
        t = TriggerType(entry["type"], implied_by(entry["type"]), entry.get("modes", {}), entry.get("relations_by_word", {}), entry.get("not_with", {}),
                        only_with=entry.get("only_with", {}), when_object=_object_kinds(entry),
                        passive_needs_agent=frozenset(entry.get("passive_needs_agent", ())), not_by=entry.get("not_by", {}),
                        not_with_deps=entry.get("not_with_deps", {}), by_complement=entry.get("by_complement"),
                        passive_only=frozenset(entry.get("passive_only", ())), when_subject=_object_kinds(entry, "when_subject"),
                        not_objects=entry.get("not_objects", {}), not_subjects=entry.get("not_subjects", {}),
                        not_means=entry.get("not_means", {}))
        for word, needs in entry.get("only_with", {}).items():
            unknown = set(needs) - ONLY_WITH_KEYS
            if unknown:
                raise DataFileError(f"factions/data/lexicons/events.toml: {entry['type']}: only_with '{word}' has unknown keys "
                                    f"{', '.join(sorted(unknown))} (known: {', '.join(sorted(ONLY_WITH_KEYS))})")
        for table, words in (("verbs", verbs), ("nouns", nouns)):
            for word in entry.get(table, []):
                if word in words:  # one word, one act: a second entry would never be reached
                    raise DataFileError(f"factions/data/lexicons/events.toml: '{word}' is in the {table} of both {words[word].type} and {t.type}")
                words[word] = t
        for p in entry.get("phrases", []):
            if unknown := set(p) - PHRASE_KEYS:
                raise DataFileError(f"factions/data/lexicons/events.toml: {entry['type']}: phrase '{p.get('verb')} {p.get('object')}' has "
                                    f"unknown keys {', '.join(sorted(unknown))} (known: {', '.join(sorted(PHRASE_KEYS))})")
            if p.get("particle"):
                particles.add((p["verb"], p["object"]))
            if (p["verb"], p["object"]) in phrases:  # (the second would silently replace the first)
                raise DataFileError(f"factions/data/lexicons/events.toml: the phrase '{p['verb']} {p['object']}' is in the phrases "
                                    f"of both {phrases[(p['verb'], p['object'])].type} and {t.type}")
            phrases[(p["verb"], p["object"])] = t
            for wanted in p.get("aimed", ()):
                if wanted not in OBJECT_KINDS and wanted not in event_types:
                    raise DataFileError(f"factions/data/lexicons/events.toml: {entry['type']}: phrase '{p['verb']} {p['object']}' aims at "
                                        f"'{wanted}', neither one of {', '.join(OBJECT_KINDS)} nor an event type")
            if "aimed" in p:
                phrase_aims[(p["verb"], p["object"])] = tuple(p["aimed"])
        for verb, kinds in t.when_object.items():
            for wanted in kinds:
                if wanted not in OBJECT_KINDS and wanted not in event_types:
                    raise DataFileError(f"factions/data/lexicons/events.toml: {entry['type']}: when_object '{verb}' wants '{wanted}', "
                                        f"neither one of {', '.join(OBJECT_KINDS)} nor an event type")
            by_object.setdefault(verb, []).append(t)
        for verb, kinds in t.when_subject.items():
            for wanted in kinds:
                if wanted not in SUBJECT_KINDS:
                    raise DataFileError(f"factions/data/lexicons/events.toml: {entry['type']}: when_subject '{verb}' wants '{wanted}', "
                                        f"not one of {', '.join(SUBJECT_KINDS)}")
            by_subject.setdefault(verb, []).append(t)
        for key in ("not_objects", "not_subjects", "not_means"):
            for verb in getattr(t, key):
                if verb not in t.when_subject:
                    raise DataFileError(f"factions/data/lexicons/events.toml: {entry['type']}: {key} '{verb}' is no when_subject verb")
        for verb in (entry.get("by_complement") or {}).get("verbs", []):
            by_complement[verb] = t
        for noun, modifiers in entry.get("nouns_by_modifier", {}).items():
            by_modifier.setdefault(noun, []).append((frozenset(modifiers), t))
        for verb, heads in entry.get("verbs_by_doer", {}).items():
            by_doer.setdefault(verb, []).append((frozenset(heads), t))
        for verb, purposes in entry.get("verbs_by_purpose", {}).items():
            by_purpose.setdefault(verb, []).append((frozenset(purposes), t))
    return Triggers(verbs, nouns, phrases, by_object, by_complement, by_subject=by_subject, phrase_aims=phrase_aims,
                    by_modifier=by_modifier, by_doer=by_doer, by_purpose=by_purpose, phrase_particles=frozenset(particles))


def channel_preps(verb: Token) -> list[Token]:
    """The prepositions the parser hangs on the channel of a verb rather than on the verb:
    the "with" of "spoke by telephone with X" (lexicons/events.toml channel_nouns)."""
    return [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("by", "on", "over", "via")
            for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in _channel_nouns()
            for p in o.children if p.dep_ == "prep" and p.lower_ in ("with", "to")]


@lru_cache(maxsize=1)
def _channel_nouns() -> frozenset[str]:
    return frozenset(lexicon("events")["participants"]["channel_nouns"])


def _verbal(token: Token) -> bool:
    """A verb, or a word the tagger called a noun but the parser made a clause's predicate,
    with a subject and an object ("The Ministry thanks the authorities")."""
    return token.pos_ == "VERB" or (token.pos_ == "NOUN" and token.dep_ == "ROOT" and token.tag_ == "NNS"
                                    and {"nsubj", "dobj"} <= {c.dep_ for c in token.children})


def _describes_a_place(participle: Token) -> bool:
    """Whether a participle describes the kind of place after it (nominals.toml place heads):
    as its adjective ("the surrounding villages"), or read as a gerund whose bare object it
    is ("in surrounding streets"; not "in surrounding the town")."""
    heads = lexicon("nominals")["place"]["heads"]
    doc = participle.doc
    if participle.dep_ == "amod":
        noun = participle.head if participle.head.i > participle.i else None
    elif participle.dep_ == "pcomp" and participle.i + 1 < len(doc) and doc[participle.i + 1].head.i == participle.i \
            and doc[participle.i + 1].dep_ == "dobj" and not any(c.dep_ in ("det", "poss") for c in doc[participle.i + 1].children):
        noun = doc[participle.i + 1]
    else:
        noun = None
    return noun is not None and (noun.lemma_.lower() in heads or noun.lower_ in heads)


def _match_trigger(token: Token, t: Triggers) -> tuple[TriggerType, bool] | None:
    lemma = token.lemma_.lower()
    if token.ent_iob_ == "I" and token.ent_type_ in ("ORG", "NORP", "FAC", "GPE", "PERSON") and token.pos_ == "VERB":
        return None  # a word of a name: "the Group to Support Islam and Muslims"
    if token.tag_ in ("VBN", "JJ") and any(c.dep_ == "det" for c in token.children):
        # a participle with an article is a noun, people named by what they underwent: "carried the
        # most seriously injured to hospital", "the wounded were taken" (a verb takes no article)
        return None
    if token.tag_ == "VBG" and _describes_a_place(token):
        return None  # a participle that says where a place lies: "in surrounding streets", "the surrounding villages"
    if _verbal(token):
        # (a phrase's preposition may hang on the object, or on a description of it after a
        # comma: "used drones against SPLA units", "drove the DPF, an Islamist-led coalition,
        # out of the centre")
        channel = channel_preps(token) if (lemma, "with") in t.phrases or (lemma, "to") in t.phrases else ()
        marks = lexicon("relations")["captives"]["marks"]  # ("hostage", "prisoner": a captive's)
        # (or on what loads it with a charge: "drove a vehicle packed with explosives into the offices")
        for child in (*token.children, *(p for o in token.children if o.dep_ == "dobj"
                                         for a in (o, *(x for x in o.children if x.dep_ == "appos"
                                                        or (x.dep_ == "acl" and x.lemma_.lower() in _charge_carrying_words())))
                                         for p in a.children if p.dep_ == "prep"),
                      *channel,  # ("spoke by telephone with X")
                      *(o for d in token.children if d.dep_ == "dobj" for o in d.conjuncts)):  # ("exchanged rifle and machine-gun fire": the parse's second object)
            key = (lemma, child.lower_)
            if child.dep_ == "dobj":
                # an object with its kind: "cut diplomatic ties with Qatar" (a sanction; "cut ties
                # with al-Qaeda" is a split)
                key = next(((lemma, f"{m.lower_} {child.lower_}") for m in child.children
                            if m.dep_ == "amod" and (lemma, f"{m.lower_} {child.lower_}") in t.phrases), key)
                # ... or its "of": "declared a state of emergency"
                key = next(((lemma, f"{child.lower_} of {o.lower_}") for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj" and (lemma, f"{child.lower_} of {o.lower_}") in t.phrases), key)
            if child.dep_ == "prep":
                # a phrase whose object is a preposition's: "taken into custody", "placed under arrest"
                held = next((f"{child.lower_} {o.lemma_.lower()}" for o in child.children  # (or a gerund: "for questioning")
                             if o.dep_ in ("pobj", "pcomp") and (lemma, f"{child.lower_} {o.lemma_.lower()}") in t.phrases), None)
                if held is not None:
                    if "victim" in t.phrase_aims.get((lemma, held), ()) \
                            and not any(_is_object(o, "party", t) for o in token.children if o.dep_ in ("dobj", "nsubjpass")):
                        continue  # "hacked the defence budget to death": no one killed
                    return t.phrases[(lemma, held)], False
            if key in t.phrases and (child.dep_ in ("dobj", "prt", "advmod", "prep", "oprd") or child.dep_ == "conj" and child.head.dep_ == "dobj"
                                     # ("took several officials hostage", the mark parsed as a clause; "took a nurse
                                     # captive", the adjective parsed as one)
                                     or child.dep_ in ("ccomp", "xcomp", "npadvmod", "advcl") and child.lower_ in marks
                                     # ("holds the band responsible", the adjective parsed as a clause on the party)
                                     or child.dep_ in ("ccomp", "xcomp", "acomp", "oprd") and child.pos_ == "ADJ") \
                    and not _dates(child) and not (key in t.phrase_particles and child.dep_ not in ("prt", "advmod")) \
                    and not (child.dep_ == "dobj" and child.lower_ in marks
                             and any(c.dep_ in ("det", "poss") for c in child.children)):
                # ("held hostage": a date, no mark; "took the prisoner to court": the captive, no taking)
                aims = t.phrase_aims.get(key)
                if aims:
                    aimed_at = [o for o in child.children if o.dep_ == "pobj"]
                    if child.dep_ in ("prt", "advmod"):  # ("turned on the volunteers", "turned back journalists": a particle)
                        # (its first object: "handed over command … to Colonel X", the parser's second "object" is whom to)
                        aimed_at += [o for o in token.children if o.dep_ == "dobj"][:1]
                    if "party_moved" in aims:  # "drove the rebels from the town": the verb's own object is moved
                        aimed_at = [o for o in token.children if o.dep_ == "dobj" and o.i < child.i]
                        aims = ("party",)
                    if "explosive_gone_off" in aims:  # "two car bombs went off": the charge is the subject
                        told = token if token.dep_ != "conj" or any(c.dep_ == "nsubj" for c in token.children) else token.head
                        aimed_at = [d for c in told.children if c.dep_ == "nsubj" for d in (c, *c.conjuncts)]
                        aims = ("explosive",)
                    rams = "vehicle" in aims or "vehicle_at_party" in aims
                    if rams:  # "rammed a truck into the market": the verb's own object is the vehicle
                        at_party = any(_is_object(o, "party", t) or o.lemma_.lower() in _object_heads("crowd") for o in aimed_at)
                        laden = any(_is_object(o, "explosive", t) for o in token.children if o.dep_ == "dobj" and o.i < child.i)
                        if "vehicle_at_party" in aims and not at_party and not laden:
                            continue  # "drove the car into the garage" (a charge driven into a place strikes it:
                            # "drove a car bomb into the gate of the barracks")
                        aimed_at = [o for o in token.children if o.dep_ == "dobj" and o.i < child.i]
                        aims = ("vehicle", "explosive") if laden else ("vehicle",)
                        if not aimed_at and at_party:
                            # "a van ploughed into pedestrians": the vehicle is the subject, driven at people
                            aimed_at = [c for c in token.children if c.dep_ == "nsubj"]
                    if not any(_is_object(o, wanted, t) for o in aimed_at for wanted in aims):
                        continue  # "the talks broke into two camps": nothing aimed at
                    if child.dep_ == "prep" and any(c.dep_ == "dobj" and not _fired(c) for c in token.children) and "quarry" not in aims \
                            and "party_moved" not in t.phrase_aims[key] and not rams:
                        continue  # "turned his march on Tripoli": the verb acts on its own object (a
                        # search has one: "searched the villages for the killers"; what is fired
                        # is none: "fired an automatic rifle into the cultural centre")
                if key[1] == "against" and describes_protest(token, t):
                    continue  # "a march led by X against the government": the protest's "against"
                if key[1] in marks and _holds_a_place(token, t):
                    continue  # "held whole towns hostage": a figure of speech
                return t.phrases[key], False
            for edge in (child.right_edge, child.left_edge):
                # "held the minister and his aides hostage", "took hostage 18 customers": the
                # parser hangs the mark inside the object, after it or right after the verb
                if child.dep_ == "dobj" and edge.i != child.i and (lemma, edge.lower_) in t.phrases and edge.lower_ in marks \
                        and (edge.i > child.i or edge.i == token.i + 1) and not _holds_a_place(token, t) \
                        and not (edge.dep_ == "pobj" and child.lemma_.lower() in _words_of_roles()):
                    # ("took the place of a female hostage": a hostage named, none taken; "took
                    # hundreds of hostages", "took officials of the department hostage" take them)
                    return t.phrases[(lemma, edge.lower_)], False
        by_doer = _act_by_its_doers(token, lemma, t)
        if by_doer is not None:
            return by_doer, False  # "protesters blocked roads": their protest (not "residents blocked a column of troops")
        for purposes, kind in t.by_purpose.get(lemma, ()):
            if any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in purposes and c.i > token.i
                   and (c.tag_ == "VBG" or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)) for c in token.children):
                return kind, False  # "thousands gathered outside parliament to demand his resignation"
        kind = t.by_complement.get(lemma)
        if kind is not None and hostile_complement(token, kind) is not None:
            return kind, False  # "vowed to retaliate", "warned that the group would strike"
        for kind in t.by_object.get(lemma, ()):
            if lemma in kind.passive_only and not (token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children)):
                continue  # "wanted the town", "wanted him to resign": no one sought
            needs = kind.only_with.get(lemma) if kind.only_with else None
            # (a noun's needs keyed by the same word are not the verb's: "froze funding", "asset freezes")
            if needs and "preps" in needs and not any(c.dep_ == "prep" and c.lower_ in needs["preps"] and not _arms_its_object(c)
                                                      for c in token.children):
                continue  # "charged him with murder"; not "charged the crowd" nor "charged the crowd with batons"
            if any(_is_object(o, wanted, t) for o in _objects(token) for wanted in kind.when_object[lemma]):
                return kind, False  # "seized the town" is an assault, "seized weapons" a seizure
        for kind in t.by_subject.get(lemma, ()):
            if _struck_by(token, kind.when_subject[lemma], kind.not_objects.get(lemma, ()), kind.not_means.get(lemma, ()),
                          kind.not_subjects.get(lemma, ()), t):
                return kind, False  # "drones hit the post" is an attack, "sanctions hit Iran" none
        if lemma in t.verbs:
            if lemma in lexicon("events")["participants"]["joining_verbs"] \
                    and any(o.dep_ in ("dobj", "npadvmod") and (_joined := _match_trigger(o, t)) is not None and _joined[1]
                            and _joined[0].type == "PROTEST" for o in token.children):
                return None  # "joined a march", "joined the protests": the protest joined is the event (events.trigger-noun;
                # "joined the war" sides with those in it, "joined the alliance" joins a body)
            if t.verbs[lemma].relation == "allied_with" and allied_adjective(token) is not None:
                return None  # "the army and allied militias": a state (relations.allied-conjunct), no act
            if lemma in t.verbs[lemma].passive_needs_agent and any(c.dep_ == "auxpass" for c in token.children) \
                    and not any(c.dep_ == "agent" for v in (token, *token.conjuncts) for c in v.children):
                return None  # "the hijackers were armed with knives": carried, not given ("armed, funded and
                # directed by the IRGC": the agent may hang on the last of joined verbs)
            if any(c.lower_ in t.verbs[lemma].not_with.get(lemma, ()) for c in token.children
                   if c.dep_ in ("prep", "prt") and not _dates(c) and not _with_arms(c)):
                return None  # ("engaged with the parties"; not "engaged the team with a Hellfire missile", its means)
            if any(c.dep_ in (t.verbs[lemma].not_with_deps or {}).get(lemma, ()) for c in token.children):
                return None
            if lemma in lexicon("stances")["labels"]["verbs"] and _labelled(token):
                return None  # "has called the M23 terrorists": a label (relations.hostile-label), no call
            return _for_purpose(token, t) or t.verbs[lemma], False
    # The tagger sometimes calls a rare noun an adjective ("rapprochement between").
    nominal = token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"))
    if nominal and token.ent_type_ == "EVENT":
        # A named event is read at its head by the word that opens its name: "launched
        # Operation Red Dawn against the junta" (nlp.components.entity_fixes)
        if token.dep_ == "compound" and token.head.ent_type_ == "EVENT":
            return None
        first = token
        while first.i > 0 and first.ent_iob_ == "I":
            first = token.doc[first.i - 1]
        lemma = first.lower_
    if nominal and (lemma in t.nouns or token.lower_ in t.nouns or lemma in t.by_modifier) and (not token.ent_type_ or token.ent_type_ == "EVENT"):
        if token.dep_ == "dobj" and (token.head.lemma_.lower(), token.lower_) in t.phrases:
            return None  # "imposed a curfew": the phrase is the event, its object no second one
        if token.dep_ in ("dobj", "pobj") and _is_object(token, "own_arms", t):
            return None  # "handed over their weapons", "the handover of their weapons": their own arms, no aid
        modifier = token
        while modifier.dep_ == "conj" and modifier.head.i < modifier.i:
            modifier = modifier.head  # ("combat aircraft and attack helicopters", read as one list of modifiers)
        if modifier.dep_ in ("compound", "amod", "nmod") and modifier.head.i > token.i and modifier.head.lower_ in _kit_heads():
            return None  # "attack helicopters", "combat aircraft": a kind of kit, no act
        if token.dep_ == "pobj" and token.head.dep_ == "prep" \
                and (token.head.head.lemma_.lower(), f"{token.head.lower_} {lemma}") in t.phrases:
            return None  # ("placed the mayor under arrest")
        kind = t.nouns.get(lemma) or t.nouns.get(token.lower_)
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
        kind = next((k for mods, k in t.by_modifier.get(lemma, ()) if mods & modifiers), kind)  # "a hunger strike"
        if kind is None:
            return None
        if kind.not_by and lemma in kind.not_by and _done_by(token, frozenset(kind.not_by[lemma]) | _object_heads("mobilised")):
            return None  # "the brigade set off on a march to the front": a move, no protest
        needs = kind.only_with.get(lemma) if kind.only_with else None
        if token.ent_type_ and not needs:
            return None  # a named event is one only where launched or aimed: "launched Operation 1027 against the junta"
        if needs and not ((token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in needs.get("heads", ()))
                          or any(c.dep_ == "prep" and c.lower_ in needs.get("preps", ()) for c in token.children)
                          or any(c.dep_ == "prep" and c.lower_ == "of" and o.dep_ == "pobj" and o.lemma_.lower() in needs.get("of_objects", ())
                                 for c in token.children for o in c.children)
                          or (token.dep_ == "pobj" and token.head.lower_ in needs.get("governed_by", ()))
                          or any(c.dep_ == "compound" and c.lemma_.lower() in needs.get("compounds", ()) for c in token.children)):
            return None  # "a peacekeeping operation"; not "launched joint operations against it"
        if kind.type == "ASSAULT" and token.dep_ == "pobj" \
                and token.head.lower_ in _ending_nouns().get(token.head.head.lemma_.lower(), ()):
            return None  # "a cessation of hostilities", "an end to the fighting": a truce, no fight
        return kind, True
    return None


def _act_by_its_doers(verb: Token, word: str, t: Triggers) -> TriggerType | None:
    """The act a verb is when done by doers of a kind (events.toml verbs_by_doer): its
    subject, or the subject of the verb it is joined to ("crowds looted and burned shops"), is
    headed by one of their heads, and what it acts on is no party (not "residents blocked a
    column of troops"); else None."""
    for heads, kind in t.by_doer.get(word, ()):
        doers = [d for c in verb.children if c.dep_ == "nsubj" for d in (c, *c.conjuncts)]
        if not doers and verb.dep_ == "conj":
            doers = [d for c in verb.head.children if c.dep_ == "nsubj" for d in (c, *c.conjuncts)]
        if _headed_by(doers, heads) and not any(_is_object(o, "party", t) and not _is_object(o, "place", t) for o in _objects(verb)):
            return kind
    return None


@lru_cache(maxsize=1)
def _ending_nouns() -> dict[str, list[str]]:
    return lexicon("events")["participants"]["ending_nouns"]


def _done_by(noun: Token, heads: frozenset[str]) -> bool:
    """Whether the subject of the verb a noun trigger hangs on ("went on a march", "held a
    march"), or its possessor, is headed by one of `heads`."""
    doers = [c for c in noun.children if c.dep_ == "poss"]
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ in ("pobj", "prep", "dobj", "npadvmod"):
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX"):
        doers += [c for c in verb.children if c.dep_ == "nsubj"]
    return _headed_by(doers, heads)


def _headed_by(tokens: list[Token], heads: frozenset[str]) -> bool:
    """Whether one of `tokens` is one of `heads`, as its lemma or as written, or counts one
    in its "of" ("thousands of rebel fighters and their families": events.toml participants
    quantity_heads)."""
    return any(d.lemma_.lower() in heads or d.lower_ in heads for d in tokens) \
        or any(_headed_by([o, *o.conjuncts], heads) for d in tokens
               if (d.lower_ in _counting_heads() or d.lemma_.lower() in _counting_heads()) and (o := object_of(d)) is not None)


@lru_cache(maxsize=1)
def _counting_heads() -> frozenset[str]:
    """Heads that count what their "of" names (events.toml participants quantity_heads)."""
    return frozenset(lexicon("events")["participants"]["quantity_heads"])


def named_event_head(token: Token) -> Token:
    """The head of the named event a word opens ("Operation" in "launched Operation Red
    Dawn": "Dawn", where the parse hangs the verb and its "against"), else the word."""
    while token.ent_type_ == "EVENT" and token.dep_ == "compound" and token.head.ent_type_ == "EVENT" and token.head.i > token.i:
        token = token.head
    return token


def allied_adjective(token: Token) -> tuple[Token, Token] | None:
    """(partner, described) for "allied" as an adjective on the second of two conjuncts:
    "the army and allied militias". The parser may read it as a verb ("said the army and
    allied militias held …" made "allied" a verb with "militias" its object, or "Turkish
    troops and allied Free Syrian Army factions captured …" a verb of its own): after
    "and", with no "with", before its object or the name it opens, it is the adjective
    still."""
    if token.lower_ != "allied":
        return None
    if token.dep_ == "amod":
        described = token.head
        return (described.head, described) if described.dep_ == "conj" and described.head.pos_ in ("NOUN", "PROPN") else None
    doc = token.doc
    partner = token.i - 2  # the conjunct before "and", past its bracketed acronym ("the KNLA (…) and allied …")
    if partner >= 0 and doc[partner].text == ")":
        opening = next((k for k in range(partner - 1, max(partner - 6, -1), -1) if doc[k].text == "("), None)
        partner = opening - 1 if opening is not None else -1
    if token.tag_ in ("VBD", "VBN") and partner >= 0 and doc[token.i - 1].lower_ == "and" and doc[partner].pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        described = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
        if described is None and token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("PROPN", "NOUN", "ADJ") \
                and not any(c.dep_ in ("dobj", "prep", "dative") and c.i > token.i for c in token.children):
            described = doc[token.i + 1]  # the noun phrase after it: climb from its first word to its head
            while described.dep_ in ("amod", "compound", "nmod") and described.head.i > described.i:
                described = described.head
            if described.pos_ not in ("NOUN", "PROPN"):
                described = None
        return (doc[partner], described) if described is not None else None
    return None


def _labelled(verb: Token) -> bool:
    """Whether a verb's object carries a hostile label ("called the M23 terrorists")."""
    hostile = frozenset(lexicon("stances")["labels"]["hostile"])
    return any(c.dep_ in ("dobj", "oprd") and c.lower_ in hostile and any(g.dep_ == "compound" for g in c.children) or
               c.dep_ == "oprd" and c.lower_ in hostile for c in verb.children)


def hostile_complement(verb: Token, kind: TriggerType) -> Token | None:
    """The act a vow or warning names, when it is a hostile one ("vowed to retaliate
    against X", "warned that the group would strike US ships", "warned Cyprus that it would
    be treated as part of the war"): its verb or noun, or None."""
    acts = frozenset(kind.by_complement["acts"])
    # an ultimatum: a party warned to act "or" else ("warned the rebels to surrender or face an
    # assault", "warned Hamas to release the hostages, or it is over for you"): the act demanded
    if any(c.dep_ == "dobj" for c in verb.children):
        for c in verb.children:
            if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
                    and any(t.dep_ == "cc" and t.lower_ == "or" and t.i > c.i for t in (*c.subtree, *verb.children)):
                return c
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            for v in (c, *c.conjuncts):
                if v.lemma_.lower() in acts:
                    return v
    # the act named by a noun: "vowed revenge", "warned of harsh retaliation", "warned that
    # Israel had prepared a harsh punishment for itself"; its noun
    nouns = frozenset(kind.by_complement.get("nouns", ()))
    for c in verb.children:
        held = [c] if c.dep_ == "dobj" else [o for o in c.children if o.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "of" \
            else [o for o in c.children if o.dep_ == "dobj"] if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") else []
        for noun in held:
            if noun.lemma_.lower() in nouns or noun.lower_ in nouns:
                return noun
    # a warning to a party named that harm will come ("warned Cyprus that it would be treated
    # as part of the war"), or a response taken ("that they would take all necessary actions"):
    # the clause that says it (by_complement harms, responses)
    harms = frozenset(kind.by_complement.get("harms", ()))
    if harms and any(c.dep_ == "dobj" and c.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") for c in verb.children):
        # (the parser may hang the clause on a date between: "warned Cyprus on 3 May that …")
        clauses = [c for c in verb.children if c.dep_ == "ccomp"] + [
            a for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME")
            for a in o.children if a.dep_ in ("acl", "relcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in a.children)]
        responses = frozenset(kind.by_complement.get("responses", ()))
        response_verbs = frozenset(kind.by_complement.get("response_verbs", ()))
        for c in clauses:
            if c.pos_ in ("VERB", "AUX") and any(t.lemma_.lower() in harms or (t.lemma_.lower() in responses and t.dep_ == "dobj"
                                                                                and t.head.lemma_.lower() in response_verbs)
                                                 for t in c.subtree):
                return c
    return None


def _dates(prep: Token) -> bool:
    """A preposition that only dates the verb ("called Putin on Tuesday") makes no
    phrase with it ("called on the parties")."""
    return any(o.ent_type_ in ("DATE", "TIME") for o in prep.children if o.dep_ == "pobj")


def _objects(verb: Token) -> list[Token]:
    """What a verb acts on: its direct object, its passive subject ("Goma was seized"),
    or the noun it describes as a participle ("a bombing claimed by ISKP")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    # "sealed off the compound": the parser may read the particle as a preposition with the object its own
    found += [o for c in verb.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.tag_ == "RP") for o in c.children if o.dep_ == "pobj"]
    if agent_phrase_subject(verb) is not None:
        # "Troops backed by helicopters sealed off the town": the verb the parser took for a
        # participle acts on what follows it ("off the town" parsed as a preposition's)
        # (the particle's object is in `found` already)
        return found + [o for c in verb.children if c.dep_ == "prep" and c.tag_ != "RP" for o in c.children if o.dep_ == "pobj"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        found.append(verb.head)
    if describes_subject(verb):  # "Surrounded by troops, the rebels surrendered"
        found.extend(c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    if verb.dep_ == "relcl" and (not found or any(c.tag_ in ("WDT", "WP") for c in found)):
        found.append(verb.head)  # "the positions (which) it seized": the antecedent
    if not found and verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
            and (verb.tag_ == "VBN" or any(c.dep_ == "agent" for c in verb.children)):
        # "was tied to a pole and beaten", "was dragged from his cab and beaten by a crowd" (the
        # tagger may read it as a past): the first's passive subject
        found += [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    return found


@lru_cache(maxsize=1)
def _craft_heads() -> frozenset[str]:
    kit = lexicon("nominals")["equipment"]
    return frozenset((*kit["platforms"], *kit["designations"])) | _object_heads("craft")


@lru_cache(maxsize=None)
def _object_heads(kind: str) -> frozenset[str]:
    """The nouns an object of `kind` is headed by (events.toml participants.<kind>_heads:
    who a call-up mobilises, a charge set off, what aid is made of)."""
    return frozenset(lexicon("events")["participants"][f"{kind}_heads"])


@lru_cache(maxsize=1)
def _words_of_roles() -> frozenset[str]:
    """Nouns of a part one plays, whose "of" names who plays it (events.toml participants
    role_nouns: "took the place of a hostage", "played the role of a mediator")."""
    return frozenset(lexicon("events")["participants"]["role_nouns"])


def _arms_its_object(prep: Token) -> bool:
    """Whether a preposition's object is arms ("with batons", "with a Hellfire missile")."""
    return any(o.dep_ == "pobj" and (o.lower_ in _kit_heads() or o.lemma_.lower() in _kit_heads()) for o in prep.children)


def _with_arms(prep: Token) -> bool:
    """Whether a preposition is "with" and arms its object: the means of an act ("engaged the
    team with a Hellfire missile"), no partner."""
    return prep.lower_ == "with" and _arms_its_object(prep)


def describes_protest(verb: Token, t: Triggers) -> bool:
    """Whether a participle describes the protest it hangs on ("an opposition march led by X
    against the government", "a rally organised by the party against the law"), or the
    verb's object is a protest ("the group led mass street protests against the governor"):
    its "against" is the protest's, no assault led."""
    kind = t.nouns.get(verb.head.lemma_.lower())
    if verb.dep_ == "acl" and kind is not None and kind.type == "PROTEST":
        return True
    return any(c.dep_ == "dobj" and (k := t.nouns.get(c.lemma_.lower())) is not None and k.type == "PROTEST" for c in verb.children)


def _kit_given(token: Token) -> bool:
    """Whether an object is arms handed to a named party (events.toml participants.kit_given_verbs):
    "delivered its first four Leopard 2 tanks to Ukraine", "the first of the tanks" (not "sent
    tanks to the border")."""
    verb = token.head
    kit = _portion_of(token) or token
    if token.dep_ != "dobj" or verb.lemma_.lower() not in lexicon("events")["participants"]["kit_given_verbs"] \
            or not (kit.lower_ in _kit_heads() or kit.lemma_.lower() in _kit_heads()):
        return False
    return any(c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(o.dep_ == "pobj" and (o.ent_type_ in ("GPE", "ORG", "NORP") or _is_object(o, "party", triggers()))
                                                                             for o in c.children)
               for c in {*verb.children, *token.children, *kit.children})


@lru_cache(maxsize=1)
def _containers() -> frozenset[str]:
    """What aid comes in (events.toml participants.supplies_containers: "trucks of food")."""
    return frozenset(lexicon("events")["participants"]["supplies_containers"])


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    """Nouns that name a person as an object: roles of leaders and members, envoys."""
    roles = lexicon("events")["roles"]
    return frozenset({*roles["leads"], *roles["member_of"], "delegation", "counterpart", "ambassador"})


@lru_cache(maxsize=1)
def _person_heads() -> frozenset[str]:
    """Heads of nominals that name people, not a body (nominals.toml [person])."""
    return frozenset(lexicon("nominals")["person"]["heads"])


@lru_cache(maxsize=1)
def _party_heads() -> frozenset[str]:
    """Heads of nominals that name people or a body (nominals.toml)."""
    nominals = lexicon("nominals")
    return frozenset({*nominals["person"]["heads"], *nominals["group"]["heads"]})


@lru_cache(maxsize=1)
def _charge_carrying_words() -> frozenset[str]:
    """Participles and adjectives by which a thing carries a charge (participants.charge_carrying_words)."""
    return frozenset(lexicon("events")["participants"]["charge_carrying_words"])


def _carries_a_charge(token: Token, t: Triggers) -> bool:
    """Whether a thing is told as carrying a charge, and so is one: a participle or adjective of
    carrying on it (participants.charge_carrying_words) with the explosive it carries, after
    "with" or before a hyphen ("an ambulance packed with explosives", "an explosives-laden car")."""
    words = _charge_carrying_words()
    for carrying in (c for c in token.children if c.dep_ in ("acl", "amod") and c.lemma_.lower() in words):
        loads = [o for c in carrying.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children if o.dep_ == "pobj"]
        if any(_is_object(o, "explosive", t) for o in loads):
            return True
    # (the parser hangs the hyphened compound's parts as it will: "explosives" on the noun,
    # "laden" on "explosives")
    doc = token.doc
    return any(doc[i].lemma_.lower() in words and doc[i - 1].text == "-" and _is_object(doc[i - 2], "explosive", t)
               for i in range(max(token.left_edge.i, 2), token.i))


def _pronoun_undergoing(token: Token) -> bool:
    """A personal pronoun for those an act is done to: its object ("sentenced him") or a
    passive's subject ("he was beaten by police")."""
    return token.lower_ in ("him", "her", "them") or (token.dep_ == "nsubjpass" and token.lower_ in ("he", "she", "they"))


def _portion_of(token: Token) -> Token | None:
    """What a number, an ordinal or a word of a portion is part of ("14 of 17 townships",
    "the first of 31 tanks", "parts of the town": stances.toml control portions), else None."""
    part_of = object_of(token)
    if part_of is not None and (token.pos_ == "NUM" or token.ent_type_ == "ORDINAL"
                                or token.lower_ in lexicon("stances")["control"]["portions"]):
        return part_of
    return None


def _fired(token: Token) -> bool:
    """Whether a verb's object is arms or what arms fire ("fired an automatic rifle into the
    centre", "shot rounds into the crowd": nominals.toml equipment heads, events.toml
    participants.fire_nouns)."""
    words = (token.lower_, token.lemma_.lower())
    return any(w in _kit_heads() or w in lexicon("events")["participants"]["fire_nouns"] for w in words)


def _pronoun_for_an_assault(token: Token, t: Triggers) -> bool:
    """Whether a verb's object "it", "them" or "both" stands for an assault told before it in
    its sentence or the two before ("Gunmen stormed a hotel … Al-Shabaab claimed it in a
    statement"), the verb saying nothing more of it ("claimed it as its own", "claimed it
    back", "claimed it was")."""
    verb = token.head
    if token.lower_ not in ("it", "them", "both") or token.dep_ != "dobj" \
            or any(c.dep_ in ("oprd", "ccomp", "xcomp") or c.lower_ in ("as", "back", "over") for c in verb.children if c.i > token.i):
        return False
    starts = sentence_starts(token.doc)
    first = starts[max(0, bisect_right(starts, token.i) - 3)]  # (the start of the sentence two before)
    for before in reversed(token.doc[first : token.i]):
        # (not another claim: its own pronoun would ask the same again)
        found = _match_trigger(before, t) if before.pos_ in ("VERB", "NOUN") and before.lemma_ != verb.lemma_ else None
        if found is not None and found[0].type == "ASSAULT":
            return True
    return False


def _holds_a_place(verb: Token, t: Triggers) -> bool:
    """Whether what a verb of holding or taking captives holds is a place, no one held:
    "held whole towns hostage", "held the capital hostage for weeks"."""
    marks = lexicon("relations")["captives"]["marks"]
    held = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts) if o.lower_ not in marks]
    return bool(held) and all(_is_object(o, "place", t) and not _is_object(o, "captive", t) for o in held)


def _is_object(token: Token, wanted: str, t: Triggers) -> bool:
    if wanted == "place":
        lex = lexicon("events")["participants"]
        part_of = _portion_of(token)
        if part_of is not None:
            return _is_object(part_of, wanted, t)  # "seized parts of the town", "14 of 17 townships": what the part is of
        # the lemmatizer reads "bases" as "basis": the word form counts too
        words = (token.lemma_.lower(), token.lower_)
        heads = lexicon("nominals")["place"]["heads"]
        if token.ent_type_ in ("GPE", "LOC", "FAC") or any(w in heads or w in lex["held_places"] for w in words):
            return True
        # a name the model did not type, set beside what place it is ("captured Pul-i-Khumri,
        # the largest town in the province")
        return token.pos_ == "PROPN" and not token.ent_type_ \
            and any(c.dep_ == "appos" and c.pos_ == "NOUN" and _is_object(c, wanted, t) for c in token.children)
    if wanted in ("mobilised", "expelled"):  # "called up 300,000 reservists", not "called up the opposition leader"
        heads = _object_heads(wanted)
        return any(o.lemma_.lower() in heads or o.lower_ in heads for o in (token, *token.conjuncts))
    if wanted in ("explosive", "supplies", "vehicle"):  # "set off a device" (not "set off protests"), "delivered food" (not "a speech")
        heads = _object_heads(wanted)
        if wanted == "explosive" and token.lemma_.lower() in lexicon("events")["participants"]["explosive_runs"]:
            charges = next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
            return charges is not None and _is_object(charges, wanted, t)  # "a wave of car bombs": what the run is of
        if wanted == "explosive" and _carries_a_charge(token, t):
            return True  # "an ambulance packed with explosives", "an explosives-laden car"
        if wanted == "supplies" and _kit_given(token):
            return True  # "delivered four tanks to Ukraine", "the first of the tanks"
        if wanted == "supplies" and (part_of := _portion_of(token)) is not None:
            return _is_object(part_of, wanted, t)  # "delivered the rest of the aid": what the part is of
        if wanted == "supplies" and token.lemma_.lower() in _containers():
            goods = next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None) \
                or next((c for c in token.children if c.dep_ == "compound" and c.i < token.i), None)
            return goods is not None and _is_object(goods, wanted, t)  # "15 trucks of sorghum", "food parcels": what they carry
        return any(o.lemma_.lower() in heads or o.lower_ in heads for o in (token, *token.conjuncts))
    if wanted == "own_arms":  # "laid down their arms", "handed over their weapons" (not "handed over arms to the militia")
        heads = _object_heads(wanted)
        return any((o.lemma_.lower() in heads or o.lower_ in heads)
                   and ((o.lower_ == "arms" and token.head.lemma_.lower() in ("lay", "give"))  # the idiom: "laid down arms"
                        or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children))
                   for o in (token, *token.conjuncts))
    if wanted == "craft":  # "sank the landing ship Tsezar Kunikov", "downed two drones" (not "sank the plan", "downed tools")
        return any(w.lemma_.lower() in _craft_heads() or w.lower_ in _craft_heads()
                   for w in (token, *(c for c in token.children if c.dep_ == "compound")))
    if wanted == "captive":  # "handed over the captured pilot", "20 hostages", "them" (not "command", "the town")
        return token.ent_type_ == "PERSON" or _pronoun_undergoing(token) or _is_object(token, "person", t) \
            or token.lemma_.lower() in _person_heads() or token.lower_ in _person_heads()
    if wanted == "foe":
        return token.ent_type_ != "GPE" and (_is_object(token, "party", t) or _is_object(token, "captive", t))
    if wanted == "explosive_on":
        return _is_object(token, "explosive", t) and token.dep_ == "dobj" \
            and any(c.dep_ == "prep" and c.lower_ in ("on", "onto", "upon", "over") and not _dates(c) for c in token.head.children)
    if wanted == "act_told":
        return _pronoun_for_an_assault(token, t)
    if wanted == "accord":
        kind = t.nouns.get(token.lemma_.lower()) or t.nouns.get(token.lower_)
        return kind is not None and (kind.type == "AGREE" or (kind.type == "RETREAT" and kind.modes.get(token.lemma_.lower()) == "ceasefire"))
    if wanted == "person":  # "received Prime Minister Barzani", "received a delegation of the group"
        return token.ent_type_ == "PERSON" or token.lemma_.lower() in _person_words()
    if wanted == "quarry":  # "searched the villages for the killers": a party sought, not one to be saved
        rescue = lexicon("events")["participants"]
        return _is_object(token, "party", t) and token.lemma_.lower() not in rescue["rescued_heads"] \
            and not any(c.lower_ in rescue["rescued_modifiers"] for c in token.children if c.dep_ in ("amod", "compound"))
    if wanted == "party":  # "hunted the gang leader", "pursued the raiders": people or a body, not "talks" or "bargains"
        # (a state as a member shut out, "suspended Guinea"; one named before, "sentenced him",
        # "he was beaten by police")
        words = (token.lemma_.lower(), token.lower_)
        return token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or _pronoun_undergoing(token) \
            or any(w in _party_heads() for w in words) or _is_object(token, "person", t)
    kind = t.nouns.get(token.lemma_.lower()) or t.nouns.get(token.lower_)
    modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
    kind = next((k for mods, k in t.by_modifier.get(token.lemma_.lower(), ()) if mods & modifiers), kind)  # ("financial support")
    return kind is not None and kind.type == wanted


def _struck_by(verb: Token, wanted: tuple[str, ...], figures: tuple[str, ...], means: tuple[str, ...], forces: tuple[str, ...],
               t: Triggers) -> bool:
    """Whether a verb of striking has a doer of a wanted kind and something it struck: in
    the active its subject and object ("Turkish drones hit an SDF checkpoint"), in the
    passive its agent ("the column was hit by anti-tank missiles"); not with an object of
    a figure of speech ("protesters hit the streets"), nor a force of nature for its doer
    ("Cyclone Idai hit the coast"); arms alone may strike what they come down "into" or "on"
    ("two rockets slammed into the Green Zone"); arms speak in no figures ("a missile hit a
    residential street")."""
    children = list(verb.children)
    armed = "weapon" in wanted and any(c.dep_ == "nsubj" and _is_doer(c, "weapon", t) for c in children)
    if any(c.dep_ == "nsubjpass" for c in children):
        doers = [o for c in children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    elif any(c.dep_ == "dobj" for c in children) \
            and (armed or not any(c.dep_ == "dobj" and (c.lemma_.lower() in figures or c.lower_ in figures) for c in children)) \
            and not any(c.dep_ == "prep" and c.lower_ == "with" and any(o.lemma_.lower() in means or o.lower_ in means for o in c.subtree)
                        for c in children):
        # ("hit the streets"; "soldiers hit a roadside bomb": struck by it; "hit Russia with a
        # package of sanctions": no arms)
        doers = [c for c in children if c.dep_ == "nsubj"]
        if not doers and verb.dep_ in ("conj", "advcl"):
            # "fired rockets and hit a base", "rockets fired from Gaza hit a house" (the parse
            # made "fired" the clause): the verb it hangs on has the subject
            doers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    elif wanted == ("weapon",) and any(c.dep_ == "prep" and c.lower_ in ("into", "onto", "on", "through")
                                       and any(o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in c.children)
                                       for c in children):
        # "two rockets slammed into the Green Zone": what came down on it, a munition, not a
        # craft ("the plane landed on the runway")
        doers = [c for c in children if c.dep_ == "nsubj" and c.lemma_.lower() not in _craft_words() and c.lower_ not in _craft_words()]
    else:
        return False
    if any(w.lower_ in forces or w.lemma_.lower() in forces for d in doers for w in d.subtree):
        return False
    return any(_is_doer(d, w, t) for d in doers for w in wanted)


def _is_doer(token: Token, wanted: str, t: Triggers) -> bool:
    if wanted == "weapon":  # (not a vehicle: "a bus hit a soldier" is an accident)
        return (token.lemma_.lower() in _kit_heads() or token.lower_ in _kit_heads()) \
            and token.lower_ not in _vehicles() and token.lemma_.lower() not in _vehicles()
    return token.pos_ != "PRON" and _is_object(token, "party", t)


@lru_cache(maxsize=1)
def _craft_words() -> frozenset[str]:
    """Craft that carry arms (nominals.toml equipment platforms), not the drones that are one."""
    return frozenset(lexicon("nominals")["equipment"]["platforms"]) - {"drone", "drones"}


@lru_cache(maxsize=1)
def _vehicles() -> frozenset[str]:
    return frozenset(lexicon("nominals")["equipment"]["vehicles"])


def _for_purpose(verb: Token, t: Triggers) -> TriggerType | None:
    """"joined the US and its partners for talks": the talks say what the joining
    was; a meeting's type, not cooperation's."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "for"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            kind = t.nouns.get(pobj.lemma_.lower())
            if kind is not None and kind.type == "CONSULT":
                return kind
    return None


def _verbal_attack(verb: Token, words: dict) -> bool:
    """"sharply attacked the group's chief in a speech", "attacked the Islamic State for
    its brutality", "attacked the decision": words, not arms (events.toml [verbal_attack])."""
    if verb.lemma_.lower() not in words["verbs"] \
            or any(c.dep_ == "nsubj" and c.lower_ in words["armed_subjects"] for c in verb.children):
        return False
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in words["adverbs"]:
            return True
        if child.dep_ == "dobj" and child.lemma_.lower() in words["topic_nouns"]:
            return True
        if child.dep_ != "prep":
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        if child.lower_ in ("in", "during", "through", "on", "via") and pobj.lemma_.lower() in words["channel_nouns"]:
            return True
        if child.lower_ in words["reason_preps"] and pobj.lemma_.lower() not in words["time_nouns"] and \
                (pobj.tag_ == "VBG" or any(c.dep_ == "poss" for c in pobj.children)):
            return True  # "for its brutality", "over its pledge", not "for hours"
    return False
