"""Relations from stances and control, which are not events:

- a stance claim: "X welcomed the Government of Iraq's liberation of Tikrit" (X
  supports the government), "X condemned Y" (X opposes Y);
- a stance adjective: "I am appalled by this attack by Assad's regime";
- an epithet inside a statement: "the brutal regime", "ISIL's savagery" (the
  one who says it opposes them);
- a common cause: "A and B are committed to defeating X" (A and B are allies);
- control of a place: "the city controlled by Daesh", "claims full control of
  Aleppo", "Mosul was taken by ISIL" (relation `controls`).

Words live in data/lexicons/stances.toml.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from factions.actors.index import ActorIndex
from factions.events.arguments import _in_dateline, _subject_tokens, _with_conjuncts
from factions.events.implied import one_states_services
from factions.lexicons import lexicon
from factions.model import Claim, Mention, Relation, Span
from factions.nlp import asked_of, object_of, relative_noun, sentence_of, sentence_span, span_over, stray_to, tokens_where, unrealised

PARTY_KINDS = {"person", "armed_group", "organization", "government_body", "state", "media", "population"}
PLACE_KINDS = {"location", "state"}


def _words() -> dict:
    return lexicon("stances")


@lru_cache(maxsize=1)
def _stance_words() -> frozenset[str]:
    words = _words()
    return frozenset(words["adjectives"]) | frozenset(words["epithets"]) | frozenset(words["vice_nouns"]) | {"hands"}


_PLACE_PREPOSITIONS = (" in", " near", " across")


def _mentions_in(index: ActorIndex, span: Span, kinds: set[str]) -> list[Mention]:
    return sorted(
        (m for m in index.mentions_within(span.start, span.end) if m.actor and index.actors[m.actor].kind in kinds),
        key=lambda m: m.span.start,
    )


def _parties_in(index: ActorIndex, span: Span) -> list[Mention]:
    """Parties named in the span, less those named as a place ("attacks in Syria")."""
    text = index.document.text
    return [m for m in _mentions_in(index, span, PARTY_KINDS)
            if not text[max(0, m.span.start - 7) : m.span.start].lower().rstrip().endswith(_PLACE_PREPOSITIONS)]


def _relation(kind: str, source: Mention | tuple[str, Span], target: Mention, evidence: Span, modality: str = "asserted",
              claim: Claim | None = None, *, rule: str) -> Relation:
    src_actor, src_span = (source.actor, source.span) if isinstance(source, Mention) else source
    return Relation(type=kind, source=src_actor, target=target.actor, source_span=src_span, target_span=target.span,
                    evidence_span=evidence, modality=modality, claim=claim.id if claim else None, rule=rule)


def _claim_around(span: Span, claims: list[Claim]) -> Claim | None:
    for c in claims:
        if c.says(span):
            return c
    return None


def _sentence_subject(token: Token, index: ActorIndex) -> Mention | None:
    """The actor that is the subject of the token's main clause ("The UK is working
    ... to defend the Syrian people from Assad's inhumanity")."""
    root = sentence_of(token).root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            m = index.mention_of_kind(child, PARTY_KINDS)
            if m is not None:
                return m
    return None


def stance_relations(doc: Doc, index: ActorIndex, claims: list[Claim]) -> list[Relation]:
    words = _words()
    out: list[Relation] = []
    # Stance verbs, whether or not they made a claim of their own ("X said: I welcome
    # the news that …"): the holder towards the first party in what they name.
    by_cue = {c.cue_span.start: c for c in claims}
    for token in tokens_where(doc, lemmas=frozenset(words["verbs"])):
        kind = words["verbs"].get(token.lemma_.lower())
        if kind is None or token.pos_ != "VERB" or any(c.dep_ == "neg" for c in token.children):
            continue
        claim = by_cue.get(token.idx)
        if claim is not None:
            source = _named_speaker(claim, claims, index)
        else:
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            source = _holder(subject, index, claims) if subject is not None else None
            claim = _claim_around(Span(token.idx, token.idx + 1), claims)
        target = _stance_target(token, index, source[0]) if source is not None else None
        for party in _with_coordinated(target, doc, index, source[0]) if target is not None else ():
            out.append(_relation(kind, source, party, sentence_span(sentence_of(token)), claim=claim, rule="relations.stance-verb"))
    for token in tokens_where(doc, lowers=_stance_words(), lemmas=frozenset({"stand"})):
        word = token.lower_
        # "I am appalled by this attack by Assad's regime."
        if word in words["adjectives"] and token.pos_ in ("ADJ", "VERB"):
            holder = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if holder is None and token.dep_ == "acomp":  # "ISKP, which is hostile to the Taliban"
                holder = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
                holder = relative_noun(holder) or holder if holder is not None else None
            elif holder is None and token.dep_ in ("amod", "acl") and token.head.pos_ in ("NOUN", "PROPN"):
                holder = token.head  # "Ugandan rebels opposed to President Museveni"
            prep = next((c for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "at", "with", "to")), None)
            source = _holder(holder, index, claims) if holder is not None else None
            if source is None or prep is None:
                continue
            # "hostile to both A and B"; "grateful to the mission and to the agencies", each "to" its own party
            for one in (prep, *(c for c in prep.conjuncts if c.lower_ == prep.lower_)):
                target = _named_by(list(one.children), index, source[0])
                for party in _with_coordinated(target, doc, index, source[0]) if target is not None else ():
                    out.append(_relation(words["adjectives"][word], source, party, sentence_span(sentence_of(token)), rule="relations.stance-adjective"))
        # "The UK stands shoulder to shoulder with the government of Iraq".
        elif token.lemma_ == "stand" and token.pos_ == "VERB":
            out.extend(_standing_with(token, index, claims))
        # "the people of Mosul, who suffered at the hands of ISIL".
        elif word == "hands" and token.head.lower_ == "at":
            out.extend(_at_the_hands_of(token, index))
        # "the brutal regime", "ISIL's savagery": said by someone who opposes them.
        elif (word in words["epithets"] or word in words["vice_nouns"]) and not (token.ent_type_ and token.text[:1].isupper()) \
                and token.head.lower_ not in words["classifying_epithets"].get(word, ()):
            # (not a word of a name: "the International Criminal Court"; nor a kind of body: "a criminal group")
            target = _epithet_target(token, index, word in words["vice_nouns"])
            if target is None:
                continue
            claim = _claim_around(target.span, claims)
            subject = _sentence_subject(token, index)
            inside_subject = subject is not None and token.i in {t.i for t in _subject_phrase(token)}
            if subject is not None and not inside_subject and subject.actor != target.actor and not subject.span.overlaps(target.span):
                source = (subject.actor, subject.span)
            elif claim is not None and claim.speaker != target.actor:
                source = (claim.speaker, claim.speaker_span)
            else:
                continue
            out.append(_relation("opposes", source, target, sentence_span(sentence_of(token)), claim=claim, rule="relations.epithet"))
    out.extend(_hostile_labels(doc, index, claims))
    out.extend(_control(doc, index))
    out.extend(_common_cause(doc, index))
    out.extend(_told(doc, index, claims))
    out.extend(_messages(doc, index))
    out.extend(_orders(doc, index))
    out.extend(_on_orders(doc, index))
    return out


def _on_orders(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"the soldiers joined them on the orders of Colonel X", "was taken from his home by
    soldiers, on the orders of the former President", "Acting on orders from the President,
    the commandos …" (rule relations.on-orders-of): who gives the order commands whoever
    acts on it, the doer of the verb the phrase hangs on (its subject, or its agent in the
    passive; a participle opening the sentence, the main clause's subject). Not an order
    with no doer named ("Otti was killed on Kony's orders")."""
    words = _words()["on_orders"]
    out = []
    for noun in tokens_where(doc, lowers=frozenset(words["nouns"])):
        if noun.dep_ != "pobj" or noun.head.lower_ not in words["preps"]:
            continue
        if any(c.dep_ == "neg" for c in noun.head.children) or doc[noun.head.i - 1].lower_ == "not":
            continue  # "did so against the detention of the judge, not on the orders of any party"
        givers = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in words["giver_preps"]
                  for o in p.children if o.dep_ == "pobj"]
        givers += [c for c in noun.children if c.dep_ == "poss"]  # "on the President's orders"
        verb = noun.head.head
        if not givers or verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i < noun.i:
            verb = verb.head  # "Acting on orders from X, the commandos stormed …": the main clause's doers
        subjects, passive = _subject_tokens(verb)
        doers = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"] if passive else subjects
        evidence = sentence_span(sentence_of(noun))
        for giver in (m for g in givers for t in _with_conjuncts(g) for m in [_party(name_beside(t, index), index)] if m is not None):
            for doer in (m for d in doers for t in _with_conjuncts(d) for m in [_party(t, index)] if m is not None):
                if doer.actor != giver.actor and index.actors[doer.actor].kind != "location":
                    out.append(_relation("leads", giver, doer, evidence, rule="relations.on-orders-of"))
    return out


def _messages(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"sent letters to the Secretary General", "delivered a protest to the Foreign
    Ministry", "explained this to his counterpart" (rule relations.message-sent): a
    message sent or words addressed to a party make a contact with it, in a claim or
    not (lexicons/stances.toml [told] message_verbs, message_nouns, to_verbs)."""
    words = _words()["told"]
    senders, nouns, to_verbs = frozenset(words["message_verbs"]), frozenset(words["message_nouns"]), frozenset(words["to_verbs"])
    out = []
    for verb in tokens_where(doc, lemmas=senders | to_verbs):
        if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            continue
        lemma = verb.lemma_.lower()
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if lemma not in to_verbs and not any(o.lemma_.lower() in nouns for o in objects):
            continue  # "sent troops to the border": no message
        subjects, passive = _subject_tokens(verb)
        # "The Minister of Foreign Affairs, Mr X, has sent …": the name set beside the title
        subjects = [name_beside(t, index) for t in subjects]
        source = next((m for t in subjects for m in [_party(t, index)] if m is not None), None) if not passive else None
        if source is None:
            continue
        # "to" on the verb or on the message ("delivered a protest to X"), "to A and to B"
        preps = [p for h in (verb, *(o for o in objects if o.lemma_.lower() in nouns)) for p in h.children
                 if p.dep_ in ("prep", "dative") and p.lower_ == "to"]
        to = [o for p in preps for q in (p, *(c for c in p.conjuncts if c.lower_ == "to")) for o in q.children if o.dep_ == "pobj"]
        # "handed the ambassador a note": the receiver as a second object
        to += [c for c in verb.children if (c.dep_ == "dative" or (c.dep_ == "dobj" and c.lemma_.lower() not in nouns and len(objects) > 1))
               and c.pos_ in ("NOUN", "PROPN")]
        evidence = sentence_span(sentence_of(verb))
        for target in (m for t in to for o in (t, *t.conjuncts) for m in [_party(o, index)] if m is not None):
            if target.actor != source.actor and index.actors[target.actor].kind not in ("location", "media") \
                    and not _people(target, doc, index):
                # (condolences sent "to the families of the victims" reach people, no party)
                out.append(_relation("communicates_with", source, target, evidence, rule="relations.message-sent"))
    return out


def _orders(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"the President ordered the armed forces to retake Bukavu", "instructed the police to
    protect the embassy" (rule relations.ordered-forces): whoever orders forces, or a
    state's own bodies, to act commands them (lexicons/stances.toml [ordered]). The
    order must name what it asks (an infinitive after the forces), and the ones ordered
    must be forces or such bodies: a court ordering a government to pay, or officials
    telling residents to stay indoors, command no one."""
    words = _words()["ordered"]
    heads = frozenset(words["force_heads"]) | frozenset(lexicon("relations")["troop_contributors"]["force_nouns"])
    out = []
    for verb in tokens_where(doc, lemmas=frozenset(words["verbs"])):
        if verb.pos_ != "VERB" or verb.tag_ == "VB" or any(c.dep_ == "neg" for c in verb.children):
            continue  # (an order asked for or to come: "asked that the Powers order the troops to leave")
        ordered = [c for c in verb.children if c.dep_ == "dobj"]
        if not ordered or not any(c.i > ordered[0].i and asked_of(c) for c in verb.children if c.dep_ in ("xcomp", "advcl")):
            continue  # "ordered an inquiry", "directed fire at the post": no one told to act
        subjects, passive = _subject_tokens(verb)
        subjects = [name_beside(t, index, titled=False) for t in subjects]  # "The squadron commander, Major X, ordered …"
        source = next((m for t in subjects for m in [_party(t, index)] if m is not None), None) if not passive else None
        if source is None or index.actors[source.actor].kind in ("media", "population") and not person_by_role(source, doc, index) \
                or set(source.text.lower().split()) & set(words["not_commanders"]):
            continue
        evidence = sentence_span(sentence_of(verb))
        for noun in (o for t in ordered for o in (t, *t.conjuncts)):
            target = _party(noun, index)
            if target is None or target.actor == source.actor:
                continue
            # forces, and a state's own bodies ordered by those who run it: "has instructed the
            # Ministry to send a delegation", "ordered the security service to disarm them"
            body = (index.actors[target.actor].kind == "government_body" or noun.lemma_.lower() in words["body_heads"]) \
                and (index.actors[source.actor].kind in ("person", "state", "government_body") or person_by_role(source, doc, index))
            if index.actors[target.actor].kind == "armed_group" or noun.lemma_.lower() in heads or body:
                out.append(_relation("leads", source, target, evidence, rule="relations.ordered-forces"))
    return out


def name_beside(tok: Token, index: ActorIndex, titled: bool = True) -> Token:
    """The person's name set beside a title by apposition ("The squadron commander, Major
    X, ordered …": X), else the token: relations are told of the name, as re3d marks them.
    With `titled` false, a title "of" a body stays itself ("the President of the Republic,
    X, ordered the army": the blind sets relate the title, which says what it heads)."""
    own = index.mention_for_token(tok)
    if own is not None and own.basis not in ("nominal", "pronoun"):
        return tok
    if not titled and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return tok
    for appos in (c for c in tok.children if c.dep_ == "appos" and c.i > tok.i):
        named = index.mention_for_token(appos)
        if named is not None and named.actor and named.basis not in ("nominal", "pronoun") \
                and index.actors[named.actor].kind == "person":
            return appos
    return tok


def person_by_role(m: Mention, doc: Doc, index: ActorIndex) -> bool:
    """Whether a mention the index calls people names one person by title or role ("The
    President", "the general", "a former rebel commander"), who can give orders and lead."""
    if index.actors[m.actor].kind != "population":
        return False
    span = span_over(doc, m.span.start, m.span.end)
    return span is not None and span.root.tag_ in ("NN", "NNP")


# Object pronouns that stand for a party named before ("met the envoys to brief them"),
# unlike "me" and "us", the writer's side.
_THIRD_PERSON_OBJECTS = frozenset({"him", "her", "them"})


def _told(doc: Doc, index: ActorIndex, claims: list[Claim]) -> list[Relation]:
    """"Bathily told the Security Council that …", "the minister briefed Kurdish leaders":
    a statement made to a party is a contact with it (rule relations.told). Told to an
    outlet ("told AFP": it carried the claim, on the via chain too) or to people ("told
    reporters", "asked residents to stay"), it only `addresses` them: no contact, no state."""
    verbs = frozenset(_words()["told"]["verbs"])
    out = []
    for claim in claims:
        cue = span_over(doc, claim.cue_span.start, claim.cue_span.end)
        verb = next((t for t in cue if t.lemma_.lower() in verbs), None) if cue is not None else None
        if verb is None or claim.speaker is None:
            continue
        if any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children) for c in verb.children):
            continue  # "asked the spokesman whether NATO would intervene": a question put, no statement made
        source = _named_speaker(claim, claims, index)  # "we told them": the issuer, as the outer claim names it
        told = next((m for c in verb.children if c.dep_ in ("dobj", "dative") and (m := _party(c, index)) is not None), None)
        if told is None or told.actor == source[0] or told.basis == "pronoun" and told.text.lower() not in _THIRD_PERSON_OBJECTS:
            continue  # "told me", "told us": the writer or the outlet, no party named ("told them": the ones named before)
        for party in _with_coordinated(told, doc, index, source[0]):  # "told A and B"
            # (people in the plural: "told reporters"; one described is met: "told his Turkish counterpart")
            kind = "addresses" if index.actors[party.actor].kind == "media" or _people(party, doc, index) else "communicates_with"
            out.append(_relation(kind, source, party, sentence_span(sentence_of(verb)), claim=claim, rule="relations.told"))
    return out


def _people(m: Mention, doc: Doc, index: ActorIndex) -> bool:
    """Whether a listener is people in the plural ("reporters", "the families of the
    victims") or an audience ("the nation", "the public": events.toml participants
    audiences): addressed or reached, no party met."""
    listener = span_over(doc, m.span.start, m.span.end)
    if listener is not None and listener.root.lower_ in lexicon("events")["participants"]["audiences"]:
        return True
    if m.basis == "pronoun":  # "told them", standing for people named before ("diplomats")
        return index.actors[m.actor].kind == "population" and m.text.lower() == "them"
    return index.actors[m.actor].kind == "population" and listener is not None and listener.root.tag_ in ("NNS", "NNPS")


def _common_cause(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"The UK, the Coalition and the Government of Iraq are committed to defeating
    these terrorists": parties that fight a common enemy together are allies."""
    fight_words = frozenset(_words()["common_cause"])
    out = []
    if not tokens_where(doc, lemmas=fight_words):
        return out
    for token in tokens_where(doc, deps=frozenset({"nsubj", "nsubjpass"})):
        members = [token, *token.conjuncts]
        # "A, B and C" is often parsed as A with the apposition "B and C".
        members += [t for c in token.children if c.dep_ == "appos" and c.conjuncts for t in (c, *c.conjuncts)]
        if len(members) < 2:
            continue
        predicate = token.head
        if not any(t.lemma_.lower() in fight_words for t in predicate.subtree if t.i > predicate.i):
            continue
        parties = []
        for t in members:
            m = index.mention_for_token(t)
            own_body = m is not None and m.text.lower().split()[0] in ("his", "her", "its", "their")  # "X and his government"
            if m is not None and m.actor and not own_body and index.actors[m.actor].kind in PARTY_KINDS - {"population"} and m.actor not in {p.actor for p in parties}:
                parties.append(m)
        evidence = sentence_span(sentence_of(token))
        for i, a in enumerate(parties):
            for b in parties[i + 1 :]:
                out.append(_relation("allied_with", a, b, evidence, rule="relations.common-cause"))
    return out


def _subject_phrase(token: Token) -> list[Token]:
    """The words of the token's sentence subject ("Assad's brutal regime can never
    unite Syria": an epithet inside the subject is not said by the subject)."""
    root = sentence_of(token).root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return list(subject.subtree) if subject is not None else []


def _with_coordinated(target: Mention, doc: Doc, index: ActorIndex, holder: str) -> list[Mention]:
    """The party a stance is about and the parties coordinated with it ("the Declaration
    signed by the Government of the DRC and the AFC/M23": both)."""
    out = [target]
    span = span_over(doc, target.span.start, target.span.end)
    for t in span.root.conjuncts if span is not None else ():
        m = _party(t, index)
        if m is not None and m.actor != holder and all(m.actor != o.actor for o in out):
            out.append(m)
    return out


def _stance_target(verb: Token, index: ActorIndex, holder: str) -> Mention | None:
    """Whom a stance is about: the party its object names, or whose it is ("welcomed
    the Government of Iraq's liberation of Tikrit", "the decision of X", "the news
    that X has …"), not any party named deeper in it."""
    return _named_by([c for c in verb.children if c.dep_ in ("dobj", "ccomp")], index, holder)


@lru_cache(maxsize=1)
def _acts_done_to() -> frozenset[str]:
    return frozenset(lexicon("stances")["acts_done_to"])


def _named_by(heads: list[Token], index: ActorIndex, holder: str) -> Mention | None:
    """The party a phrase is about: its head, its owner, its "of"/"by" phrase or its
    clause's subject; for an act ("the murder of hundreds"), who did it, not to whom."""
    for head in heads:
        candidates = [head]
        candidates += [c for c in head.children if c.dep_ in ("poss", "compound")]
        # the doer before the done-to: "the detention of UN personnel by the Houthis"; never
        # the done-to ("condemned the murder of two soldiers": stances.toml acts_done_to)
        doers = ("by",) if head.lemma_.lower() in _acts_done_to() or head.lower_ in _acts_done_to() else ("by", "of")
        candidates += [p for word in doers for c in head.children if c.dep_ == "prep" and c.lower_ == word
                       for p in c.children if p.dep_ == "pobj"]
        for clause in (c for c in (head, *head.children) if c.pos_ in ("VERB", "AUX") and c.dep_ in ("ccomp", "acl", "relcl", "dobj")):
            candidates += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            # "welcome the Declaration signed in Doha by A and B": the signatories (a participle
            # only: "the steps that have been taken by X", a relative clause, re3d leaves unmarked)
            if clause.dep_ == "acl":
                candidates += [p for c in clause.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        for t in candidates:
            # "this attack by Assad's regime": an act's doer, one level down
            if t is not head and _party(t, index) is None and t.dep_ == "pobj":
                candidates += [p for c in t.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
                candidates += [c for c in t.children if c.dep_ == "poss"]
                continue
            for u in (t, *t.conjuncts):
                m = _party(u, index)
                if m is not None and m.actor != holder and m in _parties_in(index, m.span):
                    return m
    return None


def _named_speaker(claim: Claim, claims: list[Claim], index: ActorIndex) -> tuple[str, Span]:
    """"X said: I welcome …": the stance is X's, named as the outer claim names them."""
    said = index.document.text[claim.speaker_span.start : claim.speaker_span.end].lower()
    if said in ("i", "we"):
        outer = _claim_around(claim.speaker_span, [c for c in claims if c is not claim and c.speaker == claim.speaker])
        if outer is not None:
            return outer.speaker, outer.speaker_span
    return claim.speaker, claim.speaker_span


def _party(token: Token | None, index: ActorIndex) -> Mention | None:
    return index.mention_of_kind(token, PARTY_KINDS)


def _standing_with(verb: Token, index: ActorIndex, claims: list[Claim]) -> list[Relation]:
    clause = verb
    while clause.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in clause.children):
        clause = clause.head  # "The UK continues to stand with ..."
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    source = _holder(subject, index, claims) if subject is not None else None
    if source is None:
        return []
    out = []
    for prep in verb.subtree:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "by", "behind") and _in_verb_phrase(prep, verb):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for t in (pobj, *pobj.conjuncts):
                    m = _party(t, index)
                    if m is not None and m.actor != source[0]:
                        out.append(_relation("supports", source, m, sentence_span(sentence_of(verb)), rule="relations.standing-with"))
    return out


def _in_verb_phrase(token: Token, verb: Token) -> bool:
    """Attached to the verb's own clause ("stand shoulder to shoulder with", however
    the parse hangs it), not to a clause with a subject of its own."""
    t = token
    while t.head.i != verb.i:
        if t.head.i == t.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.head.children):
            return False
        t = t.head
    return True


def _at_the_hands_of(hands: Token, index: ActorIndex) -> list[Relation]:
    """X harmed whoever suffered "at the hands of X": X opposes them."""
    doer = _party(object_of(hands), index)
    verb = hands.head.head  # at → suffered / plight / killed
    victim = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if victim is None and verb.pos_ == "NOUN":
        victim = next((c for c in verb.children if c.dep_ in ("poss", "compound", "amod")), None)
    if verb.dep_ == "relcl" and (victim is None or victim.tag_ in ("WP", "WDT")):
        victim = verb.head  # "citizens ..., who have suffered at the hands of"
    target = _party(victim, index)
    if target is None and verb.dep_ == "relcl":
        # The parser hangs the clause on the wrong noun ("the rights of citizens in
        # Tikrit who suffered"): the nearest party named before it.
        before = [t for t in verb.doc[max(verb.left_edge.i - 6, sentence_of(verb).start) : verb.left_edge.i]]
        target = next((m for t in reversed(before) if (m := _party(t, index)) is not None), None)
    if doer is None or target is None or doer.actor == target.actor:
        return []
    return [_relation("opposes", doer, target, sentence_span(sentence_of(hands)), rule="relations.at-the-hands-of")]


def _hostile_labels(doc: Doc, index: ActorIndex, claims: list[Claim]) -> list[Relation]:
    """"ISKP regards the Taliban and the TTP as apostates", "Turkey considers the SDF a
    terrorist organisation", "has called the M23 terrorists", "regarded the Dbeibah
    family with suspicion" (rule relations.hostile-label, stances.toml [labels]): the
    one who holds the label opposes the party it is given to."""
    words = _words()["labels"]
    hostile = frozenset(words["hostile"])
    out = []
    for verb in tokens_where(doc, lemmas=frozenset(words["verbs"])):
        if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        # the label: "as X", a second object ("a terrorist organisation"), "with suspicion"
        labels = [p for c in (*verb.children, *(g for o in objects for g in o.children)) if c.dep_ == "prep" and c.lower_ in ("as", "with")
                  for p in c.children if p.dep_ == "pobj"]
        labels += [c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp") and c.pos_ in ("NOUN", "PROPN", "ADJ")]
        labels += [o for o in objects if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in o.children)]  # "the M23 terrorists"
        if not any(t.lemma_.lower() in hostile or t.lower_ in hostile or any(c.lower_ in hostile for c in t.children if c.dep_ in ("amod", "compound"))
                   for t in labels):
            continue
        passive = any(c.dep_ == "nsubjpass" for c in verb.children)
        # "is listed as a terrorist organisation by Turkey, the US and the EU": the parse may
        # hang the agent's "by" on the label; each of its conjuncts holds the label
        holder_toks = [t for h in (verb, *labels) for c in h.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                       for p in c.children if p.dep_ == "pobj" for t in (p, *p.conjuncts)] if passive \
            else [c for c in verb.children if c.dep_ == "nsubj"][:1]
        for holder_tok in holder_toks:
            out.extend(_labelled_by(holder_tok, objects, verb, hostile, index, claims))
    return out


def _labelled_by(holder_tok: Token, objects: list[Token], verb: Token, hostile: frozenset[str], index: ActorIndex,
                 claims: list[Claim]) -> list[Relation]:
    """The `opposes` relations from the one who gives a hostile label to those given it."""
    holder_tok = relative_noun(holder_tok) or holder_tok
    if holder_tok.dep_ == "appos" and _party(holder_tok.head, index) is not None:
        holder_tok = holder_tok.head  # "the Islamic State Khorasan Province (ISKP), which regards …": the name
    if holder_tok.dep_ == "attr":  # "Kara is a Salafist who has long regarded …": Kara
        holder_tok = next((c for c in holder_tok.head.children if c.dep_ == "nsubj"), holder_tok)
    # "Rada's leader, Abdul Raouf Kara, has long regarded …": the name beside the title
    holder_tok = next((c for c in holder_tok.children if c.dep_ == "appos" and _party(c, index) is not None), holder_tok)
    source = _holder(holder_tok, index, claims)
    if source is None:
        return []
    targets: list[Mention] = []
    for o in objects:
        if o.tag_ in ("WDT", "WP"):  # "the PKK, which Turkey lists as a terrorist organisation"
            o = relative_noun(o) or o
        for t in (o, *o.conjuncts):
            # "the M23 terrorists": the group named in the label's phrase is given it
            named = [n for n in index.mentions_within(t.left_edge.idx, t.idx) if n.actor and n.basis not in ("nominal", "pronoun")
                     and index.actors[n.actor].kind in PARTY_KINDS] if t.lower_ in hostile else []
            m = named[-1] if named else _party(t, index)
            if m is not None and m.actor != source[0] and all(m.actor != x.actor for x in targets):
                targets.append(m)
    claim = _claim_around(Span(verb.idx, verb.idx + 1), claims)
    return [_relation("opposes", source, m, sentence_span(sentence_of(verb)), claim=claim, rule="relations.hostile-label") for m in targets]


def _holder(token: Token, index: ActorIndex, claims: list[Claim]) -> tuple[str, Span] | None:
    if token.lower_ in ("i", "we"):  # "X said: I am appalled": X, as the claim names them
        claim = _claim_around(Span(token.idx, token.idx + len(token.text)), claims)
        if claim is not None:
            return claim.speaker, claim.speaker_span
    m = index.mention_for_token(token)
    return (m.actor, m.span) if m is not None and m.actor else None


def _epithet_target(token: Token, index: ActorIndex, vice: bool) -> Mention | None:
    if vice:  # "Assad's inhumanity", "the savagery of ISIL": the possessor
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None:
            owner = object_of(token)
            named = [c for c in owner.children if c.dep_ == "appos"] if owner is not None else []
            owner = next((c for c in named if index.mention_for_token(c) is not None), owner)  # "of the organisation ISIL"
        m = index.mention_for_token(owner) if owner is not None else None
    else:  # "the brutal regime", "the vile organisation ISIL" (the parse may make "vile" a compound)
        head = token.head if token.dep_ in ("amod", "compound") else None
        if head is None:
            return None
        # A name beside the description first: "the vile organisation ISIL".
        named = [index.mention_for_token(c) for c in head.children if c.dep_ in ("appos", "poss")]
        m = next((n for n in named if n is not None and n.basis != "nominal"), None) or index.mention_for_token(head)
    if m is None or not m.actor or index.actors[m.actor].kind not in PARTY_KINDS - {"population"}:
        return None
    return m


def _held_place(place: Token, index: ActorIndex, words: dict) -> Mention | None:
    """The place actor a held object names: "most of Idlib province" is Idlib province,
    "the town of Kidal" is Kidal; None when it names no place."""
    if place.lower_ in words["portions"]:  # "governs most of Idlib province"
        place = object_of(place) or place
    p = index.mention_for_token(place) or _place_inside(index, place)
    if p is None or p.basis == "nominal":  # "the town of Kidal", "the tin-mining town of Walikale": Kidal, Walikale
        inner = object_of(place)
        named = index.mention_for_token(inner) if inner is not None else None
        p = named if named is not None and named.actor and index.actors[named.actor].kind in PLACE_KINDS else p
    if p is None or not p.actor or index.actors[p.actor].kind not in PLACE_KINDS:
        return None
    return p


def _armed(token: Token | None, index: ActorIndex, words: dict) -> bool:
    """Whether a party is a state, a state's body or an armed one, or named as a force
    ("Government troops", "the army", "rebels")."""
    if token is None:
        return False
    party = _party(token, index)
    if party is not None and index.actors[party.actor].kind in words["giving_to_armed_kinds"]:
        return True
    return token.lemma_.lower() in words["giving_to_force_nouns"] or token.lemma_.lower() in lexicon("relations")["troop_contributors"]["force_nouns"]


def _lost_for_certain(verb: Token, words: dict) -> bool:
    """Whether a verb of losing a place is told as done: finite, asserted, neither asked nor
    supposed ("lost Kidal to the rebels"; not "will not yield its land to terrorists",
    "refused to cede", "risks losing", "without losing", "if the army loses", "denied
    losing", "did the army lose …?")."""
    if unrealised(verb) or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or verb.dep_ in ("xcomp", "pcomp", "csubj"):
        return False
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") or (c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"))
           for c in verb.children):
        return False
    if verb.head.lemma_.lower() in words["giving_to_denied_by"]:
        return False
    return not verb.sent.text.rstrip().endswith("?")


def _held_captive(verb: Token) -> bool:
    """Whether a verb of holding or taking has a captive's mark after it (relations.toml
    captives marks): "held whole towns hostage", "was taken prisoner by a crowd" (its object's
    too: the parser may hang the mark inside it); then no place is held."""
    marks = lexicon("relations")["captives"]["marks"]
    return any(t.lower_ in marks for c in verb.children if c.i > verb.i and c.dep_ not in ("conj", "nsubj", "nsubjpass", "prep", "agent")
               for t in (c, *(c.children if c.dep_ == "dobj" else ())) if t.dep_ != "pobj")


def _control(doc: Doc, index: ActorIndex) -> list[Relation]:
    """"controlled by X", "control of Y", "Y was taken by X", "the fall of Y to X"."""
    words = _words()["control"]
    out = []
    taken_to, given_to = frozenset(words["verbs_taking_to"]), frozenset(words["verbs_giving_to"])
    lemmas = frozenset(words["verbs"]) | frozenset(words["nouns"]) | taken_to | given_to
    for token in tokens_where(doc, lemmas=lemmas, lowers=frozenset({"hands"})):
        lemma = token.lemma_.lower()
        holder = place = None
        more: list[Token] = []  # "seized the governor's office, the K1 military base and …": a list the parser split
        in_command = lemma in ("command", "charge") and token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "in"
        if lemma in taken_to and token.pos_ == "VERB":
            # "Mosul fell to ISIL": the subject is the place, the "to" its new holder
            if unrealised(token) or any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in token.children):
                continue  # "fell back to Riga": a retreat
            holder = object_of(token, "to")
            place = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if place is not None:
                place = relative_noun(place) or place  # "the town, which fell to the rebels"
        elif lemma in given_to and token.pos_ == "VERB":
            # "lost Mosul to ISIL", "lost control of the district to gangs", "Mosul was lost to
            # ISIL": the object (a passive's subject) is the place, the "to" its new holder
            if not _lost_for_certain(token, words):
                continue
            holder = object_of(token, "to")
            # the one who lost it: the subject, or the agent of a passive ("Mosul was lost to ISIL
            # by the army"), whose subject is the place
            passive = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            if passive is not None:
                agent = next((c for c in token.children if c.dep_ == "agent"), None)
                loser = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
            else:
                loser = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if not any(_armed(side, index, words) for side in (loser, holder)):
                continue  # "the ANC lost Cape Town to the Democratic Alliance": an election
            place = passive if passive is not None else next((c for c in token.children if c.dep_ == "dobj"), None)
            if passive is not None:
                place = relative_noun(place) or place  # "the town, which was handed over to the army"
            if place is not None and place.lemma_.lower() in words["nouns"]:
                place = object_of(place) or (object_of(place, "over") if place.lemma_.lower() in words["nouns_over"] else None)
        elif lemma in words["verbs"] and token.pos_ == "VERB":
            if unrealised(token):
                continue  # "operations to free the city of Mosul": aimed at, not held
            if _held_captive(token):
                continue  # "held whole towns hostage": a figure of speech; "was taken prisoner by a crowd": a captive
            particle = words["verbs_with_particle"].get(lemma)
            if particle is not None and not any(c.dep_ == "prt" and c.lower_ == particle for c in token.children):
                continue  # "set fire to the depot": no place set up
            # who holds it: the agent of a passive, or what the place belongs to ("camps
            # belonging to the ADF", "the hideouts belonged to the BLF")
            if lemma == "belong":
                agent = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            else:
                agent = next((c for c in token.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None and lemma == "belong" and token.dep_ not in ("acl", "relcl"):
                holder, place = pobj, next((c for c in token.children if c.dep_ == "nsubj"), None)
            elif pobj is not None:  # passive: "taken by ISIL", "the city controlled by Daesh"
                holder = pobj
                place = token.head if token.dep_ in ("acl", "relcl") else next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            elif not any(c.dep_ == "auxpass" for c in token.children):  # "ISIL seized Mosul"
                holder = next((c for c in token.children if c.dep_ == "nsubj"), None)
                if holder is not None and _in_dateline(holder):  # "CASAS, Mexico (Reuters) - Rebels … seized"
                    holder = next(iter(_subject_tokens(token)[0]), None)
                if holder is not None:  # "the LAAF, which controls al-Jufra": the noun the clause describes
                    holder = relative_noun(holder) or holder
                if holder is None and token.dep_ in ("xcomp", "conj", "advcl"):  # "went on to capture Lashio"
                    subjects, passive = _subject_tokens(token)
                    holder = subjects[0] if subjects and not passive else None
                objects = [c for c in token.children if c.dep_ == "dobj"]
                if any(o.lemma_.lower() in words["name_nouns"] for o in objects):
                    continue  # "who used the name Sankara", "took the title of emir": a name, no place
                place, more = (objects[0], objects[1:]) if objects else (None, [])
                named = (object_of(place) or place) if place is not None and place.lower_ in words["portions"] else place
                if lemma == "hold" and any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children):
                    continue  # "will hold them to it", "held the leaders to account": a judgement
                described = lemma in words["described_place_objects"]  # "government forces hold the cities"
                if lemma in words["passive_only"] and named is not None and named.ent_type_ not in ("GPE", "LOC", "FAC") \
                        and not (described and _held_place(place, index, words) is not None):
                    place = None  # "held talks", "took part"; but "the army holds El-Fasher", "held most of Mogadishu"
                if lemma in words["passive_only"]:
                    more = [o for o in more if o.ent_type_ in ("GPE", "LOC", "FAC") or (described and _held_place(o, index, words) is not None)]
        elif token.lower_ == "hands" and token.dep_ == "pobj" and token.head.lower_ in ("in", "into") and token.head.head.pos_ in ("VERB", "AUX"):
            # "the airfield and the bridges are in our hands", "the town is in the hands of the rebels"
            holder = next((c for c in token.children if c.dep_ == "poss"), None) or object_of(token, "of")
            place = next((c for c in token.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        elif lemma in words["nouns"] and token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "under":
            # "areas under the control of the army", "the territory has been brought under
            # the control of the Government": the "of" holds what the phrase describes
            holder, governing = object_of(token), token.head.head
            if governing.pos_ in ("NOUN", "PROPN"):
                place = governing
            elif governing.pos_ in ("VERB", "AUX"):
                place = next((c for c in governing.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        elif in_command:
            # "Colonel X is in command of the garrison", "put General Y in charge of the army":
            # who is in command of a body leads it (not a minister's portfolio: "the Minister
            # Delegate in charge of Defence", a title with no verb)
            place, governing = object_of(token), token.head.head
            if governing.pos_ in ("VERB", "AUX"):
                holder = next((c for c in governing.children if c.dep_ == "dobj"), None) \
                    or next((c for c in governing.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        elif lemma in words["nouns"] and token.pos_ == "NOUN":
            place = object_of(token) or (object_of(token, "over") if lemma in words["nouns_over"] else None)
            to = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "by")), None)
            if to is None:
                to = stray_to(token)  # "after the fall of Mosul to ISIL", "to" hung on the verb
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if to is not None:  # "the fall of Mosul to ISIL"
                holder = next((c for c in to.children if c.dep_ == "pobj"), None)
                if place is None and holder is not None:  # "the re-taking by Iraqi forces of Tikrit": "of" hung on the forces
                    place = object_of(holder)
            elif owner is not None:  # "the SDF's capture of the town"
                holder = owner
                if place is None and token.dep_ == "dobj" and token.head.lemma_ in words["holding_verbs"]:
                    place = _stray_object(token, words)  # "extended their control over the capital"
            elif token.dep_ == "dobj" and token.head.lemma_ in words["holding_verbs"]:  # "X claims control of Aleppo"
                holder = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
                if holder is not None:  # "Riah Phiyega, who took charge of the police": the noun the clause describes
                    holder = relative_noun(holder) or holder
                if place is None:
                    place = _stray_object(token, words)  # "took control of X": the "of" hung on the verb
        if holder is None or place is None:
            continue
        if lemma in ("control", "command", "charge") and token.pos_ == "NOUN":
            # "Nkurunziza took control of the CNDD-FDD": a person in control of a body leads it
            # (not one who captured it: "Massoud's capture of the Soviet garrison"); one in command
            # or in charge of a state's body heads it too ("took charge of the police")
            leader, body = _party(holder, index), _party(place, index)
            bodies = ("armed_group", "organization") if lemma == "control" else ("armed_group", "organization", "government_body")
            one = ("person",)
            if in_command:
                # "left his lieutenant, X, in charge of his men": the name beside the title, or the
                # title alone ("his deputy"); people too
                named = next((c for c in holder.children if c.dep_ == "appos" and _party(c, index) is not None), None)
                leader = _party(named, index) if named is not None else leader
                bodies += ("population",)
                one += ("population",) if holder.tag_ in ("NN", "NNP") else ()
            if leader is not None and body is not None and index.actors[leader.actor].kind in one \
                    and index.actors[body.actor].kind in bodies and body.actor != leader.actor:
                out.append(_relation("leads", leader, body, sentence_span(sentence_of(token)), rule="relations.control-of-body"))
                continue
            if in_command:
                continue  # "in charge of the investigation": no body led, and no place held
        if place.dep_ == "attr":  # "Mosul is the largest city controlled by Daesh"
            place = next((c for c in place.head.children if c.dep_ == "nsubj"), place)
        # "controlled Mogadishu and much of southern Somalia", "captured Aleppo and then Damascus"
        places = [m for one in (place, *place.conjuncts, *(c for o in more for c in (o, *o.conjuncts)))
                  if (m := _held_place(one, index, words)) is not None]
        # "the capital, Sanaa"; "much of Somalia, including the towns of Jilib and Jamaame": those too
        named = [c for c in place.children if c.dep_ == "appos"]
        named += [o for h in (place, token) for c in h.children if c.dep_ == "prep" and c.lower_ == "including"
                  for p in c.children if p.dep_ == "pobj" for o in (p, *p.conjuncts)]
        named += [c for one in named if (inner := object_of(one)) is not None for c in inner.conjuncts]  # "the towns of A and B"
        for one in named:
            m = _held_place(one, index, words)
            if m is not None and all(m.actor != q.actor for q in places):
                places.append(m)
        if not places:
            continue
        evidence = sentence_span(sentence_of(token))
        # "the junta and Russia's Africa Corps recaptured Kidal from Tuareg rebels"
        froms = [c for t in (token, place) if token.pos_ == "VERB" for c in t.children if c.dep_ == "prep" and c.lower_ == "from"]
        losers = [m for c in froms for o in c.children if o.dep_ == "pobj" for t in (o, *o.conjuncts)
                  if (m := _party(t, index)) is not None and index.actors[m.actor].kind not in PLACE_KINDS]
        first = holder
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        # "between the police and protesters who had occupied the station": sides named by
        # "between" are opposed, and only the one the clause hangs on holds the place
        sides = first.dep_ == "pobj" and first.head.lower_ == "between"
        if sides:  # (the side nearest before the clause: the parser hangs "who" on the first)
            holder = max((t for t in (holder, *holder.conjuncts) if t.i < token.i), key=lambda t: t.i, default=holder)
        holders = [h for one in ((holder,) if sides else (holder, *holder.conjuncts))
                   if (h := _holding_party(one, index)) is not None and all(h.actor != q.actor for q in places)]
        one_state = one_states_services(holders, token.doc)  # "soldiers and police retook the town": no alliance
        for i, h in enumerate(holders):
            out.extend(_relation("controls", h, q, evidence, rule="relations.control") for q in places)
            out.extend(_relation("fights", h, loser, evidence, rule="relations.control") for loser in losers if loser.actor != h.actor)
            out.extend(_relation("allied_with", h, other, evidence, rule="relations.control") for other in holders[i + 1 :]
                       if other.actor != h.actor and frozenset((h.actor, other.actor)) not in one_state)
    return out


def _stray_object(noun: Token, words: dict) -> Token | None:
    """The place of a control noun whose "of" (or "over") the parser hung on the verb
    after it: "took control of X", "extended their control over the capital"."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is None or not (after.lower_ == "of" or (after.lower_ == "over" and noun.lemma_ in words["nouns_over"])):
        return None
    return object_of(noun.head, after.lower_)


def _holding_party(token: Token, index: ActorIndex) -> Mention | None:
    """The party a holder stands for: itself, the group its description names ("ISIL
    fighters"), or the group it is "of" or "from" ("Fighters from ISWAP")."""
    noun = relative_noun(token)
    if noun is not None:  # "The Houthis, who control Sanaa": the noun the clause describes
        token = noun
    named = index.mention_for_token(token.head) if token.dep_ == "appos" else None
    if named is not None and named.actor and named.basis not in ("nominal", "pronoun"):
        token = token.head  # "JNIM, an armed group that controls …": the group named beside the description
    h = index.mention_for_token(token)
    if h is not None and h.basis == "nominal":
        # The name nearest the head, not a sponsor before a hyphen: "Rwanda-backed M23 rebels" are M23's.
        text = index.document.text
        inner = [m for m in _mentions_in(index, h.span, PARTY_KINDS - {"population"}) if text[m.span.end : m.span.end + 1] not in "-‐‑"]
        h = inner[-1] if inner else h
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
            named = next((m for o in prep.children if o.dep_ == "pobj" and (m := _party(o, index)) is not None), None)
            if named is not None and index.actors[named.actor].kind != "population":
                h = named
    if h is None or not h.actor or index.actors[h.actor].kind not in PARTY_KINDS:
        return None
    return h


def _place_inside(index: ActorIndex, token: Token) -> Mention | None:
    """"Mosul city": the named place in the phrase up to its head ("the city of
    Mosul" is found by the parse's own "of")."""
    span = Span(token.left_edge.idx, token.idx + len(token.text))
    found = _mentions_in(index, span, PLACE_KINDS)
    return found[0] if found else None
