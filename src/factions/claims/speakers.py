"""Who speaks: the cue's subject (through a passive's agent, a coordinated or
participial cue, a relative clause or an aside), resolved to an actor as a name, a
pronoun's antecedent, a statement's author ("the group's statement said"), the name
in apposition to a title, a statement's own voice ("We condemn", its issuer) or a
description made an actor ("intelligence sources"). "according to X" makes X the
speaker of the rest of the sentence; "citing X" moves the claim to X."""

from __future__ import annotations

from spacy.tokens import Token

from factions.actors.index import GROUP_KINDS, ActorIndex
from factions.claims.content import _tokens_span
from factions.claims.cues import _aside, _cue_words, _quoted_as_saying, _speech
from factions.model import Span
from factions.nlp import object_of, relative_noun
from factions.nlp.pipeline import sentence_of


def _subject(verb: Token) -> Token | None:
    if _quoted_as_saying(verb):
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if verb.lemma_ in _speech()["recipient_cues"] and any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "residents had been informed (by text message)": what they heard is no one's claim here
    if verb.lemma_ in _speech()["passive_topic_cues"] and any(c.dep_ == "auxpass" for c in verb.children):
        # "Members of X are reported to have …": X is what is reported of, not who reports.
        return _agent(verb)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:  # "Strikes killed 30 people, the agency said", parsed with two subjects
        return subjects[-1]
    # "it was reported by Reuters": the agent speaks, not the expletive "it".
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "nsubjpass":
            if verb.lemma_ == "quote":
                continue  # "the report was quoted": what is quoted does not speak ("quoted as saying" is above)
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        if verb.head.dep_ in ("ccomp", "xcomp") and verb.head.head.pos_ in ("VERB", "AUX") and verb.head.head.lemma_.lower() in _cue_words() \
                and verb.lemma_.lower() in _cue_words() and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return _subject(verb.head.head)  # "denied that it had … and told the Panel that …": the denier tells
        return _subject(verb.head)
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        if head.dep_ in ("ccomp", "xcomp") and head.head.i < head.i and head.head.lemma_.lower() in _cue_words() \
                and verb.lemma_.lower() in _cue_words():
            # "denied that its fighters had killed civilians, saying …": the parser hangs the
            # participle on the reported clause; the one who denied says it
            return _subject(head.head)
        return _subject(head)  # "denied the charge, telling reporters that …"
    formula = _statement_formula(verb)
    if formula is not None:  # "The Ministry wishes to inform …", "has the honour to inform …"
        return _subject(formula)
    if verb.dep_ == "relcl":
        return verb.head
    aside = _aside(verb)
    if aside is not None:  # "X, asked about the move, said …", parsed as "X asked" under "said"
        return next(c for c in aside.children if c.dep_ == "nsubj")
    return None


def _statement_formula(verb: Token) -> Token | None:
    """The verb of a statement's formula a cue completes (speech.toml statement_formulas):
    "wishes" in "wishes to inform", "is" in "is pleased to announce", "has" in "has the
    honour to inform"."""
    if verb.dep_ not in ("xcomp", "relcl", "acl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    if head.lemma_.lower() not in _speech()["statement_formulas"] and head.lower_ not in _speech()["statement_formulas"]:
        return None
    if head.dep_ in ("dobj", "acomp") and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # ("has the honour", "is pleased")
    return head if head.pos_ in ("VERB", "AUX") else None


def _agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb: "it was reported by Reuters"."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((p for p in child.children if p.dep_ == "pobj"), None)
    return None


def _speaker_phrase(head: Token, name: Span, text: str) -> Span:
    """The speaker as the text names them: the name with the words before it in its
    noun phrase ("Iraqi Vice President Ayad Allawi"), without what follows
    (appositions, relative clauses)."""
    # Whitespace tokens stand where a masked dateline was ("BAGHDAD (Reuters) - ").
    left = [t for t in head.subtree if t.i <= head.i and not t.is_punct and not t.is_space and t.dep_ not in ("cc", "prep")]
    start = min([name.start] + [t.idx for t in left])
    while start < name.start and text[start] in "\"“'([ ":
        start += 1
    end = max(name.end, head.idx + len(head.text))
    # "the Members of the Security Council"; a description keeps where it is from
    # ("Analysts at the Carnegie Middle East Center", "officials in Kabul").
    # "a spokesman for JuA", "the envoy for Syria": whom the title serves
    speech = _speech()
    if head.pos_ == "NOUN":
        preps = ("of", "at", "from", "in", "with", "within", "inside", "for")
        if head.lemma_.lower() in speech["statement_nouns"]:
            preps += ("by",)  # "A study by the UN Office on Drugs and Crime": the author
    elif head.lemma_.lower() in speech["body_name_heads"]:
        preps = ("of", "on", "for", "in", "to")  # "the Panel of Experts on Yemen", "the Office in Haiti"
    else:
        preps = ("of",)
    for child in head.children:
        # "Sources close to the negotiations", "officials familiar with the talks"
        postmodifier = child.dep_ == "amod" and child.i > head.i and head.pos_ == "NOUN"
        if postmodifier or (child.dep_ == "prep" and child.lower_ in preps and child.i > head.i):
            end = max(end, _phrase_end(child))
    return Span(start, end)


def _phrase_end(token: Token) -> int:
    """Where the phrase under `token` ends, without what is said of a name inside it:
    "Veterans loyal to Ayman al-Zawahiri, al-Qaeda's leader," ends at the name."""
    aside = {t.i for c in token.subtree if c.dep_ in ("appos", "relcl") and c.i != token.i for t in c.subtree}
    words = [t for t in token.subtree if t.i not in aside and not t.is_punct]
    last = max(words or [token], key=lambda t: t.i)
    return last.idx + len(last.text)


class _Speakers:
    """Who a subject token stands for, adding pronoun and descriptive mentions."""

    def __init__(self, index: ActorIndex, quotes: list[Span]):
        self.index = index
        self.quotes = quotes
        self.last_speaker: str | None = None

    def resolve(self, subject: Token) -> tuple[str, Span] | None:
        index = self.index
        if subject.dep_ == "expl" or (subject.lower_ == "it" and any(c.dep_ == "auxpass" for c in subject.head.children)):
            return None  # "it was claimed that ...": nobody named speaks
        if subject.lower_ in ("i", "we"):
            # A statement's own voice ("We condemn …", "I urge …"): its issuer. Inside a
            # quotation the quotation's speaker says it, as one claim (claims.cue-subject).
            if any(q.start <= subject.idx < q.end for q in self.quotes):
                return None
            label = "PERSON" if subject.lower_ == "i" else "ORG"
            span = Span(subject.idx, subject.idx + len(subject.text))
            actor = index.first_person(label, subject.idx)
            index.add_mention(span, label, actor.id, "pronoun")
            return actor.id, span
        noun = relative_noun(subject)
        if noun is not None and noun.ent_type_ in ("DATE", "TIME"):
            return None  # "at the end of last year, who invited her": the parse's antecedent is a time, no speaker
        if noun is not None and noun.i != subject.i:
            # "Trump, who said …", "a militia that says it defends …": the noun the
            # clause hangs on speaks, and its phrase is the source. "The findings of the
            # Panel, which reported …": the parser hangs the clause on the first noun of
            # an "of" phrase; the party named in it speaks.
            inner = object_of(noun)
            if index.mention_for_token(noun) is None and inner is not None and index.mention_for_token(inner) is not None:
                noun = inner
            return self.resolve(noun)
        counted = object_of(subject) if subject.lower_ in _speech()["counting_subjects"] else None
        if counted is not None and index.mention_for_token(counted) is not None:
            return self.resolve(counted)
        if (subject.pos_ == "NUM" or subject.lower_ in _speech()["quantifier_subjects"]) \
                and any(c.dep_ == "prep" and c.lower_ in ("of", "in", "among", "within") for c in subject.children):
            # "one of them said", "two of the officials said", "Some in Hurras al-Din
            # suspect", "Many of those forces regard": the phrase as written.
            span = _tokens_span([t for t in subject.subtree if not t.is_punct])
            own = index.mention_for_token(subject)
            if own is not None and own.actor and own.span.end < span.end and subject.text.islower():
                # "Four members of the National Guard asked …": the people its head already
                # names speak (their membership is relations.described-member's); a second
                # actor for the whole phrase would hide them. ("The Members of the Security
                # Council urge": capitalised, the body's formal name for itself, one phrase.)
                return own.actor, span
            return index.descriptive(span, "population").id, span
        if subject.pos_ == "PRON" or subject.tag_ == "PRP":
            target = index.resolve_pronoun(subject)
            if target is None:
                return None
            span = Span(subject.idx, subject.idx + len(subject.text))
            index.add_mention(span, target.label, target.actor, "pronoun")
            return target.actor, span
        if subject.lemma_.lower() in _speech()["statement_nouns"]:
            # "the group's statement said", "the statement added", "A UN report warned": its
            # author speaks, and the phrase as written is the source.
            # with a participle after it: "A UN Monitoring Team report published last July"
            # (not one that names who carried it, "carried by Al-Manar": channels.py reads that;
            # nor after "according to", where the phrase is what the claim is folded into)
            published = [c for c in subject.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > subject.i
                         and subject.dep_ != "pobj" and not any(a.dep_ == "agent" for a in c.children)]
            phrase = _tokens_span([t for t in subject.subtree if t.i <= subject.i and not t.is_punct])
            if published:
                phrase = Span(phrase.start, max(phrase.end, _phrase_end(published[-1])))
            for child in subject.children:
                m = index.mention_of_kind(child, GROUP_KINDS | {"person"}) if child.dep_ in ("poss", "compound", "amod") else None
                if m is not None:
                    return m.actor, (m.span if child.dep_ == "poss" else phrase)
            # "A report by the Omran Center", "a report published this month by X": the
            # author after "by", the phrase up to it. An outlet ("a video released by
            # Amaq") only carried it: channels.py puts it on the via chain.
            for by in _by_phrases(subject):
                author = next((c for c in by.children if c.dep_ == "pobj"), None)
                m = index.mention_of_kind(author, (GROUP_KINDS - {"media"}) | {"person"})
                if m is not None:
                    # the phrase up to the author's name ("by the Omran Center for Strategic
                    # Studies"), not what is said of the author after it (", seen by …")
                    end = max(m.span.end, author.idx + len(author.text), phrase.end)
                    for of in (c for c in author.children if c.dep_ == "prep" and c.lower_ == "of"):
                        end = max(end, _phrase_end(of))  # "by the UN Group of Experts"
                    return m.actor, Span(phrase.start, end)
            if self.last_speaker:
                return self.last_speaker, phrase
            if subject.dep_ == "pobj":  # "according to a statement carried by Al-Manar": folded into its claim
                return None
            # "The report concludes …" with no author named anywhere: the document speaks.
            return index.descriptive(phrase, "organization").id, phrase
        # "the group's spokesman, Imad al-Din Mujahid, said": the name speaks. A name speaks
        # itself, with a title ("said Christelle Bahati, a researcher at Ebuteli") or an
        # acronym beside it ("The Ambazonia Defence Forces (ADF) denied"); but a person named
        # beside a title the model took for a body speaks ("the Director Defence Media
        # Operations, Major General Edward Buba").
        own = index.mention_for_token(subject)
        own_named = own is not None and own.basis != "nominal" and own.actor
        for child in (c for c in subject.children if c.dep_ == "appos"):
            named = index.mention_for_token(child)
            if named is None or named.basis == "nominal" or not named.actor:
                continue
            if own_named and (index.actors[own.actor].kind == "person" or index.actors[named.actor].kind != "person"):
                continue
            return named.actor, _speaker_phrase(child, named.span, index.document.text)  # with its title: "Captain Ali Nur"
        mention = index.mention_for_token(subject)
        if mention is not None:
            return mention.actor, _speaker_phrase(subject, mention.span, index.document.text)
        if subject.pos_ in ("NOUN", "PROPN"):
            # its words up to the head, and a number after it ("resolution 2773")
            tokens = [t for t in subject.subtree if (t.i <= subject.i or (t.dep_ == "nummod" and t.head.i == subject.i))
                      and t.dep_ not in ("punct", "cc")]
            tokens = [t for t in tokens if t.i >= min(x.i for x in tokens)]
            span = _tokens_span(tokens)
            kind = "population" if subject.tag_ == "NNS" or subject.lemma_ in ("source", "official", "analyst", "expert") else "organization"
            actor = index.descriptive(span, kind)
            return actor.id, span
        return None


def _by_phrases(noun: Token) -> list[Token]:
    """The "by" of "a report by X" and of "a report published by X"."""
    out = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"]
    for acl in (c for c in noun.children if c.dep_ == "acl"):
        out += [c for c in acl.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")]
    return out


def _conjuncts(subject: Token) -> list[Token]:
    return [t for t in subject.conjuncts if t.i > subject.i and t.pos_ in ("PROPN", "NOUN", "PRON")]


def _according_to(token: Token):
    to = token.doc[token.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    sent = sentence_of(token)
    phrase = set(t.i for t in token.subtree) | set(t.i for t in to.subtree)
    tokens = [t for t in sent if t.i not in phrase and not t.is_punct]
    if not tokens:
        return None
    # The content is the rest of the sentence on the side of the main clause.
    left = [t for t in tokens if t.i < token.i]
    right = [t for t in tokens if t.i > max(phrase)]
    side = right if len(right) >= len(left) else left
    if not side:
        return None
    return pobj, token, _tokens_span(side)


def _cited(cue: Token, index: ActorIndex) -> tuple[str, Span, int] | None:
    """"citing intelligence sources": the cited actor, its span, where the phrase starts."""
    last = cue.right_edge
    phrase = index.document.text[cue.left_edge.idx : last.idx + len(last.text)].lower()
    if "cit" not in phrase and "quot" not in phrase:
        return None
    for t in cue.subtree:
        if t.lemma_ in ("cite", "quote") and t.dep_ in ("advcl", "xcomp", "conj", "prep", "pcomp") and t.i != cue.i:
            for obj in t.children:
                if obj.dep_ in ("dobj", "pobj"):
                    m = index.mention_for_token(obj)
                    if m:
                        return m.actor, m.span, t.idx
                    tokens = [x for x in obj.subtree if x.i <= obj.i]
                    span = _tokens_span(tokens)
                    actor = index.descriptive(span, "population")
                    return actor.id, span, t.idx
    return None
