"""Events from trigger words over the dependency parse, and the relations they imply.

`extract_events` finds each trigger (triggers.py), takes its parties from the parse
(arguments.py) as actors (participants.py), dates it (time.py), places it
(place.py), reads its modality (modality.py) and the claim whose content holds it,
and adds the relations it implies (implied.py).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from factions.actors.index import ActorIndex
from factions.events.arguments import (_alongside, _blaming_pairs, _participants, _subject_tokens, _with_conjuncts, blamed_act, joining_idiom,
                                       names_a_mutual_fight)
from factions.events.implied import _implied_relations, attacked_equipment, attacked_places
from factions.events.modality import modality_of
from factions.events.participants import NEAREST_FALLBACK, _dedupe, _nearest, _Participants, _span, _words
from factions.events.place import PLACE_KINDS, _where
from factions.events.time import (_dated_sentence, _narrated, _of_one_clause, _StoryDates, _trigger_root, _when, _when_marked,
                                  date_by_later_mention, date_in_a_clause_on_it, date_of_a_split_opening, date_of_joined_act, dates_by_sentence, interval_from, named_again, shifted,
                                  when_clauses_on_nouns)
from factions.events.triggers import Triggers, TriggerType, _is_object, _match_trigger, _verbal_attack, hostile_complement, named_event_head, triggers
from factions.lexicons import lexicon
from factions.model import Claim, Document, Event, Mention, Relation, Span
from factions.relations.types import symmetric_types
from factions.nlp import object_of, reciprocal, relative_noun, sentence_numbers, sentence_of, sentence_span, span_over, tokens_where
from factions.nlp.components import anchored_by_label, nominal_lexicon


# A threatened act aimed at the threatener's own clause subject ("a punishment for itself").
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})


def extract_events(document: Document, doc: Doc, index: ActorIndex, claims: list[Claim],
                   disabled: frozenset[str] = frozenset()) -> tuple[list[Event], list[Relation]]:
    """Events, and the relations between their participants that they imply (the
    relations stage adds the rest); every record names its rule (data/rules.toml), and
    the event rules in `disabled` make nothing."""
    lex = lexicon("events")
    t = triggers()
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    participants = _Participants(index)
    speaker_spans = [c.speaker_span for c in claims]
    events: list[Event] = []
    relations: list[Relation] = []
    # the places and kit an assault told with no doer was aimed at, by event id: a doer
    # found later attacks them ("A car bomb exploded inside the police school … The
    # government blamed the ELN")
    aimed_at: dict[str, list[tuple[Mention, str]]] = {}
    dated = anchored_by_label(document, dates)  # ("Mogadishu, 14 March 2024: …" with no publication date)
    story = _StoryDates(doc, dates, dated)
    sentence_dates = dates_by_sentence(dates)
    trigger_words = t.words
    for token in tokens_where(doc, lemmas=trigger_words):
        token = named_event_head(token)  # "launched Operation Red Dawn against …"
        matched = _match_trigger(token, t)
        if matched is None:
            continue
        kind, is_noun = matched
        if kind.type == "AID" and is_noun and token.dep_ == "dobj" and _aid_cut_off(token.head, t):
            continue  # "suspended aid to Burundi": a sanction (the verb's), no aid given
        if kind.type == "CONSULT" and token.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in token.children):
            head = _match_trigger(token.head, t)
            if head is not None and head[0].type == "CONSULT":
                continue  # "met in Washington to discuss the war": one meeting, its purpose no second
        rule = "events.trigger-noun" if is_noun else "events.trigger-verb"
        if kind.type == "ASSAULT" and not is_noun and _verbal_attack(token, lex["verbal_attack"]):
            kind, rule = t.verbs["accuse"], "events.verbal-attack"  # "sharply attacked X in a speech"
        if (token.dep_ == "xcomp" or (token.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in token.children))) \
                and token.head.lemma_ in lex["participants"]["request_verbs"]:
            continue  # "urged jihadists to unite", "urged Hamas on 2 November to hand over": asked for, not claimed
        if kind.type == "SANCTION" and not is_noun and any(  # (the "from" may hang on the last one suspended)
                c.dep_ == "prep" and c.lower_ == "from" and any(o.dep_ == "pobj" and o.lemma_.lower() in lex["participants"]["office_words"]
                                                                for o in c.children) for c in token.subtree):
            continue  # "suspended the minister and the commander from their duties": discipline, no sanction
        if kind.type == "RETREAT" and not is_noun and (_left_no_ground(token, lex["participants"]["left_without_retreat"]) or any(
                c.dep_ == "dobj" and c.lemma_.lower() in lex["participants"]["withdrawn_without_retreat"] for c in token.children)):
            continue  # "pulled out of the talks", "withdrew from the ICC", "withdrew their demand": no force drew back
        symmetric = kind.relations_by_word.get(token.lemma_.lower(), kind.relation) in symmetric_types()
        actor_toks, recipient_toks = _participants(token, is_noun, lex, symmetric)
        if kind.type == "SANCTION" and not is_noun:
            recipient_toks = recipient_toks + [p for aid in _aid_objects(token, t) for prep in aid.children if prep.dep_ == "prep"
                                               and prep.lower_ in ("to", "for") for o in prep.children if o.dep_ == "pobj"
                                               for p in _with_conjuncts(o) if p not in recipient_toks]  # (whom it was for)
        if kind.by_complement and token.lemma_.lower() in kind.by_complement["verbs"]:
            # "vowed to retaliate against the United States": who the threatened act is aimed at
            act = hostile_complement(token, kind)
            if act is not None and act.dep_ in ("xcomp", "advcl") and act.lemma_.lower() not in kind.by_complement["acts"]:
                act = None  # an ultimatum: the party warned is the one threatened, not what it is to act on
            # (a noun's "for" may hang on the verb it is the object of: "prepared a punishment for X")
            holders = [] if act is None else [act, act.head] if act.pos_ == "NOUN" and act.dep_ == "dobj" else [act]
            # (the passive's subject of a punishment too: "warned that Israel must be punished";
            # not "warned that civilians would be killed", events.toml by_complement passive_targets)
            punished = act is not None and act.lemma_.lower() in kind.by_complement.get("passive_targets", ())
            aimed = [] if act is None else [c for c in act.children if c.dep_ == "dobj" or (punished and c.dep_ == "nsubjpass")] + \
                [o for h in holders for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ in ("against", "on", "at", "for")
                 for o in c.children if o.dep_ == "pobj" and (c.lower_ != "for" or o.lower_ in REFLEXIVES)]
            # "had prepared a harsh punishment for itself": the clause's subject
            aimed = [next((s for s in holders[-1].children if s.dep_ == "nsubj"), o) if o.lower_ in REFLEXIVES else o for o in aimed]
            recipient_toks = recipient_toks + [t for o in aimed for t in _with_conjuncts(o)]
        if not is_noun and any({"vehicle", "vehicle_at_party"} & set(t.phrase_aims.get((token.lemma_.lower(), prep), ()))
                               and any(c.dep_ == "prep" and c.lower_ == prep for c in token.subtree) for prep in ("into", "through")):
            # "rammed a car into the gate": the vehicle is the means, not a target (the "into" may
            # hang on the vehicle's description: "rammed a vehicle packed with explosives into the lobby")
            recipient_toks = [r for r in recipient_toks if not (r.dep_ == "dobj" and r.head.i == token.i
                                                                and r.lemma_.lower() in lex["participants"]["vehicle_heads"])]
        if kind.type == "CONCEDE":  # "laid down their arms": the arms are the doer's own, no one given in to
            recipient_toks = [r for r in recipient_toks if not (r.head.i == token.i and _is_object(r, "own_arms", t))]
        if kind.type == "COOPERATE":
            # "cooperated with Somalia against al-Shabaab": whom they work together against is
            # no partner of the cooperation; nor the bare object of an idiom ("joined forces with
            # the militia")
            recipient_toks = [r for r in recipient_toks if not _object_of(r, "against")
                              and not (r.dep_ == "dobj" and r.head.i == token.i and joining_idiom(r))]
        actors = _dedupe(participants.mentions(actor_toks))
        # "fought alongside X"; "In coordination with X, AFRICOM conducted an airstrike": a
        # noun trigger's allies hang on the light verb that carries it
        carrier = token if not is_noun else token.head if token.dep_ == "dobj" and token.head.lemma_ in lex["participants"]["light_verbs"] else None
        ally_toks = [] if carrier is None else _alongside(carrier, lex)
        allies = [m for m in _dedupe(participants.mentions(ally_toks)) if m.actor not in {a.actor for a in actors}]
        if kind.type == "ASSAULT":
            # "fought alongside the army and the police against X": the parse may hang the
            # "against" on the last ally; X is the enemy all the same
            recipient_toks = recipient_toks + [e for a in ally_toks if (o := object_of(a, "against")) is not None
                                               for e in _with_conjuncts(o) if e not in recipient_toks]
        recipients = [m for m in _dedupe(participants.mentions(recipient_toks)) if m.actor not in {a.actor for a in actors + allies}]
        if token.lemma_ in lex["participants"]["place_verbs"]:
            recipients = [m for m in recipients if index.actors[m.actor].kind not in PLACE_KINDS]  # ("visited Turkey")
        if kind.type == "MOBILIZE":
            # "troops were flown from Singapore to Brunei": where forces go or come from is no party
            # deployed ("US troops" are, named by their state)
            where = [t for t in recipient_toks if t.dep_ == "pobj" and t.head.lower_ in ("to", "from", "into", "in", "across", "towards", "toward")]
            recipients = [m for m in recipients if index.actors[m.actor].kind not in PLACE_KINDS
                          or not any(m.span.start <= t.idx < m.span.end for t in where)]
        mutual = any(reciprocal(t) and t.i > token.i for t in recipient_toks)  # "fought each other", "accused one another"
        # "targeting individuals who …": the object is no actor ("The hospital, shelled by
        # government forces, …": the noun the participle describes is its object)
        object_named = any(c.dep_ == "dobj" for c in token.children) or (token.dep_ == "acl" and token.head in recipient_toks)
        # "…in North Darfur, which killed two aid workers": the subject is named, just not a party.
        relative = any(c.dep_ == "nsubj" and (relative_noun(c) is not None or (c.tag_ in ("WDT", "WP") and token.dep_ == "relcl"))
                       for c in token.children)  # ("those who kill …": no one named, none to guess)
        # "Clashes between A and B killed four civilians", "the blast killed four": an
        # event as the subject says who died, not who killed them
        # (a verb conjoined to another shares its subject: "the Iranian strike violated X's sovereignty and killed two children")
        by_event = not is_noun and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and _match_trigger(c, t) is not None
                                       for c in (token.children if token.dep_ != "conj" else (*token.children, *token.head.children)))
        blamed = blamed_act(token)  # "blamed the junta for the attack": told before, its target not named here
        # "The mission investigated attacks on aid workers", "cited reports of assaults on
        # protesters": who looks into an act is no side of it
        looked_into = is_noun and _looked_into(token, lex["participants"]["inquiry_verbs"])
        # "X led the political wing until he was killed in a strike": a passive said of a
        # pronoun tells what befell a party named before; that party's side is no doer
        # ("until Jabhat al-Sahil is defeated" may be the main clause's aim)
        # (nor for a count of the befallen: "more than 200 were wounded")
        # (nor for a passive that names no doer: "After X was shot dead and several protesters
        # were killed, …": the party named before is another victim)
        # ("until ISIL is defeated" is the main clause's aim: its subject may be the doer)
        unnamed_doer = not is_noun and not actors and (any(
            c.dep_ == "nsubjpass" and (c.pos_ in ("PRON", "NUM") or any(n.dep_ == "nummod" for n in c.children)) for c in token.children)
            or (any(c.dep_ == "nsubjpass" for c in token.children)
                and not any(c.dep_ == "agent" or (c.dep_ == "mark" and c.lower_ in ("until", "till", "unless")) for c in token.children))
            # ("15 militants had been killed or wounded": the second verb shares the first's passive, and its lack of a doer)
            or (token.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
                and any(c.dep_ == "nsubjpass" for c in token.head.children)
                and not any(c.dep_ == "agent" for c in (*token.children, *token.head.children)) and _subject_tokens(token)[1]))
        # "will not allow anyone to destroy its institutions", "nobody attacked the base": the
        # doer is said to be no one in particular; the nearest party is not it
        anyone = not is_noun and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in lex["participants"]["indefinite_subjects"]
                                     for c in token.children)
        # "who fought against the Government in the civil war, had joined the armed forces":
        # a war or a battle a verb of fighting happened in is that act's setting; the
        # act named its enemy, and the main clause's object is none in it ("killed in
        # clashes with patrols" still takes its doer)
        setting = is_noun and actors and not recipients and token.dep_ == "pobj" and token.head.head.pos_ == "VERB" \
            and _match_trigger(token.head.head, t) is not None
        # "launched an assault on Avdiivka, sending several battalions …": a place was what the
        # act was aimed at, and only a party in its own phrase is the act's other side ("air
        # strikes on a cave complex used by the terrorists", "an assault on his base")
        places_aimed = [r for r in recipient_toks if (m := index.mention_for_token(r)) is not None and m.actor
                        and index.actors[m.actor].kind in PLACE_KINDS] if actors and not recipients else []
        if kind.relation in NEAREST_FALLBACK and (bool(actors) != bool(recipients)) and not (actors and object_named) and not allies \
                and not relative and not by_event and not blamed and not unnamed_doer and not anyone and not setting and not looked_into \
                and not (symmetric and len(actors) >= 2):  # "fighting between A and B": both sides named
            # The parse found one side only: take the nearest actor on the other
            # side of the trigger in the same clause ("..., the Assad regime is using
            # to kill civilians"). Marked by the relation's lower confidence.
            # (nor the owner of a body or a thing hit, or the party it stands for: "the attack
            # on its convoy", "a UN convoy came under fire"; people may be their doer's own:
            # "threatened to kill its hostages")
            taken = {m.actor for m in actors + recipients} | {
                o.actor for m in actors + recipients if index.actors[m.actor].kind not in ("population", "person")
                for o in index.mentions_within(m.span.start, m.span.end) if o.actor} | _owners(doc, index, actors + recipients)
            near = _nearest(index, token, before=not actors, taken=taken, speakers=speaker_spans,
                            parties=_resolved(index, [*actor_toks, *recipient_toks], actors + recipients))
            near = participants.resolve_description(near, doc) if near is not None else None
            if near is not None and places_aimed and not any(
                    p.left_edge.idx <= near.span.start and near.span.end <= p.right_edge.idx + len(p.right_edge.text) for p in places_aimed):
                near = None
            if near is not None and near.actor not in taken:
                (actors if not actors else recipients).append(near)
                rule = "events.nearest-party"
        if not recipients and not is_noun and token.lemma_.lower() in lex["participants"]["party_phrase_verbs"]:
            continue  # "operates with impunity": no party with it, no tie
        if not actors and not recipients:
            if not _unnamed_event(token, is_noun, kind, t, lex["participants"]):
                continue
            rule = "events.no-participant"
        if kind.type == "CONSULT" and len(actors) + len(recipients) == 1 and not (is_noun and recipients and _with_party(token)):
            # a meeting takes two ("has called its commanders apostates" is none); talks
            # with none named are talks, and "talks with the ELN" name the other side
            continue
        trigger_span = _span(token)
        claim = _claim_for(trigger_span, claims)
        modality, condition = modality_of(token, claim)
        event_type = kind.type
        guessed = rule == "events.nearest-party"
        if event_type == "LEADER_KILLED" and is_noun and token.lower_ in _DEATH_NOUNS \
                and not any(_is_leader(index, m) for m in recipients) and not any(_titled_leader(t) for t in recipient_toks) \
                and (token.lower_ in ("killings", "deaths") or (recipients and all(m.basis == "nominal" for m in recipients))
                     or (recipient_toks and all(_described_as_no_leader(t) for t in recipient_toks))) \
                and (not any(_described_as_leader(t) for t in recipient_toks)
                     or (recipients and all(index.actors[m.actor].kind == "population" for m in recipients))):
            # Killings and deaths in the plural, or of people only described, are no leader's:
            # "the Islamic State claimed the killings", "the killing of the journalist" are
            # assaults on people (a victim said later to lead a group makes it a leader's death:
            # leaders_killed); "four PLA deaths", "the death of a 22-year-old woman" tell a toll,
            # no event. One of someone named, or with no one named, stays a leader's, as
            # reporting on armed groups names its dead leaders ("Khorasani's death", "the
            # killing of al-Aruri and other founders", "blamed the ISI for the killing").
            if token.lower_ not in ("killing", "killings"):
                continue
            kind, event_type = t.verbs["kill"], "ASSAULT"
        if event_type == "ASSAULT" and token.lemma_ == "kill" and recipients and (
                any(_is_leader(index, m) for m in recipients) or any(_described_as_leader(t) for t in recipient_toks)):
            event_type, rule = "LEADER_KILLED", "events.leader-killed"
        if rule in disabled:
            continue
        story_day = story.before(token.idx)
        sentence_start = sentence_of(token).start
        dates_here = sentence_dates.get(sentence_start, [])
        when = _when(token, claim, dated, dates_here, story.told_before)
        label_day = story.of_label(sentence_start)
        labelled = label_day if token.dep_ not in ("acl", "relcl", "amod") else None
        interval = interval_from(token) if when is None and "events.date-by-interval" not in disabled else None
        if interval is not None:
            # "six days after the military seized the broadcaster": that far from the date of the
            # clause it hangs on (its own, else the story's or the label's)
            head, by, unit = interval
            reference = _when(head, claim, dated, dates_here, story.told_before) or labelled or (
                story_day if not _dated_sentence(token, dates_here) else None)
            when = shifted(reference, by, unit, f"{abs(by)} {unit}s {'after' if by < 0 else 'before'}")
        if when is None and _narrated(token) and (labelled is not None or not _dated_sentence(token, dates_here)):
            # (a label dates its sentence's acts that have no date of their own, whatever
            # other dates the sentence tells: "Havana, 9 June 2023: A and B signed an
            # agreement on a ceasefire to take effect on 3 August"; not a participle that
            # describes a party, "militias backed by the army had attacked … on 6 April")
            if event_type in lexicon("time")["said_types"] or labelled is not None:
                story_day = label_day  # a thing said takes no story's date, but its note's label's
            if story_day is not None and story_day.precision == "day":
                when = replace(story_day)  # "Three soldiers were killed": the day told before
        event = Event(
            id=f"e{len(events) + 1}",
            type=event_type,
            trigger=token.text,
            trigger_span=trigger_span,
            evidence_span=sentence_span(sentence_of(token)),
            actors=[m.actor for m in actors + allies],
            recipients=[m.actor for m in recipients],
            actor_spans=[m.span for m in actors + allies],
            recipient_spans=[m.span for m in recipients],
            mode=_mode(kind, token),
            when=when,
            where=_where(token, index),
            modality=modality,
            condition=condition,
            claim=claim.id if claim else None,
            rule=rule,
        )
        events.append(event)
        if event_type == "LEADER_KILLED" and guessed:
            continue  # "Shekau, who was killed in 2021": who killed him is a guess, no side of a fight
        relations.extend(_implied_relations(event, kind, token, actors, allies, recipients, recipient_toks, mutual,
                                            object_named, index))
        destroyed = event_type == "COERCE" and token.lemma_.lower() in _destroys_place()
        pursuit = (kind.when_object or {}).get(token.lemma_.lower()) == ("party",)  # "pursued the raiders into the hills": no place attacked
        if (event_type == "ASSAULT" or destroyed) and not guessed and not pursuit and "relations.attacked-place" not in disabled:
            # "stormed the hospital", "an assault on El Fasher": the place attacked; a place
            # seized or retaken was attacked too, and is held after (relations.control)
            # (not the place attacked from: "attacked Gao from bases in the desert")
            aimed = [t for t in recipient_toks if not _origin(t) and not _where_at(t, token, recipients)]
            places = participants.places(aimed)
            places += [q for p in places for q in _places_listed_after(p, index) if all(q.actor != o.actor for o in places)]
            relations.extend(attacked_places(event, actors + allies, places))
            if not actors + allies:
                aimed_at.setdefault(event.id, []).extend((p, "relations.attacked-place") for p in places)
            if event.where is None and len({p.actor for p in places}) == 1 and index.actors[places[0].actor].kind in PLACE_KINDS:
                event.where = places[0].actor  # "rebels shelled Ras al-Ain": where no locative phrase says, the one place attacked
        if event_type == "ASSAULT" and not guessed and not pursuit and "relations.attacked-equipment" not in disabled:
            # "attacked hundreds of merchant ships", "shot down a drone": the kit no one owns
            # (not what a verb of use fires: "launched drones at Ukraine"; relations.toml equipment use_verbs)
            # (nor the charge set off: "detonated cars packed with explosives")
            fired = token.lemma_.lower() in lexicon("relations")["equipment"]["use_verbs"]
            aimed = [r for r in recipient_toks if not _origin(r) and not ((fired or _is_object(r, "explosive", t))
                                                                           and r.dep_ == "dobj" and r.head.i == token.i)]
            equipment = participants.unowned_equipment(aimed)
            relations.extend(attacked_equipment(event, actors + allies, equipment))
            if not actors + allies:
                aimed_at.setdefault(event.id, []).extend((q, "relations.attacked-equipment") for q in equipment)
    if "events.date-by-later-mention" not in disabled:
        date_by_later_mention(doc, events, dated)
    if "events.date-of-joined-act" not in disabled:
        date_of_joined_act(doc, events)
    if "events.date-in-a-clause-on-it" not in disabled:
        date_in_a_clause_on_it(doc, events, claims, dated)
    if "events.date-of-a-split-opening" not in disabled:
        date_of_a_split_opening(doc, events, dated)
    if "events.doer-by-later-mention" not in disabled:
        relations.extend(_doer_by_later_mention(doc, events, index, relations, aimed_at))
    if "events.doer-by-claim" not in disabled:
        relations.extend(_doer_by_claim(doc, events, index, relations, aimed_at))
    if "events.doer-of-enclosing-act" not in disabled:
        relations.extend(_doer_of_enclosing_act(doc, events, index, relations, aimed_at))
    if "events.doer-by-blame" not in disabled:
        relations.extend(_doer_by_blame(doc, events, index, relations, aimed_at))
    if "events.doer-by-identification" not in disabled:
        relations.extend(_doer_by_identification(doc, events, index, relations, aimed_at))
    if "events.doer-behind" not in disabled:
        relations.extend(_doer_behind(doc, events, index, relations, aimed_at))
    if "events.doer-by-charge" not in disabled:
        relations.extend(_doer_by_charge(doc, events, index, relations, aimed_at))
    if "events.protest-aim" not in disabled:
        events = protest_aims(doc, events)
    return events, relations


_LIST_GLUE = re.compile(r"\s*,\s*(?:(and|or)\s+)?|\s+(and|or)\s+")


def _places_listed_after(first: Mention, index: ActorIndex) -> list[Mention]:
    """The places listed after a place, read on the words: "attacked the army barracks, the
    police station and a security post" (the parser may hang the later items anywhere). A
    list ends with "and" or "or" before its last item; without one the names are an
    apposition ("the town, a district capital,") and none is taken."""
    text, out = index.document.text, []
    end, placed = _past_its_place(first, index)
    while (glue := _LIST_GLUE.match(text, end)) is not None:
        named = next((m for m in index.mentions if glue.end() <= m.span.start < glue.end() + 40 and m.actor and m.basis != "pronoun"
                      and (m.span.start == glue.end() or _DESCRIBED.fullmatch(text, glue.end(), m.span.start))), None)
        # ("the presidential residence": a mention of its head only)
        if named is None or index.actors[named.actor].kind not in PLACE_KINDS:
            return []
        if placed and named.basis != "nominal":
            return out  # "posts in Rolpa, Rukum and Sindhuli": the names list where the posts are
        out.append(named)
        if glue.group(1) or glue.group(2):
            return out
        end, placed = _past_its_place(named, index)
    return []


_DESCRIBED = re.compile(r"(?:the|a|an)\s+(?:[a-z][a-z-]*\s+){1,2}")  # a list item's determiner and adjectives
_WHERE_GLUE = re.compile(r"\s+(?:at|in|near|outside)\s+")


def _past_its_place(item: Mention, index: ActorIndex) -> tuple[int, bool]:
    """Where a listed place ends, with the place it is said to be at ("the presidential
    residence at La Casona", "the barracks in Tirana": one item of the list), and whether
    it had one."""
    end, placed = max(m.span.end for m in index.mentions if m.span.start == item.span.start), False
    while (glue := _WHERE_GLUE.match(index.document.text, end)) is not None:
        at = [m for m in index.mentions if m.span.start == glue.end() and m.actor and m.basis != "pronoun"
              and index.actors[m.actor].kind in PLACE_KINDS]
        if not at:
            break
        end, placed = max(m.span.end for m in at), True
    return end, placed


@lru_cache(maxsize=1)
def _destroys_place() -> frozenset[str]:
    """Verbs of force on property whose place was attacked (lexicons/events.toml COERCE destroys_place)."""
    return frozenset(w for e in lexicon("events")["event"] for w in e.get("destroys_place", ()))


def _mode(kind: TriggerType, token: Token) -> str | None:
    """How an act was done (events.toml modes): by its phrase first ("set fire" is arson, "set
    off" a bombing: the verb with its object or its preposition's), else by its word."""
    lemma = token.lemma_.lower()
    phrases = [f"{lemma} {c.lower_}" for c in token.children if c.dep_ in ("dobj", "prt", "advmod")] + [
        f"{lemma} {c.lower_} {o.lower_}" for c in token.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return next((kind.modes[p] for p in phrases if p in kind.modes), kind.modes.get(lemma))


def _where_at(token: Token, trigger: Token, recipients: list[Mention]) -> bool:
    """Whether a participant's token is the object of an "at" on a verb whose own object is
    a party it acts on: where the act was done, not what it was aimed at ("shot the guards at
    the gate"; "shot at the gate", "fired rockets at the positions" aim at them)."""
    if token.dep_ != "pobj" or token.head.lower_ != "at" or token.head.head.i != trigger.i:
        return False
    objects = [c.idx for c in trigger.children if c.dep_ == "dobj"]
    return any(m.span.start <= i < m.span.end for m in recipients for i in objects)


def _origin(token: Token) -> bool:
    """Whether a participant's token is the object of "from" (through a list: "from A and B")."""
    return _object_of(token, "from")


def _object_of(token: Token, preposition: str) -> bool:
    """Whether a participant's token is the object of a preposition, through a list ("from A
    and B", "against A and B")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == preposition


def leaders_killed(events: list[Event], relations: list[Relation], disabled: frozenset[str] = frozenset()) -> list[Event]:
    """A killing of someone the text says leads a group is a leader's death (rule
    events.leader-killed), as one the knowledge base knows to lead is: "a US strike killed
    Hurras al-Din's leader, Khalid al-Aruri"."""
    if "events.leader-killed" in disabled:
        return events
    leaders = {r.source for r in relations if r.type == "leads" and r.modality not in ("negated", "denied")}
    kill = lexicon("events")["participants"]["kill_words"]
    return [replace(e, type="LEADER_KILLED", rule="events.leader-killed")
            if e.type == "ASSAULT" and e.trigger.lower() in kill and leaders.intersection(e.recipients) else e
            for e in events]


def protest_aims(doc: Doc, events: list[Event]) -> list[Event]:
    """Rule events.protest-aim. A protest that names no one it is against is against whom
    its own demand names: "hundreds of thousands rallied near the assembly to demand the
    removal of President X", "protesters marched on the ministry, demanding the
    resignation of the governor" (the demand's clause hangs on the protest's verb, with
    no subject of its own), and so is one held in a protest the demand hangs on ("marched
    along the highway in a general strike demanding the resignation of the governor": the
    strike's, and the march's held "in" it)."""
    roots = {k: root for k, e in enumerate(events) if (root := _trigger_root(doc, e)) is not None}  # each event's trigger word
    by_token = {root.i: k for k, root in roots.items()}
    out = list(events)
    for k, e in enumerate(events):
        verb = roots.get(k)
        if e.type != "REQUEST" or not e.recipients or verb is None or verb.pos_ != "VERB" or verb.dep_ not in ("advcl", "xcomp", "acl") \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        held = verb.head
        protests = [by_token.get(held.i)]
        if held.dep_ == "pobj" and held.head.lower_ == "in":
            protests.append(by_token.get(held.head.head.i))  # ("marched … in a general strike demanding …")
        for protest in protests:
            if protest is None or out[protest].type != "PROTEST" or out[protest].recipients:
                continue
            out[protest] = replace(out[protest], recipients=list(e.recipients), recipient_spans=list(e.recipient_spans),
                                   rule="events.protest-aim")
    return out


def _unnamed_event(token: Token, is_noun: bool, kind: TriggerType, t: Triggers, lex: dict) -> bool:
    """A trigger with no party named is an event of its own when it is of a type told
    that way: a fight by a verb ("a roadside bomb exploded"), or a fight, truce or
    talks by a noun ("fighting broke out", "talks in Jeddah"); not a modifier ("war
    crimes", "fighting positions"), not a re-mention ("these strikes", "that truce"),
    not the period a text is set in ("during the war"), not a headline without a verb,
    and not the object or subject of a trigger verb of its own type, whose event it is
    ("agreed a ceasefire", "21 strikes engaged ISIS units"), nor what is asked for
    ("called for a ceasefire")."""
    if (not is_noun and kind.type not in lex["unnamed_verb_types"]) or kind.type not in lex["unnamed_types"] or token.lemma_.lower() in lex["unnamed_periods"]:
        return False
    if token.dep_ in ("compound", "amod", "nmod", "poss") or any(c.dep_ == "det" and c.lower_ in lex["re_mention_determiners"] for c in token.children):
        return False
    if not any(w.pos_ in ("VERB", "AUX") for w in token.sent):
        return False
    head = token.head
    governor = head.head if head.dep_ == "prep" else head
    if governor.lemma_.lower() in lex["request_verbs"]:
        return False  # "called for a ceasefire", "demanded talks": asked for, the REQUEST's
    if token.dep_ in ("dobj", "nsubj", "nsubjpass") and head.pos_ == "VERB":
        matched = _match_trigger(head, t)
        if matched is not None and matched[0].type == kind.type:
            return False
    return True


def _doer_by_later_mention(doc: Doc, events: list[Event], index: ActorIndex, relations: list[Relation],
                           aimed_at: dict[str, list[tuple[Mention, str]]]) -> list[Relation]:
    """Rule events.doer-by-later-mention. An assault told with no doer takes the doers of
    the same act named again in one of the next two sentences by a definite noun whose
    verb names them ("Two explosives-laden vehicles struck the Kati military camp … The
    attack was claimed by JNIM"; events.toml participants.doer_naming_verbs), unless the
    mention is another of its kind ("the previous attack"), its doer an outlet ("Amaq
    claimed the attacks") or the act told as an answer to another ("in reprisal attacks");
    the relations the act implies follow (`fights` with the parties it was aimed at, `attacks`
    on its places), with the mention's modality. An act told with only the kit that struck ("A
    drone struck an apartment building … The Houthis claimed the attack") takes them from the
    next sentence only."""
    out: list[Relation] = []
    sentences = sentence_numbers(doc)
    naming = frozenset(lexicon("events")["participants"]["doer_naming_verbs"])
    answers = frozenset(lexicon("events")["participants"]["answering_words"])
    for n, event in enumerate(events):
        unnamed = event.type == "ASSAULT" and bool(event.actors) and _done_by_people_only(event, index)
        if event.type != "ASSAULT" or not (_undone(event, index) or unnamed):
            continue
        if (root := _trigger_root(doc, event)) is not None and _told_as_an_answer(root, answers):
            continue  # ("… killed two Muslims in reprisal attacks. Boko Haram claimed the bombing": another's act)
        for later, noun in named_again(doc, events, n, sentences):
            if not later.actors or (later.recipients and event.recipients and not set(later.recipients) & set(event.recipients)):
                continue  # (no doer, or another act: "the jets hit the group … The group said it carried out the attack on a police convoy")
            here = _trigger_root(doc, event)
            if event.actors and here is not None and sentences[sentence_of(noun).start] - sentences[sentence_of(here).start] > 1:
                break  # kit that struck is claimed in the next sentence only ("fighter jets destroyed three vehicles … Ansar al-Islam claimed the ambush": an earlier act)
            if noun.dep_ not in ("nsubjpass", "dobj") or noun.head.lemma_.lower() not in naming \
                    or any(index.actors[a].kind == "media" for a in later.actors):
                break  # (not "blamed the group for the strike", a charge; "Amaq claimed the attacks", an outlet's word)
            # (as the mention tells it: "the Government believes that the attack was carried out by the gang")
            modality = later.modality if later.modality != "asserted" else event.modality
            if unnamed:
                # "A suicide bomber blew himself up inside a mosque … The Islamic State claimed the
                # attack": the group named is a doer beside the people told, who stay
                groups = _named_bodies(later, index, event)  # (a body by its name, not "a group")
                out += _co_doers(event, groups, relations, modality, event.claim or later.claim)
                break
            out += _give_doers(event, list(later.actors), list(later.actor_spans), index, relations, aimed_at, modality, event.claim or later.claim)
            break
    return out


def _doer_by_claim(doc: Doc, events: list[Event], index: ActorIndex, relations: list[Relation],
                   aimed_at: dict[str, list[tuple[Mention, str]]]) -> list[Relation]:
    """Rule events.doer-by-claim. The party that claims responsibility or credit for an
    assault (events.toml CLAIM_RESPONSIBILITY phrases) is its doer by its own word: the act
    named after "for" and the acts told in that phrase ("IS claimed responsibility for the
    suicide bombing at a checkpoint that killed 12"), with the earlier act a definite noun
    names again ("… Al-Shabaab later claimed responsibility for the attack", or the act
    claimed itself: "… the DHKP-C claimed the attack", "claimed both attacks"); with "for it"
    or no "for", the assaults told before it in its sentence or the two before ("A car bomb
    killed 12 people … Al-Shabaab claimed responsibility"), up to one done by a body. An act
    with no doer takes the claimant, its fights and attacks following, alleged; one done by
    people told by a noun ("a suicide bomber") takes it beside them, the fights staying theirs.
    Not a claim negated or denied ("no group claimed responsibility"), nor an act not done
    ("the terrorists will be pursued"). The acts keep their modality."""
    out: list[Relation] = []
    phrases = {(p["verb"], p["object"]) for e in lexicon("events")["event"] if e["type"] == "CLAIM_RESPONSIBILITY"
               for p in e.get("phrases", ())}
    by_root = [(token, e) for e in events if e.type == "ASSAULT" and (token := _trigger_root(doc, e)) is not None]
    sentences = sentence_numbers(doc)
    for claim in events:
        if claim.type != "CLAIM_RESPONSIBILITY" or claim.modality in ("negated", "denied") or (verb := _trigger_root(doc, claim)) is None:
            continue
        owned = next((c for c in verb.children if c.dep_ == "dobj" and (verb.lemma_.lower(), c.lemma_.lower()) in phrases), None)
        # ("… JNIM claimed it": the pronoun for the acts told before, events.toml when_object act_told)
        pronoun = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PRON"), None)
        # ("… the DHKP-C claimed the attack": the act itself, named again, events.toml when_object ASSAULT)
        act_named = next((c for c in verb.children if c.dep_ == "dobj" and any(token.i == c.i for token, _ in by_root)), None)
        claimants = [(a, sp) for a, sp in zip(claim.actors, claim.actor_spans)
                     if index.actors[a].kind not in PLACE_KINDS | {"media", "equipment"}]
        if (owned or pronoun or act_named) is None or not claimants:
            continue
        objects = [o for head in (owned or pronoun or act_named, verb) for p in head.children if p.dep_ == "prep" and p.lower_ == "for"
                   for o in p.children if o.dep_ == "pobj" and o.pos_ != "PRON"] + ([act_named] if act_named is not None else [])
        if objects:
            acts = []
            for named in (e for o in objects for token, e in by_root if o.left_edge.i <= token.i <= o.right_edge.i):
                earlier = _claimed_act_told_before(doc, events, named, sentences)
                # (one put down to the claimant by a rule before, named outside its sentence, is none: "a second
                # bomb killed 22 … The Taliban claimed both attacks")
                if any(not (_undone(e, index) or _done_by_people_only(e, index) or _put_down_to(e, {a for a, _ in claimants}))
                       for e in earlier):
                    continue  # the act named again has its doer ("Al-Shabaab fighters attacked a base … The group claimed responsibility for the attack")
                acts += [e for e in (named, *earlier) if e not in acts]
        else:
            acts = _undone_assaults_before(doc, events, index, verb, sentences, people_too=True)
        for act in acts:
            if act.modality in ("future", "hypothetical", "conditional", "negated", "denied"):
                continue  # a claim is of an act done ("will be pursued" is no act claimed)
            if _undone(act, index):
                act.rule = "events.doer-by-claim"
                out += _give_doers(act, [a for a, _ in claimants], [sp for _, sp in claimants], index, relations, aimed_at,
                                   "alleged", act.claim or claim.claim)
            elif _done_by_people_only(act, index):
                # (the fights stay the people's: those drawn from the claimant had cost sets BF, BO,
                # AD and AP 0.002-0.006 each, one set down 0.001)
                _join_doers(act, [(a, sp) for a, sp in claimants if a not in act.actors])
    return out


def _looked_into(noun: Token, verbs: list[str]) -> bool:
    """Whether an act noun is what a verb of inquiry looks into (events.toml participants
    inquiry_verbs), or inside the "of" of it ("cited reports of assaults")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in verbs


def _aid_cut_off(verb: Token, t: Triggers) -> list[Token]:
    """The aid a verb of sanction cuts off, its objects ("suspended aid to Burundi", "halted
    military aid"; events.toml SANCTION when_object), or none."""
    if verb.pos_ != "VERB" or (matched := _match_trigger(verb, t)) is None or matched[0].type != "SANCTION":
        return []
    return _aid_objects(verb, t)


def _aid_objects(verb: Token, t: Triggers) -> list[Token]:
    """A verb's objects that are aid (`_aid_cut_off`, for a verb already read as a sanction)."""
    return [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts) if _is_object(o, "AID", t)]


def _claimed_act_told_before(doc: Doc, events: list[Event], named: Event, sentences: dict[int, int]) -> list[Event]:
    """The assaults told before that the noun of a claim names again (`_named_again_before`),
    less those told as another's answer ("Christian youths later killed two Muslims in
    reprisal attacks … Boko Haram claimed the bombing"); of those, the ones told by the
    noun's own word, if any ("Three gunmen attacked the consulate … police killed all three
    … The BLA claimed the attack": the attack, not the police's killing)."""
    noun = _trigger_root(doc, named)
    answers = frozenset(lexicon("events")["participants"]["answering_words"])
    earlier = [e for e in _named_again_before(doc, events, named, sentences)
               if (root := _trigger_root(doc, e)) is None or not _told_as_an_answer(root, answers)]
    own_word = [e for e in earlier if noun is not None and (root := _trigger_root(doc, e)) is not None
                and root.lemma_.lower() == noun.lemma_.lower()]
    return own_word or earlier


def _told_as_an_answer(trigger: Token, answers: frozenset[str]) -> bool:
    """Whether an act is told as an answer to another: "killed two Muslims in reprisal attacks",
    "in retaliation", "reprisal attacks" (the act's noun, or the object of an "in" or "as" on it,
    is one of events.toml participants.answering_words or has one as its modifier)."""
    def answer(noun: Token) -> bool:
        return noun.lemma_.lower() in answers or any(m.dep_ in ("amod", "compound") and m.lemma_.lower() in answers for m in noun.children)

    return (trigger.pos_ == "NOUN" and answer(trigger)) or any(
        answer(o) for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("in", "as") for o in c.children if o.dep_ == "pobj")


def _put_down_to(event: Event, parties: set[str]) -> bool:
    """Whether an act's doers are only these parties, each named outside the act's sentence
    (given by a rule that read a later one, not told by its own clause)."""
    return bool(event.actors) and set(event.actors) <= parties and not any(
        event.evidence_span.start <= s.start < event.evidence_span.end for s in event.actor_spans)


def _named_bodies(named: Event, index: ActorIndex, event: Event) -> list[tuple[str, Span]]:
    """The doers of `named` that are bodies told by their name (not "a group", not people told
    by a noun) and not yet doers of `event`."""
    return [(a, sp) for a, sp in zip(named.actors, named.actor_spans)
            if index.actors[a].kind not in ("population", "person") and a not in event.actors
            and any(m.actor == a and m.basis not in ("nominal", "anaphor", "pronoun") for m in index.mentions_within(sp.start, sp.end))]


def _done_by_people_only(event: Event, index: ActorIndex) -> bool:
    """Whether an act's doers are only people told by a noun, no body ("a suicide bomber",
    "gunmen", "two men on a motorcycle")."""
    return all(index.actors[a].kind == "population" for a in event.actors)


def _co_doers(event: Event, groups: list[tuple[str, Span]], relations: list[Relation], modality: str,
              claim: str | None) -> list[Relation]:
    """The bodies named as doers of an act done by people told by a noun join them: the
    act's fights and attacks are theirs too, with the modality of the phrase that names them."""
    if not groups:
        return []
    own = [r for r in relations if r.event == event.id and r.source in event.actors and r.type in ("fights", "attacks")]
    _join_doers(event, groups)
    return [replace(r, source=a, source_span=sp, modality=modality, claim=claim) for r in own for a, sp in groups if a != r.target]


def _join_doers(event: Event, groups: list[tuple[str, Span]]) -> None:
    """Bodies named as doers of an act join its doers, drawing no fights of their own (a claim
    or a blame beside the people who did it: re3d's annotators draw none from either)."""
    event.actors = [*event.actors, *(a for a, _ in groups)]
    event.actor_spans = [*event.actor_spans, *(sp for _, sp in groups)]


def _doer_of_enclosing_act(doc: Doc, events: list[Event], index: ActorIndex, relations: list[Relation],
                           aimed_at: dict[str, list[tuple[Mention, str]]]) -> list[Relation]:
    """Rule events.doer-of-enclosing-act. An assault told with no doer ("Two soldiers were
    killed", "a bomb exploded") is the work of those who did the assault it was done in:
    the one its "when" or "as" clause tells ("… when rebels ambushed their convoy", "… when
    hitmen detonated a bomb under her car"), its "in" names ("… in an attack claimed by
    the Islamic State") or its subject is ("the two bombings that killed 74 fans"). The
    fights and attacks the act implies follow, with its own modality."""
    out: list[Relation] = []
    by_root = {token.i: e for e in events if e.type == "ASSAULT" and (token := _trigger_root(doc, e)) is not None}
    for event in events:
        if event.type != "ASSAULT" or (token := _trigger_root(doc, event)) is None:
            continue
        unnamed = bool(event.actors) and _done_by_people_only(event, index)
        if not (_undone(event, index) or unnamed):
            continue
        for enclosing, by_subject in _enclosing_acts(token):
            how = by_root.get(enclosing.i)
            if how is None or how is event or _undone(how, index):
                continue
            if unnamed:
                # "A suicide bomber blew himself up …, killing 70, in an attack claimed by
                # Jamaat-ul-Ahrar": the body named as the doer of the act it was done in is a doer
                # beside the people told, who stay (as events.doer-by-later-mention has it)
                if by_subject:
                    break
                groups = _named_bodies(how, index, event)
                if groups:
                    event.rule = "events.doer-of-enclosing-act"
                    out += _co_doers(event, groups, relations, how.modality if how.modality != "asserted" else event.modality, event.claim or how.claim)
                break
            if by_subject and (how.trigger.lower() in _words("wars") or (len(set(how.actors)) > 1 and not how.recipients)):
                continue  # "the fighting between Israel and Hezbollah, which has killed thousands", "a war that killed 15,000": a war's toll, no side's act
            if not how.recipients and names_a_mutual_fight(enclosing):
                continue  # "2,500 people were killed as rival cartels fought for control": the toll of their fight, no side's act
            event.rule = "events.doer-of-enclosing-act"
            out += _give_doers(event, list(how.actors), list(how.actor_spans), index, relations, aimed_at, event.modality, event.claim)
            break
    return out


def _enclosing_acts(token: Token) -> list[tuple[Token, bool]]:
    """The words that may name the act a verb's act was done in, each with whether it is the
    verb's subject: its "when" or "as" clause ("were killed when rebels ambushed …"), the act
    that did it ("the bombing killed 20") and the noun of its "in" ("killed in an attack"),
    which may hang on the participle that tells what the act did ("a bomb exploded …,
    killing 14 worshippers, in an attack claimed by the Islamic State")."""
    # a participle's act is its clause's: "… exploded, killing 14 and wounding 60, in an
    # attack claimed by …" (the "in" on the last participle, a conjunct of the first)
    while token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp", "conj") and token.head.i != token.i and token.head.pos_ == "VERB":
        token = token.head
    # (and of the verbs joined to it in one clause: "six villagers were killed and several others
    # wounded … when gunmen opened fire", the "when" hung on the last)
    clause = [token, *(j for j in token.conjuncts if j.pos_ == "VERB" and _of_one_clause(max(token, j, key=lambda t: t.i)))]
    acts = [c for v in clause for c in v.children if c.dep_ == "advcl" and _when_marked(c, ("when", "as"))]
    acts += [c for v in clause for c in when_clauses_on_nouns(v)]  # ("killed 15 workers, eight medics …, when they fired")
    participles = [c for c in token.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and c.i > token.i]
    told = (token, *participles, *(j for c in participles for j in c.conjuncts if j.tag_ == "VBG"))
    # and the act that did it, as the verb's subject: "the bombing killed 20", "the two
    # bombings that killed 74 fans" (the relative clause's antecedent)
    doing = [c for c in token.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    if token.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in token.children):
        doing.append(token.head)
    if token.pos_ == "NOUN" and token.dep_ == "nsubj" and token.head.pos_ == "VERB":
        # an act named by its noun, the subject of the verb the "in" hangs on: "a suicide blast
        # ripped through the shrine, in an attack claimed by the Islamic State"
        told = (*told, token.head)
    ins = [o for v in told for c in v.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children if o.dep_ == "pobj"]
    return [(t, False) for t in acts] + [(t, True) for t in doing] + [(t, False) for t in ins]


def _undone(event: Event, index: ActorIndex) -> bool:
    """Whether an act has no doer told: none, or only the kit that stood for one ("a drone
    launched from Yemen struck an apartment building": participants, platforms)."""
    return all(index.actors[a].kind == "equipment" for a in event.actors)


def _give_doers(event: Event, actors: list[str], spans: list[Span], index: ActorIndex, relations: list[Relation],
                aimed_at: dict[str, list[tuple[Mention, str]]], modality: str, claim: str | None) -> list[Relation]:
    """An act told with no doer given the doers named later: the relations its kit standing
    for the doer made ("a drone struck the building": attacks, fights) pass to them, else
    those the act implies (`fights` with the parties it was aimed at, `attacks` on its
    places and on the kit it was aimed at, `aimed_at`) are made."""
    stand_ins = set(event.actors)
    moved = [r for r in relations if r.event == event.id and r.source in stand_ins]
    if moved:
        relations[:] = [r for r in relations if not (r.event == event.id and r.source in stand_ins)]
    event.actors, event.actor_spans = actors, spans
    if not moved:
        return _fights_of_new_doers(event, index, modality, claim) + [
            Relation(type="attacks", source=a, target=m.actor, source_span=s, target_span=m.span, evidence_span=event.evidence_span,
                     modality=modality, claim=claim, event=event.id, when=event.when, rule=rule)
            for m, rule in aimed_at.get(event.id, ()) for a, s in zip(actors, spans) if a != m.actor]
    return [replace(r, source=a, source_span=s, modality=modality, claim=claim) for r in moved for a, s in zip(actors, spans) if a != r.target]


def _fights_of_new_doers(event: Event, index: ActorIndex, modality: str, claim: str | None) -> list[Relation]:
    """The relations an assault given its doers late implies: `fights` with the parties it
    was aimed at, `attacks` on its places."""
    out = []
    for source, source_span in zip(event.actors, event.actor_spans):
        for target, target_span in zip(event.recipients, event.recipient_spans):
            if target == source:
                continue
            place = index.actors[target].kind in PLACE_KINDS
            out.append(Relation(type="attacks" if place else "fights", source=source, target=target, source_span=source_span,
                                target_span=target_span, evidence_span=event.evidence_span, modality=modality,
                                claim=claim, event=event.id, when=event.when,
                                rule="relations.attacked-place" if place else "relations.event-parties"))
    return out


def _doer_by_blame(doc: Doc, events: list[Event], index: ActorIndex, relations: list[Relation],
                   aimed_at: dict[str, list[tuple[Mention, str]]]) -> list[Relation]:
    """Rule events.doer-by-blame. Assaults told with no doer are alleged to be the work of
    the party blamed for them in the same sentence or one of the next two ("Missiles struck
    the airport, killing 22 people. The government blamed Houthi forces"; events.toml
    participants.doer_blaming_verbs), as coders code them: when the blaming says nothing of
    what for ("blamed his gang for the attack" names an act, maybe an earlier one: the
    blame_verbs of events.arguments read it), and no assault with a doer of its own is told
    between them. The fights and attacks the act implies follow, alleged. An act
    done by people told by a noun ("gunmen", "a suicide bomber") takes a body blamed beside
    them, as a claimant (events.doer-by-claim), its fights staying theirs."""
    out: list[Relation] = []
    sentences = sentence_numbers(doc)
    blaming = frozenset(lexicon("events")["participants"]["doer_blaming_verbs"])
    for blame in events:
        if blame.type != "ACCUSE" or not blame.recipients or blame.trigger_span is None:
            continue
        verb = _trigger_root(doc, blame)
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in blaming or _blames_for_something(verb):
            continue
        # (a state blamed is a party: "Britain and Israel blamed Iran"; a place is none)
        blamed = [(a, s) for a, s in zip(blame.recipients, blame.recipient_spans)
                  if index.actors[a].kind not in ("location", "media") and a not in blame.actors]
        if not blamed:
            continue
        for event in _undone_assaults_before(doc, events, index, verb, sentences, people_too=True):
            if _undone(event, index):
                event.modality = "alleged"
                event.rule = "events.doer-by-blame"
                out += _give_doers(event, [a for a, _ in blamed], [s for _, s in blamed], index, relations, aimed_at, "alleged",
                                   event.claim or blame.claim)
            else:
                # (people told by a noun: a body blamed joins them, not more people: "the army blamed
                # militants"; the fights stay the gunmen's: 37 drawn from the blamed body were all
                # spurious on sets A-BP)
                _join_doers(event, [(a, s) for a, s in blamed if a not in event.actors and index.actors[a].kind != "population"])
    return out


def _owners(doc: Doc, index: ActorIndex, parties: list[Mention]) -> set[str]:
    """The actors named before a party in its own phrase, its owners ("was targeted by
    Iran's Revolutionary Guards": Iran): on the party's side, not the other."""
    out = set()
    for m in parties:
        span = span_over(doc, m.span.start, m.span.end)
        if span is not None and span.root.left_edge.i < span.start:
            out |= {o.actor for o in index.mentions_within(span.root.left_edge.idx, m.span.start) if o.actor}
    return out


def _doer_by_identification(doc: Doc, events: list[Event], index: ActorIndex, relations: list[Relation],
                            aimed_at: dict[str, list[tuple[Mention, str]]]) -> list[Relation]:
    """Rule events.doer-by-identification. Assaults told with no doer are alleged to be the work
    of the party identified or named as their doers in the same sentence or one of the next two
    ("Two bombs exploded near the finish line … The FBI identified brothers X and Y as the
    bombers": events.toml participants.doer_identifying_verbs, doer_nouns), when no assault with
    a doer of its own comes between. So is the body the doers told before are said to belong
    to ("A bomb exploded on a bus … The government said the perpetrators belonged to
    Hezbollah's military wing", "the attackers were members of the Islamic State":
    doer_belonging; a body by its name, not "a cell of jihadists"), the one named beside a
    definite doer noun ("Her attacker, Thomas Mair, was arrested nearby") or named as the doer
    the other way round ("Police named the suspected bomber as Omar Khalil"), and the one the
    charge that went off, or "it", is put down to ("The army attributed the device to FARC
    dissidents", "officials attributed it to Boko Haram": doer_blaming_participles). The
    fights and attacks the act implies follow, alleged."""
    parts = lexicon("events")["participants"]
    verbs, doers = frozenset(parts["doer_identifying_verbs"]), frozenset(parts["doer_nouns"])
    belonging = parts["doer_belonging"]
    sentences = sentence_numbers(doc)
    out: list[Relation] = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in verb.children):
            continue
        if verb.lemma_.lower() in verbs and verb.pos_ == "VERB" and any(
                c.dep_ == "prep" and c.lower_ == "as" and any(o.dep_ == "pobj" and o.lemma_.lower() in doers for o in c.children)
                for c in verb.children):
            told, belonged = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")], False
        elif verb.lemma_.lower() in verbs and verb.pos_ == "VERB" and (
                any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in doers for c in verb.children)
                or verb.dep_ == "acl" and verb.head.lower_ in doers):
            # the other way round: "Police named the suspected bomber as Omar Khalil", "the
            # shooter, named by police as Declan Moore, was charged"
            # (the parser may hang the "as" on the doer noun, or on the agent: "named by police as X")
            holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in doers),
                       *(o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj")]
            told, belonged = [o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children
                              if o.dep_ == "pobj" and o.pos_ == "PROPN"], False
        elif named_doers := [a for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in doers
                             and any(d.lower_ == "the" or d.tag_ == "PRP$" for d in c.children)
                             for a in c.children if a.dep_ == "appos" and a.pos_ == "PROPN"]:
            # "Her attacker, Thomas Mair, was arrested", "police detained the gunman, X": the doer
            # told by a definite doer noun and named beside it
            told, belonged = named_doers, False
        elif any(c.dep_ == "nsubj" and c.lower_ in doers and any(d.lower_ == "the" for d in c.children) for c in verb.children):
            told, belonged = _body_belonged_to(verb, belonging), True
        elif any(c.dep_ == "dobj" and ((_is_object(c, "explosive", triggers()) and any(d.lower_ == "the" for d in c.children))
                                        or c.lower_ == "it") for c in verb.children):
            # "The army attributed the device to FARC dissidents", "security officials attributed
            # it to Boko Haram" (the act told before): the charge laid at their door
            told, belonged = [o for c in verb.children if c.dep_ == "prep" and (verb.lemma_.lower(), c.lower_) in _blaming_pairs()
                              for o in c.children if o.dep_ == "pobj"], False
        else:
            continue
        named = [m for c in told for t in (c, *c.conjuncts)
                 if (m := index.mention_for_token(t)) is not None and m.actor
                 and index.actors[m.actor].kind not in PLACE_KINDS | {"media", "equipment"}]
        if belonged:
            # a body by its name, or by one in its phrase ("Hezbollah's military wing"): "belonged
            # to a cell of jihadists" names no one
            named = [m for m in named if index.actors[m.actor].kind not in ("population", "person")
                     and any(n.actor and n.basis not in ("nominal", "anaphor", "pronoun")
                             and index.actors[n.actor].kind not in (*PLACE_KINDS, "population", "person")
                             for n in index.mentions_within(m.span.start, m.span.end))]
        if not named:
            continue
        for event in _undone_assaults_before(doc, events, index, verb, sentences):
            event.modality = "alleged"
            event.rule = "events.doer-by-identification"
            out += _give_doers(event, [m.actor for m in named], [m.span for m in named], index, relations, aimed_at, "alleged", event.claim)
    return out


def _body_belonged_to(verb: Token, belonging: dict) -> list[Token]:
    """The body a verb says its subject belongs to: "belonged to X" (belonging verbs, with
    their preposition), "were members of X" (a copula with one of belonging member_nouns and
    its "of")."""
    if verb.lemma_.lower() in belonging["verbs"]:
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == belonging["verbs"][verb.lemma_.lower()]]
    elif verb.lemma_.lower() == "be":
        preps = [p for a in verb.children if a.dep_ == "attr" and a.lemma_.lower() in belonging["member_nouns"]
                 for p in a.children if p.dep_ == "prep" and p.lower_ == "of"]
    else:
        return []
    return [o for p in preps for o in p.children if o.dep_ == "pobj"]


def _undone_assaults_before(doc: Doc, events: list[Event], index: ActorIndex, here: Token, sentences: dict[int, int],
                            people_too: bool = False) -> list[Event]:
    """The assaults with no doer told before the token `here`, last first, in its sentence or
    the two before, up to one whose doer is told ("Gunmen killed five. The government blamed
    X": the gunmen's act); with `people_too`, also those done by people told by a noun only
    ("a suicide bomber blew himself up …"), up to one done by a body."""
    at = sentences[sentence_of(here).start]
    out = []
    for event in sorted((e for e in events if e.trigger_span is not None and e.trigger_span.start < here.idx),
                        key=lambda e: -e.trigger_span.start):
        token = _trigger_root(doc, event)
        if token is None or at - sentences[sentence_of(token).start] > 2:
            break
        if event.type != "ASSAULT":
            continue
        if not (_undone(event, index) or (people_too and _done_by_people_only(event, index))):
            break
        out.append(event)
    return out


def _doer_behind(doc: Doc, events: list[Event], index: ActorIndex, relations: list[Relation],
                 aimed_at: dict[str, list[tuple[Mention, str]]]) -> list[Relation]:
    """Rule events.doer-behind. The party said to be behind an act or the charge it is told
    of did the assaults told with no doer in that phrase: one "behind" it or "responsible for"
    it ("the PKK was behind a bomb left on a bench that exploded among shoppers, killing six
    people", "police said ETA was responsible for a car bomb that exploded outside a
    barracks"), one that planted, set off or claimed the charge ("the Real IRA said it had
    planted the bomb that exploded in Omagh": events.toml participants.charge_verbs,
    explosive_heads), and one blamed for it ("blamed Jaish-e-Mohammed for the car bomb that
    hit a convoy", alleged). Not one said not to be ("was not behind", "denied that it was
    behind"). The fights and attacks the act implies follow, with the act's modality."""
    out: list[Relation] = []
    by_root = [(token, e) for e in events if e.type == "ASSAULT" and (token := _trigger_root(doc, e)) is not None]
    if not by_root:
        return out
    parts = lexicon("events")["participants"]
    charge_verbs, charges = frozenset(parts["charge_verbs"]), frozenset(parts["explosive_heads"])
    blaming = frozenset(parts["doer_blaming_verbs"])
    sentences = sentence_numbers(doc)
    for doer_token, objects, modality in _behind_phrases(doc, charge_verbs, charges, blaming):
        doer = index.mention_for_token(doer_token)
        if doer is None or not doer.actor or index.actors[doer.actor].kind in PLACE_KINDS | {"media", "equipment"}:
            continue
        for obj in objects:
            for token, event in by_root:
                if obj.left_edge.i <= token.i <= obj.right_edge.i and _undone(event, index):
                    # (and the act it names again: "A bomb exploded at a bus stop … Police said a
                    # Hamas cell was behind the blast")
                    for act in [event, *_told_before(doc, events, index, event, sentences)]:
                        act.rule = "events.doer-behind"
                        if modality:
                            act.modality = modality
                        elif act is not event and event.modality != "asserted":
                            act.modality = event.modality  # ("Police said a Hamas cell was behind the blast": the doer is reported)
                        # (the relations with the modality of the phrase that names the doer: "Police said …")
                        out += _give_doers(act, [doer.actor], [doer.span], index, relations, aimed_at, modality or event.modality,
                                           act.claim or event.claim)
    return out


def _told_before(doc: Doc, events: list[Event], index: ActorIndex, named: Event, sentences: dict[int, int]) -> list[Event]:
    """The assaults told with no doer that `named`, a definite noun of one of the next two
    sentences, names again (events.time named_again)."""
    return [e for e in _named_again_before(doc, events, named, sentences) if _undone(e, index)]


def _named_again_before(doc: Doc, events: list[Event], named: Event, sentences: dict[int, int]) -> list[Event]:
    """The assaults told before that `named`, a definite noun of one of the next two
    sentences, names again (events.time named_again)."""
    return [e for n, e in enumerate(events) if e is not named and e.type == "ASSAULT"
            and any(later is named for later, _ in named_again(doc, events, n, sentences))]


def _behind_phrases(doc: Doc, charge_verbs: frozenset[str], charges: frozenset[str], blaming: frozenset[str]):
    """(the party's token, the phrases of what it is behind, a modality or None) for each way
    the text puts a party behind something (`_doer_behind`), none denied."""
    def denied(verb: Token) -> bool:
        return any(c.dep_ == "neg" for c in verb.children) or any(a.lemma_.lower() in _DENYING_VERBS for a in verb.ancestors)

    def subject(verb: Token) -> Token | None:
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)

    for word in tokens_where(doc, lowers=frozenset({"behind", "responsible"})):
        prep = word if word.lower_ == "behind" else next((c for c in word.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        verb = word.head
        if prep is None or verb.lemma_.lower() != "be" or (word.lower_ == "behind" and word.dep_ != "prep") or denied(verb):
            continue
        if (who := subject(verb)) is not None:
            yield who, [o for o in prep.children if o.dep_ == "pobj"], None
    for verb in tokens_where(doc, lemmas=charge_verbs | blaming):
        if verb.pos_ != "VERB" or denied(verb):
            continue
        if verb.lemma_.lower() in blaming:  # "blamed X for the car bomb that hit …": alleged
            blamed = [c for c in verb.children if c.dep_ == "dobj"]
            objects = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children if o.dep_ == "pobj"]
            if blamed and objects:
                yield blamed[0], objects, "alleged"
            continue
        if verb.lemma_.lower() == "set" and not any(c.dep_ in ("prt", "advmod") and c.lower_ == "off" for c in verb.children):
            continue  # ("set off the bomb", not "set the date")
        objects = [o for o in verb.children if o.dep_ == "dobj" and (o.lemma_.lower() in charges or o.lower_ in charges)]
        if objects and (who := subject(verb)) is not None:
            yield who, objects, None


def _doer_by_charge(doc: Doc, events: list[Event], index: ActorIndex, relations: list[Relation],
                    aimed_at: dict[str, list[tuple[Mention, str]]]) -> list[Relation]:
    """Rule events.doer-by-charge. An assault told with no doer is the work of the one later
    charged with it, convicted or sentenced for it, in the same sentence or one of the next two
    ("Lübcke was shot in the head … Stephan Ernst was arrested two weeks later and eventually
    convicted of his murder", "police charged a 27-year-old man with the killing":
    events.toml participants.charge_verbs_of_crime, crime_nouns), when no assault with a doer
    of its own comes between. Charged, it is alleged; convicted, as the event is told."""
    out: list[Relation] = []
    parts = lexicon("events")["participants"]
    verbs, convicting, crimes = frozenset(parts["charge_verbs_of_crime"]), frozenset(parts["convicting_verbs"]), frozenset(parts["crime_nouns"])
    sentences = sentence_numbers(doc)
    for verb in tokens_where(doc, lemmas=verbs):
        if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            continue
        crime = next((o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "with", "for", "over")
                      for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in crimes), None)
        if crime is None:
            continue
        charged = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if not charged and verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            charged = [c for c in verb.head.children if c.dep_ == "nsubjpass"]  # ("was arrested … and convicted of his murder")
        doer = index.mention_for_token(charged[0]) if charged else None
        if doer is None or not doer.actor or index.actors[doer.actor].kind in PLACE_KINDS | {"media", "equipment"}:
            continue
        modality = None if verb.lemma_.lower() in convicting else "alleged"
        for event in _undone_assaults_before(doc, events, index, verb, sentences):
            event.rule = "events.doer-by-charge"
            if modality:
                event.modality = modality
            out += _give_doers(event, [doer.actor], [doer.span], index, relations, aimed_at, modality or event.modality, event.claim)
    return out


# Verbs that deny what their clause says ("denied that it was behind the attack").
_DENYING_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})


def _blames_for_something(verb: Token) -> bool:
    """Whether a blaming says what it blames for ("blamed the army for the drought",
    "accused X of shelling the town", "blamed his gang for the attack"): that names the act
    (the blame_verbs of events.arguments), which may be another than the last one told."""
    return any(c.dep_ == "prep" and c.lower_ in ("for", "of", "over", "on") for c in verb.children) \
        or any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children) \
        or any(c.dep_ == "prep" and c.lower_ in ("for", "over") for o in verb.children if o.dep_ in ("dobj", "ccomp", "oprd", "acomp")
               for c in o.children)
    # ("blamed it on X"; "blamed the opposition for last month's protests", the "for" hung on the one
    # blamed; "held the Shining Path responsible for half of the deaths", on the adjective)


def _left_no_ground(verb: Token, left: list[str]) -> bool:
    """Whether what a verb of withdrawal leaves ("from", or "out of") is no ground a force
    holds: talks, a treaty, a court, a race (events.toml participants.left_without_retreat),
    a body named ("withdrew from the ICC"; not, for fighters, a single unknown name the model
    took for a body, as it does village names: "M23 rebels withdrew from Kibumba",
    participants.retreating_heads)."""
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "of")]
    preps += [p for c in verb.children if c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("out", "back")
              for p in c.children if p.dep_ == "prep" and p.lower_ in ("from", "of")]
    words, places = frozenset(left), frozenset(lexicon("nominals")["place"]["heads"])
    fighters = any(c.dep_ == "nsubj" and c.lemma_.lower() in lexicon("events")["participants"]["retreating_heads"] for c in verb.children)
    return any(o.lemma_.lower() in words or o.lower_ in words
               # ("withdrew from the ICC", "from NATO"; not "from Air Base 201", a place by its name)
               or (o.ent_type_ == "ORG" and not any(t.lower_ in places for t in o.subtree if t.ent_type_ == "ORG")
                   and not (fighters and o.ent_iob_ == "B" and not o.ent_kb_id_ and o.text.istitle()
                            and (o.i + 1 == len(o.doc) or o.doc[o.i + 1].ent_iob_ != "I")))
               for p in preps for o in p.children if o.dep_ == "pobj")


def _claim_for(span: Span, claims: list[Claim]) -> Claim | None:
    inside = [c for c in claims if c.says(span)]
    return min(inside, key=lambda c: c.content_span.end - c.content_span.start) if inside else None


# Nouns of a leader's death that are one only of a leader (events.toml LEADER_KILLED nouns;
# "assassination" is of someone of note whoever it is).
_DEATH_NOUNS = frozenset({"killing", "killings", "death", "deaths"})


def _described_as_leader(victim: Token) -> bool:
    """A victim the sentence calls the leader of a group: "its leader", "X, the group's
    founder", "two Hurras al-Din leaders", "X, who was the head of Y" (words in
    lexicons/events.toml [roles] leads). As for relations.described-leaders, one leader
    among several is a member, and killing one is an assault: "a senior ISWAP
    commander", "another leader", "one of its founders"."""
    lex = lexicon("events")
    leads, ranks = frozenset(lex["roles"]["leads"]), frozenset(lex["participants"]["rank_modifiers"])

    def leader_word(t: Token) -> bool:
        if t.lemma_.lower() not in leads or any(
                (c.dep_ == "det" and c.lower_ in ("a", "an", "another")) or (c.dep_ == "amod" and c.lower_ in ranks) for c in t.children):
            return False
        # a bare singular is a headline's "a" ("strike kills Hezbollah commander"); plural
        # or made definite, the group's leaders ("kills two Hurras al-Din leaders", "its emir")
        return t.tag_ in ("NNS", "NNPS") or any(c.dep_ in ("det", "poss") for c in t.children)

    described = [victim, *(c for c in victim.children if c.dep_ == "appos")]  # "X, a Jordanian who was …"
    return any(leader_word(d) for d in described) or any(
        c.dep_ == "relcl" and c.lemma_ == "be" and any(a.dep_ == "attr" and leader_word(a) for a in c.children)
        for d in described for c in d.children)


def _described_as_no_leader(victim: Token) -> bool:
    """A named victim the sentence describes as one of the people, no leader: "the killing of
    Patrick Braxton, a teacher", "the killing of journalist Daphne Galizia" (an apposition or
    a word before the name that is a nominals.toml person head and no [roles] leads word)."""
    people = frozenset(nominal_lexicon()["person"]["heads"])
    leads = frozenset(lexicon("events")["roles"]["leads"])
    return any(c.dep_ in ("appos", "compound") and c.pos_ == "NOUN" and (c.lower_ in people or c.lemma_.lower() in people)
               and c.lemma_.lower() not in leads for c in victim.children)


def _titled_leader(victim: Token) -> bool:
    """A victim named by one leader's title, whose killing or death is a leader's: "the
    militia chief's killing" (lexicons/events.toml [roles] leads; not "several commanders")."""
    return victim.tag_ == "NN" and victim.lemma_.lower() in frozenset(lexicon("events")["roles"]["leads"])


def _is_leader(index: ActorIndex, mention: Mention) -> bool:
    actor = index.actors[mention.actor]
    entry = index.kb.get(actor.kb_id)
    return bool(entry and any(r.get("role") in ("leader", "commander", "secretary-general") for r in entry.roles))


def _resolved(index: ActorIndex, tokens: list[Token], mentions: list[Mention]) -> list[Token]:
    """The tokens that stand for one of `mentions` (a misparsed dateline subject,
    "BAGHDAD — Iraqi forces …", stands for no party, and its phrase holds the real one)."""
    actors = {m.actor for m in mentions}
    return [t for t in tokens if (m := index.mention_for_token(t)) is not None and m.actor in actors]


def _with_party(noun: Token) -> bool:
    """Whether a talks noun names its other side with "with" ("talks with the ELN")."""
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
